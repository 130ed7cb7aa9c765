/**
 * The worker thread of the preparer pool (pool.ts, run by piscina): prepares one source per task
 * and reports its stages on the task's MessagePort, then END_OF_STAGES. Loaded from the CLI's bundle (bin/bundle.js).
 */
import { threadId, type MessagePort } from 'node:worker_threads';
import { END_OF_STAGES, LOADED_CHANNEL } from './pool.ts';
import { prepareSource, type FailedSource, type PrepareOptions, type PreparedSource } from './prepare.ts';

// Every module is loaded once this runs: the pool may now end this thread safely (pool.ts).
const loaded = new BroadcastChannel(LOADED_CHANNEL);
loaded.postMessage(threadId);
loaded.close();

/** One task: the source's path, the options, and the port its stages are posted on. */
export interface PrepareTask {
  path: string;
  options: PrepareOptions;
  port: MessagePort;
}

/** Prepares the task's source (see prepareSource); END_OF_STAGES is posted when it is done. */
export default async function prepareTask({ path, options, port }: PrepareTask): Promise<PreparedSource | FailedSource> {
  try {
    return await prepareSource(path, options, (phase) => port.postMessage(phase));
  } finally {
    port.postMessage(END_OF_STAGES);
  }
}
