/**
 * Reads statements out of a paragraph of prose (paragraphs.ts): who a run of figures is about
 * (a member the tables print, several at once "北京、湖北、广东", or the country "全国…"), on which
 * side (输出 / 吸纳 / 登记; "引进X" makes X the side that outputs), and what each figure is
 * (level, growth, share with its base, rank, change of a share in points). Precision before
 * recall: a clause whose subject is ambiguous yields nothing, and a figure without a clear measure
 * is dropped. The grammar, by sentence (。) and clause (， ；):
 *
 * - a clause's subject is the one group of mentions (vocabulary.ts) printed before its first figure
 *   that is not an object ("超越北京", "占东部地区…的"); a clause without one continues the
 *   previous clause's subject within the sentence;
 * - levels: 项 → contract_count, 亿元 → turnover, 万元 after "平均" → avg_turnover, 家/个/所 of
 *   机构 → org_count; approximations, thresholds and changes are no levels (figures.ts);
 * - a percentage after a growth word is the growth of the measure named last (or of the last
 *   level); after 占 a share of the base named there; "分别…X%和Y%" pairs them with the levels
 *   (or members, or the two flows) named before, in order;
 * - "第N位" / "首位" is a rank by turnover, national when "全国" precedes it;
 * - "前N名…依次为A、B…" lists the top N (ranks 1…N); "分别为" the set (each rank ≤ N).
 * Serves every edition: the words are the reports' own, no member is named here.
 */
import {
  baseMeasure,
  flowWords,
  growthSign,
  isNationalBase,
  isObjectPosition,
  isShareCue,
  lastMeasureCue,
  maskParentheses,
  measureCuesInOrder,
  partnerFlow,
  previousYearBefore,
  sentenceYear,
  shareBase,
  type Flow,
} from './cues.ts';
import { clauseFigures, type Figure } from './figures.ts';
import type { Paragraph } from './paragraphs.ts';
import { findMentions, type Mention, type Vocabulary } from './vocabulary.ts';

/** Who a statement is about: one member, several summed, or none resolved yet. */
export interface Subject {
  /** The members named; empty for a subject the tables do not print (then `label` names it). */
  mentions: Mention[];
  /** The printed name of a subject no table prints ("工业", "管理部门"). */
  label?: string;
  /** Set when the subject is named as a trading partner ("引进境外技术"): its flow. */
  partner: Flow | null;
}

/** One figure of a statement, read. */
export interface ReadFigure {
  figure: Figure;
  /** Offset of the figure in the paragraph text. */
  at: number;
  measure: string;
  year: number;
  flow: Flow;
  /** The single member of a composite subject the figure belongs to ("分别为 X、Y 和 Z"). */
  part?: Mention;
  /**
   * For shares: what it is a share of: 'national', the mentions of the base member, or 'previous'
   * (a bare "占总项数的": the subject of the sentence's previous statement).
   */
  base?: 'national' | 'previous' | Mention[];
  /**
   * For ranks: national, among the rows of a grouping the words name ("居长江经济带地区…首位"), or
   * among the rows printed with the member; and whether exact or a bound.
   */
  rank?: { universe: 'national' | 'siblings' | Mention; bound: 'exact' | 'at_most' };
}

/** A subject and the figures printed about it. */
export interface Statement {
  subject: Subject | null;
  /** Flow the statement's wording names ("" when none). */
  flow: Flow;
  figures: ReadFigure[];
  /** Offset of the statement's first character in the paragraph text, and its text. */
  at: number;
  /** Index of the sentence in the paragraph (statements of one sentence share it). */
  sentence: number;
  /** Whether the sentence opens with 其中 (its "总…" refers to the sentence before). */
  continues?: boolean;
  text: string;
}

/** Separators of clauses within a sentence. */
const CLAUSE = /[,;:]/;
/** Words a mention group may be joined by. */
const JOIN = /^(?:、|和|与|及|以及|、和)$/;

/** Splits text into [offset, part] pieces at a separator class. */
function pieces(text: string, sep: RegExp, offset: number): [number, string][] {
  const out: [number, string][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || sep.test(text[i])) {
      if (i > start) out.push([offset + start, text.slice(start, i)]);
      start = i + 1;
    }
  }
  return out;
}

/** Groups consecutive mentions joined by 、/和/与 into composite groups. */
function groupMentions(clause: string, mentions: Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last && JOIN.test(clause.slice(last[last.length - 1].end, m.start))) last.push(m);
    else groups.push([m]);
  }
  return groups;
}

/** Words a clause may start with and still continue the previous clause's subject. */
const CONTINUES = /^(?:其中|而|但|并|且|另外|同时)?(?:成交|合同|技术合同|项数|金额|交易|同比|较|比|增|减|下降|降|占|共|分别|平均|达|为|输出|吸纳|购买|签订|实现|总|均|其中|位|居|排|跃|首|仍|继|已|约|所占|数量|涨幅|上升|提高|出现|有|是|在|规模|三地|两地|该|这|上述|以上|全年|年|\d|□)/;

/**
 * The subject a clause names before its first figure; 'ambiguous' when it names several (or an
 * aggregate "A、B等9家", or begins with a noun the tables do not print: "技贸机构10.68亿元");
 * null when it continues the previous clause's subject.
 */
function clauseSubject(clause: string, mentions: Mention[], firstFigure: number): Subject | 'ambiguous' | null {
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
  return subjects.length === 1 ? subjects[0] : 'ambiguous';
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

/** Mutable reading state of one sentence. */
interface State {
  subject: Subject | null;
  flow: Flow | 'both';
  levels: ReadFigure[];
  statement: Statement | null;
  /** Text of the current statement so far (for 分别 and measure cues). */
  text: string;
  sentence: number;
  /** The paragraph's topic, for a sentence that names no subject of its own. */
  topic: Subject | null;
  /** The side a scope clause set for the rest of the sentence ("引进境外技术合同中，…"). */
  context?: Flow;
  continues: boolean;
}

/**
 * The topic a paragraph opens with: a first sentence without figures that names one member
 * ("长江经济带地区技术交易额稳步增长。全年共输出…").
 */
function topicOf(sentence: string, vocabulary: Vocabulary): Subject | null {
  if (clauseFigures(sentence).length) return null;
  const groups = groupMentions(sentence, findMentions(sentence, vocabulary).filter((m) => !m.entry.keys.has('TOTAL')));
  return groups.length === 1 && groups[0][0].start <= 2 ? { mentions: groups[0], partner: null } : null;
}

/** The measure of a level figure, or null when the words do not make it one the tables print. */
function levelMeasure(f: Figure, before: string, prior: string): string | null {
  if (f.notLevel) return null;
  const cue = lastMeasureCue(before) ?? (f.unit === '万元' ? lastMeasureCue(prior) : null);
  if (f.unit === '亿元' && /其中[^,;]*技术交易额[^,;]*$/.test(before)) return 'tech_transaction_amount';
  if (f.unit === '亿元') return cue === 'turnover' || cue === null || cue === 'contract_count' ? 'turnover' : null;
  if (f.unit === '万元') return cue === 'avg_turnover' ? 'avg_turnover' : null;
  if (f.unit === '项') return cue === 'other' ? null : 'contract_count';
  if (['家', '个', '所'].includes(f.unit)) return /机构|主体|法人|院校|企业/.test(before + prior) ? 'org_count' : null;
  if (f.unit === '人' || f.unit === '万人') return /人员|人数|员工|职工|经纪人|人才/.test(before) ? 'staff_count' : null;
  return null;
}

/** The year of a figure: a previous year when the words say so, else the sentence's year. */
function yearOf(segment: string, year: number): number {
  const prev = previousYearBefore(segment);
  if (!prev) return year;
  return 'year' in prev ? prev.year : year + prev.offset;
}

/**
 * Reads the statements of one paragraph. `dataYear` is the year the report is about (figures
 * without a year of their own belong to it).
 */
export function paragraphStatements(p: Paragraph, vocabulary: Vocabulary, dataYear: number): Statement[] {
  const out: Statement[] = [];
  const text = maskParentheses(p.text);
  let topic: Subject | null = null;
  pieces(text, /[。!?]/, 0).forEach(([sAt, sentence], k) => {
    const year = sentenceYear(sentence) ?? dataYear;
    if (k === 0) topic = topicOf(sentence, vocabulary);
    // "截至2017年底，全国累计…": stocks accumulated over the years, which no table of the year prints.
    if (/截至|截止|累计/.test(sentence)) return;
    const mentionsAny = findMentions(sentence, vocabulary).some((m) => !m.entry.keys.has('TOTAL'));
    const state: State = { subject: null, flow: '', levels: [], statement: null, text: '', sentence: k, topic: k === 0 || mentionsAny ? null : topic, continues: /^其中/.test(sentence) };
    out.push(...topList(sentence, sAt, vocabulary, year, k));
    for (const [cAt, clause] of pieces(sentence, CLAUSE, sAt)) readClause(clause, cAt, state, vocabulary, year, out);
  });
  return out.filter((s) => s.figures.length > 0);
}

/** Reads one clause into the state, starting a statement when it names a new subject. */
function readClause(clause: string, at: number, state: State, vocabulary: Vocabulary, year: number, out: Statement[]): void {
  const figures = clauseFigures(clause);
  const mentions = findMentions(clause, vocabulary);
  const firstFigure = figures.find((f) => f.notLevel !== 'a count of the noun after it')?.start ?? clause.length;
  let subject = clauseSubject(clause, mentions, firstFigure);
  // "全年共输出…" in a paragraph about a region: the year's figures of that region, not the country's.
  if (subject && subject !== 'ambiguous' && state.topic && subject.mentions.length === 1 && subject.mentions[0].entry.keys.has('TOTAL')) subject = state.topic;
  if (subject === 'ambiguous') {
    state.subject = null;
    state.statement = null;
    return;
  }
  const outsideShare = clause.slice(0, clause.indexOf('占') < 0 ? clause.length : clause.indexOf('占'));
  if (!subject && !state.subject && figures.length) {
    // A sentence that names no subject: the paragraph's topic, else an unnamed one (kept only as
    // the base a later "占…总数的" share may refer to).
    state.subject = state.topic ?? { mentions: [], label: '', partner: null };
    state.flow = flowWords(outsideShare);
    state.levels = [];
    state.text = '';
    state.statement = { subject: state.subject, flow: state.flow === 'both' ? '' : state.flow, figures: [], at, text: '', sentence: state.sentence, continues: state.continues };
    out.push(state.statement);
  }
  if (subject) {
    const list = subject.mentions.length >= 3;
    const afterSubject = outsideShare.slice(subject.mentions.length && !list ? subject.mentions[subject.mentions.length - 1].end : 0);
    state.subject = subject;
    state.flow = subject.partner ?? (flowWords(afterSubject) || state.context || '');
    state.levels = [];
    state.text = '';
    state.statement = { subject, flow: state.flow === 'both' ? '' : state.flow, figures: [], at, text: '', sentence: state.sentence, continues: state.continues };
    out.push(state.statement);
  } else if (state.subject && !state.subject.partner) {
    const f = flowWords(outsideShare);
    if (f) state.flow = f;
  }
  const statement = state.statement;
  if (!statement || !state.subject) return;
  if (/中$/.test(clause) && !figures.length && state.flow && state.flow !== 'both') state.context = state.flow;
  statement.text += (statement.text ? ',' : '') + clause;
  state.text = statement.text;
  readFigures(clause, at, figures, state, year, vocabulary, statement);
}

/** A run of figures of one kind joined by 和 / 、 ("13.5%和26.1%"). */
function runAt(clause: string, figures: Figure[], i: number): Figure[] {
  const run = [figures[i]];
  for (let j = i + 1; j < figures.length; j++) {
    if (figures[j].kind !== figures[i].kind || !JOIN.test(clause.slice(figures[j - 1].end, figures[j].start))) break;
    run.push(figures[j]);
  }
  return run;
}

/** Reads a clause's figures into the statement. */
function readFigures(clause: string, at: number, figures: Figure[], state: State, year: number, vocabulary: Vocabulary, st: Statement): void {
  const flow: Flow = state.flow === 'both' ? '' : state.flow;
  const parts = state.subject!.mentions;
  for (let i = 0; i < figures.length; ) {
    const f = figures[i];
    const before = clause.slice(0, f.start);
    const segment = clause.slice(i > 0 ? figures[i - 1].end : 0, f.start);
    const run = runAt(clause, figures, i);
    const respectively = run.length > 1 && (f.kind === 'percent' || /分别/.test(state.text.slice(0, state.text.length - clause.length + f.start)));
    const fYear = yearOf(segment, year);
    const push = (r: Omit<ReadFigure, 'at' | 'year' | 'flow'> & { flow?: Flow; year?: number; at?: number }) =>
      st.figures.push({ at: at + r.figure.start, year: fYear, flow, ...r });
    if (f.kind === 'count' || f.kind === 'amount') {
      const measure = levelMeasure(f, before, state.text.slice(0, state.text.length - clause.length));
      if (measure && respectively && parts.length === run.length) run.forEach((g, k) => push({ figure: g, measure, part: parts[k] }));
      else if (measure && respectively && state.flow === 'both' && run.length === 2) run.forEach((g, k) => push({ figure: g, measure, flow: k ? 'inflow' : 'outflow' }));
      else if (measure && !respectively) {
        push({ figure: f, measure });
        state.levels.push(st.figures[st.figures.length - 1]);
      }
      i += respectively ? run.length : 1;
      continue;
    }
    if (f.kind === 'percent') {
      readPercents(clause, run, respectively, segment, state, vocabulary, push);
      i += run.length;
      continue;
    }
    if (f.kind === 'points') readPoints(f, segment, state, push);
    if (f.kind === 'rank') {
      const within = findMentions(before, vocabulary).filter((m) => !parts.includes(m) && !m.entry.keys.has('TOTAL') && !parts.some((p) => p.text === m.text));
      const universe = /全国/.test(before) ? 'national' : within.length === 1 ? within[0] : 'siblings';
      const cue = lastMeasureCue(before) ?? lastMeasureCue(state.text.slice(0, state.text.length - clause.length));
      const measure = cue === 'turnover' && !/涨幅|增幅|增速|增长/.test(before) ? 'turnover_rank' : null;
      const flows: Flow[] = state.flow === 'both' ? ['outflow', 'inflow'] : [flow];
      if (measure && parts.length === 1) for (const fl of flows) push({ figure: f, measure, flow: fl, rank: { universe, bound: 'exact' } });
    }
    i++;
  }
}

/** Reads a run of percentages: growth rates or shares, paired with levels, members or flows. */
function readPercents(
  clause: string,
  run: Figure[],
  respectively: boolean,
  segmentPrinted: string,
  state: State,
  vocabulary: Vocabulary,
  push: (r: Omit<ReadFigure, 'at' | 'year' | 'flow'> & { flow?: Flow }) => void,
): void {
  if (run[0].notLevel) return;
  let segment = segmentPrinted;
  const before = clause.slice(0, run[0].start);
  const prior = state.text.slice(0, state.text.length - clause.length);
  // "…涨幅亦位居首位，达32.02%": a bare "达" continues the previous clause's words.
  if (!isShareCue(segment) && growthSign(segment) === 0 && /^(?:达|为|是|达到|高达|分别为|约为)?$/.test(before)) segment = (prior.replace(/,$/, '').split(',').pop() ?? '') + segment;
  const share = isShareCue(segment) || (growthSign(segment) === 0 && /比例|比重|份额/.test(state.text) && /(?:为|是|达|到)$/.test(segment));
  const organisations = share && /机构|主体/.test(before) && !/额|金额|项/.test(before);
  const sign = share ? 0 : growthSign(segment) || growthSign(before);
  if (!share && sign === 0) return;
  const suffix = share ? '_share_pct' : '_growth_pct';
  const coded = (measure: string) => (measure === 'org_count' || measure === 'staff_count' ? `x_${measure}` : measure) + suffix;
  const signed = (g: Figure): Figure => (sign < 0 && !g.value.startsWith('-') ? { ...g, value: `-${g.value}` } : g);
  let base: ReadFigure['base'];
  if (share) {
    const text = shareBase(segment);
    const inBase = findMentions(text, vocabulary).filter((m) => !m.entry.keys.has('TOTAL'));
    const bare = inBase.length === 0 && text !== '' && isNationalBase(text) && !/全国|合同|全部|各类/.test(text.split('的')[0]);
    base = inBase.length === 1 ? [inBase[0]] : bare ? 'previous' : inBase.length === 0 && isNationalBase(text) ? 'national' : undefined;
    if (!base) return;
  }
  const named = share ? baseMeasure(shareBase(segment)) : null;
  const cue = lastMeasureCue(prior + ',' + before.replace(/占.*$/, ''));
  if (cue === 'other') return;
  const parts = state.subject!.mentions;
  if (respectively) {
    const levels = distinctMeasures(state.levels.map((l) => l.measure));
    const cued = measureCuesInOrder(state.text);
    const single = cue ?? named ?? (share ? 'turnover' : null);
    const measures = levels.length >= run.length ? levels.slice(-run.length) : cued.length === run.length ? cued : null;
    if (measures && !(parts.length === run.length && levels.length === 0)) {
      run.forEach((g, k) => push({ figure: signed(g), measure: coded(measures[k]), base }));
    } else if (parts.length === run.length && parts.length > 1) {
      if (single) run.forEach((g, k) => push({ figure: signed(g), measure: coded(single), part: parts[k], base }));
    } else if (state.flow === 'both' && run.length === 2) {
      if (single) run.forEach((g, k) => push({ figure: signed(g), measure: coded(single), flow: k ? 'inflow' : 'outflow', base }));
    }
    return;
  }
  for (const g of run.length === 1 ? run : []) {
    const measure = named ?? cue ?? (organisations ? 'org_count' : share ? 'turnover' : null);
    if (measure) push({ figure: signed(g), measure: coded(measure), base });
  }
}

/** The distinct measures of a list, in first-seen order. */
function distinctMeasures(list: string[]): string[] {
  return list.filter((m, i) => list.indexOf(m) === i);
}

/** A change of a share in points ("所占比例较2004年下降了2个百分点"). */
function readPoints(f: Figure, segment: string, state: State, push: (r: Omit<ReadFigure, 'at' | 'year' | 'flow'>) => void): void {
  if (!/比例|比重|份额|占比/.test(state.text) || !/(?:较|比)(?:上年|去年|\d{4}年)/.test(state.text)) return;
  const sign = growthSign(segment);
  if (sign === 0 || state.subject!.mentions.length !== 1) return;
  const measure = lastMeasureCue(state.text.replace(/比例.*$/, '')) === 'contract_count' ? 'contract_count' : 'turnover';
  push({ figure: sign < 0 ? { ...f, value: `-${f.value}` } : f, measure: `x_${measure}_share_change_pp`, base: 'national' });
}

/**
 * A top-N list ("前10名的省市依次为北京、湖北…", "北京、湖北、广东…居前三位"): a rank figure for
 * each member named (exact when 依次, else at most N).
 */
function topList(sentence: string, at: number, vocabulary: Vocabulary, year: number, index: number): Statement[] {
  const m = /前(\d+|[一二三四五六七八九十]+)(?:名|位)/.exec(sentence);
  if (!m) return [];
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : '一二三四五六七八九十'.indexOf(m[1]) + 1;
  const mentions = findMentions(sentence, vocabulary).filter((x) => !x.entry.keys.has('TOTAL'));
  const group = groupMentions(sentence, mentions).filter((g) => g.length === n).sort((a, b) => Math.abs(a[0].start - m.index) - Math.abs(b[0].start - m.index))[0];
  if (!group || n < 2) return [];
  const ordered = /依次/.test(sentence.slice(m.index, group[0].start));
  const flow = flowWords(sentence.slice(0, Math.max(group[0].start, m.index)));
  if (flow === 'both') return [];
  const figures: ReadFigure[] = group.map((g, k) => ({
    figure: { kind: 'rank', value: String(ordered ? k + 1 : n), decimals: 0, unit: '位', start: g.start, end: g.end },
    at: at + g.start,
    measure: 'turnover_rank',
    year,
    flow,
    part: g,
    rank: { universe: 'national', bound: ordered ? 'exact' : 'at_most' },
  }));
  return [{ subject: { mentions: group, partner: null }, flow, figures, at: at + group[0].start, text: sentence, sentence: index }];
}
