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
 * could not be placed; maxFindings in the configuration): reading stopped at line 81234".
 */
export class FindingBudgetError extends Error {
  override name = 'FindingBudgetError';
  /** The budget exceeded. */
  readonly limit: number;
  /** The 1-based source line of the finding that exceeded it. */
  readonly line: number;

  constructor(limit: number, line: number) {
    super(`more than ${limit} findings (rows, cells or labels that could not be placed; maxFindings in the configuration): reading stopped at line ${line}`);
    this.limit = limit;
    this.line = line;
  }
}

/**
 * The findings list of one source, held to a budget: an array whose `push` throws
 * FindingBudgetError once it would hold more than `limit` findings. Everything else is a plain
 * array (`map`, `filter` … return plain arrays). Example: `budgetedFindings(2)` takes two
 * findings, and the third `push` throws "more than 2 findings … at line <its line>".
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
