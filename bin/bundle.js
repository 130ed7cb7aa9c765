// The CLI's code as plain JavaScript: src/ bundled by esbuild into node_modules/.cache/etl/, rebuilt
// only when a file under src/ changed. Node then loads a few bundled chunks instead of running
// every TypeScript module through a loader hook (tsx), which cost 2 s of CPU at every start.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
/** Inside node_modules, so that the bundle's package imports resolve as from src/ itself. */
const CACHE = join(ROOT, 'node_modules', '.cache', 'etl');
/** The bundled entry points: the command line, and the worker that prepares sources. */
const ENTRIES = { main: join(SRC, 'cli', 'main.ts'), worker: join(SRC, 'prepare', 'worker.ts') };

/** Every file under `dir`, recursively, with its size and modification time. */
function listTree(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listTree(p));
    else if (e.isFile()) {
      const s = statSync(p);
      out.push(`${relative(SRC, p)}\t${s.size}\t${s.mtimeMs}`);
    }
  }
  return out;
}

/** Bundles older than an hour (a process started before src/ changed may still load their chunks). */
const STALE_MS = 60 * 60 * 1000;

/** Removes the bundles of earlier states of src/ (and abandoned builds) once they are stale. */
function removeStale(key) {
  for (const name of readdirSync(CACHE)) {
    const p = join(CACHE, name);
    if (name !== key && Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Returns the file URL of the bundled `main` entry, building the bundle first when src/ differs
 * from what it was built from (a file added, removed, resized or touched). The bundle is written
 * to a fresh folder and renamed into place, so concurrent processes never see half a bundle.
 * Errors: esbuild's (a syntax error in src/, an import it cannot resolve).
 */
export async function bundledMain() {
  const key = createHash('sha256').update(listTree(SRC).sort().join('\n')).digest('hex').slice(0, 16);
  const dir = join(CACHE, key);
  const done = join(dir, 'complete');
  try {
    if (readFileSync(done, 'utf8') === key) return pathToFileURL(join(dir, 'main.mjs')).href;
  } catch {
    // Not built yet for this state of src/.
  }
  const { build } = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const tmp = join(CACHE, `.${key}.${process.pid}`);
  await build({
    entryPoints: ENTRIES,
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
  });
  writeFileSync(join(tmp, 'complete'), key);
  removeStale(key);
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process put the same bundle in place first
  }
  return pathToFileURL(join(dir, 'main.mjs')).href;
}
