/**
 * Tables whose years run down the side and whose members run across the top (2006 edition
 * 表3 "各级计划项目…", 表9 "…技术贸易机构构成", 表10 "…人员构成"): each row is a year ("2001年",
 * or a bare "1999" opening a values line), each column a member named by the header. Header
 * cells are printed over several lines ("有限责" / "任公司"), so the header's words are cut into
 * members with the codelists' labels as the dictionary; a member printed before a run of members
 * starting with 合计 heads them (column_group, e.g. 科技人员 over 合计 高级职称 …); members may
 * split into sub-columns (成交情况 | 占总数百分比: the value and its share of the total).
 * The measure comes from a section label inside the body ("合同项数 (项)", "合同金额 (亿元)"),
 * else from the title: 人员 → staff_count, 机构 → org_count, in the unit the title or header names;
 * without a title, a header that opens with 人员 (从业人员 …) counts people.
 */
import { DIMENSIONS } from '../../codelists/index.ts';
import type { Observation } from '../../model.ts';
import type { Line } from '../layout/lines.ts';
import { measureFromLabel, unitMultiplier } from './measures.ts';
import { cellCountRange, learnColumnStats, placeWithDoubt } from './cells.ts';
import type { Column } from './header.ts';
import { parseCell, type Cell, type MalformedCell } from '../normalize/numbers.ts';
import { normaliseLabel } from '../normalize/text.ts';
import { isDataYear } from '../normalize/years.ts';

const YEAR_LABEL = /^((?:19|20)\d{2})年?$/;

/** Every label and alias any codelist knows, longest first (the dictionary for header words). */
const DICTIONARY = [...new Set(Object.values(DIMENSIONS).flatMap((c) => c.members.flatMap((m) => [m.label, ...m.aliases])))]
  .filter((l) => l.length >= 2)
  .sort((a, b) => b.length - a.length);

/** Sub-columns a member may split into: the value itself, and its share of the total. */
const SUB_COLUMNS: Record<string, 'value' | 'share'> = { 成交情况: 'value', 占总数百分比: 'share' };

/** The year a row stands for and its cells ("2001年 …" or a values line "1999 43701 …"), or null. */
function yearRow(r: Line): { year: number; tokens: string[] } | null {
  const y = YEAR_LABEL.exec(normaliseLabel(r.label));
  if (y && r.kind === 'row' && isDataYear(Number(y[1]))) return { year: Number(y[1]), tokens: r.tokens };
  const first = r.kind === 'values' ? YEAR_LABEL.exec(r.tokens[0] ?? '') : null;
  return first && isDataYear(Number(first[1])) ? { year: Number(first[1]), tokens: r.tokens.slice(1) } : null;
}

/** Whether a block's rows are years (at least two, and most rows). */
export function hasYearRows(rows: Line[]): boolean {
  const years = rows.filter((r) => yearRow(r));
  return years.length >= 2 && years.length * 3 >= rows.length * 2;
}

/** A column of a transposed table: the member it names, the group above it, and what it holds. */
interface Member {
  label: string;
  group: string;
  sub: 'value' | 'share';
}

/**
 * Cuts header lines into members. A line of several words gives one member per word; single
 * fragments on consecutive lines are joined, cut where the text so far is a known label.
 */
export function headerMembers(header: Line[], cells: number): Member[] {
  const words: string[] = [];
  let fragment = '';
  const flush = () => {
    if (fragment) words.push(...segment(fragment));
    fragment = '';
  };
  for (const l of header) {
    const parts = l.text
      .replace(/[（(][^）)]*[）)]/g, ' ')
      .replace(/(?<=^|\s)([\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff](\s|$))/g, '$1')
      .trim()
      .split(/\s+/)
      .filter((p) => p && !/^(年份|年度|项目)$/.test(p));
    if (parts.length === 1) fragment += parts[0];
    else {
      flush();
      words.push(...parts);
    }
  }
  flush();
  const subs = words.filter((w) => w in SUB_COLUMNS).map((w) => SUB_COLUMNS[w]);
  const names = words.filter((w) => !(w in SUB_COLUMNS));
  let group = '';
  const members: Member[] = [];
  names.forEach((w, i) => {
    if (names[i + 1] === '合计' && i + 2 < names.length) group = w;
    else members.push({ label: w, group, sub: 'value' });
  });
  // Members split into sub-columns: the last ones, as many as the sub-column pattern repeats.
  const pattern = subs.length && subs.indexOf(subs[0], 1) > 0 ? subs.slice(0, subs.indexOf(subs[0], 1)) : subs;
  const split = pattern.length > 1 ? subs.length / pattern.length : 0;
  if (!split || members.length - split + split * pattern.length !== cells) return members;
  return members.flatMap((m, i) => (i < members.length - split ? [m] : pattern.map((sub) => ({ ...m, sub }))));
}

/** Cuts a run of joined fragments into dictionary labels and sub-column words; unknown text stays one member. */
function segment(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    const hit = Object.keys(SUB_COLUMNS).find((d) => rest.startsWith(d)) ?? DICTIONARY.find((d) => rest.startsWith(d));
    if (!hit) return [...out, rest];
    out.push(hit);
    rest = rest.slice(hit.length);
  }
  return out;
}

/** Measure and unit of a transposed table, from its title and header. */
function measureOf(title: string, headerText: string): { measure: string; unit: string } | null {
  // People: the title says so, or (no title naming anything else) the header counts 从业人员 / 科技人员.
  const people = /人员/.test(title) || (!/机构/.test(title) && /^\S*人员/.test(headerText.trim()));
  if (people) return { measure: 'staff_count', unit: /[（(]万[）)]/.test(headerText) ? '万人' : '人' };
  const unit = /单位[:：]\s*(个|家)/.exec(title)?.[1];
  if (/机构/.test(title)) return { measure: 'org_count', unit: unit ?? '个' };
  return null;
}

/**
 * The header's members for the widest row width every year row can be split into (each row
 * holds between its fewest and most possible cells), or null when the header names no such set.
 */
function fittingMembers(header: Line[], ranges: { min: number; max: number }[]): Member[] | null {
  const low = Math.max(...ranges.map((r) => r.min));
  for (let w = Math.min(...ranges.map((r) => r.max)); w >= low && w > 0; w--) {
    const members = headerMembers(header, w);
    if (members.length === w) return members;
  }
  return null;
}

/** Units of counted things: their cells are whole numbers. */
const COUNT_UNITS = new Set(['项', '个', '家', '人', '次', '人次', '项次']);

/**
 * The cells of a year row, one per member (null where it cannot be told): one token per member
 * when the row has as many, else split like any row against the members as columns ("1999 43 701
 * 8701 19.91 …": a space groups thousands), with what the table's year rows (`table`) show of
 * each member's cells; cells the split is not sure of are left out. Null when the
 * tokens fit no split.
 */
function rowCells(tokens: string[], members: Member[], unit: string, table: readonly string[][]): (Cell | null)[] | null {
  if (tokens.length === members.length) {
    const cells = tokens.map((t) => parseCell([t]));
    return cells.every((c) => c) ? cells : null;
  }
  const columns: Column[] = members.map((m) => ({ year: null, group: m.group, measure: null, unit: null, shape: m.sub === 'share' ? 'percent' : COUNT_UNITS.has(unit) ? 'count' : 'amount' }));
  const split = placeWithDoubt(tokens, columns, learnColumnStats(table, columns));
  if (!split) return null;
  const doubtful = new Set(split.doubtful);
  const cells: (Cell | null)[] = members.map(() => null);
  for (const p of split.placed) if (!doubtful.has(p)) cells[p.column] = p.cell;
  return cells;
}

/**
 * Observations of a transposed table, or null when its header or rows do not fit (the caller
 * then reports the rows as findings), or 'no measure' when neither `title` nor a section label
 * names what the rows count. `body` is every line of the body, rows and section labels;
 * `malformed` is told of each spoilt number cell ("43 7O1"), which is left out.
 */
export function parseYearRows(body: Line[], header: Line[], title: string, base: Omit<Observation, 'dataYear' | 'rowLabel' | 'columnGroup' | 'measure' | 'value' | 'decimals' | 'unit' | 'unitMult' | 'page' | 'line' | 'raw' | 'footnotes'>, malformed: (line: Line, cell: MalformedCell, member: string) => void): Observation[] | null | 'no measure' {
  const headerText = header.map((l) => l.text).join(' ');
  const rows = body.map(yearRow);
  const members = fittingMembers(header, rows.flatMap((r) => (r ? [cellCountRange(r.tokens)] : [])));
  let what = measureOf(title, headerText);
  if (!members) return null;
  const yearTokens = rows.flatMap((r) => (r ? [r.tokens] : []));
  const out: Observation[] = [];
  let section = '';
  for (const [i, l] of body.entries()) {
    const r = rows[i];
    if (l.kind === 'label') {
      section += l.text.trim();
      continue;
    }
    if (section) {
      const named = measureFromLabel(section, title);
      if (named) what = { measure: named.measure, unit: named.unit ?? what?.unit ?? '项' };
      section = '';
    }
    if (!r) continue;
    if (!what) return 'no measure';
    const cells = rowCells(r.tokens, members, what.unit, yearTokens);
    if (!cells) return null;
    for (const [j, cell] of cells.entries()) {
      if (cell?.kind === 'malformed') malformed(l, cell, `${r.year} ${members[j].label}`);
      if (cell?.kind !== 'number') continue;
      const share = members[j].sub === 'share';
      const unit = share ? '%' : what.unit;
      out.push({
        ...base, dataYear: r.year, rowLabel: normaliseLabel(members[j].label), columnGroup: members[j].group,
        measure: share ? `${what.measure}_share_pct` : what.measure, value: cell.value, decimals: cell.decimals,
        unit, unitMult: unitMultiplier(unit), footnotes: cell.footnote, page: l.src.page, line: l.src.line, raw: cell.raw,
      });
    }
  }
  return out;
}
