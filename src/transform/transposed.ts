/**
 * Tables whose years run down the side and whose members run across the top (2006 edition
 * 表9 "2001-2005年技术贸易机构构成", 表10 "…人员构成"): each row is a year ("2001年"), each
 * column a member named by the header. Header cells are printed over several lines ("有限责" /
 * "任公司"), so the header's words are cut into members with the codelists' labels as the
 * dictionary; a member printed before a run of members starting with 合计 heads them
 * (column_group, e.g. 科技人员 over 合计 高级职称 …). The measure comes from the title: 人员 →
 * staff_count, 机构 → org_count, in the unit the title or header names.
 */
import { DIMENSIONS } from '../codelists/index.ts';
import type { Observation } from '../model.ts';
import type { Line } from './lines.ts';
import { unitMultiplier } from './measures.ts';
import { parseCell } from './numbers.ts';
import { normaliseLabel } from './text.ts';

const YEAR_LABEL = /^((?:19|20)\d{2})年?$/;

/** Every label and alias any codelist knows, longest first (the dictionary for header words). */
const DICTIONARY = [...new Set(Object.values(DIMENSIONS).flatMap((c) => c.members.flatMap((m) => [m.label, ...m.aliases])))]
  .filter((l) => l.length >= 2)
  .sort((a, b) => b.length - a.length);

/** Whether a block's rows are years (at least two, and most rows). */
export function hasYearRows(rows: Line[]): boolean {
  const years = rows.filter((r) => YEAR_LABEL.test(normaliseLabel(r.label)));
  return years.length >= 2 && years.length * 3 >= rows.length * 2;
}

/** A column of a transposed table: the member it names and the group above it. */
interface Member {
  label: string;
  group: string;
}

/**
 * Cuts header lines into members. A line of several words gives one member per word; single
 * fragments on consecutive lines are joined, cut where the text so far is a known label.
 */
export function headerMembers(header: Line[]): Member[] {
  const words: string[] = [];
  let fragment = '';
  const flush = () => {
    if (fragment) words.push(...segment(fragment));
    fragment = '';
  };
  for (const l of header) {
    const parts = l.text.replace(/[（(][^）)]*[）)]/g, ' ').trim().split(/\s+/).filter((p) => p && !/^(年份|年度|项目)$/.test(p));
    if (parts.length === 1) fragment += parts[0];
    else {
      flush();
      words.push(...parts);
    }
  }
  flush();
  const members: Member[] = [];
  words.forEach((w, i) => {
    const headsRun = words[i + 1] === '合计' && i + 2 < words.length;
    if (!headsRun) members.push({ label: w, group: '' });
    else members.push({ label: `@${w}`, group: '' });
  });
  let group = '';
  return members.flatMap((m) => {
    if (m.label.startsWith('@')) {
      group = m.label.slice(1);
      return [];
    }
    return [{ label: m.label, group }];
  });
}

/** Cuts a run of joined fragments into dictionary labels; unknown text stays one member. */
function segment(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest) {
    const hit = DICTIONARY.find((d) => rest.startsWith(d));
    if (!hit) return [...out, rest];
    out.push(hit);
    rest = rest.slice(hit.length);
  }
  return out;
}

/** Measure and unit of a transposed table, from its title and header. */
function measureOf(title: string, headerText: string): { measure: string; unit: string } | null {
  if (/人员/.test(title)) return { measure: 'staff_count', unit: /[（(]万[）)]/.test(headerText) ? '万人' : '人' };
  const unit = /单位[:：]\s*(个|家)/.exec(title)?.[1];
  if (/机构/.test(title)) return { measure: 'org_count', unit: unit ?? '个' };
  return null;
}

/**
 * Observations of a transposed table, or null when its header or rows do not fit (the caller
 * then reports the rows as findings).
 */
export function parseYearRows(rows: Line[], header: Line[], title: string, base: Omit<Observation, 'dataYear' | 'rowLabel' | 'columnGroup' | 'measure' | 'value' | 'decimals' | 'unit' | 'unitMult' | 'page' | 'line' | 'raw' | 'footnotes'>): Observation[] | null {
  const headerText = header.map((l) => l.text).join(' ');
  const what = measureOf(title, headerText);
  const members = headerMembers(header);
  if (!what || !members.length) return null;
  const out: Observation[] = [];
  for (const r of rows) {
    const year = YEAR_LABEL.exec(normaliseLabel(r.label));
    if (!year || r.tokens.length !== members.length) return null;
    for (const [j, token] of r.tokens.entries()) {
      const cell = parseCell([token]);
      if (!cell) return null;
      if (cell.kind !== 'number') continue;
      out.push({
        ...base, dataYear: Number(year[1]), rowLabel: normaliseLabel(members[j].label), columnGroup: members[j].group,
        measure: what.measure, value: cell.value, decimals: cell.decimals, unit: what.unit, unitMult: unitMultiplier(what.unit),
        footnotes: cell.footnote, page: r.src.page, line: r.src.line, raw: cell.raw,
      });
    }
  }
  return out;
}
