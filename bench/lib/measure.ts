/**
 * Timing helpers of the benchmark: medians, child processes timed from spawn to exit with their
 * peak RSS, and number formatting.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const PROBE = pathToFileURL(join(ROOT, 'bench', 'lib', 'rss-probe.mjs')).href;

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds `fn` takes, with its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/**
 * A finished child process: wall time from spawn to exit, and for a Node child its peak RSS
 * (MiB) and the CPU time it used (user + system, ms; NaN otherwise), and its output. CPU time
 * hardly depends on what else runs on the machine, wall time does.
 */
export interface ChildRun {
  ms: number;
  rssMb: number;
  cpuMs: number;
  stdout: string;
}

/**
 * Runs `command args` in the repository root and waits for it. A Node child (`command` is
 * process.execPath) gets the probe of rss-probe.mjs preloaded, for `rssMb` and `cpuMs`.
 * Throws with the child's stderr when it exits with a non-zero code.
 */
export async function runChild(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<ChildRun> {
  const probeDir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(probeDir, 'rss');
  const node = command === process.execPath;
  const started = performance.now();
  const child = spawn(command, node ? ['--import', PROBE, ...args] : args, {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  const ms = performance.now() - started;
  try {
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString().trim()}`);
    const usage = node ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number; cpuMs: number }) : { maxRSS: NaN, cpuMs: NaN };
    return { ms, rssMb: usage.maxRSS / 1024, cpuMs: usage.cpuMs, stdout: Buffer.concat(out).toString() };
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

/** Runs a TypeScript file of the benchmark in a fresh Node process (through tsx). */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<ChildRun> {
  return runChild(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], env);
}

/** Milliseconds as seconds with two decimals ("3.42 s") or milliseconds below one second. */
export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

/** "1,234,567". */
export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A ratio with two decimals and a times sign ("1.42×"). */
export function fmtRatio(r: number): string {
  return `${r.toFixed(2)}×`;
}

/** "min–max" of the runs behind a median, for the spread. */
export function spread(values: number[], format: (v: number) => string): string {
  if (values.length < 2) return '1 run';
  return `${values.length} runs, ${format(Math.min(...values))}–${format(Math.max(...values))}`;
}
