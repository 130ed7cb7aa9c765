/**
 * The shapes the prose grammar (grammar.ts) reads into — subjects, figures, statements — and the
 * reading state of one sentence, with the small helpers the grammar's modules share. Serves every
 * edition.
 */
import type { Flow } from './cues.ts';
import type { Figure } from './figures.ts';
import type { Mention } from './vocabulary.ts';

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

/** Mutable reading state of one sentence. */
export interface State {
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

/** Words a mention group may be joined by. */
export const JOIN = /^(?:、|和|与|及|以及|、和)$/;

/** Groups consecutive mentions joined by 、/和/与 into composite groups. */
export function groupMentions(clause: string, mentions: Mention[]): Mention[][] {
  const groups: Mention[][] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    if (last && JOIN.test(clause.slice(last[last.length - 1].end, m.start))) last.push(m);
    else groups.push([m]);
  }
  return groups;
}

