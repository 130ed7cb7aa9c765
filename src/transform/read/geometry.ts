/**
 * Tables read by position, for sources that know where each cell stands (PDF lines carry their
 * cells with x extents). Header cells are centred over the columns they span, numbers sit in
 * their columns, and a cell spanning several header rows is printed half-way down them — so
 * columns come from geometry, not from reading order:
 *  - a leaf is a header cell with no header cell below it overlapping it (widened by half its
 *    width, since a cell spanning two columns may sit right over the gap between them);
 *  - a header cell above owns the contiguous run of leaves centred under it, within the
 *    midpoints to its neighbours on the same line;
 *  - a row's cells go to the leaves they are nearest to, in order (empty cells stay empty).
 */
import type { LineCell } from '../../model.ts';
import { parseCell, type Cell } from '../normalize/numbers.ts';
import { columnsFromPaths, tokenizeHeader, type Column } from './header.ts';
import type { PlacedCell } from './cells.ts';

/** How far (points) the centre of a spanning header cell may lie from the centre of its leaves. */
const CENTRE_TOLERANCE = 6;

const centre = (c: LineCell) => (c.x + c.xEnd) / 2;

/** Header columns by geometry, with each leaf's extent; the stub (row-label) leaf is dropped. */
export interface GeometricColumns {
  columns: Column[];
  leaves: LineCell[];
  /** Right edge of the stub: cells left of it are the row's label. */
  labelEdge: number;
}

/**
 * Reads the columns of a header whose lines carry cells. `labelEdge` is the right edge of the
 * body's row labels (the widest label cell). Returns null when the geometry names no column.
 */
export function geometricColumns(header: LineCell[][], labelEdge: number, amountUnit: string): GeometricColumns | null {
  // A cell spanning columns may sit in the gap between the cells below it: widen it by half its
  // width on each side before asking whether anything below overlaps it.
  const below = (line: number, c: LineCell) => {
    const half = (c.xEnd - c.x) / 2;
    return header.slice(line + 1).some((l) => l.some((d) => Math.min(d.xEnd, c.xEnd + half) - Math.max(d.x, c.x - half) > 0));
  };
  const leaves = header.flatMap((l, i) => l.filter((c) => !below(i, c))).filter((c) => c.x >= labelEdge).sort((a, b) => a.x - b.x);
  if (!leaves.length) return null;
  const ancestors: LineCell[][] = leaves.map(() => []);
  header.forEach((line, i) => {
    const sorted = [...line].sort((a, b) => a.x - b.x);
    sorted.forEach((cell, k) => {
      if (!below(i, cell)) return;
      const lo = k > 0 ? (centre(sorted[k - 1]) + centre(cell)) / 2 : -Infinity;
      const hi = k < sorted.length - 1 ? (centre(cell) + centre(sorted[k + 1])) / 2 : Infinity;
      const run = centredRun(leaves, cell, lo, hi);
      if (run) for (let j = run[0]; j <= run[1]; j++) ancestors[j].push(cell);
    });
  });
  const paths = leaves.map((leaf, j) => tokenizeHeader([...ancestors[j], leaf].map((c) => c.text).join(' ')));
  const columns = columnsFromPaths(paths, amountUnit);
  return columns.some((c) => c.measure || c.year) ? { columns, leaves, labelEdge } : null;
}

/** The longest run of leaves within [lo, hi] whose extent is centred under `cell`. */
function centredRun(leaves: LineCell[], cell: LineCell, lo: number, hi: number): [number, number] | null {
  let best: [number, number] | null = null;
  for (let i = 0; i < leaves.length; i++) {
    if (centre(leaves[i]) < lo) continue;
    for (let j = i; j < leaves.length && centre(leaves[j]) <= hi; j++) {
      const mid = (leaves[i].x + leaves[j].xEnd) / 2;
      if (Math.abs(mid - centre(cell)) <= CENTRE_TOLERANCE && (!best || j - i > best[1] - best[0])) best = [i, j];
    }
  }
  return best;
}

/**
 * Where each column's cells stand: the median centre of its cells over the rows that fill every
 * column (numbers are aligned in their column, while header text is centred over it); the
 * leaf's own centre where no row is full.
 */
export function columnAnchors(rows: LineCell[][], leaves: LineCell[]): number[] {
  const full = rows.filter((r) => r.length === leaves.length);
  return leaves.map((leaf, j) => {
    const xs = full.map((r) => centre(r[j])).sort((a, b) => a - b);
    return xs.length ? xs[Math.floor(xs.length / 2)] : centre(leaf);
  });
}

/**
 * Places a row's number cells on the columns by position: each cell to a column, in order, so
 * that the total distance between cell centres and column anchors is least. Returns null when a
 * cell is not a number or null marker, or there are more cells than columns.
 */
export function placeByGeometry(cells: LineCell[], anchors: number[]): PlacedCell[] | null {
  const parsed: Cell[] = [];
  for (const c of cells) {
    const cell = parseCell(c.text.split(/ +/));
    if (!cell) return null;
    parsed.push(cell);
  }
  const n = cells.length;
  const m = anchors.length;
  if (n > m) return null;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(Infinity));
  best[0].fill(0);
  for (let i = 1; i <= n; i++)
    for (let j = i; j <= m; j++)
      best[i][j] = Math.min(best[i][j - 1], best[i - 1][j - 1] + Math.abs(centre(cells[i - 1]) - anchors[j - 1]));
  const placed: PlacedCell[] = [];
  for (let i = n, j = m; i > 0; j--) {
    if (best[i][j] === best[i][j - 1] && j > i) continue;
    placed.unshift({ column: j - 1, cell: parsed[i - 1] });
    i--;
  }
  return placed;
}
