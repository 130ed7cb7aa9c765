// `npm run score`: rebuild the warehouse from the configured sources, export CSV to a temporary
// file, and compare it with the golden sets by ../shared/score (extra arguments are passed on).
//
// `npm run score -- --variants [name,name…]`: the layout-variant corpus instead (scripts/variants/):
// for each variant (default: all), its files are generated into a temporary folder, a warehouse is
// rebuilt from them alone (a temporary configuration and embedded database of its own), exported,
// and scored per seed; the seeds themselves are scored the same way as the baseline row. Prints one
// table: variant × seed recall / precision / wrong values, and the overall figures of each variant.
// Options of this mode: --jobs N (rebuilds at once, default 2), --keep (keep the temporary folder),
// --json (the figures as JSON).
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const scorer = resolve(ROOT, '../shared/score');
if (!existsSync(scorer)) {
  console.error(`score: ${scorer} not found (the shared golden sets sit beside the repository)`);
  process.exit(2);
}
const etl = resolve(ROOT, 'bin/etl.js');
const args = process.argv.slice(2);

if (!args.includes('--variants')) {
  const csv = join(mkdtempSync(join(tmpdir(), 'etl-score-')), 'export.csv');
  execFileSync(process.execPath, [etl, 'rebuild'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, [etl, 'export', '--format', 'csv', '-o', csv], { stdio: 'inherit' });
  execFileSync(process.execPath, [scorer, csv, ...args], { stdio: 'inherit' });
} else {
  await scoreVariants(args);
}

/** Figures of one scoring (../shared/score --json). */
interface Figures {
  golden: number;
  exported: number;
  found: number;
  wrong: number;
  missing: number;
  spurious: number;
  recall: number;
  precision: number;
}

/** One row of the variant table: a variant (or the seeds) and its figures per seed and overall. */
interface Result {
  name: string;
  perSeed: Record<string, Figures | null>;
  overall: Figures | null;
  /** Why the rebuild or export failed, or a note (refs remapped), when there is one. */
  note: string;
}

async function scoreVariants(argv: string[]): Promise<void> {
  const { VARIANTS, variantNamed } = await import('./variants/index.ts');
  const { SEEDS, FIXTURES, loadGolden } = await import('./variants/seed-tables.ts');
  const { writeVariants } = await import('./make-variants.ts');
  const { remapProvisionalRefs } = await import('./variants/provisional-refs.ts');

  let jobs = 2;
  let keep = false;
  let json = false;
  let names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--variants') {
      if (argv[i + 1] && !argv[i + 1].startsWith('-')) names = argv[++i].split(',').filter(Boolean);
    } else if (a === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--keep') keep = true;
    else if (a === '--json') json = true;
    else {
      console.error(`score --variants: unknown argument ${a} (options: --variants [name,…] --jobs N --keep --json)`);
      process.exit(2);
    }
  }
  const variants = names.length ? names.map((n) => variantNamed(n) ?? (console.error(`unknown variant "${n}" (known: ${VARIANTS.map((v) => v.name).join(', ')})`), process.exit(2))) : [...VARIANTS];

  const work = mkdtempSync(join(tmpdir(), 'etl-variants-'));
  const corpus = join(work, 'corpus');
  writeVariants(corpus, variants);
  const golden = SEEDS.flatMap((s) => loadGolden(s));
  const stems = SEEDS.map((s) => s.replace(/\.txt$/, ''));
  let head = 'unknown (not a git checkout)';
  let dirty = '';
  try {
    head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    dirty = sourceState();
  } catch {
    // An exported tree (git archive): the commit is whatever the caller knows it to be.
  }
  if (!json) console.error(`scoring ${variants.length} variants + the seeds at commit ${head}${dirty}, ${jobs} rebuilds at a time, in ${work}`);

  const run = promisify(execFile);
  // Every rebuild uses an embedded database of its own, whatever DATABASE_URL says.
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const tasks: { name: string; sources: string[]; remap: boolean }[] = [
    { name: 'seeds (baseline)', sources: SEEDS.map((s) => join(FIXTURES, s)), remap: false },
    ...variants.map((v) => ({ name: v.name, sources: [join(corpus, v.name)], remap: v.name === 'no-captions' })),
  ];

  async function scoreOne(task: (typeof tasks)[number], index: number): Promise<Result> {
    const dir = join(work, `run-${index}`);
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'pipeline.config.mjs');
    writeFileSync(config, `export default ${JSON.stringify({ sources: task.sources, dataDir: join(dir, 'pglite'), concurrency: 2 }, null, 2)};\n`);
    const csv = join(dir, 'export.csv');
    const result: Result = { name: task.name, perSeed: {}, overall: null, note: '' };
    try {
      await run(process.execPath, [etl, '-c', config, 'rebuild'], { env, maxBuffer: 64 << 20 }).catch((error: { code?: number; stderr?: string }) => {
        if (error.code === 1) return; // some source failed; the others are loaded and scored
        const said = (error.stderr ?? '').split('\n').find((l) => l.trim() && !/^\s+at /.test(l)) ?? '';
        throw new Error(`rebuild failed (exit ${error.code}): ${said.trim().slice(0, 200)}`);
      });
      await run(process.execPath, [etl, '-c', config, 'export', '--format', 'csv', '-o', csv], { env, maxBuffer: 64 << 20 });
    } catch (error) {
      result.note = error instanceof Error ? error.message : String(error);
      for (const s of stems) result.perSeed[s] = null;
      return result;
    }
    if (task.remap) {
      const { csv: remapped, report } = remapProvisionalRefs(readFileSync(csv, 'utf8'), golden);
      writeFileSync(csv, remapped);
      result.note = `${report.mapped.length} of ${report.provisional} provisional tables mapped to golden refs`;
    }
    const score = async (extra: string[]): Promise<Figures> => JSON.parse((await run(process.execPath, [scorer, csv, '--json', ...extra], { maxBuffer: 64 << 20 })).stdout) as Figures;
    for (const s of stems) result.perSeed[s] = await score(['--seed', s]);
    result.overall = await score([]);
    return result;
  }

  const results: Result[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await scoreOne(tasks[i], i);
      if (!json) console.error(`  ${tasks[i].name}: ${results[i].overall ? pct(results[i].overall!.recall) + ' recall' : results[i].note}`);
    }
  }));
  if (!keep) rmSync(work, { recursive: true, force: true });

  if (json) {
    console.log(JSON.stringify({ commit: head + dirty, results }, null, 1));
    return;
  }
  printTable(results, stems, SEEDS.map((s) => editionOf(s)), head + dirty);
}

/**
 * What src/ holds beyond the commit, as the rebuilds see it (the CLI bundles the working tree):
 * '' when clean, else " + N changed files in src/ (diff <hash>)", so two runs can be told apart.
 */
function sourceState(): string {
  const changed = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  if (!changed.length) return '';
  const diff = execFileSync('git', ['diff', 'HEAD', '--', 'src'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
  const untracked = changed.filter((l) => l.startsWith('??')).map((l) => l.slice(3)).sort();
  const hash = createHash('sha256').update(diff);
  for (const f of untracked) hash.update(f).update(existsSync(join(ROOT, f)) && !f.endsWith('/') ? readFileSync(join(ROOT, f)) : '');
  return ` + ${changed.length} changed files in src/ (diff ${hash.digest('hex').slice(0, 8)})`;
}

function pct(x: number): string {
  return (100 * x).toFixed(2) + '%';
}

/** The edition year of a seed, for the table's column heads (the seeds' golden sets say it). */
function editionOf(seed: string): string {
  return { '000': '2018', '001': '2021', '003': '2006' }[seed.slice(0, 3)] ?? '?';
}

/** Prints the variant × seed table: recall / precision / wrong values per seed, then overall. */
function printTable(results: Result[], stems: string[], editions: string[], commit: string): void {
  const cell = (f: Figures | null) => (f ? `${pct(f.recall).padStart(7)} ${pct(f.precision).padStart(7)} ${String(f.wrong).padStart(5)}` : '      —       —     —');
  const w = Math.max(18, ...results.map((r) => r.name.length));
  const heads = stems.map((s, i) => `${s.slice(0, 3)} (${editions[i]} ed.)`.padEnd(21));
  console.log(`layout variants scored at commit ${commit}; per cell: recall, precision, wrong values`);
  console.log(`${''.padEnd(w)} | ${heads.join(' | ')} | ${'overall'.padEnd(21)} | found/golden`);
  console.log(`${'-'.repeat(w)}-+-${heads.map(() => '-'.repeat(21)).join('-+-')}-+-${'-'.repeat(21)}-+-${'-'.repeat(12)}`);
  for (const r of results) {
    const cells = stems.map((s) => cell(r.perSeed[s]));
    const tail = r.overall ? `${r.overall.found}/${r.overall.golden}` : '';
    console.log(`${r.name.padEnd(w)} | ${cells.join(' | ')} | ${cell(r.overall)} | ${tail}${r.note ? `  (${r.note})` : ''}`);
  }
}
