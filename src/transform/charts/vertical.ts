/**
 * Tables printed sideways (landscape pages) in extracted text. The extractor emits such a page
 * one glyph run per line: every CJK glyph on a line of its own, digits as runs of one or two,
 * the printed lines of the rotated page set apart by blank lines (2018 edition 表5-1). The same
 * rules decode any such table:
 *
 *  - A vertical run is a stretch of at least MIN_PIECES non-blank lines, each holding at most
 *    MAX_GLYPHS non-space characters (blank lines allowed in between), with digit fragments and
 *    CJK glyphs among them.
 *  - Caption: from the first "表"/"附表" glyph, the glyphs joined until the first blank line
 *    after the title's first CJK glyph (the title is one printed line); a caption printed as a
 *    normal line just before or after the run is taken when the run starts without one.
 *  - Header: the glyph groups after the caption, up to the first digit fragment, split where
 *    the header vocabulary (header.ts) ends on a measure word: the groups after that are the
 *    first row's name. A rotated two-level header comes out upper row first, then the lower row:
 *    when the leaves read flat outnumber the cells of a row, the trailing sub-cells (金额,
 *    其中…成交金额) are put under the upper cell of their concept, which passes them its unit.
 *  - Rows: a row starts at the first glyph line after digits; its name is its glyphs joined.
 *    Consecutive digit fragments make one cell (blank lines do not end it); a cell ends at a
 *    fragment printed with a trailing ASCII space, or at a line of ASCII spaces only; a line of
 *    U+3000 (or a null marker such as "—") is an empty cell.
 *  - A row with fewer cells than the table's rows have (most often) had its cell ends lost: it is
 *    split at fragment boundaries so that every column agrees with the table's sums (小计 = sum
 *    of the rows of its group, 合计 = sum of the 小计s, or of all rows), each printed amount
 *    standing for ± half a unit of its last digit and counts exact. A unique split is taken;
 *    otherwise the row is reported as a finding, never guessed.
 */
import { Decimal } from 'decimal.js';
import type { Finding, Observation, TableRecord } from '../../model.ts';
import { buildColumns, tokenizeHeader, type Column, type HeaderToken } from '../read/header.ts';
import { tableKind } from '../read/kinds.ts';
import type { Line } from '../layout/lines.ts';
import { unitMultiplier } from '../read/measures.ts';
import { isNullToken, parseNumberToken } from '../normalize/numbers.ts';
import type { TableContext } from '../context.ts';
import { normaliseLabel, normaliseRef } from '../normalize/text.ts';
import { titleYear } from '../normalize/years.ts';

/** A line of a vertical run holds at most this many non-space characters. */
export const MAX_GLYPHS = 3;
/** A vertical run has at least this many non-blank lines … */
export const MIN_PIECES = 40;
/** … of which at least this many are digit fragments. */
export const MIN_DIGITS = 10;
/** How far (in lines) a caption printed as a normal line may stand from its run. */
const CAPTION_REACH = 6;

/** A stretch of lines (indices into the document's line array, inclusive). */
export interface VerticalRun {
  first: number;
  last: number;
}

/** What `verticalTables` returns: like a table parse, plus the lines the runs took. */
export interface VerticalResult {
  observations: Observation[];
  tables: TableRecord[];
  findings: Finding[];
  /** Indices (Line.idx) of every line of every vertical run, caption lines included. */
  used: Set<number>;
}

/** One non-blank line of a run, classified. */
interface Piece {
  line: Line;
  /** The text without surrounding ASCII spaces. */
  text: string;
  kind: 'glyph' | 'digits' | 'space' | 'null';
  /** A digit fragment printed with a trailing ASCII space: the last fragment of its cell. */
  closes: boolean;
  /** A blank line stands right before it. */
  gap: boolean;
}

/** A digit fragment of a cell, with its line. */
interface Frag {
  text: string;
  line: Line;
}

/** A cell as read: an empty cell, or the digit fragments of one (or, unmarked, several) cells. */
type RawCell = { kind: 'null'; line: Line } | { kind: 'num'; frags: Frag[] };

/** A row as read: its name and its cells. */
interface RawRow {
  label: string;
  line: Line;
  cells: RawCell[];
}

/** A decoded cell: the exact decimal and its fragments, or null for an empty cell. */
interface Value {
  value: string;
  decimals: number;
  frags: Frag[];
}

/** A sum the table states: `total` (a row index) is the sum of `parts`. */
interface Sum {
  total: number;
  parts: number[];
}

/** A closed interval of exact decimals. */
interface Interval {
  lo: Decimal;
  hi: Decimal;
}

/** Non-space characters of a line (ASCII spaces and TABs do not count; U+3000 does). */
function glyphCount(text: string): number {
  return text.replace(/[ \t\r]/g, '').length;
}

/**
 * Finds the vertical runs of a document: maximal stretches of short or blank lines with at
 * least MIN_PIECES short lines, MIN_DIGITS of them digit fragments, and some CJK glyphs.
 * Lines already read as a chart's value labels (kind 'chart') end a stretch.
 */
export function findVerticalRuns(lines: Line[]): VerticalRun[] {
  const runs: VerticalRun[] = [];
  let start = -1;
  const end = (i: number) => {
    if (start >= 0) {
      const run = trimRun(lines, start, i - 1);
      if (run && isVertical(lines, run)) runs.push(run);
    }
    start = -1;
  };
  lines.forEach((l, i) => {
    if (l.kind !== 'chart' && glyphCount(l.text) <= MAX_GLYPHS) {
      if (start < 0) start = i;
    } else end(i);
  });
  end(lines.length);
  return runs;
}

/** A stretch without its leading and trailing blank lines, or null when nothing is left. */
function trimRun(lines: Line[], first: number, last: number): VerticalRun | null {
  while (first <= last && lines[first].text === '') first++;
  while (last >= first && lines[last].text === '') last--;
  return first <= last ? { first, last } : null;
}

/** Whether a stretch of short lines has the size and content of a rotated table. */
function isVertical(lines: Line[], run: VerticalRun): boolean {
  const pieces = readPieces(lines, run);
  const digits = pieces.filter((p) => p.kind === 'digits').length;
  const glyphs = pieces.filter((p) => /[\u4e00-\u9fff]/.test(p.text)).length;
  return pieces.length >= MIN_PIECES && digits >= MIN_DIGITS && glyphs > 0;
}

/** Classifies the text of one line of a run; null for a blank line. */
function classifyPiece(text: string): Pick<Piece, 'kind' | 'text' | 'closes'> | null {
  if (text === '') return null;
  if (/^[ \t]+$/.test(text)) return { kind: 'space', text: '', closes: true };
  const trimmed = text.replace(/^[ \t]+|[ \t]+$/g, '');
  if (/^[\s\u3000]+$/.test(text) || isNullToken(trimmed)) return { kind: 'null', text: trimmed, closes: true };
  // Digits, or digits with no CJK glyph (a spoilt fragment "#37": its cell will not parse).
  if (/^[-\uFF0D]?[\d.]*\d[\d.]*$/.test(trimmed) || (/\d/.test(trimmed) && !/[\u4e00-\u9fff]/.test(trimmed))) return { kind: 'digits', text: trimmed, closes: /[ \t]$/.test(text) };
  return { kind: 'glyph', text: trimmed, closes: false };
}

/** The non-blank lines of a run as pieces, each knowing whether a blank line precedes it. */
function readPieces(lines: Line[], run: VerticalRun): Piece[] {
  const out: Piece[] = [];
  let gap = false;
  for (let i = run.first; i <= run.last; i++) {
    const p = classifyPiece(lines[i].text);
    if (!p) {
      gap = true;
      continue;
    }
    out.push({ ...p, line: lines[i], gap });
    gap = false;
  }
  return out;
}

/** Splits pieces into groups at blank lines (one group per printed line of the rotated page). */
function groupsOf(pieces: Piece[]): Piece[][] {
  const groups: Piece[][] = [];
  for (const p of pieces) {
    if (p.gap || !groups.length) groups.push([p]);
    else groups[groups.length - 1].push(p);
  }
  return groups;
}

/** Joins pieces' text; a piece printed with a trailing space keeps one space after it. */
function joinPieces(pieces: Piece[]): string {
  return pieces.map((p) => p.text + (p.kind === 'digits' && p.closes ? ' ' : '')).join('');
}

/** A caption's glyphs joined: the reference ("表5-1", "附表9"), then the title. */
const CAPTION = /^((?:附表|表)\s*\d+(?:\s*[-－—–]\s*\d+)?)(?:\s+|(?=\d{4})|(?=[^\d\s－—–-]))(.*)$/;

/**
 * The caption at the head of a run: its reference, title, and the index of the first piece
 * after it; null when the run does not start with one.
 */
function readCaption(pieces: Piece[]): { ref: string; title: string; line: Line; next: number } | null {
  const at = pieces.findIndex((p) => /^(附表?|表)/.test(p.text));
  if (at < 0 || at > 2) return null;
  let text = '';
  for (let i = at; i < pieces.length; i++) {
    if (pieces[i].gap && i > at) {
      const m = CAPTION.exec(text.trim());
      if (m && /[\u4e00-\u9fff]/.test(m[2])) return { ref: normaliseRef(m[1]), title: m[2].trim(), line: pieces[at].line, next: i };
    }
    text += joinPieces([pieces[i]]);
  }
  return null;
}

/** A caption printed as a normal line right before or after the run (when the run has none). */
function adjacentCaption(lines: Line[], run: VerticalRun): Line | null {
  for (let i = run.first - 1; i >= Math.max(0, run.first - CAPTION_REACH); i--) if (lines[i].kind === 'caption') return lines[i];
  for (let i = run.last + 1; i <= Math.min(lines.length - 1, run.last + CAPTION_REACH); i++) if (lines[i].kind === 'caption') return lines[i];
  return null;
}

/**
 * Splits the glyph groups before the first digit fragment into the header and the first row's
 * name: the header is the longest prefix of groups whose tokens end on a measure word.
 * Returns the number of header groups (0 when no prefix does).
 */
export function headerGroupCount(groups: string[]): number {
  for (let k = groups.length; k > 0; k--) {
    const last = tokenizeHeader(groups.slice(0, k).join('')).at(-1);
    if (last && (last.t === 'M' || last.t === 'C')) return k;
  }
  return 0;
}

/**
 * A rotated two-level header reads upper row first, then the lower one: the trailing run of
 * sub-cells ("总金额", "其中：促成…成交金额") belongs under the last upper cell of their concept.
 * Returns the tokens with that cell's unit lifted (so that header.ts opens it over the
 * sub-cells) and the unit it passes to them; null when there is no such cell.
 */
export function nestLowerRow(tokens: HeaderToken[]): { tokens: HeaderToken[]; unit: string } | null {
  let s = tokens.length;
  while (s > 0 && (tokens[s - 1].t === 'O' || (tokens[s - 1].t === 'M' && (tokens[s - 1] as { sub: boolean }).sub))) s--;
  const subs = tokens.slice(s).filter((t) => t.t === 'M') as Extract<HeaderToken, { t: 'M' }>[];
  if (!subs.length) return null;
  const concept = subs[0].word === 'count' ? 'count' : 'turnover';
  for (let i = s - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.t === 'M' && !t.sub && t.word === concept && t.unit) {
      const out = tokens.slice();
      out[i] = { ...t, unit: null };
      return { tokens: out, unit: t.unit };
    }
  }
  return null;
}

/** The leaf columns of a rotated header for rows of `cells` cells, or null when not understood. */
export function verticalColumns(headerText: string, cells: number, title: string): Column[] | null {
  const tokens = tokenizeHeader(headerText);
  const amountUnit = /单位[:：]\s*(万元|亿元)/.exec(title)?.[1] ?? (/万元/.test(title) ? '万元' : '亿元');
  const flat = buildColumns(tokens, cells, amountUnit);
  if (flat && flat.length === cells) return flat;
  const nested = nestLowerRow(tokens);
  const cols = nested ? buildColumns(nested.tokens, cells, nested.unit) : null;
  return cols && cols.length === cells ? cols : null;
}

/**
 * Reads the rows of a table body: a row starts at the first glyph after digits; digit
 * fragments join into a cell until a fragment with a trailing space or a line of spaces; a
 * U+3000 line (or a null marker) is an empty cell.
 */
function readRows(pieces: Piece[]): RawRow[] {
  const rows: RawRow[] = [];
  let row: RawRow | null = null;
  let open: Frag[] | null = null;
  const close = () => {
    if (open && row) row.cells.push({ kind: 'num', frags: open });
    open = null;
  };
  for (const p of pieces) {
    if (p.kind === 'glyph') {
      if (!row || row.cells.length || open) {
        close();
        row = { label: '', line: p.line, cells: [] };
        rows.push(row);
      }
      row.label += p.text;
    } else if (p.kind === 'digits') {
      (open ??= []).push({ text: p.text, line: p.line });
      if (p.closes) close();
    } else {
      close();
      if (p.kind === 'null') row?.cells.push({ kind: 'null', line: p.line });
    }
  }
  close();
  return rows;
}

/** The most common number of cells per row (ties: the larger). */
function commonCellCount(rows: RawRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [c, k] of counts) if (k > n || (k === n && c > best)) [best, n] = [c, k];
  return best;
}

/** A cell's value from its fragments, or null when they do not form a number. */
function valueOf(frags: Frag[]): Value | null {
  const text = frags.map((f) => f.text).join('');
  if (/^-?0\d/.test(text)) return null;
  const n = parseNumberToken(text);
  return n ? { value: n.value, decimals: n.decimals, frags } : null;
}

/** The cells of a row whose cell count is the table's, or null when any does not parse. */
function plainCells(row: RawRow): (Value | null)[] | null {
  const out: (Value | null)[] = [];
  for (const c of row.cells) {
    if (c.kind === 'null') out.push(null);
    else {
      const v = valueOf(c.frags);
      if (!v) return null;
      out.push(v);
    }
  }
  return out;
}

/** Row labels that state sums: a group's subtotal, the grand total, either. */
const SUBTOTAL = /^小计$/;
const GRAND_TOTAL = /^(合计|总计)$/;
const ANY_TOTAL = /^(小计|合计|总计)$/;

/**
 * The sums a table states by its row labels: a 小计 is the sum of the rows since the previous
 * total (or, printed first, of the rows up to the next total); a 合计/总计 is the sum of the
 * 小计s of its span, or else of all its rows (its span: the rows before it back to the previous
 * 合计, or, printed first, the rows after it).
 */
export function statedSums(labels: string[]): Sum[] {
  const sums: Sum[] = [];
  const span = (i: number, stop: RegExp, dir: -1 | 1) => {
    const out: number[] = [];
    for (let k = i + dir; k >= 0 && k < labels.length && !stop.test(labels[k]); k += dir) out.push(k);
    return out;
  };
  labels.forEach((l, i) => {
    if (SUBTOTAL.test(l)) {
      const before = span(i, ANY_TOTAL, -1);
      const parts = before.length ? before : span(i, ANY_TOTAL, 1);
      if (parts.length) sums.push({ total: i, parts: parts.sort((x, y) => x - y) });
    } else if (GRAND_TOTAL.test(l)) {
      const before = span(i, GRAND_TOTAL, -1);
      const rows = before.length ? before : span(i, GRAND_TOTAL, 1);
      const subs = rows.filter((k) => SUBTOTAL.test(labels[k]));
      const parts = subs.length ? subs : rows.filter((k) => !ANY_TOTAL.test(labels[k]));
      if (parts.length) sums.push({ total: i, parts: parts.sort((x, y) => x - y) });
    }
  });
  return sums;
}

/** Whether a column's cells add up (counts and amounts; not shares, growth, ranks or averages). */
function additive(col: Column): boolean {
  if (!col.measure || /pct|rank|avg/.test(col.measure)) return false;
  return col.shape === 'count' || col.shape === 'amount';
}

/** Half a unit of the last printed digit of values with `decimals` fraction digits. */
function halfUnit(decimals: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-decimals - 1));
}

/**
 * The interval the sums allow for row `r` in column `j`, given the decoded rows (`cells[k]` is
 * null while row k is undecoded); null when no sum bounds it.
 */
function allowed(r: number, j: number, sums: Sum[], cells: ((Value | null)[] | null)[], col: Column): Interval | null {
  if (!additive(col)) return null;
  let out: Interval | null = null;
  for (const s of sums) {
    if (s.total !== r && !s.parts.includes(r)) continue;
    const others = s.total === r ? s.parts : [s.total, ...s.parts.filter((p) => p !== r)];
    if (others.some((k) => !cells[k])) continue;
    const vals = others.map((k) => cells[k]![j]);
    const amount = (k: number) => new Decimal(cells[k]![j]?.value ?? 0);
    const partSum = s.parts.filter((p) => p !== r).reduce((acc, k) => acc.plus(amount(k)), new Decimal(0));
    const centre = s.total === r ? partSum : amount(s.total).minus(partSum);
    const d = Math.max(0, ...vals.map((v) => v?.decimals ?? 0));
    const half = col.shape === 'count' ? new Decimal(0) : halfUnit(d).times(others.length + 1);
    const iv = { lo: centre.minus(half), hi: centre.plus(half) };
    out = out ? { lo: Decimal.max(out.lo, iv.lo), hi: Decimal.min(out.hi, iv.hi) } : iv;
  }
  return out;
}

/**
 * Every way (at most `limit`) to cut a row's cells into `n` cells at fragment boundaries, each
 * cell within the interval its column allows. Cells already ended by the print stay ended; a
 * cell cut out of a printed one must lie in a column some sum bounds (no cut is ever a guess).
 */
function splitsOf(cells: RawCell[], n: number, bounds: (Interval | null)[], limit = 2): (Value | null)[][] {
  const found: (Value | null)[][] = [];
  const fits = (j: number, v: Value | null) => {
    const b = bounds[j];
    if (!b) return true;
    const x = new Decimal(v?.value ?? 0);
    return x.gte(b.lo) && x.lte(b.hi);
  };
  // Cells still to make from item i on (fragment f of it): at least one per item, at most one
  // per fragment or empty cell.
  const rest = (i: number, f: number) => {
    let max = 0;
    for (let k = i; k < cells.length; k++) {
      const c = cells[k];
      max += c.kind === 'null' ? 1 : c.frags.length - (k === i ? f : 0);
    }
    return { min: cells.length - i, max };
  };
  const walk = (i: number, f: number, j: number, acc: (Value | null)[]) => {
    if (found.length >= limit) return;
    if (j === n || i === cells.length) {
      if (j === n && i === cells.length) found.push(acc.slice());
      return;
    }
    const { min, max } = rest(i, f);
    if (n - j < min || n - j > max) return;
    const c = cells[i];
    if (c.kind === 'null') {
      if (fits(j, null)) walk(i + 1, 0, j + 1, [...acc, null]);
      return;
    }
    for (let e = f + 1; e <= c.frags.length; e++) {
      const v = valueOf(c.frags.slice(f, e));
      const cut = f > 0 || e < c.frags.length;
      if (!v || !fits(j, v) || (cut && !bounds[j])) continue;
      if (e === c.frags.length) walk(i + 1, 0, j + 1, [...acc, v]);
      else walk(i, e, j + 1, [...acc, v]);
    }
  };
  walk(0, 0, 0, []);
  return found;
}

/**
 * Decodes every row: rows with the table's cell count as printed, the others by the sums
 * (repeated while a row decoded by them lets another one be decoded). Rows left undecoded come
 * back as null, each with the reason.
 */
function decodeRows(rows: RawRow[], columns: Column[]): { cells: ((Value | null)[] | null)[]; reasons: Map<number, string> } {
  const n = columns.length;
  const cells = rows.map((r) => (r.cells.length === n ? plainCells(r) : null));
  const reasons = new Map<number, string>();
  const sums = statedSums(rows.map((r) => normaliseLabel(r.label)));
  for (let progress = true; progress; ) {
    progress = false;
    rows.forEach((r, i) => {
      if (cells[i] || r.cells.length >= n) return;
      const bounds = columns.map((col, j) => allowed(i, j, sums, cells, col));
      const splits = splitsOf(r.cells, n, bounds);
      if (splits.length === 1) {
        cells[i] = splits[0];
        reasons.delete(i);
        progress = true;
      } else reasons.set(i, splitFailure(splits.length, bounds, sums.some((x) => x.total === i || x.parts.includes(i))));
    });
  }
  rows.forEach((r, i) => {
    if (cells[i] || reasons.has(i)) return;
    reasons.set(i, r.cells.length > n ? `${r.cells.length} cells for ${n} columns` : 'a cell does not form a number');
  });
  return { cells, reasons };
}

/** Why a row whose cell ends are not all printed could not be split. */
function splitFailure(splits: number, bounds: (Interval | null)[], inSum: boolean): string {
  if (splits > 1) return 'its cell ends are not all printed and more than one split agrees with the table\'s sums';
  if (bounds.every((b) => !b) && inSum) return 'its cell ends are not all printed and another row of its sum (小计/合计) is undecoded too';
  if (bounds.every((b) => !b)) return 'its cell ends are not all printed and no stated sum (小计/合计) bounds its cells';
  return 'its cell ends are not all printed and no split agrees with the table\'s sums';
}

/** A caption: reference, title and the line it starts on. */
interface Caption {
  ref: string;
  title: string;
  line: Line;
}

/** One run read: its caption (none for a continuation), header text and rows. */
interface ParsedRun {
  run: VerticalRun;
  caption: Caption | null;
  /** The run starts with "续表": it continues the table of the run before it. */
  cont: boolean;
  headerText: string;
  rows: RawRow[];
  firstLine: Line;
}

/** A table assembled from a run and the runs continuing it. */
interface VerticalTable {
  caption: Caption;
  headerText: string;
  rows: RawRow[];
  first: number;
  last: number;
}

/**
 * Reads one run: caption (at its head, or a caption line next to it), "续表" marker, header
 * and rows. Returns an error when the run has no header or no values (`captioned`: the run
 * itself starts with a caption or "续表", so it is a table that failed, not some other text).
 */
function parseRun(lines: Line[], run: VerticalRun): ParsedRun | { error: string; captioned: boolean } {
  const pieces = readPieces(lines, run);
  const cont = /^续表?$/.test(pieces[0].text) || /^续表/.test(joinPieces(groupsOf(pieces)[0]));
  const head = readCaption(pieces);
  let caption: Caption | null = head;
  const next = head?.next ?? (cont ? pieces.findIndex((p) => /表/.test(p.text)) + 1 : 0);
  if (!caption && !cont) {
    const c = adjacentCaption(lines, run);
    if (c?.ref) caption = { ref: c.ref, title: c.title ?? '', line: c };
  }
  const body = pieces.slice(next);
  const firstDigit = body.findIndex((p) => p.kind === 'digits');
  const groups = groupsOf(body.slice(0, firstDigit < 0 ? body.length : firstDigit));
  const k = headerGroupCount(groups.map(joinPieces));
  if (firstDigit < 0 || !k) return { error: 'no header or no values found', captioned: !!head || cont };
  const headerText = groups.slice(0, k).map(joinPieces).join('');
  const rows = readRows(body.slice(groups.slice(0, k).flat().length));
  return { run, caption, cont, headerText, rows, firstLine: pieces[0].line };
}

/**
 * Assembles tables from parsed runs: a run that starts with "续表", or that has no caption but
 * repeats the header of the table before it, continues that table.
 */
function assemble(parsed: ParsedRun[], report: (line: Line, message: string) => void): VerticalTable[] {
  const tables: VerticalTable[] = [];
  for (const p of parsed) {
    const prev = tables[tables.length - 1];
    const continues = prev && (p.cont || (!p.caption && key(p.headerText) === key(prev.headerText)));
    if (continues) {
      prev.rows.push(...p.rows);
      prev.last = p.run.last;
    } else if (p.caption) {
      tables.push({ caption: p.caption, headerText: p.headerText, rows: p.rows.slice(), first: p.run.first, last: p.run.last });
    } else report(p.firstLine, 'rotated table (one glyph per line) without a caption');
  }
  return tables;
}

/** Text without spaces, for comparing headers. */
function key(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Decodes one assembled table into observations, its table record and findings. */
function decodeTable(lines: Line[], t: VerticalTable, ctx: TableContext, out: VerticalResult): void {
  const { ref, title, line } = t.caption;
  const finding = (l: Line, kind: Finding['kind'], message: string) =>
    out.findings.push({ sourceId: ctx.sourceId, kind, tableRef: ref, line: l.src.line, page: l.src.page, message, raw: l.src.text });
  const n = commonCellCount(t.rows);
  const columns = verticalColumns(t.headerText, n, title);
  if (!columns) {
    finding(line, 'unparsed_table', `header of rotated table ${ref} not understood for rows of ${n} cells: "${t.headerText}"`);
    return;
  }
  const { cells, reasons } = decodeRows(t.rows, columns);
  for (const [i, why] of reasons) finding(t.rows[i].line, 'unplaced_row', `row "${normaliseLabel(t.rows[i].label)}" of rotated table ${ref} not decoded: ${why}`);
  const obs = emitRows(t.rows, cells, columns, { ctx, ref, title });
  out.observations.push(...obs);
  out.tables.push({
    sourceId: ctx.sourceId, tableRef: ref, tableTitle: title, tableKind: tableKind(title),
    titleLine: line.src.line, firstLine: lines[t.first].src.line, lastLine: lines[t.last].src.line,
    columns: columns.map((c) => [c.year ?? '', c.group, c.measure ?? '(row label)', c.unit ?? ''].join('|')),
    observationCount: obs.length,
    reading: { caption: 'found', score: null, evidence: [] },
  });
}

/** The observations of the decoded rows (empty cells yield none). */
function emitRows(rows: RawRow[], cells: ((Value | null)[] | null)[], columns: Column[], t: { ctx: TableContext; ref: string; title: string }): Observation[] {
  const year = titleYear(t.title, t.ctx.edition);
  const out: Observation[] = [];
  rows.forEach((r, i) => {
    const label = normaliseLabel(r.label);
    cells[i]?.forEach((v, j) => {
      const col = columns[j];
      const dataYear = col.year ?? year;
      if (!v || !col.measure || !col.unit || !dataYear) return;
      const unit = col.unit;
      const first = v.frags[0].line;
      out.push({
        sourceId: t.ctx.sourceId, sourceName: t.ctx.sourceName, edition: t.ctx.edition,
        tableRef: t.ref, tableTitle: t.title, tableKind: tableKind(t.title), dataYear,
        rowLabel: label, parentLabel: '', columnGroup: col.group, dimensions: {},
        measure: col.measure, value: v.value, decimals: v.decimals, unit, unitMult: unitMultiplier(unit),
        obsStatus: '', footnotes: '', page: first.src.page, line: first.src.line, raw: v.frags.map((f) => f.text).join(' '),
      });
    });
  });
  return out;
}

/**
 * Finds and decodes every table printed sideways in a classified document. `used` holds the
 * indices of the lines the runs (and a caption line next to one) took, for the caller to keep
 * them from the other table finders. A run of short lines with neither caption nor header
 * (chart axis labels, say) is left alone, without a finding.
 */
export function verticalTables(lines: Line[], ctx: TableContext): VerticalResult {
  const out: VerticalResult = { observations: [], tables: [], findings: [], used: new Set() };
  const report = (l: Line, message: string) =>
    out.findings.push({ sourceId: ctx.sourceId, kind: 'unparsed_table', tableRef: null, line: l.src.line, page: l.src.page, message, raw: l.src.text });
  const parsed: ParsedRun[] = [];
  for (const run of findVerticalRuns(lines)) {
    const p = parseRun(lines, run);
    if ('error' in p) {
      if (p.captioned) report(lines[run.first], `rotated table: ${p.error}`);
      continue;
    }
    for (let i = run.first; i <= run.last; i++) out.used.add(lines[i].idx);
    if (p.caption) out.used.add(p.caption.line.idx);
    parsed.push(p);
  }
  for (const t of assemble(parsed, report)) decodeTable(lines, t, ctx, out);
  return out;
}
