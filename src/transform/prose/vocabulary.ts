/**
 * The members the running text can name, learnt from the same document's tables: every row label
 * (normalised; also without a trailing 地区 / 合同 / 领域, so "东部" finds 东部地区 and "技术开发合同"
 * finds 技术开发) with the member keys (checks/members.ts) of the rows printed under it; the name
 * a title gives a table's grand total (计划单列市, “一带一路”地区); a section head for its 合计; and
 * "全国" / "全年" for the national total. A member preceded by the word that sets another population's
 * table apart ("重大技术服务合同": 附表4 重大技术合同构成) is marked as belonging to that table. A label that only loosely names a member (企业法人 written
 * "企业") is kept as a fuzzy entry: it may be bound by a value, never reported on its own.
 * Mentions are found by longest match; a label inside an organisation's name ("北京技术交易促进中心",
 * "中国科学院上海药物研究所") is no mention. Serves every edition: nothing here lists members.
 */
import type { Observation } from '../../model.ts';
import { TOTAL_KEY, type MemberIndex } from '../../checks/members.ts';
import { isSubtotalLabel, isTotalLabel } from '../../checks/table.ts';

/** What a label stands for. */
export interface Entry {
  /** Member keys of the table rows printed under the label. */
  keys: Set<string>;
  /** A loose match: may bind by value only. */
  fuzzy: boolean;
}

/** A member named in a clause. */
export interface Mention {
  /** A table of another population the words place the member in ("重大技术服务合同" → 附表4). */
  population?: string;
  /** The text matched (with a trailing 市 / 省 / 地区 / 合同 it carries). */
  text: string;
  start: number;
  end: number;
  entry: Entry;
}

/** The vocabulary of one document. */
export interface Vocabulary {
  entries: Map<string, Entry>;
  /** Words that put a member into another population's table ("重大" → 附表4). */
  qualifiers: Map<string, string>;
  /** The lengths of the labels starting with each character, longest first: what a match at that character can be. */
  lengths: Map<string, number[]>;
}

/** Labels that name no member of their own. */
const GENERIC = new Set(['其他', '其它', '其中', '合计', '小计', '总计', '其他组织', '个人', '不详', '未知']);
/** Suffixes a label may be printed with or without. */
const OPTIONAL_SUFFIX = /(地区|合同|领域|技术领域)$/;
/** Suffixes that make a label a loose name (企业法人 → 企业). */
const LOOSE_SUFFIX = /(法人|机构|性质)$/;
/** Words that, after a label, make it part of an organisation's name. */
const ORGANISATION = /(?:大学|学院|研究所|研究院|公司|企业|中心|集团|交易所|交易市场|科技市场|技术市场|设计院|医院|实验室)/;
/** Characters that end the name a mention might begin (a verb or particle follows the name). */
const NAME_END = /[的是为在发继以和与及、,;:。\d(]/;
/**
 * What may follow a two-character mention: a particle, verb or measure word. Anything else makes
 * it the start of a longer name ("个体经营户", "港澳台商投资企业", "上海药物研究所").
 */
const SHORT_FOLLOW = /^(?:$|[的输吸技合成签共占在等和与及、以继作仍是为居位虽也则首跃已进均比较同全仅实新增,;:。□\d]|地区|市|省|性质)/;
/** What may follow a mention and belongs to it. */
const MENTION_TAIL = /^(?:市|省|自治区|地区|合同|领域|等)/;

/** A row label as the text would print it: quotes, brackets and a unit suffix removed. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/\/.*$/, '')
    .replace(/[“”"'‘’《》]/g, '');
}

/** Adds a label's keys under a text form. */
function add(entries: Map<string, Entry>, text: string, key: string, fuzzy: boolean): void {
  if (text.length < 2 || GENERIC.has(text) || /^[\d.]+$/.test(text)) return;
  const e = entries.get(text) ?? { keys: new Set<string>(), fuzzy };
  if (!fuzzy && e.fuzzy) {
    e.keys.clear();
    e.fuzzy = false;
  }
  if (e.fuzzy === fuzzy) e.keys.add(key);
  entries.set(text, e);
}

/**
 * The name a table's title gives the grouping its grand total counts ("2017 年东部地区技术交易情况"
 * → 东部地区, "2020 年“一带一路”地区吸纳技术领域构成" → 一带一路地区), or "".
 */
function titleName(title: string): string {
  const name = normaliseLabel(title.replace(/^.*?\d{4}\s*年?/, '').split('技术')[0]).replace(/(输出|吸纳)$/, '');
  return /^[\u4e00-\u9fff]{2,8}$/.test(name) && !/^(?:各|全国|部分|区域|年)/.test(name) ? name : '';
}

/**
 * The words a table of another population puts before 技术合同 in its title ("2017年重大技术合同
 * 构成" → 重大), by table.
 */
function qualifiersOf(tableObservations: readonly Observation[], minority: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of minority) {
    const title = tableObservations.find((o) => o.tableRef === t)?.tableTitle ?? '';
    const word = /(?:\d{4}\s*年)?([\u4e00-\u9fff]{1,4})技术合同/.exec(normaliseLabel(title))?.[1];
    if (word && !/全国|各类|各|年/.test(word)) out.set(word, t);
  }
  return out;
}

/** The vocabulary of the members printed by a document's tables. */
export function buildVocabulary(tableObservations: readonly Observation[], index: MemberIndex, minority: string[] = []): Vocabulary {
  const entries = new Map<string, Entry>();
  const fuzzy: [string, string][] = [];
  for (const o of tableObservations) {
    const key = index.keyOf(o);
    if (key === null || key.startsWith(TOTAL_KEY) || isSubtotalLabel(o.rowLabel)) continue;
    // A grand total of a grouping is named by its table's title; a section's own total (合计
    // under 企业法人) by the section head.
    if (isTotalLabel(o.rowLabel) && !o.parentLabel) {
      const name = titleName(o.tableTitle);
      if (name) for (const text of new Set([name, name.replace(OPTIONAL_SUFFIX, '')])) add(entries, text, key, false);
      continue;
    }
    const label = normaliseLabel(isTotalLabel(o.rowLabel) ? o.parentLabel : o.rowLabel);
    add(entries, label, key, false);
    const short = label.replace(OPTIONAL_SUFFIX, '');
    if (short !== label) add(entries, short, key, false);
    const loose = label.replace(LOOSE_SUFFIX, '');
    if (loose !== label) fuzzy.push([loose, key]);
  }
  for (const [text, key] of fuzzy) if (!entries.get(text) || entries.get(text)!.fuzzy) add(entries, text, key, true);
  if (index.keys().includes(TOTAL_KEY)) for (const w of ['全国', '全年']) entries.set(w, { keys: new Set([TOTAL_KEY]), fuzzy: false });
  const lengths = new Map<string, number[]>();
  for (const text of entries.keys()) {
    const list = lengths.get(text[0]) ?? [];
    if (!list.includes(text.length)) list.push(text.length);
    lengths.set(text[0], list);
  }
  for (const list of lengths.values()) list.sort((a, b) => b - a);
  return { entries, qualifiers: qualifiersOf(tableObservations, minority), lengths };
}

/**
 * How far the text after a mention continues it into an organisation's name ("个体经营" + "企业",
 * "北京" + "技术交易促进中心"): the length of that continuation, or 0.
 */
function nameContinuation(after: string): number {
  const run = after.slice(0, 12);
  const cut = run.search(NAME_END);
  const name = cut < 0 ? run : run.slice(0, cut);
  const m = ORGANISATION.exec(name);
  return m ? m.index + m[0].length : 0;
}

/** The mentions of members in a clause, by longest match, in printed order. */
export function findMentions(clause: string, vocabulary: Vocabulary): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < clause.length) {
    let found: Mention | null = null;
    for (const n of vocabulary.lengths.get(clause[i]) ?? []) {
      if (i + n > clause.length) continue;
      const text = clause.slice(i, i + n);
      const entry = vocabulary.entries.get(text);
      if (!entry) continue;
      const tail = MENTION_TAIL.exec(clause.slice(i + n))?.[0] ?? '';
      found = { text: text + tail, start: i, end: i + n + tail.length, entry };
      break;
    }
    if (!found) {
      i++;
      continue;
    }
    const after = clause.slice(found.end);
    const shortName = found.text.length === 2 && !SHORT_FOLLOW.test(after);
    const before = clause.slice(Math.max(0, found.start - 4), found.start);
    const qualifier = [...vocabulary.qualifiers].find(([w]) => before.endsWith(w));
    if (qualifier) found.population = qualifier[1];
    const continuation = nameContinuation(after);
    // A loose name inside a longer noun ("大型企业", "中小型企业") is not the member.
    const modified = found.entry.fuzzy && /[\u4e00-\u9fff]$/.test(clause.slice(0, found.start)) && !/[的是为由在和与及、从向自]$/.test(clause.slice(0, found.start));
    if (!continuation && !shortName && !modified) out.push(found);
    i = found.end + continuation;
  }
  return out;
}
