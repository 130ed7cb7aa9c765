/**
 * Writes bench/data/large.pdf, the large PDF of `npm run bench` (run: `npx tsx
 * bench/make-large-pdf.ts [output.pdf]`; needs LibreOffice `soffice` and the WenQuanYi Micro Hei
 * font). It is the whole 2018 edition seed (fixtures/000_94f9f59014649328.txt, ~2,800 printed
 * lines) typeset by LibreOffice on A4 pages, ~70 of them: every non-blank seed line one
 * paragraph, with page numbers as page furniture. Table rows are printed as their text lines,
 * so extract and transform see the seed's own lines with their printed spacing.
 * Reproducible like scripts/make-pdf-fixtures.ts: the export time and document ID LibreOffice
 * stamps are replaced by fixed values of the same length.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The committed large PDF. */
export const LARGE_PDF = join(ROOT, 'bench', 'data', 'large.pdf');

/** The seed it is typeset from. */
export const LARGE_PDF_SEED = join(ROOT, 'fixtures', '000_94f9f59014649328.txt');

/** Escapes text for XML content. */
function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const NUMBER = /^(-?\d+(\.\d+)?[a-z]?|—|　)$/;

/**
 * A body row of a table ("北 京 81311 4486.89 1 55944 1887.52 1": a label, then two or more
 * numbers or empty-cell marks) as cells: the label, then each number; null when the line is
 * not such a row.
 */
function rowCells(line: string): string[] | null {
  if (/^(附表|表|图)\s*\d/.test(line)) return null;
  const tokens = line.split(' ');
  const first = tokens.findIndex((t) => NUMBER.test(t));
  if (first < 1 || tokens.length - first < 2 || !tokens.slice(first).every((t) => NUMBER.test(t))) return null;
  return [tokens.slice(0, first).join(' '), ...tokens.slice(first).map((t) => (t === '　' ? '' : t))];
}

/** A seed line as a paragraph: a table body row with its cells at tab stops, else the text. */
function paragraph(line: string): string {
  const cells = rowCells(line);
  if (!cells) return `<text:p text:style-name="Body">${xml(line)}</text:p>`;
  return `<text:p text:style-name="Row">${cells.map(xml).join('<text:tab/>')}</text:p>`;
}

/** The flat ODT of the whole seed: one paragraph per non-blank line. */
function fodt(seedText: string): string {
  const paragraphs = seedText
    .split('\n')
    .map((l) => l.replace(/^ +| +$/g, ''))
    .filter((l) => l !== '')
    .map(paragraph)
    .join('\n');
  const stops = Array.from({ length: 11 }, (_, i) => `<style:tab-stop style:position="${(3.4 + i * 1.5).toFixed(1)}cm"/>`).join('');
  const font = 'style:font-name="WQY" style:font-name-asian="WQY" style:font-name-complex="WQY"';
  const size = (pt: number) => `fo:font-size="${pt}pt" style:font-size-asian="${pt}pt" style:font-size-complex="${pt}pt"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:creation-date>2021-06-01T00:00:00</meta:creation-date><dc:date>2021-06-01T00:00:00</dc:date><dc:title>large</dc:title><meta:generator>make-large-pdf</meta:generator></office:meta>
<office:font-face-decls><style:font-face style:name="WQY" svg:font-family="'WenQuanYi Micro Hei'" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:text-autospace="none"/><style:text-properties ${font} ${size(10)} fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.28cm"/><style:text-properties ${size(10)}/></style:style>
<style:style style:name="Row" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.28cm"><style:tab-stops>${stops}</style:tab-stops></style:paragraph-properties><style:text-properties ${size(9)}/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties ${size(9)}/></style:style>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"><style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${paragraphs}
</office:text></office:body></office:document>
`;
}

/** Replaces the export time, document ID and checksum LibreOffice varies (same lengths). */
function fixVolatile(pdf: Buffer): Buffer {
  let text = pdf.toString('latin1');
  text = text.replace(/\/CreationDate\(D:\d{14}/g, '/CreationDate(D:20210601000000');
  text = text.replace(/\/DocChecksum \/[0-9A-F]{32}/g, `/DocChecksum /${'0'.repeat(32)}`);
  text = text.replace(/\/ID \[ <[0-9A-F]{32}>\s*<[0-9A-F]{32}> \]/g, (m) => m.replace(/<[0-9A-F]{32}>/g, `<${'0'.repeat(32)}>`));
  return Buffer.from(text, 'latin1');
}

/** Whether LibreOffice can be run here. */
export function haveSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** Typesets the seed to `output` with LibreOffice. Returns the PDF's size in bytes. */
export function makeLargePdf(output: string): number {
  const work = mkdtempSync(join(tmpdir(), 'large-pdf-'));
  try {
    const source = join(work, `${basename(output, '.pdf')}.fodt`);
    writeFileSync(source, fodt(readFileSync(LARGE_PDF_SEED, 'utf8')));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, source], { stdio: 'pipe' });
    const pdf = fixVolatile(readFileSync(source.replace(/\.fodt$/, '.pdf')));
    writeFileSync(output, pdf);
    return pdf.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const output = resolve(process.argv[2] ?? LARGE_PDF);
  console.log(`${output}: ${makeLargePdf(output)} bytes`);
}
