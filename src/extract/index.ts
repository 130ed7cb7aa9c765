/**
 * Extract stage: picks the extractor for a source by its extension and returns the
 * SourceDocument (lines with page and line numbers, SHA-256 identity). Before anything is read
 * the file's size is checked against the configured limit; a text file's encoding is identified
 * (decode.ts) so that only correctly decoded text goes on.
 */
import { extname } from 'node:path';
import type { SourceDocument } from '../model.ts';
import { decodeText, type TextEncoding } from './decode.ts';
import { InvalidPdfError, NoTextLayerError, PasswordProtectedPdfError } from './pdf-errors.ts';
import { DEFAULT_MAX_SOURCE_BYTES, readSourceBytes } from './read.ts';
import { EmptySourceError, SourceError, UnsupportedSourceTypeError } from './source-errors.ts';
import { extractText } from './text.ts';

/** File extensions the pipeline ingests. */
export const SOURCE_EXTENSIONS = ['.txt', '.pdf'] as const;

/** A SourceDocument read from a text file, with the encoding it was decoded from. */
export interface TextSourceDocument extends SourceDocument {
  kind: 'text';
  encoding: TextEncoding;
}

/** Options of `extractSource`. */
export interface ExtractOptions {
  /** Largest file accepted, in bytes (configuration `maxSourceBytes`); default 256 MiB. */
  maxBytes?: number;
}

/**
 * Reads and extracts one source file. Errors (each names the path, see `failureHint` for what to
 * do): UnsupportedSourceTypeError, UnreadableSourceError, SourceTooLargeError (checked before
 * reading), EmptySourceError (no bytes, or text that is only white space); for text,
 * BinarySourceError and UnknownEncodingError (decode.ts); for a PDF, InvalidPdfError,
 * PasswordProtectedPdfError or NoTextLayerError (pdf.ts). A PDF comes back as a
 * PdfSourceDocument listing the pages that failed to read or carry no text; a text file as a
 * TextSourceDocument naming its encoding.
 */
export async function extractSource(path: string, options: ExtractOptions = {}): Promise<SourceDocument> {
  const ext = extname(path).toLowerCase();
  if (!(SOURCE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new UnsupportedSourceTypeError(
      path,
      `unsupported source type "${ext || '(no extension)'}" (expected ${SOURCE_EXTENSIONS.join(' or ')})`,
      'give the report as a .pdf, or as text extracted from it in a .txt file',
    );
  }
  const bytes = await readSourceBytes(path, options.maxBytes ?? DEFAULT_MAX_SOURCE_BYTES);
  // pdf.js is imported only when a PDF is read (it costs a third of a second to load).
  if (ext === '.pdf') return (await import('./pdf.ts')).extractPdf(path, bytes);
  const { text, encoding } = decodeText(path, bytes);
  if (!text.trim()) throw new EmptySourceError(path, 'the file holds only white space, no text', 'check that the extraction or copy worked');
  const doc: TextSourceDocument = { ...(await extractText(path, bytes, text)), kind: 'text', encoding };
  return doc;
}

/**
 * What the user can do about an error `extractSource` threw, e.g. for a locked PDF "remove the
 * password …"; null for an error that is not one of the extract stage's named errors.
 */
export function failureHint(error: unknown): string | null {
  if (error instanceof SourceError) return error.hint;
  if (error instanceof PasswordProtectedPdfError) {
    return 'save an unprotected copy (e.g. qpdf --decrypt --password=… in.pdf out.pdf) and ingest that';
  }
  if (error instanceof NoTextLayerError) {
    return 'run OCR on it first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and ingest the result';
  }
  if (error instanceof InvalidPdfError) return 'the file is damaged, incomplete or not a PDF: download or copy it again';
  return null;
}
