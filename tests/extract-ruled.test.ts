/**
 * A PDF whose tables are ruled cells (fixtures/pdf/ruled-000_annex11-14.pdf, made by
 * scripts/make-ruled-pdfs.ts --fixture from seed lines 3506-3639 of the 2018 edition: 附表11, 12,
 * 14): every cell a separate text item framed by rules, columns fitted so tightly that neighbouring
 * cells stand closer than a cell gap, long labels wrapped onto two lines with the row's numbers
 * vertically centred between them. Each table row must come out as one line whose cells are the
 * row's label and numbers, as the text twin (the seed lines) prints them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CELL_GAP_EM } from '../src/extract/pdf-layout.ts';
import { extractPdf, type PdfSourceDocument } from '../src/extract/pdf.ts';

const PDF = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'ruled-000_annex11-14.pdf');
const TWIN = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'ruled-000_annex11-14.txt');
const NUMBER = /^[－-]?\d+(\.\d+)?$/;
const WRAPPED_LABEL = '基础研究计划（973计划）、国家重大科学研究计划';

/**
 * The table rows of the twin: a line ending in numbers is a row (label = the words before them);
 * a line of numbers only takes its label from the label lines printed just before it (the seed's
 * own wrapped label, 附表12 L3567-3568 + L3570).
 */
function twinRows(text: string): { label: string; values: string[] }[] {
  const rows: { label: string; values: string[] }[] = [];
  let pending: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const tokens = line.split(/ +/);
    let first = tokens.length;
    while (first > 0 && NUMBER.test(tokens[first - 1])) first--;
    const values = tokens.slice(first);
    if (values.length < 2) {
      pending = [...pending, line].slice(-2);
      continue;
    }
    const label = first > 0 ? tokens.slice(0, first).join(' ') : pending.join('');
    rows.push({ label, values });
    pending = [];
  }
  return rows;
}

describe('a ruled-cell PDF', () => {
  let doc: PdfSourceDocument;
  beforeAll(async () => {
    doc = await extractPdf(PDF, readFileSync(PDF));
  });

  it('gives every table row of the twin as one line: label cell, then one cell per number', () => {
    const rows = twinRows(readFileSync(TWIN, 'utf8'));
    expect(rows.length).toBe(54); // 附表11: 14 rows, 附表12: 24, 附表14: 16 (the golden set's source lines)
    const lines = doc.lines.map((l) => (l.cells ?? []).map((c) => c.text));
    const missing = rows.filter((row) => !lines.some((cells) => JSON.stringify(cells) === JSON.stringify([row.label, ...row.values])));
    expect(missing).toEqual([]);
  });

  it('keeps a line\'s text TAB-joined from its cells', () => {
    for (const line of doc.lines) expect(line.text).toBe((line.cells ?? []).map((c) => c.text).join('\t'));
  });

  it('reads a label wrapped inside its cell and the numbers centred beside it as one line', async () => {
    // The phenomenon is in the file: the label's two lines and the numbers have three baselines,
    // the numbers' between the label's.
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(PDF)), verbosity: VerbosityLevel.ERRORS }).promise;
    try {
      const items = (await (await pdf.getPage(1)).getTextContent()).items.filter((i) => 'str' in i);
      const y = (str: string) => items.find((i) => i.str === str)!.transform[5];
      const [top, bottom] = [y('基础研究计划（973计划）'), y('、国家重大科学研究计划')];
      const row = items.filter((i) => i.str === '64').map((i) => i.transform[5]);
      expect(row).toHaveLength(1);
      expect(row[0]).toBeLessThan(top);
      expect(row[0]).toBeGreaterThan(bottom);
    } finally {
      await pdf.destroy();
    }
    const lines = doc.lines.filter((l) => l.text.includes('国家重大'));
    expect(lines.map((l) => l.cells!.map((c) => c.text))).toEqual([[WRAPPED_LABEL, '64', '0.80', '0.01']]);
  });

  it('splits cells that stand closer than a cell gap, at the rule between them', async () => {
    // In the 附表11 total row, "14.71" and "13424.22" are separate items less than CELL_GAP_EM apart.
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(PDF)), verbosity: VerbosityLevel.ERRORS }).promise;
    try {
      const items = (await (await pdf.getPage(1)).getTextContent()).items.filter((i) => 'str' in i);
      const a = items.find((i) => i.str === '14.71')!;
      const b = items.find((i) => i.str === '13424.22' && i.transform[5] === a.transform[5])!;
      const gap = b.transform[4] - (a.transform[4] + a.width);
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThan(CELL_GAP_EM * a.transform[0]);
    } finally {
      await pdf.destroy();
    }
    const total = doc.lines.find((l) => l.page === 1 && l.text.startsWith('合 计\t367586'));
    expect(total?.cells?.map((c) => c.text)).toEqual(['合 计', '367586', '14.71', '13424.22', '17.68', '100.00']);
  });

  it('joins a multi-line header cell and keeps section heads as label-only lines', () => {
    const texts = doc.lines.map((l) => l.text);
    expect(texts).toContain('项数/项\t增长(%)\t金额/亿元\t增长(%)\t占比(%)');
    expect(texts).toContain('事业法人');
    expect(texts).toContain('国家科技计划');
  });
});
