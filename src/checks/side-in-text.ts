/**
 * Check kind `side_in_text`: a prose statement whose words name one side of the transactions
 * (输出 / 卖方 / 引进 X: X's output; 吸纳 / 买方: the buyers' side) while its figures are, within
 * rounding, the other side's figures of a table ("引进境外技术合同中，技术服务合同 1350 项…" with
 * the 吸纳技术 column of 表4-11): the text misnames what it quotes. prose.ts marks such figures
 * (dimension "text.side": the side the words name); one result per statement. Serves every
 * edition.
 */
import type { CheckResult } from '../model.ts';
import { isProse } from './members.ts';
import type { SourceView } from './source.ts';
import { toCheckInput } from './result.ts';

const KIND = 'side_in_text';

/** How a side is written. */
const SIDE_WORDS: Record<string, string> = { outflow: '输出 (the side that outputs)', inflow: '吸纳 (the side that absorbs)', registered: '登记' };

/** Runs `side_in_text` over one source's prose. */
export function sideInText(v: SourceView): CheckResult[] {
  const out: CheckResult[] = [];
  const seen = new Set<string>();
  for (const o of v.observations) {
    const named = isProse(o) ? o.dimensions['text.side'] : undefined;
    const statement = o.dimensions['text.statement'];
    if (!named || seen.has(statement)) continue;
    seen.add(statement);
    const key = v.index.keyOf(o);
    const printed = key === null ? [] : v.index.printings(key, o.dataYear, o.measure).filter((x) => !isProse(x) && x.value === o.value);
    const figures = v.statements.get(statement) ?? [o];
    out.push({
      sourceId: v.sourceId,
      checkKind: KIND,
      tableRef: o.tableRef,
      status: 'fail',
      severity: 'error',
      subject: `text l.${o.line} ${o.rowLabel}: the side the text names`,
      printed: null,
      expectedLow: null,
      expectedHigh: null,
      gap: null,
      message: `the text names ${SIDE_WORDS[named] ?? named}, but its figures (${figures.map((f) => f.value).join(', ')}) are those of ${printed[0] ? `${printed[0].tableRef} ${printed[0].rowLabel} ${printed[0].columnGroup}`.trim() : 'the other side'}; beyond rounding`,
      inputs: [...figures.map((obs) => toCheckInput({ role: 'text', obs })), ...printed.slice(0, 1).map((obs) => toCheckInput({ role: 'printed', obs }))],
    });
  }
  return out;
}
