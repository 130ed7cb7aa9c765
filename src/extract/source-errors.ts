/**
 * Named errors of the extract stage for a source it will not read, other than the PDF errors of
 * pdf-errors.ts. Each message starts with the path as given and says why; `hint` says what the
 * user can do about it. The pipeline reports such a source as failed and goes on with the others.
 */

/** Base class of the errors below: `message` is "<path>: <reason>", `hint` the way out. */
export class SourceError extends Error {
  /** The path of the source, as given to the extractor. */
  readonly path: string;
  /** What the user can do, e.g. "convert it to UTF-8 (iconv -f BIG5 -t UTF-8)". */
  readonly hint: string;

  constructor(path: string, reason: string, hint: string, options?: { cause?: unknown }) {
    super(`${path}: ${reason}`, options);
    this.name = new.target.name;
    this.path = path;
    this.hint = hint;
  }
}

/** The file cannot be opened or is not a regular file (missing, a folder, no permission, a device). */
export class UnreadableSourceError extends SourceError {}

/** The file's extension is not one the pipeline reads (.txt, .pdf). */
export class UnsupportedSourceTypeError extends SourceError {}

/** The file has no bytes, or (text) nothing but white space. */
export class EmptySourceError extends SourceError {}

/** The file is larger than the configured `maxSourceBytes`; it was not read. */
export class SourceTooLargeError extends SourceError {
  /** Size of the file in bytes. */
  readonly bytes: number;
  /** The limit it exceeds (configuration `maxSourceBytes`). */
  readonly limit: number;

  constructor(path: string, bytes: number, limit: number) {
    super(
      path,
      `${formatBytes(bytes)} is larger than the limit of ${formatBytes(limit)} (maxSourceBytes in the configuration); the file was not read`,
      'raise maxSourceBytes in pipeline.config.ts if the file really is one report, or check that it is the right file',
    );
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** A .txt source holding binary data (NUL or other control bytes), or a PDF named .txt. */
export class BinarySourceError extends SourceError {}

/** A .txt source in an encoding the pipeline cannot identify with confidence (not UTF-8, UTF-16 or GB18030/GBK). */
export class UnknownEncodingError extends SourceError {}

/** "3 GiB", "256 MiB", "36.1 KiB", "12 bytes". */
function formatBytes(n: number): string {
  const units = ['GiB', 'MiB', 'KiB'] as const;
  for (const [i, unit] of units.entries()) {
    const size = 1024 ** (units.length - i);
    if (n >= size) {
      const v = n / size;
      return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`;
    }
  }
  return `${n} bytes`;
}
