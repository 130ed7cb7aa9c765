/**
 * Where a caption stands relative to a body: the captions within reach above a body's first
 * line, below its last row, or printed between its rows, each with how far it is and what lies
 * between (other captions, prose, other bodies). This is position only; what the caption says
 * is weighed in caption-evidence.ts. Examples (2018 edition): 表3-1's caption right above its
 * header (before, adjacent); 表3-2's right after its last row (after, adjacent); 表4-5's after
 * the 京津冀 prose that follows its body (after, across prose); 附表1's title printed above 附表2's
 * title and body, its own body after 附表2's (before, across a body). Titles printed together as
 * a list ("附表1 …", "附表2 …", … then the bodies) are paired in order: the k-th title of the list
 * with the k-th body after it (listed).
 */
import { isTableCaption, type Line } from '../layout/lines.ts';
import type { Body } from './bodies.ts';

/** Where a caption was found relative to a body. */
export type Side = 'before' | 'after' | 'inside';

/** A caption within reach of a body, and what stands between them. */
export interface CaptionCandidate {
  body: number;
  /** Line index of the caption. */
  caption: number;
  side: Side;
  /** Non-blank lines walked from the body to the caption. */
  distance: number;
  /** Other captions between the two. */
  captionsBetween: number;
  /** Prose lines between the two. */
  prose: number;
  /** Rows of other bodies between the two. */
  bodiesBetween: number;
  /** How many captions the list this caption is printed in holds (1: printed alone). */
  listSize: number;
  /** For a caption of a list paired by order with a body after the list: its place in the list (1-based). */
  listed?: number;
  /** The caption heads a table of words right under it (a list of names, 附表15 国家技术转移示范机构名单). */
  headsWords: boolean;
}

/** How many content lines under a caption may be words before a table of words is what it heads. */
const WORD_TABLE_LINES = 6;

/**
 * Whether a caption heads a table of words: the content lines right under it are label lines of
 * no table body (a ranked list of names is one), WORD_TABLE_LINES of them or more before any data row ("附表15 …名单", "省份 机构名称", "北京", …).
 */
function headsWords(lines: Line[], owner: ReadonlyMap<number, number>, caption: number): boolean {
  let words = 0;
  for (let i = caption + 1; i < lines.length && words < WORD_TABLE_LINES; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind !== 'label' || owner.has(i)) return false;
    words++;
  }
  return words >= WORD_TABLE_LINES;
}

/** How far (non-blank lines) a caption may stand from its body. */
export const CAPTION_REACH = 150;


/**
 * Lists of captions: runs of two or more table captions with only blank lines and page
 * furniture between them, each run as its captions' line indices in order.
 */
function captionLists(lines: Line[]): number[][] {
  const lists: number[][] = [];
  let cur: number[] = [];
  for (const l of lines) {
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (isTableCaption(l)) cur.push(l.idx);
    else {
      if (cur.length > 1) lists.push(cur);
      cur = [];
    }
  }
  if (cur.length > 1) lists.push(cur);
  return lists;
}

/** Every caption within reach of every body, in body order, and the listed pairings. */
export function captionCandidates(lines: Line[], bodies: Body[]): CaptionCandidate[] {
  const owner = new Map<number, number>();
  bodies.forEach((b, k) => {
    for (let i = b.top; i <= b.end; i++) owner.set(i, k);
  });
  const words = new Map<number, boolean>();
  for (const l of lines) if (isTableCaption(l)) words.set(l.idx, headsWords(lines, owner, l.idx));
  const listSize = new Map<number, number>();
  const lists = captionLists(lines);
  for (const list of lists) for (const c of list) listSize.set(c, list.length);
  const out: CaptionCandidate[] = [];
  bodies.forEach((b, k) => {
    for (let i = b.start; i <= b.end; i++) {
      if (isTableCaption(lines[i])) out.push({ body: k, caption: i, side: 'inside', distance: 0, captionsBetween: 0, prose: 0, bodiesBetween: 0, listSize: listSize.get(i) ?? 1, headsWords: false });
    }
    out.push(...walk(lines, owner, listSize, k, b.top - 1, -1, 'before'), ...walk(lines, owner, listSize, k, b.end + 1, 1, 'after').map((c) => ({ ...c, headsWords: words.get(c.caption) ?? false })));
  });
  for (const list of lists) {
    const after = bodies.map((b, k) => ({ b, k })).filter(({ b }) => b.top > list[list.length - 1]).slice(0, list.length);
    after.forEach(({ k }, i) => {
      out.push({ body: k, caption: list[i], side: 'before', distance: 0, captionsBetween: 0, prose: 0, bodiesBetween: 0, listSize: list.length, listed: i + 1, headsWords: false });
    });
  }
  return out;
}

/** Walks from `from` in direction `step`, collecting captions until reach (a figure caption between counts as prose). */
function walk(lines: Line[], owner: Map<number, number>, listSize: Map<number, number>, body: number, from: number, step: 1 | -1, side: Side): CaptionCandidate[] {
  const out: CaptionCandidate[] = [];
  const bodiesSeen = new Set<number>();
  let distance = 0;
  let captions = 0;
  let prose = 0;
  for (let i = from; i >= 0 && i < lines.length && distance < CAPTION_REACH; i += step) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    distance++;
    const other = owner.get(i);
    if (other !== undefined && other !== body) bodiesSeen.add(other);
    if (isTableCaption(l)) {
      out.push({ body, caption: i, side, distance, captionsBetween: captions, prose, bodiesBetween: bodiesSeen.size, listSize: listSize.get(i) ?? 1, headsWords: false });
      captions++;
    } else if (l.kind === 'prose' || l.kind === 'figure') prose++;
  }
  return out;
}
