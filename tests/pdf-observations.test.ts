/**
 * A PDF and the text it was typeset from must give the same observations: each fixture under
 * fixtures/pdf/ (made by scripts/make-pdf-fixtures.ts) is transformed once from the PDF and once
 * from its .txt twin; the observations are compared on what they say (table, year, row, parent,
 * column group, measure, value), not on where they were printed (line, page, raw cell text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../src/extract/pdf.ts';
import { extractText } from '../src/extract/text.ts';
import type { Observation } from '../src/model.ts';
import { transformDocument } from '../src/transform/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'pdf');

/** What an observation says, independent of where it was printed; sorted for comparison. */
function said(observations: Observation[]): string[] {
  return observations
    .map((o) => [o.tableRef, o.dataYear, o.rowLabel, o.parentLabel, o.columnGroup, o.measure, o.value].join(' | '))
    .sort();
}

describe('observations of a PDF equal those of its text twin', () => {
  it.each(['001_table3-1', '001_annex1-3', '000_table3-2'])('%s', async (name) => {
    const pdfPath = join(DIR, `${name}.pdf`);
    const txtPath = join(DIR, `${name}.txt`);
    const fromPdf = transformDocument(await extractPdf(pdfPath, readFileSync(pdfPath)));
    const fromText = transformDocument(await extractText(txtPath, readFileSync(txtPath)));
    expect(fromText.observations.length).toBeGreaterThan(0);
    expect(said(fromPdf.observations)).toEqual(said(fromText.observations));
  });
});

/**
 * The whole 2018 edition typeset to 72 pages (bench/data/large.pdf, bench/make-large-pdf.ts):
 * LibreOffice sets its rows at fixed tab stops, so numbers overflow into one another's cells
 * ("134852 3479.64 14.19", "合计 2169 508.02") and a chart's labels run across a page break. Every
 * table cell the text seed gives must come out of the PDF with the same value, except the
 * seed's sideways 表5-1 (typeset one glyph per line) and cells whose empty neighbours the
 * typesetting dropped (the seed marks them with U+3000; at most a few).
 */
describe('the whole 2018 edition as a PDF', () => {
  it('gives the text seed\'s table cells, with no value changed', async () => {
    const pdfPath = join(import.meta.dirname, '..', 'bench', 'data', 'large.pdf');
    const txtPath = join(import.meta.dirname, '..', 'fixtures', '000_94f9f59014649328.txt');
    const cellOf = (o: Observation) => [o.tableRef, o.dataYear, o.rowLabel, o.parentLabel, o.columnGroup, o.measure].join(' | ');
    const tableCells = (obs: Observation[]) => new Map(obs.filter((o) => o.tableRef !== 'text' && o.tableRef !== '表5-1').map((o) => [cellOf(o), o.value]));
    const fromPdf = tableCells(transformDocument(await extractPdf(pdfPath, readFileSync(pdfPath))).observations);
    const fromText = tableCells(transformDocument(await extractText(txtPath, readFileSync(txtPath))).observations);
    const changed = [...fromPdf].filter(([k, v]) => fromText.has(k) && fromText.get(k) !== v);
    const missing = [...fromText.keys()].filter((k) => !fromPdf.has(k));
    const extra = [...fromPdf.keys()].filter((k) => !fromText.has(k));
    expect(changed).toEqual([]);
    expect(missing.length).toBeLessThanOrEqual(fromText.size / 500);
    expect(extra.length).toBeLessThanOrEqual(fromText.size / 500);
  });
});
