/**
 * Number cells as the reports print them: "28 251.5" (thousands grouped by a space), "－0.22"
 * (full-width minus), "－61.78%", "28 251.5a" (footnote marker), and the null markers
 * "—", "-", "/", "…", U+3000. Serves every table of every edition (DESIGN.md "Transform").
 */

/** A parsed number cell: the exact decimal as printed (ASCII, no grouping, "-" for minus). */
export interface NumberCell {
  kind: 'number';
  /** e.g. "13424.22", "-0.22", "2.0" — every printed digit kept. */
  value: string;
  /** Digits after the point as printed (the rounding unit). */
  decimals: number;
  /** Footnote marker printed on the cell ("a", "①", "*"), or "". */
  footnote: string;
  /** True when the cell carried a "%" sign. */
  percent: boolean;
  /** The cell's raw text as printed. */
  raw: string;
}

/** A cell printed as a null marker ("—", "-", "/", "…", U+3000): no observation. */
export interface NullCell {
  kind: 'null';
  raw: string;
}

/**
 * A cell printed where a number stands but spoiled by an OCR or typing slip (see
 * isMalformedNumber): "8l311", "677.7x4", "1033..08", "#81311". It fills a column like any cell,
 * so its neighbours keep theirs, but it is never a value: the table reports it as a
 * `malformed_number` finding.
 */
export interface MalformedCell {
  kind: 'malformed';
  raw: string;
}

export type Cell = NumberCell | NullCell | MalformedCell;

const MINUS = '-\u2212\uFF0D\u2013';
const FOOTNOTE = 'a-e\u2460-\u2469*\u203B';
/** One whitespace-free token that is a whole number cell, possibly signed, %-ed and footnoted. */
const NUMBER_TOKEN = new RegExp(`^([${MINUS}]?)(\\d+)(?:\\.(\\d+))?([${FOOTNOTE}]?)([%％]?)([${FOOTNOTE}]?)$`);
/** Tokens that mean "no value". U+3000 is an empty-cell placeholder in the newer editions. */
const NULL_TOKENS = new Set(['—', '——', '-', '－', '/', '…', '……', '\u3000', '–', '−']);

/** Converts full-width digits, letters, point and percent to ASCII (NFKC on those only). */
export function asciiDigits(s: string): string {
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, (c) => c.normalize('NFKC')) : s;
}
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF05]/;
const FULL_WIDTH_ALL = new RegExp(FULL_WIDTH.source, 'g');

/** Whether a whitespace-free token is a null marker. */
export function isNullToken(token: string): boolean {
  return NULL_TOKENS.has(token);
}

/**
 * Parses one whitespace-free token as a number cell, or returns null when it is not one.
 * "－61.78%" → { value "-61.78", decimals 2, percent true }; "28251.5a" → footnote "a".
 */
export function parseNumberToken(token: string): NumberCell | null {
  const t = asciiDigits(token);
  const m = NUMBER_TOKEN.exec(t);
  if (!m) return null;
  const [, sign, int, frac, fn1, pct, fn2] = m;
  if (fn1 && fn2) return null;
  const value = (sign ? '-' : '') + int + (frac !== undefined ? '.' + frac : '');
  return { kind: 'number', value, decimals: frac?.length ?? 0, footnote: fn1 || fn2, percent: pct !== '', raw: token };
}

/**
 * Parses a cell made of one or more space-separated tokens. Several tokens form one number
 * only as thousands groups: a head of 1–3 digits then groups of exactly 3 digits, the last of
 * which may carry the fraction, sign, % and footnote ("28 251.5a", "1 015 986.2").
 * A lone token with a leading zero ("084") is no cell: it can only be a thousands group.
 * Returns null when the tokens cannot form one cell.
 */
export function parseCell(tokens: string[]): Cell | null {
  if (tokens.length === 1 && isNullToken(tokens[0])) return { kind: 'null', raw: tokens[0] };
  if (tokens.length === 1) {
    if (/^[-\u2212\uFF0D]?0\d/.test(asciiDigits(tokens[0]))) return null;
    return parseNumberToken(tokens[0]) ?? (isMalformedNumber(tokens[0]) ? { kind: 'malformed', raw: tokens[0] } : null);
  }
  if (isMalformedNumber(tokens[tokens.length - 1])) {
    // Thousands groups whose last group is spoilt ("28 25l.5"): one malformed cell.
    const groups = parseCell([...tokens.slice(0, -1), '000']);
    return groups?.kind === 'number' ? { kind: 'malformed', raw: tokens.join(' ') } : null;
  }
  if (!isGroupHead(tokens[0])) return null;
  for (let i = 1; i < tokens.length - 1; i++) if (!/^\d{3}$/.test(asciiDigits(tokens[i]))) return null;
  const last = parseNumberToken(tokens[tokens.length - 1]);
  if (!last || last.value.startsWith('-') || !/^\d{3}(\.|$)/.test(last.value)) return null;
  const head = asciiDigits(tokens[0]);
  const merged = parseNumberToken(head + tokens.slice(1).map(asciiDigits).join(''));
  return merged && { ...merged, raw: tokens.join(' ') };
}

/** A token that can start a thousands-grouped number: an optional minus and 1–3 digits, not "0". */
function isGroupHead(token: string): boolean {
  return GROUP_HEAD.test(asciiDigits(token));
}
const GROUP_HEAD = new RegExp(`^[${MINUS}]?[1-9]\\d{0,2}$`);

/** Whether a token could be (part of) a number cell or a null marker. */
export function isCellToken(token: string): boolean {
  return isNullToken(token) || parseNumberToken(token) !== null;
}

/** Characters a slip puts into a number: letters, and symbols that are no part of a number here. */
const STRAY = /^[A-Za-z#*?!@$&~_=+:;|^`'".,]{1,2}$/;

/**
 * Whether a whitespace-free token is a number cell spoilt by one slip: one or two stray
 * characters inside the digits or in a digit's place ("8l311", "677.7x4", "10#33.08", "-l.05"),
 * a doubled separator ("1033..08"), a stray symbol before the digits ("#81311", "#1") or a stray
 * letter or symbol after them ("4486.89x", "2.61%f", "1x"): without the slip (or with a digit in
 * its place) the token reads as a number. Not malformed: valid cells (a footnote marker
 * "28251.5a" is valid), text with CJK characters, list numbers, headings and ranges ("1.",
 * "3.1.2", "2019—2020", "5-1"), and names that start with letters ("G20", "PM2.5").
 */
export function isMalformedNumber(token: string): boolean {
  if (!/[\d\uFF10-\uFF19]/.test(token)) return false;
  const t = asciiDigits(token).replace(new RegExp(`[${MINUS}]`, 'g'), '-');
  if (isCellToken(t) || /[^\x21-\x7e]/.test(t)) return false;
  for (let i = 0; i < t.length; i++) {
    for (let w = 1; w <= 2 && i + w <= t.length; w++) {
      const stray = t.slice(i, i + w);
      if (!STRAY.test(stray)) continue;
      const [before, after] = [t.slice(0, i), t.slice(i + w)];
      // A separator is stray only doubled ("1033..08"): "3.1.2" numbers a heading.
      if (/^[.,]$/.test(stray) && !/[.,]$/.test(before) && !/^[.,]/.test(after)) continue;
      if (!before && (/[A-Za-z.,]/.test(stray) || !/^-?\d/.test(after))) continue;
      if (!after && (/[.,]/.test(stray) || !/[\d%]$/.test(before))) continue;
      // The slip added the characters, or one took a digit's place ("-l.05" for "-1.05").
      for (const repaired of w === 1 ? [before + after, `${before}0${after}`] : [before + after]) {
        const rest = parseNumberToken(repaired);
        if (rest && !/^-?0\d/.test(repaired) && digitCount(rest.value) >= (after && before ? 2 : 1)) return true;
      }
    }
  }
  return false;
}

/** Number of digits in a cell's value (sign and point excluded), for counting checks in tests. */
export function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}
