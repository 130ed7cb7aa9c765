/**
 * Ranked lists of names (表5-3 … of the 2018 and 2021 editions: "排名 卖方名称" then "1 中国港湾…"):
 * each "rank name" line is a turnover_rank observation (unit 位) of that name.
 */
import type { Observation } from '../../model.ts';
import type { Block } from '../block.ts';
import type { TableContext } from '../context.ts';
import { normaliseLabel } from '../normalize/text.ts';

/** Observations of a ranked list, dated `year`. Lines that are not "rank name" are skipped. */
export function rankedObservations(block: Block, ctx: TableContext, table: { ref: string; title: string; kind: string }, year: number): Observation[] {
  const out: Observation[] = [];
  for (const l of block.body) {
    const m = /^\s*(\d{1,3})\s+(.+)$/.exec(l.text);
    if (!m || l.kind !== 'label') continue;
    out.push({
      sourceId: ctx.sourceId, sourceName: ctx.sourceName, edition: ctx.edition,
      tableRef: table.ref, tableTitle: table.title, tableKind: table.kind, dataYear: year,
      rowLabel: normaliseLabel(m[2]), parentLabel: '', columnGroup: '', dimensions: {},
      measure: 'turnover_rank', value: m[1], decimals: 0, unit: '位', unitMult: 0,
      obsStatus: '', footnotes: '', page: l.src.page, line: l.src.line, raw: m[1],
    });
  }
  return out;
}
