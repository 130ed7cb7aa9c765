/**
 * Header interpretation: turns the header lines of a table (one or several levels, cells split
 * over lines, spaced-out words) into the list of leaf columns a data row fills, each with its
 * year, flow group and measure. It serves the header shapes of all editions seen:
 *  - spanning years or flows over measures ("2019 年 2020 年" / "合同数/项 成交额/亿元 排名" ×2);
 *  - spanning measures over years ("合同数/项 成交额/亿元" / "2019 年 2020 年 增长/%" ×2);
 *  - parent cells over sub-cells ("成交额" / "金额/亿元 增长/% 占比/%");
 *  - flat cells that carry their own year ("2004年合同项数", "2005年较2004年项数增长(%)");
 *  - years only (the measure is in the row label, e.g. 附表8).
 */
import { asciiDigits } from '../normalize/numbers.ts';
import { isDataYear } from '../normalize/years.ts';
import {
  FLOW_WORDS, MEASURE_WORDS, UNIT_RE, baseMeasure, defaultUnit, isBase, unitOf, type MeasureWord,
} from './measures.ts';

/** A header token: a year, a flow group, a measure word (with its unit), a comparison, or other text. */
export type HeaderToken =
  | { t: 'Y'; year: number }
  | { t: 'G'; name: string }
  | { t: 'M'; word: MeasureWord; sub: boolean; unit: string | null; text: string }
  | { t: 'C'; year: number; word: MeasureWord | null; unit: string | null }
  | { t: 'O'; text: string };

/** One leaf column of a table. `measure` is null when the row label names it (years-only headers). */
export interface Column {
  year: number | null;
  group: string;
  measure: string | null;
  unit: string | null;
  /** What the column's cells look like: decides how a row's tokens are split into cells. */
  shape: 'count' | 'amount' | 'percent' | 'rank' | 'any';
}

const YEAR = /^((?:19|20)\d{2})年?(?:度)?/;
const COMPARISON = /^((?:19|20)\d{2})年?(?:比|较)((?:19|20)\d{2})年?(项数|金额|合同数|成交额)?增长(?:率)?/;

/** Tokenises header text (all lines of the header joined); spaces carry no meaning here. */
export function tokenizeHeader(text: string): HeaderToken[] {
  const s = asciiDigits(text).replace(/[\s\u3000]+/g, '').replace(/％/g, '%');
  const out: HeaderToken[] = [];
  let other = '';
  const flush = () => {
    if (other) out.push({ t: 'O', text: other });
    other = '';
  };
  for (let i = 0; i < s.length; ) {
    const rest = s.slice(i);
    let m: RegExpExecArray | null;
    if ((m = COMPARISON.exec(rest)) && isDataYear(Number(m[1]))) {
      flush();
      const word: MeasureWord | null = m[3] === '项数' || m[3] === '合同数' ? 'count' : m[3] ? 'turnover' : null;
      i += m[0].length;
      const u = UNIT_RE.exec(s.slice(i)) ?? /^[（(]%[）)]/.exec(s.slice(i));
      if (u) i += u[0].length;
      out.push({ t: 'C', year: Number(m[1]), word, unit: '%' });
      continue;
    }
    if ((m = YEAR.exec(rest)) && !/^\d/.test(rest.slice(4, 5)) && isDataYear(Number(m[1]))) {
      flush();
      out.push({ t: 'Y', year: Number(m[1]) });
      i += m[0].length;
      continue;
    }
    if ((m = FLOW_WORDS.exec(rest))) {
      flush();
      out.push({ t: 'G', name: m[1] });
      i += m[0].length;
      continue;
    }
    const w = MEASURE_WORDS.find((e) => e.re.test(rest));
    if (w) {
      flush();
      const word = w.re.exec(rest)![0];
      i += word.length;
      const u = UNIT_RE.exec(s.slice(i));
      let unit: string | null = null;
      if (u) {
        unit = unitOf(u);
        i += u[0].length;
      }
      out.push({ t: 'M', word: w.word, sub: !!w.sub, unit, text: word });
      continue;
    }
    const u = UNIT_RE.exec(rest);
    const prev = out[out.length - 1];
    if (u && !other && prev && prev.t === 'M' && !prev.unit) {
      prev.unit = unitOf(u);
      i += u[0].length;
      continue;
    }
    if (u && !other && prev) {
      i += u[0].length;
      continue;
    }
    other += s[i++];
  }
  flush();
  return out;
}

type Leaf = { tok: HeaderToken; year: number | null; parent: MeasureWord | null; group: string };

/**
 * Builds the leaf columns from header tokens. `cells` is the number of cells the table's data
 * rows most often have (it decides between a leaf list printed once and one repeated under each
 * spanning year/flow). `amountUnit` is the table's unit for amounts (亿元 unless stated).
 * Returns null when the header names nothing this vocabulary knows.
 */
export function buildColumns(tokens: HeaderToken[], cells: number, amountUnit: string): Column[] | null {
  const toks = nestParts(tokens).filter((t) => t.t !== 'O');
  if (!toks.length) return null;
  let leaves: Leaf[];
  if (isFlat(toks)) {
    leaves = [];
    toks.forEach((t, i) => {
      const prev = toks[i - 1];
      if (t.t === 'M' || t.t === 'C') leaves.push({ tok: t, year: prev?.t === 'Y' ? prev.year : null, parent: null, group: '' });
    });
  } else {
    const runs = splitRuns(toks);
    const spans: HeaderToken[][] = [];
    while (runs.length > 1 && (runs[0][0].t === 'Y' || runs[0][0].t === 'G')) spans.push(runs.shift()!);
    const rest = runs.flat();
    if (rest.length === 0 && spans.length) {
      leaves = spans.pop()!.map((tok) => ({ tok, year: null, parent: null, group: '' }));
    } else if (rest[0].t === 'M' && rest.some((t) => t.t === 'Y')) {
      leaves = measuresOverYears(runs);
    } else {
      leaves = expandParents(rest);
    }
    leaves = applySpans(leaves, spans, cells);
  }
  return resolveMeasures(leaves, amountUnit);
}

/** Measures that are parts of the turnover (成交金额 › 技术交易额, 产权交易额, 其它交易额). */
const TURNOVER_PARTS = new Set<MeasureWord>(['tech_amount', 'property_amount', 'other_amount']);

/**
 * A lower header row printed after every upper cell: "合同成交金额（亿元）… 开展…（次） 培训…（人）"
 * then "合计 技术交易额 产权交易额 其它交易额". "合计" there is the upper cell itself and the
 * parts stand under it, so they are moved right after it, in its unit (2006 edition 表11).
 */
function nestParts(tokens: HeaderToken[]): HeaderToken[] {
  const isPart = (t: HeaderToken | undefined) => t?.t === 'M' && TURNOVER_PARTS.has(t.word);
  const at = tokens.findIndex((t, i) => t.t === 'O' && t.text === '合计' && isPart(tokens[i + 1]));
  const parent = tokens.findIndex((t) => t.t === 'M' && t.word === 'turnover');
  if (at < 0 || parent < 0 || parent > at) return tokens;
  let end = at + 1;
  while (end < tokens.length && isPart(tokens[end])) end++;
  const unit = (tokens[parent] as Extract<HeaderToken, { t: 'M' }>).unit;
  const parts = tokens.slice(at + 1, end).map((t) => ({ ...t, unit }) as HeaderToken);
  return [...tokens.slice(0, parent + 1), ...parts, ...tokens.slice(parent + 1, at), ...tokens.slice(end)];
}

/** A header whose every year stands right before the measure it dates ("2004年合同项数 …"). */
function isFlat(toks: HeaderToken[]): boolean {
  const years = toks.filter((t) => t.t === 'Y').length;
  if (!years) return false;
  return toks.every((t, i) => t.t !== 'Y' || (toks[i + 1] !== undefined && toks[i + 1].t === 'M'));
}

/** Splits tokens into maximal runs of years, flows, or measures. */
function splitRuns(toks: HeaderToken[]): HeaderToken[][] {
  const cls = (t: HeaderToken) => (t.t === 'C' ? 'M' : t.t);
  const runs: HeaderToken[][] = [];
  for (const t of toks) {
    const last = runs[runs.length - 1];
    if (last && cls(last[0]) === cls(t)) last.push(t);
    else runs.push([t]);
  }
  return runs;
}

/**
 * "合同数/项 成交额/亿元" over "2019 2020 增长 2019 2020 增长": each parent spans its share of the
 * leaves. A growth/share/rank cell among the parents ("数量 增长（%）" over "2019 年 2020 年")
 * spans the header rows vertically: it is a leaf of its own after the leaves of the parent
 * before it.
 */
function measuresOverYears(runs: HeaderToken[][]): Leaf[] {
  const all = runs[0] as Extract<HeaderToken, { t: 'M' }>[];
  const parents = all.filter((p) => isBase(p.word));
  const own = all.filter((p) => !isBase(p.word));
  const kids = runs.slice(1).flat();
  const per = Math.max(1, Math.floor(kids.length / Math.max(1, parents.length)));
  const leaves: Leaf[] = kids.map((tok, i) => {
    const parent = parents[Math.min(parents.length - 1, Math.floor(i / per))] ?? all[0];
    const block = kids.slice(Math.floor(i / per) * per, Math.floor(i / per) * per + per);
    const years = block.filter((k) => k.t === 'Y').map((k) => (k as { year: number }).year);
    const year = tok.t === 'Y' ? tok.year : years.length ? Math.max(...years) : null;
    const leafTok: HeaderToken = tok.t === 'Y' ? { ...parent, sub: false } : tok;
    return { tok: leafTok, year, parent: parent.word, group: '' };
  });
  const lastYear = Math.max(...kids.filter((k) => k.t === 'Y').map((k) => (k as { year: number }).year));
  return [...leaves, ...own.map((tok) => ({ tok, year: Number.isFinite(lastYear) ? lastYear : null, parent: parents[parents.length - 1]?.word ?? null, group: '' }))];
}

/**
 * Parent cells over sub-cells: "合同数/项 成交额" then "金额/亿元 增长/% 占比/%": a parent with
 * its own unit is a leaf; a parent without one owns the next block of sub-cells (a block starts
 * at a sub-measure word such as 金额 or 项数).
 */
function expandParents(toks: HeaderToken[]): Leaf[] {
  const s = toks.findIndex((t) => t.t === 'M' && t.sub);
  const plain = (tok: HeaderToken, parent: MeasureWord | null = null): Leaf => ({ tok, year: null, parent, group: '' });
  if (s <= 0) return toks.map((t) => plain(t));
  const parents = toks.slice(0, s);
  const kids = toks.slice(s);
  const open = parents.filter((p) => p.t === 'M' && !p.unit);
  if (!open.length) return toks.map((t) => plain(t));
  const blocks: HeaderToken[][] = [];
  for (const k of kids) {
    if ((k.t === 'M' && k.sub) || !blocks.length) blocks.push([k]);
    else blocks[blocks.length - 1].push(k);
  }
  let byParent: HeaderToken[][];
  if (blocks.length === open.length) byParent = blocks;
  else if (kids.length % open.length === 0) {
    const per = kids.length / open.length;
    byParent = open.map((_, i) => kids.slice(i * per, i * per + per));
  } else return kids.map((t) => plain(t));
  const out: Leaf[] = [];
  let b = 0;
  for (const p of parents) {
    if (p.t === 'M' && !p.unit) out.push(...byParent[b++].map((k) => plain(k, p.word)));
    else out.push(plain(p));
  }
  return out;
}

/** Distributes spanning years/flows over the leaves (leaves printed once or once per span). */
function applySpans(leaves: Leaf[], spans: HeaderToken[][], cells: number): Leaf[] {
  if (!spans.length) return leaves;
  const product = spans.reduce((n, s) => n * s.length, 1);
  const repeated = leaves.length * product === cells || (leaves.length !== cells && leaves.length * product <= cells + 2);
  const all: Leaf[] = repeated ? Array.from({ length: product }, () => leaves.map((l) => ({ ...l }))).flat() : leaves.map((l) => ({ ...l }));
  let width = all.length;
  for (const span of spans) {
    const per = Math.max(1, Math.floor(width / span.length));
    all.forEach((leaf, i) => {
      const member = span[Math.min(span.length - 1, Math.floor((i % width) / per))];
      if (member.t === 'Y') leaf.year ??= member.year;
      if (member.t === 'G') leaf.group = member.name;
    });
    width = per;
  }
  return all;
}

/**
 * Columns from header paths read off the page's geometry (PDF): for each leaf column, the
 * tokens of the header cells above it, top to bottom, ending with its own cell. The last
 * measure word is the leaf; a measure word above it is its parent; a year or flow anywhere on
 * the path dates or groups it; a leaf that is only a year takes its parent's measure.
 */
export function columnsFromPaths(paths: HeaderToken[][], amountUnit: string): Column[] {
  const leaves: Leaf[] = paths.map((path) => {
    const named = path.filter((t) => t.t !== 'O');
    const measures = named.filter((t) => t.t === 'M' || t.t === 'C');
    const years = named.filter((t) => t.t === 'Y') as { year: number }[];
    const group = (named.find((t) => t.t === 'G') as { name: string } | undefined)?.name ?? '';
    const last = named[named.length - 1];
    const leafTok = last?.t === 'Y' && measures.length ? { ...(measures[measures.length - 1] as Extract<HeaderToken, { t: 'M' }>), sub: false } : measures[measures.length - 1] ?? last ?? { t: 'O' as const, text: '' };
    const parentTok = last?.t === 'Y' ? undefined : measures[measures.length - 2];
    return { tok: leafTok, year: years.length ? years[years.length - 1].year : null, parent: parentTok?.t === 'M' ? parentTok.word : null, group };
  });
  return resolveMeasures(leaves, amountUnit);
}

/** Ties growth/share/rank words to the base measure before them and fixes units and shapes. */
function resolveMeasures(leaves: Leaf[], amountUnit: string): Column[] {
  let base: MeasureWord | null = null;
  return leaves.map((leaf) => {
    const tok = leaf.tok;
    if (tok.t === 'Y') return { year: tok.year, group: leaf.group, measure: null, unit: null, shape: 'any' };
    if (tok.t === 'C') {
      const b = tok.word ?? base ?? 'turnover';
      return { year: leaf.year ?? tok.year, group: leaf.group, measure: `${baseMeasure(b)}_growth_pct`, unit: '%', shape: 'percent' };
    }
    if (tok.t !== 'M') return { year: leaf.year, group: leaf.group, measure: null, unit: null, shape: 'any' };
    let word = tok.word;
    if (tok.sub && leaf.parent && isBase(leaf.parent)) word = leaf.parent === 'count' ? 'count' : word;
    if (isBase(word)) base = word;
    else if (leaf.parent && isBase(leaf.parent) && !tok.sub && (word === 'growth' || word === 'share')) base = leaf.parent;
    const unit = tok.unit ?? defaultUnit(word, amountUnit);
    if (word === 'growth' || word === 'share') {
      const of = baseMeasure(base ?? 'turnover');
      return { year: leaf.year, group: leaf.group, measure: `${of}_${word}_pct`, unit: '%', shape: 'percent' };
    }
    if (word === 'rank') return { year: leaf.year, group: leaf.group, measure: 'turnover_rank', unit: '位', shape: 'rank' };
    const shape = unit === '项' || unit === '家' || unit === '个' || unit === '次' || unit === '人' || unit === '项次' || unit === '人次' ? 'count' : 'amount';
    return { year: leaf.year, group: leaf.group, measure: baseMeasure(word), unit, shape };
  });
}
