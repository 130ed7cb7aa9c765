/**
 * Percentages and points of a statement (grammar.ts): a growth rate after a growth word ("同比增长",
 * "下降" → negative), a share after 占 with the base its words name (the country, a member, or the
 * sentence's first statement for a bare "占总项数的"), runs "X%和Y%" paired with the levels,
 * members or the two flows named before, and a change of a share in points. Serves every edition.
 */
import { baseMeasure, growthSign, isNationalBase, isShareCue, lastMeasureCue, measureCuesInOrder, shareBase, type Flow } from './cues.ts';
import type { Figure } from './figures.ts';
import type { ReadFigure, State } from './statements.ts';
import { findMentions, type Vocabulary } from './vocabulary.ts';

/** Reads a run of percentages: growth rates or shares, paired with levels, members or flows. */
export function readPercents(
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
export function readPoints(f: Figure, segment: string, state: State, push: (r: Omit<ReadFigure, 'at' | 'year' | 'flow'>) => void): void {
  if (!/比例|比重|份额|占比/.test(state.text) || !/(?:较|比)(?:上年|去年|\d{4}年)/.test(state.text)) return;
  const sign = growthSign(segment);
  if (sign === 0 || state.subject!.mentions.length !== 1) return;
  const measure = lastMeasureCue(state.text.replace(/比例.*$/, '')) === 'contract_count' ? 'contract_count' : 'turnover';
  push({ figure: sign < 0 ? { ...f, value: `-${f.value}` } : f, measure: `x_${measure}_share_change_pp`, base: 'national' });
}

