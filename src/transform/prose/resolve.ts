/**
 * From a statement read by grammar.ts to observations that name the same member as the tables:
 * the member keys (checks/members.ts) its mentions may stand for, on each flow the document prints,
 * are the candidates; a level figure of the statement (count or amount) that agrees within rounding
 * with a candidate's printed value (or the sum of its parts: "港澳台地区和国外", 长江经济带 on the
 * registration basis) binds the statement to it. Without such agreement the wording decides: the
 * one candidate on the flow the text names. When neither decides (or the mention is only a loose
 * name such as "企业" for 企业法人) the figures keep their printed label and no member
 * (dimensions without codes): they are exported, never checked.
 * Serves every edition.
 */
import type { Observation } from '../../model.ts';
import {
  COMPOSITE_SEPARATOR,
  PROSE_MEMBER,
  TOTAL_KEY,
  dimensionsOfKey,
  flowOfKey,
  keyOfDimensions,
  withFlow,
  type MemberIndex,
} from '../../checks/members.ts';
import { intersects, sum } from '../../checks/interval.ts';
import { isTotalLabel } from '../../checks/table.ts';
import { makeReader } from '../../checks/reading.ts';
import type { Flow } from './cues.ts';
import type { ReadFigure, Statement } from './grammar.ts';
import type { Mention, Vocabulary } from './vocabulary.ts';

/** Document context of the observations made. */
export interface ProseContext {
  sourceId: string;
  sourceName: string;
  edition: number | null;
  index: MemberIndex;
  /** Flows the document's tables print ("outflow", "inflow", "registered"). */
  flows: string[];
  /** The document's vocabulary (names printed inside a mention are looked up in it). */
  vocabulary?: Vocabulary;
}

/** A figure placed: the observation fields that depend on the member. */
interface Placed {
  key: string | null;
  label: string;
}

const round = makeReader('round');

/** Printed unit → [unit, UNIT_MULT]. */
function unitOf(unit: string): [string, number] {
  if (unit === '亿元') return ['亿元', 8];
  if (unit === '万元') return ['万元', 4];
  if (unit === '万人') return ['人', 4];
  if (unit.endsWith('百分点')) return ['百分点', 0];
  return [unit, 0];
}

/** The side a candidate key stands for: its flow, seller/buyer, or the flow its table's words name. */
function sideOf(key: string, ctx: ProseContext): string {
  const flow = flowOfKey(key);
  if (flow || key === TOTAL_KEY) return flow;
  const names = dimensionsOfKey(key).map(([k]) => k).join(' ');
  if (/seller/.test(names)) return 'outflow';
  if (/buyer/.test(names)) return 'inflow';
  const o = firstTablePrinting(ctx, key);
  const words = `${o?.columnGroup ?? ''}${o?.tableTitle ?? ''}`;
  if (/卖方|输出/.test(words)) return 'outflow';
  if (/买方|吸纳/.test(words)) return 'inflow';
  return '';
}

/** Any table printing of a key. */
function firstTablePrinting(ctx: ProseContext, key: string): Observation | undefined {
  return ctx.index.anyPrinting(key);
}

/** A key on each flow the document prints (keys without a flow stay as they are). */
function flowVariants(key: string, ctx: ProseContext): string[] {
  if (!flowOfKey(key)) return [key];
  return ctx.flows.map((f) => withFlow(key, f));
}

/** Candidate keys of a subject (one member, or a composite of several). */
function candidates(mentions: Mention[], ctx: ProseContext): string[] {
  if (mentions.length === 0) return [];
  if (mentions.length === 1) return [...new Set([...mentions[0].entry.keys].flatMap((k) => flowVariants(k, ctx)))];
  const out: string[] = [];
  for (const flow of ctx.flows.length ? ctx.flows : ['']) {
    const keys = mentions.map((m) => [...new Set([...m.entry.keys].map((k) => withFlow(k, flowOfKey(k) ? flow : '')))]);
    if (keys.some((k) => k.length !== 1)) continue;
    const composite = compose(keys.map((k) => k[0]));
    if (composite && !out.includes(composite)) out.push(composite);
  }
  return out;
}

/** The composite key of several keys that differ in exactly one dimension, or null. */
function compose(keys: string[]): string | null {
  const dims = keys.map((k) => new Map(dimensionsOfKey(k)));
  const names = [...dims[0].keys()];
  if (dims.some((d) => d.size !== names.length || names.some((n) => !d.has(n)))) return null;
  const varying = names.filter((n) => new Set(dims.map((d) => d.get(n))).size > 1);
  if (varying.length !== 1) return null;
  const v = varying[0];
  return keyOfDimensions(names.sort().map((n) => [n, n === v ? dims.map((d) => d.get(n)).join(COMPOSITE_SEPARATOR) : dims[0].get(n)!] as [string, string]));
}

/**
 * The table whose printed value of the member a prose level agrees with within rounding ("" for a
 * sum of parts), or null when none does.
 */
function agreeingTable(figure: Observation, key: string, ctx: ProseContext): string | null {
  const printed = ctx.index.printings(key, figure.dataYear, figure.measure).filter((o) => o.tableRef !== 'text');
  const mine = round.read(figure);
  if (printed.length) return printed.find((o) => intersects(round.read(o, figure.unitMult), mine))?.tableRef ?? null;
  const parts = ctx.index.partsOf(key, figure.dataYear, figure.measure);
  return parts !== null && intersects(sum(parts.map((o) => round.read(o, figure.unitMult))), mine) ? '' : null;
}

/** Whether a prose level agrees within rounding with the member's printed value (or sum of parts). */
function agrees(figure: Observation, key: string, ctx: ProseContext): boolean {
  return agreeingTable(figure, key, ctx) !== null;
}

/** Whether the member has any printed value (itself or as parts) for a figure's year and measure. */
function printedAtAll(figure: Observation, key: string, ctx: ProseContext): boolean {
  return ctx.index.printings(key, figure.dataYear, figure.measure).some((o) => o.tableRef !== 'text') || ctx.index.partsOf(key, figure.dataYear, figure.measure) !== null;
}

/** Whether a candidate's side agrees with the side the words name ("" on either side agrees). */
function onSide(key: string, wanted: string, ctx: ProseContext): boolean {
  const side = sideOf(key, ctx);
  return !wanted || !side || side === wanted;
}

/** The key a statement's subject is bound to (see the module comment), or null. */
function bindSubject(st: Statement, drafts: Observation[], ctx: ProseContext): string | null {
  if (!st.subject) return null;
  const keys = candidates(st.subject.mentions, ctx);
  const own = drafts.filter((_, i) => !st.figures[i].part);
  const levels = own.filter((d) => LEVELS.test(d.measure));
  const figureFlows = new Set(st.figures.filter((f) => !f.part).map((f) => f.flow));
  const wanted = st.subject.partner ?? (st.flow || (figureFlows.size === 1 ? [...figureFlows][0] : ''));
  const bound = keys.filter((k) => levels.some((d) => agrees(d, k, ctx)));
  if (bound.length) return bound.find((k) => sideOf(k, ctx) === wanted) ?? bound[0];
  const nested = bindByNestedName(st, levels, ctx);
  if (nested) return nested;
  // The country (whose totals every table prints) is placed by a value only; a loose name
  // ("企业" for 企业法人) only when the words name a side and one member stands on it.
  if (st.subject.mentions.some((m) => m.entry.keys.has(TOTAL_KEY))) return null;
  if (st.subject.mentions.some((m) => m.entry.fuzzy)) {
    const onStatedSide = wanted ? keys.filter((k) => sideOf(k, ctx) === wanted) : [];
    return onStatedSide.length === 1 && st.subject.mentions.length === 1 ? onStatedSide[0] : null;
  }
  const sided = keys.filter((k) => onSide(k, wanted, ctx));
  // Levels that agree with no candidate: only a member named by place and a stated flow, or by a
  // name long enough to be unmistakable, is kept (its tables then disagree with the text).
  const strong = (k: string) => (flowOfKey(k) !== '' && wanted !== '') || (st.subject!.mentions.length === 1 && st.subject!.mentions[0].text.length >= 4);
  const usable = levels.length ? sided.filter(strong) : sided;
  const printed = usable.filter((k) => own.some((d) => printedAtAll(d, k, ctx)));
  if (printed.length === 1) return printed[0];
  if (usable.length === 1 && (st.subject.mentions.length === 1 || flowOfKey(usable[0]))) return usable[0];
  // The same member on several flows and the words name none: keep the member, not the flow.
  const flowless = new Set(sided.map((k) => withFlow(k, '')));
  return flowless.size === 1 && !wanted && st.figures.every((f) => f.rank) ? [...flowless][0] : null;
}

/**
 * A statement whose levels agree with no candidate of its mention, but with a member whose name is
 * printed inside the mention ("生物、医药新品种权转让合同" written for the IP type
 * 生物、医药新品种权): that member.
 */
function bindByNestedName(st: Statement, levels: Observation[], ctx: ProseContext): string | null {
  if (st.subject!.mentions.length !== 1 || !levels.length) return null;
  const text = st.subject!.mentions[0].text;
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    for (let j = i + 2; j <= text.length; j++) {
      if (j - i === text.length) continue;
      const entry = ctx.vocabulary?.entries.get(text.slice(i, j));
      for (const k of entry?.keys ?? []) if (levels.some((d) => agrees(d, k, ctx))) found.add(k);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/** Measures of levels (amounts and counts) a statement can be bound by. */
const LEVELS = /^(contract_count|turnover|avg_turnover|org_count|tech_transaction_amount|x_[a-z_]*amount)$/;

/** The key of one figure of a bound statement (its own flow or member when it has one). */
function figureKey(f: ReadFigure, subjectKey: string | null, candidateKeys: string[], ctx: ProseContext): string | null {
  if (f.part) {
    if (f.part.entry.fuzzy) return null;
    const flow = subjectKey ? flowOfKey(subjectKey) : f.flow;
    const keys = [...new Set([...f.part.entry.keys].map((k) => (flowOfKey(k) ? withFlow(k, flow) : k)))];
    return keys.length === 1 ? keys[0] : null;
  }
  if (!subjectKey) return null;
  // A member kept without its flow ("北京输出和吸纳…位居全国第一"): each figure on its own flow.
  if (f.flow && !flowOfKey(subjectKey) && candidateKeys.includes(withFlow(subjectKey, f.flow))) return withFlow(subjectKey, f.flow);
  if (!f.flow || !sideOf(subjectKey, ctx) || sideOf(subjectKey, ctx) === f.flow) return subjectKey;
  if (flowOfKey(subjectKey)) return withFlow(subjectKey, f.flow);
  // A figure on the other side of the same member (卖方 → 买方): the candidate on that side, if one.
  const other = candidateKeys.filter((k) => sideOf(k, ctx) === f.flow);
  return other.length === 1 ? other[0] : null;
}

/** The key of a share's base member, or null. */
function baseKey(f: ReadFigure, subjectKey: string, ctx: ProseContext): string | null {
  if (!Array.isArray(f.base)) return null;
  const keys = [...f.base[0].entry.keys];
  const flow = flowOfKey(subjectKey);
  const onFlow = [...new Set(keys.map((k) => (flowOfKey(k) && flow ? withFlow(k, flow) : k)))];
  return onFlow.length === 1 && !f.base[0].entry.fuzzy ? onFlow[0] : null;
}

/** A label for a key: the table row printed under it ("合计" for the national total). */
function labelOf(key: string, fallback: string, ctx: ProseContext): { rowLabel: string; parentLabel: string; columnGroup: string; dims: Record<string, string> } {
  const flowGroup = (k: string) => ({ outflow: '输出技术', inflow: '吸纳技术' })[flowOfKey(k)] ?? '';
  const dims = { [PROSE_MEMBER]: key };
  if (key.includes(COMPOSITE_SEPARATOR)) return { rowLabel: fallback, parentLabel: '', columnGroup: flowGroup(key), dims };
  const o = firstTablePrinting(ctx, key);
  if (key === TOTAL_KEY) return { rowLabel: '合计', parentLabel: '', columnGroup: '', dims };
  if (o && isTotalLabel(o.rowLabel) && !o.parentLabel) return { rowLabel: fallback, parentLabel: '', columnGroup: o.columnGroup || flowGroup(key), dims };
  return { rowLabel: o?.rowLabel ?? fallback, parentLabel: o?.parentLabel ?? '', columnGroup: o?.columnGroup || flowGroup(key), dims };
}

/** A draft observation of a figure (member fields filled in later). */
function draft(f: ReadFigure, raw: string, where: { line: number; page: number | null }, ctx: ProseContext): Observation {
  const [unit, unitMult] = unitOf(f.figure.unit);
  return {
    sourceId: ctx.sourceId,
    sourceName: ctx.sourceName,
    edition: ctx.edition,
    tableRef: 'text',
    tableTitle: '',
    tableKind: 'prose',
    dataYear: f.year,
    rowLabel: '',
    parentLabel: '',
    columnGroup: '',
    dimensions: {},
    measure: f.measure,
    value: f.figure.value,
    decimals: f.figure.decimals,
    unit,
    unitMult,
    obsStatus: '',
    footnotes: '',
    page: where.page,
    line: where.line,
    raw,
  };
}

/**
 * The observations of one statement. `where(at)` gives the printed line and page of a paragraph
 * offset; `id` names the statement (dimension "text.statement").
 */
export function statementObservations(
  st: Statement,
  where: (at: number) => { line: number; page: number | null },
  id: string,
  previousId: string | null,
  ctx: ProseContext,
): Observation[] {
  const raw = st.text.replace(/□+/g, '').slice(0, 160);
  const drafts = st.figures.map((f) => draft(f, raw, where(f.at), ctx));
  const subjectKey = bindSubject(st, drafts, ctx);
  const keys = st.subject ? candidates(st.subject.mentions, ctx) : [];
  if (subjectKey) adoptMeasures(drafts, st, subjectKey, ctx);
  const printedLabel = (f: ReadFigure) => (f.part ? f.part.text : st.subject?.label ?? (st.subject?.mentions.map((m) => m.text).join('+') ?? ''));
  return drafts.map((d, i) => {
    const f = st.figures[i];
    const key = figureKey(f, subjectKey, keys, ctx);
    const placed: Placed = { key, label: printedLabel(f) };
    const flowGroup = ({ outflow: '输出技术', inflow: '吸纳技术' } as Record<string, string>)[f.flow] ?? '';
    const member = placed.key ? labelOf(placed.key, placed.label, ctx) : { rowLabel: placed.label || '(unnamed)', parentLabel: '', columnGroup: flowGroup, dims: {} };
    const extra: Record<string, string> = { 'text.statement': id };
    if (f.base === 'previous' && previousId) extra['text.base'] = `statement:${previousId}`;
    // A bare "占总…的" with no earlier statement in the sentence is a share of the country's total.
    else if (f.base === 'national' || f.base === 'previous') extra['text.base'] = TOTAL_KEY;
    else if (f.base && placed.key) {
      const b = baseKey(f, placed.key, ctx);
      if (b) extra['text.base'] = b;
    }
    const side = subjectKey && key === subjectKey ? sideOf(subjectKey, ctx) : '';
    const named = st.subject?.partner ?? st.flow;
    if (side && named && side !== named && f.flow === named) extra['text.side'] = named;
    const table = (key === subjectKey && key ? boundTable(drafts, st, key, ctx) : null) ?? st.subject?.mentions.find((m) => m.population)?.population ?? null;
    if (table) extra['text.table'] = table;
    if (f.rank) {
      const u = f.rank.universe;
      const within = typeof u === 'object' && placed.key ? baseKey({ ...f, base: [u] }, placed.key, ctx) : null;
      extra['text.universe'] = u === 'national' ? TOTAL_KEY : within ?? 'siblings';
      if (f.rank.bound === 'at_most') extra['text.rank'] = 'at_most';
    }
    return { ...d, rowLabel: member.rowLabel, parentLabel: member.parentLabel, columnGroup: member.columnGroup, dimensions: { ...member.dims, ...extra } };
  });
}

/** Whether a measure is a level in the same kind of unit as an observation (元 or a count). */
function sameKindOfLevel(measure: string, like: Observation, key: string, ctx: ProseContext): boolean {
  if (!LEVELS.test(measure) && /_pct$|_rank$|^avg_/.test(measure)) return false;
  const o = ctx.index.printings(key, like.dataYear, measure).find((x) => x.tableRef !== 'text');
  return o !== undefined && (like.unit.endsWith('元') ? o.unit.endsWith('元') : o.unit === like.unit) && !/_pct$|_rank$/.test(measure);
}

/**
 * A level the words call turnover (or contract_count) that the member's row prints under another
 * measure ("技术交易额", "产权交易额", a count column of its own): the measure whose printed value
 * agrees, or the only one of that kind the row prints. The growth rates printed after it follow.
 */
function adoptMeasures(drafts: Observation[], st: Statement, key: string, ctx: ProseContext): void {
  drafts.forEach((d, i) => {
    if (st.figures[i].part || !LEVELS.test(d.measure) || agrees(d, key, ctx)) return;
    const others = ctx.index.measuresOf(key, d.dataYear).filter((m) => m !== d.measure && sameKindOfLevel(m, d, key, ctx));
    const agreeing = others.filter((m) => agrees({ ...d, measure: m }, key, ctx));
    const own = ctx.index.measuresOf(key, d.dataYear).includes(d.measure);
    const adopted = agreeing.length === 1 ? agreeing[0] : !own && others.length === 1 ? others[0] : null;
    if (!adopted) return;
    const old = d.measure;
    for (let j = i; j < drafts.length; j++) {
      if (j > i && LEVELS.test(drafts[j].measure)) break;
      if (drafts[j].measure === old) drafts[j].measure = adopted;
      else if (drafts[j].measure === `${old}_growth_pct`) drafts[j].measure = `${adopted}_growth_pct`;
    }
  });
}

/** The table the statement's first agreeing level was printed in, or null. */
function boundTable(drafts: Observation[], st: Statement, key: string, ctx: ProseContext): string | null {
  for (let i = 0; i < drafts.length; i++) {
    if (st.figures[i].part || !LEVELS.test(drafts[i].measure)) continue;
    const t = agreeingTable(drafts[i], key, ctx);
    if (t) return t;
  }
  return null;
}

/** Flows a document's table keys print. */
export function documentFlows(index: MemberIndex): Flow[] {
  const flows = new Set(index.keys().map(flowOfKey).filter(Boolean));
  return [...flows] as Flow[];
}
