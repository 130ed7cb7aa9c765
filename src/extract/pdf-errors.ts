/**
 * Named errors of the PDF extractor. Each carries the path of the source it refers to, and the
 * pdf.js error it was mapped from (if any) as `cause`.
 */

/** Base class of every error `extractPdf` throws on purpose. */
export class PdfExtractError extends Error {
  /** Absolute or relative path of the PDF, as given to the extractor. */
  readonly path: string;

  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(`${path}: ${message}`, options);
    this.name = new.target.name;
    this.path = path;
  }
}

/** The file is not a readable PDF: empty, truncated, not a PDF at all, or every page unreadable. */
export class InvalidPdfError extends PdfExtractError {}

/** The PDF is encrypted with an open (user) password; the pipeline has none to give. */
export class PasswordProtectedPdfError extends PdfExtractError {}

/** The PDF opens but carries no text layer on any page (a scan): it needs OCR first. */
export class NoTextLayerError extends PdfExtractError {}

/** A page that could not be read; the rest of the document was still extracted. */
export interface PdfPageFailure {
  /** 1-based page number. */
  page: number;
  /** What pdf.js reported for that page. */
  message: string;
}

/**
 * Maps an error thrown by pdf.js while opening a document to a named extractor error. pdf.js
 * (and pdf-parse, which wraps it) names its exceptions: InvalidPDFException for empty, truncated
 * or non-PDF data, PasswordException for a locked file; anything else is also treated as an
 * unreadable file (FormatError, UnknownErrorException …), keeping the original as `cause`.
 */
export function mapOpenError(path: string, error: unknown): PdfExtractError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new PasswordProtectedPdfError(path, `the PDF is password-protected (${message})`, { cause: error });
  }
  return new InvalidPdfError(path, `not a readable PDF (${name || 'Error'}: ${message})`, { cause: error });
}
