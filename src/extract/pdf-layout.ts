/**
 * Page geometry → text lines. pdf.js hands out text runs (a string with a transform matrix and an
 * advance width); this module places them on the page, groups them into printed lines by
 * baseline, orders each line left to right and joins neighbouring runs by the size of the gap
 * between them: nothing when they touch, one space for a word-sized gap, a TAB for a gap wide
 * enough to be a cell boundary. All distances are in PDF points and compared in ems of the
 * larger of the two fonts involved, so the rules hold for any font size. A page is read in the
 * writing direction of most of its text, so a table printed sideways comes out row by row.
 */

import type { LineCell } from '../model.ts';

/** A pdf.js text item, reduced to the fields the layout uses (pdf.js `TextItem`). */
export interface PdfTextItem {
  str: string;
  /** Text-space → user-space matrix [a, b, c, d, e, f]; (e, f) is the run's origin on the baseline. */
  transform: number[];
  /** Advance width of the run in user-space units (points at scale 1). */
  width: number;
}

/**
 * One text run placed on the page, in viewport space (points, origin top-left, y downward),
 * turned so that the page's main writing direction runs left to right.
 */
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
 * The quarter turn of a run's writing direction in the viewport: 0 left to right, 1 downwards,
 * 2 right to left (upside down), 3 upwards; -1 for any oblique direction.
 */
function quarterTurn(m: number[]): number {
  const [dx, dy] = [m[0], m[1]];
  if (Math.abs(dy) <= 1e-3 * Math.abs(dx)) return dx > 0 ? 0 : 2;
  if (Math.abs(dx) <= 1e-3 * Math.abs(dy)) return dy > 0 ? 1 : 3;
  return -1;
}

/** cos and sin of each quarter turn, for the rotation that undoes it. */
const TURNS: [number, number][] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

/**
 * Places pdf.js text items on the page. `viewport` is the page viewport's transform at scale 1
 * (user space → top-left origin, page rotation applied; lengths unchanged, so an item's advance
 * width carries over as is). Whitespace-only items are dropped: the gap they stand for is
 * measured from the runs on either side.
 * The page is read in the writing direction of most of its characters: a table printed sideways
 * on an upright page (text running up the page) is turned back before its lines are built. A run
 * written in another direction is placed by its origin with a one-em box.
 */
export function placeRuns(items: readonly PdfTextItem[], viewport: number[]): PlacedRun[] {
  const placed = items
    .filter((item) => item.str.trim() !== '')
    .map((item) => {
      const m = multiply(viewport, item.transform);
      return { item, m, turn: quarterTurn(m) };
    });
  const chars = [0, 0, 0, 0];
  for (const p of placed) if (p.turn >= 0) chars[p.turn] += p.item.str.length;
  const page = chars.indexOf(Math.max(...chars));
  const [cos, sin] = TURNS[page];
  return placed.map(({ item, m, turn }) => {
    const size = Math.hypot(m[2], m[3]);
    const x = m[4] * cos + m[5] * sin;
    const baseline = -m[4] * sin + m[5] * cos;
    return { text: item.str, x, xEnd: x + (turn === page ? item.width : size), baseline, size };
  });
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

/** One cell of a printed line: its runs (sorted by x) and its text. */
interface CellRuns {
  runs: PlacedRun[];
  text: string;
}

/**
 * Splits the runs of one line (sorted by x) into cells at gaps of CELL_GAP_EM or more; inside a
 * cell, runs are joined with one space across a gap of SPACE_GAP_EM or more (or where either run
 * brings its own leading/trailing blank), with nothing otherwise. Blanks inside a run are kept.
 */
function splitCells(line: readonly PlacedRun[]): CellRuns[] {
  const cells: CellRuns[] = [];
  let prev: PlacedRun | undefined;
  for (const run of line) {
    const gap = prev ? run.x - prev.xEnd : 0;
    const em = prev ? Math.max(prev.size, run.size) : run.size;
    if (!prev || gap >= CELL_GAP_EM * em) cells.push({ runs: [run], text: run.text.trim() });
    else {
      const cell = cells[cells.length - 1];
      const blank = /\s$/.test(prev.text) || /^\s/.test(run.text);
      cell.text += (gap >= SPACE_GAP_EM * em || blank ? ' ' : '') + run.text.trim();
      cell.runs.push(run);
    }
    prev = run;
  }
  return cells;
}

/** Joins the runs of one line (sorted by x) into its text: cells separated by TAB. */
export function joinLine(line: readonly PlacedRun[]): string {
  return splitCells(line).map((c) => c.text).join('\t');
}

/** A laid-out line: its text and its cells with their x extent (see model `LineCell`). */
export interface LaidOutLine {
  text: string;
  cells: LineCell[];
}

/** The text lines of one page, top to bottom: `placeRuns` → `groupLines` → cells and text. */
export function layoutPage(items: readonly PdfTextItem[], viewport: number[]): LaidOutLine[] {
  return groupLines(placeRuns(items, viewport)).map((line) => {
    const cells = splitCells(line);
    return {
      text: cells.map((c) => c.text).join('\t'),
      cells: cells.map((c) => ({ text: c.text, x: c.runs[0].x, xEnd: c.runs[c.runs.length - 1].xEnd })),
    };
  });
}
