/**
 * The `traditional` variant: the report printed in traditional script, as editions reprinted for
 * Hong Kong, Macao and Taiwan readers (or extracted from such a reprint) are.
 */
import * as OpenCC from 'opencc-js';
import type { GoldenRow } from './seed-tables.ts';

let converter: ((s: string) => string) | null = null;

/** opencc-js, mainland simplified → Taiwan traditional (characters only), built once. */
function toTraditional(s: string): string {
  const convert = (converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(s);
}

/**
 * `traditional`: every line converted to traditional script with opencc-js (cn → tw); ASCII
 * (digits, Latin letters, punctuation) is left as it is, so every value keeps its digits.
 * "北 京 74965 3940.80 1" → "北 京 74965 3940.80 1"; "合 计" → "合 計"; "技术合同" → "技術合同".
 * Shape: (seed lines, golden rows) → lines; the golden rows are not needed.
 */
export function traditional(lines: readonly string[], _golden?: readonly GoldenRow[]): string[] {
  return lines.map((line) => line.replace(/[^\x00-\x7f]+/g, (run) => toTraditional(run)));
}
