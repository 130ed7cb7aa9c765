/**
 * Extract stage: picks the extractor for a source by its extension and returns the
 * SourceDocument (lines with page and line numbers, SHA-256 identity).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { SourceDocument } from '../model.ts';
import { extractPdf } from './pdf.ts';
import { extractText } from './text.ts';

/** File extensions the pipeline ingests. */
export const SOURCE_EXTENSIONS = ['.txt', '.pdf'] as const;

/**
 * Reads and extracts one source file. Throws on an unreadable file or an unknown extension; a
 * PDF may also throw InvalidPdfError, PasswordProtectedPdfError or NoTextLayerError (see pdf.ts),
 * and comes back as a PdfSourceDocument listing the pages that failed to read.
 */
export async function extractSource(path: string): Promise<SourceDocument> {
  const ext = extname(path).toLowerCase();
  const bytes = await readFile(path);
  if (ext === '.txt') return extractText(path, bytes);
  if (ext === '.pdf') return extractPdf(path, bytes);
  throw new Error(`${path}: unsupported source type "${ext}" (expected one of ${SOURCE_EXTENSIONS.join(', ')})`);
}
