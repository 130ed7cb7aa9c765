/**
 * A budget on the findings of one source. A report the pipeline reads gives a few findings (the
 * seeds 0 to 6, their layout variants at most 117); random text, a wrong file or a layout nobody
 * taught it gives one for every line it cannot place (41,804 for a 50 MB file of random CJK text
 * with digits). Transform stops as soon as a source has more findings than the budget, instead of
 * reading, holding and loading all of them.
 */
import type { Finding } from '../model.ts';

/** The default budget (configuration `maxFindings`): ten thousand, about 85 times the most any seed variant gives. */
export const DEFAULT_MAX_FINDINGS = 10_000;

/**
 * Thrown by transform when a source has more findings than its budget. `message` says so, without
 * the path (the caller prefixes it), e.g. "more than 10000 findings (rows, cells or labels that
 * could not be placed; maxFindings in the configuration): reading stopped at the 10001st, on line 81234".
 */
export class FindingBudgetError extends Error {
  override name = 'FindingBudgetError';
  /** The budget exceeded. */
  readonly limit: number;
  /** The 1-based source line of the finding that exceeded it. */
  readonly line: number;

  constructor(limit: number, line: number) {
    super(`more than ${limit} findings (rows, cells or labels that could not be placed; maxFindings in the configuration): reading stopped at the ${limit + 1}${ordinalSuffix(limit + 1)}, on line ${line}`);
    this.limit = limit;
    this.line = line;
  }
}

/** The English ordinal suffix of n: 1 → "st", 2 → "nd", 3 → "rd", 11 → "th", 10001 → "st". */
function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/**
 * The findings list of one source, held to a budget: an array whose `push` throws
 * FindingBudgetError once it would hold more than `limit` findings. Everything else is a plain
 * array (`map`, `filter` … return plain arrays). Example: `budgetedFindings(2)` takes two
 * findings, and the third `push` throws "more than 2 findings (…): reading stopped at the 3rd, on line <its line>".
 */
export function budgetedFindings(limit: number): Finding[] {
  return new BudgetedFindings(limit);
}

/** See budgetedFindings. */
class BudgetedFindings extends Array<Finding> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = limit;
  }

  override push(...items: Finding[]): number {
    if (this.length + items.length > this.#limit) throw new FindingBudgetError(this.#limit, items[this.#limit - this.length].line);
    return super.push(...items);
  }
}
