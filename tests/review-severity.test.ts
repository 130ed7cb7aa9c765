/**
 * The 'review' severity (src/checks/index.ts runChecks, option lowConfidence), on the real
 * observations of the 2018 edition (fixtures/000_94f9f59014649328.txt through transformDocument),
 * which has real discrepancies beyond rounding. Proves that a failure of severity 'error' whose
 * inputs include a table read with low confidence becomes 'review' and its message says so and
 * names that table; that every other result — failures of other tables, warnings, skipped
 * checks, passes — is exactly what it was without the option; and that the pipeline's own
 * low-confidence set (lowConfidenceTables: 附表1, attached with a weak caption) is what it uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult, TransformResult } from '../src/model.ts';
import { runChecks } from '../src/checks/index.ts';
import { extractText } from '../src/extract/text.ts';
import { lowConfidenceTables } from '../src/transform/discover/attach-captions.ts';
import { transformDocument } from '../src/transform/index.ts';
import { FIXTURES } from './helpers/etl-cli.ts';

const SEED = '000_94f9f59014649328.txt';

/** The tables a result's inputs come from. */
const tablesOf = (r: CheckResult) => new Set(r.inputs.map((i) => i.tableRef));
const isError = (r: CheckResult) => r.status === 'fail' && r.severity === 'error';

describe('review severity on the 2018 edition\'s real discrepancies', () => {
  let result: TransformResult;
  let plain: CheckResult[];

  beforeAll(async () => {
    result = transformDocument(await extractText(join(FIXTURES, SEED), readFileSync(join(FIXTURES, SEED))));
    plain = runChecks(result.observations);
  });

  it('the seed has failures beyond rounding, some confined to a single table (表4-8: its continents do not sum to 合计)', () => {
    expect(plain.filter(isError).length).toBeGreaterThan(5);
    expect(plain.some((r) => r.severity === 'review')).toBe(false);
    const single = plain.filter((r) => isError(r) && tablesOf(r).size === 1 && tablesOf(r).has('表4-8'));
    expect(single.length).toBeGreaterThanOrEqual(1);
    expect(single.map((r) => r.message).join('\n')).toMatch(/合计 2169 \(gap 12\); beyond rounding/);
  });

  it('with that table read with low confidence, its errors become review, saying so; every other result is unchanged', () => {
    const low = new Set(['表4-8']);
    const reviewed = runChecks(result.observations, { lowConfidence: low });
    expect(reviewed).toHaveLength(plain.length);
    let changed = 0;
    reviewed.forEach((r, i) => {
      const before = plain[i];
      if (isError(before) && tablesOf(before).has('表4-8')) {
        changed++;
        expect(r).toEqual({ ...before, severity: 'review', message: `${before.message} [to review: 表4-8 read with low confidence]` });
      } else {
        expect(r).toEqual(before);
      }
    });
    expect(changed).toBeGreaterThanOrEqual(3);
    // Passes, warnings and skipped checks never change, whatever their tables.
    expect(reviewed.filter((r) => r.status === 'pass')).toEqual(plain.filter((r) => r.status === 'pass'));
    expect(reviewed.filter((r) => r.status === 'skipped')).toEqual(plain.filter((r) => r.status === 'skipped'));
    expect(reviewed.filter((r) => r.severity === 'warning')).toEqual(plain.filter((r) => r.severity === 'warning'));
  });

  it('a failure across tables names only the low-confidence ones among its inputs', () => {
    // 附表8's printed averages against 附表2's amounts and counts: two tables, one of them doubted.
    const across = plain.find((r) => isError(r) && tablesOf(r).has('附表8') && tablesOf(r).has('附表2'));
    expect(across).toBeDefined();
    const reviewed = runChecks(result.observations, { lowConfidence: new Set(['附表8', '表3-3']) });
    const after = reviewed[plain.indexOf(across!)];
    expect(after.severity).toBe('review');
    expect(after.message).toBe(`${across!.message} [to review: 附表8 read with low confidence]`);
    expect(after.inputs).toEqual(across!.inputs);
    // Errors with no input from 附表8 or 表3-3 stay errors.
    const untouched = plain.filter((r) => isError(r) && !tablesOf(r).has('附表8') && !tablesOf(r).has('表3-3'));
    expect(untouched.length).toBeGreaterThan(0);
    for (const r of untouched) expect(reviewed[plain.indexOf(r)]).toEqual(r);
  });

  it('the warnings of a low-confidence table stay warnings: only errors are softened', () => {
    const warned = plain.find((r) => r.status === 'fail' && r.severity === 'warning');
    expect(warned).toBeDefined();
    const reviewed = runChecks(result.observations, { lowConfidence: tablesOf(warned!) });
    expect(reviewed[plain.indexOf(warned!)]).toEqual(warned);
  });

  it('an empty low-confidence set, or one naming no table of the source, changes nothing', () => {
    expect(runChecks(result.observations, { lowConfidence: new Set() })).toEqual(plain);
    expect(runChecks(result.observations, { lowConfidence: new Set(['?L999999', '表99-9']) })).toEqual(plain);
  });

  it('the pipeline\'s own set: lowConfidenceTables of the seed is {附表1}, and checking with it reviews only failures with an input from 附表1', () => {
    const low = lowConfidenceTables(result.tables);
    expect([...low]).toEqual(['附表1']);
    const reviewed = runChecks(result.observations, { lowConfidence: low });
    reviewed.forEach((r, i) => {
      const before = plain[i];
      if (isError(before) && tablesOf(before).has('附表1')) expect(r.severity).toBe('review');
      else expect(r).toEqual(before);
    });
  });
});
