/**
 * Kysely's PGlite dialect, ported from kysely 0.29.9 (dist/dialect/pglite/, MIT License,
 * Copyright (c) 2022 Sami Koskimäki, https://github.com/kysely-org/kysely) to the kysely 0.28
 * this project pins. Kysely gained `PGliteDialect` in 0.29, which requires Node 22; we run on
 * Node 20, and the community package kysely-pglite-dialect does not accept @electric-sql/pglite
 * 0.5 as a peer. The port keeps 0.29's behaviour, with these differences:
 *  - 0.29's core serialises the single connection itself (its adapter says
 *    `supportsMultipleConnections: false`); 0.28's core does not read that flag, so the driver
 *    holds its own mutex from `acquireConnection` to `releaseConnection`, as kysely's
 *    SqliteDriver does: one query, or one whole transaction, at a time.
 *  - The adapter is 0.28's PostgresAdapter (0.29's PGliteAdapter only adds no-op migration
 *    locks; the advisory lock PostgresAdapter takes works on PGlite too).
 *  - Transaction settings (`setIsolationLevel`, `setAccessMode`) are applied with
 *    `set transaction …` as the transaction's first statement; 0.29 silently ignores them.
 *  - A BEGIN that fails rejects `beginTransaction` (0.29 waits for it forever).
 *  - No abort signals: 0.28's driver interface has none.
 * As in 0.29: transactions run inside PGlite's exclusive `transaction()` (so a COPY made by
 * copy.ts's `copyCapablePGlite` runs on the transaction it belongs to), savepoints are
 * supported, and streaming is not.
 */
import {
  AbortedTransactionError,
  CompiledQuery,
  IdentifierNode,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  RawNode,
  createQueryId,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * The subset of a PGlite instance (`@electric-sql/pglite`'s PGlite, or the proxy
 * `copyCapablePGlite` returns) that the dialect uses, as in kysely 0.29.
 */
export interface PGliteLike {
  close(): Promise<void>;
  readonly closed: boolean;
  query<T>(query: string, params?: any[], options?: { rowMode?: 'array' | 'object' }): Promise<{ affectedRows?: number; rows: T[] }>;
  readonly ready: boolean;
  transaction<T>(callback: (tx: PGliteTransactionLike) => Promise<T>): Promise<T>;
  readonly waitReady: Promise<void>;
}

/** The subset of a PGlite transaction the dialect uses: its `query`. */
export type PGliteTransactionLike = Pick<PGliteLike, 'query'>;

/** Config of {@link PGliteDialect}: the same fields as kysely 0.29's PGliteDialectConfig. */
export interface PGliteDialectConfig {
  /**
   * The PGlite instance, or a function returning one (called once, before the first query).
   * `Kysely.destroy()` closes it if it is still open.
   */
  pglite: PGliteLike | (() => PGliteLike | Promise<PGliteLike>);
  /** Called once with the (only) connection before the first query, e.g. to set search_path. */
  onCreateConnection?: (connection: DatabaseConnection) => Promise<void>;
}

/**
 * Kysely dialect for PGlite (PostgreSQL compiled to WebAssembly, one connection):
 * `new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) })`. It compiles and introspects as
 * PostgreSQL. Errors are PGlite's own; an instance already closed when the first query runs is
 * rejected with "PGlite instance is already closed.". Exists because kysely's own PGliteDialect
 * (0.29) requires Node 22 (see the module comment).
 */
export class PGliteDialect implements Dialect {
  readonly #config: PGliteDialectConfig;

  constructor(config: PGliteDialectConfig) {
    this.#config = config;
  }

  /** PostgreSQL's adapter: transactional DDL, RETURNING, advisory-lock migration lock. */
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  /** A driver owning PGlite's single connection (see {@link PGliteDriver}). */
  createDriver(): Driver {
    return new PGliteDriver(this.#config);
  }

  /** PostgreSQL's introspector (PGlite has the same catalogs). */
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  /** PostgreSQL's query compiler ($1-style parameters, double-quoted identifiers). */
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

const BEGIN_TRANSACTION = Symbol('begin');
const COMMIT_TRANSACTION = Symbol('commit');
const ROLLBACK_TRANSACTION = Symbol('rollback');

/**
 * The driver of {@link PGliteDialect}. It hands out PGlite's single connection to one holder at
 * a time: `acquireConnection` waits until the previous holder released it, so concurrent
 * queries and transactions run one after another, never interleaved.
 */
export class PGliteDriver implements Driver {
  readonly #config: PGliteDialectConfig;
  readonly #mutex = new ConnectionMutex();
  #pglite?: PGliteLike;
  #connection?: PGliteConnection;

  constructor(config: PGliteDialectConfig) {
    this.#config = Object.freeze({ ...config });
  }

  /** Resolves the instance, waits until it is ready and runs `onCreateConnection`. Throws if it is closed. */
  async init(): Promise<void> {
    const { pglite } = this.#config;
    this.#pglite ??= typeof pglite === 'function' ? await pglite() : pglite;
    if (this.#pglite.closed) throw new Error('PGlite instance is already closed.');
    if (!this.#pglite.ready) await this.#pglite.waitReady;
    this.#connection = new PGliteConnection(this.#pglite);
    if (this.#config.onCreateConnection) await this.#config.onCreateConnection(this.#connection);
  }

  /** The single connection, once its previous holder has released it. */
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    return this.#connection!;
  }

  /** Lets the next waiting `acquireConnection` have the connection. */
  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  /** Opens a PGlite transaction on the connection, applying `settings` first. */
  async beginTransaction(connection: PGliteConnection, settings: TransactionSettings): Promise<void> {
    await connection[BEGIN_TRANSACTION](settings);
  }

  /** Commits; throws kysely's AbortedTransactionError if PostgreSQL rolled back instead. */
  async commitTransaction(connection: PGliteConnection): Promise<void> {
    await connection[COMMIT_TRANSACTION]();
  }

  /** Rolls the open transaction back. */
  async rollbackTransaction(connection: PGliteConnection): Promise<void> {
    await connection[ROLLBACK_TRANSACTION]();
  }

  /** `savepoint "name"` inside the open transaction. */
  async savepoint(connection: DatabaseConnection, savepointName: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('savepoint', savepointName), createQueryId()));
  }

  /** `rollback to "name"` inside the open transaction. */
  async rollbackToSavepoint(connection: DatabaseConnection, savepointName: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('rollback to', savepointName), createQueryId()));
  }

  /** `release "name"` inside the open transaction. */
  async releaseSavepoint(connection: DatabaseConnection, savepointName: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compileQuery(savepointCommand('release', savepointName), createQueryId()));
  }

  /** Closes the PGlite instance unless it is already closed. */
  async destroy(): Promise<void> {
    if (this.#pglite && !this.#pglite.closed) await this.#pglite.close();
  }
}

/** A savepoint command with a quoted name, as kysely's parseSavepointCommand builds it. */
function savepointCommand(command: string, savepointName: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(savepointName)]);
}

/** PGlite's one connection: queries go to the open transaction if there is one, else to the instance. */
class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteLike;
  #transaction?: PGliteTransactionLike;
  #commit?: () => void;
  #rollback?: (reason: unknown) => void;
  #closed?: Promise<void>;

  constructor(pglite: PGliteLike) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const { affectedRows, rows } = await (this.#transaction ?? this.#pglite).query<R>(
        compiledQuery.sql,
        compiledQuery.parameters as unknown[],
        { rowMode: 'object' },
      );
      return { numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined, rows: rows ?? [] };
    } catch (error) {
      throw extendStackTrace(error, new Error());
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by PGlite.');
  }

  async [BEGIN_TRANSACTION](settings: TransactionSettings): Promise<void> {
    // (Promise.withResolvers would do, but it needs Node 22.)
    const commitSignal = new Promise<void>((resolve, reject) => {
      this.#commit = resolve;
      this.#rollback = reject;
    });
    let begun!: () => void;
    const hasBegun = new Promise<void>((resolve) => (begun = resolve));
    // PGlite's exclusive transaction mode locks the instance, in case this dialect is not the
    // only one using it. The callback holds the transaction open until commit or rollback.
    this.#closed = this.#pglite.transaction(async (tx) => {
      this.#transaction = tx;
      begun();
      await commitSignal;
    });
    try {
      // A BEGIN that fails settles #closed without ever calling the callback.
      await Promise.race([hasBegun, this.#closed]);
    } catch (error) {
      this.#reset();
      throw error;
    }
    if (!settings.isolationLevel && !settings.accessMode) return;
    const characteristics = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode];
    try {
      await this.executeQuery(CompiledQuery.raw(`set transaction ${characteristics.filter(Boolean).join(' ')}`));
    } catch (error) {
      await this[ROLLBACK_TRANSACTION]();
      throw error;
    }
  }

  async [COMMIT_TRANSACTION](): Promise<void> {
    this.#commit?.();
    try {
      await this.#closed;
    } catch (error) {
      // PGlite's TransactionAbortedError: COMMIT of a transaction an earlier error aborted.
      if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '25P02') {
        throw Object.assign(new AbortedTransactionError(), { cause: error });
      }
      throw error;
    } finally {
      this.#reset();
    }
  }

  async [ROLLBACK_TRANSACTION](): Promise<void> {
    this.#rollback?.(undefined);
    await this.#closed?.catch(() => {});
    this.#reset();
  }

  #reset(): void {
    this.#commit = this.#rollback = this.#transaction = this.#closed = undefined;
  }
}

/** A lock with one holder at a time; waiters take it in turn (kysely's ConnectionMutex). */
class ConnectionMutex {
  #promise?: Promise<void>;
  #resolve?: () => void;

  async lock(): Promise<void> {
    while (this.#promise) await this.#promise;
    this.#promise = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  unlock(): void {
    const resolve = this.#resolve;
    this.#promise = this.#resolve = undefined;
    resolve?.();
  }
}

/** Appends the caller's stack (`stackError`) to a database error's, as kysely's drivers do. */
function extendStackTrace(error: unknown, stackError: Error): unknown {
  const holder = error as { stack?: unknown };
  if (typeof error === 'object' && error !== null && typeof holder.stack === 'string' && stackError.stack) {
    holder.stack += `\n${stackError.stack.split('\n').slice(1).join('\n')}`;
  }
  return error;
}
