// `npm run audit-score`: runs extract → transform → checks on every seed that has a golden
// discrepancy list (fixtures/golden/<seed>/discrepancies.csv, a copy of ../shared/golden; the seed itself from fixtures/),
// compares the editions, and scores the results (scripts/audit/golden-score.ts): each real
// inconsistency found, nothing beyond rounding raised on a within-rounding one, truncation and
// nudged shares reported as warnings. Prints every item, the share, and every other failure the
// checks report on the seeds (to be judged: real, or a parsing error).
//   npx tsx scripts/audit-score.ts [--json] [--quiet]
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDiscrepancies, scoreAudit, type GoldenItem } from './audit/golden-score.ts';
import { auditFiles } from './audit/seeds.ts';

const goldenDir = resolve(import.meta.dirname, '../fixtures/golden');
const fixtures = resolve(import.meta.dirname, '../fixtures');
const args = new Set(process.argv.slice(2));
if (!existsSync(goldenDir)) {
  console.error(`audit-score: ${goldenDir} not found (the committed copy of ../shared/golden)`);
  process.exit(2);
}
const items: GoldenItem[] = readdirSync(goldenDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'discrepancies.csv')))
  .flatMap((d) => readDiscrepancies(join(goldenDir, d.name, 'discrepancies.csv')));
const seeds = [...new Set(items.map((i) => i.seed))].sort();
const { seeds: runs } = await auditFiles(seeds.map((s) => join(fixtures, s)));
const score = scoreAudit(items, runs);

if (args.has('--json')) {
  console.log(JSON.stringify(score, null, 1));
  process.exit(0);
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const s of score.items) {
  if (args.has('--quiet') && (s.verdict === 'found' || s.verdict === 'ok' || s.verdict === 'not scored')) continue;
  const by = s.by.slice(0, 2).map((r) => `${r.severity} ${r.checkKind} ${r.tableRef}: ${r.subject}`).join(' | ');
  const how = s.verdict === 'found' ? (s.direct ? 'direct' : 'via line') : '';
  console.log(`${s.verdict.padEnd(10)} ${how.padEnd(8)} ${s.item.seed.slice(0, 3)} ${s.item.id.padEnd(5)} ${s.item.category.padEnd(15)} ${s.item.checkKind.padEnd(15)} ${by || s.item.summary.slice(0, 90)}`);
}
console.log('\nother failures (cite no line of any listed item):');
for (const { seed, result: r } of score.otherFailures) {
  console.log(`  ${seed.slice(0, 3)} [${r.severity}] ${r.checkKind} ${r.tableRef}: ${r.message.slice(0, 200)} (lines ${[...new Set(r.inputs.map((i) => i.line))].join(', ')})`);
}
console.log('');
for (const [category, c] of Object.entries(score.byCategory)) console.log(`${category.padEnd(15)} ${c.passed}/${c.total}`);
console.log(`real inconsistencies found: ${pct(score.realShare)}; all scored items: ${pct(score.share)}`);
