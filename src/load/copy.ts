/**
 * Bulk writes through PostgreSQL's COPY (text format) behind Kysely, on both drivers:
 * `COPY … FROM STDIN` streamed through pg-copy-streams on a server, `COPY … FROM '/dev/blob'`
 * on PGlite (which reads the rows from a Blob handed to the query). Rows are encoded lazily,
 * a chunk at a time, so a large load never holds its whole COPY text at once: the server path
 * streams with backpressure, and PGlite gets one COPY statement per segment of rows.
 *
 * A COPY travels as an ordinary Kysely query (`executeQuery`) whose single parameter is a
 * `CopyIn`; the connections of a warehouse opened by `openWarehouse` (see `copyCapablePool`
 * and `copyCapablePGlite`) recognise it and run the COPY on the same connection, so it takes
 * part in the caller's transaction like any other statement.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { WarehouseSchema } from './schema.ts';

/** Rows encoded into one chunk of COPY text (one write to the server, one Blob part). */
const CHUNK_ROWS = 1000;

/** Chunks per COPY statement on PGlite, whose COPY reads a whole in-memory Blob (~27 MB here). */
const PGLITE_SEGMENT_CHUNKS = 100;

/** COPY text-format escapes of the characters that would end a field or a row. */
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;

/**
 * One field in COPY text format: null → \N; strings escaped; numbers, bigints, booleans and
 * dates in PostgreSQL's input syntax. A decimal string goes through verbatim, so a numeric
 * column receives exactly the printed digits. Throws a TypeError for any other value (objects
 * must be serialised by the caller, e.g. JSON columns as JSON text).
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c]) : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`COPY: cannot write the number ${value}`);
    return String(value);
  }
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`COPY: cannot write a value of type ${typeof value} (serialise it first)`);
}

/**
 * The rows of one COPY into `table` (its `columns`, in order), with their text encoding. Rows are
 * read from `rows` once, lazily, as the database consumes them. Only the connections of
 * `openWarehouse` can run it: a plain driver handed a CopyIn as a parameter fails with a
 * message saying so.
 */
export class CopyIn {
  readonly table: string;
  readonly columns: readonly string[];
  private readonly rows: Iterable<Record<string, unknown>>;
  private consumed = false;
  private encoded = 0;

  constructor(table: string, columns: readonly string[], rows: Iterable<Record<string, unknown>>) {
    this.table = table;
    this.columns = columns;
    this.rows = rows;
  }

  /** How many rows have been encoded so far (all of them once the COPY has run). */
  get rowCount(): number {
    return this.encoded;
  }

  /** The COPY statement reading from `source` ("stdin" on a server, "'/dev/blob'" on PGlite). */
  statement(source: 'stdin' | "'/dev/blob'"): string {
    const columns = this.columns.map(quoteIdentifier).join(', ');
    return `copy ${quoteIdentifier(this.table)} (${columns}) from ${source}`;
  }

  /**
   * The COPY text, a chunk of CHUNK_ROWS rows at a time ("field\tfield\n" …), each row encoded
   * when its chunk is asked for. Throws if called twice (the rows are read once).
   */
  *chunks(): Generator<string> {
    if (this.consumed) throw new Error(`COPY into ${this.table}: the rows were already read`);
    this.consumed = true;
    const { columns } = this;
    // Arrays joined once per row and per chunk: flat strings, several times faster to build and
    // to hand on than strings grown by concatenation.
    const fields: string[] = new Array(columns.length);
    let lines: string[] = [];
    for (const row of this.rows) {
      for (let i = 0; i < columns.length; i++) fields[i] = copyField(row[columns[i]]);
      lines.push(fields.join('\t'));
      this.encoded++;
      if (lines.length === CHUNK_ROWS) {
        lines.push('');
        yield lines.join('\n');
        lines = [];
      }
    }
    if (lines.length) {
      lines.push('');
      yield lines.join('\n');
    }
  }

  /** The chunks grouped by `size` (the last group may be smaller). */
  *segments(size: number): Generator<string[]> {
    let segment: string[] = [];
    for (const chunk of this.chunks()) {
      segment.push(chunk);
      if (segment.length === size) {
        yield segment;
        segment = [];
      }
    }
    if (segment.length) yield segment;
  }

  /** pg calls this to serialise a query parameter: reached only through a plain pg client. */
  toPostgres(): never {
    throw new Error(`COPY into ${this.table}: this connection cannot run COPY (open the database with openWarehouse)`);
  }
}

/** A SQL identifier in double quotes. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The CopyIn a compiled query carries, if it is a COPY made by `copyInto`. */
function copyOf(parameters: readonly unknown[] | undefined): CopyIn | undefined {
  return parameters?.length === 1 && parameters[0] instanceof CopyIn ? parameters[0] : undefined;
}

/**
 * Writes `rows` into `table` with one COPY (several on PGlite), on `db`'s connection: pass the
 * Transaction as `db` so a failed COPY rolls back with the rest. Every row must carry the same
 * columns (those of the first row). Rows are read lazily, once. Returns the number of rows
 * written. `db` must come from `openWarehouse` (see the module comment).
 */
export async function copyInto<T extends keyof WarehouseSchema & string>(
  db: Kysely<WarehouseSchema>,
  table: T,
  rows: Iterable<Insertable<WarehouseSchema[T]>>,
): Promise<number> {
  const iterator = rows[Symbol.iterator]();
  const first = iterator.next();
  if (first.done) return 0;
  const columns = Object.keys(first.value);
  const all = (function* () {
    yield first.value as Record<string, unknown>;
    for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value as Record<string, unknown>;
  })();
  const copy = new CopyIn(table, columns, all);
  await db.executeQuery(CompiledQuery.raw(copy.statement('stdin'), [copy]));
  return copy.rowCount;
}

/** Runs a COPY on a pg client: the chunks are streamed with backpressure. Returns the row count. */
async function copyOnServer(client: pg.PoolClient, copy: CopyIn): Promise<number> {
  const stream = client.query(copyFrom(copy.statement('stdin')));
  await pipeline(Readable.from(copy.chunks()), stream);
  return stream.rowCount;
}

/** Runs a COPY on PGlite (the instance or an open transaction), a segment per statement. */
async function copyOnPGlite(target: Pick<PGlite, 'query'>, copy: CopyIn): Promise<number> {
  let rows = 0;
  for (const segment of copy.segments(PGLITE_SEGMENT_CHUNKS)) {
    const result = await target.query(copy.statement("'/dev/blob'"), [], { blob: new Blob(segment) });
    rows += result.affectedRows ?? 0;
  }
  return rows;
}

/** What `query` resolves to for a COPY: the shape pg gives Kysely. */
function copyResult(rowCount: number): pg.QueryResult {
  return { command: 'COPY', rowCount, rows: [], oid: 0, fields: [] };
}

/**
 * `pool` as Kysely's PostgresDialect should see it: every client it hands out runs a COPY query
 * (a CopyIn parameter) through pg-copy-streams and any other query as usual. One wrapper per
 * client, so Kysely recognises a client it has seen before.
 */
export function copyCapablePool(pool: pg.Pool): pg.Pool {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrapClient = (client: pg.PoolClient): pg.PoolClient => {
    let proxy = wrapped.get(client);
    if (!proxy) {
      const query = (...args: unknown[]): unknown => {
        const copy = copyOf(args[1] as unknown[] | undefined);
        if (copy) return copyOnServer(client, copy).then(copyResult);
        return (client.query as (...a: unknown[]) => unknown)(...args);
      };
      proxy = forward(client, { query });
      wrapped.set(client, proxy);
    }
    return proxy;
  };
  const connect = async (...args: unknown[]): Promise<pg.PoolClient> => {
    if (args.length) throw new Error('copyCapablePool: connect() takes no callback');
    return wrapClient(await pool.connect());
  };
  return forward(pool, { connect });
}

/**
 * `pglite` as the PGliteDialect (pglite-dialect.ts) should see it: `query` (on the instance and on the
 * transactions it opens) runs a COPY query (a CopyIn parameter) from '/dev/blob' and any other
 * query as usual.
 */
export function copyCapablePGlite(pglite: PGlite): PGlite {
  type Options = Parameters<PGlite['query']>[2];
  const copyingQuery = (target: Pick<PGlite, 'query'>) =>
    async (query: string, params?: unknown[], options?: Options) => {
      const copy = copyOf(params);
      if (copy) return { rows: [], fields: [], affectedRows: await copyOnPGlite(target, copy) };
      return target.query(query, params, options);
    };
  const transaction = <T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> =>
    pglite.transaction((tx) => callback(forward(tx, { query: copyingQuery(tx) })));
  return forward(pglite, { query: copyingQuery(pglite), transaction });
}

/**
 * A proxy of `target` whose `overrides` replace some members. Methods of its prototype are bound
 * to `target` (so private fields keep working); own properties, functions included (pg's
 * `client.release`, `pool.Client`), are read through as they are.
 */
function forward<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === 'string' && Object.hasOwn(overrides, property)) return overrides[property];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' && !Object.hasOwn(object, property) ? value.bind(object) : value;
    },
  });
}
