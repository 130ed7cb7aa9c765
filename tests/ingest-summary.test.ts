/**
 * What `etl ingest` tells a user about tables read without a caption and about an edition it had
 * to infer: the real command (bin/etl.js, tests/helpers/etl-cli.ts) with a temporary
 * configuration and embedded PGlite database, on two re-prints of the 2018 edition
 * (fixtures/000_94f9f59014649328.txt) made by the layout variants: every table caption removed
 * (no-captions) and every edition title removed (title-none). Proves that the run exits 0; the
 * text summary lists the provisional references ("N with a provisional caption: ?L…"), an
 * "unplaced:" line that accounts for every finding, "M to review" in the checks, and the
 * "! edition 2018: … inferred …" warning for the source without titles (and no such warning or
 * provisional table for a source that needs none); `--format json` carries provisionalTables,
 * unplaced {kind, count, reason} and checksReview; and the warehouse's report_tables records the
 * same provisional tables (`etl query`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceSummary } from '../src/pipeline.ts';
import { loadSeeds, variantNamed } from '../scripts/variants/index.ts';
import { runEtl, stopAll, tempDir, writeConfig, type EtlRun, type TempDir } from './helpers/etl-cli.ts';

const SEED = '000_94f9f59014649328.txt';
const NO_CAPTIONS = 'report-2018-no-captions.txt';
const TITLE_NONE = 'report-2018-title-none.txt';

describe('`etl ingest` summary: provisional tables, unplaced findings, review, an inferred edition', () => {
  let tmp: TempDir;
  let config: string;
  let noCaptions: string;
  let titleNone: string;
  let text: EtlRun;
  let json: EtlRun;
  let summary: { exitCode: number; totals: Record<string, number>; sources: SourceSummary[] };

  beforeAll(async () => {
    tmp = await tempDir('ingest-summary');
    const reports = join(tmp.path, 'reports');
    await mkdir(reports);
    const seed = loadSeeds().find((s) => s.seed === SEED)!;
    noCaptions = join(reports, NO_CAPTIONS);
    titleNone = join(reports, TITLE_NONE);
    await writeFile(noCaptions, variantNamed('no-captions')!.make(seed.lines, seed.golden).join('\n'));
    await writeFile(titleNone, variantNamed('title-none')!.make(seed.lines, seed.golden).join('\n'));
    config = await writeConfig(tmp.path, { sources: [reports], dataDir: join(tmp.path, 'pglite') });
    text = await runEtl(['-c', config, 'ingest', noCaptions, titleNone]);
    // The same files again, as JSON: unchanged sources are summarised as fully as loaded ones.
    json = await runEtl(['-c', config, 'ingest', '--format', 'json', noCaptions, titleNone]);
    summary = JSON.parse(json.stdout);
  });

  afterAll(async () => {
    stopAll();
    await tmp?.dispose();
  });

  const source = (name: string) => summary.sources.find((s) => s.name === name)!;
  const lineOf = (name: string) => text.stdout.split('\n').find((l) => l.startsWith(`  ${name} `)) ?? '';
  /** The indented lines printed under a source's line, up to the next source. */
  const linesUnder = (name: string) => {
    const lines = text.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`  ${name} `));
    const out: string[] = [];
    for (let i = at + 1; i < lines.length && lines[i].startsWith('    '); i++) out.push(lines[i].trim());
    return out;
  };

  it('both runs exit 0 with nothing on standard error', () => {
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(summary.exitCode).toBe(0);
    expect(source(NO_CAPTIONS).status).toBe('unchanged');
    expect(lineOf(NO_CAPTIONS)).toMatch(/\(edition 2018\): loaded; /);
  });

  it('the text summary lists the tables with a provisional caption by their ?L references', () => {
    const line = lineOf(NO_CAPTIONS);
    const m = /; (\d+) tables \((\d+) with a provisional caption: ((?:\?L\d+)(?:, \?L\d+)*)(?: and (\d+) more)?\)/.exec(line);
    expect(m, line).not.toBeNull();
    const [, tables, provisional, shown, more] = m!;
    const refs = source(NO_CAPTIONS).provisionalTables;
    expect(Number(provisional)).toBe(refs.length);
    expect(Number(tables)).toBe(source(NO_CAPTIONS).tables);
    expect(shown.split(', ')).toEqual(refs.slice(0, 6));
    expect(Number(more ?? 0)).toBe(refs.length - Math.min(6, refs.length));
  });

  it('the JSON summary: provisionalTables (non-empty, all ?L…), unplaced {kind, count, reason} accounting for every finding, checksReview', () => {
    const s = source(NO_CAPTIONS);
    expect(s.provisionalTables.length).toBeGreaterThanOrEqual(25);
    for (const ref of s.provisionalTables) expect(ref).toMatch(/^\?L\d+$/);
    expect(new Set(s.provisionalTables).size).toBe(s.provisionalTables.length);
    // In document order: ?L<line> ascending.
    const lines = s.provisionalTables.map((r) => Number(r.slice(2)));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(s.findings).toBeGreaterThan(0);
    expect(s.unplaced.length).toBeGreaterThan(0);
    for (const u of s.unplaced) {
      expect(Object.keys(u).sort()).toEqual(['count', 'kind', 'reason']);
      expect(u.kind).toMatch(/^(unplaced_row|unplaced_cell|unparsed_table|unknown_label|invalid_observation)$/);
      expect(u.count).toBeGreaterThan(0);
      expect(u.reason.length).toBeGreaterThan(5);
    }
    expect(s.unplaced.reduce((n, u) => n + u.count, 0)).toBe(s.findings);
    expect(s.unplaced.map((u) => u.count)).toEqual([...s.unplaced.map((u) => u.count)].sort((a, b) => b - a));
    expect(typeof s.checksReview).toBe('number');
    // Checks on tables without a caption are doubted, not reported as errors.
    expect(s.checksReview).toBeGreaterThan(0);
    expect(summary.totals.checksReview).toBe(summary.sources.reduce((n, x) => n + x.checksReview, 0));
  });

  it('the text summary prints the unplaced line (every kind, with its count and reason) and the checks to review', () => {
    const s = source(NO_CAPTIONS);
    const unplaced = linesUnder(NO_CAPTIONS).find((l) => l.startsWith('unplaced: '));
    expect(unplaced).toBe(`unplaced: ${s.unplaced.map((u) => `${u.count} ${u.reason}`).join('; ')}`);
    expect(lineOf(NO_CAPTIONS)).toContain(`, ${s.findings} unplaced; `);
    expect(lineOf(NO_CAPTIONS)).toContain(`, ${s.checksReview} to review, `);
    expect(lineOf(NO_CAPTIONS)).toContain(`${s.checksFailed} beyond rounding`);
  });

  it('the warehouse records the same provisional tables (report_tables.caption_status)', async () => {
    const grouped = await runEtl(['-c', config, 'query', '--format', 'json', 'select caption_status, count(*)::int as n from report_tables group by 1 order by 1']);
    expect(grouped.stderr).toBe('');
    expect(grouped.code).toBe(0);
    const counts = Object.fromEntries((JSON.parse(grouped.stdout) as { caption_status: string; n: number }[]).map((r) => [r.caption_status, r.n]));
    expect(counts.provisional).toBe(source(NO_CAPTIONS).provisionalTables.length);
    expect(counts.found).toBeGreaterThan(0);
    const refs = await runEtl(['-c', config, 'query', '--format', 'json', "select table_ref, caption_score from report_tables where caption_status = 'provisional' order by table_ref"]);
    const rows = JSON.parse(refs.stdout) as { table_ref: string; caption_score: unknown }[];
    expect(rows.map((r) => r.table_ref).sort()).toEqual([...source(NO_CAPTIONS).provisionalTables].sort());
    expect(rows.every((r) => r.caption_score === null)).toBe(true);
    // The text form of the query, as a user types it.
    const plain = await runEtl(['-c', config, 'query', 'select caption_status, count(*) from report_tables group by 1 order by 1']);
    expect(plain.stdout).toMatch(new RegExp(`provisional\\s+${counts.provisional}\\b`));
  });

  it('the source without edition titles: edition 2018, inferred, with the warning; no provisional table', () => {
    const warnings = linesUnder(TITLE_NONE).filter((l) => l.startsWith('! '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^! edition 2018: no title names the edition: inferred from \d+ of \d+ table captions naming 2017/);
    expect(lineOf(TITLE_NONE)).toMatch(/\(edition 2018\): loaded; \d+ tables, /); // no "(… with a provisional caption …)"
    const s = source(TITLE_NONE);
    expect(s.edition).toBe(2018);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/^edition 2018: no title names the edition: inferred/);
    expect(s.provisionalTables).toEqual([]);
    expect(s.checksReview).toBe(0); // every caption of this source is attached confidently
    // And the source whose titles are intact is not warned about its edition.
    expect(source(NO_CAPTIONS).warnings.filter((w) => w.startsWith('edition'))).toEqual([]);
    expect(linesUnder(NO_CAPTIONS).filter((l) => l.startsWith('! '))).toEqual([]);
  });
});
