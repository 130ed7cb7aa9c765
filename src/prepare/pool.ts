/**
 * Where sources are prepared (prepare.ts): on a pool of `concurrency` worker threads (piscina)
 * when the code runs from the CLI's bundle, so that extract, transform and checks of several
 * sources use several cores while the main thread loads; in this thread when it runs from
 * TypeScript sources (tests, scripts: a worker cannot load them without a TypeScript loader).
 * Either way the same prepareSource does the work.
 */
import { MessageChannel, type Worker } from 'node:worker_threads';
import type { FailedSource, PreparePhase, PrepareOptions, PreparedSource } from './prepare.ts';

/** Prepares sources, at most `concurrency` at once. */
export interface Preparer {
  /** Prepares one source (never rejects for a bad source), calling `phase` after each stage. */
  prepare(path: string, phase: (p: PreparePhase) => void): Promise<PreparedSource | FailedSource>;
  /** Ends the worker threads (waiting for nothing: call it when every `prepare` has settled). */
  close(): Promise<void>;
}

/** The last message on a task's port (worker.ts): every stage posted before it has been delivered. */
export const END_OF_STAGES = 'end';

/**
 * The BroadcastChannel on which each worker thread says its modules are loaded (worker.ts). A
 * worker terminated while Node is still loading its modules aborts the whole process on Node 20
 * (SIGABRT, "v8::Module::IsGraphAsync must be used on an instantiated module", seen when the
 * database cannot be reached and the pool is closed a few milliseconds after it started), so the
 * pool is destroyed only once every thread has loaded or exited.
 */
export const LOADED_CHANNEL = 'etl-preparer-loaded';

/** The bundled worker, beside this module's bundle chunk. */
const WORKER = new URL('./worker.mjs', import.meta.url);
/** Whether this module runs from TypeScript sources rather than the bundle. */
const FROM_SOURCES = import.meta.url.endsWith('.ts');

/**
 * A preparer for `concurrency` sources at once. Its threads start at once (they load the
 * transform's modules while the caller opens the database). Errors: a worker that cannot start
 * rejects the `prepare` calls given to it.
 */
export async function startPreparer(concurrency: number, options: PrepareOptions): Promise<Preparer> {
  if (FROM_SOURCES) {
    const { prepareSource } = await import('./prepare.ts');
    return { prepare: (path, phase) => prepareSource(path, options, phase), close: async () => {} };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({ filename: WORKER.href, minThreads: concurrency, maxThreads: concurrency, idleTimeout: Infinity });
  const settled = threadsSettled(pool.threads);
  return {
    async prepare(path, phase) {
      const { port1, port2 } = new MessageChannel();
      // Messages of one port arrive in order, but not in order with the task's result.
      const stagesDelivered = new Promise<void>((resolve) => {
        port1.on('message', (m: PreparePhase | typeof END_OF_STAGES) => (m === END_OF_STAGES ? resolve() : phase(m)));
      });
      try {
        const [prepared] = await Promise.all([pool.run({ path, options, port: port2 }, { transferList: [port2] }), stagesDelivered]);
        return prepared as PreparedSource | FailedSource;
      } finally {
        port1.close();
      }
    },
    close: async () => {
      await settled;
      await pool.destroy();
    },
  };
}

/** Resolves once each of `threads` has loaded its modules (LOADED_CHANNEL) or exited. */
function threadsSettled(threads: readonly Worker[]): Promise<void> {
  const channel = new BroadcastChannel(LOADED_CHANNEL);
  (channel as unknown as { unref(): void }).unref();
  const pending = new Set(threads.map((t) => t.threadId));
  return new Promise<void>((resolve) => {
    const settle = (threadId: number) => {
      pending.delete(threadId);
      if (pending.size) return;
      channel.close();
      resolve();
    };
    channel.onmessage = (event) => settle((event as MessageEvent<number>).data);
    for (const thread of threads) thread.once('exit', () => settle(thread.threadId));
    if (!pending.size) settle(-1);
  });
}
