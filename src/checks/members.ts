/**
 * Which observations of one source name the same thing (DESIGN.md "Checks": the same figure agrees
 * across tables, prose and editions). A member is identified by the codelist `dimensions` transform
 * puts on an observation (region, flow, contract_type, seller_type …), normalised so that every way
 * of writing a national total is one key:
 *
 * - dimensions whose code is the codelist total "_T" are dropped ({contract_type: _T, flow: inflow,
 *   region: ABROAD} is the member {flow: inflow, region: ABROAD}); what is left, sorted, is the key
 *   ("flow=inflow;region=ABROAD");
 * - nothing left, or only a flow, is the national total, key "TOTAL" (the country's total of
 *   contracts and turnover is the same whether counted by seller, buyer or registration; a total
 *   of organisations or people is "TOTAL@<dimension>", since sellers are not buyers);
 * - an observation without dimensions is the national total when its table prints that measure
 *   once per year (a national series such as 附表1 or 表1-1); otherwise it has no key and is never
 *   matched (nothing is guessed from labels alone);
 * - dimension keys starting with "text." describe a prose statement (prose.ts) and are not part of
 *   the member; a prose figure's member key is its dimension "text.member";
 * - a code "a+b+c" (prose naming several members at once: "港澳台地区和国外") is a composite whose
 *   value is the sum of its parts.
 *
 * A grouping (东部地区, 长江经济带 …) printed by a table whose grand total is that grouping has as
 * parts the rows of that table: its value on another basis (e.g. registered, 表3-1) is their sum.
 * Serves every edition: nothing here names a table or a code.
 */
import type { Observation } from '../model.ts';
import { isTotalLabel } from './table.ts';

/** Key of the national total. */
export const TOTAL_KEY = 'TOTAL';
/** Code of a codelist total. */
const TOTAL_CODE = '_T';
/** Prefix of dimension keys that describe a prose statement rather than the member. */
export const TEXT_DIMENSION_PREFIX = 'text.';
/**
 * Dimension under which a prose figure carries the key of the member it was placed under (prose.ts):
 * a key, not codelist codes, so that views and codelist mappings over `dimensions` see only the
 * tables' rows.
 */
export const PROSE_MEMBER = 'text.member';
/**
 * Dimension naming the table a figure printed outside any table was bound to: a prose figure
 * that agreed with it (prose.ts), or a chart's bare value labels matched to it (chart-labels.ts).
 */
export const BOUND_TABLE = 'text.table';
/** Separator of the parts of a composite code. */
export const COMPOSITE_SEPARATOR = '+';

/** Member dimensions of an observation (prose statement keys left out). */
export function memberDimensions(o: Pick<Observation, 'dimensions'>): [string, string][] {
  return Object.entries(o.dimensions)
    .filter(([k]) => !k.startsWith(TEXT_DIMENSION_PREFIX))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Measures whose national total is the same by whichever breakdown it is counted (every contract
 * has one seller and one buyer): contracts and money. The national count of organisations or
 * people depends on the breakdown (sellers are not buyers), so their totals keep its dimension.
 */
const BREAKDOWN_FREE = /^(?:x_)?(?:contract_count|turnover|tech_transaction_amount|avg_turnover)(?:_|$)/;

/** The key of a list of member dimensions (see the module comment), for a measure when given. */
export function keyOfDimensions(dims: readonly [string, string][], measure = 'turnover'): string {
  const kept = dims.filter(([, v]) => v !== TOTAL_CODE);
  if (kept.every(([k]) => k === 'flow')) {
    if (BREAKDOWN_FREE.test(measure)) return TOTAL_KEY;
    return `${TOTAL_KEY}@${dims.filter(([k]) => k !== 'flow').map(([k]) => k).join(',')}`;
  }
  return kept.map(([k, v]) => `${k}=${v}`).join(';');
}

/**
 * The national total a member's figure of `measure` is part of: TOTAL for contracts and money, or
 * the total of the member's own breakdown (TOTAL@seller_type) for organisations and people.
 */
export function nationalKeyFor(key: string | null, measure: string): string {
  if (BREAKDOWN_FREE.test(measure) || key === null) return TOTAL_KEY;
  return keyOfDimensions(dimensionsOfKey(key).map(([k]) => [k, TOTAL_CODE] as [string, string]), measure);
}

/** The dimensions a key stands for (TOTAL → []). */
export function dimensionsOfKey(key: string): [string, string][] {
  if (key.startsWith(TOTAL_KEY) || key === '') return [];
  return key.split(';').map((e) => {
    const i = e.indexOf('=');
    return [e.slice(0, i), e.slice(i + 1)] as [string, string];
  });
}

/** The flow code of a key ("outflow", "inflow", "registered"), or "" when it has none. */
export function flowOfKey(key: string): string {
  return dimensionsOfKey(key).find(([k]) => k === 'flow')?.[1] ?? '';
}

/** The key with its flow replaced (or removed when `flow` is ""). */
export function withFlow(key: string, flow: string): string {
  if (key.startsWith(TOTAL_KEY)) return key;
  const dims = dimensionsOfKey(key).filter(([k]) => k !== 'flow');
  if (flow) dims.push(['flow', flow]);
  return keyOfDimensions(dims.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Map key of (key, year, measure). */
function slot(key: string, year: number, measure: string): string {
  return `${key}|${year}|${measure}`;
}

/** Whether an observation is a prose figure (table_ref "text"). */
export function isProse(o: Pick<Observation, 'tableRef'>): boolean {
  return o.tableRef === 'text';
}

/** The observations of one source indexed by member (see the module comment). */
export interface MemberIndex {
  /** The member key of an observation, or null when it names no identifiable member. */
  keyOf(o: Observation): string | null;
  /** Every printing of (member, year, measure), in line order. */
  printings(key: string, year: number, measure: string): Observation[];
  /**
   * The member's value as a sum of printed parts, when it is not printed itself: the parts of a
   * composite key, or the rows of the table whose total is this grouping (on this key's flow).
   * Every part must be printed (the first printing of each is used); null otherwise.
   */
  partsOf(key: string, year: number, measure: string): Observation[] | null;
  /**
   * The universe a rank or share of a table observation is relative to: the key of its table's
   * grand total in the same column group, or the table itself when it prints none.
   */
  universeOf(o: Observation): string;
  /** Every key with at least one printing. */
  keys(): string[];
  /** The keys with a flow that are `key` on some flow ("region=110000" → "flow=outflow;region=110000", …), in keys() order. */
  flowVariants(key: string): string[];
  /** Measures printed for a key in a year (tables only). */
  measuresOf(key: string, year: number): string[];
  /** The first table observation printed under a key (its row label, table), or undefined. */
  anyPrinting(key: string): Observation | undefined;
}

/** Builds the member index of one source's observations (tables and prose). */
export function indexMembers(observations: readonly Observation[]): MemberIndex {
  const seriesCount = new Map<string, number>();
  for (const o of observations) {
    if (memberDimensions(o).length || o.parentLabel) continue;
    const k = `${o.tableRef}|${o.dataYear}|${o.measure}`;
    seriesCount.set(k, (seriesCount.get(k) ?? 0) + 1);
  }
  const keyCache = new Map<Observation, string | null>();
  const keyOf = (o: Observation): string | null => {
    if (keyCache.has(o)) return keyCache.get(o)!;
    const dims = memberDimensions(o);
    let key: string | null = null;
    if (isProse(o)) key = o.dimensions[PROSE_MEMBER] ?? null;
    else if (dims.length) key = keyOfDimensions(dims, o.measure);
    // A national series: one figure per year and measure (organisations and people are counted
    // per breakdown, so without dimensions their total names no member).
    else if (!isProse(o) && !o.parentLabel && !/_rank$|_share_pct$|org_count|staff_count/.test(o.measure) && seriesCount.get(`${o.tableRef}|${o.dataYear}|${o.measure}`) === 1) key = TOTAL_KEY;
    keyCache.set(o, key);
    return key;
  };
  const bySlot = new Map<string, Observation[]>();
  const first = new Map<string, Observation>();
  const measuresByKeyYear = new Map<string, string[]>();
  const totals = new Map<string, string>(); // `${tableRef}|${columnGroup}` → key of the grand total
  for (const o of observations) {
    const key = keyOf(o);
    if (key === null) continue;
    const s = slot(key, o.dataYear, o.measure);
    const list = bySlot.get(s) ?? [];
    list.push(o);
    bySlot.set(s, list);
    if (!isProse(o) && !first.has(key)) first.set(key, o);
    const ky = `${key}|${o.dataYear}`;
    const ms = measuresByKeyYear.get(ky) ?? [];
    if (!isProse(o) && !ms.includes(o.measure)) measuresByKeyYear.set(ky, [...ms, o.measure]);
    if (!isProse(o) && !o.parentLabel && isTotalLabel(o.rowLabel)) totals.set(`${o.tableRef}|${o.columnGroup}`, key);
  }
  for (const list of bySlot.values()) list.sort((a, b) => a.line - b.line);
  const groupings = groupingParts(observations, keyOf, totals);

  const printings = (key: string, year: number, measure: string) => bySlot.get(slot(key, year, measure)) ?? [];
  const keys = [...new Set([...bySlot.keys()].map((s) => s.split('|')[0]))];
  let variants: Map<string, string[]> | undefined;
  return {
    keyOf,
    printings,
    partsOf(key, year, measure) {
      const partKeys = compositeParts(key) ?? groupings.get(withFlow(key, ''))?.map((p) => withFlow(p, flowOfKey(key)));
      if (!partKeys || partKeys.length < 2) return null;
      const parts: Observation[] = [];
      for (const p of partKeys) {
        const found = printings(p, year, measure).filter((o) => !isProse(o));
        if (!found.length) return null;
        parts.push(found[0]);
      }
      return parts;
    },
    universeOf(o) {
      return isProse(o) ? (o.dimensions['text.universe'] ?? 'text') : (totals.get(`${o.tableRef}|${o.columnGroup}`) ?? `table:${o.tableRef}`);
    },
    keys: () => keys,
    flowVariants(key) {
      if (!variants) {
        variants = new Map();
        for (const k of keys) {
          if (!flowOfKey(k)) continue;
          const flowless = withFlow(k, '');
          variants.set(flowless, [...(variants.get(flowless) ?? []), k]);
        }
      }
      return variants.get(key) ?? [];
    },
    anyPrinting: (key) => first.get(key),
    measuresOf: (key, year) => measuresByKeyYear.get(`${key}|${year}`) ?? [],
  };
}

/** The part keys of a composite key ("region=HMT+FOREIGN;flow=outflow"), or null. */
export function compositeParts(key: string): string[] | null {
  const dims = dimensionsOfKey(key);
  const i = dims.findIndex(([, v]) => v.includes(COMPOSITE_SEPARATOR));
  if (i < 0) return null;
  return dims[i][1].split(COMPOSITE_SEPARATOR).map((code) => keyOfDimensions(dims.map(([k, v], j) => [k, j === i ? code : v] as [string, string])));
}

/**
 * Groupings and their parts, flow removed: for each table whose grand total has a key, the keys of
 * its top-level rows when they differ from the total in exactly one dimension (provinces of 东部).
 */
function groupingParts(
  observations: readonly Observation[],
  keyOf: (o: Observation) => string | null,
  totals: Map<string, string>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rowsByTable = new Map<string, Set<string>>();
  for (const o of observations) {
    if (isProse(o) || o.parentLabel || isTotalLabel(o.rowLabel)) continue;
    const k = keyOf(o);
    const tk = `${o.tableRef}|${o.columnGroup}`;
    if (k === null || !totals.has(tk)) continue;
    const set = rowsByTable.get(tk) ?? new Set<string>();
    set.add(withFlow(k, ''));
    rowsByTable.set(tk, set);
  }
  for (const [tk, rows] of rowsByTable) {
    const total = withFlow(totals.get(tk)!, '');
    if (total === TOTAL_KEY || out.has(total)) continue;
    const td = new Map(dimensionsOfKey(total));
    const parts = [...rows].filter((r) => {
      const rd = dimensionsOfKey(r);
      const differing = rd.filter(([k, v]) => td.get(k) !== v);
      return rd.length === td.size && differing.length === 1;
    });
    if (parts.length >= 2 && parts.length === rows.size) out.set(total, parts);
  }
  return out;
}
