/**
 * The variants' self-check: every golden value of the seed is still printed in a variant, in the
 * same order within its table. A variant re-prints layout only, so the seed's golden records must
 * still hold for it; a generator that drops or mangles a body line is caught here.
 *
 * Text is compared after NFKC (full-width digits, "．", "－", "％" and U+3000 turn ASCII), so a
 * value matches however a variant prints its digits. A value may carry grouping spaces
 * ("28 251.5" for 28251.5) and a footnote letter after it.
 */
import { locateTables, type GoldenRow } from './seed-tables.ts';

/** Text as the check reads it: NFKC, the minus sign U+2212 as "-". */
export function normaliseDigits(text: string): string {
  return text.normalize('NFKC').replace(/\u2212/g, '-');
}

/**
 * A regular expression source matching `value` as printed: optional grouping spaces between digit
 * groups of the integer part, any sign of minus; not inside a longer number. With `vertical`, any
 * white space (line breaks included) may separate its digits, as in a rotated table whose cells are
 * printed one or two digits per line.
 */
export function valuePattern(value: string, vertical = false): string {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) throw new Error(`not a golden value: "${value}"`);
  const [, sign, int, frac] = m;
  let body: string;
  if (vertical) {
    body = [...int].join('\\s*') + (frac !== undefined ? '\\s*\\.\\s*' + [...frac].join('\\s*') : '');
  } else {
    const groups: string[] = [];
    const head = int.length % 3 || 3;
    groups.push(int.slice(0, head));
    for (let i = head; i < int.length; i += 3) groups.push(int.slice(i, i + 3));
    body = groups.join(' ?') + (frac !== undefined ? '\\.' + frac : '');
  }
  return `(?<![\\d.])${sign ? '-\\s?' : ''}${body}(?![\\d]|\\.\\d)`;
}

/** A golden row the check could not find in a variant, with the reason. */
export interface LostValue {
  row: GoldenRow;
  reason: string;
}

/**
 * The golden rows of `golden` (tables and figures; prose "text" rows are not re-printed by any
 * variant and are not checked) whose value is not printed in `variantLines` in its table's order.
 * Per table, its values are sought one after the other in the order they are printed in the seed
 * (line, then position on the line), each after the previous one's match: a subsequence check,
 * which tolerates anything a variant inserts (captions, page furniture) but not a lost value.
 */
export function lostValues(seedLines: readonly string[], variantLines: readonly string[], golden: readonly GoldenRow[]): LostValue[] {
  const text = normaliseDigits(variantLines.join('\n'));
  const lost: LostValue[] = [];
  for (const table of locateTables(seedLines, golden)) {
    const ordered = orderInSeed(seedLines, table.rows.flatMap((r) => r.rows), table.vertical);
    let cursor = 0;
    for (const row of ordered) {
      const re = new RegExp(valuePattern(row.value, table.vertical), 'gu');
      re.lastIndex = cursor;
      const m = re.exec(text);
      if (!m) {
        lost.push({ row, reason: `${row.table_ref} ${row.row_label} ${row.measure}=${row.value} (seed line ${row.source_line}) not printed after the table's previous value` });
        continue;
      }
      cursor = m.index + m[0].length;
    }
  }
  return lost;
}

/** Golden rows ordered as printed in the seed: by line, then by the position of their value on it. */
function orderInSeed(seedLines: readonly string[], rows: GoldenRow[], vertical: boolean): GoldenRow[] {
  const pos = new Map<GoldenRow, number>();
  const byLine = new Map<number, GoldenRow[]>();
  for (const r of rows) {
    if (!byLine.has(r.source_line)) byLine.set(r.source_line, []);
    byLine.get(r.source_line)!.push(r);
  }
  for (const [line, onLine] of byLine) {
    const text = normaliseDigits(seedLines[line - 1] ?? '');
    const taken = new Set<number>();
    for (const r of onLine) {
      if (vertical) { pos.set(r, 0); continue; }
      const re = new RegExp(valuePattern(r.value), 'gu');
      let at = -1;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (!taken.has(m.index)) { at = m.index; break; }
      }
      if (at < 0) throw new Error(`golden value ${r.value} of ${r.table_ref} is not printed on seed line ${line}`);
      taken.add(at);
      pos.set(r, at);
    }
  }
  return [...rows].sort((a, b) => a.source_line - b.source_line || pos.get(a)! - pos.get(b)!);
}
