/**
 * Issue 14: README's read-only role recipe ("A read-only role for queries on a server"), run as
 * written (its role, database and schema names replaced by this run's own) on the real PostgreSQL
 * server. As that role, `etl query` reads the warehouse but cannot write to it or call
 * pg_read_file; as the URL's superuser it can, which is why README recommends the role.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runEtl, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { TEST_DATABASE_URL } from './helpers/warehouses.ts';

const SCHEMA = `query_role_${process.pid}`;
const ROLE = `etl_reader_${process.pid}`;
const DATABASE = decodeURIComponent(new URL(TEST_DATABASE_URL).pathname.slice(1));

/** The SQL block under README's read-only-role marker, for this run's role, database and schema. */
function recipe(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- read-only-role recipe[^>]*-->\n```sql\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no read-only-role recipe block');
  return block[1]
    .replace(/\betl_reader\b/g, ROLE)
    .replace(/\bDATABASE warehouse\b/g, `DATABASE "${DATABASE}"`)
    .replace(/\bSCHEMA public\b/g, `SCHEMA "${SCHEMA}"`);
}

describe('README: a read-only role for etl query', () => {
  let tmp: TempDir;
  let config: string;
  let admin: pg.Client;
  const readerUrl = () => {
    const url = new URL(TEST_DATABASE_URL);
    url.username = ROLE;
    url.password = 'change-me';
    return url.href;
  };
  const query = (url: string, statement: string) => runEtl(['-c', config, 'query', '--format', 'json', statement], { DATABASE_URL: url });

  beforeAll(async () => {
    tmp = await tempDir('query-role');
    config = await writeConfig(tmp.path, { sources: [join(FIXTURES, '003_c23a70392e796f35.txt')], schema: SCHEMA, dataDir: join(tmp.path, 'pglite') });
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop schema if exists "${SCHEMA}" cascade`);
    await dropRole();
    const rebuild = await runEtl(['-c', config, 'rebuild'], { DATABASE_URL: TEST_DATABASE_URL });
    expect(rebuild.code, rebuild.stderr).toBe(0);
    await admin.query(recipe());
  });
  afterAll(async () => {
    await admin?.query(`drop schema if exists "${SCHEMA}" cascade`);
    await dropRole();
    await admin?.end();
    await tmp?.dispose();
  });

  /** Drops this run's role and its privileges, if it exists. */
  async function dropRole(): Promise<void> {
    const { rows } = await admin.query('select 1 from pg_roles where rolname = $1', [ROLE]);
    if (!rows.length) return;
    await admin.query(`drop owned by "${ROLE}"`);
    await admin.query(`drop role "${ROLE}"`);
  }

  it('reads the warehouse and its views as the role', async () => {
    const statement = `select count(*)::int as n from current_observations where table_ref = '表5'`;
    const asOwner = await query(TEST_DATABASE_URL, statement);
    const asReader = await query(readerUrl(), statement);
    expect(asReader.code, asReader.stderr).toBe(0);
    expect(JSON.parse(asReader.stdout)[0].n).toBeGreaterThan(0);
    expect(asReader.stdout).toBe(asOwner.stdout);
  });

  it('cannot call pg_read_file as the role, which the superuser of the URL can', async () => {
    const statement = `select length(pg_read_file('PG_VERSION')) as n`;
    const asOwner = await query(TEST_DATABASE_URL, statement);
    expect(asOwner.code, asOwner.stderr).toBe(0);
    const asReader = await query(readerUrl(), statement);
    expect(asReader.code).toBe(2);
    expect(asReader.stderr).toMatch(/^etl query: permission denied for function pg_read_file/);
  });

  it('cannot write as the role, through etl query or directly with read-only transactions turned off', async () => {
    const viaEtl = await query(readerUrl(), 'with gone as (delete from observations returning 1) select count(*) from gone');
    expect(viaEtl.code).toBe(2);
    expect(viaEtl.stderr).toMatch(/^etl query: (permission denied for table observations|cannot execute \w+ in a read-only transaction)/);

    const reader = new pg.Client({ connectionString: readerUrl() });
    await reader.connect();
    try {
      expect((await reader.query('show default_transaction_read_only')).rows[0].default_transaction_read_only).toBe('on');
      await reader.query(`set search_path to "${SCHEMA}"`);
      await reader.query('set default_transaction_read_only = off');
      await expect(reader.query('delete from observations')).rejects.toThrow(/permission denied for table observations/);
      await expect(reader.query('create table mine (x int)')).rejects.toThrow(/permission denied for schema/);
      await expect(reader.query(`select pg_read_file('PG_VERSION')`)).rejects.toThrow(/permission denied for function pg_read_file/);
    } finally {
      await reader.end();
    }
    const { rows } = await admin.query(`select count(*)::int as n from "${SCHEMA}".observations`);
    expect(rows[0].n).toBeGreaterThan(500);
  });
});
