/**
 * Codelists and the mapping of an observation to its dimensions (DESIGN.md "The canonical
 * record": every dimension value is a codelist member).
 *
 * How a row is mapped:
 * - The table kind says which codelists its row labels may belong to (KIND_ROWS); a column group
 *   that names a dimension (附表4's 合同类别 / 技术领域 / 知识产权) narrows that to one.
 * - The label is looked up exactly (then without a printed unit, "技术开发/万元"). Under a section
 *   (parentLabel, or a column group that is itself a member, 表10's 科技人员) only members below
 *   that section match: "其他" under 事业法人 is `public.other`, under 技术转让 `transfer.other`.
 * - A total row (合计, 总计, 全国) is the codelist's total member (`_T`); under a section it is the
 *   section's own member (附表7's 专利 › 合计 → ip_type `patent`; the section head prints no
 *   figures of its own, so the code is free). 小计 is only understood under a section. When the
 *   table title names a regional grouping (表4-2 东部地区, 表4-12 “一带一路”地区), the total of
 *   its region or country rows is that grouping (region `EAST`, `BRI`).
 * - Rows of tables whose kind lists named institutions (top_entities, trading_institutions) that
 *   no codelist knows are named institutions: their dimension is `entity` = the name as printed
 *   (no codelist exists for them); their total is entity `_T`.
 * - Rows that name a measure (表1-1 "国内生产总值GDP/亿元", measure-rows.ts) get no row dimension.
 * - `flow` comes from the column group (输出技术/吸纳技术), else the kind (附表5/6), else the title
 *   (输出/吸纳/认定登记); a contract figure by region with no side named is `registered`.
 * - A table whose title names a grouping (境外地区, “一带一路”地区 …) gives rows without a region
 *   of their own that grouping as `region` (表4-10's technology fields are 境外地区 figures).
 * - Anything else is `unmapped` (a finding, never a guess).
 *
 * Some tables mix codelists under one kind (trading_institutions: 表9's ownership, 表10's staff,
 * 表11's named exchanges) or carry kind 'other'; their plain totals can only be placed with the
 * table's other rows: `tableContext` infers which dimension a table's rows use and
 * `mapObservations` does both steps for a whole document.
 */
import type { Observation } from '../model.ts';
import { TOTAL_CODE, type Codelist, type Member } from './codelist.ts';
import { CONTRACT_TYPE } from './contract-types.ts';
import { COUNTRY } from './countries.ts';
import { ENTITY_TYPE } from './entity-types.ts';
import { FLOW } from './flow.ts';
import { IP_TYPE } from './ip-types.ts';
import { MEASURE_ROW_LABELS, withoutUnit } from './measure-rows.ts';
import { OWNERSHIP } from './ownership.ts';
import { PLAN_CATEGORY } from './plan-categories.ts';
import { GROUPINGS } from './region-groupings.ts';
import { REGION } from './regions.ts';
import { SOCIOECONOMIC_GOAL } from './socioeconomic-goals.ts';
import { STAFF } from './staff.ts';
import { TECH_FIELD } from './tech-fields.ts';
import { TTO_SERVICE } from './tto-services.ts';
import { TTO_TYPE } from './tto-types.ts';

/** The fields of an observation the mapping reads; the title and source are optional. */
export type MappableObservation = Pick<Observation, 'tableKind' | 'tableRef' | 'rowLabel' | 'parentLabel' | 'columnGroup' | 'measure'> &
  Partial<Pick<Observation, 'tableTitle' | 'sourceId'>>;

/**
 * The dimensions of one observation ({ region: "110000", flow: "outflow" }), or, when a label is
 * known to no codelist, `unmapped` = that label and `reason` = why (dimensions then hold what
 * could be mapped).
 */
export interface DimensionMapping {
  dimensions: Record<string, string>;
  unmapped: string | null;
  reason: string | null;
}

/** Every dimension with a codelist, by dimension id (seller_type, buyer_type and entity_type share one). */
export const DIMENSIONS: Readonly<Record<string, Codelist>> = {
  region: REGION,
  country: COUNTRY,
  flow: FLOW,
  contract_type: CONTRACT_TYPE,
  tech_field: TECH_FIELD,
  ip_type: IP_TYPE,
  socioeconomic_goal: SOCIOECONOMIC_GOAL,
  plan_category: PLAN_CATEGORY,
  seller_type: ENTITY_TYPE,
  buyer_type: ENTITY_TYPE,
  entity_type: ENTITY_TYPE,
  ownership: OWNERSHIP,
  staff: STAFF,
  tto_service: TTO_SERVICE,
  tto_type: TTO_TYPE,
};

/** The dimension of named institutions: its value is the name as printed, not a code. */
export const ENTITY = 'entity';

/** Per table kind: the dimensions its row labels may belong to, in order; `total`: the one a plain total counts. */
const KIND_ROWS: Record<string, { dims: string[]; total: string | null }> = {
  contracts_by_region_flow: { dims: ['region', 'country'], total: 'region' },
  contracts_by_region_outflow: { dims: ['region', 'country'], total: 'region' },
  contracts_by_region_inflow: { dims: ['region', 'country'], total: 'region' },
  contracts_by_type: { dims: ['contract_type'], total: 'contract_type' },
  avg_turnover_by_type: { dims: ['contract_type'], total: 'contract_type' },
  contracts_by_tech_field: { dims: ['tech_field'], total: 'tech_field' },
  contracts_by_ip_type: { dims: ['ip_type'], total: 'ip_type' },
  contracts_by_socioeconomic_goal: { dims: ['socioeconomic_goal'], total: 'socioeconomic_goal' },
  contracts_by_plan_category: { dims: ['plan_category'], total: 'plan_category' },
  contracts_by_seller_type: { dims: ['seller_type'], total: 'seller_type' },
  contracts_by_buyer_type: { dims: ['buyer_type'], total: 'buyer_type' },
  // Each section of 附表4 totals all major contracts, so a total without its section is that.
  major_contracts: { dims: ['contract_type', 'tech_field', 'ip_type'], total: 'contract_type' },
  top_entities: { dims: ['region', ENTITY], total: null },
  // 技术交易机构 are classified by their seller registration (2018 edition 表5-2, footnote ①).
  trading_institutions: { dims: ['seller_type', 'ownership', 'staff', 'tto_service', ENTITY], total: null },
  national_series: { dims: [], total: null },
  gdp_rd_comparison: { dims: [], total: null },
};

/** The dimensions the row labels of a table kind may belong to (every codelist for an unlisted kind). */
export function kindRowDimensions(kind: string): readonly string[] {
  return (KIND_ROWS[kind] ?? ANY_KIND).dims;
}

/** Rows of a kind not listed above (e.g. 'other') may belong to any codelist. */
const ANY_KIND = {
  dims: ['region', 'country', 'contract_type', 'tech_field', 'ip_type', 'socioeconomic_goal', 'plan_category', 'entity_type', 'ownership', 'staff', 'tto_service', 'tto_type'],
  total: null,
};

/** Section heads and column groups that name the dimension of the rows below them. */
const DIMENSION_HEADS: Record<string, string> = {
  合同类别: 'contract_type',
  合同类型: 'contract_type',
  技术领域: 'tech_field',
  知识产权: 'ip_type',
  社会经济目标: 'socioeconomic_goal',
  '社会—经济目标': 'socioeconomic_goal',
  计划类别: 'plan_category',
};

const TOTALS = new Set(['合计', '总计', '全国']);
const SUBTOTAL = '小计';
/** Entity code of a subtotal row in a list of named institutions (numbered by mapObservations). */
const SUBTOTAL_CODE = '_ST';
const TITLE_FLOWS: [RegExp, string][] = [[/输出/, 'outflow'], [/吸纳/, 'inflow'], [/认定登记/, 'registered']];
const CONTRACT_MEASURE = /^(contract_count|turnover|tech_transaction_amount|avg_turnover)/;

/** Grouping labels (and aliases), longest first, to find the grouping a title names. */
const GROUPING_NAMES = GROUPINGS.flatMap((g) => [g.label, ...g.aliases].map((name) => ({ name, code: g.code }))).sort((a, b) => b.name.length - a.name.length);

/** The regional grouping a table title names ("2020 年东部地区技术交易流向情况" → "EAST"), or null. */
export function titleGrouping(title: string | undefined): string | null {
  if (!title) return null;
  return GROUPING_NAMES.find((g) => title.includes(g.name))?.code ?? null;
}

/** Which dimension a table's rows use: per column group, and for the table as a whole. */
export interface TableContext {
  byGroup: ReadonlyMap<string, string>;
  table: string | null;
}

/** Is `ancestor` the code of one of `member`'s parents (at any depth)? */
function below(cl: Codelist, member: Member, ancestor: string): boolean {
  for (let cur = member.parent ? cl.byCode(member.parent) : undefined; cur; cur = cur.parent ? cl.byCode(cur.parent) : undefined) if (cur.code === ancestor) return true;
  return false;
}

/** The member a label names in one codelist (below `section` when given), or null. */
function resolveMember(cl: Codelist, label: string, section: string): Member | null {
  let found = cl.byLabel(label);
  if (!found.length) found = cl.byLabel(withoutUnit(label));
  if (section) {
    const heads = cl.byLabel(section);
    found = found.filter((f) => heads.some((h) => below(cl, f, h.code)));
  }
  return found.length === 1 ? found[0] : null;
}

/** How the column group and parent label of a row read: its flow, a named dimension, a section. */
function readHeads(o: MappableObservation): { flow: string | null; only: string | null; section: string; badGroup: boolean } {
  const group = o.columnGroup;
  const flow = group ? FLOW.byLabel(group)[0]?.code ?? null : null;
  const only = DIMENSION_HEADS[group] ?? DIMENSION_HEADS[o.parentLabel] ?? null;
  const parent = DIMENSION_HEADS[o.parentLabel] ? '' : o.parentLabel;
  const groupSection = group && !flow && !DIMENSION_HEADS[group] ? group : '';
  const badGroup = !!groupSection && !Object.values(DIMENSIONS).some((cl) => cl.byLabel(groupSection).length);
  return { flow, only, section: parent || groupSection, badGroup };
}

/** The dimensions a row's label may belong to, most likely first (`entity`, if allowed, last). */
function candidates(o: MappableObservation, only: string | null, context?: TableContext): string[] {
  if (only) return [only];
  const dims = (KIND_ROWS[o.tableKind] ?? ANY_KIND).dims;
  const known = context?.byGroup.get(o.columnGroup) ?? context?.table ?? null;
  if (!known || known === ENTITY) return dims;
  return [known, ...dims.filter((d) => d !== known && d !== ENTITY)];
}

/**
 * What a non-total row label is: a member of the first of `dims` whose codelist knows it, a
 * measure (no row dimension), a named institution when `dims` allows `entity`, or null.
 */
function resolveRow(o: MappableObservation, dims: string[], section: string): { dim: string; code: string } | 'measure' | null {
  for (const dim of dims) {
    const member = dim === ENTITY ? null : resolveMember(DIMENSIONS[dim], o.rowLabel, section);
    if (member) return { dim, code: member.code };
  }
  if (MEASURE_ROW_LABELS.has(withoutUnit(o.rowLabel))) return 'measure';
  return dims.includes(ENTITY) ? { dim: ENTITY, code: o.rowLabel } : null;
}

/** The side (flow) of an observation: column group, kind, the one side its title names, else null. */
function flowOf(o: MappableObservation, groupFlow: string | null): string | null {
  if (groupFlow) return groupFlow;
  if (o.tableKind === 'contracts_by_region_outflow') return 'outflow';
  if (o.tableKind === 'contracts_by_region_inflow') return 'inflow';
  const t = o.tableTitle ?? '';
  const named = TITLE_FLOWS.filter(([re]) => re.test(t));
  return named.length === 1 ? named[0][1] : null;
}

const isTotal = (label: string) => TOTALS.has(label) || label === SUBTOTAL;

/**
 * Maps one observation to its dimensions. `context` (from `tableContext`) is needed only for the
 * plain total of a table whose kind does not fix its codelist; without it such a total is
 * unmapped.
 */
export function mapDimensions(o: MappableObservation, context?: TableContext): DimensionMapping {
  const dims: Record<string, string> = {};
  const heads = readHeads(o);
  const unmapped = (reason: string, label = o.rowLabel): DimensionMapping => ({ dimensions: dims, unmapped: label, reason });
  if (heads.badGroup) return unmapped(`column group "${o.columnGroup}" names no flow, dimension or member`, o.columnGroup);
  const flow = flowOf(o, heads.flow);
  if (flow) dims.flow = flow;
  const scope = titleGrouping(o.tableTitle);
  const order = candidates(o, heads.only, context);
  const label = o.rowLabel;

  if (isTotal(label)) {
    if (heads.section) {
      const sec = order.filter((d) => d !== ENTITY).map((d) => ({ d, m: resolveMember(DIMENSIONS[d], heads.section, '') })).find((x) => x.m);
      if (!sec?.m) return unmapped(`section "${heads.section}" of a total is no member of ${order.join('/')}`);
      dims[sec.d] = sec.m.code;
    } else {
      const dim = heads.only ?? context?.byGroup.get(o.columnGroup) ?? context?.table ?? (KIND_ROWS[o.tableKind] ?? ANY_KIND).total;
      // A subtotal of named institutions is entity `_ST` (the rows above it); elsewhere 小计
      // needs the section it totals.
      if (label === SUBTOTAL && dim === ENTITY) dims.entity = SUBTOTAL_CODE;
      else if (label === SUBTOTAL) return unmapped('subtotal of a group the table does not name');
      else if (!dim) return unmapped(`total of a "${o.tableKind}" table: which codelist it totals needs the table context`);
      else if (dim === ENTITY) dims.entity = TOTAL_CODE;
      else if (scope && (dim === 'region' || dim === 'country')) dims.region = scope;
      else if (DIMENSIONS[dim].total) dims[dim] = DIMENSIONS[dim].total;
      else return unmapped(`codelist ${DIMENSIONS[dim].id} has no total`);
    }
  } else {
    const row = resolveRow(o, order, heads.section);
    if (!row) return unmapped(`no member of ${order.join('/') || 'any codelist'}${heads.section ? ` under "${heads.section}"` : ''}`);
    if (row !== 'measure') dims[row.dim] = row.code;
  }
  if (scope && !dims.region) dims.region = scope;
  if (!dims.flow && dims.region && CONTRACT_MEASURE.test(o.measure)) dims.flow = 'registered';
  return { dimensions: Object.fromEntries(Object.entries(dims).sort(([a], [b]) => (a < b ? -1 : 1))), unmapped: null, reason: null };
}

/**
 * Infers, from the non-total rows of one table, which dimension its rows use: per column group
 * the dimension most of its distinct labels resolve to (on a tie, the one met first), and the same
 * over the whole table for groups without such rows.
 */
export function tableContext(rows: MappableObservation[]): TableContext {
  const votes = new Map<string, Map<string, number>>();
  const seen = new Set<string>();
  const vote = (key: string, dim: string) => {
    const v = votes.get(key) ?? new Map<string, number>();
    v.set(dim, (v.get(dim) ?? 0) + 1);
    votes.set(key, v);
  };
  for (const o of rows) {
    const key = `${o.columnGroup}\u0000${o.parentLabel}\u0000${o.rowLabel}`;
    if (seen.has(key) || isTotal(o.rowLabel)) continue;
    seen.add(key);
    const heads = readHeads(o);
    const row = resolveRow(o, candidates(o, heads.only), heads.section);
    if (!row || row === 'measure') continue;
    vote(`g:${o.columnGroup}`, row.dim);
    vote('table', row.dim);
  }
  const best = (v: Map<string, number> | undefined) => (v ? [...v].reduce((a, b) => (b[1] > a[1] ? b : a))[0] : null);
  const byGroup = new Map<string, string>();
  for (const [key, v] of votes) if (key.startsWith('g:')) byGroup.set(key.slice(2), best(v)!);
  return { byGroup, table: best(votes.get('table')) };
}

/** Maps every observation of a document (or several), table by table; results in input order. */
export function mapObservations(rows: MappableObservation[]): DimensionMapping[] {
  const tables = new Map<string, MappableObservation[]>();
  const keyOf = (o: MappableObservation) => `${o.sourceId ?? ''}\u0000${o.tableRef}\u0000${o.tableTitle ?? ''}`;
  for (const o of rows) {
    const t = tables.get(keyOf(o));
    if (t) t.push(o);
    else tables.set(keyOf(o), [o]);
  }
  const contexts = new Map([...tables].map(([k, t]) => [k, tableContext(t)]));
  // Subtotals of named institutions are numbered in the order the table prints them (_ST1, _ST2 …).
  const seen = new Map<string, number>();
  return rows.map((o) => {
    const m = mapDimensions(o, contexts.get(keyOf(o)));
    if (m.dimensions.entity !== SUBTOTAL_CODE) return m;
    const k = `${keyOf(o)}\u0000${o.measure}\u0000${o.columnGroup}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
    return { ...m, dimensions: { ...m.dimensions, entity: `${SUBTOTAL_CODE}${seen.get(k)}` } };
  });
}
