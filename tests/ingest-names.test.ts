/**
 * Issue 14: file names are printed escaped (real CLI, real PostgreSQL). A name holding a newline,
 * a tab or a terminal escape sequence is shown as a JSON string literal in the human summary and
 * the verbose log, and messages quoting its path keep their control characters escaped, so no
 * name splits a summary line, forges another, or reaches the terminal as an escape sequence.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runEtl, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { dropTestSchema, TEST_DATABASE_URL } from './helpers/warehouses.ts';

const SCHEMA = `ingest_names_${process.pid}`;
const env = { DATABASE_URL: TEST_DATABASE_URL };
/** Any control character but the newline that ends a line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('etl ingest prints file names escaped', () => {
  let tmp: TempDir;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    tmp = await tempDir('ingest-names');
    dir = join(tmp.path, 'reports');
    await mkdir(dir);
    // A document that loads (with a warning), and an empty file that fails.
    await copyFile(join(FIXTURES, '004_2425235a77e2d1cb.txt'), join(dir, 'forged\n  ✗ other.txt.txt'));
    await writeFile(join(dir, 'tab\t\u001b[31mred.txt'), '');
    config = await writeConfig(tmp.path, { sources: [dir], schema: SCHEMA, dataDir: join(tmp.path, 'pglite') });
  });
  afterAll(async () => {
    await dropTestSchema(SCHEMA);
    await tmp?.dispose();
  });

  it('keeps every source on its own line in the summary and the verbose log', async () => {
    const run = await runEtl(['-c', config, 'ingest', '-v', dir], env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    const lines = run.stdout.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}"forged\\n {2}✗ other\.txt\.txt" \(document: [^)]*\): loaded; /));
    expect(lines).toContain(
      `  ✗ "tab\\t\\u001b[31mred.txt": FAILED — ${dir}/tab\\t\\u001b[31mred.txt: the file is empty (0 bytes) → check that the download or copy finished`,
    );
    // No line but those two names a source: the forged "✗ other.txt.txt" line does not exist.
    expect(lines.filter((l) => /^ {2}\S/.test(l))).toHaveLength(2);
    expect(run.stderr).toContain(`etl: "${dir}/forged\\n  ✗ other.txt.txt": start\n`);
    expect(run.stderr).toContain(`etl: "${dir}/tab\\t\\u001b[31mred.txt": done: failed (${dir}/tab\\t\\u001b[31mred.txt: the file is empty (0 bytes))\n`);
  });

  it('escapes a path in the one-line error of a run that cannot start', async () => {
    const missing = join(tmp.path, 'no\nsuch.txt');
    const run = await runEtl(['-c', config, 'ingest', missing], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`etl: no such file or folder: ${tmp.path}/no\\nsuch.txt\n`);
  });
});
