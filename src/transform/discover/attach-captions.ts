/**
 * Table discovery, body first: bodies are found from their rows (bodies.ts), then captions are
 * attached by the evidence (caption-candidates.ts, caption-evidence.ts): the assignment with the
 * greatest total score, one caption per body and one body per caption; a pairing below
 * ACCEPT_SCORE is no pairing. A body left without a credible caption is still a table: it gets a
 * provisional reference ("?L1234", the source line of its first printed line) and says so, so it
 * is loaded, named in the summary and checked with less trust, never dropped. A lone data line
 * with neither header nor caption, or value labels right above a figure caption, is no table.
 */
import munkres from 'munkres';
import type { Evidence, TableRecord } from '../../model.ts';
import type { Block } from '../block.ts';
import type { Line } from '../layout/lines.ts';
import { findBodies, looksLikeHeader, type Body } from './bodies.ts';
import { captionCandidates, type CaptionCandidate, type Side } from './caption-candidates.ts';
import { bodyFacts, captionEvidence, citedNear, scoreOf } from './caption-evidence.ts';



/** A body that is no table, and why. */
export interface RejectedBody {
  body: Line[];
  reason: string;
}

/** A pairing needs at least this score: a caption right next to the body, or weaker position plus agreeing content. */
export const ACCEPT_SCORE = 2.5;
/** A side is the document's habit when at least this many unambiguous captions stand there … */
const HABIT_MIN = 3;
/** … and they are at least this share of all unambiguous captions. */
const HABIT_SHARE = 0.7;

/**
 * A caption attached with less than this score is weak evidence (a caption right next to its
 * body with nothing against it scores ADJACENT = 4): checks on its table report 'review'.
 */
export const CONFIDENT_SCORE = 4;

/**
 * The references of the tables read with low confidence: a provisional caption, or a caption
 * attached with a score under CONFIDENT_SCORE (2018 edition 附表1, whose title stands above
 * another table's, scores 2.68). Tables whose reading carries no score (charts, sideways
 * tables, read with their own caption) are confident.
 */
export function lowConfidenceTables(tables: readonly TableRecord[]): Set<string> {
  return new Set(tables.filter((t) => t.reading.caption === 'provisional' || (t.reading.score !== null && t.reading.score < CONFIDENT_SCORE)).map((t) => t.tableRef));
}

/** The provisional reference of a body without a credible caption: "?L" and the source line of its first printed line. */
export function provisionalRef(top: Line): string {
  return `?L${top.src.line}`;
}

/** Whether a reference is provisional (see provisionalRef). */
export function isProvisionalRef(ref: string): boolean {
  return ref.startsWith('?');
}

/** Finds every table of a classified document: bodies, their captions, and the bodies that are no table. */
export function discoverTables(lines: Line[]): { blocks: Block[]; rejected: RejectedBody[] } {
  const bodies = findBodies(lines);
  const candidates = captionCandidates(lines, bodies);
  const habit = documentHabit(candidates);
  const facts = bodies.map((b) => bodyFacts(lines, b));
  const cited = bodies.map((b) => citedNear(lines, b));
  const scored = candidates.map((c) => {
    const evidence = captionEvidence(c, lines[c.caption], facts[c.body], cited[c.body], habit);
    return { c, evidence, score: scoreOf(evidence) };
  });
  const taken = bestAssignment(scored, bodies.length);
  const blocks: Block[] = [];
  const rejected: RejectedBody[] = [];
  bodies.forEach((b, k) => {
    const rows = lines.slice(b.start, b.end + 1);
    const pick = taken.get(k);
    if (pick) {
      const caption = lines[pick.c.caption];
      blocks.push({ layout: b.layout, ref: caption.ref!, title: caption.title ?? '', titleLine: caption, header: b.header, body: rows, reading: { caption: 'found', score: round(pick.score), evidence: pick.evidence } });
      return;
    }
    const why = noTable(lines, b);
    if (why) {
      rejected.push({ body: rows, reason: why });
      return;
    }
    const best = scored.filter((s) => s.c.body === k).reduce<Scored | undefined>((a, s) => (!a || s.score > a.score ? s : a), undefined);
    blocks.push({ layout: b.layout, ref: provisionalRef(lines[b.top]), title: '', titleLine: null, header: b.header, body: rows, reading: { caption: 'provisional', score: null, evidence: best?.evidence ?? [] } });
  });
  return { blocks, rejected };
}

/** A candidate pairing with its evidence and score. */
interface Scored {
  c: CaptionCandidate;
  evidence: Evidence[];
  score: number;
}

/**
 * The pairing of bodies and captions with the greatest total score (an optimal assignment,
 * Munkres), each body one caption and each caption one body, pairs under ACCEPT_SCORE left out:
 * a caption between two bodies goes where the whole document reads best, not to whichever
 * body happened to be scored first. Returns the chosen candidate by body index.
 */
function bestAssignment(scored: Scored[], bodyCount: number): Map<number, Scored> {
  const captions = [...new Set(scored.map((s) => s.c.caption))].sort((a, b) => a - b);
  const column = new Map(captions.map((c, j) => [c, j]));
  const best = new Map<string, Scored>();
  for (const s of scored) {
    const key = `${s.c.body}:${s.c.caption}`;
    if (s.score >= ACCEPT_SCORE && s.score > (best.get(key)?.score ?? -Infinity)) best.set(key, s);
  }
  const out = new Map<number, Scored>();
  if (!best.size) return out;
  const cost = Array.from({ length: bodyCount }, () => new Array<number>(captions.length).fill(0));
  for (const s of best.values()) cost[s.c.body][column.get(s.c.caption)!] = -s.score;
  for (const [body, j] of munkres(cost)) {
    const s = best.get(`${body}:${captions[j]}`);
    if (s) out.set(body, s);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The side most captions stand on among those that could only be read one way (right next to
 * exactly one body, on one side), or null when the document has no clear habit.
 */
function documentHabit(candidates: CaptionCandidate[]): Side | null {
  const sides = new Map<number, Set<Side>>();
  for (const c of candidates) {
    if (c.side === 'inside' || c.prose || c.bodiesBetween || c.captionsBetween || c.listed) continue;
    const s = sides.get(c.caption) ?? new Set<Side>();
    s.add(c.side);
    sides.set(c.caption, s);
  }
  const votes = { before: 0, after: 0, inside: 0 };
  for (const s of sides.values()) if (s.size === 1) votes[[...s][0]]++;
  const total = votes.before + votes.after;
  for (const side of ['before', 'after'] as const) if (votes[side] >= HABIT_MIN && votes[side] >= HABIT_SHARE * total) return side;
  return null;
}

/**
 * Why a body without a caption is no table, or null when it is one: a single data line with no
 * header, or lines right above a figure caption with no header (the figure's value labels).
 */
function noTable(lines: Line[], b: Body): string | null {
  if (b.layout === 'ranked' || looksLikeHeader(b.header)) return null;
  const rows = lines.slice(b.start, b.end + 1).filter((l) => l.kind === 'row' || l.kind === 'values');
  if (rows.length < 2) return 'a lone line of numbers with no header or caption: not a table';
  for (let i = b.end + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    if (l.kind === 'figure') return `numbers right above the figure caption "${l.text.trim().slice(0, 40)}" with no header: the figure's value labels, which no chart reader understood`;
    break;
  }
  return null;
}
