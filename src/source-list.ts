/**
 * The source files of a run: the paths given (files, or folders meaning the source files directly
 * in them) expanded and reduced to one path per file. A file named twice — the same path twice,
 * two paths to it (`a/F` and `./a/../a/F`, a symbolic link and its target), a folder and a file
 * in it — is one source: loaded once, counted once, and the repeats reported as skipped.
 * Symbolic links are followed; one that cannot be (a loop; inside a folder also a missing target)
 * is kept as a source, so extraction names what is wrong with it and the rest of the batch loads.
 */
import { realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { isDirectory } from './config.ts';
import { SOURCE_EXTENSIONS } from './extract/index.ts';

/** A path given (or listed from a folder) that names a file already in the run. */
export interface DuplicateSource {
  /** The path skipped, as given or listed. */
  path: string;
  /** The path of the same file that is loaded, as given or listed (the first one). */
  sameAs: string;
}

/** The sources of a run: one path per file, in the order given, and the repeats skipped. */
export interface SourceList {
  files: string[];
  duplicates: DuplicateSource[];
}

/**
 * Expands folders into the source files directly inside them (known extensions, sorted by name;
 * symbolic links with such a name too, wherever they lead); files are kept as given, whatever
 * their extension (extraction names an unsupported one). Errors: a folder that cannot be read
 * (the caller checks that every path exists).
 */
export async function listSources(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (!isDirectory(p)) {
      out.push(p);
      continue;
    }
    const names = (await readdir(p, { withFileTypes: true }))
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && (SOURCE_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase()))
      .map((e) => e.name)
      .sort();
    out.push(...names.map((n) => join(p, n)));
  }
  return out;
}

/**
 * The file a path names, as a key: its real path (links and `..` resolved), or, when that cannot
 * be found (a loop, a missing file), the absolute path as written.
 */
function fileKey(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** `paths` with every path after the first one to the same file (by real path) taken out. */
export function withoutDuplicates(paths: string[]): SourceList {
  const first = new Map<string, string>();
  const list: SourceList = { files: [], duplicates: [] };
  for (const path of paths) {
    const key = fileKey(path);
    const sameAs = first.get(key);
    if (sameAs === undefined) {
      first.set(key, path);
      list.files.push(path);
    } else list.duplicates.push({ path, sameAs });
  }
  return list;
}

/**
 * Whether a path given on the command line is missing: nothing at all at that path (or a path
 * through something that is not a folder). A symbolic link loop or an unreadable file is not
 * missing: it is a source that fails, with its reason.
 */
export function isMissing(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}
