/**
 * The `spaced` variant: letter-spaced text as justified typesetting extracts it. The 2018 and 2006
 * editions print two-character row labels spaced out ("北 京 74965 3940.80 1 …", "合 计"), where
 * the 2021 edition prints "北京 83 171 …"; captions and headers of some editions space their refs
 * and years ("表 3 - 1", "2 0 1 7 年").
 */
import { LineEditor } from './line-editor.ts';
import { captionedTables, locateTables, plainCaption, type GoldenRow } from './seed-tables.ts';

const REF = /^(\s*)(附\s*表|表)\s*(\d+)(?:\s*([-－—–−])\s*(\d+))?/u;

/** Every digit of every 4-digit year separated by a space: "2016—2017 年" → "2 0 1 6—2 0 1 7 年". */
function spaceYears(s: string, onlyBefore年 = false): string {
  const re = onlyBefore年 ? /(?<!\d)((?:19|20)\d{2})(?=\s*年)/g : /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
  return s.replace(re, (y) => [...y].join(' '));
}

/**
 * A caption with spaces inside its ref and its years, and a wider gap after the ref:
 * "表 3-1 2016—2017 年全国…" → "表 3 - 1  2 0 1 6—2 0 1 7 年全国…", "附表12 2017年…" → "附表 12  2 0 1 7年…".
 * Digits of the ref's numbers are never separated. An overprinted caption (2006) is left as printed.
 */
export function spacedCaption(caption: string): string {
  if (plainCaption(caption) !== caption) return caption;
  const m = REF.exec(caption);
  if (!m) return caption;
  const [whole, lead, word, major, sep, minor] = m;
  const ref = `${lead}${word.replace(/\s+/g, '')} ${major}${sep ? ` ${sep} ${minor}` : ''}`;
  const rest = caption.slice(whole.length).replace(/^ ?(?=\S)/, '  ');
  return ref + spaceYears(rest);
}

/** A two-character CJK label spaced out: "北京" → "北 京", "其中：深圳" → "其中：深 圳"; anything else unchanged. */
export function spacedLabel(label: string): string {
  const m = /^(其中[:：]\s*)?(\p{Script=Han})(\p{Script=Han})$/u.exec(label);
  return m ? `${m[1] ?? ''}${m[2]} ${m[3]}` : label;
}

/**
 * `spaced`: captions get spaced refs and years (spacedCaption); header lines get spaced years
 * ("2016年" → "2 0 1 6年", only years followed by 年); every two-character row label in a table
 * body is spaced out ("北京" → "北 京", also a second label within the line, 2021 表4-9 "… 1 美国 1023 …").
 * Numbers are never touched. Shape: (seed lines, golden rows) → lines.
 */
export function spaced(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  const tables = locateTables(lines, golden);
  for (const t of captionedTables(tables)) ed.replace(t.caption!, spacedCaption(lines[t.caption!]));
  for (const t of tables) {
    if (t.vertical || t.kind === 'figure' || t.kind === 'text') continue;
    for (const h of t.header) ed.replace(h, spaceYears(lines[h], true));
    for (const row of t.rows) {
      const labels = new Set(row.rows.map((r) => r.row_label));
      const rest = row.rest.replace(/(?<=^|\s)(\p{Script=Han}{2})(?=\s|$)/gu, (w) => (labels.has(w) ? spacedLabel(w) : w));
      const label = spacedLabel(row.label);
      if (label !== row.label || rest !== row.rest) ed.replace(row.line, row.indent + label + row.gap + rest);
    }
  }
  return ed.render();
}
