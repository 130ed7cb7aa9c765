/**
 * Figure value labels (图): charts whose labels survive in the text, as in the 2018 edition's
 * composition charts ("技术咨询 449.23 / 3.35%", labels of several charts printed one after the
 * other, a label split over two lines, two labels on one line) and its count charts ("高校 134",
 * "东部地区 275西部地区 97", followed by "图 5-2 …（单位：家）").
 *  - A run of "label amount / share%" lines is cut into charts where the shares reach 100
 *    (within the rounding of the printed shares; labels whose shares never do are left unread);
 *    each chart takes the figure caption right
 *    above the run (for the first) or the next unused figure captions after it.
 *  - A run of "label count" lines right above a figure caption whose unit is 家/个 is that chart.
 *  - A bar chart (2006 edition 图2, 图7–图9): value labels, the axis ticks, the unit "(亿元)",
 *    then the category axis ("北京 上海 … (地区)" or "2001年 … 2005年") right above the caption.
 *    Its values are read in printed order against the categories in axis order, and only when
 *    the counts agree. A year axis dates the values; the chart's subject is then the entity its
 *    title names (a codelist member, e.g. 技术贸易机构) or 全国.
 * A chart titled "<X>合同类别构成" breaks X down: its labels get X as parent; a title naming a
 * flow (吸纳技术/输出技术) puts it in column_group.
 */
import { Decimal } from 'decimal.js';
import type { Observation } from '../../model.ts';
import { tableKind } from '../read/kinds.ts';
import type { Line } from '../layout/lines.ts';
import { unitMultiplier } from '../read/measures.ts';
import type { TableContext } from '../context.ts';
import { normaliseLabel } from '../normalize/text.ts';
import { isDataYear, titleYear } from '../normalize/years.ts';

/** One value label: its member label, amount, share (if printed) and the line of the amount. */
interface Item {
  label: string;
  amount: string;
  share: string | null;
  line: Line;
}

/** ASCII symbols a slip leaves in a value label ("技术转让 #1400.28"): never part of a label. */
const STRAY = String.raw`#*?!@$&~_=+:;|^\`'"`;
/** "技术咨询 449.23 / 3.35%": a label (no digit, no stray symbol), an amount, a share. */
const SHARE_ITEM = new RegExp(String.raw`([^\d\s/%${STRAY}][^\d/%${STRAY}]*?)?\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*%`, 'g');
/** "高校 134", "东部地区 275西部地区 97": a count ends at a space or a CJK character ("1l5", "1#5" are none). */
const COUNT_ITEM = new RegExp(String.raw`([^\d\s${STRAY}][^\d${STRAY}]*?)\s*(\d+)(?=\s|$|[^\x21-\x7e])`, 'g');
/** How far (non-blank lines) a run's captions may be printed after it. */
const CAPTION_REACH = 40;

/** Items of a line when the whole line is made of them, else null. */
function itemsOf(line: Line, re: RegExp): Item[] | null {
  const text = line.text.trim();
  const items: Item[] = [];
  let rest = text;
  for (const m of text.matchAll(re)) {
    items.push({ label: (m[1] ?? '').trim(), amount: m[2], share: m[3] ?? null, line });
    rest = rest.replace(m[0], '');
  }
  return items.length && !rest.trim() ? items : null;
}

/** Observations of every chart whose value labels are printed, and the lines they used. */
export function chartObservations(lines: Line[], ctx: TableContext): { observations: Observation[]; used: Set<number> } {
  const used = new Set<number>();
  const captionsUsed = new Set<number>();
  const observations: Observation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const run = shareRun(lines, i) ?? countRun(lines, i);
    if (!run) continue;
    const groups = run.share ? splitAt100(run.items) : [run.items];
    const captions = captionsFor(lines, run.first, run.last, groups.length, captionsUsed, run.share);
    if (!captions) {
      i = run.last;
      continue;
    }
    groups.forEach((items, k) => observations.push(...chart(items, captions[k], run.share, ctx)));
    // Lines after the last chart read (labels left unread) stay for the findings.
    const end = Math.max(-1, ...groups.flat().map((it) => it.line.idx));
    for (let j = run.first; j <= end; j++) used.add(j);
    for (const c of captions) captionsUsed.add(c.idx);
    i = run.last;
  }
  for (const caption of lines.filter((l) => l.kind === 'figure' && !captionsUsed.has(l.idx))) {
    const bar = barChart(lines, caption, ctx);
    if (!bar) continue;
    observations.push(...bar.observations);
    for (const j of bar.used) used.add(j);
  }
  return { observations, used };
}

const NUMBER_LINE = /^\s*\d+(\.\d+)?(\s+\d+(\.\d+)?)*\s*$/;
const AXIS_TITLE = /[（(](地区|年份|省份|年)[）)]\s*$/;

/** A bar chart printed right above `caption`, or null. */
function barChart(lines: Line[], caption: Line, ctx: TableContext): { observations: Observation[]; used: number[] } | null {
  const above = (from: number) => {
    for (let j = from - 1; j >= 0; j--) if (lines[j].kind !== 'blank' && lines[j].kind !== 'furniture') return j;
    return -1;
  };
  const axisAt = above(caption.idx);
  if (axisAt < 0) return null;
  const categories = lines[axisAt].text.replace(AXIS_TITLE, '').trim().split(/\s+/);
  const years = categories.map((c) => /^((?:19|20)\d{2})年?$/.exec(c)?.[1]);
  const yearAxis = years.every((y) => y && isDataYear(Number(y)));
  if (categories.length < 2 || (!yearAxis && !AXIS_TITLE.test(lines[axisAt].text))) return null;
  let unit = '';
  let j = above(axisAt);
  // Axis ticks and the unit, bottom to top: whole numbers and "(亿元)" (possibly on one line).
  for (; j >= 0; j = above(j)) {
    const t = lines[j].text.trim();
    const u = /[（(](亿元|万元)[）)]$/.exec(t);
    if (u) unit = u[1];
    if (!(u || /^\d+$/.test(t))) break;
  }
  const values: { value: string; line: Line }[] = [];
  for (; j >= 0 && NUMBER_LINE.test(lines[j].text) && lines[j].text.includes('.'); j = above(j)) {
    values.unshift(...lines[j].text.trim().split(/\s+/).map((value) => ({ value, line: lines[j] })));
  }
  if (!unit || values.length !== categories.length) return null;
  const title = caption.title ?? '';
  const dated = titleYear(title, ctx.edition);
  if (!yearAxis && dated === null) return null;
  const subject = subjectOf(title);
  const observations = values.map(({ value, line }, k): Observation => ({
    sourceId: ctx.sourceId, sourceName: ctx.sourceName, edition: ctx.edition,
    tableRef: caption.ref!, tableTitle: title, tableKind: tableKind(title),
    dataYear: yearAxis ? Number(years[k]) : dated!,
    rowLabel: yearAxis ? subject : normaliseLabel(categories[k]), parentLabel: '', columnGroup: flowOf(title), dimensions: {},
    measure: /平均/.test(title) ? 'avg_turnover' : 'turnover', value, decimals: value.split('.')[1]?.length ?? 0,
    unit, unitMult: unitMultiplier(unit), obsStatus: '', footnotes: '', page: line.src.page, line: line.src.line, raw: value,
  }));
  return { observations, used: [axisAt, ...values.map((v) => v.line.idx)] };
}

/** The entity a chart's title is about (a codelist member such as 技术贸易机构), or 全国. */
function subjectOf(title: string): string {
  const named = /(技术贸易机构|技术交易机构|技术交易所|技术市场)/.exec(title);
  return named ? named[1] : '全国';
}

/** The flow a title names (输出技术 / 吸纳技术), or "". */
function flowOf(title: string): string {
  return /吸纳技术/.exec(title)?.[0] ?? /输出技术/.exec(title)?.[0] ?? '';
}

type Run = { items: Item[]; first: number; last: number; share: boolean };

/** A run of "label amount / share%" lines starting at i (a label alone may precede its values). */
function shareRun(lines: Line[], i: number): Run | null {
  const items: Item[] = [];
  let last = -1;
  let pendingLabel = '';
  for (let j = i; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'blank' || l.kind === 'furniture') continue;
    const found = l.text.includes('%') ? itemsOf(l, SHARE_ITEM) : null;
    if (found) {
      if (!found[0].label && pendingLabel) found[0].label = pendingLabel;
      if (found.some((it) => !it.label)) break;
      items.push(...found);
      pendingLabel = '';
      last = j;
      continue;
    }
    const label = labelBeforeValues(lines, j);
    if (label && !pendingLabel) {
      pendingLabel = label.text;
      j = label.end;
      continue;
    }
    break;
  }
  return items.length >= 2 && lines[i].kind !== 'blank' && !afterDataLine(lines, i) ? { items, first: i, last, share: true } : null;
}

/**
 * Whether the line before line i (blank lines and page furniture aside) holds numbers: a run of
 * value labels right under one may have lost its head to a spoilt label ("技术服务 6l62.17 /
 * 50.85%" above "委托开发 4002.99 / 84.30%"), and then its captions cannot be told apart.
 */
function afterDataLine(lines: Line[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (lines[j].kind === 'blank' || lines[j].kind === 'furniture') continue;
    return lines[j].kind === 'row' || lines[j].kind === 'values';
  }
  return false;
}

/** Label lines (at most two) right before a line of values without a label, joined. */
function labelBeforeValues(lines: Line[], j: number): { text: string; end: number } | null {
  let text = '';
  for (let k = j, n = 0; k < lines.length && n < 3; k++) {
    const l = lines[k];
    if (l.kind === 'blank') continue;
    if (/^\s*\d/.test(l.text) && itemsOf(l, SHARE_ITEM)) return text ? { text, end: k - 1 } : null;
    if (n === 2 || (l.kind !== 'label' && l.kind !== 'prose') || l.text.trim().length > 20) return null;
    text += l.text.trim();
    n++;
  }
  return null;
}

/** A run of "label count" lines right above a figure caption (the chart's own title). */
function countRun(lines: Line[], i: number): Run | null {
  const items: Item[] = [];
  let last = -1;
  for (let j = i; j < lines.length; j++) {
    const l = lines[j];
    if (l.kind === 'blank') continue;
    if (l.kind === 'figure') break;
    const found = l.kind === 'row' || l.kind === 'label' ? itemsOf(l, COUNT_ITEM) : null;
    if (!found) return null;
    items.push(...found);
    last = j;
  }
  const next = lines.slice(last + 1).find((n) => n.kind !== 'blank');
  return items.length >= 2 && next?.kind === 'figure' && /单位[:：]\s*[家个]/.test(next.title ?? '') ? { items, first: i, last, share: false } : null;
}

/**
 * Cuts items where their shares add up to 100 within the rounding of the printed shares. Items
 * left over, whose shares never reach 100, are dropped: a label of their chart went unread (a
 * spoilt "技术秘密转让 6l9.28 / 48.51%"), and its caption cannot be told from the next chart's.
 */
function splitAt100(items: Item[]): Item[][] {
  const groups: Item[][] = [];
  let cur: Item[] = [];
  let sum = new Decimal(0);
  let slack = new Decimal(0);
  for (const it of items) {
    cur.push(it);
    sum = sum.plus(it.share!);
    slack = slack.plus(new Decimal(10).pow(-(it.share!.split('.')[1]?.length ?? 0)).div(2));
    if (sum.minus(100).abs().lte(slack)) {
      groups.push(cur);
      cur = [];
      sum = new Decimal(0);
      slack = new Decimal(0);
    }
  }
  return groups;
}

/**
 * The figure captions of a run's charts: the caption right above the run for the first chart
 * (unless `above` is false), then the next unused captions after it, within reach.
 */
function captionsFor(lines: Line[], first: number, last: number, n: number, used: Set<number>, above: boolean): Line[] | null {
  const out: Line[] = [];
  if (above) {
    for (let j = first - 1; j >= 0; j--) {
      if (lines[j].kind === 'blank' || lines[j].kind === 'furniture') continue;
      if (lines[j].kind === 'figure' && !used.has(j)) out.push(lines[j]);
      break;
    }
  }
  for (let j = last + 1, seen = 0; j < lines.length && out.length < n && seen < CAPTION_REACH; j++) {
    if (lines[j].kind === 'blank') continue;
    seen++;
    if (lines[j].kind === 'figure' && !used.has(j)) out.push(lines[j]);
    if (lines[j].kind === 'caption') break;
  }
  return out.length === n ? out : null;
}

/** Observations of one chart. */
function chart(items: Item[], caption: Line, share: boolean, ctx: TableContext): Observation[] {
  const title = caption.title ?? '';
  const unit = /单位[:：]\s*(亿元|万元|家|个|项)/.exec(title)?.[1] ?? (share ? '亿元' : '家');
  const year = titleYear(title, ctx.edition);
  if (year === null) return [];
  const whole = /^(.+?)合同类别构成/.exec(title.replace(/\s+/g, ''))?.[1];
  const parent = whole && whole !== '技术' ? whole : '';
  const measure = share ? 'turnover' : unit === '项' ? 'contract_count' : 'org_count';
  const obs = (it: Item, m: string, value: string, u: string): Observation => ({
    sourceId: ctx.sourceId, sourceName: ctx.sourceName, edition: ctx.edition,
    tableRef: caption.ref!, tableTitle: title, tableKind: tableKind(title), dataYear: year,
    rowLabel: normaliseLabel(it.label), parentLabel: parent, columnGroup: '', dimensions: {},
    measure: m, value, decimals: value.split('.')[1]?.length ?? 0, unit: u, unitMult: unitMultiplier(u),
    obsStatus: '', footnotes: '', page: it.line.src.page, line: it.line.src.line, raw: value,
  });
  return items.flatMap((it) => [obs(it, measure, it.amount, unit), ...(it.share ? [obs(it, 'turnover_share_pct', it.share, '%')] : [])]);
}
