/**
 * What a source is, from what a reader sees first: an annual report (its edition named or
 * inferred, or tables read from it), another document of the field (a title such as
 * "国家技术转移体系建设方案", or headings 一、/（一）… in sequence: a policy, a notice), or nothing
 * this warehouse recognises (no title, no headings, no table: random text, a wrong file), which
 * the pipeline refuses unless told to load it anyway (`--force`).
 */
import type { DocumentClass, TableRecord } from '../../model.ts';
import type { Line } from '../layout/lines.ts';
import type { Edition } from './edition.ts';
import { findHeadings } from './headings.ts';
import { findTitle } from './title.ts';

/** Why a source is refused: the message the summary prints after its path. */
export const UNRECOGNISED_REASON = 'not a report or document of this warehouse (no title, headings or tables found)';

/**
 * Classifies a transformed document. `report` when the edition is named or inferred or a table
 * yielded observations; else `document` when a title (title.ts) or a heading structure
 * (headings.ts) is found; else `unrecognised`. Tables that yielded no observation (a lone run of
 * numbers in random text, read under a provisional reference) do not count.
 * Example: the policy seed (title on line 1, headings 一、… 五、, no table) → kind 'document'.
 */
export function classifyDocument(lines: readonly Line[], edition: Edition, tables: readonly TableRecord[]): DocumentClass {
  const title = findTitle(lines);
  const headings = findHeadings(lines);
  const tablesRead = tables.filter((t) => t.observationCount > 0).length;
  const kind = edition.how !== null || tablesRead > 0 ? 'report' : title || headings ? 'document' : 'unrecognised';
  return { kind, title: title?.text ?? null, titleLine: title?.line ?? null, headings: headings?.count ?? 0, headingStyle: headings?.style ?? null, tables: tablesRead };
}
