/**
 * Table bodies, found before any caption is looked at (DESIGN.md "table discovery, body first"):
 * a body is a run of data rows (a label and number cells, or number cells under a label printed
 * on the line before) with the header lines above its first row. Captions do not end a body:
 * the next table's caption may be printed before the previous body ends. A body ends at prose,
 * a figure caption or a chart, and a run is cut in two where a new table starts inside it:
 *  - a caption followed by a header ("表 4-6 …" then "省份 / 输出技术 吸纳技术 …"), even when that
 *    header repeats the one before (two tables of the same shape printed one after the other);
 *  - a header unlike the body's own (a table printed right after another, its caption elsewhere);
 *  - a header right after a total row (a table ends with its 合计 or 总计), unless it repeats
 *    the body's own and the rows after it go on with labels not seen yet (a page break after a
 *    section's 合计, 2021 表5-2); 附表5 and 附表6 of the 2018 edition print the same header and
 *    附表6 starts again with 北京.
 * A header repeating the body's own anywhere else is the body continued across a page break.
 * Ranked lists of names ("排名 卖方名称" / "1 中国港湾…") are bodies of their own layout.
 */
import { cellCountRange } from '../read/cells.ts';
import { tokenizeHeader } from '../read/header.ts';
import { isTableCaption, type Line } from '../layout/lines.ts';
import { normaliseLabel } from '../normalize/text.ts';

/** A table body: its data rows' line range and the header lines above the first row. */
export interface Body {
  layout: 'grid' | 'ranked';
  /** Line index (Line.idx) of the first and the last data row. */
  start: number;
  end: number;
  /** Header lines above the first row, top to bottom (may be empty). */
  header: Line[];
  /** Line index of the body's first printed line: its first header line, else its first row. */
  top: number;
}

/** Line kinds that end a body. */
const BREAKS = new Set(['prose', 'figure', 'chart']);

/** How far (non-blank lines) a header may reach above its first row. */
export const HEADER_REACH = 40;

/** Labels of total rows: a table that printed one may end there. */
const TOTAL = /^(合计|总计)$/;

const isData = (l: Line) => l.kind === 'row' || l.kind === 'values';

/** Every table body of a classified document, in document order. */
export function findBodies(lines: Line[]): Body[] {
  const grids = joinInterrupted(lines, runs(lines)).flatMap((run) => splitRun(lines, run));
  return [...grids, ...rankedLists(lines)].sort((a, b) => a.start - b.start);
}

/** How far (non-blank lines) a body may be interrupted by a figure and still go on. */
const INTERRUPTION_REACH = 60;

/**
 * Tables interrupted by a figure (its caption, value labels, axis ticks printed in the middle of
 * a table, the table going on after it with no header of its own): a run of rows without a
 * header that follows a run whose last table has one, with no prose and no table caption between
 * them and rows of the same width, continues it; the figure's lines become chart lines, no part
 * of the table.
 */
function joinInterrupted(lines: Line[], found: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const run of found) {
    const prev = out[out.length - 1];
    const last = prev ? splitRun(lines, prev).pop()! : null;
    const body = splitRun(lines, run)[0];
    if (last && looksLikeHeader(last.header) && !looksLikeHeader(headerAbove(lines, run.start)) && interruption(lines, prev.end, run.start) && sameWidth(lines, last, body)) {
      for (let i = prev.end + 1; i < run.start; i++) if (lines[i].kind !== 'blank' && lines[i].kind !== 'furniture') lines[i].kind = 'chart';
      prev.end = run.end;
      continue;
    }
    out.push({ ...run });
  }
  return out;
}

/** Whether the lines between two bodies are a figure's (no prose, no table caption, within reach, a figure caption among them). */
function interruption(lines: Line[], from: number, to: number): boolean {
  let seen = 0;
  let figure = false;
  for (let i = from + 1; i < to; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind === 'prose' || isTableCaption(l) || ++seen > INTERRUPTION_REACH) return false;
    if (l.kind === 'figure') figure = true;
  }
  return figure;
}

/** Whether two bodies' rows can have the same number of cells (most rows of each). */
function sameWidth(lines: Line[], a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const widths = (body: { start: number; end: number }) => lines.slice(body.start, body.end + 1).filter((l) => l.kind === 'row').map((l) => cellCountRange(l.tokens));
  const wa = widths(a);
  const wb = widths(b);
  if (!wa.length || !wb.length) return false;
  const fit = (w: number, rs: { min: number; max: number }[]) => rs.filter((r) => r.min <= w && w <= r.max).length * 2 >= rs.length;
  const most = Math.max(...wa.map((r) => r.max));
  for (let w = most; w > 0; w--) if (fit(w, wa) && fit(w, wb)) return true;
  return false;
}

/** Runs of lines from a data row to the last data row before the next break. */
function runs(lines: Line[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = -1;
  let last = -1;
  for (const l of lines) {
    if (BREAKS.has(l.kind)) {
      if (start >= 0) out.push({ start, end: last });
      start = -1;
      continue;
    }
    if (l.kind === 'row' || (l.kind === 'values' && (start >= 0 || afterLabel(lines, l.idx)))) {
      if (start < 0) start = l.idx;
      last = l.idx;
    }
  }
  if (start >= 0) out.push({ start, end: last });
  return out;
}

/** Whether the line before `idx` (blank lines aside) is a label: the label of a values-only line. */
function afterLabel(lines: Line[], idx: number): boolean {
  for (let i = idx - 1; i >= 0; i--) if (lines[i].kind !== 'blank') return lines[i].kind === 'label';
  return false;
}

/** Text of header lines for comparison: spaces removed. */
function headerKey(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('').replace(/[\s\u3000]+/g, '');
}

/** How many years, flows and measures some header lines name. */
function named(lines: readonly Line[]): number {
  return tokenizeHeader(lines.map((l) => l.text).join(' ')).filter((t) => t.t !== 'O').length;
}

/**
 * The header proper: without the label lines closing it that name nothing more (the first
 * section head, "机关法人", printed between the header and the first row).
 */
function headerCore(lines: readonly Line[]): Line[] {
  let end = lines.length;
  while (end > 1 && named(lines.slice(0, end - 1)) === named(lines.slice(0, end))) end--;
  return lines.slice(0, end);
}

/** Header lines name at least two years, flows or measures; a section head or split label does not. */
export function looksLikeHeader(lines: readonly Line[]): boolean {
  return lines.length > 0 && named(lines) >= 2;
}

/** The header lines above a run's first row: label lines up to a caption, prose or another body. */
function headerAbove(lines: Line[], start: number): Line[] {
  const header: Line[] = [];
  let seen = 0;
  for (let i = start - 1; i >= 0 && seen < HEADER_REACH; i--) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind !== 'label' && l.kind !== 'cont') break;
    if (l.kind === 'label') header.unshift(l);
    seen++;
  }
  return header;
}

/**
 * Cuts one run into bodies where a new table starts (see the module comment). The lines
 * between two rows are the gap; its label lines after its last caption are the new header.
 */
function splitRun(lines: Line[], run: { start: number; end: number }): Body[] {
  const out: Body[] = [];
  const first = headerAbove(lines, run.start);
  let cur: Body = { layout: 'grid', start: run.start, end: run.start, header: first, top: first[0]?.idx ?? run.start };
  let own = headerKey(headerCore(first));
  let prev = lines[run.start];
  let seen = new Set([normaliseLabel(prev.label)]);
  for (let i = run.start + 1; i <= run.end; i++) {
    const l = lines[i];
    if (!isData(l)) continue;
    const gap = lines.slice(prev.idx + 1, i);
    let lastCaption = gap.length - 1;
    while (lastCaption >= 0 && !isTableCaption(gap[lastCaption])) lastCaption--;
    const labels = gap.slice(lastCaption + 1).filter((g) => g.kind === 'label');
    const unlike = labels.filter((g) => !own.includes(headerKey([g])));
    const label = normaliseLabel(l.label);
    // After a total row, a header starts a new table unless it repeats the body's own and the
    // rows go on with new labels (a page break after a section's 合计).
    const afterTotal = TOTAL.test(normaliseLabel(prev.label)) && (headerKey(headerCore(labels)) !== own || seen.has(label));
    const starts = ((lastCaption >= 0 || afterTotal) && looksLikeHeader(labels)) || (unlike.length > 0 && looksLikeHeader(unlike));
    if (starts) {
      out.push(cur);
      cur = { layout: 'grid', start: i, end: i, header: labels, top: labels[0]?.idx ?? i };
      own = headerKey(headerCore(labels));
      seen = new Set();
    } else cur.end = i;
    if (label && !TOTAL.test(label)) seen.add(label);
    prev = l;
  }
  out.push(cur);
  return out;
}

const RANKED_HEADER = /^排名\S*名称$/;
const RANKED_ROW = /^\s*\d{1,3}\s+\S/;

/**
 * Ranked lists of names (表5-3 … in the 2018 and 2021 editions): a header "排名 卖方名称" (on one
 * line, or a cell per line: "排名" / "卖方名称") then lines "rank name", across 续表 and repeated
 * headers. The body starts after the header.
 */
function rankedLists(lines: Line[]): Body[] {
  const out: Body[] = [];
  const compact = (l: Line) => l.text.replace(/[\s\u3000]+/g, '');
  /** The header lines of a ranked list starting at i (one line, or two cells on consecutive lines), or null. */
  const headerAt = (i: number): Line[] | null => {
    if (lines[i]?.kind !== 'label') return null;
    if (RANKED_HEADER.test(compact(lines[i]))) return [lines[i]];
    let j = i + 1;
    while (j < lines.length && lines[j].kind === 'blank') j++;
    return lines[j]?.kind === 'label' && RANKED_HEADER.test(compact(lines[i]) + compact(lines[j])) ? [lines[i], lines[j]] : null;
  };
  for (let i = 0; i < lines.length; i++) {
    const header = headerAt(i);
    if (!header) continue;
    const after = header[header.length - 1].idx;
    let end = -1;
    for (let j = after + 1; j < lines.length; j++) {
      const l = lines[j];
      if (l.kind === 'blank' || l.kind === 'furniture' || l.kind === 'cont') continue;
      const repeat = headerAt(j);
      if (repeat) {
        j = repeat[repeat.length - 1].idx;
        continue;
      }
      if (l.kind === 'label' && RANKED_ROW.test(l.text)) end = j;
      else break;
    }
    if (end > after) out.push({ layout: 'ranked', start: after + 1, end, header, top: i });
    i = Math.max(i, end);
  }
  return out;
}
