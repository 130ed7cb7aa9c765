/**
 * What every reader of a document's tables and figures (read/, charts/) needs from the document:
 * its source identity and file name (the export's `seed`) and its edition (the year a table's
 * values are about when its columns do not say: the edition − 1).
 */

/** Context a table needs from its document. */
export interface TableContext {
  /** SHA-256 of the source's bytes. */
  sourceId: string;
  /** The source file's base name. */
  sourceName: string;
  /** The report edition (year of publication), null when unknown. */
  edition: number | null;
}
