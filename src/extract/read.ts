/**
 * Reading a source file's bytes safely: the size is checked (fstat on the open file) before a
 * byte is read, so a huge file is refused at once instead of exhausting memory, and a file that
 * grows while it is read is refused too.
 */
import { constants, lstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { EmptySourceError, SourceTooLargeError, UnreadableSourceError } from './source-errors.ts';

/** The default largest source (256 MiB): larger than any report edition, PDF or text. */
export const DEFAULT_MAX_SOURCE_BYTES = 256 * 1024 * 1024;

/**
 * Reads the whole file at `path`, refusing it before reading when it is larger than `maxBytes`.
 * Errors: UnreadableSourceError (missing, not a regular file, no permission), SourceTooLargeError,
 * EmptySourceError (0 bytes).
 */
export async function readSourceBytes(path: string, maxBytes: number = DEFAULT_MAX_SOURCE_BYTES): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below as not a file).
  const file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw unreadable(path, error);
  });
  try {
    const stat = await file.stat();
    if (!stat.isFile()) throw new UnreadableSourceError(path, 'not a regular file (a folder, device, pipe or socket)', 'give the path of a .txt or .pdf file');
    if (stat.size > maxBytes) throw new SourceTooLargeError(path, stat.size, maxBytes);
    if (stat.size === 0) throw new EmptySourceError(path, 'the file is empty (0 bytes)', 'check that the download or copy finished');
    const bytes = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await file.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    const { bytesRead: more } = await file.read(Buffer.alloc(1), 0, 1, filled);
    if (filled !== bytes.length || more !== 0) {
      throw new UnreadableSourceError(path, 'the file changed size while it was being read', 'ingest it again once it is completely written');
    }
    return bytes;
  } finally {
    await file.close();
  }
}

/** Whether `path` itself is a symbolic link (false when there is nothing at all). */
function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** An UnreadableSourceError for a failed open(), with the system's reason in words. */
function unreadable(path: string, error: unknown): UnreadableSourceError {
  const code = (error as { code?: unknown }).code;
  const reasons: Record<string, [string, string]> = {
    ENOENT: ['no such file', 'check the path'],
    EACCES: ['permission denied', 'make the file readable for this user'],
    EPERM: ['permission denied', 'make the file readable for this user'],
    ELOOP: ['a symbolic link loop (the link leads, directly or through other links, back to itself)', 'point the link at the report file, or remove it'],
  };
  if (code === 'ENOENT' && isSymbolicLink(path)) reasons.ENOENT = ['a broken symbolic link (what it points to does not exist)', 'point the link at the report file, or remove it'];
  const [reason, hint] = reasons[String(code)] ?? [`cannot be opened (${error instanceof Error ? error.message : String(error)})`, 'check the file'];
  return new UnreadableSourceError(path, reason, hint, { cause: error });
}
