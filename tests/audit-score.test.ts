/**
 * The audit on the real seeds (issue 4): extract → transform → checks on every seed with a golden
 * discrepancy list, the editions compared, scored by scripts/audit/golden-score.ts — every real
 * inconsistency found, nothing beyond rounding raised on a within-rounding one, truncation and
 * nudged shares reported as warnings — and every result a valid CheckResult.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDiscrepancies, scoreAudit, type AuditScore, type GoldenItem } from '../scripts/audit/golden-score.ts';
import { auditFiles } from '../scripts/audit/seeds.ts';
import { CheckResultSchema } from '../src/checks/index.ts';
import type { CheckResult } from '../src/model.ts';
import { GOLDEN_DIR } from './helpers/golden.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

let items: GoldenItem[] = [];
let score: AuditScore;
let results: CheckResult[] = [];

beforeAll(async () => {
  items = readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(GOLDEN_DIR, d.name, 'discrepancies.csv')))
    .flatMap((d) => readDiscrepancies(join(GOLDEN_DIR, d.name, 'discrepancies.csv')));
  const seeds = [...new Set(items.map((i) => i.seed))].sort();
  const run = await auditFiles(seeds.map((s) => join(FIXTURES, s)));
  score = scoreAudit(items, run.seeds);
  results = run.seeds.flatMap((s) => s.results);
}, 120_000);

/** "id verdict" of the items of some categories that did not pass. */
const notPassed = (categories: string[]) =>
  score.items.filter((s) => categories.includes(s.item.category) && s.verdict !== 'found' && s.verdict !== 'ok' && s.verdict !== 'not scored').map((s) => `${s.item.seed.slice(0, 3)} ${s.item.id} ${s.verdict}`);

describe('the audit on the real seeds', () => {
  it('scores the three seeds’ discrepancy lists', () => {
    expect(new Set(items.map((i) => i.seed)).size).toBeGreaterThanOrEqual(3);
    expect(score.byCategory.real.total).toBeGreaterThan(50);
  });

  it('finds every real inconsistency (audit-score 100 %)', () => {
    expect(notPassed(['real'])).toEqual([]);
    expect(score.realShare).toBe(1);
  });

  it('raises no error on a within-rounding item', () => {
    expect(notPassed(['within_rounding'])).toEqual([]);
  });

  it('reports truncation and nudged shares as warnings, not errors', () => {
    expect(notPassed(['truncation', 'share_nudged'])).toEqual([]);
  });

  it('returns only valid check results, skipped ones with a reason', () => {
    for (const r of results) expect(CheckResultSchema.safeParse(r).success, r.subject).toBe(true);
    for (const r of results.filter((x) => x.status === 'skipped')) expect(r.message).toMatch(/^skipped: .+/);
  });
});
