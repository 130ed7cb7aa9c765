/**
 * Preparing one source for the warehouse: extract → transform → checks, everything but the load.
 * It needs no database and shares nothing with other sources, so several run at once on worker
 * threads (pool.ts). What it returns is plain data (structured-clonable), and a bad source is a
 * value, not a throw: its error and hint are decided here, where the extract stage's error
 * classes are known.
 */
import { basename } from 'node:path';
import { runChecks } from '../checks/index.ts';
import { extractSource, failureHint, type TextSourceDocument } from '../extract/index.ts';
import type { PdfSourceDocument } from '../extract/pdf.ts';
import type { CheckResult, DocumentKind, SourceDocument, TransformResult } from '../model.ts';
import { FindingBudgetError } from '../transform/budget.ts';
import { lowConfidenceTables } from '../transform/discover/attach-captions.ts';
import { UNRECOGNISED_REASON } from '../transform/discover/document-kind.ts';
import { transformDocument } from '../transform/index.ts';
import { overBudgetSource, unrecognisedSource } from './refusals.ts';

/** What `prepareSource` needs besides the path: the configuration's limits and tolerance, and --force. */
export interface PrepareOptions {
  /** Largest file accepted, in bytes (configuration `maxSourceBytes`). */
  maxBytes: number;
  /** Check tolerance in units of the last printed digit (configuration `tolerance`). */
  tolerance: number;
  /** Most findings a source may have (configuration `maxFindings`); more fail it. */
  maxFindings: number;
  /** Load a source classified 'unrecognised' anyway, with a warning (`--force`), instead of refusing it. */
  force: boolean;
}

/** The stages of one source, in order, as progress reports them. */
export type PreparePhase = 'extracted' | 'transformed';

/** A source ready to load: its document (without its lines), transform result and check results. */
export interface PreparedSource {
  ok: true;
  /** The extracted document, lines left out (they are not stored), with its kind's own fields (PDF pages that failed, text encoding). */
  meta: Omit<SourceDocument, 'lines'>;
  result: TransformResult;
  checks: CheckResult[];
  /** What a user should know about a source that loads (see SourceSummary.warnings). */
  warnings: string[];
}

/** A source that cannot be loaded: one line starting with its path, and what the user can do. */
export interface FailedSource {
  ok: false;
  /** The file's base name. */
  name: string;
  /** 'unrecognised' for a source refused as no report or document; null when it was not classified. */
  documentKind: DocumentKind | null;
  error: string;
  hint: string | null;
}

/**
 * Extracts, transforms and checks the source at `path`, calling `phase` after each stage. Never
 * throws for a bad source or a failure inside a stage: it comes back as a FailedSource, as does
 * a source that is no report or document (unless `options.force`) or has more findings than
 * `options.maxFindings` (refusals.ts).
 */
export async function prepareSource(path: string, options: PrepareOptions, phase: (p: PreparePhase) => void = () => {}): Promise<PreparedSource | FailedSource> {
  try {
    const doc = await extractSource(path, { maxBytes: options.maxBytes });
    phase('extracted');
    const result = transformDocument(doc, { maxFindings: options.maxFindings });
    if (result.document.kind === 'unrecognised' && !options.force) return unrecognisedSource(path);
    const checks = runChecks(result.observations, { tolerance: options.tolerance, lowConfidence: lowConfidenceTables(result.tables) });
    phase('transformed');
    const { lines: _lines, ...meta } = doc;
    const forced = result.document.kind === 'unrecognised' ? [`${UNRECOGNISED_REASON}: loaded because of --force`] : [];
    return { ok: true, meta, result, checks, warnings: [...forced, ...sourceWarnings(doc), ...result.warnings] };
  } catch (error) {
    if (error instanceof FindingBudgetError) return overBudgetSource(path, error);
    return { ok: false, name: basename(path), documentKind: null, error: error instanceof Error ? error.message : String(error), hint: failureHint(error) };
  }
}

/** The warnings of a source that loaded (see SourceSummary.warnings). */
function sourceWarnings(doc: SourceDocument): string[] {
  const warnings: string[] = [];
  if (doc.kind === 'text') {
    const { encoding } = doc as TextSourceDocument;
    if (encoding !== 'utf-8') warnings.push(`read as ${encoding.toUpperCase()} text (not UTF-8)`);
    return warnings;
  }
  const pdf = doc as PdfSourceDocument;
  for (const f of pdf.failedPages) warnings.push(`page ${f.page} of ${pdf.pages} could not be read (${f.message}); its figures are missing`);
  if (pdf.textlessPages.length) {
    warnings.push(`${plural(pdf.textlessPages.length, 'page')} without text (${ranges(pdf.textlessPages)}): blank, or scanned and needing OCR; any figures on them are missing`);
  }
  return warnings;
}

/** "1 page", "3 pages". */
function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Sorted page numbers as ranges: [1, 2, 3, 7] → "1–3, 7". */
function ranges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(i === j ? `${pages[i]}` : `${pages[i]}–${pages[j]}`);
    i = j;
  }
  return out.join(', ');
}
