/**
 * Pipeline configuration (pipeline.config.ts), typed and validated with zod before any work:
 * source folders, database, concurrency, tolerances, and per-table overrides. An unknown key,
 * a wrong type or a missing source folder is rejected with the zod path of the bad field.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MAX_SOURCE_BYTES } from './extract/read.ts';

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
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
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

/** One zod issue as "path: message"; an unknown key is named by its own path. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(ConfigSchema.shape).join(', ');
    return issue.keys.map((k) => `${[...issue.path, k].join('.')}: unknown key (known keys: ${known})`).join('; ');
  }
  if (!issue.path.length) return `the default export must be the configuration object, as defineConfig({ sources: [...] }) returns it (${issue.message})`;
  return `${issue.path.join('.')}: ${issue.message}`;
}

/** Why importing a configuration module failed, with a hint for the usual module-format mistake. */
function loadFailure(error: unknown): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('ERR_REQUIRE')) {
    return `${message} (a TypeScript configuration outside a "type": "module" package must be named .mts)`;
  }
  return message;
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
