/**
 * Which known item a failing check result is about: of all the seed's known items, the ones that
 * share the most lines with the result's inputs (one failure is about the discrepancy it
 * computes, never about its neighbours). Example: the 2021 edition's 附表14 "总计 growth =
 * growth implied by its rows" error cites 附表14 l.2741–2775; it shares 7 lines with D1b (the
 * rows' implied growth) and 1 (l.2759) with D12 (prose 30.8% vs 附表14 30.70%), so it is about
 * D1b and says nothing of D12. A figure found through another table that prints it still counts:
 * the lines are those of every input, not only of the number the result tests. Lines are coarse (one
 * line of an appendix table prints a row's counts, amounts, growths and shares for two years), so
 * ties are broken by the line of the tested number, the numbers the item quotes, then the check
 * kind: 附表2 l.2148's "技术开发 growth = 2020/2019 − 1" error shares one line each with D16a
 * (技术开发 growth 23.65 vs 8874.08/7177.32 − 1) and with X3/X4 (sums of the 2019 shares and of
 * the 2020 amounts); it is about D16a, which quotes its numbers.
 * Evaluation code (scripts/), not part of the product.
 */
import { Decimal } from 'decimal.js';
import type { CheckInput, CheckResult } from '../../src/model.ts';
import type { FigureLines } from './figure-lines.ts';
import { inFamily } from './families.ts';
import type { GoldenItem } from './golden-items.ts';

/** The results of one seed: its file name and every check result on it. */
export interface SeedResults {
  /** The seed file name, e.g. "001_4bcf1cefdaeec81d.txt". */
  seed: string;
  results: CheckResult[];
  /** A result's inputs printed in this seed (default: all; a cross-edition result spans two files). */
  inputsOf?: (r: CheckResult) => CheckInput[];
  /** Where each input's figure is printed in this seed (figure-lines.ts; default: its own line only). */
  figureLines?: FigureLines;
}

/** The lines of a result's inputs in its seed (distinct, in input order). */
export function inputLines(run: SeedResults, r: CheckResult): number[] {
  return [...new Set((run.inputsOf ? run.inputsOf(r) : r.inputs).map((i) => i.line))];
}

/** A result's inputs in its seed, each with the lines its figure is printed on (its own first). */
export function figuresOf(run: SeedResults, r: CheckResult): { input: CheckInput; lines: number[] }[] {
  return (run.inputsOf ? run.inputsOf(r) : r.inputs).map((input) => ({ input, lines: run.figureLines ? run.figureLines(input) : [input.line] }));
}

/** A printed number in canonical form ("2.0" and "2" alike; "-0.5"), or null for other text. */
function canonical(text: string): string | null {
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? new Decimal(text).toString() : null;
}

const quotes = new WeakMap<GoldenItem, Set<string>>();

/** The numbers an item's summary quotes (its arithmetic), canonical. */
function quoted(item: GoldenItem): Set<string> {
  let q = quotes.get(item);
  if (!q) quotes.set(item, (q = new Set((item.summary.match(/-?\d+(?:\.\d+)?/g) ?? []).map((n) => canonical(n)!))));
  return q;
}

/**
 * How many of a result's numbers stand on an item's lines (printed there, or the same figure
 * printed there): a failure computes an item's discrepancy only when it relates at least two of
 * them (a "checker" that flags single numbers computes nothing).
 */
export function inputsOn(item: GoldenItem, figures: readonly { lines: number[] }[]): number {
  return figures.filter((f) => f.lines.some((l) => item.lines.includes(l))).length;
}

/**
 * The items of `items` (one seed's) a result is about: those sharing the most of its input lines.
 * Ties go, in turn, to the items holding the tested number's line, quoting the tested value, on
 * whose lines more of its numbers stand (printed there, or the same figure printed there:
 * inputsOn), quoting more of its input values (the 2018 edition's 表4-8 prints its 输出 and 吸纳
 * halves on the same lines: a sum of the 输出 counts is about the item quoting
 * 1148 + 584 + … = 2181, not the one quoting the 吸纳 sums), and whose family computes the
 * result's kind. Items still tied are all about it. Empty when no number of it stands on any
 * item's line.
 */
export function aboutItems(items: readonly GoldenItem[], r: CheckResult, figures: readonly { input: CheckInput; lines: number[] }[]): GoldenItem[] {
  const own = [...new Set(figures.map((f) => f.input.line))];
  const tested = figures.filter((f) => r.printed !== null && f.input.value === r.printed);
  const values = new Set(figures.map((f) => canonical(f.input.value)).filter((v): v is string => v !== null));
  const testedValue = r.printed === null ? null : canonical(r.printed);
  const score = (i: GoldenItem): number[] => {
    const q = quoted(i);
    return [
      own.filter((l) => i.lines.includes(l)).length,
      inputsOn(i, tested) > 0 ? 1 : 0,
      testedValue !== null && q.has(testedValue) ? 1 : 0,
      inputsOn(i, figures),
      [...values].filter((v) => q.has(v)).length,
      inFamily(i.checkKind, r.checkKind) ? 1 : 0,
    ];
  };
  let best = [0, 0, 0, 0, 0, 0];
  let out: GoldenItem[] = [];
  for (const item of items) {
    const s = score(item);
    if (s[0] === 0 && s[1] === 0) continue;
    const cmp = s.map((x, k) => x - best[k]).find((d) => d !== 0) ?? 0;
    if (cmp > 0) [best, out] = [s, [item]];
    else if (cmp === 0) out.push(item);
  }
  return out;
}
