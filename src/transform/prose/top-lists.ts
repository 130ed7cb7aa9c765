/**
 * Top-N lists of the running text ("前10名的省市依次为北京、上海…", "北京、湖北、广东…居前三位"):
 * a rank figure for each member named, exact when the list is ordered (依次), else a bound (each
 * within the top N). Serves every edition.
 */
import { flowWords } from './cues.ts';
import { groupMentions, type ReadFigure, type Statement } from './statements.ts';
import { findMentions, type Vocabulary } from './vocabulary.ts';

/**
 * A top-N list ("前10名的省市依次为北京、湖北…", "北京、湖北、广东…居前三位"): a rank figure for
 * each member named (exact when 依次, else at most N).
 */
export function topList(sentence: string, at: number, vocabulary: Vocabulary, year: number, index: number): Statement[] {
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
