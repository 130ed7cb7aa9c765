/**
 * Table finding: groups data rows into table bodies and ties each body to its header and its
 * caption, whether the caption is printed before the header or after the body (both occur in
 * the 2018 edition), across page breaks with "续表" and repeated headers, and with page
 * furniture inside. A header that differs from the body's own header starts a new table
 * (a body printed right after another one, as 附表1 after 附表2 in the 2018 edition).
 */
import { tokenizeHeader } from './header.ts';
import type { Line } from './lines.ts';

/**
 * A table block: its caption (if found), header lines and body lines. `layout` is 'grid' for a
 * table of number cells, 'ranked' for a ranked list of names ("排名 卖方名称" / "1 中国港湾…").
 */
export interface Block {
  layout: 'grid' | 'ranked';
  ref: string | null;
  title: string;
  titleLine: Line | null;
  header: Line[];
  body: Line[];
}

/** Lines that end a table body: prose, captions, figure captions and chart labels. */
const BREAKS = new Set(['prose', 'caption', 'figure', 'chart']);

/** How far (in non-blank lines) a header may reach above its first row, and a caption below a body. */
const HEADER_REACH = 40;
const CAPTION_REACH = 3;

/** Finds every table block in a classified document. */
export function findBlocks(lines: Line[]): Block[] {
  const parts: Part[] = [...splitBodies(lines), ...rankedLists(lines)]
    .sort((a, b) => a.start - b.start)
    .flatMap((b) => {
      const { header, caption } = headerAbove(lines, b.start);
      const first: Part = { ...b, header, caption };
      return b.layout === 'grid' ? splitOnNewHeader(lines, first) : [first];
    });
  const heading = new Set(parts.map((p) => p.caption?.idx).filter((i): i is number => i !== undefined));
  const heads = (c: Line) => heading.has(c.idx) || nextContent(lines, c.idx)?.kind === 'label';
  const used = new Set<number>();
  const blocks = parts.map(({ start, end, layout, header, caption }): Block => {
    // A caption right after the body that heads nothing is this body's (caption after);
    // otherwise the caption right above the header is (caption before).
    const below = captionBelow(lines, end, used, CAPTION_REACH);
    const above = caption && !used.has(caption.idx) ? caption : null;
    const titleLine = below && !heads(below) ? below : above;
    if (titleLine) used.add(titleLine.idx);
    return { layout, ref: titleLine?.ref ?? null, title: titleLine?.title ?? '', titleLine, header, body: lines.slice(start, end + 1) };
  });
  adoptDetachedCaptions(lines, blocks, used);
  return blocks;
}

/** The next line after `idx` that is neither blank nor page furniture. */
function nextContent(lines: Line[], idx: number): Line | undefined {
  for (let i = idx + 1; i < lines.length; i++) if (lines[i].kind !== 'blank' && lines[i].kind !== 'furniture') return lines[i];
  return undefined;
}

/** A body's line range with its header lines and the caption printed right above them. */
interface Part {
  start: number;
  end: number;
  layout: Block['layout'];
  header: Line[];
  caption: Line | null;
}

/** How far (non-blank lines) a title printed away from its body may stand. */
const DETACHED_REACH = 30;

/**
 * Bodies left without a caption take the nearest caption no other body took, printed within
 * reach after them (a title detached by prose) or before their header (a body printed after
 * another table's, whose caption and rows may stand between); the closest pairs are matched
 * first. A body right above a figure caption
 * holds the figure's value labels and takes no table caption.
 */
function adoptDetachedCaptions(lines: Line[], blocks: Block[], used: Set<number>): void {
  const pairs: { block: Block; caption: Line; distance: number }[] = [];
  for (const block of blocks) {
    if (block.titleLine) continue;
    const first = (block.header[0] ?? block.body[0]).idx;
    const last = block.body[block.body.length - 1].idx;
    if (nextContent(lines, last)?.kind === 'figure') continue;
    for (const [from, step] of [[last, 1], [first, -1]] as const) {
      for (let i = from + step, seen = 0; i >= 0 && i < lines.length && seen < DETACHED_REACH; i += step) {
        const l = lines[i];
        if (l.kind === 'blank' || l.kind === 'furniture') continue;
        if (l.kind === 'figure' || (step > 0 && l.kind === 'row')) break;
        seen++;
        if (l.kind === 'caption' && !used.has(l.idx)) {
          pairs.push({ block, caption: l, distance: seen });
          break;
        }
      }
    }
  }
  pairs.sort((a, b) => a.distance - b.distance);
  for (const { block, caption } of pairs) {
    if (block.titleLine || used.has(caption.idx)) continue;
    used.add(caption.idx);
    Object.assign(block, { ref: caption.ref ?? null, title: caption.title ?? '', titleLine: caption });
  }
}

const RANKED_HEADER = /^排名\S*名称$/;
const RANKED_ROW = /^\s*\d{1,3}\s+\S/;

/**
 * Ranked lists of names (表5-3 … in the 2018 and 2021 editions): a header "排名 卖方名称"
 * then lines "rank name", across 续表 and repeated headers. The body starts after the header.
 */
function rankedLists(lines: Line[]): { start: number; end: number; layout: 'ranked' }[] {
  const out: { start: number; end: number; layout: 'ranked' }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].kind !== 'label' || !RANKED_HEADER.test(lines[i].text.replace(/[\s\u3000]+/g, ''))) continue;
    let end = -1;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      const compact = l.text.replace(/[\s\u3000]+/g, '');
      if (l.kind === 'blank' || l.kind === 'furniture' || l.kind === 'cont' || RANKED_HEADER.test(compact)) continue;
      if (l.kind === 'label' && RANKED_ROW.test(l.text)) end = j;
      else break;
    }
    if (end > i) out.push({ start: i + 1, end, layout: 'ranked' });
    i = Math.max(i, end);
  }
  return out;
}

/** Runs of lines from a data row to the last data row before the next break. */
function splitBodies(lines: Line[]): { start: number; end: number; layout: 'grid' }[] {
  const out: { start: number; end: number; layout: 'grid' }[] = [];
  let start = -1;
  let last = -1;
  for (const l of lines) {
    if (BREAKS.has(l.kind)) {
      if (start >= 0) out.push({ start, end: last, layout: 'grid' });
      start = -1;
      continue;
    }
    if (l.kind === 'row' || (l.kind === 'values' && (start >= 0 || afterLabel(lines, l.idx)))) {
      if (start < 0) start = l.idx;
      last = l.idx;
    }
  }
  if (start >= 0) out.push({ start, end: last, layout: 'grid' });
  return out;
}

/** Whether the line before `idx` (blank lines aside) is a label: the label of a values-only line. */
function afterLabel(lines: Line[], idx: number): boolean {
  for (let i = idx - 1; i >= 0; i--) if (lines[i].kind !== 'blank') return lines[i].kind === 'label';
  return false;
}

/** The header lines above a body's first row, and the caption just above them, if any. */
function headerAbove(lines: Line[], start: number): { header: Line[]; caption: Line | null } {
  const header: Line[] = [];
  let seen = 0;
  for (let i = start - 1; i >= 0 && seen < HEADER_REACH; i--) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind === 'caption') return { header, caption: l };
    if (l.kind !== 'label' && l.kind !== 'cont') break;
    if (l.kind === 'label') header.unshift(l);
    seen++;
  }
  return { header, caption: null };
}

/**
 * A caption printed after a body within `reach` non-blank lines: with only blank lines or
 * page furniture between, or (`acrossProse`) with prose between too.
 */
function captionBelow(lines: Line[], end: number, used: Set<number>, reach: number, acrossProse = false): Line | null {
  let seen = 0;
  for (let i = end + 1; i < lines.length && seen <= reach; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind === 'caption') return used.has(l.idx) ? null : l;
    if (l.kind === 'row' || (!acrossProse && l.kind === 'prose')) return null;
    seen++;
  }
  return null;
}

/** Text of a header for comparison: spaces removed. */
function headerKey(lines: Line[]): string {
  return lines.map((l) => l.text).join('').replace(/[\s\u3000]+/g, '');
}

/**
 * Splits a body where a header block unlike the table's own stands between rows: a new table
 * whose caption was printed elsewhere. Repeated headers (page breaks) are the same text and
 * do not split.
 */
function splitOnNewHeader(lines: Line[], part: Part): Part[] {
  const own = headerKey(part.header);
  const out: Part[] = [];
  let cur: Part = { ...part };
  let pending: Line[] = [];
  let lastRow = -1;
  for (let i = part.start; i <= part.end; i++) {
    const l = lines[i];
    if (l.kind === 'label') pending.push(l);
    if (l.kind !== 'row' && l.kind !== 'values') continue;
    const labels = pending.filter((p) => !own.includes(headerKey([p])));
    if (labels.length && lastRow >= 0 && looksLikeHeader(labels)) {
      out.push({ ...cur, end: lastRow });
      cur = { start: i, end: part.end, layout: 'grid', header: labels, caption: null };
    }
    pending = [];
    lastRow = i;
  }
  out.push(cur);
  return out;
}

/** Header lines name at least two years, flows or measures; a section head or split label does not. */
function looksLikeHeader(lines: Line[]): boolean {
  return tokenizeHeader(lines.map((l) => l.text).join(' ')).filter((t) => t.t !== 'O').length >= 2;
}
