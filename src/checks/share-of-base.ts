/**
 * Check kind `share_of_base` (DESIGN.md "Checks": shares agree with part/total) for the shares the
 * running text states ("占全国技术合同成交总额的 35.37%", "占东部地区输出技术合同成交额的 34.4%",
 * "其中，技术项目11493项，占总项数的92.01%"): share ≈ part / base × 100, where the part is the
 * level printed in the same statement (else the member's printed value) and the base the one the
 * words name (prose.ts dimension "text.base": the national total, a member, or the previous
 * statement of the sentence). A miss by at most one unit of the last digit, among prose shares of
 * one base printed together that total exactly 100, is a share nudged to 100 (warning); one that
 * only truncation explains is a warning too. Serves every edition.
 */
import type { CheckResult, Observation } from '../model.ts';
import { Dec, div, pow10, intersects, scale } from './interval.ts';
import { evaluate, type Relation } from './evaluate.ts';
import { baseCandidates } from './measures.ts';
import { isProse, nationalKeyFor, TOTAL_KEY } from './members.ts';
import { resultOf } from './result.ts';
import { figureName, printedValue, statementLevel, tableValue, type SourceView, type Value } from './source.ts';

const KIND = 'share_of_base';
/** Prose shares printed within this many lines of each other belong to one enumeration. */
const NEARBY_LINES = 12;

/** The part of a share: the statement's level, else the member's printed value. */
function partOf(v: SourceView, s: Observation, measure: string): Value | null {
  const stated = statementLevel(v, s, measure);
  if (stated) return printedValue(stated);
  const key = v.index.keyOf(s);
  return key === null ? null : tableValue(v, key, s.dataYear, measure, s);
}

/** The base a share's words name. */
function baseOf(v: SourceView, s: Observation, measure: string): Value | null {
  const base = s.dimensions['text.base'];
  if (!base) return null;
  if (base.startsWith('statement:')) {
    const level = v.statements.get(base.slice('statement:'.length))?.find((o) => o.measure === measure && o.dataYear === s.dataYear);
    return level ? printedValue(level) : null;
  }
  // The national total is the main population's (the country's), whichever table the part is from;
  // of organisations or people, the total of the member's own breakdown (all sellers).
  if (base === TOTAL_KEY) return tableValue(v, nationalKeyFor(v.index.keyOf(s), measure), s.dataYear, measure, 'main');
  return tableValue(v, base, s.dataYear, measure, s);
}

/** Whether the prose shares printed with this one, of the same base, total exactly 100. */
function enumeratedTo100(v: SourceView, s: Observation): boolean {
  const together = v.observations.filter(
    (o) => isProse(o) && o.measure === s.measure && o.dataYear === s.dataYear && o.dimensions['text.base'] === s.dimensions['text.base'] && Math.abs(o.line - s.line) <= NEARBY_LINES,
  );
  return together.length > 2 && together.reduce((acc, o) => acc.plus(o.value), new Dec(0)).eq(100);
}

/**
 * A table's printed share of the same member and base that the prose share re-rounds to fewer
 * decimals (附表7 5.25 → text 5.3), if any.
 */
function reroundedShare(v: SourceView, s: Observation): Observation | undefined {
  const key = v.index.keyOf(s);
  if (key === null) return undefined;
  const mine = v.readers.round.read(s);
  return v.index
    .printings(key, s.dataYear, s.measure)
    .find((o) => !isProse(o) && o.decimals > s.decimals && v.index.universeOf(o) === s.dimensions['text.base'] && intersects(v.readers.round.read(o), mine));
}

/** Checks one prose share. */
function checkShare(v: SourceView, s: Observation): CheckResult | null {
  for (const measure of baseCandidates(s.measure, '_share_pct')) {
    const part = partOf(v, s, measure);
    const base = baseOf(v, s, measure);
    if (!part || !base) continue;
    const relation: Relation = {
      expected: (r) => {
        const q = div(part.read(r, base.obs[0].unitMult), base.read(r, base.obs[0].unitMult));
        return q && scale(q, 100);
      },
      printed: s,
      relation: 'equal',
    };
    let evaluation = evaluate(relation, v.readers);
    const rerounded = evaluation.outcome === 'fail' ? reroundedShare(v, s) : undefined;
    if (rerounded && evaluation.outcome === 'fail') evaluation = { ...evaluation, outcome: 'pass', truncation: false, gap: new Dec(0) };
    const unit = pow10(-s.decimals);
    const nudged = evaluation.outcome === 'fail' && evaluation.gap.lte(unit) && enumeratedTo100(v, s);
    return resultOf({
      kind: KIND,
      scope: { sourceId: v.sourceId, tableRef: s.tableRef },
      subject: `${figureName(s)} ${s.measure} ${s.dataYear}: share = part / ${s.dimensions['text.base'] === TOTAL_KEY ? 'national total' : 'base'} × 100`,
      relation,
      evaluation,
      inputs: [...part.inputs('part'), ...base.inputs('base'), { role: 'share', obs: s }],
      arithmetic: `${part.text} / ${base.text} × 100`,
      printedText: `printed share ${s.value} (text:${s.line})`,
      excuse: nudged ? 'share nudged by one last-digit unit so that the shares printed with it add up to exactly 100' : undefined,
      note: rerounded ? `the text rounds ${rerounded.tableRef}'s printed share ${rerounded.value} (line ${rerounded.line}) to fewer decimals` : undefined,
      undefinedReason: 'the base may be 0',
    });
  }
  return null;
}

/** Runs `share_of_base` over one source's prose shares. */
export function shareOfBase(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  for (const s of v.observations) {
    if (!isProse(s) || !s.measure.endsWith('_share_pct')) continue;
    const r = checkShare(v, s);
    if (r) out.push(r);
  }
  return out;
}
