/**
 * Test helper: runs the real `etl` command (bin/etl.js) as a child process, as a user would, with
 * a configuration file written to a temporary folder; and makes large synthetic sources from a
 * seed. Used by the failure tests (issue 5).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's folder. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The seed fixtures' folder. */
export const FIXTURES = join(ROOT, 'fixtures');
const BIN = join(ROOT, 'bin', 'etl.js');

/** What one finished run of `etl` printed and how it ended. */
export interface EtlRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the run in milliseconds. */
  ms: number;
}

/** Environment overrides: a value of null removes the variable (e.g. DATABASE_URL for the embedded database). */
export type EnvOverrides = Record<string, string | null>;

/** The test process's environment with `env` applied; DATABASE_URL is removed unless `env` sets it. */
function childEnv(env: EnvOverrides): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  delete out.DATABASE_URL;
  for (const [k, v] of Object.entries(env)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Children started and not yet ended: `stopAll` kills them, so a failed test leaves no process behind. */
const running = new Set<ChildProcess>();

/** SIGKILLs every `etl` child of this test file still running (call it in afterAll). */
export function stopAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts `etl <args>` (not waiting for it); its output is collected in `run`. */
export function startEtl(args: string[], env: EnvOverrides = {}): { child: ChildProcess; run: Promise<EtlRun>; stderrLines: (listener: (line: string) => void) => void } {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const listeners: ((line: string) => void)[] = [];
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const l of lines) for (const f of listeners) f(l);
  });
  const run = new Promise<EtlRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
  return { child, run, stderrLines: (listener) => listeners.push(listener) };
}

/** Runs `etl <args>` to its end. */
export function runEtl(args: string[], env: EnvOverrides = {}): Promise<EtlRun> {
  return startEtl(args, env).run;
}

/** A temporary folder, removed by `dispose()`. */
export interface TempDir {
  path: string;
  dispose(): Promise<void>;
}

/** Makes a fresh temporary folder. */
export async function tempDir(prefix: string): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), `${prefix}-`));
  return { path, dispose: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Writes a configuration module (`pipeline.config.mts`, an ES module whatever the folder) whose
 * default export is `config` as written (JSON), and returns its path.
 */
export async function writeConfig(dir: string, config: unknown, name = 'pipeline.config.mts'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `export default ${JSON.stringify(config, null, 2)};\n`);
  return path;
}

/**
 * A large synthetic report: the 2018-edition seed (000_…) repeated `copies` times, each copy's
 * decimal numbers (shares aside) shifted by a different amount (and `variant` shifting them
 * all), so two variants are two versions of one report with every decimal amount changed.
 */
export function syntheticReport(copies: number, variant: number): string {
  const seed = readFileSync(join(FIXTURES, '000_94f9f59014649328.txt'), 'utf8');
  const parts: string[] = [];
  for (let i = 0; i < copies; i++) {
    const shift = (i + variant * copies) * 0.01;
    // Shares ("3.35%") stay as printed: a chart's labels are read only when they add up to 100.
    parts.push(seed.replace(/\d+\.\d+%?/g, (m) => (m.endsWith('%') ? m : (Number(m) + shift).toFixed(m.split('.')[1].length))));
  }
  return parts.join('\n');
}

/** Waits until `probe` returns a value other than undefined, polling every `everyMs`; throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
