/**
 * The figures of a clause of normalised prose (paragraphs.ts): numbers with a unit ("549353项",
 * "28251.5亿元", "13.5%", "5个百分点") and ranks ("第三位", "首位", "第27位"). What a figure
 * measures is decided by the grammar (grammar.ts); here only its value, unit and position.
 * Figures that are not a level the tables could print are marked: approximations and thresholds
 * ("突破1500亿元", "1000万元以上", "约3倍"), changes ("增加20884项"), new or cumulative counts
 * ("新增…14690家", "累计"). Serves every edition.
 */

/** The unit class of a figure. */
export type FigureKind = 'count' | 'amount' | 'percent' | 'points' | 'rank';

/** One figure of a clause. */
export interface Figure {
  kind: FigureKind;
  /** Exact decimal as printed ("-12.3", "28251.5"); ranks as an integer string. */
  value: string;
  /** Digits after the point as printed. */
  decimals: number;
  /** Printed unit: 项, 家, 个, 所, 人, 人次, 亿元, 万元, %, 个百分点, 位. */
  unit: string;
  /** Offsets of the figure in the clause text. */
  start: number;
  end: number;
  /** Set when the figure is no level the tables print, with the reason. */
  notLevel?: string;
  /**
   * For a change against the previous year ("较上年增加194家", "比上年减少3个"): +1 for an
   * increase, −1 for a decrease. Such a figure is no level (notLevel is set too), but with the
   * level printed before it it gives the previous year's level (1729 − 194 = 1535).
   */
  change?: 1 | -1;
}

const NUMBER = '-?\\d+(?:\\.\\d+)?';
const UNITS = '个百分点|百分点|亿元|万元|万人次|万人|人次|项次|项|家|个|所|人|%';
const FIGURE = new RegExp(`(?<![\\d.A-Za-z])(${NUMBER})(${UNITS})`, 'g');
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const RANK = /第(\d+|[一二三四五六七八九十]{1,3})(?:位|名)|首位|之首|榜首|第一/g;

/** Words just before a figure that make it an approximation or a threshold. */
const APPROXIMATE_BEFORE = /(?:约|近|超过|突破|逾|超|不足|不到|接近|将近|高达约|达到近)$/;
/** Words just after a figure that make it an approximation or a threshold. */
const APPROXIMATE_AFTER = /^(?:以上|以下|左右|多|余|上下|之间)/;
/** Words before a level that make it a change, a new count or a cumulative one. */
const CHANGE_BEFORE = /(?:增加|减少|新增|增长了?|下降了?|提高了?|降低了?|多出|少了?|累计)[^,;:。]{0,6}$/;

/** Words before a figure that make it a change against the previous year, and its sign. */
const YEAR_ON_YEAR_CHANGE = /(?:较|比)上年(?:同期)?(增加|减少|多|少)了?$|同比(增加|减少)了?$/;

/** After a count, a noun other than contracts: the count is of that noun ("31211项各级政府科技计划项目"). */
const COUNTS_A_NOUN = /^(?!技术合同|合同|技术|的|以上|左右|和|与|及|、|或)[\u4e00-\u9fff]/;

/** Value of a Chinese or Arabic ordinal ("三", "27", "十一"). */
function ordinal(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CHINESE_DIGITS[s] ?? null;
  if (s.startsWith('十')) return 10 + (CHINESE_DIGITS[s[1]] ?? 0);
  if (s.length === 2 && s[1] === '十') return (CHINESE_DIGITS[s[0]] ?? 0) * 10;
  if (s.length === 3 && s[1] === '十') return (CHINESE_DIGITS[s[0]] ?? 0) * 10 + (CHINESE_DIGITS[s[2]] ?? 0);
  return null;
}

/** The unit class of a printed unit. */
function kindOf(unit: string): FigureKind {
  if (unit === '%') return 'percent';
  if (unit.endsWith('百分点')) return 'points';
  if (unit.endsWith('元')) return 'amount';
  return 'count';
}

/** Figures of one clause, in printed order (see the module comment). */
export function clauseFigures(clause: string): Figure[] {
  const out: Figure[] = [];
  for (const m of clause.matchAll(FIGURE)) {
    const [all, value, unit] = m;
    const start = m.index!;
    const end = start + all.length;
    const f: Figure = { kind: kindOf(unit), value, decimals: value.split('.')[1]?.length ?? 0, unit, start, end };
    const before = clause.slice(0, start);
    if (APPROXIMATE_BEFORE.test(before) || APPROXIMATE_AFTER.test(clause.slice(end))) f.notLevel = 'an approximation or threshold';
    else if (f.kind !== 'percent' && f.kind !== 'points' && (CHANGE_BEFORE.test(before) || /新增/.test(before))) {
      f.notLevel = 'a change, not a level';
      const c = YEAR_ON_YEAR_CHANGE.exec(before);
      if (c) f.change = /减少|少/.test(c[1] ?? c[2]) ? -1 : 1;
    }
    else if (f.kind === 'count' && COUNTS_A_NOUN.test(clause.slice(end))) f.notLevel = 'a count of the noun after it';
    if (/[年月日季]/.test(clause[end] ?? '')) continue;
    out.push(f);
  }
  for (const m of clause.matchAll(RANK)) {
    const start = m.index!;
    if (out.some((f) => f.start <= start && start < f.end)) continue;
    const n = m[1] !== undefined ? ordinal(m[1]) : 1;
    const after = clause.slice(start + m[0].length);
    // "第一季度", "第一次", "第一批": an ordinal that is no rank.
    if (n === null || /^(?:季|次|批|个|年|部分|类|产业|阶段|步)/.test(after)) continue;
    out.push({ kind: 'rank', value: String(n), decimals: 0, unit: '位', start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
