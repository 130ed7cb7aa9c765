/**
 * The PGlite dialect ported from kysely 0.29 (src/load/pglite-dialect.ts) on real in-memory
 * PGlite instances, wrapped by copyCapablePGlite as openWarehouse wraps them: queries and their
 * results, commit, rollback (thrown error, failed statement, aborted commit), savepoints,
 * transaction settings, concurrent queries and transactions taking the single connection in
 * turn, COPY inside a transaction, and the instance's lifecycle.
 */
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, isAbortedTransactionError, sql, type ControlledTransaction, type Generated } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CopyIn, copyCapablePGlite } from '../src/load/copy.ts';
import { PGliteDialect } from '../src/load/pglite-dialect.ts';

interface DB {
  events: { id: Generated<number>; label: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Labels of `events` in insertion order. */
async function labels(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('events').select('label').orderBy('id').execute();
  return rows.map((r) => r.label);
}

describe('PGliteDialect', () => {
  let pglite: PGlite;
  let db: Kysely<DB>;

  beforeAll(async () => {
    pglite = copyCapablePGlite(await PGlite.create());
    db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    await db.schema
      .createTable('events')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .execute();
  });

  afterAll(async () => {
    await db.destroy();
  });

  beforeEach(async () => {
    await sql`truncate events restart identity`.execute(db);
  });

  it('runs queries with parameters and reports affected rows', async () => {
    const inserted = await db.insertInto('events').values([{ label: 'a' }, { label: 'b' }, { label: 'c' }]).returning(['id', 'label']).execute();
    expect(inserted).toEqual([
      { id: 1, label: 'a' },
      { id: 2, label: 'b' },
      { id: 3, label: 'c' },
    ]);
    const updated = await db.updateTable('events').set({ label: 'x' }).where('id', '>', 1).executeTakeFirstOrThrow();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await db.deleteFrom('events').where('label', '=', 'x').executeTakeFirstOrThrow();
    expect(deleted.numDeletedRows).toBe(2n);
    expect(await labels(db)).toEqual(['a']);
    const { rows } = await sql<{ sum: number }>`select ${3}::int + ${4}::int as sum`.execute(db);
    expect(rows).toEqual([{ sum: 7 }]);
  });

  it('introspects as PostgreSQL', async () => {
    const tables = await db.introspection.getTables();
    const events = tables.find((t) => t.name === 'events');
    expect(events?.schema).toBe('public');
    expect(events?.columns.map((c) => [c.name, c.dataType, c.isAutoIncrementing])).toEqual([
      ['id', 'int4', true],
      ['label', 'text', false],
    ]);
  });

  it('rejects a failing query with PostgreSQL\'s error, the connection still usable', async () => {
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toMatchObject({ code: '42P01' });
    expect(await labels(db)).toEqual([]);
  });

  it('commits a transaction', async () => {
    const result = await db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values({ label: 'in' }).execute();
      // Inside, the transaction sees its own write.
      expect(await labels(trx)).toEqual(['in']);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await labels(db)).toEqual(['in']);
    // Committed in the database, not only as Kysely sees it.
    expect((await pglite.query('select label from events')).rows).toEqual([{ label: 'in' }]);
  });

  it('rolls back a transaction whose callback throws', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('events').values({ label: 'lost' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await labels(db)).toEqual([]);
  });

  it('rolls back a transaction whose statement fails', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('events').values({ label: 'lost' }).execute();
        await sql`insert into events (id, label) values (1, 'duplicate id')`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await labels(db)).toEqual([]);
    await db.insertInto('events').values({ label: 'after' }).execute();
    expect(await labels(db)).toEqual(['after']);
  });

  it('throws AbortedTransactionError when COMMIT finds the transaction aborted', async () => {
    const outcome = db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values({ label: 'lost' }).execute();
      // The error is swallowed, but PostgreSQL has aborted the transaction.
      await sql`select 1 / 0`.execute(trx).catch(() => undefined);
    });
    const error = await outcome.catch((e: unknown) => e);
    expect(isAbortedTransactionError(error)).toBe(true);
    expect((error as Error).cause).toMatchObject({ code: '25P02' });
    expect(await labels(db)).toEqual([]);
  });

  it('rolls back to a savepoint and releases one', async () => {
    // A controlled transaction holds the single connection until it ends: end it even when an
    // assertion fails, so one failure does not hang the tests after it.
    const inTransaction = async (body: (trx: ControlledTransaction<DB>) => Promise<void>) => {
      const trx = await db.startTransaction().execute();
      try {
        await body(trx);
      } finally {
        if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
      }
    };
    await inTransaction(async (trx) => {
      await trx.insertInto('events').values({ label: 'kept' }).execute();
      const afterKept = await trx.savepoint('after "kept"').execute();
      await afterKept.insertInto('events').values({ label: 'undone' }).execute();
      const back = await afterKept.rollbackToSavepoint('after "kept"').execute();
      await back.insertInto('events').values({ label: 'redone' }).execute();
      expect(await labels(back)).toEqual(['kept', 'redone']);
      const inner = await back.savepoint('inner').execute();
      await inner.insertInto('events').values({ label: 'released' }).execute();
      const released = await inner.releaseSavepoint('inner').execute();
      expect(await labels(released)).toEqual(['kept', 'redone', 'released']);
      // A released savepoint is gone: rolling back to it fails.
      await expect(released.rollbackToSavepoint('inner' as never).execute()).rejects.toMatchObject({ code: '3B001' });
      await released.rollback().execute();
    });
    expect(await labels(db)).toEqual([]);

    await inTransaction(async (trx) => {
      await trx.insertInto('events').values({ label: 'kept' }).execute();
      const sp = await trx.savepoint('sp').execute();
      await sp.insertInto('events').values({ label: 'undone' }).execute();
      await (await sp.rollbackToSavepoint('sp').execute()).commit().execute();
    });
    expect(await labels(db)).toEqual(['kept']);
  });

  it('applies the isolation level and access mode of a transaction', async () => {
    const level = await db
      .transaction()
      .setIsolationLevel('serializable')
      .execute(async (trx) => (await sql<{ transaction_isolation: string }>`show transaction_isolation`.execute(trx)).rows[0]);
    expect(level).toEqual({ transaction_isolation: 'serializable' });

    await expect(
      db
        .transaction()
        .setAccessMode('read only')
        .execute((trx) => trx.insertInto('events').values({ label: 'read only' }).execute()),
    ).rejects.toMatchObject({ code: '25006' });

    const both = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => (await sql<{ iso: string; ro: string }>`select current_setting('transaction_isolation') as iso, current_setting('transaction_read_only') as ro`.execute(trx)).rows[0]);
    expect(both).toEqual({ iso: 'repeatable read', ro: 'on' });

    // A level PostgreSQL does not know fails the BEGIN; the transaction it opened is rolled back.
    await expect(db.transaction().setIsolationLevel('snapshot').execute(async () => 'never')).rejects.toThrow(/snapshot/);
    expect((await pglite.query<{ ro: string }>(`select current_setting('transaction_read_only') as ro`)).rows).toEqual([{ ro: 'off' }]);
    await db.insertInto('events').values({ label: 'writable' }).execute();
    expect(await labels(db)).toEqual(['writable']);
  });

  it('runs two transactions started together one after the other, never interleaved', async () => {
    const run = (name: string, fail: boolean) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('events').values({ label: `${name} start` }).execute();
        await sleep(30);
        await trx.insertInto('events').values({ label: `${name} end` }).execute();
        if (fail) throw new Error(`${name} fails`);
      });
    const outcomes = await Promise.allSettled([run('A', false), run('B', true), run('C', false)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // Serial ids were taken in execution order: each transaction's two rows are adjacent, and
    // B's rollback took only B's rows.
    const rows = await db.selectFrom('events').select(['id', 'label']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, label: 'A start' },
      { id: 2, label: 'A end' },
      { id: 5, label: 'C start' },
      { id: 6, label: 'C end' },
    ]);
  });

  it('makes a query issued while a transaction is open wait for its end, outside it', async () => {
    let inside!: () => void;
    const insideTransaction = new Promise<void>((resolve) => (inside = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values({ label: 'uncommitted' }).execute();
      inside();
      await sleep(50);
      throw new Error('rolled back');
    });
    await insideTransaction;
    // Issued while the transaction holds the connection: it must neither run inside the
    // transaction (and see its uncommitted row) nor be rolled back with it.
    const count = db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const insert = db.insertInto('events').values({ label: 'outside' }).execute();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(Number((await count).n)).toBe(0);
    await insert;
    expect(await labels(db)).toEqual(['outside']);
  });

  it('runs a COPY (copyCapablePGlite) on the transaction it belongs to', async () => {
    const copyRows = (prefix: string) =>
      new CopyIn('events', ['label'], [{ label: `${prefix} 1` }, { label: `${prefix}\t2` }]);
    const copy = (trx: Kysely<DB>, rows: CopyIn) =>
      trx.executeQuery(CompiledQuery.raw(rows.statement('stdin'), [rows]));
    await expect(
      db.transaction().execute(async (trx) => {
        const result = await copy(trx, copyRows('lost'));
        expect(result.numAffectedRows).toBe(2n);
        expect(await labels(trx)).toEqual(['lost 1', 'lost\t2']);
        throw new Error('undo the copy');
      }),
    ).rejects.toThrow('undo the copy');
    expect(await labels(db)).toEqual([]);
    await db.transaction().execute((trx) => copy(trx, copyRows('kept')));
    expect(await labels(db)).toEqual(['kept 1', 'kept\t2']);
  });

  it('does not stream', async () => {
    const stream = db.selectFrom('events').selectAll().stream();
    await expect(stream.next()).rejects.toThrow('Streaming is not supported by PGlite.');
    // The connection was released: the next query runs.
    expect(await labels(db)).toEqual([]);
  });
});

describe('PGliteDialect lifecycle', () => {
  it('creates the instance lazily, once, and runs onCreateConnection once before the first query', async () => {
    let created = 0;
    const setUp: string[] = [];
    let instance: PGlite | undefined;
    const db = new Kysely<DB>({
      dialect: new PGliteDialect({
        pglite: async () => {
          created++;
          instance = await PGlite.create();
          return instance;
        },
        onCreateConnection: async (connection) => {
          await connection.executeQuery(CompiledQuery.raw('create schema side'));
          await connection.executeQuery(CompiledQuery.raw('set search_path to side'));
          setUp.push('search_path');
        },
      }),
    });
    expect(created).toBe(0);
    await Promise.all([
      sql`create table events (id serial primary key, label text not null)`.execute(db),
      sql`select 1`.execute(db),
    ]);
    await db.insertInto('events').values({ label: 'x' }).execute();
    expect(created).toBe(1);
    expect(setUp).toEqual(['search_path']);
    expect((await instance!.query('select label from side.events')).rows).toEqual([{ label: 'x' }]);
    await db.destroy();
    expect(instance!.closed).toBe(true);
  });

  it('rejects a transaction whose BEGIN fails instead of waiting forever, and an instance already closed', async () => {
    const pglite = await PGlite.create();
    const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    await sql`select 1`.execute(db);
    await pglite.close();
    await expect(db.transaction().execute(async () => 'never')).rejects.toThrow(/closed/i);
    // The connection was released: the next query gets it (and fails the same way).
    await expect(sql`select 1`.execute(db)).rejects.toThrow(/closed/i);
    // A dialect handed the closed instance refuses it at its first query.
    const late = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
    await expect(sql`select 1`.execute(late)).rejects.toThrow('PGlite instance is already closed.');
    await db.destroy();
  });
});
