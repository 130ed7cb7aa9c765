// `etl query` on the real PostgreSQL server, where several statements could be sent at once:
// only one query statement is run, read-only; anything else is refused with exit code 2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, runEtl, tempDir, writeConfig, type TempDir } from './helpers/etl-cli.ts';
import { dropTestSchema, TEST_DATABASE_URL } from './helpers/warehouses.ts';

const SCHEMA = `query_test_${process.pid}`;

describe('etl query', () => {
  let tmp: TempDir;
  let config: string;
  const env = { DATABASE_URL: TEST_DATABASE_URL };
  beforeAll(async () => {
    tmp = await tempDir('etl-query');
    config = await writeConfig(tmp.path, { sources: [join(FIXTURES, '003_c23a70392e796f35.txt')], schema: SCHEMA, dataDir: join(tmp.path, 'pglite') });
    expect((await runEtl(['-c', config, 'rebuild'], env)).code).toBe(0);
  });
  afterAll(async () => {
    await dropTestSchema(SCHEMA);
    await tmp?.dispose();
  });

  it('prints the rows of a query', async () => {
    const run = await runEtl(['-c', config, 'query', '--format', 'json', "select value from current_observations where table_ref = '表5' and row_label = '北京' and measure = 'turnover'"], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ value: '489.59' }]);
  });

  it('refuses a second statement and anything but a query, and writes nothing', async () => {
    for (const statement of ['select 1; commit; delete from observations', 'delete from observations', 'copy observations to stdout']) {
      const run = await runEtl(['-c', config, 'query', statement], env);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^etl query: /);
    }
    const count = await runEtl(['-c', config, 'query', '--format', 'json', 'select count(*)::int as n from observations'], env);
    expect(JSON.parse(count.stdout)[0].n).toBeGreaterThan(500);
  });
});
