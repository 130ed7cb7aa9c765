/**
 * Issue 14, "not a report", through the real `etl` command: random CJK text (made here,
 * deterministic) is refused — one FAILED line with the reason and the way out, exit code 1,
 * nothing of it in the warehouse — alone, in a batch with a report (which loads), and by
 * `rebuild`; `--force` loads it as before, with a warning; the policy seed loads as a document
 * with no warning and the report seeds as reports; a findings budget (`maxFindings`) fails a seed
 * that exceeds it with its message and hint while the other source loads.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../src/load/db.ts';
import { FIXTURES, runEtl, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { randomCjkText } from './helpers/random-text.ts';

const REPORT = '003_c23a70392e796f35.txt';
const POLICY = '004_2425235a77e2d1cb.txt';
const REFUSAL = 'not a report or document of this warehouse (no title, headings or tables found)';

/** The names of the sources in the warehouse at `dataDir` whose records are loaded now, sorted. */
async function loadedNames(dataDir: string): Promise<string[]> {
  const w = await openWarehouse({ dataDir });
  try {
    const rows = await w.db.selectFrom('sources').select('name').where('current_load_id', 'is not', null).execute();
    return rows.map((r) => r.name).sort();
  } finally {
    await w.close();
  }
}

/** The summary line of source `name` in a text summary (its first line that names it). */
function lineOf(stdout: string, name: string): string {
  return stdout.split('\n').find((l) => l.startsWith(`  ${name} (`) || l.startsWith(`  ✗ ${name}:`)) ?? '';
}

describe('a source that is no report or document', () => {
  let tmp: TempDir;
  let reports: string;
  let random: string;
  let dataDir: string;
  let config: string;

  beforeAll(async () => {
    tmp = await tempDir('not-a-report');
    reports = join(tmp.path, 'reports');
    await mkdir(reports);
    random = join(reports, 'random.txt');
    // 300 KB of random ideographs, punctuation, numbers and spaces: some lines look like rows.
    await writeFile(random, randomCjkText({ seed: 14, bytes: 300_000, digits: true }));
    await copyFile(join(FIXTURES, REPORT), join(reports, REPORT));
    dataDir = join(tmp.path, 'pglite');
    config = await writeConfig(tmp.path, { sources: [reports], dataDir });
  });

  afterAll(async () => {
    await tmp?.dispose();
  });

  it('random CJK text is refused: exit code 1, one FAILED line with the reason and --force as the way out, nothing loaded', async () => {
    const run = await runEtl(['-c', config, 'ingest', random]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(lineOf(run.stdout, 'random.txt')).toBe(
      `  ✗ random.txt: FAILED — ${random}: ${REFUSAL} → check that it is the right file (a report, or a policy or notice with its title); to load it anyway, run the command again with --force`,
    );
    expect(run.stdout).toMatch(/^1 sources \(1 failed\), 0 observations/m);
    expect(await loadedNames(dataDir)).toEqual([]);
  });

  it('--format json: status failed, documentKind unrecognised, the error and the hint, exitCode 1', async () => {
    const run = await runEtl(['-c', config, 'ingest', '--format', 'json', random]);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ exitCode: 1, error: null, totals: { sources: 1, failed: 1, observations: 0, findings: 0 } });
    expect(doc.sources[0]).toMatchObject({
      name: 'random.txt', status: 'failed', documentKind: 'unrecognised', title: null, edition: null, observations: 0, findings: 0,
      error: `${random}: ${REFUSAL}`, hint: expect.stringContaining('--force'),
    });
  });

  it('a batch of a report and the random file: the report loads, the random file fails, exit code 1', async () => {
    const run = await runEtl(['-c', config, 'ingest', reports]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(lineOf(run.stdout, REPORT)).toMatch(/^ {2}003_c23a70392e796f35\.txt \(edition 2006\): loaded; 15 tables, 820 observations/);
    expect(lineOf(run.stdout, 'random.txt')).toContain(`FAILED — ${random}: ${REFUSAL}`);
    expect(await loadedNames(dataDir)).toEqual([REPORT]);
  });

  it('--force loads it as before: "(not recognised)", a warning saying why, exit code 0', async () => {
    const run = await runEtl(['-c', config, 'ingest', '--force', random]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf(lineOf(run.stdout, 'random.txt'));
    expect(lines[at]).toMatch(/^ {2}random\.txt \(not recognised\): loaded; 0 tables, 0 observations, \d+ unplaced/);
    expect(lines.slice(at + 1)).toContain(`    ! ${REFUSAL}: loaded because of --force`);
    expect(await loadedNames(dataDir)).toEqual([REPORT, 'random.txt']);
  });

  it('rebuild refuses it too (exit code 1, the report rebuilt), and rebuild --force loads both (exit code 0)', async () => {
    const plain = await runEtl(['-c', config, 'rebuild']);
    expect(plain.code).toBe(1);
    expect(lineOf(plain.stdout, 'random.txt')).toContain(`FAILED — ${random}: ${REFUSAL}`);
    expect(await loadedNames(dataDir)).toEqual([REPORT]);
    const forced = await runEtl(['-c', config, 'rebuild', '--force']);
    expect(forced.code).toBe(0);
    expect(lineOf(forced.stdout, 'random.txt')).toMatch(/\(not recognised\): loaded;/);
    expect(await loadedNames(dataDir)).toEqual([REPORT, 'random.txt']);
  });

  it('the policy seed loads as a document with no warning; the report seeds load as reports with their editions', async () => {
    const run = await runEtl(['-c', config, 'ingest', '--format', 'json', FIXTURES]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    const byName = Object.fromEntries(doc.sources.map((s: { name: string }) => [s.name, s]));
    expect(byName[POLICY]).toMatchObject({ status: 'loaded', documentKind: 'document', title: '国家技术转移体系建设方案', edition: null, tables: 0, warnings: [], error: null });
    const editions = { '000_94f9f59014649328.txt': 2018, '001_4bcf1cefdaeec81d.txt': 2021, [REPORT]: 2006 };
    for (const [name, edition] of Object.entries(editions)) {
      expect(byName[name], name).toMatchObject({ documentKind: 'report', edition, warnings: [], error: null });
      expect(byName[name].observations, name).toBeGreaterThan(800);
    }
    const text = await runEtl(['-c', config, 'ingest', join(FIXTURES, POLICY)]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const at = lines.indexOf(lineOf(text.stdout, POLICY));
    expect(lines[at]).toMatch(/^ {2}004_2425235a77e2d1cb\.txt \(document: 国家技术转移体系建设方案\): unchanged; 0 tables/);
    expect(lines[at + 1]).toMatch(/^\d+ sources/);
    expect(await loadedNames(dataDir)).toContain(POLICY);
  });
});

describe('the findings budget (maxFindings)', () => {
  let tmp: TempDir;

  beforeAll(async () => {
    tmp = await tempDir('findings-budget');
  });

  afterAll(async () => {
    await tmp?.dispose();
  });

  it('a seed with more findings than the budget fails with the message and the hint; the other source loads; exit code 1', async () => {
    const dataDir = join(tmp.path, 'pglite');
    // The 2021 seed gives 6 findings (rows that fit no table), the 2006 seed none.
    const config = await writeConfig(tmp.path, { sources: [FIXTURES], dataDir, maxFindings: 3 });
    const over = join(FIXTURES, '001_4bcf1cefdaeec81d.txt');
    const run = await runEtl(['-c', config, 'ingest', over, join(FIXTURES, REPORT)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(lineOf(run.stdout, '001_4bcf1cefdaeec81d.txt')).toMatch(
      new RegExp(
        `^ {2}✗ 001_4bcf1cefdaeec81d\\.txt: FAILED — ${over}: more than 3 findings \\(rows, cells or labels that could not be placed; maxFindings in the configuration\\): ` +
          'reading stopped at the 4th, on line \\d+ → check that it is the right file; .*raise maxFindings in pipeline\\.config\\.ts',
      ),
    );
    expect(lineOf(run.stdout, REPORT)).toMatch(/\(edition 2006\): loaded; 15 tables, 820 observations/);
    expect(await loadedNames(dataDir)).toEqual([REPORT]);
  });
});
