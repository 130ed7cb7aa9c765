/** Identity of a source file: SHA-256 of its bytes, its base name, its size. */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';

/** The identity fields every SourceDocument carries. */
export function describeSource(path: string, bytes: Buffer): { sourceId: string; name: string; path: string; bytes: number } {
  return {
    sourceId: createHash('sha256').update(bytes).digest('hex'),
    name: basename(path),
    path: resolve(path),
    bytes: bytes.length,
  };
}
