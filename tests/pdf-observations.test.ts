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
