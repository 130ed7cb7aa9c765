/**
 * Prose figures (issue 4, DESIGN.md "Checks": the same figure agrees across tables and prose):
 * sentences of a report's running text that state a figure for something a table also holds — a
 * total ("全年共签订技术合同 549 353 项，成交额为 28 251.5 亿元"), a contract type, a technology
 * field, a region, an entity type — become observations with table_ref "text", the line the figure
 * is printed on, the member the tables print it under (row label, parent label and column group of
 * that row; its member key, checks/members.ts, in dimension "text.member"), and the measure codes
 * of golden/FORMAT.md: levels
 * (contract_count, turnover, avg_turnover, org_count), growth ("同比增长 13.5%"; "下降2.05%" →
 * -2.05), shares ("占 … 的 35.37%"), ranks ("居第三位", "前10名…依次为…") and changes of a share
 * in points (x_turnover_share_change_pp).
 *
 * Pipeline: paragraphs (prose/paragraphs.ts) → statements (prose/grammar.ts, with the members the
 * tables print as vocabulary, prose/vocabulary.ts) → observations (prose/resolve.ts). Prose-only
 * facts ride in dimensions under "text.*": text.statement (figures printed about one subject
 * together), text.base (the member a share is of), text.universe and text.rank (a rank's
 * universe; "at_most" for a top-N list without order). Precision first: a figure whose member or
 * measure the words leave open is dropped or kept without a member (never checked).
 * Serves every edition; errors: none (a sentence it cannot read yields nothing).
 */
import { indexMembers } from '../../checks/members.ts';
import { populations } from '../../checks/populations.ts';
import type { Observation } from '../../model.ts';
import type { Line } from '../layout/lines.ts';
import { paragraphStatements } from './grammar.ts';
import { proseParagraphs } from '../layout/paragraphs.ts';
import { documentFlows, statementObservations } from './resolve.ts';
import { buildVocabulary } from './vocabulary.ts';

/** The document a prose extraction serves. */
export interface ProseDocument {
  sourceId: string;
  sourceName: string;
  edition: number | null;
}

/**
 * The year a report's figures are about when the text names none: the most frequent data year of
 * its tables (the 2018 edition → 2017), else the edition year − 1, else null.
 */
export function reportDataYear(tableObservations: readonly Observation[], edition: number | null): number | null {
  const votes = new Map<number, number>();
  for (const o of tableObservations) if (edition === null || o.dataYear < edition) votes.set(o.dataYear, (votes.get(o.dataYear) ?? 0) + 1);
  let best: number | null = null;
  let n = 0;
  for (const [y, k] of votes) if (k > n || (k === n && best !== null && y > best)) [best, n] = [y, k];
  return best ?? (edition === null ? null : edition - 1);
}

/**
 * The prose observations of one document: `lines` are its classified lines (prose ones are read),
 * `tableObservations` what transform made of its tables (the vocabulary and the values that bind a
 * statement to a member). transformDocument validates them (validate.ts).
 */
export function proseObservations(lines: readonly Line[], tableObservations: readonly Observation[], doc: ProseDocument): Observation[] {
  const dataYear = reportDataYear(tableObservations, doc.edition);
  if (dataYear === null) return [];
  const index = indexMembers(tableObservations);
  const vocabulary = buildVocabulary(tableObservations, index, populations(tableObservations, index).minority());
  const ctx = { ...doc, index, flows: documentFlows(index), vocabulary };
  const out: Observation[] = [];
  for (const p of proseParagraphs(lines)) {
    const where = (at: number) => ({ line: p.lines[at], page: p.pages[at] });
    let first: { id: string; sentence: number } | null = null;
    for (const st of paragraphStatements(p, vocabulary, dataYear)) {
      const id = `${where(st.at).line}.${out.length}`;
      const firstId = first && (first.sentence === st.sentence || (st.continues && first.sentence === st.sentence - 1)) ? first.id : null;
      out.push(...statementObservations(st, where, id, firstId, ctx));
      if (!firstId) first = { id, sentence: st.sentence };
    }
  }
  return distinct(out);
}

/** Drops a figure read twice (same line, member, measure, year and value). */
function distinct(observations: Observation[]): Observation[] {
  const seen = new Set<string>();
  return observations.filter((o) => {
    const k = [o.line, o.rowLabel, o.parentLabel, o.columnGroup, o.measure, o.dataYear, o.value].join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
