/**
 * Test helper: the hand-checked golden records of the real seeds (fixtures/golden/<seed>/
 * golden.csv, format in golden/FORMAT.md) as Observation objects, and the seeds' discrepancy
 * lists (discrepancies.csv), so the checks can be tried on real data.
 *
 * Mapping: sourceId = SHA-256 of fixtures/<seed>; decimals = digits after the point of the printed
 * value; line = source_line; units as DESIGN.md's canonical record has them (亿元 → CNY with
 * unitMult 8, 万元 → CNY/4, 元 → CNY/0, % → percent, 位 → rank, 万人 → 人/4, counts unchanged).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Observation } from '../../src/model.ts';
import { GOLDEN_DIR } from './golden.ts';

export { goldenSeeds } from './golden.ts';

/** Folder of the seed fixtures. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file as records keyed by its header. */
function readCsvRecords(path: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Golden unit → [unit, unitMult] of the canonical record. */
const UNITS: Record<string, [string, number]> = {
  亿元: ['CNY', 8],
  万元: ['CNY', 4],
  元: ['CNY', 0],
  '%': ['percent', 0],
  位: ['rank', 0],
  万人: ['人', 4],
  百分点: ['percentage_point', 0],
  倍: ['times', 0],
};

/** SHA-256 (hex) of a seed fixture's bytes. */
export function seedSourceId(seedFile: string): string {
  return createHash('sha256').update(readFileSync(FIXTURES_DIR + seedFile)).digest('hex');
}

/** The golden records of one seed as Observations. */
export function goldenObservations(seedStem: string): Observation[] {
  const records = readCsvRecords(join(GOLDEN_DIR, seedStem, 'golden.csv'));
  const sourceId = seedSourceId(`${seedStem}.txt`);
  return records.map((r) => {
    const [unit, unitMult] = UNITS[r.unit] ?? [r.unit, 0];
    return {
      sourceId,
      sourceName: r.seed,
      edition: null,
      tableRef: r.table_ref,
      tableTitle: '',
      tableKind: r.table_ref === 'text' ? 'prose' : 'golden',
      dataYear: Number(r.data_year),
      rowLabel: r.row_label,
      parentLabel: r.parent_label,
      columnGroup: r.column_group,
      dimensions: {},
      measure: r.measure,
      value: r.value,
      decimals: r.value.includes('.') ? r.value.split('.')[1].length : 0,
      unit,
      unitMult,
      obsStatus: '',
      footnotes: '',
      page: null,
      line: Number(r.source_line),
      raw: r.value,
    };
  });
}

/** One row of a seed's discrepancies.csv. */
export interface GoldenDiscrepancy {
  id: string;
  seed: string;
  /** real | within_rounding | truncation | share_nudged | undecidable */
  category: string;
  /** sum_to_total | children_to_parent | share | growth | average | rank | cross_table | prose_vs_table | other */
  checkKind: string;
  lines: number[];
  summary: string;
}

/** The discrepancy list of one seed. */
export function goldenDiscrepancies(seedStem: string): GoldenDiscrepancy[] {
  return readCsvRecords(join(GOLDEN_DIR, seedStem, 'discrepancies.csv')).map((r) => ({
    id: r.id,
    seed: r.seed,
    category: r.category,
    checkKind: r.check_kind,
    lines: r.lines.split(';').filter(Boolean).map(Number),
    summary: r.summary,
  }));
}
