/**
 * Page geometry → text lines. pdf.js hands out text runs (a string with a transform matrix and an
 * advance width); this module places them on the page, groups them into printed lines by
 * baseline, orders each line left to right and joins neighbouring runs by the size of the gap
 * between them: nothing when they touch, one space for a word-sized gap, a TAB for a gap wide
 * enough to be a cell boundary. All distances are in PDF points and compared in ems of the
 * larger of the two fonts involved, so the rules hold for any font size. A page is read in the
 * writing direction of most of its text, so a table printed sideways comes out row by row.
 *
 * Ruled tables (cells framed by drawn rules, see pdf-rules.ts): the rules say what the gaps and
 * baselines cannot. Two runs with a vertical rule between them are two cells even when they stand
 * closer than a cell gap (narrow right-aligned columns), and the runs of one ruled row (between
 * the same two horizontal rules) are one line even when their baselines differ: a label wrapped
 * onto two lines inside its cell, with the row's numbers vertically centred between them, comes
 * out as one line whose label cell is the label's lines joined. Pages without rules are read
 * exactly as before.
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

/**
 * Where, in a run's em box, its glyphs' vertical middle lies above the baseline, in ems: CJK
 * glyphs of the fixtures' fonts reach 0.8-0.88 em up and 0.12 em down. The middle is the point a
 * run is placed in a ruled cell by.
 */
export const GLYPH_MIDDLE_EM = 0.35;

/**
 * Rules (and rule pieces, since producers draw each cell's border on its own) that lie within
 * this many points of each other across their length are one rule, and pieces along one line
 * that meet or overlap within it are joined (pdfplumber's snap and join tolerances, smaller:
 * measured cell borders of the fixtures coincide to 0.01 pt).
 */
export const RULE_SNAP = 1;

/**
 * How far, in points, a run may overhang the rules of its cell, or a rule may fall short of the
 * run's middle, and still frame it. Text in the fixtures keeps 2-3 pt of padding inside its rules.
 */
export const CELL_EDGE_TOLERANCE = 1;

/**
 * A ruled cell holding more text lines than this is not a table cell (a framed paragraph or text
 * box, a column of rows drawn without row rules): its runs are laid out as unruled text. Measured:
 * wrapped labels and header cells of the fixtures take 1-3 lines.
 */
export const MAX_CELL_LINES = 4;

/**
 * A ruled row taller than this many ems (of its largest run) is not merged into one line: rules
 * that far apart frame something other than a table row (a box, a chart's grid). A two-line label
 * row is 3.1 em high in the ruled fixture, a four-line header row 5.5 em.
 */
export const MAX_ROW_EM = 6;

/**
 * Two lines whose baselines lie less than this many ems apart cannot be two rows of text set one
 * under the other (line pitch is at least 1.1 em in the fixtures): they are cells of one row on
 * different baselines (a number centred beside a wrapped label), which only the rules can join.
 */
export const STACKED_LINE_EM = 1;

/** Matrix product a×b of two PDF affine matrices [a, b, c, d, e, f] (b applied first). */
export function multiply(a: readonly number[], b: readonly number[]): number[] {
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
  return placeRunsTurned(items, viewport).runs;
}

/** `placeRuns`, with the quarter turn the page is read in (see `quarterTurn`). */
function placeRunsTurned(items: readonly PdfTextItem[], viewport: number[]): { runs: PlacedRun[]; turn: number } {
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
  const runs = placed.map(({ item, m, turn }) => {
    const size = Math.hypot(m[2], m[3]);
    const x = m[4] * cos + m[5] * sin;
    const baseline = -m[4] * sin + m[5] * cos;
    return { text: item.str, x, xEnd: x + (turn === page ? item.width : size), baseline, size };
  });
  return { runs, turn: page };
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
 * Splits the runs of one line (sorted by x) into cells at gaps of CELL_GAP_EM or more, and at
 * gaps of a word space or more that `ruled` says a vertical rule stands in; inside a cell, runs
 * are joined with one space across a gap of SPACE_GAP_EM or more (or where either run brings its
 * own leading/trailing blank), with nothing otherwise. Blanks inside a run are kept.
 */
function splitCells(line: readonly PlacedRun[], ruled?: (prev: PlacedRun, run: PlacedRun) => boolean): CellRuns[] {
  const cells: CellRuns[] = [];
  let prev: PlacedRun | undefined;
  for (const run of line) {
    const gap = prev ? run.x - prev.xEnd : 0;
    const em = prev ? Math.max(prev.size, run.size) : run.size;
    if (!prev || gap >= CELL_GAP_EM * em || (gap >= SPACE_GAP_EM * em && !!ruled?.(prev, run))) cells.push({ runs: [run], text: run.text.trim() });
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

/** A laid-out line from the runs of one printed line (sorted by x): TAB-joined cells and their extents. */
function laidOut(line: readonly PlacedRun[], ruled?: (prev: PlacedRun, run: PlacedRun) => boolean): LaidOutLine {
  const cells = splitCells(line, ruled);
  return {
    text: cells.map((c) => c.text).join('\t'),
    cells: cells.map((c) => ({ text: c.text, x: c.runs[0].x, xEnd: c.runs[c.runs.length - 1].xEnd })),
  };
}

/**
 * The text lines of one page, top to bottom: `placeRuns` → `groupLines` → cells and text.
 * `rules` are the rule segments drawn on the page (pdf-rules.ts `rulesFromOperatorList`, in the
 * same viewport space as the items); with none, lines come from baselines and gaps alone. With
 * rules, runs inside ruled cells are also split at the vertical rules between them, and the runs
 * of one ruled row on several baselines become one line (`ruledRowLine`).
 */
export function layoutPage(items: readonly PdfTextItem[], viewport: number[], rules: readonly RuleSegment[] = []): LaidOutLine[] {
  const { runs, turn } = placeRunsTurned(items, viewport);
  if (!rules.length) return groupLines(runs).map((line) => laidOut(line));
  const page = orientRules(rules, turn);
  if (!page.vertical.length && !page.horizontal.length) return groupLines(runs).map((line) => laidOut(line));
  const lines = groupLines(runs.flatMap((run) => splitAtRules(run, page.vertical)));
  const cellOf = new Map<PlacedRun, RuledCell>();
  const bands = new Map<string, PlacedRun[]>();
  for (const line of lines) {
    for (const run of line) {
      const cell = findCell(run, page);
      if (!cell) continue;
      cellOf.set(run, cell);
      const band = `${cell.top.toFixed(1)}:${cell.bottom.toFixed(1)}`;
      bands.set(band, [...(bands.get(band) ?? []), run]);
    }
  }
  const out: { y: number; line: LaidOutLine }[] = [];
  const taken = new Set<PlacedRun>();
  for (const bandRuns of bands.values()) {
    const line = ruledRowLine(bandRuns, cellOf);
    if (!line) continue;
    for (const run of bandRuns) taken.add(run);
    out.push({ y: Math.min(...bandRuns.map((r) => r.baseline)), line });
  }
  const ruled = (prev: PlacedRun, run: PlacedRun) => ruleBetween(prev, run, page.vertical);
  for (const line of lines) {
    const rest = line.filter((run) => !taken.has(run));
    if (rest.length) out.push({ y: Math.min(...rest.map((r) => r.baseline)), line: laidOut(rest, ruled) });
  }
  return out.sort((a, b) => a.y - b.y).map((o) => o.line);
}

/**
 * Whether reading a page's rules could change how its text is laid out, judged from the text
 * alone, so that the operator list (as costly as the text itself: the whole content stream is
 * evaluated again) is only fetched where it matters. True when a line has two separate runs a
 * word space to a cell gap apart (a vertical rule would make that a cell boundary), when two
 * lines stand closer than STACKED_LINE_EM (one ruled row on several baselines), or when a run
 * holds two numbers separated by a blank (pdf.js joins two narrow cells less than 0.6 em apart
 * into one item, "1 81266"). A page of prose set one item per line, or a sideways table read one
 * glyph per line, needs no rules.
 */
export function mayNeedRules(items: readonly PdfTextItem[], viewport: number[]): boolean {
  const lines = groupLines(placeRuns(items, viewport));
  let prevTop = -Infinity;
  for (const line of lines) {
    const top = Math.min(...line.map((r) => r.baseline));
    if (top - prevTop < STACKED_LINE_EM * line[0].size) return true;
    prevTop = top;
    for (let i = 0; i < line.length; i++) {
      if (/\d\s+[-－−]?\d/.test(line[i].text)) return true;
      if (i === 0) continue;
      const gap = line[i].x - line[i - 1].xEnd;
      const em = Math.max(line[i].size, line[i - 1].size);
      if (gap >= SPACE_GAP_EM * em && gap < CELL_GAP_EM * em) return true;
    }
  }
  return false;
}

/** A straight rule drawn on the page, in viewport space (points, origin top-left, y downward). */
export interface RuleSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A horizontal rule in the page's reading frame (the frame of `PlacedRun`): its y and x extent, x0 ≤ x1. */
export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical rule in the page's reading frame: its x and y extent, y0 ≤ y1 (y downward). */
export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

/** The rules of a page in its reading frame, pieces along one line joined (see RULE_SNAP). */
export interface PageRules {
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
}

/**
 * Turns rule segments from viewport space into the page's reading frame (the quarter `turn` that
 * `placeRuns` applies to text), sorts them into horizontal and vertical, and joins the pieces of
 * each line: cell borders drawn cell by cell become rules across the table, so a rule is found
 * at every cell edge. Segments that are neither horizontal nor vertical are dropped.
 * Example: the four edges of two adjacent cell rectangles [0,0,50,20] and [50,0,90,20] give
 * horizontal rules y=0 and y=20 from x 0 to 90, and vertical rules x=0, 50, 90 from y 0 to 20.
 */
export function orientRules(segments: readonly RuleSegment[], turn = 0): PageRules {
  const [cos, sin] = TURNS[turn];
  const horizontal: HorizontalRule[] = [];
  const vertical: VerticalRule[] = [];
  for (const s of segments) {
    const [x0, y0] = [s.x0 * cos + s.y0 * sin, -s.x0 * sin + s.y0 * cos];
    const [x1, y1] = [s.x1 * cos + s.y1 * sin, -s.x1 * sin + s.y1 * cos];
    if (Math.abs(y1 - y0) <= RULE_SNAP) horizontal.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (Math.abs(x1 - x0) <= RULE_SNAP) vertical.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
  const joinedH = join(horizontal.map((h) => ({ at: h.y, from: h.x0, to: h.x1 })));
  const joinedV = join(vertical.map((v) => ({ at: v.x, from: v.y0, to: v.y1 })));
  return {
    horizontal: joinedH.map((r) => ({ y: r.at, x0: r.from, x1: r.to })),
    vertical: joinedV.map((r) => ({ x: r.at, y0: r.from, y1: r.to })),
  };
}

/** Joins collinear pieces (same `at` within RULE_SNAP) that meet or overlap within RULE_SNAP. */
function join(pieces: { at: number; from: number; to: number }[]): { at: number; from: number; to: number }[] {
  const sorted = [...pieces].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: { at: number; pieces: { at: number; from: number; to: number }[] }[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last && p.at - last.at <= RULE_SNAP) last.pieces.push(p);
    else lines.push({ at: p.at, pieces: [p] });
  }
  const out: { at: number; from: number; to: number }[] = [];
  for (const line of lines) {
    const at = line.pieces.reduce((sum, p) => sum + p.at, 0) / line.pieces.length;
    const byStart = line.pieces.sort((a, b) => a.from - b.from);
    let current = { at, from: byStart[0].from, to: byStart[0].to };
    for (const p of byStart.slice(1)) {
      if (p.from <= current.to + RULE_SNAP) current.to = Math.max(current.to, p.to);
      else {
        out.push(current);
        current = { at, from: p.from, to: p.to };
      }
    }
    out.push(current);
  }
  return out;
}

/** The ruled cell a run sits in: the nearest rule on each side of it, in the reading frame. */
interface RuledCell {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The y of a run's glyph middle (see GLYPH_MIDDLE_EM). */
function middleY(run: PlacedRun): number {
  return run.baseline - GLYPH_MIDDLE_EM * run.size;
}

/** Whether a vertical rule passes the height `y` (within CELL_EDGE_TOLERANCE). */
function spansY(v: VerticalRule, y: number): boolean {
  return v.y0 - CELL_EDGE_TOLERANCE <= y && y <= v.y1 + CELL_EDGE_TOLERANCE;
}

/**
 * The ruled cell around a run: the nearest vertical rules left and right of it that pass its glyph
 * middle, and the nearest horizontal rules above and below that pass its horizontal middle. Null
 * when a side has no rule (text outside any table, a three-line table without vertical rules).
 */
function findCell(run: PlacedRun, page: PageRules): RuledCell | null {
  const ym = middleY(run);
  const xm = (run.x + run.xEnd) / 2;
  let left = -Infinity;
  let right = Infinity;
  for (const v of page.vertical) {
    if (!spansY(v, ym)) continue;
    if (v.x <= run.x + CELL_EDGE_TOLERANCE) left = Math.max(left, v.x);
    if (v.x >= run.xEnd - CELL_EDGE_TOLERANCE) right = Math.min(right, v.x);
  }
  let top = -Infinity;
  let bottom = Infinity;
  for (const h of page.horizontal) {
    if (h.x0 - CELL_EDGE_TOLERANCE > xm || xm > h.x1 + CELL_EDGE_TOLERANCE) continue;
    if (h.y <= ym) top = Math.max(top, h.y);
    else bottom = Math.min(bottom, h.y);
  }
  if (![left, right, top, bottom].every(Number.isFinite)) return null;
  return { left, right, top, bottom };
}

/** Whether a vertical rule stands between two runs of one line (passing both runs' glyph middles). */
function ruleBetween(prev: PlacedRun, run: PlacedRun, vertical: readonly VerticalRule[]): boolean {
  const [ya, yb] = [middleY(prev), middleY(run)];
  return vertical.some((v) => v.x >= prev.xEnd - CELL_EDGE_TOLERANCE && v.x <= run.x + CELL_EDGE_TOLERANCE && spansY(v, ya) && spansY(v, yb));
}

/** Width of a character in ems, as estimated for splitting a run: CJK and full-width 1, blanks ¼, others ½. */
function charEm(ch: string): number {
  if (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch)) return 1;
  return /\s/.test(ch) ? 0.25 : 0.5;
}

/**
 * Splits a run that straddles a vertical rule at the blank nearest the rule. pdf.js merges two
 * text-showing operations into one item when they are less than 0.6 em apart on one baseline
 * (joining them with a space), so two narrow cells can come out as one item "1 81266" lying
 * across the rule between them. Character positions inside the item are estimated from its width
 * (see `charEm`); an item with no blank near the rule is left whole (one cell's text overflowing).
 */
function splitAtRules(run: PlacedRun, vertical: readonly VerticalRule[]): PlacedRun[] {
  if (!/\S\s+\S/.test(run.text)) return [run];
  const margin = 0.5 * run.size;
  const ym = middleY(run);
  const inside = vertical.filter((v) => v.x > run.x + margin && v.x < run.xEnd - margin && spansY(v, ym)).map((v) => v.x);
  if (!inside.length) return [run];
  const chars = [...run.text];
  const total = chars.reduce((sum, ch) => sum + charEm(ch), 0);
  const scale = (run.xEnd - run.x) / total;
  const starts: number[] = [];
  let acc = run.x;
  for (const ch of chars) {
    starts.push(acc);
    acc += charEm(ch) * scale;
  }
  let best = -1;
  let bestDistance = Infinity;
  chars.forEach((ch, i) => {
    if (!/\s/.test(ch) || i === 0 || i === chars.length - 1) return;
    const d = Math.min(...inside.map((x) => Math.abs(starts[i] - x)));
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  if (best < 0 || bestDistance > run.size) return [run];
  const left = { ...run, text: chars.slice(0, best).join('').trimEnd(), xEnd: starts[best] };
  const right = { ...run, text: chars.slice(best + 1).join('').trimStart(), x: starts[best] + charEm(chars[best]) * scale };
  return [...splitAtRules(left, vertical), ...splitAtRules(right, vertical)];
}

const NUMBER_LINE = /^[-－−]?[\d\s.,]+[%％]?[a-z]?$/;

/** Joins the lines of a wrapped cell: a space only between two Latin letters or digits ("R&D" + "经费" → "R&D经费"). */
function joinWrapped(a: string, b: string): string {
  if (a === '') return b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * The runs of one ruled row (all runs whose cells share the same top and bottom rule) as one
 * line, or null when the row needs no merging (its runs are on one baseline) or is not a table
 * row: taller than MAX_ROW_EM, a cell with more than MAX_CELL_LINES lines, or a cell holding two
 * numbers on two lines (a column of rows drawn without row rules). Cells are the ruled cells in x
 * order; inside a ruled cell, runs are further split where no run bridges a CELL_GAP_EM gap (a
 * row framed only at its ends). A cell's lines are joined top to bottom: "基础研究计划（973计划）"
 * over "、国家重大科学研究计划" with "64", "0.80", "0.01" centred between them gives the line
 * "基础研究计划（973计划）、国家重大科学研究计划\t64\t0.80\t0.01".
 */
function ruledRowLine(runs: readonly PlacedRun[], cellOf: Map<PlacedRun, RuledCell>): LaidOutLine | null {
  if (groupLines(runs).length < 2) return null;
  const { top, bottom } = cellOf.get(runs[0])!;
  const em = Math.max(...runs.map((r) => r.size));
  if (bottom - top > MAX_ROW_EM * em) return null;
  const byCell = new Map<string, PlacedRun[]>();
  for (const run of runs) {
    const c = cellOf.get(run)!;
    const key = `${c.left.toFixed(1)}:${c.right.toFixed(1)}`;
    byCell.set(key, [...(byCell.get(key) ?? []), run]);
  }
  const cells: LineCell[] = [];
  const ordered = [...byCell.values()].sort((a, b) => cellOf.get(a[0])!.left - cellOf.get(b[0])!.left);
  for (const cellRuns of ordered) {
    // Columns inside the ruled cell: runs whose x extents come within a cell gap of each other.
    const sorted = [...cellRuns].sort((a, b) => a.x - b.x);
    const groups: PlacedRun[][] = [];
    let reach = -Infinity;
    for (const run of sorted) {
      if (groups.length && run.x - reach < CELL_GAP_EM * em) {
        groups[groups.length - 1].push(run);
        reach = Math.max(reach, run.xEnd);
      } else {
        groups.push([run]);
        reach = run.xEnd;
      }
    }
    for (const group of groups) {
      const lines = groupLines(group);
      if (lines.length > MAX_CELL_LINES) return null;
      const texts = lines.map((l) => joinLine(l).replace(/\t/g, ' '));
      if (texts.filter((t) => NUMBER_LINE.test(t)).length >= 2) return null;
      cells.push({
        text: texts.reduce(joinWrapped, ''),
        x: Math.min(...group.map((r) => r.x)),
        xEnd: Math.max(...group.map((r) => r.xEnd)),
      });
    }
  }
  return { text: cells.map((c) => c.text).join('\t'), cells };
}
