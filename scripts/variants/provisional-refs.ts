/**
 * Evaluation only (the `no-captions` variant): a table whose caption is gone gets a provisional
 * ref from the pipeline, starting with "?" ("?L1234"). Before such an export is scored, each
 * provisional ref is rewritten to the golden table_ref of the same seed whose records it matches
 * most, so the score measures the table reading, not the (impossible) naming.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { GoldenRow } from './seed-tables.ts';

/** A label as the scorer compares it: NFKC, no white space, no "其中：" prefix. */
function normLabel(s: string): string {
  return (s ?? '').normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/^其中[:：]/, '');
}

/** A value as a canonical number string ("2.0" → "2", "0.50" → "0.5", "-0" → "0"), or the text when it is not a number. */
function canonValue(s: string): string {
  const t = (s ?? '').normalize('NFKC').replace(/[\s,%]/g, '').replace(/^[−–—]/, '-');
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return t;
  const int = m[2].replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const num = frac ? `${int}.${frac}` : int;
  return /[1-9]/.test(num) ? m[1] + num : num;
}

/** The key a record is matched on: data_year, row label, measure, value. */
function recordKey(r: Partial<Record<'data_year' | 'row_label' | 'measure' | 'value', string>>): string {
  return [String(parseInt(r.data_year ?? '', 10)), normLabel(r.row_label ?? ''), r.measure ?? '', canonValue(r.value ?? '')].join('|');
}

/** A seed file name without its extension, as the scorer compares seeds. */
function seedStem(s: string): string {
  return (s ?? '').replace(/^.*[\\/]/, '').replace(/\.(txt|pdf)$/i, '');
}

/** What remapping did: provisional tables found, and how each was named. */
export interface RemapReport {
  provisional: number;
  mapped: { seed: string; from: string; to: string; matched: number; rows: number }[];
}

/**
 * Rewrites the provisional refs (table_ref starting with "?") of an export CSV: each provisional
 * table (seed + ref) takes the golden table_ref of the same seed sharing the most
 * (data_year, row_label, measure, value) records with it; a table sharing none keeps its ref.
 * Returns the new CSV text (same columns, same row order) and what was mapped.
 */
export function remapProvisionalRefs(csv: string, golden: readonly GoldenRow[]): { csv: string; report: RemapReport } {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',');

  const goldenKeys = new Map<string, Map<string, Set<string>>>(); // seed → ref → keys
  for (const g of golden) {
    const seed = seedStem(g.seed);
    if (!goldenKeys.has(seed)) goldenKeys.set(seed, new Map());
    const refs = goldenKeys.get(seed)!;
    if (!refs.has(g.table_ref)) refs.set(g.table_ref, new Set());
    refs.get(g.table_ref)!.add(recordKey(g));
  }

  const groups = new Map<string, Record<string, string>[]>();
  for (const r of rows) {
    if (!r.table_ref?.startsWith('?')) continue;
    const k = `${seedStem(r.seed)}\u0000${r.table_ref}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const report: RemapReport = { provisional: groups.size, mapped: [] };
  for (const [k, members] of groups) {
    const [seed, ref] = k.split('\u0000');
    let best: string | null = null;
    let bestCount = 0;
    for (const [gref, keys] of goldenKeys.get(seed) ?? []) {
      const n = members.filter((m) => keys.has(recordKey(m))).length;
      if (n > bestCount || (n === bestCount && n > 0 && best !== null && gref < best)) { best = gref; bestCount = n; }
    }
    if (best === null) continue;
    for (const m of members) m.table_ref = best;
    report.mapped.push({ seed, from: ref, to: best, matched: bestCount, rows: members.length });
  }
  return { csv: stringify(rows, { header: true, columns: header }), report };
}
