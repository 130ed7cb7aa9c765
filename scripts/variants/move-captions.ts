/**
 * Variants that move or drop table captions (表…/附表…; figures and the rotated 2018 表5-1 are left
 * alone). Real editions print a caption before its body (2021 "表 3-1　2019—2020 年…" over its header),
 * right after it (2018 表3-2, L691), after the prose that follows the body (2018 表4-5, L1001), or
 * list appendix captions together before their bodies (2018 附表1 and 附表2, L3013/L3015).
 */
import { LineEditor } from './line-editor.ts';
import {
  captionBlock, captionedTables, endsSentence, isBlank, isProse, locateTables, type GoldenRow, type SeedTable,
} from './seed-tables.ts';

/**
 * `caption-after`: every caption printed before its body is moved to right after the body's last
 * line (its "单位：…" line with it); captions already after their body stay.
 * Shape: (seed lines, golden rows) → lines. Imitates 2018 表3-2:
 * "合 计 367586 13424.22 367586 13424.22" / "" / "表 3-2 2017 年全国技术合同交易情况".
 */
export function captionAfter(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of captionedTables(locateTables(lines, golden))) {
    if (!t.captionBefore) continue;
    const block = captionBlock(t);
    for (const i of block) ed.remove(i);
    ed.insertAfter(t.last, ['', ...block.map((i) => lines[i])]);
  }
  return ed.render();
}

/**
 * `no-captions`: every table caption line is removed; the text around it stays (the "单位：…" line,
 * "续表" lines, the header, the body). The pipeline must keep each body under a provisional ref.
 * Shape: (seed lines, golden rows) → lines. Imitates an extraction that lost the caption text
 * (captions set as images or in a text box): the header "地 区" follows the prose directly.
 */
export function noCaptions(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  for (const t of captionedTables(locateTables(lines, golden))) ed.remove(t.caption!);
  return ed.render();
}

/** First line of a table's printed block (caption before it, header, body). */
function blockStart(t: SeedTable): number {
  return Math.min(t.first, ...(t.header.length ? [t.header[0]] : []), ...(t.captionBefore ? [t.caption!] : []));
}

/** Last line of a table's printed block (body, caption after it). */
function blockEnd(t: SeedTable): number {
  return Math.max(t.last, ...(t.caption !== null && !t.captionBefore ? captionBlock(t) : []));
}

/**
 * The first prose paragraph in lines (from, to): [first line, last line], or null. A paragraph
 * runs from its first prose line to the first line that ends a sentence, or to its last prose line
 * when something other than prose or a blank line follows.
 */
function paragraphAfter(lines: readonly string[], from: number, to: number, skip: Set<number>): [number, number] | null {
  let p = from + 1;
  while (p < to && (skip.has(p) || !isProse(lines[p]))) p++;
  if (p >= to) return null;
  let end = p;
  for (let j = p; j < to; j++) {
    if (isBlank(lines[j])) continue;
    if (!isProse(lines[j]) && !endsSentence(lines[j])) break;
    end = j;
    if (endsSentence(lines[j])) break;
  }
  return [p, end];
}

/** The last prose paragraph in lines (from, to): [first line, last line], or null. */
function paragraphBefore(lines: readonly string[], from: number, to: number): [number, number] | null {
  let q = to - 1;
  while (q > from && !isProse(lines[q]) && !endsSentence(lines[q])) q--;
  if (q <= from || !(isProse(lines[q]) || endsSentence(lines[q]))) return null;
  let start = q;
  for (let j = q - 1; j > from; j--) {
    if (isBlank(lines[j])) continue;
    if (!isProse(lines[j]) || endsSentence(lines[j])) break;
    start = j;
  }
  return [start, q];
}

/**
 * `caption-detached`: every caption is printed away from its body, with text between them.
 * - Appendix tables (附表) printed one after the other with no prose between them: all their
 *   captions are listed together (in table order, each with its unit line) before the first of
 *   their bodies' headers, then the bodies follow without captions — as 2018 附表1/附表2 (L3013, L3015).
 * - Any other table (表, or an appendix table standing alone): its caption goes after the first
 *   prose paragraph that follows its body (and precedes the next table), as 2018 表4-5, whose
 *   caption (L1001) follows the 京津冀 paragraph (L987-999). With no prose before the next table,
 *   it goes before the last prose paragraph that precedes its header instead (caption, prose,
 *   header, body). A caption already separated from its body by prose stays; a paragraph receives
 *   at most one caption (the first table's, in document order), and a table with no free paragraph
 *   on either side keeps its caption.
 * Shape: (seed lines, golden rows) → lines.
 */
export function captionDetached(lines: readonly string[], golden: readonly GoldenRow[]): string[] {
  const ed = new LineEditor(lines);
  const all = locateTables(lines, golden);
  const tables = captionedTables(all);
  const bodyOf = new Set(all.flatMap((t) => t.bodyLines));
  const owned = new Set(tables.flatMap((t) => [...captionBlock(t), ...t.header]));
  const occupied = (i: number) => bodyOf.has(i) || owned.has(i);
  const proseBetween = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) if (!occupied(i) && isProse(lines[i])) return true;
    return false;
  };

  // Appendix runs: consecutive 附表 with no prose between them.
  const runs: SeedTable[][] = [];
  for (const t of tables.filter((x) => x.kind === 'appendix')) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (prev && !proseBetween(Math.min(blockEnd(prev), blockStart(t)), Math.max(blockEnd(prev), blockStart(t)))) run.push(t);
    else runs.push([t]);
  }
  const listed = new Set<SeedTable>();
  for (const run of runs) {
    if (run.length < 2) continue;
    const at = Math.min(...run.map(blockStart));
    const list: string[] = [];
    for (const t of run) {
      listed.add(t);
      for (const i of captionBlock(t)) {
        ed.remove(i);
        list.push(lines[i], '');
      }
    }
    ed.insertBefore(at, list);
  }

  const starts = tables.map(blockStart).sort((a, b) => a - b);
  const ends = tables.map(blockEnd).sort((a, b) => a - b);
  const used = new Set<number>(); // paragraphs (by first line) that already received a caption
  for (const t of tables) {
    if (listed.has(t)) continue;
    const block = captionBlock(t);
    if (!t.captionBefore && proseBetween(t.last, t.caption!)) continue; // already detached
    const next = Math.min(lines.length, ...starts.filter((s) => s > blockEnd(t)), ...[...bodyOf].filter((i) => i > blockEnd(t)));
    const after = paragraphAfter(lines, t.last, next, new Set(block));
    if (after && !used.has(after[0])) {
      used.add(after[0]);
      for (const i of block) ed.remove(i);
      ed.insertAfter(after[1], ['', ...block.map((i) => lines[i])]);
      continue;
    }
    const start = blockStart(t);
    const prev = Math.max(-1, ...ends.filter((e) => e < start), ...[...bodyOf].filter((i) => i < start));
    const headerStart = Math.min(t.first, ...(t.header.length ? [t.header[0]] : []));
    const before = paragraphBefore(lines, prev, t.captionBefore ? Math.min(t.caption!, headerStart) : headerStart);
    if (before && !used.has(before[0])) {
      used.add(before[0]);
      for (const i of block) ed.remove(i);
      ed.insertBefore(before[0], [...block.map((i) => lines[i]), '']);
    }
  }
  return ed.render();
}
