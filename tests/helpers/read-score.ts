/**
 * Test helper: how well a transform read a seed (or a layout variant of it), against the seed's
 * golden records (fixtures/golden/<seed>/golden.csv). A simpler cousin of ../shared/score, for
 * tests that must run on a clean clone: a golden row is found when an observation of the same
 * table, year, row label, parent, column group and measure carries its value; precision is
 * over the observations of the tables the golden set covers. Provisional references ("?L…") can
 * be mapped first to the golden table whose records they match most (a variant without captions).
 */
import type { Observation } from '../../src/model.ts';
import type { GoldenRow } from '../../scripts/variants/seed-tables.ts';

/** Found, wrong-valued and extra observations, with recall and precision. */
export interface ReadScore {
  golden: number;
  found: number;
  wrong: number;
  exported: number;
  recall: number;
  precision: number;
}

/** A label as the scorer compares it: NFKC, no white space, no "其中：". */
export const norm = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/^其中[:：]/, '');
const ref = (s: string) => norm(s).replace(/^(附表|表|图)0*/, '$1');
/** A value as a canonical number string ("2.0" → "2", "－0.50" → "-0.5"), or the text itself. */
export const num = (s: string) => {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.normalize('NFKC').replace(/[\s,%]/g, '').replace(/^[−–—－]/, '-'));
  if (!m) return s;
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const int = m[2].replace(/^0+(?=\d)/, '');
  const v = frac ? `${int}.${frac}` : int;
  return /[1-9]/.test(v) ? m[1] + v : v;
};
const cellKey = (r: { ref: string; year: number | string; label: string; parent: string; group: string; measure: string }) =>
  [ref(r.ref), String(r.year), norm(r.label), norm(r.parent), norm(r.group), r.measure].join('|');

/** Provisional table refs renamed to the golden table whose (year, label, measure, value) records they match most. */
export function mapProvisional(observations: readonly Observation[], golden: readonly GoldenRow[]): Observation[] {
  const owners = new Map<string, Set<string>>();
  for (const g of golden) {
    const k = [g.data_year, norm(g.row_label), g.measure, num(g.value)].join('|');
    owners.set(k, new Set([...(owners.get(k) ?? []), ref(g.table_ref)]));
  }
  const votes = new Map<string, Map<string, number>>();
  for (const o of observations) {
    if (!o.tableRef.startsWith('?')) continue;
    for (const r of owners.get([o.dataYear, norm(o.rowLabel), o.measure, num(o.value)].join('|')) ?? []) {
      const v = votes.get(o.tableRef) ?? new Map<string, number>();
      v.set(r, (v.get(r) ?? 0) + 1);
      votes.set(o.tableRef, v);
    }
  }
  const to = new Map([...votes].map(([from, v]) => [from, [...v].sort((a, b) => b[1] - a[1])[0][0]]));
  return observations.map((o) => (to.has(o.tableRef) ? { ...o, tableRef: to.get(o.tableRef)! } : o));
}

/**
 * Scores the table and chart observations of one seed's transform against its golden rows (prose
 * excluded). As ../shared/score does, a golden row is looked up by table, year, label, parent,
 * column group and measure, then, when that finds nothing, without the column group, without the
 * parent, and without both: each observation counts once.
 */
export function readScore(observations: readonly Observation[], golden: readonly GoldenRow[]): ReadScore {
  const rows = golden.filter((g) => g.table_ref !== 'text');
  const covered = new Set(rows.map((g) => ref(g.table_ref)));
  const exported = observations.filter((o) => covered.has(ref(o.tableRef)));
  const levels = [
    (r: Parameters<typeof cellKey>[0]) => cellKey(r),
    (r: Parameters<typeof cellKey>[0]) => cellKey({ ...r, parent: '' }),
    (r: Parameters<typeof cellKey>[0]) => cellKey({ ...r, group: '' }),
    (r: Parameters<typeof cellKey>[0]) => cellKey({ ...r, parent: '', group: '' }),
  ];
  const indexes = levels.map((key) => {
    const m = new Map<string, Observation[]>();
    for (const o of exported) {
      const k = key({ ref: o.tableRef, year: o.dataYear, label: o.rowLabel, parent: o.parentLabel, group: o.columnGroup, measure: o.measure });
      m.set(k, [...(m.get(k) ?? []), o]);
    }
    return m;
  });
  const used = new Set<Observation>();
  let found = 0;
  let wrong = 0;
  for (const g of rows) {
    const at = { ref: g.table_ref, year: g.data_year, label: g.row_label, parent: g.parent_label, group: g.column_group, measure: g.measure };
    let hit: Observation | undefined;
    for (let level = 0; level < levels.length && !hit; level++) {
      const candidates = (indexes[level].get(levels[level](at)) ?? []).filter((o) => !used.has(o));
      hit = candidates.find((o) => num(o.value) === num(g.value)) ?? (level === 0 ? candidates[0] : undefined);
    }
    if (!hit) continue;
    used.add(hit);
    if (num(hit.value) === num(g.value)) found++;
    else wrong++;
  }
  return { golden: rows.length, found, wrong, exported: exported.length, recall: found / rows.length, precision: exported.length ? found / exported.length : 0 };
}
