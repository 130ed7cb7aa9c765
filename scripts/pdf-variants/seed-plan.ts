/**
 * What a ruled-cell PDF of a seed prints, decided from the seed text and its golden set, before
 * any typesetting: which seed lines are prose (one printed line each), which are the header and
 * the body rows of a table, and which tokens of a body line are its cells. render-ruled.ts turns
 * the plan into pages; compare-ruled.ts uses the same plan to know what each row should read as.
 *
 * How a table is found: every golden row (fixtures/golden/<seed>/golden.csv) names the seed line
 * its value is printed on (source_line) and its table (table_ref). The lines of one table_ref
 * (tables "表…"/"附表…"; figures and prose figures stay prose) are its body rows; the non-blank
 * lines between them are wrapped label lines (joined to the row whose golden row_label they
 * complete), section heads (a label-only line naming the parent_label or column_group of rows
 * after it: "事业法人", "专 利"), rows of null markers only ("西 藏 / / /"), or a break: a
 * repeated header, "续表" or page furniture, where the seed itself turned a page. The header is
 * the run of short lines just above the first row, up to the caption.
 *
 * How a body line splits into cells: its tokens (ASCII-space separated; U+3000 is a token of its
 * own, the seed's mark for an empty cell) are partitioned so that every golden value of the line
 * is one cell ("55 644" is one cell when the golden value is 55644), null markers ("—", "/", "－",
 * U+3000) are cells, and the remaining tokens form text cells (the label). Each value cell gets a
 * column from its golden row (year, measure, column group: whatever varies along the row), so
 * rows with fewer cells (a city row without ranks) leave the right columns empty.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** One golden record as read from golden.csv (column name → text). */
export type GoldenRow = Record<string, string>;

/** A body cell: its printed text ('' for an empty cell) and, for a value, its golden row. */
export interface PlannedCell {
  /** The text printed in the cell, exactly as in the seed ("28 251.5", "－0.22", "—"); '' when empty. */
  text: string;
  kind: 'label' | 'text' | 'value' | 'null' | 'number';
  /** The golden record of a value cell. */
  golden?: GoldenRow;
}

/** One printed row of a ruled table: a cell (or null for an empty cell) per column. */
export interface PlannedRow {
  kind: 'body' | 'section';
  /** The seed lines the row was typeset from: wrapped label lines first, then the row's own line. */
  lines: number[];
  /** One entry per table column; null = an empty cell. */
  cells: (PlannedCell | null)[];
}

/** A run of rows printed under one header; a segment after the first starts on a new page. */
export interface PlannedSegment {
  /** Seed lines printed before the header, as prose ("续表", page furniture of the seed). */
  before: { line: number; text: string }[];
  /** Header lines of the segment (seed line numbers and texts); empty = repeat the table's first header. */
  header: { line: number; text: string }[];
  rows: PlannedRow[];
}

/** One ruled table of the plan. */
export interface PlannedTable {
  kind: 'table';
  ref: string;
  /** Number of columns (label column included). */
  columns: number;
  segments: PlannedSegment[];
}

/** One prose line (caption, paragraph line, figure label, page furniture of the seed). */
export interface PlannedProse {
  kind: 'prose';
  line: number;
  text: string;
}

/** A block of the plan, in printing order. */
export type PlannedBlock = PlannedProse | PlannedTable;

/** The whole plan of one seed (or of a line range of it). */
export interface SeedPlan {
  seed: string;
  blocks: PlannedBlock[];
  /** What the planner could not place exactly (for the maker's log). */
  warnings: string[];
}

/** Options of `planSeed`. */
export interface PlanOptions {
  /** Only seed lines in [from, to] (1-based, inclusive) are printed. */
  range?: [number, number];
  /**
   * Tables that are printed as their lines rather than as ruled cells, by table_ref: the seed's
   * own layout of them is not a ruled table (the rotated 表5-1 of the 2018 seed is one glyph per
   * line).
   */
  asLines?: string[];
}

const NULL_MARKERS = new Set(['—', '——', '－', '/', '／', '　', '-', '…', '……', '–']);
const NUMERIC_TOKEN = /^[-－]?[\d０-９][\d０-９.,，]*[%％]?[a-z*]?$/;
const CAPTION = /^\s*(续表|附表|表|图)\s*[\d０-９]|^\s*表表/;
const FURNITURE = /续表|第.{1,3}部分|年度报告|^\s*\d{1,3}\s*$/;

/** Seed text lines, 1-based (index 0 unused). */
export function readSeedLines(seedPath: string): string[] {
  return ['', ...readFileSync(seedPath, 'utf8').split('\n')];
}

/** A seed line as printed: ASCII spaces at either end trimmed (U+3000 kept: it is an empty cell). */
export function printedText(line: string): string {
  return line.replace(/^ +| +$/g, '');
}

/** golden.csv of a seed, as records. */
export function readGolden(goldenDir: string, seedStem: string): GoldenRow[] {
  return parse(readFileSync(join(goldenDir, seedStem, 'golden.csv')), { columns: true }) as GoldenRow[];
}

/**
 * A printed number normalised as golden.csv writes values: grouping spaces removed, full-width
 * digits and minus ASCII, a trailing "%" or footnote letter dropped. "28 251.5a" → "28251.5".
 */
export function normaliseValue(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－−]/g, '-')
    .replace(/[\s　]/g, '')
    .replace(/[%％]$/, '')
    .replace(/(\d)[a-z*]$/, '$1');
}

/**
 * A label normalised as golden.csv writes row labels: spaces (ASCII and U+3000) removed, the
 * prefix "其中：" removed, circled footnote markers removed, full-width digits and letters ASCII.
 */
export function normaliseLabel(text: string): string {
  return text
    .replace(/[\s　]/g, '')
    .replace(/^其中[：:]/, '')
    .replace(/[①②③④⑤⑥⑦⑧⑨※*]/g, '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The tokens of a printed line: ASCII-space separated, each U+3000 a token of its own. */
export function tokens(text: string): string[] {
  return printedText(text)
    .split(/ +/)
    .flatMap((t) => t.split(/(　)/))
    .filter((t) => t !== '');
}

interface TokenCell {
  kind: 'text' | 'value' | 'null' | 'number';
  tokens: string[];
}

/**
 * Splits a line's tokens into cells (see the module comment), minimising a cost: a value cell
 * (1-3 tokens whose normalised text is a golden value of the line) costs 0, a null marker 0, a
 * text cell 1 plus 2 for every number and ½ for every dash or slash inside it ("全社会 R&D 经费 / 亿元"
 * is one label), a number that is no golden value 3.
 */
function splitTokens(toks: string[], values: Set<string>): TokenCell[] {
  const n = toks.length;
  const best: { cost: number; cells: TokenCell[] }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, cells: [] }));
  best[0] = { cost: 0, cells: [] };
  for (let i = 0; i < n; i++) {
    if (best[i].cost === Infinity) continue;
    const options: [number, TokenCell, number][] = [];
    if (NULL_MARKERS.has(toks[i])) options.push([i + 1, { kind: 'null', tokens: [toks[i]] }, 0]);
    for (let len = 1; len <= 3 && i + len <= n; len++) {
      const group = toks.slice(i, i + len);
      if (!group.every((t) => NUMERIC_TOKEN.test(t))) break;
      if (values.has(normaliseValue(group.join(' ')))) options.push([i + len, { kind: 'value', tokens: group }, 0]);
    }
    if (NUMERIC_TOKEN.test(toks[i])) options.push([i + 1, { kind: 'number', tokens: [toks[i]] }, 3]);
    let cost = 1;
    for (let j = i; j < n; j++) {
      if (toks[j] === '　' || values.has(normaliseValue(toks[j])) || (j === i && NULL_MARKERS.has(toks[j]))) break;
      if (NUMERIC_TOKEN.test(toks[j])) cost += 2;
      else if (NULL_MARKERS.has(toks[j])) cost += 0.5;
      options.push([j + 1, { kind: 'text', tokens: toks.slice(i, j + 1) }, cost]);
    }
    for (const [to, cell, c] of options) {
      if (best[i].cost + c < best[to].cost) best[to] = { cost: best[i].cost + c, cells: [...best[i].cells, cell] };
    }
  }
  return best[n].cells;
}

/** The golden rows of a line, by normalised value, consumed as cells claim them. */
function claimGolden(rows: GoldenRow[], cells: TokenCell[]): (GoldenRow | undefined)[] {
  const left = [...rows];
  return cells.map((c) => {
    if (c.kind !== 'value') return undefined;
    const v = normaliseValue(c.tokens.join(' '));
    const i = left.findIndex((r) => r.value === v);
    return i < 0 ? undefined : left.splice(i, 1)[0];
  });
}

const COMPONENTS = ['data_year', 'row_label', 'parent_label', 'column_group', 'measure'] as const;

/** A body line being planned: its cells (golden attached) before columns are assigned. */
interface DraftRow {
  kind: 'body' | 'section';
  lines: number[];
  cells: (PlannedCell & { key?: string })[];
}

/**
 * Assigns columns: a value cell's column is what its golden row says that varies along rows
 * (e.g. year and measure; the row label and parent are constant in a row and left out), within
 * the group of values that follow the same text cell (a row may carry two labelled halves), a text
 * cell's column is its rank among the row's text cells. Columns are ordered so that every row's
 * cells keep their printed order (a topological order of "comes before" over all rows); null
 * cells fill the empty columns between their known neighbours.
 */
function assignColumns(rows: DraftRow[], warn: (m: string) => void): { columns: number; rows: PlannedRow[] } {
  // Values after the same text cell of a row form a group ("美国 2264 123.4 1 | 德国 …" has two).
  const groupOf = (row: DraftRow) => {
    let group = 0;
    return row.cells.map((c) => (c.kind === 'label' || c.kind === 'text' ? ++group : group));
  };
  const groups: GoldenRow[][] = [];
  for (const row of rows) {
    const g = groupOf(row);
    const byGroup = new Map<number, GoldenRow[]>();
    row.cells.forEach((c, i) => c.golden && byGroup.set(g[i], [...(byGroup.get(g[i]) ?? []), c.golden]));
    for (const values of byGroup.values()) if (values.length >= 2) groups.push(values);
  }
  const rowComponents = COMPONENTS.filter((k) => groups.every((values) => new Set(values.map((v) => v[k])).size === 1));
  const columnComponents = COMPONENTS.filter((k) => !rowComponents.includes(k));
  for (const row of rows) {
    const g = groupOf(row);
    row.cells.forEach((cell, i) => {
      if (cell.golden) cell.key = `v${g[i]}:` + columnComponents.map((k) => cell.golden![k]).join('|');
      else if (cell.kind === 'label' || cell.kind === 'text') cell.key = `t:${g[i]}`;
    });
  }
  // Topological order of keys: edges between consecutive known cells of each row.
  const order = new Map<string, number>();
  const edges = new Map<string, Set<string>>();
  const indegree = new Map<string, number>();
  let seen = 0;
  for (const row of rows) {
    const keys = row.cells.map((c) => c.key).filter((k): k is string => k !== undefined);
    for (const k of keys) {
      if (!order.has(k)) {
        order.set(k, seen++);
        edges.set(k, new Set());
        indegree.set(k, 0);
      }
    }
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1] === keys[i] || edges.get(keys[i - 1])!.has(keys[i])) continue;
      edges.get(keys[i - 1])!.add(keys[i]);
      indegree.set(keys[i], indegree.get(keys[i])! + 1);
    }
  }
  const columnsOrder: string[] = [];
  const remaining = new Set(order.keys());
  while (remaining.size) {
    const ready = [...remaining].filter((k) => indegree.get(k) === 0);
    const pick = (ready.length ? ready : [...remaining]).sort((a, b) => order.get(a)! - order.get(b)!)[0];
    if (!ready.length) warn(`column order has a cycle at ${pick}`);
    remaining.delete(pick);
    columnsOrder.push(pick);
    for (const next of edges.get(pick)!) indegree.set(next, indegree.get(next)! - 1);
  }
  const maxCells = Math.max(...rows.map((r) => r.cells.length));
  if (columnsOrder.length > maxCells) {
    // The keys do not line up (blocks of rows with different measures stacked under one header,
    // years down the side): cells go left to right, as printed.
    const strip = (c: PlannedCell & { key?: string }): PlannedCell => ({ text: c.text, kind: c.kind, golden: c.golden });
    return {
      columns: maxCells,
      rows: rows.map((r) => ({ kind: r.kind, lines: r.lines, cells: Array.from({ length: maxCells }, (_, i) => (r.cells[i] ? strip(r.cells[i]) : null)) })),
    };
  }
  const index = new Map(columnsOrder.map((k, i) => [k, i]));
  let columns = columnsOrder.length;
  const planned = rows.map((row) => {
    const slots: (PlannedCell | null)[] = Array<PlannedCell | null>(columns).fill(null);
    let lastKnown = -1;
    row.cells.forEach((cell, ci) => {
      const { key, ...plain } = cell;
      if (plain.golden === undefined) delete plain.golden;
      if (key !== undefined) {
        const col = index.get(key)!;
        if (slots[col]) warn(`line ${row.lines.at(-1)}: two cells for column ${key}`);
        slots[col] = plain;
        lastKnown = col;
        return;
      }
      // A null or unmatched number: the next free column before the next known cell's column.
      const nextKey = row.cells.slice(ci + 1).find((c) => c.key !== undefined)?.key;
      const limit = nextKey !== undefined ? index.get(nextKey)! : columns;
      let col = lastKnown + 1;
      while (col < limit && slots[col]) col++;
      if (col >= limit) {
        warn(`line ${row.lines.at(-1)}: no free column for "${cell.text}" (dropped)`);
        return;
      }
      slots[col] = plain;
      lastKnown = col;
    });
    return { kind: row.kind, lines: row.lines, cells: slots };
  });
  // Columns no row uses: none by construction; keep the count in step with the order.
  columns = columnsOrder.length;
  return { columns, rows: planned };
}

/** Whether a line could be a header line of a table (short, not prose, not a caption). */
function headerLike(text: string): boolean {
  const t = printedText(text);
  if (t === '' || CAPTION.test(t)) return false;
  if (/[，。；]/.test(t) || /^[一二三四五六七八九十]+、/.test(t) || FURNITURE.test(t)) return false;
  if (!/[\u3400-\u9fff]/.test(t)) return false;
  return normaliseLabel(t).length <= 80;
}

/**
 * Plans a seed: every non-blank line in range, in order, as prose or as part of a ruled table.
 * `goldenRows` are the seed's golden records; tables named in `options.asLines` stay prose.
 */
export function planSeed(seed: string, lines: string[], goldenRows: GoldenRow[], options: PlanOptions = {}): SeedPlan {
  const [from, to] = options.range ?? [1, lines.length - 1];
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  const asLines = new Set(options.asLines ?? []);
  const inRange = (n: number) => n >= from && n <= to;

  // Golden rows of ruled tables, by line.
  const byLine = new Map<number, GoldenRow[]>();
  const tableLines = new Map<string, number[]>();
  for (const row of goldenRows) {
    const n = Number(row.source_line);
    if (!/^(附表|表)/.test(row.table_ref) || asLines.has(row.table_ref) || !inRange(n)) continue;
    if (!byLine.has(n)) byLine.set(n, []);
    byLine.get(n)!.push(row);
    if (!tableLines.has(row.table_ref)) tableLines.set(row.table_ref, []);
    const list = tableLines.get(row.table_ref)!;
    if (!list.includes(n)) list.push(n);
  }
  for (const [n, rows] of byLine) {
    const refs = new Set(rows.map((r) => r.table_ref));
    if (refs.size > 1) warn(`line ${n} holds values of ${[...refs].join(', ')}: planned with ${rows[0].table_ref}`);
  }

  const claimed = new Map<number, PlannedTable>(); // line → the table printing it
  const tables: { table: PlannedTable; first: number; last: number }[] = [];
  const spans = [...tableLines].map(([ref, ns]) => ({ ref, lo: Math.min(...ns), hi: Math.max(...ns) })).sort((a, b) => a.lo - b.lo);
  spans.forEach((span, si) => {
    const next = spans[si + 1];
    if (next && next.lo <= span.hi) warn(`${span.ref} (${span.lo}-${span.hi}) overlaps ${next.ref} (${next.lo}-${next.hi})`);
    const table: PlannedTable = { kind: 'table', ref: span.ref, columns: 0, segments: [] };
    const isBody = (n: number) => (byLine.get(n) ?? []).some((r) => r.table_ref === span.ref);
    // Body rows with their cells.
    const drafts = new Map<number, DraftRow>();
    for (let n = span.lo; n <= span.hi; n++) {
      if (!isBody(n)) continue;
      const golden = byLine.get(n)!;
      const cells = splitTokens(tokens(lines[n]), new Set(golden.map((g) => g.value)));
      const claimedGolden = claimGolden(golden, cells);
      const unmatched = golden.length - claimedGolden.filter(Boolean).length;
      if (unmatched) warn(`line ${n}: ${unmatched} golden value(s) not found as cells`);
      drafts.set(n, {
        kind: 'body',
        lines: [n],
        cells: cells.map((c, i) => ({
          text: c.kind === 'null' && c.tokens[0] === '　' ? '' : c.tokens.join(' '),
          kind: c.kind === 'text' && i === 0 ? 'label' : c.kind,
          golden: claimedGolden[i],
        })),
      });
    }
    // Wrapped labels: earlier lines that complete a row's golden row_label.
    const used = new Set<number>(drafts.keys());
    for (const [n, draft] of drafts) {
      const target = normaliseLabel(draft.cells.find((c) => c.golden)?.golden?.row_label ?? '');
      const labelCell = draft.cells[0]?.kind === 'label' ? draft.cells[0] : undefined;
      let have = normaliseLabel(labelCell?.text ?? '');
      if (!target || have === target || !target.endsWith(have)) continue;
      const taken: number[] = [];
      for (let m = n - 1; m >= span.lo - 8 && m >= from; m--) {
        const t = printedText(lines[m]);
        if (t === '') continue;
        if (used.has(m) || CAPTION.test(t)) break;
        const joined = normaliseLabel(t) + have;
        if (!target.endsWith(joined)) break;
        taken.unshift(m);
        have = joined;
        if (have === target) break;
      }
      if (have !== target) continue;
      const text = [...taken.map((m) => printedText(lines[m])), labelCell?.text ?? ''].filter((t) => t !== '').join('');
      if (labelCell) labelCell.text = text;
      else draft.cells.unshift({ text, kind: 'label' });
      draft.lines = [...taken, n];
      for (const m of taken) used.add(m);
    }
    let firstLine = Math.min(...[...drafts.values()].map((d) => d.lines[0]));
    // The other lines of the span: section heads, null-only rows, breaks.
    const parents = new Set<string>();
    for (const d of drafts.values()) for (const c of d.cells) if (c.golden) for (const k of ['parent_label', 'column_group'] as const) if (c.golden[k]) parents.add(normaliseLabel(c.golden[k]));
    const isSection = (text: string) => !/\d/.test(text) && parents.has(normaliseLabel(text));
    type Item = { kind: 'row'; row: DraftRow } | { kind: 'break'; line: number; text: string };
    const items: Item[] = [];
    // A section head just above the first row ("合同类别" over the first section of 附表4).
    for (let m = firstLine - 1; m >= from && m >= firstLine - 3; m--) {
      const text = printedText(lines[m]);
      if (text === '') continue;
      if (!isSection(text) || used.has(m)) break;
      items.unshift({ kind: 'row', row: { kind: 'section', lines: [m], cells: [{ text, kind: 'label' }] } });
      used.add(m);
      firstLine = m;
    }
    for (let n = firstLine; n <= span.hi; n++) {
      const text = printedText(lines[n]);
      if (drafts.has(n)) {
        items.push({ kind: 'row', row: drafts.get(n)! });
        continue;
      }
      if (used.has(n) || text === '') continue;
      const cells = splitTokens(tokens(text), new Set());
      const nullsOnly = cells.length >= 2 && cells[0].kind === 'text' && cells.slice(1).every((c) => c.kind === 'null');
      if (nullsOnly) {
        const row: DraftRow = {
          kind: 'body',
          lines: [n],
          cells: cells.map((c, i) => ({ text: c.tokens[0] === '　' ? '' : c.tokens.join(' '), kind: i === 0 ? 'label' : 'null' })),
        };
        items.push({ kind: 'row', row });
      } else if (isSection(text)) {
        items.push({ kind: 'row', row: { kind: 'section', lines: [n], cells: [{ text, kind: 'label' }] } });
      } else items.push({ kind: 'break', line: n, text });
      used.add(n);
    }
    const rowsOnly = items.filter((i): i is Extract<Item, { kind: 'row' }> => i.kind === 'row').map((i) => i.row);
    const assigned = assignColumns(rowsOnly, (m) => warn(`${span.ref}: ${m}`));
    table.columns = assigned.columns;
    const plannedOf = new Map(rowsOnly.map((r, i) => [r, assigned.rows[i]]));
    // Header of the first segment: short lines just above the first row, up to the caption.
    const header: { line: number; text: string }[] = [];
    let nonBlank = 0;
    for (let m = firstLine - 1; m >= from && nonBlank < 12; m--) {
      const text = printedText(lines[m]);
      if (text === '') continue;
      if (claimed.has(m) || byLine.has(m) || !headerLike(text)) break;
      header.unshift({ line: m, text });
      nonBlank++;
    }
    for (const h of header) used.add(h.line);
    let segment: PlannedSegment = { before: [], header, rows: [] };
    table.segments.push(segment);
    for (const item of items) {
      if (item.kind === 'row') {
        segment.rows.push(plannedOf.get(item.row)!);
        continue;
      }
      if (segment.rows.length) {
        segment = { before: [], header: [], rows: [] };
        table.segments.push(segment);
      }
      if (FURNITURE.test(item.text) && !segment.header.length) segment.before.push(item);
      else segment.header.push(item);
    }
    const all = [...used];
    for (const n of all) claimed.set(n, table);
    tables.push({ table, first: Math.min(...all), last: Math.max(...all) });
  });

  // Blocks in printing order: a table where its first line is, prose for unclaimed lines.
  const blocks: PlannedBlock[] = [];
  const placed = new Set<PlannedTable>();
  for (let n = from; n <= to; n++) {
    const table = claimed.get(n);
    if (table) {
      if (!placed.has(table)) {
        blocks.push(table);
        placed.add(table);
      }
      continue;
    }
    const text = printedText(lines[n]);
    if (text !== '') blocks.push({ kind: 'prose', line: n, text });
  }
  for (const t of tables) {
    for (let n = t.first; n <= t.last; n++) {
      if (printedText(lines[n]) !== '' && claimed.get(n) !== t.table) warn(`${t.table.ref}: line ${n} inside the table is printed after it`);
    }
  }
  return { seed, blocks, warnings };
}
