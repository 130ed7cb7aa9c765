/**
 * Table finding: groups data rows into table bodies and ties each body to its header and its
 * caption, whether the caption is printed before the header or after the body (both occur in
 * the 2018 edition), across page breaks with "续表" and repeated headers, and with page
 * furniture inside. A header that differs from the body's own header starts a new table
 * (a body printed right after another one, as 附表1 after 附表2 in the 2018 edition).
 */
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

/** Lines that end a table body: prose, captions and figure captions. */
const BREAKS = new Set(['prose', 'caption', 'figure']);

/** How far (in non-blank lines) a header may reach above its first row, and a caption below a body. */
const HEADER_REACH = 40;
const CAPTION_REACH = 3;

/** Finds every table block in a classified document. */
export function findBlocks(lines: Line[]): Block[] {
  const bodies = [...splitBodies(lines), ...rankedLists(lines)].sort((a, b) => a.start - b.start);
  const used = new Set<number>();
  const blocks: Block[] = [];
  for (const { start, end, layout } of bodies) {
    const { header, caption } = headerAbove(lines, start);
    let titleLine = caption && !used.has(caption.idx) ? caption : null;
    if (!titleLine) titleLine = captionBelow(lines, end, used);
    if (titleLine) used.add(titleLine.idx);
    const body = lines.slice(start, end + 1);
    const block: Block = { layout, ref: titleLine?.ref ?? null, title: titleLine?.title ?? '', titleLine, header, body };
    blocks.push(...(layout === 'grid' ? splitOnNewHeader(block) : [block]));
  }
  return blocks;
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
    if (l.kind === 'row' || (l.kind === 'values' && start >= 0)) {
      if (start < 0) start = l.idx;
      last = l.idx;
    }
  }
  if (start >= 0) out.push({ start, end: last, layout: 'grid' });
  return out;
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

/** A caption printed right after a body (only blank lines or page furniture between). */
function captionBelow(lines: Line[], end: number, used: Set<number>): Line | null {
  let seen = 0;
  for (let i = end + 1; i < lines.length && seen <= CAPTION_REACH; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind === 'caption') return used.has(l.idx) ? null : l;
    if (l.kind === 'prose' || l.kind === 'row') return null;
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
function splitOnNewHeader(block: Block): Block[] {
  const own = headerKey(block.header);
  const out: Block[] = [];
  let cur: Block = { ...block, body: [] };
  let pending: Line[] = [];
  for (const l of block.body) {
    if (l.kind === 'label' || l.kind === 'cont') {
      pending.push(l);
      continue;
    }
    if (l.kind === 'row' || l.kind === 'values') {
      const labels = pending.filter((p) => p.kind === 'label' && !own.includes(headerKey([p])));
      if (labels.length && looksLikeHeader(labels) && cur.body.some((b) => b.kind === 'row')) {
        out.push(cur);
        cur = { layout: 'grid', ref: null, title: '', titleLine: null, header: labels, body: [] };
      } else cur.body.push(...pending);
      pending = [];
      cur.body.push(l);
      continue;
    }
    pending.push(l);
  }
  out.push(cur);
  return out;
}

/** Header lines name years or several measures; a section head or split label does not. */
function looksLikeHeader(lines: Line[]): boolean {
  const text = lines.map((l) => l.text).join(' ');
  const years = text.match(/(19|20)\d{2}\s*年/g)?.length ?? 0;
  return years >= 2 || lines.length >= 2 && /合同数|成交额|项数|金额/.test(text);
}
