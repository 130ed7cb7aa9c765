/**
 * Page geometry → text lines. pdf.js hands out text runs (a string with a transform matrix and an
 * advance width); this module places them on the page, groups them into printed lines by
 * baseline, orders each line left to right and joins neighbouring runs by the size of the gap
 * between them: nothing when they touch, one space for a word-sized gap, a TAB for a gap wide
 * enough to be a cell boundary. All distances are in PDF points and compared in ems of the
 * larger of the two fonts involved, so the rules hold for any font size.
 */

/** A pdf.js text item, reduced to the fields the layout uses (pdf.js `TextItem`). */
export interface PdfTextItem {
  str: string;
  /** Text-space → user-space matrix [a, b, c, d, e, f]; (e, f) is the run's origin on the baseline. */
  transform: number[];
  /** Advance width of the run in user-space units (points at scale 1). */
  width: number;
}

/** One text run placed on the page, in viewport space: points, origin top-left, y downward. */
export interface PlacedRun {
  text: string;
  /** Left edge of the run. */
  x: number;
  /** Right edge: x plus the run's advance width. */
  xEnd: number;
  /** y of the baseline. */
  baseline: number;
  /** Font size (one em), in points. */
  size: number;
}

/**
 * Two runs whose baselines differ by at most this many ems sit on the same printed line.
 * Measured on the fixtures: a superscript footnote marker ("28 251.5ᵃ") sits 0.39 em above its
 * row; the closest two separate lines are 0.87 em apart (a header cell centred across two rows).
 */
export const SAME_LINE_EM = 0.5;

/**
 * A gap of at least this many ems between two runs is printed as a space. It is pdf.js's own
 * threshold for a "fake space" (TRACKING_SPACE_FACTOR 0.102), so the output spaces where
 * pdf-parse's getText does, e.g. where a Latin run meets a CJK run ("2020 年").
 */
export const SPACE_GAP_EM = 0.1;

/**
 * A gap of at least this many ems between two runs is a cell boundary, printed as a TAB.
 * Measured on the fixtures (fixtures/pdf, 9-10 pt type): gaps inside a cell or a line of prose
 * are at most 0.33 em (a word space or the Latin/CJK spacing) and 1 em for an ideographic space
 * (U+3000, as in "表 3-1　2019…" captions), while the narrowest gap between two cells of a table
 * row is 1.9 em. 1.5 em lies between the two with a margin on either side.
 */
export const CELL_GAP_EM = 1.5;

/** Matrix product a×b of two PDF affine matrices [a, b, c, d, e, f]. */
function multiply(a: number[], b: number[]): number[] {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

/**
 * Places pdf.js text items on the page. `viewport` is the page viewport's transform at scale 1
 * (user space → top-left origin, page rotation applied; lengths unchanged, so an item's advance
 * width carries over as is). Whitespace-only items are dropped: the
 * gap they stand for is measured from the runs on either side. A run that is not written left to
 * right in the viewport (rotated or vertical text) is placed by its origin with a one-em box.
 */
export function placeRuns(items: readonly PdfTextItem[], viewport: number[]): PlacedRun[] {
  const runs: PlacedRun[] = [];
  for (const item of items) {
    if (item.str.trim() === '') continue;
    const m = multiply(viewport, item.transform);
    const size = Math.hypot(m[2], m[3]);
    const horizontal = m[0] > 0 && Math.abs(m[1]) <= 1e-3 * m[0];
    const advance = horizontal ? item.width : size;
    runs.push({ text: item.str, x: m[4], xEnd: m[4] + advance, baseline: m[5], size });
  }
  return runs;
}

/**
 * Groups placed runs into printed lines, top to bottom. A run joins the current line when its
 * baseline lies within SAME_LINE_EM of the line's first (topmost) run, so a raised footnote
 * marker stays on its row and lines cannot drift downwards by chaining.
 */
export function groupLines(runs: readonly PlacedRun[]): PlacedRun[][] {
  const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: PlacedRun[][] = [];
  let current: PlacedRun[] = [];
  for (const run of sorted) {
    const first = current[0];
    if (first && run.baseline - first.baseline <= SAME_LINE_EM * Math.max(first.size, run.size)) {
      current.push(run);
    } else {
      if (current.length) lines.push(current);
      current = [run];
    }
  }
  if (current.length) lines.push(current);
  return lines.map((line) => dropOverprints(line.sort((a, b) => a.x - b.x)));
}

/**
 * Removes overprinted copies: a run with the same text as the run before it that covers more
 * than half of it is the same glyphs struck again (fake bold, "表表表表3333"), not new text.
 */
function dropOverprints(line: PlacedRun[]): PlacedRun[] {
  const kept: PlacedRun[] = [];
  for (const run of line) {
    const prev = kept[kept.length - 1];
    const overlap = prev ? Math.min(prev.xEnd, run.xEnd) - Math.max(prev.x, run.x) : 0;
    if (prev && prev.text === run.text && overlap > 0.5 * (prev.xEnd - prev.x)) continue;
    kept.push(run);
  }
  return kept;
}

/**
 * Joins the runs of one line (sorted by x) into its text: TAB across a gap of CELL_GAP_EM or
 * more, one space across a gap of SPACE_GAP_EM or more (or where either run brings its own
 * leading/trailing blank), nothing otherwise. Blanks inside a run are kept as printed.
 */
export function joinLine(line: readonly PlacedRun[]): string {
  let text = '';
  let prev: PlacedRun | undefined;
  for (const run of line) {
    if (!prev) {
      text = run.text.trim();
    } else {
      const gap = run.x - prev.xEnd;
      const em = Math.max(prev.size, run.size);
      const blank = /\s$/.test(prev.text) || /^\s/.test(run.text);
      const sep = gap >= CELL_GAP_EM * em ? '\t' : gap >= SPACE_GAP_EM * em || blank ? ' ' : '';
      text += sep + run.text.trim();
    }
    prev = run;
  }
  return text;
}

/** The text lines of one page, top to bottom: `placeRuns` → `groupLines` → `joinLine`. */
export function layoutPage(items: readonly PdfTextItem[], viewport: number[]): string[] {
  return groupLines(placeRuns(items, viewport)).map(joinLine);
}
