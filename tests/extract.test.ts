/**
 * Extract stage: the plain-text extractor on a seed, the PDF extractor on the committed PDF
 * fixtures (fixtures/pdf, typeset from the .txt twins next to them by
 * scripts/make-pdf-fixtures.ts) and on the broken ones (fixtures/bad).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../src/extract/index.ts';
import {
  extractPdf,
  InvalidPdfError,
  NoTextLayerError,
  PasswordProtectedPdfError,
  PdfExtractError,
  type PdfSourceDocument,
} from '../src/extract/pdf.ts';
import { extractText } from '../src/extract/text.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const PDF_FIXTURES = ['001_table3-1', '001_annex1-3', '000_table3-2'];

const pdfCache = new Map<string, Promise<PdfSourceDocument>>();
/** The extraction of a committed PDF fixture (memoised: several tests read the same file). */
function pdf(name: string): Promise<PdfSourceDocument> {
  if (!pdfCache.has(name)) {
    const path = join(FIXTURES, 'pdf', `${name}.pdf`);
    pdfCache.set(name, extractPdf(path, readFileSync(path)));
  }
  return pdfCache.get(name)!;
}

/** A bad fixture's path and bytes. */
function bad(name: string): [string, Buffer] {
  const path = join(FIXTURES, 'bad', name);
  return [path, readFileSync(path)];
}

/**
 * The table rows of a text twin: a label, then only numbers (space-grouped thousands allowed,
 * a footnote letter, "　" for an empty cell). Returns the label and the digits of the values.
 */
function twinRows(name: string): { label: string; digits: string; text: string }[] {
  const rows: { label: string; digits: string; text: string }[] = [];
  for (const text of readFileSync(join(FIXTURES, 'pdf', `${name}.txt`), 'utf8').split('\n')) {
    const m = /^(\D+?)((?: (?:-?\d[\d.]*[a-z]?|　))+)$/.exec(text);
    if (m) rows.push({ label: m[1], digits: m[2].replace(/[\s　]/g, ''), text });
  }
  return rows;
}

/** One printed number as a cell holds it: "84 451", "2272.8", "-15.17", "28 251.5a". */
const ONE_NUMBER = /^-?(?:\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?[a-z]?$/;

describe('extractText', () => {
  it('numbers lines 1-based, one per line of the file, with no pages', async () => {
    const path = join(FIXTURES, '001_4bcf1cefdaeec81d.txt');
    const bytes = readFileSync(path);
    const fileLines = bytes.toString('utf8').split('\n');
    fileLines.pop(); // the file ends with a newline
    const doc = await extractText(path, bytes);
    expect(doc.kind).toBe('text');
    expect(doc.pages).toBeNull();
    expect(doc.sourceId).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.lines).toHaveLength(fileLines.length);
    doc.lines.forEach((l, i) => {
      expect(l.line).toBe(i + 1);
      expect(l.page).toBeNull();
    });
    expect(doc.lines.map((l) => l.text)).toEqual(fileLines);
    expect(doc.lines[513]).toEqual({ page: null, line: 514, text: '北京 83 171 5695.3 1 84 451 6316.2 1' });
  });
});

describe('extractPdf on the fixtures', () => {
  it.each(PDF_FIXTURES)('%s: identity, pages numbered from 1, lines numbered 1..n', async (name) => {
    const path = join(FIXTURES, 'pdf', `${name}.pdf`);
    const doc = await pdf(name);
    expect(doc.kind).toBe('pdf');
    expect(doc.name).toBe(`${name}.pdf`);
    expect(doc.sourceId).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(doc.failedPages).toEqual([]);
    expect(doc.textlessPages).toEqual([]);
    expect(doc.lines.map((l) => l.line)).toEqual(doc.lines.map((_, i) => i + 1));
    const pages = [...new Set(doc.lines.map((l) => l.page))];
    expect(pages).toEqual(Array.from({ length: doc.pages }, (_, i) => i + 1));
    expect(doc.lines.every((l) => l.text !== '' && l.text === l.text.trim())).toBe(true);
  });

  it.each(PDF_FIXTURES)('%s: every table row of the twin is one line, cells split by TAB, same numbers', async (name) => {
    const doc = await pdf(name);
    const rows = twinRows(name);
    expect(rows.length).toBeGreaterThan(10);
    let from = 0;
    for (const row of rows) {
      const at = doc.lines.findIndex((l, i) => i >= from && l.text.startsWith(`${row.label}\t`));
      expect(at, `no PDF line for twin row "${row.text}"`).toBeGreaterThanOrEqual(0);
      const [label, ...cells] = doc.lines[at].text.split('\t');
      expect(label).toBe(row.label);
      for (const cell of cells) expect(cell, `in "${doc.lines[at].text}"`).toMatch(ONE_NUMBER);
      expect(cells.join('').replace(/ /g, '')).toBe(row.digits);
      from = at + 1;
    }
  });

  it('001_table3-1: the table runs over three pages, header repeated, "续表" on the third', async () => {
    const doc = await pdf('001_table3-1');
    const pageOf = (start: string) => doc.lines.find((l) => l.text.startsWith(start))?.page;
    expect([pageOf('北京\t'), pageOf('江苏\t'), pageOf('重庆\t'), pageOf('续表')]).toEqual([1, 2, 3, 3]);
    const header = '合同数 / 项\t成交额 / 亿元\t排名\t合同数 / 项\t成交额 / 亿元\t排名';
    expect(doc.lines.filter((l) => l.text === header).map((l) => l.page)).toEqual([1, 2, 3]);
    // Empty rank cells leave no trace; the raised footnote marker stays on its row.
    expect(doc.lines.map((l) => l.text)).toContain('其中：深圳\t10 217\t705.0\t11 797\t1043.9');
    expect(doc.lines.map((l) => l.text)).toContain('合计\t484 077\t22 398.4\t549 353\t28 251.5a');
  });

  it('keeps prose and captions on one line, spaces as printed, no TAB', async () => {
    const texts = (await pdf('001_table3-1')).lines.map((l) => l.text);
    expect(texts).toContain('2020 年，全国大部分省（市）登记技术合同成交额保持增长。技术合同成交额排名前 10 位的');
    // The ideographic space after the table number is a 1 em gap: a space, not a cell boundary.
    expect(texts).toContain('表 3-1 2019—2020 年全国技术合同认定登记情况');
    const texts2018 = (await pdf('000_table3-2')).lines.map((l) => l.text);
    expect(texts2018).toContain('湖北、广东输出技术合同成交额排名居前三位，共成交技术合同122933项，占全国技术合同成交');
  });

  it('000_table3-2: the caption printed after the body comes after it, spaced labels kept', async () => {
    const doc = await pdf('000_table3-2');
    const texts = doc.lines.map((l) => l.text);
    const total = texts.indexOf('合 计\t367586\t13424.22\t367586\t13424.22');
    expect(total).toBeGreaterThan(0);
    expect(texts[total + 1]).toBe('表 3-2 2017 年全国技术合同交易情况');
    expect(texts).toContain('港澳台\t122\t60.45\t967\t203.94');
    expect(doc.lines[total].page).toBe(2);
  });

  it('decodes CJK text set in a non-embedded font with a predefined CMap (UniGB-UCS2-H)', async () => {
    const path = join(FIXTURES, 'pdf', 'predefined-cmap.pdf');
    const doc = await extractPdf(path, readFileSync(path));
    expect(doc.lines.map(({ page, line, text }) => ({ page, line, text }))).toEqual([{ page: 1, line: 1, text: '北京\t83 171' }]);
    expect(doc.lines[0].cells?.map((c) => c.text)).toEqual(['北京', '83 171']);
  });

  it('extractSource dispatches .pdf to the PDF extractor', async () => {
    const doc = await extractSource(join(FIXTURES, 'pdf', '000_table3-2.pdf'));
    expect(doc.kind).toBe('pdf');
    expect(doc.pages).toBe(2);
  });
});

describe('extractPdf on broken files', () => {
  it('an empty file is an InvalidPdfError', async () => {
    const error = await extractPdf('empty.pdf', Buffer.alloc(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidPdfError);
    expect(error).toBeInstanceOf(PdfExtractError);
    expect((error as Error).name).toBe('InvalidPdfError');
    expect((error as Error).message).toMatch(/^empty\.pdf: /);
  });

  it('a truncated file is an InvalidPdfError', async () => {
    await expect(extractPdf(...bad('truncated.pdf'))).rejects.toBeInstanceOf(InvalidPdfError);
  });

  it('a file that is not a PDF is an InvalidPdfError', async () => {
    const path = join(FIXTURES, 'pdf', '000_table3-2.txt');
    await expect(extractPdf(path, readFileSync(path))).rejects.toBeInstanceOf(InvalidPdfError);
  });

  it('a password-protected file is a PasswordProtectedPdfError', async () => {
    const error = await extractPdf(...bad('locked.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordProtectedPdfError);
    expect((error as Error).name).toBe('PasswordProtectedPdfError');
    expect((error as Error & { cause: Error }).cause.name).toBe('PasswordException');
  });

  it('a PDF without a text layer is a NoTextLayerError (needs OCR)', async () => {
    await expect(extractPdf(...bad('scanned.pdf'))).rejects.toThrow(NoTextLayerError);
    await expect(extractPdf(...bad('scanned.pdf'))).rejects.toThrow(/OCR/);
  });

  it('a damaged page is reported; the other pages are still extracted', async () => {
    const doc = await extractPdf(...bad('damaged-page.pdf'));
    expect(doc.pages).toBe(3);
    expect(doc.failedPages).toHaveLength(1);
    expect(doc.failedPages[0].page).toBe(2);
    expect([...new Set(doc.lines.map((l) => l.page))]).toEqual([1, 3]);
    expect(doc.lines.map((l) => l.line)).toEqual(doc.lines.map((_, i) => i + 1));
    expect(doc.lines.some((l) => l.text.startsWith('重庆\t'))).toBe(true);
  });
});
