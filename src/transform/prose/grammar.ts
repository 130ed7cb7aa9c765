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
 *   机构 → org_count ("1045所高等院校": the subject's own count); approximations, thresholds and
 *   changes are no levels (figures.ts), but a change against the previous year after a level
 *   ("1729家，较上年增加194家") is kept as x_<measure>_change, signed;
 * - a percentage after a growth word is the growth of the measure named last (or of the last
 *   level); after 占 a share of the base named there; "分别…X%和Y%" pairs them with the levels
 *   (or members, or the two flows) named before, in order;
 * - "第N位" / "首位" is a rank by turnover, national when "全国" precedes it;
 * - "前N名…依次为A、B…" lists the top N (ranks 1…N); "分别为" the set (each rank ≤ N).
 * Serves every edition: the words are the reports' own, no member is named here.
 */
import { flowWords, lastMeasureCue, previousYearBefore, sentenceYear, maskParentheses, type Flow } from './cues.ts';
import { clauseFigures, type Figure } from './figures.ts';
import type { Paragraph } from '../layout/paragraphs.ts';
import { readPercents, readPoints } from './percents.ts';
import { JOIN, type ReadFigure, type State, type Statement, type Subject } from './statements.ts';
import { clauseSubject, topicOf } from './subjects.ts';
import { topList } from './top-lists.ts';
import { findMentions, type Mention, type Vocabulary } from './vocabulary.ts';

export type { ReadFigure, Statement, Subject } from './statements.ts';

/** Separators of clauses within a sentence. */
const CLAUSE = /[,;:]/;

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

/**
 * A count of organisations printed right before the subject it counts ("共有1045所高等院校参与…"):
 * the subject's org_count. Other counts of the noun after them stay no level (figures.ts).
 */
function countOfSubject(f: Figure, clause: string, parts: readonly Mention[]): string | null {
  if (f.notLevel !== 'a count of the noun after it' || !['家', '个', '所'].includes(f.unit) || parts.length !== 1) return null;
  return clause.startsWith(parts[0].text, f.end) ? 'org_count' : null;
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
    if ((f.kind === 'count' || f.kind === 'amount') && f.change) {
      // "…1729家，较上年增加194家": the change of the level printed last in the same unit.
      const level = [...state.levels].reverse().find((l) => l.figure.unit === f.unit);
      if (level && !respectively) push({ figure: { ...f, value: f.change < 0 ? `-${f.value}` : f.value }, measure: `x_${level.measure}_change`, part: level.part, flow: level.flow });
      i++;
      continue;
    }
    if (f.kind === 'count' || f.kind === 'amount') {
      const measure = countOfSubject(f, clause, parts) ?? levelMeasure(f, before, state.text.slice(0, state.text.length - clause.length));
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

