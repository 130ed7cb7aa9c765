/**
 * The two refusals decided after extraction, once a source has been read as text: it is nothing
 * this warehouse recognises (no title, headings or tables: transform/discover/document-kind.ts),
 * or it has more findings than the configured budget (transform/budget.ts). Each comes back as a
 * FailedSource like any other failure: its path and reason, then what to do.
 */
import { basename } from 'node:path';
import { UNRECOGNISED_REASON } from '../transform/discover/document-kind.ts';
import type { FindingBudgetError } from '../transform/budget.ts';
import type { FailedSource } from './prepare.ts';

/**
 * A source classified 'unrecognised' and not forced, e.g. "r.txt: not a report or document of this
 * warehouse (no title, headings or tables found)" → "check that it is the right file; …".
 */
export function unrecognisedSource(path: string): FailedSource {
  return {
    ok: false, name: basename(path), documentKind: 'unrecognised',
    error: `${path}: ${UNRECOGNISED_REASON}`,
    hint: 'check that it is the right file (a report, or a policy or notice with its title); to load it anyway, run the command again with --force',
  };
}

/**
 * A source whose findings exceeded the budget, e.g. "r.txt: more than 10000 findings (…): reading
 * stopped at the 10001st, on line 81234" → "check that it is the right file; …raise maxFindings…".
 */
export function overBudgetSource(path: string, error: FindingBudgetError): FailedSource {
  return {
    ok: false, name: basename(path), documentKind: null,
    error: `${path}: ${error.message}`,
    hint: 'check that it is the right file; if it is a report whose layout the pipeline cannot read, raise maxFindings in pipeline.config.ts to load it with its findings (etl check lists them)',
  };
}
