/**
 * Writes the PDF fixtures of the extractor tests (run: `npx tsx scripts/make-pdf-fixtures.ts`;
 * needs LibreOffice `soffice` and the WenQuanYi Micro Hei font; the tests themselves only read
 * the committed files).
 *
 * fixtures/pdf/<name>.pdf: a few chapters of the seed texts (fixtures/*.txt) typeset as a flat
 * ODT (.fodt) and converted by LibreOffice, prose lines as paragraphs and tables as real table
 * cells (one cell per value), with explicit page breaks, repeated headers and "续表" where the
 * seed has them. fixtures/pdf/<name>.txt: the exact seed lines each PDF was typeset from (ASCII
 * spaces at either end trimmed, page furniture dropped), so tests can compare what comes out of
 * the PDF with what comes out of its text twin. LibreOffice's automatic Latin/CJK spacing is
 * off: the seeds already carry a space wherever their own PDF had that gap ("2020 年" in the 2021
 * edition, none in the 2018 one), so the PDF is spaced exactly as its twin.
 *
 * fixtures/pdf/predefined-cmap.pdf: one row set by hand in the non-embedded STSong-Light font
 * with the predefined CMap UniGB-UCS2-H (readable only with the CMap files of pdfjs-dist).
 *
 * fixtures/bad/: truncated.pdf (the first bytes of a fixture), locked.pdf (open password
 * "secret"), scanned.pdf (one page that is only an image: no text layer), damaged-page.pdf (a
 * three-page fixture whose second page's content object is garbled, so that page alone fails).
 *
 * Reproducible: LibreOffice stamps the export time, a random document ID and a checksum; they
 * are replaced by fixed values of the same length, so re-running the script gives the same
 * bytes — except locked.pdf, whose encryption key derives from that ID and is left as written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PDF_DIR = join(ROOT, 'fixtures', 'pdf');
const BAD_DIR = join(ROOT, 'fixtures', 'bad');

/** A header cell: its text and how many columns / rows it spans. */
interface HeaderCell {
  text: string;
  cols?: number;
  rows?: number;
}

/** How one table is typeset: column widths, header rows, and how a body line splits into cells. */
interface TableSpec {
  /** Column widths in cm, label column first. */
  widths: number[];
  /** Header rows; a cell spanning rows is given once, in its top row. */
  header: HeaderCell[][];
  /** Matches one body line; each capture group is one cell (undefined or "　" → empty cell). */
  row: RegExp;
}

/** A run of seed lines typeset as paragraphs (one per non-blank line). */
interface ProseBlock {
  kind: 'prose';
  lines: [number, number];
  pageBreak?: boolean;
}

/** A run of seed lines typeset as one table: lines before `body` are its header as printed. */
interface TableBlock {
  kind: 'table';
  spec: TableSpec;
  lines: [number, number];
  /** First seed line of the body rows. */
  body: number;
  pageBreak?: boolean;
}

type Block = ProseBlock | TableBlock;

/** One fixture: the seed it comes from, the page orientation, the blocks in printing order. */
interface Fixture {
  name: string;
  seed: string;
  landscape: boolean;
  /** Seed lines left out (running headers and other page furniture). */
  skip: number[];
  blocks: Block[];
}

// Cell patterns. The 2021 edition groups thousands with a space ("84 451"); counts stay below a
// million, so a grouped integer has exactly one group, which keeps adjacent counts apart.
const INT = String.raw`\d{1,3} \d{3}|\d{1,4}`;
const DEC = String.raw`-?(?:\d{1,3} \d{3}|\d{1,4})\.\d+[a-z]?`;
const RANK = String.raw`\d{1,2}|　`;
const PLAIN_INT = String.raw`\d+`;
const PLAIN_DEC = String.raw`\d+\.\d+`;
const PLAIN_RANK = String.raw`\d{1,2}`;
const LABEL = String.raw`\D+?`;
/** An optional cell (printed in some rows only) for `row`. */
function optional(pattern: string): { optional: string } {
  return { optional: pattern };
}

/** A row pattern: one capture group per cell, cells separated by one space. */
function row(...cells: (string | { optional: string })[]): RegExp {
  const parts = cells.map((c, i) => {
    if (typeof c !== 'string') return `(?: (${c.optional}))?`;
    return i === 0 ? `(${c})` : ` (${c})`;
  });
  return new RegExp(`^${parts.join('')}$`);
}

const REGION_2020: TableSpec = {
  widths: [3.2, 2.3, 2.5, 1.3, 2.3, 2.5, 1.3],
  header: [
    [{ text: '地区', rows: 2 }, { text: '2019 年', cols: 3 }, { text: '2020 年', cols: 3 }],
    ['合同数 / 项', '成交额 / 亿元', '排名', '合同数 / 项', '成交额 / 亿元', '排名'].map((text) => ({ text })),
  ],
  row: row(LABEL, INT, DEC, optional(RANK), INT, DEC, optional(RANK)),
};

const ANNEX1_2020: TableSpec = {
  widths: [3.1, ...Array<number>(9).fill(2.5)],
  header: [[{ text: '' }, ...[2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020].map((y) => ({ text: `${y} 年` }))]],
  row: new RegExp(`^(${LABEL})${` (${DEC}|${INT})`.repeat(9)}$`),
};

const ANNEX2_2020: TableSpec = {
  widths: [3.1, 2.6, 2.8, 2.2, 2.2, 2.6, 2.8, 2.2, 2.2],
  header: [
    [{ text: '合同类别', rows: 3 }, { text: '2019 年', cols: 4 }, { text: '2020 年', cols: 4 }],
    [{ text: '合同数 / 项', rows: 2 }, { text: '成交额', cols: 3 }, { text: '合同数 / 项', rows: 2 }, { text: '成交额', cols: 3 }],
    ['金额 / 亿元', '增长 /%', '占比 /%', '金额 / 亿元', '增长 /%', '占比 /%'].map((text) => ({ text })),
  ],
  row: row(LABEL, INT, DEC, DEC, DEC, INT, DEC, DEC, DEC),
};

const ANNEX3_2020: TableSpec = {
  widths: [5.5, 3, 2.4, 3, 2.4, 2.4],
  header: [
    [{ text: '技术领域', rows: 2 }, { text: '合同数', cols: 2 }, { text: '成交额', cols: 3 }],
    ['项数 / 项', '增长 /%', '金额 / 亿元', '增长 /%', '占比 /%'].map((text) => ({ text })),
  ],
  row: row(LABEL, INT, DEC, DEC, DEC, DEC),
};

// The 2018 edition prints numbers without grouping and pads two-character names ("北 京").
const FLOW_2017: TableSpec = {
  widths: [3, 2.3, 2.5, 1.3, 2.3, 2.5, 1.3],
  header: [
    [{ text: '地 区', rows: 2 }, { text: '输出技术', cols: 3 }, { text: '吸纳技术', cols: 3 }],
    ['合同数/项', '成交额/亿元', '排名', '合同数/项', '成交额/亿元', '排名'].map((text) => ({ text })),
  ],
  row: row(LABEL, PLAIN_INT, PLAIN_DEC, optional(PLAIN_RANK), PLAIN_INT, PLAIN_DEC, optional(PLAIN_RANK)),
};

const FIXTURES: Fixture[] = [
  {
    // 2021 edition, 表3-1: three pages, header repeated on each, "续表" before the third.
    name: '001_table3-1',
    seed: '001_4bcf1cefdaeec81d.txt',
    landscape: false,
    skip: [],
    blocks: [
      { kind: 'prose', lines: [496, 508] },
      { kind: 'table', spec: REGION_2020, lines: [509, 518], body: 514 },
      { kind: 'table', spec: REGION_2020, lines: [519, 569], body: 524, pageBreak: true },
      { kind: 'prose', lines: [570, 570], pageBreak: true },
      { kind: 'table', spec: REGION_2020, lines: [571, 598], body: 576 },
    ],
  },
  {
    // 2021 edition, 附表1-3 (landscape): 附表3 continues on page 2 under a repeated header.
    name: '001_annex1-3',
    seed: '001_4bcf1cefdaeec81d.txt',
    landscape: true,
    skip: [2173],
    blocks: [
      { kind: 'prose', lines: [2126, 2127] },
      { kind: 'table', spec: ANNEX1_2020, lines: [2128, 2133], body: 2130 },
      { kind: 'prose', lines: [2134, 2135] },
      { kind: 'table', spec: ANNEX2_2020, lines: [2136, 2157], body: 2148 },
      { kind: 'prose', lines: [2158, 2159] },
      { kind: 'table', spec: ANNEX3_2020, lines: [2160, 2172], body: 2165 },
      { kind: 'table', spec: ANNEX3_2020, lines: [2173, 2193], body: 2179, pageBreak: true },
    ],
  },
  {
    // 2018 edition, 表3-2: the caption follows the table body.
    name: '000_table3-2',
    seed: '000_94f9f59014649328.txt',
    landscape: false,
    skip: [],
    blocks: [
      { kind: 'prose', lines: [603, 617] },
      { kind: 'table', spec: FLOW_2017, lines: [618, 690], body: 623, pageBreak: true },
      { kind: 'prose', lines: [691, 691] },
    ],
  },
];

/** Escapes text for XML content. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The seed's lines, 1-based (index 0 unused). */
function readSeed(seed: string): string[] {
  return ['', ...readFileSync(join(ROOT, 'fixtures', seed), 'utf8').split('\n')];
}

/** A seed line as typeset and as written to the twin: ASCII spaces at either end trimmed. */
function seedLine(lines: string[], n: number): string {
  return lines[n].replace(/^ +| +$/g, '');
}

/** The seed lines of a block range, in order, minus the fixture's skipped lines. */
function blockLines(lines: string[], fixture: Fixture, [from, to]: [number, number]): { n: number; text: string }[] {
  const out: { n: number; text: string }[] = [];
  for (let n = from; n <= to; n++) if (!fixture.skip.includes(n)) out.push({ n, text: seedLine(lines, n) });
  return out;
}

/** The paragraph style of a prose line: caption, heading, "续表" or body text. */
function proseStyle(text: string): string {
  if (/^(附表|表|图)\s*\d/.test(text)) return 'Caption';
  if (text === '续表') return 'Continued';
  if (/^([一二三四五六七八九十]+、|\d+\.)/.test(text)) return 'Heading';
  return 'Body';
}

/** A paragraph in `style`; `pageBreak` starts it on a new page. */
function paragraph(text: string, style: string, pageBreak: boolean): string {
  return `<text:p text:style-name="${pageBreak ? `${style}Break` : style}">${xml(text)}</text:p>`;
}

/** The content of a body cell: a trailing footnote letter ("28 251.5a") is set as a superscript. */
function cellContent(value: string): string {
  const m = /^(.*\d)([a-z])$/.exec(value);
  return m ? `${xml(m[1])}<text:span text:style-name="Sup">${m[2]}</text:span>` : xml(value);
}

/** A table's header rows, covered cells included where spans are. */
function headerRows(spec: TableSpec): string {
  const columns = spec.widths.length;
  const covered = spec.header.map(() => Array<boolean>(columns).fill(false));
  return spec.header
    .map((cells, r) => {
      let col = 0;
      let out = '';
      for (const cell of cells) {
        while (covered[r][col]) {
          out += '<table:covered-table-cell/>';
          col++;
        }
        const cols = cell.cols ?? 1;
        const rows = cell.rows ?? 1;
        for (let dr = 0; dr < rows; dr++) for (let dc = 0; dc < cols; dc++) if (dr || dc) covered[r + dr][col + dc] = true;
        const span = `${cols > 1 ? ` table:number-columns-spanned="${cols}"` : ''}${rows > 1 ? ` table:number-rows-spanned="${rows}"` : ''}`;
        out += `<table:table-cell table:style-name="Cell"${span}><text:p text:style-name="Head">${xml(cell.text)}</text:p></table:table-cell>`;
        col++;
        for (let dc = 1; dc < cols; dc++, col++) out += '<table:covered-table-cell/>';
      }
      for (; col < columns; col++) out += '<table:covered-table-cell/>';
      return `<table:table-row>${out}</table:table-row>`;
    })
    .join('\n');
}

/** Splits a body line into cells with the table's pattern; throws when it does not fit. */
function splitRow(spec: TableSpec, text: string, where: string): string[] {
  const m = spec.row.exec(text);
  if (!m) throw new Error(`${where}: row does not match the table's cell pattern: ${text}`);
  const cells = m.slice(1).map((c) => (c === undefined || c === '　' ? '' : c));
  if (cells.length !== spec.widths.length) throw new Error(`${where}: ${cells.length} cells for ${spec.widths.length} columns`);
  return cells;
}

/**
 * One table block: header as specified, body rows split into cells. Its automatic styles (named
 * after `name`) are appended to `styles`.
 */
function table(lines: string[], fixture: Fixture, block: TableBlock, name: string, styles: string[]): string {
  const columns = block.spec.widths.map((_, i) => `<table:table-column table:style-name="${name}.C${i}"/>`).join('');
  const columnStyles = block.spec.widths
    .map((w, i) => `<style:style style:name="${name}.C${i}" style:family="table-column"><style:table-column-properties style:column-width="${w}cm"/></style:style>`)
    .join('');
  const width = block.spec.widths.reduce((a, b) => a + b, 0);
  const tableStyle = `<style:style style:name="${name}" style:family="table"><style:table-properties style:width="${width.toFixed(2)}cm" table:align="center"${block.pageBreak ? ' fo:break-before="page"' : ''}/></style:style>`;
  const body = blockLines(lines, fixture, [block.body, block.lines[1]])
    .filter((l) => l.text !== '')
    .map(({ n, text }) => {
      const cells = splitRow(block.spec, text, `${fixture.seed}:${n}`);
      const tds = cells.map((c, i) => `<table:table-cell table:style-name="Cell"><text:p text:style-name="${i === 0 ? 'Label' : 'Num'}">${cellContent(c)}</text:p></table:table-cell>`);
      return `<table:table-row>${tds.join('')}</table:table-row>`;
    })
    .join('\n');
  styles.push(tableStyle, columnStyles);
  return `<table:table table:name="${name}" table:style-name="${name}">${columns}\n${headerRows(block.spec)}\n${body}\n</table:table>`;
}

/** The flat ODT of a fixture. */
function fodt(fixture: Fixture): string {
  const lines = readSeed(fixture.seed);
  const styles: string[] = [];
  const content = fixture.blocks
    .map((block, i) => {
      if (block.kind === 'table') return table(lines, fixture, block, `T${i + 1}`, styles);
      return blockLines(lines, fixture, block.lines)
        .filter((l) => l.text !== '')
        .map((l, i) => paragraph(l.text, proseStyle(l.text), i === 0 && !!block.pageBreak))
        .join('\n');
    })
    .join('\n');
  const [w, h] = fixture.landscape ? ['29.7cm', '21cm'] : ['21cm', '29.7cm'];
  const font = 'style:font-name="WQY" style:font-name-asian="WQY" style:font-name-complex="WQY"';
  const size = (pt: number) => `fo:font-size="${pt}pt" style:font-size-asian="${pt}pt" style:font-size-complex="${pt}pt"`;
  const para = (name: string, props: string, text: string) =>
    [name, `${name}Break`]
      .map((n, i) => `<style:style style:name="${n}" style:family="paragraph"><style:paragraph-properties ${props}${i ? ' fo:break-before="page"' : ''}/><style:text-properties ${text}/></style:style>`)
      .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:creation-date>2021-06-01T00:00:00</meta:creation-date><dc:date>2021-06-01T00:00:00</dc:date><dc:title>${xml(fixture.name)}</dc:title><meta:generator>make-pdf-fixtures</meta:generator></office:meta>
<office:font-face-decls><style:font-face style:name="WQY" svg:font-family="'WenQuanYi Micro Hei'" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:text-autospace="none"/><style:text-properties ${font} ${size(10)} fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
${para('Body', 'fo:margin-bottom="0.12cm"', size(10))}
${para('Heading', 'fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"', size(12))}
${para('Caption', 'fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm"', size(10))}
${para('Continued', 'fo:text-align="end" fo:margin-bottom="0.1cm"', size(9))}
<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${size(9)}/></style:style>
<style:style style:name="Label" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties ${size(9)}/></style:style>
<style:style style:name="Num" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties ${size(9)}/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${size(9)}/></style:style>
<style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
${styles.join('\n')}
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="${w}" fo:page-height="${h}" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${content}
</office:text></office:body></office:document>
`;
}

/**
 * The text twin: every seed line of the blocks, in printing order, blank lines kept. Blocks must
 * follow each other without a gap, so the twin is one run of the seed minus the skipped lines.
 */
function twin(fixture: Fixture): string {
  const lines = readSeed(fixture.seed);
  fixture.blocks.forEach((b, i) => {
    const prev = fixture.blocks[i - 1];
    if (prev && b.lines[0] !== prev.lines[1] + 1) throw new Error(`${fixture.name}: block ${i} does not follow block ${i - 1}`);
  });
  return fixture.blocks.flatMap((b) => blockLines(lines, fixture, b.lines).map((l) => l.text)).join('\n') + '\n';
}

/** Converts a .fodt to PDF with LibreOffice; `filter` may carry export options. Returns the PDF bytes. */
function soffice(fodtPath: string, filter = 'pdf'): Buffer {
  const outDir = dirname(fodtPath);
  execFileSync('soffice', ['--headless', '--convert-to', filter, '--outdir', outDir, fodtPath], { stdio: 'pipe' });
  return readFileSync(fodtPath.replace(/\.fodt$/, '.pdf'));
}

/**
 * Replaces what LibreOffice varies on every export (the creation date, the document ID and the
 * /DocChecksum it derives from them) by fixed values of the same length, so byte offsets (the
 * xref table) stay valid.
 */
function fixVolatile(pdf: Buffer): Buffer {
  let text = pdf.toString('latin1');
  text = text.replace(/\/CreationDate\(D:\d{14}/g, '/CreationDate(D:20210601000000');
  text = text.replace(/\/DocChecksum \/[0-9A-F]{32}/g, `/DocChecksum /${'0'.repeat(32)}`);
  text = text.replace(/\/ID \[ <[0-9A-F]{32}>\s*<[0-9A-F]{32}> \]/g, (m) => m.replace(/<[0-9A-F]{32}>/g, `<${'0'.repeat(32)}>`));
  return Buffer.from(text, 'latin1');
}

/** A stream object: its dictionary entries (without /Length) and its bytes. */
function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream')]);
}

/**
 * A one-page PDF written by hand: object 1 the catalog, 2 the page tree, 3 the page (A4, with
 * `resources`, content in object 4), then `extra` objects from number 5 on.
 */
function handWrittenPdf(resources: string, content: string, extra: Buffer[]): Buffer {
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`),
    stream('', Buffer.from(content, 'latin1')),
    ...extra,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let size = parts[0].length;
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(size);
    parts.push(obj);
    size += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A page that is only a grey image (a "scan" with no text layer). */
function scannedPdf(): Buffer {
  const [w, h] = [64, 90];
  const pixels = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) pixels[y * w + x] = y % 6 < 2 && x > 6 && x < 58 ? 60 : 235;
  const image = stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels, { level: 9 }));
  return handWrittenPdf('<< /XObject << /Im1 5 0 R >> >>', 'q 476 0 0 670 60 90 cm /Im1 Do Q\n', [image]);
}

/**
 * A table row set in the non-embedded Adobe-GB1 font STSong-Light with the predefined CMap
 * UniGB-UCS2-H, as older Chinese PDF tools write it: pdf.js can only decode the text with the
 * CMap files of pdfjs-dist. Prints "北京 83 171" with a cell gap between label and number.
 */
function predefinedCmapPdf(): Buffer {
  const ucs2 = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const content = `BT /F1 10 Tf 60 760 Td <${ucs2('北京')}> Tj 100 0 Td <${ucs2('83 171')}> Tj ET\n`;
  return handWrittenPdf('<< /Font << /F1 5 0 R >> >>', content, [
    Buffer.from('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>'),
    Buffer.from('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>'),
    Buffer.from('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'),
  ]);
}

/**
 * A copy of a PDF whose `page`-th page (1-based, pages in file order) is damaged: the header of
 * its content stream's object is garbled ("5 0 ojb"), so pdf.js fails on that page only. Same
 * length, so the xref stays valid for every other object.
 */
function damagePage(pdf: Buffer, page: number): Buffer {
  const text = pdf.toString('latin1');
  const contents = [...text.matchAll(/\/Type\/Page\/[^>]*?\/Contents (\d+) 0 R/g)][page - 1]?.[1];
  if (!contents) throw new Error(`no page ${page} with /Contents`);
  const header = `\n${contents} 0 obj\n`;
  if (!text.includes(header)) throw new Error(`object ${contents} not found`);
  return Buffer.from(text.replace(header, `\n${contents} 0 ojb\n`), 'latin1');
}

function main(): void {
  mkdirSync(PDF_DIR, { recursive: true });
  mkdirSync(BAD_DIR, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'pdf-fixtures-'));
  try {
    const made = new Map<string, Buffer>();
    for (const fixture of FIXTURES) {
      const source = join(work, `${fixture.name}.fodt`);
      writeFileSync(source, fodt(fixture));
      const pdf = fixVolatile(soffice(source));
      made.set(fixture.name, pdf);
      writeFileSync(join(PDF_DIR, `${fixture.name}.pdf`), pdf);
      writeFileSync(join(PDF_DIR, `${fixture.name}.txt`), twin(fixture));
      console.log(`fixtures/pdf/${fixture.name}.pdf  ${pdf.length} bytes`);
    }
    const sample = made.get('000_table3-2')!;
    writeFileSync(join(BAD_DIR, 'truncated.pdf'), sample.subarray(0, 700));
    writeFileSync(join(BAD_DIR, 'scanned.pdf'), scannedPdf());
    writeFileSync(join(PDF_DIR, 'predefined-cmap.pdf'), predefinedCmapPdf());
    writeFileSync(join(BAD_DIR, 'damaged-page.pdf'), damagePage(made.get('001_table3-1')!, 2));
    const lockedSource = join(work, 'locked.fodt');
    writeFileSync(lockedSource, fodt({ ...FIXTURES[2], name: 'locked', blocks: FIXTURES[2].blocks.slice(0, 1) }));
    const options = { EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: 'secret' } };
    writeFileSync(join(BAD_DIR, 'locked.pdf'), soffice(lockedSource, `pdf:writer_pdf_Export:${JSON.stringify(options)}`));
    console.log('fixtures/pdf/predefined-cmap.pdf, fixtures/bad/{truncated,scanned,damaged-page,locked}.pdf');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
