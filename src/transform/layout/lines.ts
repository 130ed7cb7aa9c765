/**
 * Line classification: what each printed line of a report is, before tables are assembled —
 * a table caption ("表 3-1〿…", "附表 5　…", overprinted "表表表表3333 …"), a figure caption,
 * a "续表" marker, a data row (label + number cells), a values-only line, a label-only line
 * (header cells, section heads, the first half of a split label), prose, page furniture
 * (running heads, page numbers), a chart's value labels (set by charts.ts), or blank.
 */
import type { LineCell, SourceLine } from '../../model.ts';
import { tokenizeHeader } from '../read/header.ts';
import { isCellToken, isNullToken, isMalformedNumber, parseCell, parseNumberToken } from '../normalize/numbers.ts';
import { normaliseLine, normaliseRef } from '../normalize/text.ts';

export type LineKind = 'blank' | 'furniture' | 'caption' | 'figure' | 'chart' | 'cont' | 'row' | 'values' | 'label' | 'prose';

/** One classified line. `label`/`tokens` are set for rows, values and labels. */
export interface Line {
  /** Index in the document's line array. */
  idx: number;
  src: SourceLine;
  /** Normalised text (overprint collapsed, simplified script). */
  text: string;
  kind: LineKind;
  /** For captions and figure captions: the reference ("表3-1", "附表5", "图2-1") and the title. */
  ref?: string;
  title?: string;
  /** Label text (may be empty for values-only lines), with its leading indentation kept. */
  label: string;
  /** Number and null-marker tokens at the end of the row; a TAB-joined cell stays one token. */
  tokens: string[];
  /**
   * The PDF geometry of the line's cells, aligned with its tokens: a cell that held a label and
   * numbers, or several numbers, is split as its tokens are (`splitMergedCell`); absent for text.
   */
  cells?: LineCell[];
  /** Segments of a row that prints several labelled lists side by side ("德国 280 235.7 1 美国 …"). */
  segments?: { label: string; tokens: string[] }[];
}

const CAPTION = /^\s*(?:续表\s*)?((?:附\s*表|表)\s*[0-9０-９]+(?:\s*[-－—–]\s*[0-9０-９]+)?)(?:[\s\u3000]+|(?=[0-9０-９]{4}))(.*)$/;
const FIGURE = /^\s*(图\s*[0-9０-９]+(?:\s*[-－—–]\s*[0-9０-９]+)?)[\s\u3000]+(.*)$/;
/** Running heads, footers, page numbers and footnotes (①…) printed inside the text flow. */
const FURNITURE = /^\s*([\u2460-\u2469].*|\d{1,3}|\d*\s*(\d{4}\s*年?)?\s*(全国技术市场)?(统计)?年度报告|.*Annual Report.*|全国技术市场|统计年报|第[一二三四五六七八九十]+部分.*)\s*$/i;
const SENTENCE = /[，。；？！,;]|^\s*[一二三四五六七八九十]+、|^\s*\d+[.．、]\D/;

/**
 * Splits a line into whitespace tokens; U+3000 stands alone as a token (an empty-cell
 * placeholder). A TAB-separated line (PDF geometry) yields one token per cell, spaces inside
 * a cell kept as they are, except in a cell that holds several numbers (splitMergedCell).
 */
export function tokenize(text: string): string[] {
  if (text.includes('\t')) return text.split('\t').map((c) => c.trim()).filter((c) => c !== '').flatMap((c) => splitMergedCell(c) ?? [c]);
  return text.replace(/\u3000/g, ' \u3000 ').split(/ +/).filter((t) => t !== '');
}

/**
 * A PDF cell that printed a label and numbers, or several numbers, closer than a cell gap
 * ("134852 3479.64 14.19", "合计 2169 508.02": columns set tight, or text overflowing a tab stop),
 * as the tokens a text row's would give: the label (if any), then its trailing numbers, kept as
 * one token when together they are one thousands-grouped number. Null for a cell that is one
 * number ("28 251.5") or has no trailing number.
 */
export function splitMergedCell(text: string): string[] | null {
  const parts = text.split(/ +/);
  let k = parts.length;
  while (k > 0 && isCellToken(parts[k - 1])) k--;
  const trailing = parts.slice(k);
  if (!trailing.length) return null;
  const numbers = parseCell(trailing) ? [trailing.join(' ')] : trailing;
  if (k === 0) return numbers.length > 1 ? numbers : null;
  return [parts.slice(0, k).join(' '), ...numbers];
}

/**
 * A line's cells aligned with its tokens: a cell split by splitMergedCell becomes one cell per
 * number, each given the share of the cell's width its characters take (digits print alike).
 */
function tokenCells(cells: readonly LineCell[]): LineCell[] {
  return cells.flatMap((c) => {
    const text = c.text.trim();
    const parts = splitMergedCell(text);
    if (!parts) return [c];
    const perChar = (c.xEnd - c.x) / text.length;
    let at = 0;
    return parts.map((p) => {
      const start = text.indexOf(p, at);
      at = start + p.length;
      return { text: p, x: c.x + start * perChar, xEnd: c.x + at * perChar };
    });
  });
}

/**
 * Splits trailing cell tokens off a token list: the label tokens before them and the cells. A
 * spoilt number ("北 京 8l311 4486.89 …") is a cell of the run when the run holds a valid number
 * too, so that it stays in its column instead of joining the label (and moving its neighbours).
 */
function splitTrailing(toks: string[]): { label: string[]; cells: string[] } {
  let k = toks.length;
  let sure = k;
  while (k > 0 && (isCellOrGroupedToken(toks[k - 1]) || isMalformedCellToken(toks[k - 1]))) {
    k--;
    if (isCellOrGroupedToken(toks[k])) sure = k;
  }
  // A run without a valid number keeps its spoilt-looking tokens in the label ("3.1.2" alone
  // on a line numbers a heading; it is no row).
  const valid = toks.slice(k).some((t) => isCellOrGroupedToken(t) && !isNullToken(t));
  const start = valid ? k : sure;
  return { label: toks.slice(0, start), cells: toks.slice(start) };
}

/** A spoilt number token ("8l311"; a TAB-split cell "28 25l.5" too): see isMalformedNumber. */
function isMalformedCellToken(t: string): boolean {
  return parseCell(t.split(' '))?.kind === 'malformed';
}

/** A token that is a cell, or a space-grouped cell from a TAB-split line ("28 251.5"). */
function isCellOrGroupedToken(t: string): boolean {
  return isCellToken(t) || (/ /.test(t) && t.split(' ').every((p) => isCellToken(p)));
}

/** A line that only states a unit: "单位：万元", "（单位：亿元）". */
const UNIT_LINE = /^\s*[（(]?\s*单位\s*[:：]\s*[^\s，。,]{1,6}\s*[）)]?\s*$/;

/**
 * Gives each caption the unit line printed right under it ("表1 …" then "单位：万元"): the unit
 * becomes part of the caption's title and the line stops being a header line, so the unit moves
 * with its caption wherever that stands (before the body, after it, or away from it).
 */
export function attachUnitLines(lines: Line[]): void {
  for (const cap of lines) {
    if (cap.kind !== 'caption') continue;
    for (let i = cap.idx + 1; i < lines.length && i <= cap.idx + 3; i++) {
      const l = lines[i];
      if (l.kind === 'blank') continue;
      if (l.kind === 'label' && UNIT_LINE.test(l.text)) {
        cap.title = `${cap.title}（${l.text.trim().replace(/^[（(]|[）)]$/g, '')}）`;
        l.kind = 'furniture';
      }
      break;
    }
  }
}

/**
 * A row printed as its label on one line and its numbers on the next ("合同数/项" then
 * "256428 282242 …", "2001年" then "43701 …"): the label line is joined to the numbers, which
 * become one row (at the numbers' line, where the values are printed). Only a label line that is
 * no header (it names at most one year or measure) right above a values line is joined, and not
 * when the values line starts with its own year ("1999 43701 …"). The label line becomes
 * furniture so no header or section takes it again. A year alone on a line under a line of
 * header years is the last header cell ("2004年" then "2005"), not a row.
 */
export function joinLabelLines(lines: Line[]): void {
  let label: Line | null = null;
  for (const [i, l] of lines.entries()) {
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    // A year alone under header years ("2004年" then "2005"): the header's last cell, printed down.
    if (l.kind === 'values' && l.tokens.length === 1 && isDataYearText(l.tokens[0]) && label && /(19|20)\d{2}\s*年/.test(label.text)) {
      lines[i] = { ...l, kind: 'label', label: l.text.trim(), tokens: [] };
      label = lines[i];
      continue;
    }
    // Numbers first: a values line, or a row of two labelled lists whose first label is the line above.
    const numbersFirst = l.kind === 'values' || (l.kind === 'row' && !l.cells && isCellToken(l.label.trim().split(/\s+/)[0] ?? ''));
    if (numbersFirst && label && !spoiltNumbersOnly(label.text) && !/^(19|20)\d{2}$/.test(l.tokens[0] ?? l.label.trim()) && tokenizeHeader(label.text).filter((t) => t.t !== 'O').length <= 1) {
      const joined = classifyText(l.src, l.idx, `${label.text.trim()} ${l.text.trim()}`);
      if (joined.kind === 'row') {
        lines[i] = joined;
        label.kind = 'furniture';
      }
    }
    label = lines[i].kind === 'label' ? lines[i] : null;
  }
}

/**
 * Whether a label line holds nothing but numbers, one at least spoilt ("4l9.59" above "231.73",
 * a chart's value labels): no label, so never joined to the numbers under it.
 */
export function spoiltNumbersOnly(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.some((t) => isMalformedNumber(t)) && tokens.every((t) => isMalformedNumber(t) || isCellToken(t));
}

/** A 4-digit year 19xx/20xx and nothing else. */
function isDataYearText(token: string): boolean {
  return /^(19|20)\d{2}$/.test(token);
}

/** A caption line that names a table of its own (not "续表 …", the continuation of one). */
export function isTableCaption(l: Line): boolean {
  return l.kind === 'caption' && !/^\s*续\s*表/.test(l.text);
}

/**
 * Classifies one source line. `traditional` converts the line to simplified script first.
 */
export function classifyLine(src: SourceLine, idx: number, traditional: boolean): Line {
  return classifyText(src, idx, normaliseLine(src.text, traditional));
}

/** Classifies a line whose text is already normalised (see classifyLine). */
function classifyText(src: SourceLine, idx: number, text: string): Line {
  const base: Line = { idx, src, text, kind: 'blank', label: '', tokens: [], ...(src.cells ? { cells: tokenCells(src.cells) } : {}) };
  const trimmed = text.trim();
  if (!trimmed || trimmed === '\u3000') return base;
  if (FURNITURE.test(text)) return { ...base, kind: 'furniture' };
  const cap = CAPTION.exec(text);
  if (cap && !SENTENCE.test(cap[2]) && /[\u4e00-\u9fff]/.test(cap[2]) && cap[2].length < 80) {
    return { ...base, kind: 'caption', ref: normaliseRef(cap[1]), title: cap[2].trim() };
  }
  const fig = FIGURE.exec(text);
  if (fig) return { ...base, kind: 'figure', ref: normaliseRef(fig[1]), title: fig[2].trim() };
  if (/^续\s*表$/.test(trimmed)) return { ...base, kind: 'cont' };
  const toks = tokenize(text);
  const { label, cells } = splitTrailing(toks);
  const hasNumber = cells.some((c) => !isNullToken(c));
  const labelText = label.join(' ');
  // A spoilt number among the label's words ("英国 117 14.5 1,,0 阿联酋") is no punctuation of a sentence.
  const words = label.filter((t) => !isMalformedNumber(t)).join(' ');
  if (SENTENCE.test(words.replace(/^\s*其中[:：]/, '')) || (labelText.match(/[\u4e00-\u9fff]/g)?.length ?? 0) > 36) return { ...base, kind: 'prose', label: labelText };
  // A row printed with null markers only ("西 藏 / / /") is a row without values; a single
  // trailing "/" is the end of a label split over lines ("单项合同平均成交额 /").
  if (!hasNumber && (cells.length < 2 || !label.length)) return { ...base, kind: 'label', label: leadingSpace(text) + labelText + (cells.length ? ' ' + cells.join(' ') : '') };
  if (!label.length) return { ...base, kind: 'values', tokens: cells };
  if (!hasNumber) return { ...base, kind: 'row', label: leadingSpace(text) + labelText, tokens: cells };
  if (isYearList(labelText, cells)) return { ...base, kind: 'label', label: trimmed };
  const segments = sideBySide(label, cells);
  return { ...base, kind: 'row', label: leadingSpace(text) + labelText, tokens: cells, ...(segments ? { segments } : {}) };
}

function leadingSpace(text: string): string {
  return /^[ \u3000]+/.exec(text)?.[0] ?? '';
}

/** "2001年 2002年 2003年 2004年 2005": a header line of years whose last year lacks 年. */
function isYearList(label: string, cells: string[]): boolean {
  return /^((19|20)\d{2}\s*年\s*)+$/.test(label) && cells.every((c) => /^(19|20)\d{2}$/.test(c));
}

/**
 * A row that carries two or more labelled lists side by side: its label part itself holds
 * number cells ("德国 280 235.7 1 美国" + "1023 689.5 1"). Returns the segments, or undefined.
 */
function sideBySide(label: string[], cells: string[]): { label: string; tokens: string[] }[] | undefined {
  const segs: { label: string; tokens: string[] }[] = [];
  let cur: { label: string[]; tokens: string[] } = { label: [], tokens: [] };
  for (const t of label) {
    if ((parseNumberToken(t) || isMalformedNumber(t)) && cur.label.length) cur.tokens.push(t);
    else if (cur.tokens.length) {
      segs.push({ label: cur.label.join(' '), tokens: cur.tokens });
      cur = { label: [t], tokens: [] };
    } else cur.label.push(t);
  }
  if (!segs.length) return undefined;
  segs.push({ label: cur.label.join(' '), tokens: cells });
  return segs.every((s) => /[\u4e00-\u9fffA-Za-z]/.test(s.label)) ? segs : undefined;
}
