/**
 * PDF extractor: reads a PDF with pdf.js (the engine under pdf-parse) page by page and rebuilds
 * its printed lines from the position of every text run (see pdf-layout.ts), so that cells of a
 * table row stand apart by a TAB while the spaces inside a cell ("84 451", "2020 年") stay
 * spaces. A page that fails to read is recorded and skipped; the rest of the document still
 * comes out.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { SourceDocument, SourceLine } from '../model.ts';
import { InvalidPdfError, mapOpenError, NoTextLayerError, type PdfPageFailure } from './pdf-errors.ts';
import { layoutPage, mayNeedRules, type LaidOutLine, type PdfTextItem } from './pdf-layout.ts';
import { rulesFromOperatorList } from './pdf-rules.ts';
import { describeSource } from './source.ts';

export { InvalidPdfError, NoTextLayerError, PasswordProtectedPdfError, PdfExtractError } from './pdf-errors.ts';
export type { PdfPageFailure } from './pdf-errors.ts';

/** A SourceDocument read from a PDF, with what could not be read. */
export interface PdfSourceDocument extends SourceDocument {
  kind: 'pdf';
  pages: number;
  /** Pages that failed to read (their lines are missing), in page order; empty when all read. */
  failedPages: PdfPageFailure[];
  /** Pages that read but carry no text (blank pages, or scanned pages that would need OCR). */
  textlessPages: number[];
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

type PdfDocument = Awaited<ReturnType<typeof getDocument>['promise']>;

/**
 * pdf.js options: CMaps for CJK fonts that rely on predefined encodings (UniGB-UCS2-H …) and the
 * standard-font data, both shipped with pdfjs-dist; no font faces or eval, since only text is read.
 */
const LOAD_OPTIONS = {
  cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
  cMapPacked: true,
  standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  disableFontFace: true,
  isEvalSupported: false,
  verbosity: VerbosityLevel.ERRORS,
};

/**
 * Extracts a PDF into lines. `page` is the 1-based page number, `line` a 1-based running number
 * across the whole document (blank lines are not produced); within a line, cells that stand
 * apart on the page are separated by a TAB.
 * Errors: InvalidPdfError (empty, truncated or not a PDF, or no page readable),
 * PasswordProtectedPdfError (needs a password), NoTextLayerError (no text on any page: needs OCR).
 * A page that fails on its own is listed in `failedPages` instead.
 */
export async function extractPdf(path: string, bytes: Buffer): Promise<PdfSourceDocument> {
  const identity = describeSource(path, bytes);
  // pdf.js may take ownership of the array it is given: hand it a copy.
  const task = getDocument({ ...LOAD_OPTIONS, data: new Uint8Array(bytes) });
  const doc = await task.promise.catch(async (error: unknown) => {
    await task.destroy();
    throw mapOpenError(path, error);
  });
  try {
    const lines: SourceLine[] = [];
    const failedPages: PdfPageFailure[] = [];
    const textlessPages: number[] = [];
    for (let page = 1; page <= doc.numPages; page++) {
      let texts: LaidOutLine[];
      try {
        texts = await readPage(doc, page);
      } catch (error) {
        failedPages.push({ page, message: error instanceof Error ? error.message : String(error) });
        continue;
      }
      if (!texts.length) textlessPages.push(page);
      for (const { text, cells } of texts) lines.push({ page, line: lines.length + 1, text, cells });
    }
    if (doc.numPages === 0 || failedPages.length === doc.numPages) {
      const detail = failedPages.map((f) => `page ${f.page}: ${f.message}`).join('; ');
      throw new InvalidPdfError(path, `no readable page${detail ? ` (${detail})` : ''}`);
    }
    if (!lines.length) throw new NoTextLayerError(path, 'no text layer on any page: the PDF needs OCR');
    return { ...identity, kind: 'pdf', pages: doc.numPages, lines, failedPages, textlessPages };
  } finally {
    await doc.destroy();
  }
}

/**
 * The text lines of one page (see pdf-layout.ts), laid out with the rules drawn on it
 * (pdf-rules.ts) where the text says they could matter (`mayNeedRules`: the operator list costs
 * as much as the text content). Throws whatever pdf.js throws for that page.
 */
async function readPage(doc: PdfDocument, pageNumber: number): Promise<LaidOutLine[]> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) if ('str' in item) items.push(item);
    if (!mayNeedRules(items, viewport.transform)) return layoutPage(items, viewport.transform);
    const rules = rulesFromOperatorList(await page.getOperatorList(), viewport.transform);
    return layoutPage(items, viewport.transform, rules);
  } finally {
    page.cleanup();
  }
}
