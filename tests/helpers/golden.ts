/**
 * Test input built from the golden reference records (fixtures/golden/<seed>/golden.csv): each
 * golden row becomes a valid Observation of a source whose identity is the SHA-256 of the seed
 * file in fixtures/. Lets the load and export stages be tested before transform exists.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ObservationSchema, type DocumentClass, type Observation, type SourceDocument, type TableRecord, type TransformResult } from '../../src/model.ts';
import { parseCsv } from './parse-csv.ts';

/**
 * Folder of the golden sets, one sub-folder per seed stem: fixtures/golden, the committed copy of
 * ../shared/golden (hand-checked records, table catalogues, known discrepancies).
 */
export const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/golden', import.meta.url));
const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures', import.meta.url));

/** A source as the loader receives it: the document's identity and its transform result. */
export interface TestSource {
  doc: Omit<SourceDocument, 'lines'>;
  result: TransformResult;
  /** The golden rows, as read (seed, table_ref, …, value, unit, source_line, note). */
  golden: Record<string, string>[];
}

/** Seed stems that have a golden.csv, sorted, e.g. ["000_94f9f59014649328", …]. */
export function goldenSeeds(): string[] {
  return readdirSync(GOLDEN_DIR)
    .filter((d) => statSync(join(GOLDEN_DIR, d)).isDirectory())
    .sort();
}

/** UNIT_MULT of a printed unit: 8 for 亿元, 4 for 万元 (and 万人), 0 otherwise. */
function unitMult(unit: string): number {
  if (unit.startsWith('亿')) return 8;
  if (unit.startsWith('万')) return 4;
  return 0;
}

/** One golden row as an Observation of source `sourceId` (validated with ObservationSchema). */
export function goldenObservation(row: Record<string, string>, sourceId: string): Observation {
  return ObservationSchema.parse({
    sourceId,
    sourceName: row.seed,
    edition: null,
    tableRef: row.table_ref,
    tableTitle: '',
    tableKind: 'golden',
    dataYear: Number(row.data_year),
    rowLabel: row.row_label,
    parentLabel: row.parent_label,
    columnGroup: row.column_group,
    dimensions: {},
    measure: row.measure,
    value: row.value,
    decimals: row.value.split('.')[1]?.length ?? 0,
    unit: row.unit,
    unitMult: unitMult(row.unit),
    obsStatus: '',
    footnotes: '',
    page: null,
    line: Number(row.source_line),
    raw: row.value,
  });
}

/** How a source made of `tables` is classified: a report (its tables were read), no title or headings recorded. */
function reportOf(tables: readonly TableRecord[]): DocumentClass {
  return { kind: 'report', title: null, titleLine: null, headings: 0, headingStyle: null, tables: tables.length };
}

/** One TableRecord per table_ref of `observations`, spanning its observations' lines. */
export function tablesOf(observations: Observation[]): TableRecord[] {
  const byRef = new Map<string, Observation[]>();
  for (const o of observations) byRef.set(o.tableRef, [...(byRef.get(o.tableRef) ?? []), o]);
  return [...byRef].map(([tableRef, obs]) => ({
    sourceId: obs[0].sourceId,
    tableRef,
    tableTitle: '',
    tableKind: 'golden',
    titleLine: null,
    firstLine: Math.min(...obs.map((o) => o.line)),
    lastLine: Math.max(...obs.map((o) => o.line)),
    reading: { caption: 'found' as const, score: null, evidence: [] },
    columns: [...new Set(obs.map((o) => `${o.dataYear}|${o.columnGroup}|${o.measure}|${o.unit}`))],
    observationCount: obs.length,
  }));
}

/**
 * The golden records of seed `stem` as a loadable source. `variant` (default none) is mixed
 * into the SHA-256 to fake a changed file of the same name; `limit` keeps the first rows only.
 */
export function goldenSource(stem: string, opts: { variant?: string; limit?: number } = {}): TestSource {
  const name = `${stem}.txt`;
  const path = join(FIXTURES_DIR, name);
  const bytes = readFileSync(path);
  const hash = createHash('sha256').update(bytes);
  if (opts.variant) hash.update(opts.variant);
  const sourceId = hash.digest('hex');
  const golden = parseCsv(readFileSync(join(GOLDEN_DIR, stem, 'golden.csv'), 'utf8')).slice(0, opts.limit);
  const observations = golden.map((row) => goldenObservation(row, sourceId));
  return {
    doc: { sourceId, name, path, kind: 'text', bytes: bytes.length, pages: null },
    result: { edition: null, document: reportOf(tablesOf(observations)), tables: tablesOf(observations), observations, findings: [], warnings: [] },
    golden,
  };
}
