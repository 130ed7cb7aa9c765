/**
 * Scored evidence that a caption names a body (ANCHORS.md: score every result and keep the
 * evidence). Each piece of evidence is a named weight with the reason it was given, so a reader
 * can see why a table was read as it was (`etl check` and the table records keep them):
 *  - position: right above the body's header or right after its last row is strong; across
 *    prose, other captions or another body weaker the farther it is (caption-candidates.ts);
 *  - years: the latest year the caption names is the latest year of the header or of the rows
 *    ("2016—2017 年…" over a header "2016 年 2017 年"); a header reaching past it contradicts;
 *  - rows: the caption's table kind fits the codelist of the row labels ("…技术领域构成" over
 *    电子信息 / 先进制造 …), the regional grouping it names holds the body's regions ("东北地区"
 *    over 辽宁 / 吉林 / 黑龙江);
 *  - citation: the prose next to the body cites the caption's reference ("…（表 4-5）。");
 *  - the document's habit: where most captions that could only be read one way stand (before or
 *    after their bodies) breaks the tie of a caption printed between two bodies.
 */
import type { Evidence } from '../../model.ts';
import { groupingFit, kindFit } from '../../codelists/fit.ts';
import { titleGrouping } from '../../codelists/index.ts';
import { tokenizeHeader } from '../read/header.ts';
import { tableKind } from '../read/kinds.ts';
import type { Line } from '../layout/lines.ts';
import { normaliseLabel } from '../normalize/text.ts';
import { isDataYear } from '../normalize/years.ts';
import type { Body } from './bodies.ts';
import type { CaptionCandidate, Side } from './caption-candidates.ts';


/** Weight of a caption right above a body's header, or right after its last row. */
export const ADJACENT = 4;
/** Weight of the k-th title of a list of titles for the k-th body after the list. */
export const LISTED = 3.5;
/** Weight of a caption after a body that heads a table of words printed under it. */
export const HEADS_WORDS = -1;
/** Weight of a caption printed between a body's rows (the next table's, often). */
export const INSIDE = 1.5;
/** Weight of a caption across prose (less 0.05 per line walked, down to 0.5). */
export const ACROSS_PROSE = 2;
/** Weight of a caption across another body (less 0.02 per line walked, down to 0). */
export const ACROSS_BODY = 1;
/** Each other caption standing between costs this much. */
export const PER_CAPTION_BETWEEN = 0.5;
/**
 * The years of caption and body agree / span the same several years exactly / the caption's
 * range starts years before the body's first year / disagree.
 */
export const YEARS_FIT = 1.5;
export const YEARS_EXACT = 2.5;
export const YEARS_SHORT = -2;
export const YEARS_CONFLICT = -4;
/** The rows are of the codelist the caption's kind names / of another one. */
export const ROWS_FIT = 1.5;
export const ROWS_CONFLICT = -4;
/** Rows speak against a caption only when at least this many of their labels are known. */
export const ROWS_CONFLICT_MIN = 3;
/** The regions of the rows lie inside / outside the grouping the caption names. */
export const GROUPING_FIT = 2.5;
export const GROUPING_CONFLICT = -5;
/** The prose right before the body cites the caption's reference / only the prose after it does. */
export const CITED = 2;
export const CITED_AFTER = 1;
/** The prose right before the body cites other tables, not this caption's. */
export const CITED_OTHER = -2;
/** The side most unambiguous captions of the document stand on. */
export const HABIT = 0.25;
/** How far (non-blank lines) prose may stand from a body to cite it. */
const CITATION_REACH = 12;

/** What a body shows that a caption can be held against: its years and its row labels. */
export interface BodyFacts {
  years: number[];
  labels: string[];
}

/** The years a body's header names and the years its rows are labelled with, and its row labels. */
export function bodyFacts(lines: Line[], body: Body): BodyFacts {
  const years = new Set<number>();
  for (const t of tokenizeHeader(body.header.map((l) => l.text).join(' '))) if (t.t === 'Y' || t.t === 'C') years.add(t.year);
  const labels: string[] = [];
  for (let i = body.start; i <= body.end; i++) {
    const l = lines[i];
    // Row labels, and labels printed on their own line (a label over its values, a section head).
    if (l.kind !== 'row' && l.kind !== 'label') continue;
    const label = normaliseLabel(l.label);
    const y = /^((?:19|20)\d{2})年?$/.exec(label);
    if (y && isDataYear(Number(y[1]))) years.add(Number(y[1]));
    else if (label) labels.push(label);
  }
  return { years: [...years].sort((a, b) => a - b), labels };
}

/** The years a caption's title names (4-digit 19xx/20xx, not inside longer numbers). */
function titleYears(title: string): number[] {
  return [...title.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0])).filter(isDataYear);
}

/** Position evidence of a candidate. */
function positionEvidence(c: CaptionCandidate): Evidence {
  const between = c.captionsBetween ? `, ${c.captionsBetween} other caption(s) between` : '';
  if (c.listed) return { kind: 'position', weight: LISTED, detail: `title ${c.listed} of ${c.listSize} printed together before the bodies; this is body ${c.listed} after them` };
  if (c.side === 'inside') return { kind: 'position', weight: INSIDE, detail: 'printed between the body\'s rows' };
  if (c.side === 'after' && c.headsWords) return { kind: 'position', weight: HEADS_WORDS, detail: 'after the last row, but it heads the table of words printed under it' };
  const where = c.side === 'before' ? 'above the body' : 'after the last row';
  if (c.bodiesBetween) {
    const weight = Math.max(0, ACROSS_BODY - 0.02 * c.distance) - PER_CAPTION_BETWEEN * c.captionsBetween;
    return { kind: 'position', weight, detail: `${where}, across ${c.bodiesBetween} other table bod${c.bodiesBetween > 1 ? 'ies' : 'y'} (${c.distance} lines${between})` };
  }
  if (c.prose) {
    const weight = Math.max(0.5, ACROSS_PROSE - 0.05 * c.distance) - PER_CAPTION_BETWEEN * c.captionsBetween;
    return { kind: 'position', weight, detail: `${where}, across ${c.prose} line(s) of prose${between}` };
  }
  // A title printed in a list of titles stands next to the first body by chance.
  const listed = c.listSize > 1 ? ` (one of ${c.listSize} titles printed together)` : '';
  const weight = ADJACENT - PER_CAPTION_BETWEEN * Math.max(c.captionsBetween, c.listSize - 1);
  return { kind: 'position', weight, detail: `right ${where}${between}${listed}` };
}

/** Years evidence: the latest year of caption and body agree, or the body reaches past the caption. */
function yearsEvidence(title: string, facts: BodyFacts): Evidence | null {
  const t = titleYears(title);
  if (!t.length || !facts.years.length) return null;
  const [tMax, tMin] = [Math.max(...t), Math.min(...t)];
  const [bMax, bMin] = [facts.years[facts.years.length - 1], facts.years[0]];
  const said = `caption ${tMin === tMax ? tMax : `${tMin}–${tMax}`}, body ${bMin === bMax ? bMax : `${bMin}–${bMax}`}`;
  if (bMax !== tMax || bMin < tMin - 1) return { kind: 'years', weight: YEARS_CONFLICT, detail: said };
  if (tMin < tMax && bMin === tMin) return { kind: 'years', weight: YEARS_EXACT, detail: said };
  if (tMin < tMax && bMin > tMin + 1) return { kind: 'years', weight: YEARS_SHORT, detail: `${said}: the body lacks the caption's first years` };
  return { kind: 'years', weight: YEARS_FIT, detail: said };
}

/** Rows evidence: the caption's kind and the codelist of the body's row labels. */
function rowsEvidence(title: string, facts: BodyFacts): Evidence | null {
  const kind = tableKind(title);
  const fit = kindFit(kind, facts.labels);
  if (!fit || fit.known < 2) return null;
  const share = fit.fitting / fit.known;
  const detail = `${fit.fitting} of ${fit.known} known row labels fit ${kind}`;
  if (share >= 0.7) return { kind: 'rows', weight: ROWS_FIT, detail };
  // Against a caption only on several labels: a short list may use words no codelist lists.
  if (share <= 0.3 && fit.known >= ROWS_CONFLICT_MIN) return { kind: 'rows', weight: ROWS_CONFLICT, detail };
  return null;
}

/** Grouping evidence: the regions of the rows and the grouping the caption names. */
function groupingEvidence(title: string, facts: BodyFacts): Evidence | null {
  const code = titleGrouping(title);
  const fit = code ? groupingFit(code, facts.labels) : null;
  if (!fit || fit.regions < 2) return null;
  const detail = `${fit.inside} of ${fit.regions} regions inside ${code}`;
  if (fit.inside >= 0.8 * fit.regions) return { kind: 'grouping', weight: GROUPING_FIT, detail };
  if (fit.inside < 0.5 * fit.regions) return { kind: 'grouping', weight: GROUPING_CONFLICT, detail };
  return null;
}

/** The table references the prose right before a body cites, and those the prose right after it cites. */
export interface Citations {
  before: Set<string>;
  after: Set<string>;
}

/** The table references cited by the prose within reach above a body's top and below its end. */
export function citedNear(lines: Line[], body: Body): Citations {
  const out: Citations = { before: new Set(), after: new Set() };
  for (const [from, step, refs] of [[body.top - 1, -1, out.before], [body.end + 1, 1, out.after]] as const) {
    for (let i = from, seen = 0; i >= 0 && i < lines.length && seen < CITATION_REACH; i += step) {
      const l = lines[i];
      if (l.kind === 'blank' || l.kind === 'furniture') continue;
      seen++;
      if (l.kind === 'row' || l.kind === 'values') break;
      if (l.kind !== 'prose' && l.kind !== 'label') continue;
      const text = l.text.replace(/[\s\u3000]+/g, '');
      for (const m of text.matchAll(/(附表|表)(\d+(?:[-－—–]\d+)?)(?![\d])/g)) refs.add(`${m[1]}${m[2].replace(/[－—–]/g, '-')}`);
    }
  }
  return out;
}

/** Citation evidence: the prose before the body cites this caption's reference, only other ones, or the prose after cites it. */
function citationEvidence(ref: string | undefined, cited: Citations): Evidence | null {
  if (!ref) return null;
  if (cited.before.has(ref)) return { kind: 'citation', weight: CITED, detail: `the prose right before the body cites ${ref}` };
  const family = ref.startsWith('附表') ? '附表' : '表';
  const others = [...cited.before].filter((r) => (r.startsWith('附表') ? '附表' : '表') === family);
  if (others.length) return { kind: 'citation', weight: CITED_OTHER, detail: `the prose right before the body cites ${others.join(', ')}, not ${ref}` };
  if (cited.after.has(ref)) return { kind: 'citation', weight: CITED_AFTER, detail: `the prose right after the body cites ${ref}` };
  return null;
}

/**
 * All evidence for a candidate pairing: position, years, rows, grouping, citation and habit.
 * `habit` is the side the document's unambiguous captions prefer, or null.
 */
export function captionEvidence(c: CaptionCandidate, caption: Line, facts: BodyFacts, cited: Citations, habit: Side | null): Evidence[] {
  const title = caption.title ?? '';
  const out: Evidence[] = [positionEvidence(c)];
  for (const e of [yearsEvidence(title, facts), rowsEvidence(title, facts), groupingEvidence(title, facts), citationEvidence(caption.ref, cited)]) if (e) out.push(e);
  if (habit && c.side === habit && !c.prose && !c.bodiesBetween && !c.listed && c.listSize === 1) out.push({ kind: 'habit', weight: HABIT, detail: `most captions of this document stand ${habit} their bodies` });
  return out;
}

/** The total weight of some evidence. */
export function scoreOf(evidence: readonly Evidence[]): number {
  return evidence.reduce((s, e) => s + e.weight, 0);
}
