/**
 * Pipeline configuration (pipeline.config.ts), typed and validated with zod before any work:
 * source folders, database, concurrency, tolerances, and per-table overrides. An unknown key,
 * a wrong type or a missing source folder is rejected with the zod path of the bad field.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

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
    /** Largest source accepted, in bytes; a larger one is refused with this limit named. */
    maxSourceBytes: z.number().int().positive().default(256 * 1024 * 1024),
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
 * missing file, an invalid field (with its path, e.g. "concurrency: expected number") or a
 * source folder that does not exist.
 */
export async function loadConfig(path: string): Promise<Config> {
  const file = resolve(path);
  if (!existsSync(file)) throw new ConfigError(`${path}: configuration file not found`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const parsed = ConfigSchema.safeParse(mod.default);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`${path}: invalid configuration: ${issues}`);
  }
  const baseDir = resolve(file, '..');
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(baseDir, p));
  const config = { ...parsed.data, baseDir, sources: parsed.data.sources.map(abs), dataDir: abs(parsed.data.dataDir) };
  config.sources.forEach((s, i) => {
    if (!existsSync(s)) throw new ConfigError(`${path}: sources.${i}: "${parsed.data.sources[i]}" does not exist`);
  });
  return config;
}

/** Whether a path is a folder. */
export function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
