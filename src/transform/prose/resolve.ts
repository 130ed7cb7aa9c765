/**
 * From a statement read by grammar.ts to observations that name the same member as the tables
 * (binding.ts decides which member): row label, parent label and column group of the table row,
 * the member key in dimension "text.member", and the statement's facts in "text.*" (statement,
 * base, universe, rank bound, the table it agreed with, a side the words misname). When no member
 * is decided (a loose name such as "企业" without a stated side, a name no table prints) the
 * figures keep their printed label and no member: they are exported, and checked only against
 * each other (a share of a level printed with it), never against the tables.
 * Serves every edition.
 */
import type { Observation } from '../../model.ts';
import { BOUND_TABLE, COMPOSITE_SEPARATOR, PROSE_MEMBER, TOTAL_KEY, flowOfKey, type MemberIndex } from '../../checks/members.ts';
import { isTotalLabel } from '../../checks/table.ts';
import { adoptMeasures, baseKey, bindSubject, boundTable, candidates, figureKey, firstTablePrinting, sideOf } from './binding.ts';
import type { Flow } from './cues.ts';
import type { ReadFigure, Statement } from './grammar.ts';
import type { Vocabulary } from './vocabulary.ts';

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


/** Printed unit → [unit, UNIT_MULT]. */
function unitOf(unit: string): [string, number] {
  if (unit === '亿元') return ['亿元', 8];
  if (unit === '万元') return ['万元', 4];
  if (unit === '万人') return ['人', 4];
  if (unit.endsWith('百分点')) return ['百分点', 0];
  return [unit, 0];
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
    if (table) extra[BOUND_TABLE] = table;
    if (f.rank) {
      const u = f.rank.universe;
      const within = typeof u === 'object' && placed.key ? baseKey({ ...f, base: [u] }, placed.key, ctx) : null;
      extra['text.universe'] = u === 'national' ? TOTAL_KEY : within ?? 'siblings';
      if (f.rank.bound === 'at_most') extra['text.rank'] = 'at_most';
    }
    return { ...d, rowLabel: member.rowLabel, parentLabel: member.parentLabel, columnGroup: member.columnGroup, dimensions: { ...member.dims, ...extra } };
  });
}

/** Flows a document's table keys print. */
export function documentFlows(index: MemberIndex): Flow[] {
  const flows = new Set(index.keys().map(flowOfKey).filter(Boolean));
  return [...flows] as Flow[];
}
