/**
 * Charts whose value labels survive in the text but whose categories do not (2021 edition
 * 图2-6: "6836.4 4509.3 … 12.6" right above "图 2-6 2020 年全国技术交易社会—经济目标构成";
 * 图2-9: "10 409.4 5120.7 … 851.2" above "图 2-9 2019—2020 年重大技术合同类型对比"). The text
 * that cites the chart also cites the table it draws ("（图 2-6、附表 11）"), and the labels are
 * that table's values rounded to the labels' precision. A chart is read when:
 *  - the lines right above its caption hold only numbers, all with the same number of decimals
 *    (with decimals, space-grouped thousands such as "10 409.4" split one way only);
 *  - the labels are one block per year the caption names ("2019—2020 年" → 2019, 2020), blocked
 *    (all of 2019, then all of 2020) or interleaved (2019, 2020 per category);
 *  - the latest year's labels match, one to one and in exactly one way, the members of one
 *    series (table, measure, column group, parent, year) of the co-cited tables, each label
 *    being the member's value rounded half up to the label's decimals.
 * The earlier years' labels then take the same members in the same order. Each label becomes an
 * observation of the chart (its reference, title and line) with the member's label, measure and
 * unit, bound to the table (dimension BOUND_TABLE, so checks count it in that table's population:
 * 图2-9 draws 重大技术合同, not all contracts). Anything short of one unique match reads nothing.
 */
import { Decimal } from 'decimal.js';
import { BOUND_TABLE } from '../../checks/members.ts';
import type { Observation } from '../../model.ts';
import { tableKind } from '../read/kinds.ts';
import type { Line } from '../layout/lines.ts';
import { parseCell, type NumberCell } from '../normalize/numbers.ts';
import type { TableContext } from '../context.ts';
import { normaliseRef } from '../normalize/text.ts';
import { isDataYear, titleYear } from '../normalize/years.ts';

/** A value label and the line it is printed on. */
interface Label {
  cell: NumberCell;
  line: Line;
}

/**
 * The labels printed right above `caption` on lines no table has read (`read`: source line
 * numbers), all of one precision. With decimals, a label ends at
 * each token with a point, so space-grouped thousands ("10 409.4") join one way only; whole
 * numbers cannot be told from groups, so each token is one label (a wrong split matches nothing).
 */
function labelsAbove(lines: Line[], caption: Line, read: ReadonlySet<number>): Label[] | null {
  const tokens: { token: string; line: Line }[] = [];
  for (let j = caption.idx - 1; j >= 0; j--) {
    if (lines[j].kind === 'blank' || lines[j].kind === 'furniture') continue;
    if (lines[j].kind !== 'values' || read.has(lines[j].src.line)) break;
    tokens.unshift(...lines[j].tokens.map((token) => ({ token, line: lines[j] })));
  }
  const decimal = tokens.some((t) => t.token.includes('.'));
  const labels: Label[] = [];
  let group: typeof tokens = [];
  for (const t of tokens) {
    group.push(t);
    if (decimal && !t.token.includes('.')) continue;
    const cell = parseCell(group.map((g) => g.token));
    if (cell?.kind !== 'number' || cell.percent || cell.footnote) return null;
    labels.push({ cell, line: group[0].line });
    group = [];
  }
  if (group.length || labels.length < 2 || labels.some((l) => l.cell.decimals !== labels[0].cell.decimals)) return null;
  return labels;
}

/** The years a caption names, ranges expanded ("2019—2020 年" → [2019, 2020]); else its one year. */
function captionYears(title: string, edition: number | null): number[] {
  const range = /(?<!\d)((?:19|20)\d{2})\s*年?\s*[—\-－–~至]\s*((?:19|20)\d{2})(?!\d)/.exec(title);
  if (range && isDataYear(Number(range[1])) && isDataYear(Number(range[2])) && Number(range[1]) < Number(range[2])) {
    return Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
  }
  const year = titleYear(title, edition);
  return year === null ? [] : [year];
}

/** For each figure, the tables cited together with it in one parenthesis of `text` ("（图 2-6、附表 11）"). */
function citations(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(/[（(]([^（()）]*图[^（()）]*)[)）]/g)) {
    const refs = [...m[1].matchAll(/(?:附\s*表|表|图)\s*\d+(?:\s*[-－—–]\s*\d+)?/g)].map((r) => normaliseRef(r[0]));
    for (const figure of refs.filter((r) => r.startsWith('图'))) {
      const tables = out.get(figure) ?? new Set<string>();
      for (const r of refs) if (!r.startsWith('图')) tables.add(r);
      out.set(figure, tables);
    }
  }
  return out;
}

/** The label `value` rounds to at `decimals` places (half up), as the chart prints it. */
function rounded(value: string, decimals: number): string {
  return new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

/** The one way `labels` match the members of `series` one to one, or null. */
function matchSeries(labels: NumberCell[], series: Observation[]): Observation[] | null {
  const out: Observation[] = [];
  for (const label of labels) {
    const candidates = series.filter((o) => rounded(o.value, label.decimals) === label.value);
    if (candidates.length !== 1 || out.includes(candidates[0])) return null;
    out.push(candidates[0]);
  }
  return out;
}

/** Where the `k` labels of the `y`-th of `n` years are: blocked, or (several years) also interleaved. */
function layouts(k: number, n: number): ((y: number) => number[])[] {
  const blocked = (y: number) => Array.from({ length: k }, (_, j) => y * k + j);
  const interleaved = (y: number) => Array.from({ length: k }, (_, j) => j * n + y);
  return n > 1 ? [blocked, interleaved] : [blocked];
}

/**
 * Observations of every chart whose labels match a co-cited table (see the module comment).
 * `lines` are the document's classified lines; `tableObservations` what its tables and charts
 * gave (a chart that already has observations is not read again).
 */
export function matchedChartObservations(lines: Line[], tableObservations: readonly Observation[], ctx: TableContext): Observation[] {
  const charted = new Set(tableObservations.map((o) => o.tableRef));
  const cited = citations(lines.filter((l) => l.kind === 'prose' || l.kind === 'label').map((l) => l.text).join(''));
  const read = new Set(tableObservations.map((o) => o.line));
  const out: Observation[] = [];
  for (const caption of lines) {
    if (caption.kind !== 'figure' || !caption.ref || charted.has(caption.ref)) continue;
    const labels = labelsAbove(lines, caption, read);
    const title = caption.title ?? '';
    const years = captionYears(title, ctx.edition);
    const tables = cited.get(caption.ref);
    if (!labels || !years.length || !tables?.size || labels.length % years.length) continue;
    const latest = years[years.length - 1];
    const series = new Map<string, Observation[]>();
    for (const o of tableObservations) {
      if (!tables.has(o.tableRef) || o.dataYear !== latest || o.unit === '%') continue;
      const key = [o.tableRef, o.measure, o.columnGroup, o.parentLabel].join('|');
      const members = series.get(key);
      if (members) members.push(o);
      else series.set(key, [o]);
    }
    const matches: { members: Observation[]; at: (y: number) => number[] }[] = [];
    for (const at of layouts(labels.length / years.length, years.length)) {
      for (const members of series.values()) {
        const m = matchSeries(at(years.length - 1).map((i) => labels[i].cell), members);
        if (m) matches.push({ members: m, at });
      }
    }
    if (matches.length !== 1) continue;
    const { members, at } = matches[0];
    years.forEach((year, y) => at(y).forEach((i, j) => {
      const { cell, line } = labels[i];
      const member = members[j];
      out.push({
        sourceId: ctx.sourceId, sourceName: ctx.sourceName, edition: ctx.edition,
        tableRef: caption.ref!, tableTitle: title, tableKind: tableKind(title), dataYear: year,
        rowLabel: member.rowLabel, parentLabel: '', columnGroup: '', dimensions: { [BOUND_TABLE]: member.tableRef },
        measure: member.measure, value: cell.value, decimals: cell.decimals, unit: member.unit, unitMult: member.unitMult,
        obsStatus: '', footnotes: '', page: line.src.page, line: line.src.line, raw: cell.raw,
      });
    }));
  }
  return out;
}
