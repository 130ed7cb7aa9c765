/**
 * Which member a prose statement is about (resolve.ts): the member keys (checks/members.ts) its
 * mentions may stand for, on each flow the document prints, are the candidates; a level figure of
 * the statement that agrees within rounding with a candidate's printed value (or the sum of its
 * parts) binds the statement to it; without such agreement the wording decides (the one candidate
 * on the side the text names; a loose name such as "企业" only so); a level the words call
 * turnover that the member's row prints under another measure adopts that measure. Serves every
 * edition.
 */
import type { Observation } from '../../model.ts';
import { COMPOSITE_SEPARATOR, TOTAL_KEY, dimensionsOfKey, flowOfKey, keyOfDimensions, withFlow } from '../../checks/members.ts';
import { intersects, sum } from '../../checks/interval.ts';
import { tableOf } from '../../checks/populations.ts';
import { makeReader } from '../../checks/reading.ts';
import type { ReadFigure, Statement } from './grammar.ts';
import type { ProseContext } from './resolve.ts';
import type { Mention } from './vocabulary.ts';

const round = makeReader('round');

/** The side a candidate key stands for: its flow, seller/buyer, or the flow its table's words name. */
export function sideOf(key: string, ctx: ProseContext): string {
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
export function firstTablePrinting(ctx: ProseContext, key: string): Observation | undefined {
  return ctx.index.anyPrinting(key);
}

/** A key on each flow the document prints (keys without a flow stay as they are). */
function flowVariants(key: string, ctx: ProseContext): string[] {
  if (!flowOfKey(key)) return [key];
  return ctx.flows.map((f) => withFlow(key, f));
}

/**
 * Candidate keys of a subject (one member, or a composite of several: a name printed on both
 * sides of a transaction, as 高等院校 sells and buys, gives a composite per side).
 */
export function candidates(mentions: Mention[], ctx: ProseContext): string[] {
  if (mentions.length === 0) return [];
  if (mentions.length === 1) return [...new Set([...mentions[0].entry.keys].flatMap((k) => flowVariants(k, ctx)))];
  const out: string[] = [];
  for (const flow of ctx.flows.length ? ctx.flows : ['']) {
    const keys = mentions.map((m) => [...new Set([...m.entry.keys].map((k) => withFlow(k, flowOfKey(k) ? flow : '')))]);
    // A name printed on both sides ("高等院校" sells and buys): one composite per side, each part on it.
    const sides = keys.some((k) => k.length !== 1) ? ['outflow', 'inflow'].map((side) => keys.map((ks) => ks.filter((k) => sideOf(k, ctx) === side))) : [keys];
    for (const sided of sides) {
      if (sided.some((k) => k.length !== 1)) continue;
      const composite = compose(sided.map((k) => k[0]));
      if (composite && !out.includes(composite)) out.push(composite);
    }
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
 * The table whose printed value of the member a prose level agrees with within rounding (the table
 * a chart's labels were bound to, for a chart; "" for a sum of parts), or null when none does.
 */
function agreeingTable(figure: Observation, key: string, ctx: ProseContext): string | null {
  const printed = ctx.index.printings(key, figure.dataYear, figure.measure).filter((o) => o.tableRef !== 'text');
  const mine = round.read(figure);
  if (printed.length) {
    const match = printed.find((o) => intersects(round.read(o, figure.unitMult), mine));
    return match ? tableOf(match) : null;
  }
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
export function bindSubject(st: Statement, drafts: Observation[], ctx: ProseContext): string | null {
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
export const LEVELS = /^(contract_count|turnover|avg_turnover|org_count|tech_transaction_amount|x_[a-z_]*amount)$/;

/** The key of one figure of a bound statement (its own flow or member when it has one). */
export function figureKey(f: ReadFigure, subjectKey: string | null, candidateKeys: string[], ctx: ProseContext): string | null {
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
export function baseKey(f: ReadFigure, subjectKey: string, ctx: ProseContext): string | null {
  if (!Array.isArray(f.base)) return null;
  const keys = [...f.base[0].entry.keys];
  const flow = flowOfKey(subjectKey);
  const onFlow = [...new Set(keys.map((k) => (flowOfKey(k) && flow ? withFlow(k, flow) : k)))];
  return onFlow.length === 1 && !f.base[0].entry.fuzzy ? onFlow[0] : null;
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
export function adoptMeasures(drafts: Observation[], st: Statement, key: string, ctx: ProseContext): void {
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
export function boundTable(drafts: Observation[], st: Statement, key: string, ctx: ProseContext): string | null {
  for (let i = 0; i < drafts.length; i++) {
    if (st.figures[i].part || !LEVELS.test(drafts[i].measure)) continue;
    const t = agreeingTable(drafts[i], key, ctx);
    if (t) return t;
  }
  return null;
}
