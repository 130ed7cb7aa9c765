/**
 * Plain-text extractor: a UTF-8 text file (e.g. the seeds, themselves extracted from the report
 * PDFs) becomes a SourceDocument with one SourceLine per printed line. Plain text carries no
 * page structure, so `page` is null unless the text holds pdf-parse page markers
 * ("-- 2 of 9 --"), which are then turned into page numbers and dropped from the lines.
 */
import type { SourceDocument, SourceLine } from '../model.ts';
import { describeSource } from './source.ts';

const PAGE_MARKER = /^-- (\d+) of (\d+) --$/;

/**
 * Splits decoded text into numbered lines. Line numbers count every physical line (page markers
 * too), so they match what an editor shows for the file.
 */
export function splitLines(text: string): { lines: SourceLine[]; pages: number | null } {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (raw.length && raw[raw.length - 1] === '') raw.pop();
  const lines: SourceLine[] = [];
  let page: number | null = null;
  let pages: number | null = null;
  let sawMarker = false;
  // pdf-parse prints the marker after each page: lines before "-- 1 of N --" are page 1.
  const firstMarker = raw.findIndex((l) => PAGE_MARKER.test(l.trim()));
  if (firstMarker >= 0) page = 1;
  raw.forEach((text, i) => {
    const m = PAGE_MARKER.exec(text.trim());
    if (m) {
      sawMarker = true;
      pages = Number(m[2]);
      page = Number(m[1]) + 1;
      return;
    }
    lines.push({ page, line: i + 1, text });
  });
  return { lines, pages: sawMarker ? pages : null };
}

/**
 * Reads a text source: `text` is its decoded content (index.ts identifies legacy encodings),
 * by default the bytes read as UTF-8. Errors: see `describeSource` (unreadable file).
 */
export async function extractText(path: string, bytes: Buffer, text: string = bytes.toString('utf8')): Promise<SourceDocument> {
  const { lines, pages } = splitLines(text);
  return { ...describeSource(path, bytes), kind: 'text', pages, lines };
}
