/**
 * Table parsing: one block (caption, header, body) becomes observations. Columns come from the
 * header (header.ts, or geometry.ts when the source knows where each cell stands); rows are
 * split against them (cells.ts); the row hierarchy follows the reports' layouts (hierarchy.ts).
 * A label printed alone on a line is either the first half of a label split over lines (it ends
 * with a connector such as "/" or "、", it is as long as a name, or a values-only line follows)
 * or a section head. Tables whose years run down the side go to transposed.ts, ranked lists of
 * names to ranked.ts.
 */
import { Decimal } from 'decimal.js';
import type { Evidence, Finding, LineCell, Observation } from '../../model.ts';
import { cellCountRange, columnStats, learnColumnStats, placeCells, placeWithDoubt, type ColumnStats, type PlacedCell } from './cells.ts';
import { columnAnchors, geometricColumns, placeByGeometry, type GeometricColumns } from './geometry.ts';
import { buildColumns, tokenizeHeader, type Column } from './header.ts';
import { kindFromRows, tableKind } from './kinds.ts';
import { spoiltNumbersOnly, type Line } from '../layout/lines.ts';
import { measureFromLabel, unitMultiplier } from './measures.ts';
import { quotingSentence } from './quoting-prose.ts';
import type { Paragraph } from '../layout/paragraphs.ts';
import { RowHierarchy, TOTAL } from './hierarchy.ts';
import { rankedObservations } from './ranked.ts';
import type { Block } from '../block.ts';
import { hasYearRows, parseYearRows } from './transposed.ts';
import { normaliseLabel } from '../normalize/text.ts';
import type { MalformedCell } from '../normalize/numbers.ts';
import { DIMENSION_HEAD, isKnownLabel, isLabelHead, isLabelTail } from './wrapped-labels.ts';
import { titleYear } from '../normalize/years.ts';
import type { TableContext } from '../context.ts';

/** Observations and findings of one table. */
export interface ParsedTable {
  ref: string;
  title: string;
  kind: string;
  columns: Column[];
  observations: Observation[];
  findings: Finding[];
  /** Whether cells went unread because nothing named their measure (no caption, header or label did). */
  measureMissing: boolean;
  /** How the reading was helped, beyond the caption's evidence (the sentence quoting the table). */
  evidence: Evidence[];
}

/** How many years, flows and measures a line of text names (a header line names two or more). */
function headerWords(text: string): number {
  return tokenizeHeader(text).filter((t) => t.t !== 'O').length;
}

/**
 * A word of digits with no CJK character ("280", "235.7", "#-2.17"): two in a label mean cells
 * were taken for the label ("贵 州 5.39 #-2.17").
 */
const NUMBER_IN_LABEL = /(?<=^|\s)[^\s\u3000\u4e00-\u9fff]*\d[^\s\u3000\u4e00-\u9fff]*(?=\s|$)/g;

/**
 * Parses one block (a provisional one too: it is read like any other, with no title to help).
 * A block without a caption whose measure nothing names is read again with the words of the
 * sentence quoting its figures (quoting-prose.ts; `prose`: the document's paragraphs) standing
 * in for the caption's, when that reads more cells.
 */
export function parseTable(block: Block, ctx: TableContext, prose: readonly Paragraph[] = []): ParsedTable {
  const read = readBlock(block, ctx, '');
  if (!read.measureMissing || block.title) return read;
  const quote = quotingSentence(block, prose);
  if (!quote) return read;
  const again = readBlock(block, ctx, quote.subject);
  if (again.observations.length <= read.observations.length) return read;
  again.evidence.push({ kind: 'measure', weight: 0, detail: `measure read from the sentence quoting ${quote.quotes} of its figures (line ${quote.line}): "${quote.subject}"` });
  return again;
}

/** Reads one block; `subject` (words naming what the table counts) stands in for a missing caption's when measures are read. */
function readBlock(block: Block, ctx: TableContext, subject: string): ParsedTable {
  const ref = block.ref;
  const title = block.title;
  const measureText = title || subject;
  // Without a title: a ranked list of names lists top entities; other tables are known by their rows.
  const untitled = block.layout === 'ranked' ? 'top_entities' : kindFromRows(block.body.filter((l) => l.kind === 'row' || l.kind === 'label').map((l) => normaliseLabel(l.label)));
  const kind = title ? tableKind(title) : untitled;
  // Label lines closing the header that add nothing to what the header names are the first
  // section head ("合同类别", "国家科技计划"), printed between the header and the first row.
  const named = (n: number) => tokenizeHeader(block.header.slice(0, n).map((l) => l.text).join(' ')).filter((t) => t.t !== 'O').length;
  let headerEnd = block.header.length;
  const unitOnly = (l: Line) => /^[（(/]\s*[^\s）)]{1,3}\s*[）)]?$/.test(l.text.trim());
  while (headerEnd > 1 && named(headerEnd - 1) === named(headerEnd) && !unitOnly(block.header[headerEnd - 1])) headerEnd--;
  const headerLines = block.header.slice(0, headerEnd);
  const headerText = headerLines.map((l) => l.text).join(' ');
  const amountUnit = /单位[:：]\s*(万元|亿元)/.exec(headerText + title)?.[1] ?? (/万元/.test(title) ? '万元' : '亿元');
  const tableYear = titleYear(title, ctx.edition);
  const rows = block.body.filter((l) => l.kind === 'row' || l.kind === 'values');
  const cells = estimateCells(rows);
  // Header geometry that names fewer columns than the rows have cells (a header printed a cell
  // per line, away from its columns) is read as text instead.
  const read = readGeometry(headerLines, rows, amountUnit);
  const geo = read && read.columns.length >= cells ? read : null;
  const columns = geo?.columns ?? buildColumns(tokenizeHeader(headerText), cells, amountUnit) ?? [];
  const out: ParsedTable = { ref, title, kind, columns, observations: [], findings: [], measureMissing: false, evidence: [] };
  const finding = (l: Line, kind: Finding['kind'], message: string) =>
    out.findings.push({ sourceId: ctx.sourceId, kind, tableRef: block.ref, line: l.src.line, page: l.src.page, message, raw: l.src.text });
  if (hasYearRows(rows)) {
    const base = { sourceId: ctx.sourceId, sourceName: ctx.sourceName, edition: ctx.edition, tableRef: ref, tableTitle: title, tableKind: kind, parentLabel: '', dimensions: {}, obsStatus: '' };
    // The header may end with the first section's measure label ("合同项数" / "(项)").
    const k = [1, 2, 3].find((n) => n < block.header.length && measureFromLabel(block.header.slice(-n).map((l) => l.text).join(''), '')) ?? 0;
    const body = [...block.header.slice(block.header.length - k), ...block.body].filter((l) => l.kind === 'row' || l.kind === 'values' || l.kind === 'label');
    const malformed = (l: Line, cell: MalformedCell, column: string) => finding(l, 'malformed_number', malformedMessage(cell, ref, 'year row', column));
    const obs = parseYearRows(body, block.header.slice(0, block.header.length - k), measureText, base, malformed);
    out.measureMissing = obs === 'no measure';
    if (Array.isArray(obs)) out.observations = obs;
    else if (out.measureMissing) for (const l of rows) finding(l, 'unplaced_cell', `${ref} runs its years down the side, but nothing names what its rows count`);
    else for (const l of rows) finding(l, 'unparsed_table', `${ref} runs its years down the side, but its header or rows do not fit: "${headerText.trim()}"`);
    return out;
  }
  if (!columns.length || columns.length < cells) {
    for (const l of rows) finding(l, 'unparsed_table', `header of ${ref} not understood (${columns.length} columns for rows of ${cells} cells): "${headerText.trim()}"`);
    return out;
  }
  const stats = learnStats(rows, columns);
  // Columns that are only years (the measure is the row's: 表1-1, 附表1): a row's cells are alike, its columns' are not.
  const rowMeasures = columns.every((c) => !c.measure);
  const anchors = geo ? columnAnchors(rows.map(numberCells), geo.leaves) : [];
  if (block.layout === 'ranked') {
    if (tableYear) out.observations = rankedObservations(block, ctx, out, tableYear);
    return out;
  }
  const headerKeys = new Set(block.header.map((l) => key(l.text)));
  let pending: Line[] = block.header.slice(headerEnd);
  const hierarchy = new RowHierarchy();

  const emit = (l: Line, label: string, parent: string, group: string, placed: PlacedCell[], cols: Column[]) => {
    for (const { column, cell } of placed) {
      const col = cols[column];
      if (cell.kind === 'malformed') finding(l, 'malformed_number', malformedMessage(cell, ref, `row "${label}"`, columnName(col)));
      if (cell.kind !== 'number') continue;
      const fromLabel = col.measure ? null : measureFromLabel(label, measureText);
      const measure = col.measure ?? fromLabel?.measure;
      const year = col.year ?? tableYear;
      if (!measure) out.measureMissing = true;
      if (!measure || !year) {
        finding(l, 'unplaced_cell', `cell "${cell.raw}" of ${ref} row "${label}" has no measure or year`);
        continue;
      }
      const labelUnit = /\/\s*(项次|人次|家|次|项|个|人)$/.exec(label)?.[1];
      const unit = cell.percent || col.unit === '%' ? '%' : col.shape === 'rank' ? col.unit! : labelUnit ?? col.unit ?? fromLabel?.unit ?? amountUnit;
      out.observations.push({
        sourceId: ctx.sourceId, sourceName: ctx.sourceName, edition: ctx.edition,
        tableRef: ref, tableTitle: title, tableKind: kind, dataYear: year,
        rowLabel: label, parentLabel: parent, columnGroup: col.group || group, dimensions: {},
        measure, value: cell.value, decimals: cell.decimals, unit, unitMult: unitMultiplier(unit),
        obsStatus: '', footnotes: cell.footnote, page: l.src.page, line: l.src.line, raw: cell.raw,
      });
    }
  };
  /**
   * The cells of row `l`'s split that are certain; each doubtful one is a finding, not a value
   * (a spoilt number's own finding says its column is uncertain).
   */
  const sure = (l: Line, split: { placed: PlacedCell[]; doubtful: PlacedCell[] }, label: string): PlacedCell[] => {
    const spoilt = split.placed.some((p) => p.cell.kind === 'malformed');
    const why = spoilt ? 'a spoilt number in its row leaves its column uncertain' : "its spaces may group thousands or separate cells, and the table's other rows do not tell which";
    for (const { cell } of split.doubtful) {
      if (cell.kind === 'malformed') finding(l, 'malformed_number', malformedMessage(cell, ref, `row "${label}"`, null));
      else finding(l, 'unplaced_cell', `cell "${cell.raw}" of ${ref} row "${label}": ${why}`);
    }
    const doubtful = new Set(split.doubtful);
    return split.placed.filter((p) => !doubtful.has(p));
  };
  const listStats = sideBySideStats(rows, columns);

  const heads = sectionHeads([...pending, ...block.body]);
  const tails = labelTails(block.body, heads);
  const tailLines = new Set([...tails.values()].map((t) => t.line));
  for (const l of block.body) {
    if (l.kind === 'cont' || l.kind === 'blank' || tailLines.has(l.idx)) continue;
    if (l.kind === 'label' && spoiltNumbersOnly(l.text)) {
      // Numbers with a spoilt one ("#37"): cells whose row cannot be told; no part of a label.
      finding(l, 'malformed_number', `a line of ${ref} holds numbers, one spoilt ("${l.text.trim()}"): left out`);
      pending = [];
      continue;
    }
    if (l.kind === 'label') {
      // A header printed again (a page break), however its cells are laid out, is no label.
      if (headerKeys.has(key(l.text)) || headerWords(l.text) >= 2) pending = [];
      else pending.push(l);
      continue;
    }
    if (l.kind !== 'row' && l.kind !== 'values') continue;
    if (l.kind === 'values' && !pending.length) {
      finding(l, 'unplaced_row', `values without a label in ${ref}`);
      continue;
    }
    const { rawLabel, section } = rowLabel(pending, l.kind === 'row' ? l.label + (tails.get(l.idx)?.text ?? '') : null, heads);
    pending = [];
    if (section && normaliseLabel(section.label) !== hierarchy.sectionLabel && (heads.has(section.idx) || isKnownLabel(normaliseLabel(section.label)))) {
      hierarchy.openSection(normaliseLabel(section.label));
    }
    const label = normaliseLabel(rawLabel);
    if (!label) continue;
    const segs = l.segments && columnGroups(columns).length === l.segments.length ? l.segments : null;
    if (segs) {
      const groups = columnGroups(columns);
      segs.forEach((seg, i) => {
        const cols = columns.filter((c) => c.group === groups[i]);
        const split = placeWithDoubt(seg.tokens, cols, listStats[i]);
        if (split) emit(l, normaliseLabel(seg.label), '', '', sure(l, split, seg.label), cols);
        else finding(l, 'unplaced_row', `cells of "${seg.label}" do not fit the ${cols.length} columns of ${ref}`);
      });
      continue;
    }
    if ((rawLabel.match(NUMBER_IN_LABEL) ?? []).length >= 2) {
      finding(l, 'unplaced_row', `numbers inside the label of a ${ref} row ("${rawLabel.trim()}"): its cells cannot be told from its label`);
      continue;
    }
    const split = geo && l.cells ? { placed: placeByGeometry(numberCells(l), anchors), doubtful: [] } : placeWithDoubt(l.tokens, columns, rowMeasures ? rowStats(l.tokens, columns) : stats);
    if (!split?.placed) {
      finding(l, 'unplaced_row', `${l.tokens.length} tokens do not fit the ${columns.length} columns of ${ref}`);
      continue;
    }
    const placed = sure(l, { placed: split.placed, doubtful: split.doubtful }, label);
    const { parent, group } = hierarchy.place(rawLabel, label, leadingValue(placed, columns));
    emit(l, label, parent, group, placed, columns);
  }
  const misread = misreadColumn(out.observations, columns);
  if (misread) {
    for (const l of rows) finding(l, 'unparsed_table', `header of ${ref} misread: column "${misread}" holds decimals where it expects whole numbers`);
    out.observations = [];
  }
  return out;
}

/**
 * The label of a row and the section head above it, from the label lines printed since the last
 * row (`pending`) and the row's own label (null for a values-only line, whose label is the last
 * label line): label lines that are the head of a wrapped label are joined to it (see
 * wrapped-labels.ts); the label line before them, if any, may head a section: it does when the
 * table's structure says so (sectionHeads) or a codelist knows it (专利 over 发明专利); a stray
 * label (a chart's category axis printed inside the body, a stub word) heads nothing.
 */
function rowLabel(pending: Line[], own: string | null, heads: ReadonlySet<number>): { rawLabel: string; section: Line | null } {
  const pieces = [...pending];
  let rawLabel = own ?? pieces.pop()!.label.trim();
  while (pieces.length && isLabelHead(pieces[pieces.length - 1].label, rawLabel, heads.has(pieces[pieces.length - 1].idx))) rawLabel = pieces.pop()!.label.trim() + rawLabel.trim();
  return { rawLabel, section: pieces.length ? pieces[pieces.length - 1] : null };
}

/**
 * The label lines of a body that head a section by the table's structure, by line index: a
 * dimension name (合同类别 …); a line whose first row is a total (合计 printed first, 附表9's
 * 事业法人); or a line followed by rows only, up to a total that closes the section (合计 printed
 * last, followed by the next section's head or by the table's own total, 2021 表5-2). A table's
 * grand total at the end closes no section.
 */
function sectionHeads(body: Line[]): Set<number> {
  const content = body.filter((l) => l.kind === 'label' || l.kind === 'row' || l.kind === 'values');
  const isTotal = (l: Line | undefined) => !!l && (l.kind === 'row' || l.kind === 'values') && TOTAL.test(normaliseLabel(l.label));
  const out = new Set<number>();
  content.forEach((l, k) => {
    if (l.kind !== 'label') return;
    // Total first: the section's rows follow its total (a label line before a total that ends
    // the section is the tail of the row above it).
    const rowAfterTotal = content[k + 2] && content[k + 2].kind !== 'label' && !isTotal(content[k + 2]);
    if (DIMENSION_HEAD.test(normaliseLabel(l.label)) || (isTotal(content[k + 1]) && rowAfterTotal)) return void out.add(l.idx);
    let j = k + 1;
    while (j < content.length && content[j].kind !== 'label' && !isTotal(content[j])) j++;
    const after = content[j + 1];
    if (j > k + 1 && isTotal(content[j]) && (after?.kind === 'label' || isTotal(after))) out.add(l.idx);
  });
  return out;
}

/**
 * The tails of wrapped labels in a body (see wrapped-labels.ts): for each row whose label ends
 * on the label line right under it, by the row's index, that line's text and index. A label line
 * under a row that is the label of a values-only line after it is left alone.
 */
function labelTails(body: Line[], heads: ReadonlySet<number>): Map<number, { text: string; line: number }> {
  const out = new Map<number, { text: string; line: number }>();
  const content = body.filter((l) => l.kind !== 'blank' && l.kind !== 'cont');
  content.forEach((row, k) => {
    const [tail, after, next] = [content[k + 1], content[k + 2], content[k + 3]];
    if (row.kind !== 'row' || tail?.kind !== 'label' || after?.kind === 'values' || heads.has(tail.idx)) return;
    const beforeHead = after?.kind === 'label' && next?.kind === 'row' && isLabelHead(after.label, next.label, heads.has(after.idx));
    if (!isLabelTail(row.label, tail.label, beforeHead)) return;
    out.set(row.idx, { text: tail.label.trim(), line: tail.idx });
  });
  return out;
}

/**
 * A column meant for whole numbers (counts, ranks) whose cells are mostly decimals: the header
 * was read in the wrong order. Returns the column's measure, or null when all columns agree.
 */
function misreadColumn(observations: Observation[], columns: Column[]): string | null {
  const whole = new Set(columns.filter((c) => (c.shape === 'count' || c.shape === 'rank') && c.measure).map((c) => c.measure!));
  for (const m of whole) {
    const vals = observations.filter((o) => o.measure === m);
    if (vals.length >= 3 && vals.filter((o) => o.decimals > 0).length * 4 > vals.length) return m;
  }
  return null;
}

/**
 * The columns of a table whose header and rows all carry cell geometry (PDF), or null. The
 * label edge is the right edge of the widest row label.
 */
function readGeometry(header: Line[], rows: Line[], amountUnit: string): GeometricColumns | null {
  if (!header.length || !rows.length || ![...header, ...rows].every((l) => l.cells)) return null;
  const labelEdge = Math.max(...rows.map((r) => {
    const labels = r.cells!.slice(0, r.cells!.length - r.tokens.length);
    return labels.length ? labels[labels.length - 1].xEnd : -Infinity;
  }));
  return geometricColumns(header.map((l) => l.cells!), labelEdge, amountUnit);
}

/**
 * What a `malformed_number` finding says: the cell as printed, where it stands (`column`: null
 * when the row cannot tell), and that it is left out ('cell "8l311" of 表4-2 row "北京", column
 * 输出技术 contract_count, is no number: left out').
 */
function malformedMessage(cell: MalformedCell, ref: string, row: string, column: string | null): string {
  return `cell "${cell.raw}" of ${ref} ${row}${column ? `, column ${column},` : ' (its column uncertain)'} is no number: left out`;
}

/** A column as a finding names it: "2017 输出技术 contract_count". */
function columnName(col: Column): string {
  return [col.year, col.group, col.measure].filter((x) => x).join(' ');
}

/** The number cells of a row whose line carries geometry (the cells after its label). */
function numberCells(l: Line): LineCell[] {
  return l.cells ? l.cells.slice(l.cells.length - l.tokens.length) : [];
}

/** The value a row contributes to its section's sum: its count (else its first number). */
function leadingValue(placed: PlacedCell[], columns: Column[]): Decimal | null {
  const first = placed.find((p) => p.cell.kind === 'number' && /count/.test(columns[p.column].measure ?? ''))
    ?? placed.find((p) => p.cell.kind === 'number');
  return first && first.cell.kind === 'number' ? new Decimal(first.cell.value) : null;
}

/** The distinct flow groups of the columns, in order. */
function columnGroups(columns: Column[]): string[] {
  return [...new Set(columns.map((c) => c.group).filter((g) => g))];
}

function key(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * Statistics for a row whose cells all carry its own measure (columns that are only years): what
 * its best split's cells look like, for every column ("109 655 120 333 135 823 …" under 2001…2005
 * is five six-digit GDP figures, not "109 | 655 120 333 | …").
 */
function rowStats(tokens: string[], columns: Column[]): ColumnStats[] | undefined {
  const first = placeCells(tokens, columns);
  if (!first) return undefined;
  const [own] = columnStats([first.map((p) => ({ ...p, column: 0 }))], 1);
  return columns.map(() => own);
}

/** Column statistics learnt from the table's rows (see learnColumnStats); rows of side-by-side lists aside. */
function learnStats(rows: Line[], columns: Column[]): ColumnStats[] {
  return learnColumnStats(rows.filter((r) => !r.segments && (r.kind === 'row' || r.kind === 'values')).map((r) => r.tokens), columns);
}

/**
 * Column statistics of each list of a table printed as side-by-side lists (表4-9: "爱尔兰 12 4.1
 * 18 芬兰 14 30.5 18"), learnt from that list's segments of every row, so that "其他国家 1 234
 * 368.6" is read 1 234 | 368.6 like the list's other counts and amounts. Empty for other tables.
 */
function sideBySideStats(rows: Line[], columns: Column[]): ColumnStats[][] {
  const groups = columnGroups(columns);
  if (groups.length < 2) return [];
  const listed = rows.filter((r) => r.segments?.length === groups.length);
  return groups.map((g, i) => learnColumnStats(listed.map((r) => r.segments![i].tokens), columns.filter((c) => c.group === g)));
}

/** The most common number of cells among rows whose split is unambiguous. */
function estimateCells(rows: Line[]): number {
  const counts = new Map<number, number>();
  let maxMin = 0;
  for (const r of rows) {
    const { min, max } = cellCountRange(r.tokens);
    maxMin = Math.max(maxMin, min);
    if (min === max) counts.set(max, (counts.get(max) ?? 0) + 1);
  }
  let best = maxMin;
  let n = 0;
  for (const [c, k] of counts) if (k > n || (k === n && c > best)) [best, n] = [c, k];
  return best;
}
