/**
 * Row splitting: a data row's trailing number tokens are resolved against the header's columns.
 * A space both separates cells and groups thousands ("84 451"), and rows may lack cells (a city
 * sub-row without ranks, a total without a share). The split is the one that fills the columns
 * best: every cell a valid number (groups of exactly three digits after the head), as few
 * columns left empty as possible, and cells that look like their column (integers under counts
 * and ranks, decimals under amounts and percentages). A TAB (from the PDF extractor's geometry)
 * is a sure cell boundary.
 */
import type { Column } from './header.ts';
import { parseCell, type Cell } from '../normalize/numbers.ts';

/** A resolved cell: which column it fills and what was printed. */
export interface PlacedCell {
  column: number;
  cell: Cell;
}

type Shape = Column['shape'];

/**
 * What a column's cells usually look like, learnt from the table's rows whose split is
 * unambiguous: the median order of magnitude and the most common number of decimals.
 */
export interface ColumnStats {
  magnitude: number | null;
  decimals: number | null;
  /** Largest value seen (ranks: a rank far above it is a misplaced count). */
  max: number | null;
  /** Rows of the table: a rank above this many (and a little more) ranks nothing in it. */
  rows: number | null;
  /**
   * Each whole number placed in the column, with the rows (their token lists) that hold it: a
   * rank another row already holds is most likely a misplaced digit group ("其中：青岛 4 729
   * 104.12 4 865 126.66" is 4 729 | 104.12 | – | 4 865 | 126.66, the sub-row ranking nothing,
   * since 陕西 holds rank 4).
   */
  holders: Map<string, Set<readonly string[]>>;
}

/** Order of magnitude of a cell (a heuristic score, never a value: floats are fine here). */
function magnitude(value: string): number | null {
  // The digits before the point, sign and leading zeros excluded.
  const end = value.includes('.') ? value.indexOf('.') : value.length;
  let start = value.startsWith('-') ? 1 : 0;
  while (start < end && value[start] === '0') start++;
  return end > start ? end - start : null;
}

/**
 * Learns per-column statistics from placements of unambiguous rows; `rows` is the table's number
 * of data rows; `owners[r]` is the token list placements[r] was split from (for `holders`).
 */
export function columnStats(placements: PlacedCell[][], width: number, rows: number | null = null, owners: readonly (readonly string[])[] = []): ColumnStats[] {
  const mags: number[][] = Array.from({ length: width }, () => []);
  const decs: number[][] = Array.from({ length: width }, () => []);
  const maxs: (number | null)[] = new Array(width).fill(null);
  const holders = Array.from({ length: width }, () => new Map<string, Set<readonly string[]>>());
  placements.forEach((row, r) => {
    for (const { column, cell } of row) {
      if (cell.kind !== 'number') continue;
      const m = magnitude(cell.value);
      if (m !== null) mags[column].push(m);
      decs[column].push(cell.decimals);
      if (cell.decimals === 0 && m !== null && m < 7) maxs[column] = Math.max(maxs[column] ?? 0, Number(cell.value));
      const owner = owners[r];
      if (owner && cell.decimals === 0) {
        const held = holders[column].get(cell.value) ?? new Set<readonly string[]>();
        holders[column].set(cell.value, held.add(owner));
      }
    }
  });
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
  const mode = (xs: number[]) => {
    const n = new Map<number, number>();
    for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
    return xs.length ? [...n].sort((a, b) => b[1] - a[1])[0][0] : null;
  };
  return mags.map((m, i) => ({ magnitude: median(m), decimals: mode(decs[i]), max: maxs[i], rows, holders: holders[i] }));
}

/** Extra cost of a cell of row `tokens` that does not look like the column's other cells. */
function statsCost({ cell, magnitude: m }: Candidate, shape: Shape, stats: ColumnStats | undefined, tokens: readonly string[]): number {
  if (!stats || cell.kind !== 'number') return 0;
  let cost = 0;
  if (shape === 'rank' && ((stats.max !== null && Number(cell.value) > stats.max * 2 + 5) || (stats.rows !== null && Number(cell.value) > stats.rows + 2))) cost += 4;
  if (shape === 'rank' && [...(stats.holders.get(cell.value) ?? [])].some((row) => row !== tokens)) cost += 4;
  if (m !== null && stats.magnitude !== null) cost += 0.4 * Math.min(4, Math.abs(m - stats.magnitude));
  if (stats.decimals !== null && cell.decimals !== stats.decimals) cost += 0.3;
  return cost;
}

/** Cost of putting a cell in a column of a given shape (lower is better). */
function fitCost(cell: Cell, shape: Shape, grouped: boolean): number {
  if (cell.kind === 'null') return 0;
  // A spoilt number fills a column as any cell does, favouring none: the other cells place it.
  if (cell.kind === 'malformed') return MALFORMED_COST;
  const integer = cell.decimals === 0;
  switch (shape) {
    case 'count': return integer ? 0 : 2;
    case 'rank': return !integer || grouped || cell.value.startsWith('-') ? 6 : Number(cell.value) > 300 ? 4 : 0;
    case 'amount': return integer ? 0.5 : 0;
    case 'percent': return integer ? 0.5 : 0;
    default: return 0;
  }
}

/** Cost of a spoilt number, the same in every column (and below any skip: it is a cell). */
const MALFORMED_COST = 1;

/**
 * Cost of reading `tokens` tokens as one thousands-grouped number: a little for two groups
 * ("84 451"), more for three (millions are rare in these tables), much more beyond.
 */
function groupingCost(tokens: number): number {
  return tokens === 1 ? 0 : tokens === 2 ? 0.1 : tokens === 3 ? 1 : 3;
}

/** Cost of leaving a column empty: rows most often lack ranks, then shares and growth. */
function skipCost(shape: Shape): number {
  return shape === 'rank' ? 3 : shape === 'percent' ? 4 : 5;
}

/**
 * Splits `tokens` (the number tokens of one row, in order) into cells placed on `columns`,
 * preferring cells that look like the column's others (`stats`). Returns null when no split
 * places every token.
 */
export function placeCells(tokens: string[], columns: Column[], stats?: ColumnStats[]): PlacedCell[] | null {
  return placeWithDoubt(tokens, columns, stats)?.placed ?? null;
}

/**
 * How much worse (in cost units) the second-best split of a row may be before its differences
 * from the best split are trusted: a row read "28 879 941.1" under count and amount columns is
 * 28879 | 941.1 or 28 | 879941.1, and when the table's other rows cannot tell which, neither is loaded.
 */
export const DOUBT_MARGIN = 0.5;

/**
 * The margin in a row holding a spoilt number ("合计 335 007 18 389.9 2l.1 …"): its column is
 * unknown, so any split within a skipped column's cost of the best makes the cells it places
 * differently doubtful (18 | 389.9 or 18 389.9 | 2l.1 are then both left out).
 */
const MALFORMED_DOUBT_MARGIN = 3;

/**
 * The best split of a row (see placeCells) and, among its cells, those a split nearly as good
 * (within DOUBT_MARGIN) places differently. Every split fills each column exactly once (a cell or
 * nothing), so a cell of the best split is doubtful when some other choice for its column lies
 * on a split whose cost is within the margin (wider in a row holding a spoilt number): the least cost of a split through a choice is its
 * forward cost, plus its own, plus the backward cost from where it ends. Null when no split
 * places every token.
 */
export function placeWithDoubt(tokens: string[], columns: Column[], stats?: ColumnStats[]): { placed: PlacedCell[]; doubtful: PlacedCell[] } | null {
  const n = tokens.length;
  const m = columns.length;
  const candidates = candidatesOf(tokens);
  /** Every way to fill column j from token i: skip (k = i) or the cell of tokens i..k-1, with its cost (computed once). */
  type Choice = { k: number; cell: Cell | null; cost: number };
  const memo: (Choice[] | undefined)[] = new Array((n + 1) * m);
  const choices = (i: number, j: number): Choice[] => (memo[i * m + j] ??= choicesAt(i, j));
  const choicesAt = (i: number, j: number): Choice[] => {
    const out: Choice[] = [{ k: i, cell: null, cost: skipCost(columns[j].shape) }];
    for (let k = i + 1; k <= n && k - i <= 5; k++) {
      const candidate = candidates[i][k - i - 1];
      if (!candidate) continue;
      const cost = fitCost(candidate.cell, columns[j].shape, k - i > 1) + statsCost(candidate, columns[j].shape, stats?.[j], tokens) + groupingCost(k - i);
      out.push({ k, cell: candidate.cell, cost });
    }
    return out;
  };
  const fwd: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(Infinity));
  const bwd: number[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(Infinity));
  const step: ({ k: number; cell: Cell | null } | null)[][] = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(null));
  fwd[0][0] = 0;
  for (let j = 0; j < m; j++) for (let i = 0; i <= n; i++) if (fwd[i][j] < Infinity) for (const c of choices(i, j)) fwd[c.k][j + 1] = Math.min(fwd[c.k][j + 1], fwd[i][j] + c.cost);
  bwd[n][m] = 0;
  for (let j = m - 1; j >= 0; j--) {
    for (let i = 0; i <= n; i++) {
      for (const c of choices(i, j)) {
        const cost = c.cost + bwd[c.k][j + 1];
        if (cost < bwd[i][j]) [bwd[i][j], step[i][j]] = [cost, c];
      }
    }
  }
  const total = bwd[0][0];
  if (total === Infinity) return null;
  const margin = candidates.some((row) => row.some((c) => c?.cell.kind === 'malformed')) ? MALFORMED_DOUBT_MARGIN : DOUBT_MARGIN;
  const placed: PlacedCell[] = [];
  const doubtful: PlacedCell[] = [];
  for (let i = 0, j = 0; j < m; j++) {
    const chosen = step[i][j]!;
    if (chosen.cell) {
      const p = { column: j, cell: chosen.cell };
      placed.push(p);
      // The best split that fills column j otherwise (from any token position the column can start at).
      let other = Infinity;
      for (let a = 0; a <= n; a++) {
        if (fwd[a][j] === Infinity) continue;
        for (const c of choices(a, j)) {
          if (a === i && c.k === chosen.k) continue;
          other = Math.min(other, fwd[a][j] + c.cost + bwd[c.k][j + 1]);
        }
      }
      if (other - total < margin) doubtful.push(p);
    }
    i = chosen.k;
  }
  return { placed, doubtful };
}

/** Rounds of learning column statistics (each from the cells the previous round placed for sure). */
const STATS_ROUNDS = 3;

/**
 * Column statistics of a table, learnt from the cells it places for sure (`rows`: each row's
 * number tokens): first from the rows whose tokens can be split only one way, then, round after
 * round, from every cell that all near-best splits agree on under what was learnt, so that in a
 * table where a space both groups thousands and separates cells ("28 879 941.1"), the
 * unambiguous rows teach the ambiguous ones.
 */
export function learnColumnStats(rows: readonly string[][], columns: Column[]): ColumnStats[] {
  const forced = rows.filter((tokens) => {
    const { min, max } = cellCountRange(tokens);
    return min === max && max === columns.length;
  });
  const start = columnStats([], columns.length, rows.length);
  let stats = columnStats(forced.map((tokens) => placeCells(tokens, columns, start) ?? []), columns.length, rows.length, forced);
  for (let round = 0; round < STATS_ROUNDS; round++) {
    const sure = rows.map((tokens) => {
      const split = placeWithDoubt(tokens, columns, stats);
      if (!split) return [];
      const doubtful = new Set(split.doubtful);
      return split.placed.filter((p) => !doubtful.has(p));
    });
    stats = columnStats(sure, columns.length, rows.length, rows);
  }
  return stats;
}

/** A cell some tokens of a row can form, with its order of magnitude (null for a null marker). */
interface Candidate {
  cell: Cell;
  magnitude: number | null;
}

/** The candidates of every token list seen (rows are split several times: stats, then cells). */
const CANDIDATES = new WeakMap<string[], (Candidate | null)[][]>();

/**
 * Every cell a row's tokens can form: `[i][w - 1]` is what tokens i..i+w-1 make (w ≤ 5), or
 * null. Computed once per token list (a row's tokens never change once classified).
 */
function candidatesOf(tokens: string[]): (Candidate | null)[][] {
  let table = CANDIDATES.get(tokens);
  if (table) return table;
  table = tokens.map((_, i) => {
    const row: (Candidate | null)[] = [];
    for (let k = i + 1; k <= tokens.length && k - i <= 5; k++) {
      const cell = cellOf(tokens, i, k);
      row.push(cell && { cell, magnitude: cell.kind === 'number' ? magnitude(cell.value) : null });
    }
    return row;
  });
  CANDIDATES.set(tokens, table);
  return table;
}

/**
 * The cell tokens i..k-1 form, or null. A token holding spaces is a whole cell the PDF's
 * geometry delimited ("83 171"): it stands alone and its spaces are thousands groups.
 */
function cellOf(tokens: string[], i: number, k: number): Cell | null {
  if (k - i === 1 && tokens[i].includes(' ')) return parseCell(tokens[i].split(/ +/));
  for (let t = i; t < k; t++) if (tokens[t].includes(' ')) return null;
  return parseCell(tokens.slice(i, k));
}

/**
 * The fewest cells a run of tokens can make (thousands groups merged wherever valid), and the
 * most (every token its own cell). Used to guess a table's column count from its rows.
 */
export function cellCountRange(tokens: string[]): { min: number; max: number } {
  const n = tokens.length;
  const candidates = candidatesOf(tokens);
  const fewest = new Array(n + 1).fill(Infinity);
  fewest[0] = 0;
  for (let i = 0; i < n; i++) {
    if (fewest[i] === Infinity) continue;
    for (let k = i + 1; k <= n && k - i <= 5; k++) if (candidates[i][k - i - 1]) fewest[k] = Math.min(fewest[k], fewest[i] + 1);
  }
  return { min: fewest[n], max: n };
}
