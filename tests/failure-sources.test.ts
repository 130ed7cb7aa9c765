/**
 * Issue 5, bad sources: every file of fixtures/bad (empty, binary garbage named .pdf and .txt,
 * truncated, password-protected, scanned, a PDF named .txt, GB18030 and Big5 text, white space
 * only, a damaged page, a table the pipeline cannot read), a 3 GiB sparse file and a file of an
 * unsupported type are ingested by the real `etl` command together with a good report. Each bad
 * one gives one line naming the file, the reason and what to do; every other source still loads;
 * nothing of a refused file reaches the warehouse. Then the same decisions at the API level:
 * decoding, the size limit, and "load what it can" on an unknown table.
 */
import { copyFile, mkdir, readdir, truncate, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/extract/decode.ts';
import { extractSource } from '../src/extract/index.ts';
import { readSourceBytes } from '../src/extract/read.ts';
import { BinarySourceError, SourceTooLargeError, UnknownEncodingError } from '../src/extract/source-errors.ts';
import { openWarehouse } from '../src/load/db.ts';
import { transformDocument } from '../src/transform/index.ts';
import { FIXTURES, runEtl, tempDir, writeConfig, type EtlRun, type TempDir } from './helpers/etl-cli.ts';

const BAD = join(FIXTURES, 'bad');
const GOOD = '003_c23a70392e796f35.txt';
/** 3 GiB: far beyond the default limit (256 MiB), and beyond what Node could read into one Buffer. */
const HUGE_BYTES = 3 * 1024 ** 3;

/** What each refused file's line must say: the reason, then (after →) what to do. */
const REFUSED: Record<string, [RegExp, RegExp]> = {
  'empty.txt': [/the file is empty \(0 bytes\)/, /download or copy finished/],
  'empty.pdf': [/the file is empty \(0 bytes\)/, /download or copy finished/],
  'blank.txt': [/only white space/, /extraction or copy worked/],
  'garbage.txt': [/binary data, not text \(control byte 0x[0-9a-f]{2} at offset \d+\)/, /as a \.pdf, or as text/],
  'garbage.pdf': [/not a readable PDF \(InvalidPDFException/, /damaged, incomplete or not a PDF: download or copy it again/],
  'truncated.pdf': [/not a readable PDF \(InvalidPDFException/, /download or copy it again/],
  'locked.pdf': [/the PDF is password-protected/, /save an unprotected copy/],
  'scanned.pdf': [/no text layer on any page: the PDF needs OCR/, /run OCR on it first/],
  'pdf-named.txt': [/is a PDF file with a \.txt name/, /rename it to \.pdf/],
  'big5.txt': [/unknown text encoding: not UTF-8 \(invalid byte at line \d+, byte offset \d+\) and not GB18030\/GBK/, /convert it to UTF-8/],
  'huge.txt': [/3 GiB is larger than the limit of 256 MiB \(maxSourceBytes in the configuration\); the file was not read/, /raise maxSourceBytes/],
  'report.docx': [/unsupported source type "\.docx" \(expected \.txt or \.pdf\)/, /as a \.pdf, or as text/],
};
const LOADED = [GOOD, 'gb18030.txt', 'damaged-page.pdf', 'unknown-table.txt'];

describe('bad sources through `etl ingest`', () => {
  let tmp: TempDir;
  let sources: string;
  let dataDir: string;
  let config: string;
  let text: EtlRun;

  beforeAll(async () => {
    tmp = await tempDir('failure-sources');
    sources = join(tmp.path, 'reports');
    dataDir = join(tmp.path, 'pglite');
    await mkdir(sources);
    for (const name of await readdir(BAD)) if (name !== 'README.md') await copyFile(join(BAD, name), join(sources, name));
    await copyFile(join(FIXTURES, GOOD), join(sources, GOOD));
    // A sparse file: 3 GiB long, no disk used; refused before a byte of it is read.
    await writeFile(join(sources, 'huge.txt'), '');
    await truncate(join(sources, 'huge.txt'), HUGE_BYTES);
    await writeFile(join(tmp.path, 'report.docx'), 'PK\u0003\u0004');
    config = await writeConfig(tmp.path, { sources: [sources], dataDir });
    text = await runEtl(['-c', config, 'ingest', sources, join(tmp.path, 'report.docx')]);
  });

  afterAll(async () => {
    await tmp.dispose();
  });

  it('exits with code 1 (some sources failed) and prints no error of its own', () => {
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
  });

  it('gives each bad file one line: its name, its path, the reason and what to do', () => {
    const lines = text.stdout.split('\n');
    for (const [name, [reason, hint]] of Object.entries(REFUSED)) {
      const mine = lines.filter((l) => l.includes(name));
      expect(mine, name).toHaveLength(1);
      const [line] = mine;
      expect(line.startsWith(`  ✗ ${name}: FAILED — `), line).toBe(true);
      const [, message, todo] = /FAILED — (.*) → (.*)$/.exec(line) ?? [];
      expect(message.startsWith(name === 'report.docx' ? join(tmp.path, name) : join(sources, name) + ': '), line).toBe(true);
      expect(message, name).toMatch(reason);
      expect(todo, name).toMatch(hint);
    }
  });

  it('still loads every other source of the run, with warnings where something is missing', () => {
    const lines = text.stdout.split('\n');
    for (const name of LOADED) expect(lines.some((l) => l.startsWith(`  ${name} (edition `) && l.includes(': loaded;')), name).toBe(true);
    const after = (name: string) => lines[lines.findIndex((l) => l.startsWith(`  ${name} (`)) + 1];
    expect(after('damaged-page.pdf')).toMatch(/^ {4}! page 2 of 3 could not be read \(.+\); its figures are missing$/);
    expect(after('gb18030.txt')).toBe('    ! read as GB18030 text (not UTF-8)');
    expect(text.stdout).toMatch(new RegExp(`^${Object.keys(REFUSED).length + LOADED.length} sources \\(${Object.keys(REFUSED).length} failed\\)`, 'm'));
  });

  it('puts nothing of a refused file in the warehouse, and the GB18030 report exactly as its UTF-8 original', async () => {
    const w = await openWarehouse({ dataDir });
    try {
      const names = (await w.db.selectFrom('sources').select('name').execute()).map((r) => r.name).sort();
      expect(names).toEqual([...LOADED].sort());
      const values = async (name: string) =>
        (await sql<{ v: string }>`select table_ref || '|' || row_label || '|' || column_group || '|' || measure || '|' || data_year || '|' || value_text || '|' || line as v
          from current_observations where source_name = ${name} order by 1`.execute(w.db)).rows.map((r) => r.v);
      const utf8 = await values(GOOD);
      expect(utf8.length).toBeGreaterThan(500);
      expect(await values('gb18030.txt')).toEqual(utf8);
    } finally {
      await w.close();
    }
  });

  it('--format json: one document with every key, the same on a second run but for seconds and statuses', async () => {
    const json = await runEtl(['-c', config, 'ingest', '--format', 'json', sources, join(tmp.path, 'report.docx')]);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(Object.keys(doc)).toEqual(['command', 'exitCode', 'warehouse', 'seconds', 'totals', 'interruptedLoads', 'duplicates', 'sources', 'error']);
    expect(doc).toMatchObject({ command: 'ingest', exitCode: 1, warehouse: `PGlite at ${dataDir}`, interruptedLoads: [], duplicates: [], error: null });
    expect(doc.totals).toEqual({
      sources: 16, loaded: 0, replaced: 0, unchanged: 4, failed: 12,
      observations: doc.sources.reduce((n: number, s: { observations: number }) => n + s.observations, 0),
      findings: doc.sources.reduce((n: number, s: { findings: number }) => n + s.findings, 0),
      checksFailed: doc.sources.reduce((n: number, s: { checksFailed: number }) => n + s.checksFailed, 0),
      checksReview: doc.sources.reduce((n: number, s: { checksReview: number }) => n + s.checksReview, 0),
      checksWarned: doc.sources.reduce((n: number, s: { checksWarned: number }) => n + s.checksWarned, 0),
    });
    const keys = ['name', 'path', 'status', 'documentKind', 'title', 'edition', 'tables', 'provisionalTables', 'observations', 'findings', 'unplaced', 'checksPassed', 'checksFailed', 'checksReview', 'checksWarned', 'checksSkipped', 'warnings', 'error', 'hint'];
    for (const s of doc.sources) {
      expect(Object.keys(s)).toEqual(keys);
      expect(s.status === 'failed').toBe(s.error !== null);
      if (s.status === 'failed') expect(s.error).toMatch(REFUSED[s.name][0]);
      else expect(s.status).toBe('unchanged');
    }
    const again = JSON.parse((await runEtl(['-c', config, 'ingest', '--format', 'json', sources, join(tmp.path, 'report.docx')])).stdout);
    expect({ ...again, seconds: 0 }).toEqual({ ...doc, seconds: 0 });
  });
});

describe('bad sources at the API', () => {
  it('GB18030 text decodes to exactly the UTF-8 original, and transforms to the same observations', async () => {
    const decoded = decodeText('gb18030.txt', readFileSync(join(BAD, 'gb18030.txt')));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(readFileSync(join(FIXTURES, GOOD), 'utf8'));
    const strip = (o: { value: string; line: number; tableRef: string; rowLabel: string; measure: string }) => `${o.tableRef}|${o.rowLabel}|${o.measure}|${o.value}|${o.line}`;
    const fromGb = transformDocument(await extractSource(join(BAD, 'gb18030.txt'))).observations.map(strip);
    const fromUtf8 = transformDocument(await extractSource(join(FIXTURES, GOOD))).observations.map(strip);
    expect(fromGb).toEqual(fromUtf8);
  });

  it('UTF-16 with a byte-order mark decodes; without it, it is binary', () => {
    const text = '表1 2005年技术合同 12.5\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    expect(decodeText('le.txt', le)).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText('be.txt', be)).toEqual({ text, encoding: 'utf-16be' });
    expect(() => decodeText('nobom.txt', Buffer.from(text, 'utf16le'))).toThrow(BinarySourceError);
  });

  it('never reads mojibake: Big5, Latin-1 and UTF-8 with one damaged byte are refused, naming the line', () => {
    expect(() => decodeText('big5.txt', readFileSync(join(BAD, 'big5.txt')))).toThrow(UnknownEncodingError);
    expect(() => decodeText('latin1.txt', Buffer.from('caf\xe9 cr\xe8me 2005 12.5\n', 'latin1'))).toThrow(/line 1, byte offset 3/);
    const seed = readFileSync(join(FIXTURES, '000_94f9f59014649328.txt'));
    const offset = seed.indexOf('技术合同', 40_000);
    const damaged = Buffer.from(seed);
    damaged[offset] = 0xff;
    const line = seed.subarray(0, offset).toString('utf8').split('\n').length;
    expect(() => decodeText('damaged.txt', damaged)).toThrow(new RegExp(`invalid byte at line ${line}, byte offset ${offset}\\)`));
  });

  it('refuses a file over the limit before reading it (a 3 GiB sparse file, a 37 KiB file under a 20 000-byte limit)', async () => {
    const tmp = await tempDir('failure-huge');
    try {
      const huge = join(tmp.path, 'huge.pdf');
      await writeFile(huge, '');
      await truncate(huge, HUGE_BYTES);
      const error = await extractSource(huge).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceTooLargeError);
      expect(error).toMatchObject({ bytes: HUGE_BYTES, limit: 256 * 1024 ** 2 });
      await expect(readSourceBytes(join(FIXTURES, GOOD), 20_000)).rejects.toThrow(/: 36\.1 KiB is larger than the limit of 19\.5 KiB \(maxSourceBytes/);
    } finally {
      await tmp.dispose();
    }
  });

  it('a table it cannot read: loads what it can, the rest becomes findings, nothing is invented', async () => {
    const path = join(BAD, 'unknown-table.txt');
    const lines = readFileSync(path, 'utf8').split('\n');
    const result = transformDocument(await extractSource(path));
    expect(result.tables.map((t) => [t.tableRef, t.observationCount])).toEqual([['表2', 24], ['表3', 0]]);
    for (const o of result.observations) expect(lines[o.line - 1]).toContain(o.raw);
    const unread = lines.flatMap((l, i) => (/^(企业|高校|科研院所) \d/.test(l) ? [i + 1] : []));
    expect(result.findings.filter((f) => f.kind === 'unparsed_table' && f.tableRef === '表3').map((f) => f.line)).toEqual(unread);
  });
});
