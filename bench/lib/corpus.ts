/**
 * The synthetic corpus of the scale run: editions generated from the report seeds in fixtures/
 * by changing years and numbers consistently, so that every check comes out exactly as on the
 * seed it was made from.
 *
 * Variant v of a seed (v = 1, 2, …):
 * - every figure that measures the size of the market (counts and amounts: contract_count,
 *   turnover, tech_transaction_amount, gdp, rd_expenditure, org_count …; every figure that is
 *   not a share, growth rate, ratio, change in points, average or rank) is multiplied by 10 by
 *   moving its decimal point one place right ("13424.22" → "134242.2", "84 451" → "844510"), in
 *   tables, charts and prose alike. The printed interval of each such value
 *   ([v − ½·10^-d, v + ½·10^-d]) is multiplied by 10 with it, so sums of children and rows, and
 *   the same figure printed in several places, hold exactly as before, while shares, growth
 *   rates, averages, ratios and ranks, which compare figures that all scaled alike, keep their
 *   printed values and still agree. The figures are found with the transform itself (each
 *   observation's line and raw cell text, or for prose its value in the sentence's lines).
 *   A table printed sideways (its numbers broken down a column of lines, which transform
 *   decodes from where the digits break) is left as printed, with the prose figures quoting it.
 * - every year (a 4-digit 1960–2099 standing alone that the transform did not read as a figure:
 *   "2020 年", "2019—2020", a row labelled "1999", "2018 全国技术市场…", a rotated caption's
 *   "20", "17", "年" down a column) is moved v years back; an overprinted line holding a year
 *   ("表表表表9999 2001-20052001-2005…") is printed once, as transform reads it, with its
 *   years moved.
 * Each generated edition is then extracted, transformed and checked, and its profile (tables,
 * observations, findings, and check outcomes by kind, status and severity) compared with its
 * seed's: `CorpusEdition.sameProfile` says whether they agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runChecks } from '../../src/checks/index.ts';
import { extractText } from '../../src/extract/text.ts';
import type { Observation } from '../../src/model.ts';
import { transformDocument } from '../../src/transform/index.ts';
import { collapseOverprint } from '../../src/transform/normalize/text.ts';

/** One generated edition. */
export interface CorpusEdition {
  path: string;
  seed: string;
  variant: number;
  /** Figures multiplied by 10. */
  scaled: number;
  /** Figures to scale that could not be found in the text (left unchanged). */
  unlocated: number;
  profile: string;
  seedProfile: string;
  sameProfile: boolean;
}

/**
 * Whether a figure stays as printed when every count and amount is multiplied alike: a share,
 * growth rate, ratio or change in points (unit % or 百分点), a rank, an average.
 */
function invariant(o: Observation): boolean {
  return o.unit === '%' || o.unit === '百分点' || o.unit === '位' || /(_pct$|_pp$|rank|^avg_)/.test(o.measure);
}

/**
 * A year: 1960–2099 standing alone (no digit or point either side: "2020 年", "2004年", a row
 * "1999 43701 …", "2019—2020"), or run into a page number before the report's name, as in the
 * running header "212018年度报告" (page 21). Tokens the transform read as figures are excluded
 * by position (see `variantText`).
 */
const YEAR = /(?<![\d.])(?:19[6-9]\d|20\d{2})(?![\d.])|(?:19|20)\d{2}(?=\s*(?:年度报告|全国技术市场|Annual Report))/g;

/** The numeric part of a raw cell ("84 451", "-3.5", "28 251.5" of "28 251.5a"). */
const RAW_NUMBER = /-?\d[\d ]*(?:\.\d+)?/;

/** `value` (an exact decimal such as "13424.22") times 10, its decimal point moved one place. */
export function timesTen(value: string): string {
  const negative = value.startsWith('-');
  const [int, frac = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = (int + (frac[0] ?? '0')).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(1);
  return `${negative ? '-' : ''}${digits}${rest ? `.${rest}` : ''}`;
}

/** The check profile of a seed text: what its transform and checks find, as one line. */
async function profileOf(path: string, text: string): Promise<{ profile: string; observations: Observation[] }> {
  const doc = await extractText(path, Buffer.from(text));
  const result = transformDocument(doc);
  const checks = runChecks(result.observations, { tolerance: 0 });
  const counts = new Map<string, number>();
  for (const c of checks) counts.set(`${c.checkKind}/${c.status}/${c.severity}`, (counts.get(`${c.checkKind}/${c.status}/${c.severity}`) ?? 0) + 1);
  const outcome = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k}=${n}`).join(' ');
  return {
    profile: `tables=${result.tables.length} observations=${result.observations.length} findings=${result.findings.length} ${outcome}`,
    observations: result.observations,
  };
}

/** A stretch of one line (0-based line index, character offsets). */
interface Span {
  line: number;
  start: number;
  end: number;
}

/** Whether `text[start, end)` stands alone: no digit or point on either side. */
function alone(text: string, start: number, end: number): boolean {
  return !/[\d.]/.test(text[start - 1] ?? '') && !/[\d.]/.test(text[end] ?? '');
}

/** The printed stretches of the seed, by line, that an observation was already found at. */
class Taken {
  private readonly spans = new Map<number, Span[]>();

  free(s: Span): boolean {
    return (this.spans.get(s.line) ?? []).every((t) => s.end <= t.start || s.start >= t.end);
  }

  take(spans: Span[]): Span[] {
    for (const s of spans) this.spans.set(s.line, [...(this.spans.get(s.line) ?? []), s]);
    return spans;
  }
}

/** How many lines after its own a prose figure is looked for (a sentence runs over lines). */
const PROSE_LINES = 6;

/**
 * Where an observation is printed, as one stretch or, for a number printed down a column of
 * lines ("10", "52", "3" read as "10 52 3"), one stretch per line; null when not found. Tried
 * in turn: its raw cell standing alone on its line; its raw's space-separated parts as the
 * next non-blank lines from its own; its value's digits (spaces allowed between them, as in
 * "367 586") in its line or the next few, for a figure quoted in prose, whose raw is the
 * sentence.
 */
function locate(lines: string[], o: Observation, taken: Taken): Span[] | null {
  const at = o.line - 1;
  const text = lines[at] ?? '';
  for (let from = 0, found; (found = text.indexOf(o.raw, from)) >= 0; from = found + 1) {
    const span = { line: at, start: found, end: found + o.raw.length };
    if (alone(text, span.start, span.end) && taken.free(span)) return taken.take([span]);
  }
  const parts = o.raw.trim().split(/\s+/);
  if (parts.length > 1 && parts.every((p) => /^[\d.]+$/.test(p))) {
    const spans: Span[] = [];
    for (let i = at; i < lines.length && spans.length < parts.length; i++) {
      const trimmed = lines[i].trim();
      if (!trimmed) continue;
      if (trimmed !== parts[spans.length]) break;
      const start = lines[i].indexOf(trimmed);
      spans.push({ line: i, start, end: start + trimmed.length });
    }
    if (spans.length === parts.length && spans.every((sp) => taken.free(sp))) return taken.take(spans);
  }
  const digits = o.value.replace('-', '').split('').map((c) => (c === '.' ? '\\.' : c)).join(' ?');
  const pattern = new RegExp(`(?<![\\d.])-?${digits}(?! ?\\d)`, 'g');
  for (let i = at; i < Math.min(lines.length, at + PROSE_LINES); i++) {
    for (const m of lines[i].matchAll(pattern)) {
      const span = { line: i, start: m.index, end: m.index + m[0].length };
      if (taken.free(span)) return taken.take([span]);
    }
  }
  return null;
}

/**
 * The printed text of `value` × 10 in the stretches `spans` held: one stretch gets the number
 * (the raw's non-numeric rest, e.g. a footnote letter, kept); a number printed down several lines
 * keeps the width of every part but the first, which takes the extra digit.
 */
function scaledTexts(lines: string[], spans: Span[], o: Observation): string[] {
  const scaled = timesTen(o.value);
  if (spans.length === 1) {
    const printed = lines[spans[0].line].slice(spans[0].start, spans[0].end);
    return [printed === o.raw ? o.raw.replace(RAW_NUMBER, scaled) : scaled];
  }
  // The first part takes the extra digit; every later part keeps its width.
  const widths = spans.map((sp) => sp.end - sp.start);
  const tail = widths.slice(1).reduce((a, b) => a + b, 0);
  const out = [scaled.slice(0, scaled.length - tail)];
  let at = scaled.length - tail;
  for (const w of widths.slice(1)) {
    out.push(scaled.slice(at, at + w));
    at += w;
  }
  return out;
}

/** The text of variant `variant` of a seed, with the number of figures scaled and not found. */
function variantText(seedText: string, observations: Observation[], variant: number): { text: string; scaled: number; unlocated: number } {
  const lines = seedText.split('\n');
  const taken = new Taken();
  const edits: (Span & { text: string })[] = [];
  let scaled = 0;
  let unlocated = 0;
  // Cells of tables first: a prose figure is looked for only where no table cell was found.
  const ordered = [...observations].sort((a, b) => Number(a.tableRef === 'text') - Number(b.tableRef === 'text'));
  const located = ordered.map((o) => ({ o, spans: locate(lines, o, taken) }));
  // A table printed sideways (numbers down columns of lines) is read by transform from where its
  // digits break: it stays as printed, all of it.
  // So does a prose figure quoting it: the same figure (within rounding), on a line naming the table.
  const sideways = new Set(located.filter((l) => l.spans && l.spans.length > 1).map((l) => l.o.tableRef));
  const magnitude = (o: Observation) => Number(o.value) * 10 ** o.unitMult;
  const halfUnit = (o: Observation) => 0.5 * 10 ** (o.unitMult - o.decimals);
  const tableFigures = located.filter((l) => sideways.has(l.o.tableRef)).map((l) => l.o);
  const quotes = (o: Observation, spans: Span[] | null) => {
    const line = spans ? lines[spans[0].line].replace(/\s/g, '') : '';
    return o.tableRef === 'text' &&
      tableFigures.some((t) => line.includes(t.tableRef) && Math.abs(magnitude(t) - magnitude(o)) <= halfUnit(t) + halfUnit(o));
  };
  for (const { o, spans } of located) {
    if (invariant(o) || sideways.has(o.tableRef) || quotes(o, spans)) continue;
    if (!spans) {
      unlocated++;
      continue;
    }
    scaledTexts(lines, spans, o).forEach((text, i) => edits.push({ ...spans[i], text }));
    scaled++;
  }
  lines.forEach((line, i) => {
    // An overprinted line ("表表表表9999 2001-20052001-2005…", bold print) is written once,
    // as transform reads it, before its years move.
    const collapsed = collapseOverprint(line);
    if (collapsed !== line) {
      if (collapsed.match(YEAR)) edits.push({ line: i, start: 0, end: line.length, text: collapsed.replace(YEAR, (y) => String(Number(y) - variant)) });
      return;
    }
    for (const m of line.matchAll(YEAR)) {
      const span = { line: i, start: m.index, end: m.index + m[0].length };
      if (taken.free(span)) edits.push({ ...span, text: String(Number(m[0]) - variant) });
    }
  });
  for (const e of edits.sort((a, b) => b.line - a.line || b.start - a.start)) {
    lines[e.line] = lines[e.line].slice(0, e.start) + e.text + lines[e.line].slice(e.end);
  }
  shiftVerticalYears(lines, variant);
  return { text: lines.join('\n'), scaled, unlocated };
}

/**
 * Moves back by `variant` the years of captions printed down a column, one or two characters a
 * line ("20", "", "17", "年" in a rotated table's title), keeping the width of every line.
 */
function shiftVerticalYears(lines: string[], variant: number): void {
  const digitLine = (l: string | undefined) => l !== undefined && /^\d{1,3}$/.test(l.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!digitLine(lines[i])) continue;
    const parts: number[] = [];
    let j = i;
    let digits = '';
    for (; j < lines.length && digits.length < 4; j++) {
      if (!lines[j].trim()) continue;
      if (!digitLine(lines[j])) break;
      parts.push(j);
      digits += lines[j].trim();
    }
    while (j < lines.length && !lines[j].trim()) j++;
    if (!/^(19|20)\d{2}$/.test(digits) || !(lines[j] ?? '').trim().startsWith('年')) continue;
    let year = String(Number(digits) - variant);
    for (const k of parts) {
      const width = lines[k].trim().length;
      lines[k] = lines[k].replace(lines[k].trim(), year.slice(0, width));
      year = year.slice(width);
    }
  }
}

/**
 * Writes `count` editions into `dir`, made from the text seeds `seeds` in turn (those with
 * observations: a prose-only document is no edition): variant 1 of every seed, then variant 2 …
 * File names keep that order: "00_<seed>_v1.txt". Returns each edition with its profile check.
 */
export async function writeCorpus(dir: string, seeds: string[], count: number): Promise<CorpusEdition[]> {
  const prepared = [];
  for (const path of seeds) {
    const text = readFileSync(path, 'utf8');
    const profiled = await profileOf(path, text);
    if (profiled.observations.length) prepared.push({ path, text, ...profiled });
  }
  if (!prepared.length) throw new Error('no seed with observations to make a corpus from');
  const editions: CorpusEdition[] = [];
  for (let k = 0; k < count; k++) {
    const seed = prepared[k % prepared.length];
    const variant = Math.floor(k / prepared.length) + 1;
    const { text, scaled, unlocated } = variantText(seed.text, seed.observations, variant);
    const path = join(dir, `${String(k).padStart(2, '0')}_${basename(seed.path, '.txt')}_v${variant}.txt`);
    writeFileSync(path, text);
    const { profile } = await profileOf(path, text);
    editions.push({
      path, seed: basename(seed.path), variant, scaled, unlocated,
      profile, seedProfile: seed.profile, sameProfile: profile === seed.profile,
    });
  }
  return editions;
}
