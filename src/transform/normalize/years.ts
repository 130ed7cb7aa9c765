/**
 * Years as the reports print them: in table headers ("2019 年"), row labels of transposed tables,
 * chart axes and captions, and running text. One rule for every edition: four digits from 19xx or
 * 20xx that are not part of a longer number, within the years an observation may carry
 * (ObservationSchema's MIN_DATA_YEAR…MAX_DATA_YEAR); anything else is not a year.
 */
import { MAX_DATA_YEAR, MIN_DATA_YEAR } from '../../model.ts';

/** Whether `y` (an integer) can be the year of an observation. */
export function isDataYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_DATA_YEAR && y <= MAX_DATA_YEAR;
}

/**
 * The year a table's or chart's values are about when its columns do not say: the latest year its
 * title names ("2006—2017 年全国技术合同成交额" → 2017), else the year before `edition` (a report
 * covers the previous year); null when neither is known.
 */
export function titleYear(title: string, edition: number | null): number | null {
  const years = [...title.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0])).filter(isDataYear);
  if (years.length) return Math.max(...years);
  return edition !== null && isDataYear(edition - 1) ? edition - 1 : null;
}
