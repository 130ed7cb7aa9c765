/**
 * The rules drawn on a PDF page (the lines that frame table cells), read from pdf.js's operator
 * list the way pdfplumber and Camelot's lattice parser collect "edges": every straight, axis-
 * parallel segment of a stroked path, and every filled rectangle thin enough to be a line (many
 * producers draw a cell border as a filled 0.5 pt rectangle). Clipping paths and curves are not
 * rules; a filled rectangle of some size is a cell's shading, not a rule. Segments are returned in
 * viewport space (points, origin top-left, y downward, page rotation applied), the space in which
 * pdf-layout.ts places text runs.
 */
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { multiply, type RuleSegment } from './pdf-layout.ts';

/** pdf.js's path codes inside a constructPath buffer (its internal DrawOPS, not exported). */
const DRAW_MOVE_TO = 0;
const DRAW_LINE_TO = 1;
const DRAW_CURVE_TO = 2;
const DRAW_CLOSE_PATH = 3;

/**
 * A filled rectangle whose smaller side is at most this many points is a rule along its longer
 * side. Cell borders drawn as fills are 0.25-1.5 pt thick; the thinnest shaded cell is a text line
 * high (≥ 6 pt).
 */
export const RULE_MAX_THICKNESS = 2;

/** A segment counts as horizontal (vertical) when its ends differ by at most this many points in y (x). */
export const RULE_AXIS_TOLERANCE = 0.5;

/** Segments shorter than this many points are not rules (dots, tick marks, glyph-like marks). */
export const RULE_MIN_LENGTH = 3;

/** The painting operators after which a constructed path is stroked (its segments are rules). */
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
/** The painting operators after which a constructed path is filled. */
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);


/** A segment if (x0, y0)–(x1, y1) is axis-parallel and long enough, else null. */
function axisSegment(x0: number, y0: number, x1: number, y1: number): RuleSegment | null {
  const horizontal = Math.abs(y1 - y0) <= RULE_AXIS_TOLERANCE;
  const vertical = Math.abs(x1 - x0) <= RULE_AXIS_TOLERANCE;
  if (!horizontal && !vertical) return null;
  if (Math.hypot(x1 - x0, y1 - y0) < RULE_MIN_LENGTH) return null;
  return { x0, y0, x1, y1 };
}

/**
 * The sub-paths of a constructPath buffer as point lists in viewport space (`m` maps path
 * coordinates there); a sub-path with a curve is marked so that it is not taken for a rectangle.
 */
function subPaths(buffer: ArrayLike<number>, m: readonly number[]): { points: [number, number][]; closed: boolean; curved: boolean }[] {
  const at = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  const paths: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < buffer.length; ) {
    const op = buffer[i];
    if (op === DRAW_MOVE_TO) {
      current = { points: [at(buffer[i + 1], buffer[i + 2])], closed: false, curved: false };
      paths.push(current);
      i += 3;
    } else if (op === DRAW_LINE_TO) {
      current?.points.push(at(buffer[i + 1], buffer[i + 2]));
      i += 3;
    } else if (op === DRAW_CURVE_TO) {
      if (current) {
        current.curved = true;
        current.points.push(at(buffer[i + 5], buffer[i + 6]));
      }
      i += 7;
    } else if (op === DRAW_CLOSE_PATH) {
      if (current) current.closed = true;
      i += 1;
    } else break; // an unknown code: the rest of the buffer cannot be parsed
  }
  return paths;
}

/** The rules of one painted path (see the module comment). */
function pathRules(buffer: ArrayLike<number>, m: readonly number[], stroked: boolean, filled: boolean): RuleSegment[] {
  const rules: RuleSegment[] = [];
  for (const path of subPaths(buffer, m)) {
    const pts = path.closed && path.points.length > 1 ? [...path.points, path.points[0]] : path.points;
    if (stroked && !path.curved) {
      for (let i = 1; i < pts.length; i++) {
        const seg = axisSegment(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
        if (seg) rules.push(seg);
      }
    } else if (filled && !path.curved && path.points.length >= 4 && path.points.length <= 5) {
      const xs = path.points.map((p) => p[0]);
      const ys = path.points.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const axisParallel = path.points.every((p) => [x0, x1].some((x) => Math.abs(p[0] - x) <= RULE_AXIS_TOLERANCE) && [y0, y1].some((y) => Math.abs(p[1] - y) <= RULE_AXIS_TOLERANCE));
      if (!axisParallel) continue;
      const seg =
        y1 - y0 <= RULE_MAX_THICKNESS && x1 - x0 >= y1 - y0
          ? axisSegment(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
          : x1 - x0 <= RULE_MAX_THICKNESS
            ? axisSegment((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
            : null;
      if (seg) rules.push(seg);
    }
  }
  return rules;
}

/** The parts of a pdf.js operator list this module reads (`page.getOperatorList()`). */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/**
 * The rule segments drawn on a page, in viewport space. `viewport` is the page viewport's
 * transform at scale 1. Follows the graphics state (save/restore, cm, form XObjects) so that
 * coordinates come out right whatever transforms the producer used (pdfkit flips the page with
 * `1 0 0 -1 0 842 cm`; LibreOffice draws in the untransformed page space).
 * Example: a 0.5 pt stroked cell border `re 56 100 80 20` on an A4 page gives four segments, e.g.
 * { x0: 56, y0: 722, x1: 136, y1: 722 } for its bottom edge.
 */
export function rulesFromOperatorList(list: OperatorList, viewport: readonly number[]): RuleSegment[] {
  const rules: RuleSegment[] = [];
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as number[] | null;
      if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) ctm = multiply(ctm, Array.from(matrix as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const stroked = STROKES.has(paint);
      const filled = FILLS.has(paint);
      if (!stroked && !filled) continue; // endPath: a clipping path, nothing drawn
      const m = multiply(viewport, ctm);
      for (const buffer of (args[1] as (ArrayLike<number> | null)[]) ?? []) {
        if (buffer) rules.push(...pathRules(buffer, m, stroked, filled));
      }
    }
  }
  return rules;
}
