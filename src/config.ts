/**
 * Pipeline configuration (pipeline.config.ts), typed and validated with zod before any work:
 * source folders, database, concurrency, tolerances, and per-table overrides. An unknown key,
 * a wrong type or a missing source folder is rejected with the zod path of the bad field.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MAX_SOURCE_BYTES } from './extract/read.ts';
import { DEFAULT_MAX_FINDINGS } from './transform/budget.ts';

/** The largest `maxSourceBytes` allowed: a source is held in memory whole while it is read. */
export const MAX_SOURCE_BYTES_LIMIT = 512 * 1024 * 1024;

/** The configuration schema. Paths are relative to the configuration file's folder. */
export const ConfigSchema = z
  .object({
    /** Folders (their top-level .txt/.pdf files) or single files that `rebuild` ingests. */
    sources: z.array(z.string().min(1)).min(1),
    /** Folder of the embedded PGlite database, used when DATABASE_URL is unset. */
    dataDir: z.string().min(1).default('.data/pglite'),
    /** PostgreSQL schema of the warehouse tables (letters, digits, underscore). */
    schema: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier').default('public'),
    /** How many sources are extracted and transformed at once. */
    concurrency: z.number().int().min(1).max(64).default(2),
    /** Extra tolerance of the checks, in units of the last printed digit (0 = rounding only). */
    tolerance: z.number().min(0).max(10).default(0),
    /** Largest source accepted, in bytes (at most 512 MiB); a larger one is refused, unread, with this limit named. */
    maxSourceBytes: z.number().int().positive().max(MAX_SOURCE_BYTES_LIMIT).default(DEFAULT_MAX_SOURCE_BYTES),
    /** Most findings one source may have (rows, cells, labels that cannot be placed); a source with more fails, its reading stopped there. */
    maxFindings: z.number().int().positive().default(DEFAULT_MAX_FINDINGS),
  })
  .strict();

/** A validated configuration, with paths made absolute. */
export type Config = z.infer<typeof ConfigSchema> & { baseDir: string };

/** Identity helper giving pipeline.config.ts its type. */
export function defineConfig(config: z.input<typeof ConfigSchema>): z.input<typeof ConfigSchema> {
  return config;
}

/** A configuration that cannot be used; `message` names the file and the bad field's path. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Loads and validates a configuration module (default export). Errors: ConfigError for a
 * missing file, a module that fails to load (syntax error, a throw), an invalid field (with its
 * path, e.g. "concurrency: Invalid input: expected number, received string", or "foo: unknown
 * key"), a source that does not exist or a dataDir that is not a folder.
 */
export async function loadConfig(path: string): Promise<Config> {
  const file = resolve(path);
  if (!existsSync(file)) throw new ConfigError(`${path}: configuration file not found`);
  let mod: { default?: unknown };
  try {
    mod = await importModule(file);
  } catch (error) {
    throw new ConfigError(`${path}: the configuration cannot be loaded: ${loadFailure(error)}`, { cause: error });
  }
  const parsed = ConfigSchema.safeParse(mod.default);
  if (!parsed.success) throw new ConfigError(`${path}: invalid configuration: ${parsed.error.issues.map(describeIssue).join('; ')}`);
  const baseDir = resolve(file, '..');
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const config = { ...parsed.data, baseDir, sources: parsed.data.sources.map(abs), dataDir: abs(parsed.data.dataDir) };
  config.sources.forEach((s, i) => {
    if (!existsSync(s)) throw new ConfigError(`${path}: invalid configuration: sources.${i}: "${parsed.data.sources[i]}" does not exist`);
  });
  if (existsSync(config.dataDir) && !isDirectory(config.dataDir)) {
    throw new ConfigError(`${path}: invalid configuration: dataDir: "${parsed.data.dataDir}" exists and is not a folder`);
  }
  return config;
}

/**
 * Imports a configuration module. JavaScript is imported as it is. TypeScript (.ts, .mts, .cts)
 * is bundled by esbuild (its relative imports inlined, packages left to Node) into a temporary
 * module beside the file, so that its package imports resolve as from the file itself, imported,
 * and deleted: the way Vite loads vite.config.ts, 20 ms where a TypeScript loader costs 0.5 s.
 * Errors: esbuild's for a syntax error or an import it cannot resolve, or what the module throws.
 */
async function importModule(file: string): Promise<{ default?: unknown }> {
  if (!/\.[cm]?ts$/.test(file)) return (await import(pathToFileURL(file).href)) as { default?: unknown };
  const { build } = await import('esbuild');
  const { outputFiles } = await build({
    entryPoints: [file], bundle: true, packages: 'external', format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent',
  });
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomUUID()}.mjs`);
  writeFileSync(temporary, outputFiles[0].contents);
  try {
    return (await import(pathToFileURL(temporary).href)) as { default?: unknown };
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** One zod issue as "path: message"; an unknown key is named by its own path. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(ConfigSchema.shape).join(', ');
    return issue.keys.map((k) => `${[...issue.path, k].join('.')}: unknown key (known keys: ${known})`).join('; ');
  }
  if (!issue.path.length) return `the default export must be the configuration object, as defineConfig({ sources: [...] }) returns it (${issue.message})`;
  return `${issue.path.join('.')}: ${issue.message}`;
}

/** Why importing a configuration module failed: the first error esbuild reports, with its line and column, else the message. */
function loadFailure(error: unknown): string {
  const first = (error as { errors?: { text: string; location: { line: number; column: number } | null }[] }).errors?.[0];
  if (first) return first.location ? `line ${first.location.line}, column ${first.location.column + 1}: ${first.text}` : first.text;
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * Checks a DATABASE_URL before it is used: it must parse as a postgres:// or postgresql:// URL
 * naming a host. Errors: ConfigError that never quotes the URL (it may hold a password).
 */
export function checkDatabaseUrl(url: string): void {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Reported below.
  }
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol) || !parsed.hostname) {
    throw new ConfigError('DATABASE_URL: not a PostgreSQL URL (expected postgres://user:password@host:port/database; the value is not shown, it may hold a password)');
  }
}

/** Whether a path is a folder. */
export function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
