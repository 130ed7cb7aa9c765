// `npm run audit-score`: runs extract → transform → checks on every seed that has a golden
// discrepancy list (fixtures/golden/<seed>/discrepancies.csv, a copy of ../shared/golden; the
// seed itself from fixtures/), compares the editions, and scores the results strictly
// (scripts/audit/strict-score.ts): a known item is found only by a failure of a check of its
// family that is about it; within-rounding items must draw no error; every failure no known item
// explains is listed, and an error among them must be in the reviewed list of real findings
// (fixtures/audit/verified-findings.csv). The last three lines are `real found`, `false errors`
// and `false warnings`.
//   npx tsx scripts/audit-score.ts [--json] [--quiet]
//   --quiet: items found or ok are not listed
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readAllDiscrepancies } from './audit/golden-items.ts';
import { auditFiles } from './audit/seeds.ts';
import { scoreAudit, type Failure } from './audit/strict-score.ts';
import { readVerifiedFindings } from './audit/verified-findings.ts';

const root = resolve(import.meta.dirname, '..');
const goldenDir = join(root, 'fixtures/golden');
const args = new Set(process.argv.slice(2));
if (!existsSync(goldenDir)) {
  console.error(`audit-score: ${goldenDir} not found (the committed copy of ../shared/golden)`);
  process.exit(2);
}
const items = readAllDiscrepancies(goldenDir);
const verified = readVerifiedFindings(join(root, 'fixtures/audit/verified-findings.csv'));
const seeds = [...new Set(items.map((i) => i.seed))].sort();
const { seeds: runs } = await auditFiles(seeds.map((s) => join(root, 'fixtures', s)));
const score = scoreAudit(items, runs, verified);

if (args.has('--json')) {
  console.log(JSON.stringify(score, null, 1));
  process.exit(0);
}
const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '100.0'}%`;
const name = (f: Failure) => `${f.level} ${f.result.checkKind} ${f.result.subject}`;
const line = (f: Failure) => `  ${f.seed.slice(0, 3)} [${f.result.severity}] ${f.result.checkKind} ${f.result.tableRef}: ${f.result.message.slice(0, 220)} (lines ${f.lines.join(', ')})`;
for (const s of score.items) {
  if (args.has('--quiet') && (s.verdict === 'found' || s.verdict === 'ok' || s.verdict === 'not scored')) continue;
  const by = s.by.slice(0, 2).map(name).join(' | ');
  console.log(`${s.verdict.padEnd(10)} ${(s.foundBy ?? '').padEnd(7)} ${s.item.seed.slice(0, 3)} ${s.item.id.padEnd(5)} ${s.item.category.padEnd(15)} ${s.item.checkKind.padEnd(18)} ${by || s.item.summary.slice(0, 90)}`);
}
const unscored = score.failures.filter((f) => f.unscored);
console.log(`\nfailures about an item not scored (undecidable or not numeric): ${unscored.length}`);
for (const f of unscored) console.log(`${line(f)} → ${f.unscored!.id}`);
console.log(`\nerrors no known item explains, verified real (fixtures/audit/verified-findings.csv): ${score.verifiedReal.length}`);
for (const f of score.verifiedReal) console.log(line(f));
console.log(`\nfalse errors (no known item explains them, not verified real): ${score.falseErrors.length}`);
for (const f of score.falseErrors) console.log(line(f));
console.log(`\nfalse warnings (no known item explains them): ${score.falseWarnings.length}`);
for (const f of score.falseWarnings) console.log(line(f));
if (score.unusedVerified.length) {
  console.log(`\nreviewed findings no error matches (stale): ${score.unusedVerified.length}`);
  for (const v of score.unusedVerified) console.log(`  ${v.seed.slice(0, 3)} ${v.checkKind}: ${v.subject} (printed ${v.printed})`);
}
console.log('\ncategory         total  found  by error  by warning  missed  ok  violated');
for (const [category, c] of Object.entries(score.byCategory)) {
  console.log(`${category.padEnd(16)} ${String(c.total).padStart(5)}  ${String(c.found).padStart(5)}  ${String(c.foundByError).padStart(8)}  ${String(c.foundByWarning).padStart(10)}  ${String(c.missed).padStart(6)}  ${String(c.ok).padStart(2)}  ${String(c.violated).padStart(8)}`);
}
const real = score.byCategory.real ?? { total: 0, found: 0, foundByError: 0, foundByWarning: 0 };
console.log(`strict audit score: ${(100 * score.score).toFixed(1)}% (real found / (real items + false errors + false warnings)); precision of the failures: ${(100 * score.precision).toFixed(1)}%`);
console.log(`real found: ${real.found}/${real.total} (${pct(real.found, real.total)}; ${real.foundByError} by error, ${real.foundByWarning} by warning)`);
console.log(`false errors: ${score.falseErrors.length} (errors no known item explains: ${score.falseErrors.length + score.verifiedReal.length}, ${score.verifiedReal.length} verified real)`);
console.log(`false warnings: ${score.falseWarnings.length}`);
