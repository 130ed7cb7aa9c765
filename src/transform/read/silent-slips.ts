/**
 * Every spoilt number cell is reported, whatever read its line: a table reports those it places
 * (table.ts, transposed.ts), but a line that no reader took — chart value labels that matched
 * nothing because one was spoilt ("6l36.4 4509.3 … 12.6" above "图 2-6 …"), a lone "2l6.87" — would
 * otherwise lose its figures without a word. Serves issue 14's "nothing lost on bad input".
 */
import type { Finding } from '../../model.ts';
import { tokenize, type Line } from '../layout/lines.ts';
import { isMalformedNumber } from '../normalize/numbers.ts';

/** Kinds of line whose tokens are cells (prose, captions and page furniture are not). */
const CELL_LINES = new Set<Line['kind']>(['row', 'values', 'label', 'chart']);

/**
 * A `malformed_number` finding for each line (of `lines`) holding a spoilt number cell (see
 * isMalformedNumber) that no finding of `findings` already covers: 'cell "2l6.87" is no number:
 * its line was not read'.
 */
export function silentSlips(lines: readonly Line[], findings: readonly Finding[], sourceId: string): Finding[] {
  const reported = new Set(findings.map((f) => f.line));
  const out: Finding[] = [];
  for (const l of lines) {
    if (!CELL_LINES.has(l.kind) || reported.has(l.src.line)) continue;
    const spoilt = tokenize(l.text).filter((t) => isMalformedNumber(t));
    if (!spoilt.length) continue;
    const cells = spoilt.map((t) => `"${t}"`).join(', ');
    out.push({ sourceId, kind: 'malformed_number', tableRef: null, line: l.src.line, page: l.src.page, message: `cell ${cells} is no number: its line was not read`, raw: l.src.text });
  }
  return out;
}
