/**
 * Who a clause of prose is about (grammar.ts): the one group of members it names before its first
 * figure (vocabulary.ts mentions, joined by 、/和 into a group), a partner named after a flow verb
 * ("引进境外技术" → 境外 on the outflow side, for places only), the country ("全国共签订…"), a
 * name no table prints ("服务于工业的技术合同", "管理部门133.75亿元"), or 'ambiguous' (two
 * members, a flow between two parties, a top-N subset) — then nothing is read until the next
 * subject. Also a paragraph's topic sentence ("长江经济带地区技术交易额稳步增长。"). Serves every
 * edition.
 */
import { isObjectPosition, partnerFlow } from './cues.ts';
import { clauseFigures } from './figures.ts';
import { groupMentions, type Subject } from './statements.ts';
import { findMentions, type Mention, type Vocabulary } from './vocabulary.ts';

/** Words a clause may start with and still continue the previous clause's subject. */
const CONTINUES = /^(?:其中|而|但|并|且|另外|同时)?(?:成交|合同|技术合同|项数|金额|交易|同比|较|比|增|减|下降|降|占|共|分别|平均|达|为|输出|吸纳|购买|签订|实现|总|均|其中|位|居|排|跃|首|仍|继|已|约|所占|数量|涨幅|上升|提高|出现|有|是|在|规模|三地|两地|该|这|上述|以上|全年|年|\d|□)/;

/**
 * The subject a clause names before its first figure; 'ambiguous' when it names several (or an
 * aggregate "A、B等9家", or begins with a noun the tables do not print: "技贸机构10.68亿元");
 * null when it continues the previous clause's subject.
 */
export function clauseSubject(clause: string, mentions: Mention[], firstFigure: number): Subject | 'ambiguous' | null {
  const shareAt = clause.indexOf('占');
  const limit = Math.min(firstFigure, shareAt < 0 ? clause.length : shareAt);
  // "私营性质的技术贸易机构": the member is 私营; the kind of entity after 性质的 only qualifies it.
  const groups = groupMentions(clause, mentions.filter((m) => m.end <= limit)).filter(
    (g, i, all) => i === 0 || !/^(?:性质|类)的?$/.test(clause.slice(all[i - 1][all[i - 1].length - 1].end, g[0].start)),
  );
  const subjects: Subject[] = [];
  let national: Subject | null = null;
  let inverted: Subject | null = null;
  for (const g of groups) {
    const before = clause.slice(0, g[0].start);
    if (g[g.length - 1].text.endsWith('等')) return { mentions: [], label: `${g.map((m) => m.text.replace(/等$/, '')).join('、')}等`, partner: null };
    if (g.length === 1 && g[0].entry.keys.has('TOTAL')) {
      if (/^(?:\d{4}年)?(?:其中)?$/.test(before) && /^(?:共|技术合同|签订|成交)/.test(clause.slice(g[0].end))) national = { mentions: g, partner: null };
      continue;
    }
    // "…居首位的是德国": the member named after 的是 is what the next figures are about.
    if (/的是$/.test(before) && firstFigure === clause.length) inverted = { mentions: g, partner: null };
    // "排名前20位的高等院校": a part of the member, not the member.
    if (/前[\d一二三四五六七八九十]+(?:名|位)的?$/.test(before)) return 'ambiguous';
    const partner = partnerFlow(before);
    if (partner) {
      // Only a place (a member with a flow) is named as the partner of a trade; "输出到企业法人"
      // is one side of a flow between two kinds of entity, which no table prints as a member.
      if (!g.every((m) => [...m.entry.keys].some((k) => /(^|;)flow=/.test(k)))) return 'ambiguous';
      if (isObjectPosition(before.replace(/(?:引进|吸纳|购买|来自|输出到|输出至|出口到|出口至|流向|面向|向|到)(?:了|的)?$/, ''))) continue;
    }
    // A list of three or more ("分别为北京、广东、江苏…") is what the figures after it are about.
    if (!partner && isObjectPosition(before) && g.length < 3) continue;
    // "广东输出到港澳的…", "企业法人吸纳企业法人的…": a flow between two parties.
    if (!partner && /^(?:输出到|输出至|出口到|流向|吸纳自|来自|吸纳|输出)[\u4e00-\u9fff]/.test(clause.slice(g[g.length - 1].end)) && /(?:到|至|向|自)/.test(clause.slice(g[g.length - 1].end, limit).slice(0, 4))) return 'ambiguous';
    subjects.push({ mentions: g, partner });
  }
  if (subjects.length === 0) {
    if (national) return national;
    if (inverted) return inverted;
    return unknownSubject(clause.slice(0, limit), firstFigure < clause.length);
  }
  if (subjects.length === 2) return qualifiedMember(subjects[0], subjects[1]) ?? 'ambiguous';
  return subjects.length === 1 ? subjects[0] : 'ambiguous';
}

/**
 * Two members named one after the other where the second is printed within the first
 * ("面向“一带一路”沿线国家输出城市建设与社会发展领域技术…": 表4-13 prints 城市建设与社会发展 within
 * the “一带一路” region): the second member, restricted to its keys within the first (each key
 * of the first's, plus a dimension of its own). null when they are two separate members.
 */
function qualifiedMember(outer: Subject, inner: Subject): Subject | null {
  if (outer.mentions.length !== 1 || inner.mentions.length !== 1) return null;
  const [o, i] = [outer.mentions[0], inner.mentions[0]];
  const dims = (k: string) => k.split(';');
  const within = [...i.entry.keys].filter((k) => [...o.entry.keys].some((ok) => ok !== k && dims(ok).every((d) => dims(k).includes(d))));
  if (!within.length) return null;
  return { mentions: [{ ...i, entry: { ...i.entry, keys: new Set(within) } }], partner: null };
}

/** Words that make a clause head a predicate rather than a name. */
const PREDICATE = /[为达是共签增减降占额数破过约近有实完合累计较比同居位]/;
/** A head naming what the technology contracts serve ("服务于工业的技术合同", "环境保护类技术合同"). */
const CONTRACTS_OF = /^(?:在)?(?:服务于|用于)?([\u4e00-\u9fff、]{2,16}?)(?:类)?的?技术合同/;

/**
 * The subject of a clause head that names no member the tables print: a bare name before a figure
 * ("管理部门133.75亿元", "技贸机构10.68亿元") or what contracts serve ("服务于工业的技术合同…").
 * Such a subject is never matched with the tables; it keeps the figures from being given to the
 * previous subject. null when the head continues the previous subject.
 */
function unknownSubject(head: string, hasFigure: boolean): Subject | null {
  const served = CONTRACTS_OF.exec(head)?.[1];
  if (served && !/签|共|成交|吸纳|输出|引进|出口|新增|累计|全年|全国|各类|据/.test(served)) return { mentions: [], label: served, partner: null };
  const actor = ACTOR.exec(head)?.[1];
  if (actor && !NOT_A_NAME.test(actor)) return { mentions: [], label: actor, partner: null };
  const part = /^其中,?([\u4e00-\u9fff□]{2,14}?)的?$/.exec(head)?.[1];
  if (hasFigure && part && !NOT_A_NAME.test(part)) return { mentions: [], label: part.replace(/□+/g, ''), partner: null };
  if (hasFigure && /^[\u4e00-\u9fff□]{2,12}$/.test(head) && !PREDICATE.test(head) && !CONTINUES.test(head)) return { mentions: [], label: head.replace(/□+/g, ''), partner: null };
  return null;
}

/** A head naming who signs or trades ("企业签订…", "大专院校输出…", "科研机构的技术交易额…"). */
const ACTOR = /^([\u4e00-\u9fff]{2,6}?)(?:共计|共|累计)?(?:签订|输出|吸纳|购买|的技术交易额|技术交易额)/;
/** Words that make a would-be name a phrase ("共签订", "全年", "据统计"). */
const NOT_A_NAME = /签|共|成交|吸纳|输出|据|对|向|在|为|是|达|新增|累计|等|各类|全社会|全年|全国|该|其|年/;

/**
 * The topic a paragraph opens with: a first sentence without figures that names one member
 * ("长江经济带地区技术交易额稳步增长。全年共输出…").
 */
export function topicOf(sentence: string, vocabulary: Vocabulary): Subject | null {
  if (clauseFigures(sentence).length) return null;
  const groups = groupMentions(sentence, findMentions(sentence, vocabulary).filter((m) => !m.entry.keys.has('TOTAL')));
  return groups.length === 1 && groups[0][0].start <= 2 ? { mentions: groups[0], partner: null } : null;
}

