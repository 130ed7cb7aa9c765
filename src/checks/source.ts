/**
 * What the checks across tables (same-figure, growth, average, prose shares and ranks) share: the
 * observations of one source indexed by member (members.ts), the population gate
 * (populations.ts), the tables rebuilt (table.ts), the prose statements, and a value lookup that
 * falls back from a printed figure to the sum of the member's parts. Serves every edition.
 */
import type { Observation } from '../model.ts';
import type { Readers } from './evaluate.ts';
import { intersects, sum, type Interval } from './interval.ts';
import { indexMembers, isProse, type MemberIndex } from './members.ts';
import { populations, type Populations } from './populations.ts';
import type { Reader } from './reading.ts';
import type { RoleInput } from './result.ts';
import { groupTables, type Table } from './table.ts';

/** One source's observations, indexed for the checks across tables. */
export interface SourceView {
  sourceId: string;
  observations: readonly Observation[];
  index: MemberIndex;
  populations: Populations;
  tables: Map<string, Table>;
  /** Prose observations by statement id (dimension "text.statement"). */
  statements: Map<string, Observation[]>;
  readers: Readers;
}

/** Builds the view of one source; `tables` are its observations grouped by groupTables, when the caller has them already. */
export function sourceView(observations: readonly Observation[], readers: Readers, tables: Table[] = groupTables(observations)): SourceView {
  const index = indexMembers(observations);
  const statements = new Map<string, Observation[]>();
  for (const o of observations) {
    const id = isProse(o) ? o.dimensions['text.statement'] : undefined;
    if (!id) continue;
    const list = statements.get(id) ?? [];
    list.push(o);
    statements.set(id, list);
  }
  return {
    sourceId: observations[0]?.sourceId ?? '',
    observations,
    index,
    populations: populations(observations, index),
    tables: new Map(tables.map((t) => [t.tableRef, t])),
    statements,
    readers,
  };
}

/** A value of a member: one printed figure, or the sum of printed parts. */
export interface Value {
  /** The printed figures it is made of (one, or the parts). */
  obs: Observation[];
  /** How it is shown in a message: "附表5 北京 4486.89" or "Σ 11 rows of 表3-1 = …". */
  text: string;
  /** The interval it stands for under a reading, in units of 10^mult. */
  read(r: Reader, mult: number): Interval;
  /** Its role inputs. */
  inputs(role: string): RoleInput[];
}

/** A Value of one printed figure. */
export function printedValue(o: Observation): Value {
  return {
    obs: [o],
    text: `${o.tableRef} ${o.parentLabel ? `${o.parentLabel}/` : ''}${o.rowLabel} ${o.value}`,
    read: (r, mult) => r.read(o, mult),
    inputs: (role) => [{ role, obs: o }],
  };
}

/** A Value that is the sum of printed parts. */
export function sumValue(parts: Observation[]): Value {
  const refs = [...new Set(parts.map((p) => p.tableRef))].join('/');
  const shown = parts.length <= 4 ? parts.map((p) => `${p.rowLabel} ${p.value}`).join(' + ') : `${parts.length} rows`;
  return {
    obs: parts,
    text: `Σ ${refs} ${shown}`,
    read: (r, mult) => sum(parts.map((p) => r.read(p, mult))),
    inputs: (role) => parts.map((obs) => ({ role: `${role} part`, obs })),
  };
}

/**
 * The member's value for (year, measure) from the tables: of its printings compatible with `like`
 * (population gate; 'main': the country's population), the one most others agree with, else the
 * sum of its parts; null when neither is printed.
 */
export function tableValue(v: SourceView, key: string, year: number, measure: string, like?: Observation | 'main'): Value | null {
  const fits = (o: Observation) => !like || (like === 'main' ? v.populations.isMain(o) : v.populations.compatible(o, like));
  const printed = v.index.printings(key, year, measure).filter((o) => !isProse(o) && fits(o));
  if (printed.length) return printedValue(mostAgreed(v, printed));
  const parts = v.index.partsOf(key, year, measure);
  return parts && parts.every(fits) ? sumValue(parts) : null;
}

/** Of several printings of one figure, the one most others agree with (the first when tied). */
export function mostAgreed(v: SourceView, printed: Observation[]): Observation {
  const r = v.readers.round;
  const mult = printed[0].unitMult;
  const score = (o: Observation) => printed.filter((x) => intersects(r.read(x, mult), r.read(o, mult))).length;
  return printed.reduce((best, o) => (score(o) > score(best) ? o : best), printed[0]);
}

/** The prose level of the same statement and member as `o` for a measure, if printed. */
export function statementLevel(v: SourceView, o: Observation, measure: string): Observation | undefined {
  const id = o.dimensions['text.statement'];
  if (!id) return undefined;
  const key = v.index.keyOf(o);
  return v.statements
    .get(id)
    ?.find((x) => x.measure === measure && x.dataYear === o.dataYear && v.index.keyOf(x) === key && x.rowLabel === o.rowLabel && x.columnGroup === o.columnGroup);
}

/** "表4-2 江苏 输出技术": how a printed figure is named in a subject. */
export function figureName(o: Observation): string {
  return [o.tableRef === 'text' ? `text l.${o.line}` : o.tableRef, o.parentLabel ? `${o.parentLabel}/${o.rowLabel}` : o.rowLabel, o.columnGroup].filter(Boolean).join(' ');
}
