/**
 * New embedded data folders seeded from the template (src/load/template.ts): the folder opens as
 * a working database, files of the folder's own are kept, and what an interrupted seeding left is
 * replaced rather than taken for a database.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataDir } from '../src/load/template.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'template-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('seedDataDir', () => {
  it('makes a folder a database that PGlite opens, keeping the files already in it', async () => {
    const dir = join(tmp, 'a');
    mkdirSync(dir);
    writeFileSync(join(dir, 'etl.lock'), 'mine');
    await seedDataDir(dir);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
    expect(readFileSync(join(dir, 'etl.lock'), 'utf8')).toBe('mine');
    const pg = await PGlite.create(dir);
    try {
      await pg.exec('create table t (x numeric); insert into t values (28251.5)');
      expect((await pg.query<{ x: string }>('select x::text from t')).rows).toEqual([{ x: '28251.5' }]);
    } finally {
      await pg.close();
    }
  });

  it('leaves a database alone, and replaces what an interrupted seeding left', async () => {
    const db = join(tmp, 'a');
    await seedDataDir(db);
    const pg = await PGlite.create(db);
    try {
      expect((await pg.query<{ n: number }>('select count(*)::int as n from t')).rows).toEqual([{ n: 1 }]);
    } finally {
      await pg.close();
    }
    const broken = join(tmp, 'b');
    mkdirSync(join(broken, 'base'), { recursive: true });
    writeFileSync(join(broken, 'base', 'garbage'), 'half a data folder');
    await seedDataDir(broken);
    expect(existsSync(join(broken, 'base', 'garbage'))).toBe(false);
    const again = await PGlite.create(broken);
    try {
      expect((await again.query<{ ok: number }>('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await again.close();
    }
  });
});
