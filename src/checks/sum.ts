/**
 * "These printed numbers add up to that one": the arithmetic shared by rows_sum_to_total,
 * children_sum_to_parent and shares_sum_to_100 (DESIGN.md "Checks"). Handles the rounding of
 * every addend, units (UNIT_MULT), rows that print no value, and tables whose leading rows
 * already make up the total while later rows regroup them (overlapping groups).
 */
import type { CheckResult, Observation } from '../model.ts';
import { evaluate, type Readers, type Relation, type Target } from './evaluate.ts';
import { Dec, pow10, sum, type Interval } from './interval.ts';
import { baseUnit } from './measures.ts';
import type { Reader } from './reading.ts';
import { resultOf, skippedResult, type CheckKind, type ResultScope, type RoleInput } from './result.ts';

/** A printed number taking part in a sum, with the row name used in messages. */
export interface Addend {
  name: string;
  obs: Observation;
}

/** One sum to check. */
export interface SumSpec {
  kind: CheckKind;
  scope: ResultScope;
  subject: string;
  /** The addends that print a value, in printed order. */
  parts: Addend[];
  /** Names of the rows that belong to the sum but print no value in this column. */
  missing: string[];
  /** What the parts are compared with, and its name ("合计", "事业法人/合计"; an exact target is shown by its value). */
  target: { name: string; value: Target };
  /** 'equal' for a partition; 'notAbove' for sub-rows that need not exhaust their parent. */
  relation: 'equal' | 'notAbove';
  roles: { part: string; target: string };
  /**
   * Whether the rows may be a partition followed by regroupings of it (东部/中部/西部/东北 then
   * 京津冀, 长三角 …): when the whole sum overshoots the total but a leading run of two or more
   * rows matches it, the later rows are reported as not summed instead of as an error.
   */
  allowOverlappingTail?: boolean;
  /** Free text appended to the message. */
  note?: string;
}

/** Up to this many addends are spelled out in a message; longer sums are abbreviated. */
const MAX_TERMS = 8;

/** "北京 81311 + 湖北 24444 + … + 合计" style list of the addends. */
function terms(parts: Addend[]): string {
  const show = (a: Addend) => `${a.name} ${a.obs.value}`;
  if (parts.length <= MAX_TERMS) return parts.map(show).join(' + ');
  return `${parts.slice(0, 3).map(show).join(' + ')} + … + ${show(parts[parts.length - 1])} (${parts.length} rows)`;
}

/**
 * "北京 81311 + 湖北 24444 = 105755": the addends and the exact sum of their printed values (in
 * units of 10^mult, with as many decimals as the finest addend); a single addend is shown alone.
 */
function arithmetic(parts: Addend[], mult: number): string {
  if (parts.length === 1) return terms(parts);
  const scaled = parts.map((p) => new Dec(p.obs.value).times(pow10(p.obs.unitMult - mult)));
  const total = scaled.reduce((acc, v) => acc.plus(v), new Dec(0));
  const places = Math.max(0, ...parts.map((p) => p.obs.decimals - (p.obs.unitMult - mult)));
  return `${terms(parts)} = ${total.toFixed(places)}`;
}

/** The relation "Σ parts (op) target" for a list of addends. */
function relationOf(parts: Addend[], target: Target, relation: Relation['relation'], mult: number): Relation {
  return {
    expected: (r: Reader): Interval => sum(parts.map((p) => r.read(p.obs, mult))),
    printed: target,
    relation,
  };
}

/** Why the addends cannot be added (different units, multipliers aside), or null. */
function unitConflict(spec: SumSpec): string | null {
  const units = new Set(spec.parts.map((p) => baseUnit(p.obs.unit)));
  if ('unit' in spec.target.value) units.add(baseUnit(spec.target.value.unit));
  return units.size > 1 ? `the numbers are in different units (${[...units].join(', ')})` : null;
}

/** Checks one sum and reports it (pass, fail with severity, or skipped with the reason). */
export function checkSum(spec: SumSpec, readers: Readers): CheckResult {
  const target = spec.target.value;
  const inputs: RoleInput[] = spec.parts.map((p) => ({ role: spec.roles.part, obs: p.obs }));
  if (!('exact' in target)) inputs.push({ role: spec.roles.target, obs: target });
  const conflict = unitConflict(spec);
  if (conflict) return skippedResult(spec.kind, spec.scope, spec.subject, conflict, inputs);
  const mult = 'exact' in target ? (spec.parts[0]?.obs.unitMult ?? 0) : target.unitMult;
  const printedText = 'exact' in target ? target.exact : `${spec.target.name} ${target.value}`;
  const base = {
    kind: spec.kind,
    scope: spec.scope,
    subject: spec.subject,
    inputs,
    printedText,
    arithmetic: arithmetic(spec.parts, mult),
  };

  if (spec.missing.length > 0 && spec.relation === 'equal') {
    // The rows that print nothing can only add to the sum: it may still be shown too large.
    const relation = relationOf(spec.parts, target, 'notAbove', mult);
    const evaluation = evaluate(relation, readers);
    const absent = spec.missing.join('、');
    const verb = spec.missing.length === 1 ? 'prints' : 'print';
    if (evaluation.outcome === 'fail') {
      return resultOf({ ...base, relation, evaluation, note: `even without ${absent}, which ${verb} no value` });
    }
    return skippedResult(
      spec.kind,
      spec.scope,
      spec.subject,
      `${absent} ${verb} no value in this column, so the sum cannot be formed (the rows printed stay within ${printedText})`,
      inputs,
    );
  }

  const relation = relationOf(spec.parts, target, spec.relation, mult);
  const evaluation = evaluate(relation, readers);
  if (spec.allowOverlappingTail && evaluation.outcome === 'fail' && evaluation.expected.lo.gt(evaluation.printed.hi)) {
    for (let k = 2; k < spec.parts.length; k++) {
      const head = spec.parts.slice(0, k);
      const headRelation = relationOf(head, target, 'equal', mult);
      const headEvaluation = evaluate(headRelation, readers);
      if (headEvaluation.outcome !== 'pass') continue;
      const tail = spec.parts.slice(k).map((p) => p.name).join('、');
      return resultOf({
        ...base,
        relation: headRelation,
        evaluation: headEvaluation,
        arithmetic: arithmetic(head, mult),
        note: `the rows after them (${tail}) regroup rows already counted and are not summed`,
      });
    }
  }
  return resultOf({ ...base, relation, evaluation, note: spec.note });
}
