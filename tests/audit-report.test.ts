/**
 * `etl check` on a warehouse built from the real seeds, as a user runs it (the etl command in a
 * child process, embedded PGlite in a temporary folder): the JSON report validates against
 * AuditReportSchema, every finding lists { file, line } for each number, revisions between
 * editions are reported as such (info, never failing a run), skipped checks carry their reason,
 * the text report prints file:line, and `--fail-on error` exits with code 4.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditReportSchema, type AuditReport } from '../src/audit/report.ts';
import { FIXTURES, runEtl, tempDir, writeConfig, type EtlRun, type TempDir } from './helpers/etl-cli.ts';

const SEEDS = ['000_94f9f59014649328.txt', '001_4bcf1cefdaeec81d.txt', '003_c23a70392e796f35.txt'];

let dir: TempDir;
let config: string;
let json: EtlRun;
let text: EtlRun;
let report: AuditReport;

beforeAll(async () => {
  dir = await tempDir('audit-report');
  config = await writeConfig(dir.path, {
    sources: SEEDS.map((s) => join(FIXTURES, s)), dataDir: join(dir.path, 'pglite'), schema: 'public', concurrency: 2, tolerance: 0, maxSourceBytes: 64 * 1024 * 1024,
  });
  const rebuild = await runEtl(['-c', config, 'rebuild']);
  expect(rebuild.code, rebuild.stderr).toBe(0);
  json = await runEtl(['-c', config, 'check', '--format', 'json', '--fail-on', 'error']);
  text = await runEtl(['-c', config, 'check']);
  report = AuditReportSchema.parse(JSON.parse(json.stdout));
}, 240_000);

afterAll(async () => dir?.dispose());

describe('etl check on the real seeds', () => {
  it('prints JSON that validates against AuditReportSchema, and exits 4 with --fail-on error', () => {
    expect(json.code).toBe(4);
    expect(report.checks.failed).toBeGreaterThan(0);
    expect(report.checks.passed).toBeGreaterThan(1000);
  });

  it('lists { file, line } for every number of every finding', () => {
    for (const f of report.failures) {
      expect(f.numbers.length, f.subject).toBeGreaterThan(0);
      for (const n of f.numbers) {
        expect(SEEDS).toContain(n.file);
        expect(n.line).toBeGreaterThan(0);
      }
    }
  });

  it('finds the inconsistencies of each seed, and reports revisions between editions as info', () => {
    const files = new Set(report.failures.filter((f) => f.severity === 'error').map((f) => f.file));
    expect([...files].sort()).toEqual(SEEDS);
    const revisions = report.failures.filter((f) => f.kind === 'cross_edition');
    expect(revisions.length).toBe(report.checks.revisions);
    for (const r of revisions) {
      expect(r.severity).toBe('info');
      expect(new Set(r.numbers.map((n) => n.file)).size).toBe(2);
    }
  });

  it('gives every skipped check its reason', () => {
    expect(report.skipped.length).toBe(report.checks.skipped);
    for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(5);
  });

  it('prints the text report grouped by file and table with file:line', () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^== 001_4bcf1cefdaeec81d\.txt 附表14$/m);
    expect(text.stdout).toMatch(/\(000_94f9f59014649328\.txt:\d+\)/);
    expect(text.stdout).toMatch(/checks: \d+ passed, \d+ beyond rounding, \d+ to review \(tables read with low confidence\), \d+ warnings/);
  });
});
