/**
 * When each thing happens in one `etl rebuild --verbose` (run by the rebuild benchmark): the
 * seconds from spawning the process to the first source's preparation starting, to the warehouse
 * being open (and emptied), to every source prepared, to the last load done, and to exit, read
 * from the timestamps of its stderr lines. Preparation runs on worker threads while the main
 * thread opens the warehouse; the main thread reports a worker's stage only when it is free, so
 * a time can be late by what the main thread was doing.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './measure.ts';

/** Seconds from spawn to each moment (NaN for one that did not happen). */
export interface Timeline {
  firstStart: number;
  warehouseReady: number;
  allPrepared: number;
  lastLoaded: number;
  exit: number;
}

/** Runs `etl -c <config> rebuild --verbose` (against DATABASE_URL when `env` sets it) and times it. */
export async function rebuildTimeline(configPath: string, env: Record<string, string> = {}): Promise<Timeline> {
  const started = performance.now();
  const at = (): number => (performance.now() - started) / 1000;
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'etl.js'), '-c', configPath, 'rebuild', '--verbose'], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const t: Timeline = { firstStart: NaN, warehouseReady: NaN, allPrepared: NaN, lastLoaded: NaN, exit: NaN };
  let pending = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    const now = at();
    for (const line of lines) {
      if (/: start$/.test(line) && Number.isNaN(t.firstStart)) t.firstStart = now;
      if (line.startsWith('etl: warehouse ready')) t.warehouseReady = now;
      if (/: (transformed|done: failed.*)$/.test(line)) t.allPrepared = now;
      if (/: done: /.test(line)) t.lastLoaded = now;
    }
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`etl rebuild --verbose exited with ${code}`);
  t.exit = at();
  return t;
}
