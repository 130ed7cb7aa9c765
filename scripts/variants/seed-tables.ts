/**
 * Where each golden table of a seed is printed: its body lines (the lines holding its golden
 * values), its caption line (and a "单位：…" unit line under it), its header lines, and each body
 * row's printed label. Found from the seed text and its hand-checked golden.csv
 * (fixtures/golden/<seed>/golden.csv, whose `source_line` gives the line of every value), so the
 * layout variants can re-print a seed without a table reader of their own.
 *
 * Every index in this module is a 0-based line index into the seed's lines (source_line − 1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

/** The repository's fixtures folder (seeds and their golden sets). */
export const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

/**
 * The seeds the variants are made from: report editions with golden sets (2018, 2021 and 2006
 * editions). 004_… is a policy document with no tables and is not used.
 */
export const SEEDS = ['000_94f9f59014649328.txt', '001_4bcf1cefdaeec81d.txt', '003_c23a70392e796f35.txt'] as const;

/** One golden record (fixtures/golden/FORMAT.md), with source_line as a number (1-based). */
export interface GoldenRow {
  seed: string;
  table_ref: string;
  data_year: string;
  row_label: string;
  parent_label: string;
  column_group: string;
  measure: string;
  value: string;
  unit: string;
  source_line: number;
  note: string;
}

/** The lines of a seed file (split on "\n"; a final "\n" gives a last empty line, kept). */
export function readSeedLines(seed: string): string[] {
  return readFileSync(join(FIXTURES, seed), 'utf8').split('\n');
}

/** The golden rows of a seed, from fixtures/golden/<seed stem>/golden.csv. */
export function loadGolden(seed: string): GoldenRow[] {
  const stem = seed.replace(/\.(txt|pdf)$/i, '');
  const text = readFileSync(join(FIXTURES, 'golden', stem, 'golden.csv'), 'utf8');
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Record<string, string>[];
  return records.map((r) => ({
    seed: r.seed, table_ref: r.table_ref, data_year: r.data_year, row_label: r.row_label, parent_label: r.parent_label ?? '',
    column_group: r.column_group ?? '', measure: r.measure, value: r.value, unit: r.unit, source_line: Number(r.source_line), note: r.note ?? '',
  }));
}

/** What a golden table_ref names: a numbered table (表…), an appendix table (附表…), a figure (图…), running prose ("text"). */
export type TableKind = 'table' | 'appendix' | 'figure' | 'text';

export function refKind(ref: string): TableKind {
  if (ref.startsWith('附表')) return 'appendix';
  if (ref.startsWith('表')) return 'table';
  if (ref.startsWith('图')) return 'figure';
  return 'text';
}

/** One body line of a table: its index, the printed row label split from the cells, and the golden rows printed on it. */
export interface BodyRow {
  line: number;
  /** Leading white space of the line. */
  indent: string;
  /** The printed label before the first cell ("北 京", "其中：深圳", "全社会 R&D 经费 / 亿元"), '' when the line starts with a number. */
  label: string;
  /** The cells after the label, as printed ("74965 3940.80 1 81266 4485.33 1"). */
  rest: string;
  /** The white space printed between label and cells. */
  gap: string;
  rows: GoldenRow[];
}

/** A golden table located in the seed text. */
export interface SeedTable {
  /** Normalised ref as in golden.csv: "表3-1", "附表5", "图2-1". */
  ref: string;
  kind: TableKind;
  /** Body lines (lines holding golden values), ascending. */
  bodyLines: number[];
  /** First and last body line. */
  first: number;
  last: number;
  /** A rotated table printed one glyph (or 1–2 digits) per line (2018 表5-1): caption, header and labels variants leave it alone. */
  vertical: boolean;
  /** Caption line (表/附表 only, not vertical), or null when none is found. */
  caption: number | null;
  /** "单位：万元" line printed right under the caption (it travels with the caption), or null. */
  unitLine: number | null;
  /** Whether the caption is printed before the body (false: after it, as 2018 表3-2). */
  captionBefore: boolean;
  /** Header lines: non-blank lines just above the first body line that are neither prose, captions nor row-label text. */
  header: number[];
  /** Body rows in line order, with their printed labels. */
  rows: BodyRow[];
}

/**
 * Collapses overprinted bold runs, as text extracted from a PDF that draws bold text four times
 * prints them: "表表表表3333 1999199919991999－－－－2005200520052005年各级…" → "表3 1999－2005年各级…",
 * "2002002002006666年" → "2006年". A run counts when it repeats exactly `k` (default 4) times in a row.
 */
export function collapseOverprint(s: string, k = 4): string {
  const re = new RegExp(`(.+?)\\1{${k - 1}}`, 'gu');
  return s.replace(re, '$1');
}

/**
 * A caption as plain text: an overprinted one ("表表表表3333 …", 2006 edition) collapsed, any other
 * returned as it is (so that a real "10000" in a title is never collapsed to "10").
 */
export function plainCaption(line: string): string {
  return /^\s*(?:表{4}|(?:附表){4})/u.test(line) ? collapseOverprint(line) : line;
}

const CAPTION_REF = /^\s*(附\s*表|表)\s*(\d+(?:\s*[-－—–−]\s*\d+)?)(?![\d）)、，。,.．:：])/u;

/**
 * The table ref a line starts with when it reads as a caption ("表 3-1 2016—2017 年…" → "表3-1",
 * "表表表表3333 …" → "表3", "附表 5 …" → "附表5"); null for anything else, including a prose line that
 * starts with a citation ("表11）。"). Overprint is collapsed first; spaces inside the ref are
 * allowed ("表 3 - 1"), and the space after it separates it from the title's first year.
 */
export function captionRef(line: string): string | null {
  if (line.length > 400) return null;
  const m = CAPTION_REF.exec(collapseOverprint(line));
  if (!m) return null;
  return m[1].replace(/\s+/g, '') + m[2].replace(/\s+/g, '').replace(/[－—–−]/g, '-');
}

/** A line of only white space (ASCII or U+3000). */
export function isBlank(line: string): boolean {
  return /^[\s\u3000]*$/.test(line);
}

/** Count of CJK ideographs in a string. */
export function cjkCount(s: string): number {
  return (s.match(/\p{Script=Han}/gu) ?? []).length;
}

/**
 * A line of running prose: a sentence end, or a long line of text with clause punctuation and
 * few digits (prose lines of these reports are 30–45 characters wide).
 */
export function isProse(line: string): boolean {
  const t = line.trim();
  if (!t || captionRef(t)) return false;
  if (/^(?:[①-⑩]|注\s*[:：]|[a-z]\u3000)/u.test(t)) return false; // a footnote
  if (/[。！？]/.test(t) && cjkCount(t) >= 6) return true;
  const digits = (t.match(/\d/g) ?? []).length;
  return cjkCount(t) >= 20 && /[，、；：]/.test(t) && digits < t.length / 2;
}

/** A prose line that ends a sentence (and so, in these extractions, usually a paragraph). */
export function endsSentence(line: string): boolean {
  return /[。！？][）)”」]?\s*$/.test(line.trim());
}

/** A line that can be part of a table header: short, no sentence, no caption, not a section head or a bare page number. */
function headerLike(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (captionRef(t) || /^图\s*\d/.test(t)) return false;
  if (/。/.test(t) || isProse(t)) return false;
  if (/^[一二三四五六七八九十]+、/.test(t) || /^\d+\s*[.．、]\s*\D/.test(t)) return false;
  if (/^\d{1,3}$/.test(t) || /年度报告|Annual Report|Statistics of China|^第[一二三四五六七八九十]+部分/i.test(t)) return false;
  if (/^续\s*表$/.test(t)) return false;
  return t.length <= 80;
}

const NULL_CELL = /^(?:—+|-|－|\/|…+|\u3000+)$/u;
const NUMBER_CELL = /^[-－−+]?[\d０-９][\d０-９.．,]*[%％]?[a-z*①-⑩]?$/u;

/**
 * Splits a body line into its label and its cells: the label is every token before the first
 * number cell, or before a null marker ("—", "/", "－", U+3000) that is followed by another cell or
 * ends the line ("西 藏 / / /" → "西 藏"). A unit inside a label stays there ("合同数 / 项 …").
 */
export function splitLabel(line: string): { indent: string; label: string; gap: string; rest: string } {
  const indent = /^[ \t]*/.exec(line)![0];
  const body = line.slice(indent.length);
  const parts = body.split(/([ \t]+)/); // tokens at even indices, separators at odd
  const tokens: { text: string; start: number }[] = [];
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0 && parts[i] !== '') tokens.push({ text: parts[i], start: pos });
    pos += parts[i].length;
  }
  const isCell = (k: number): boolean => {
    const t = tokens[k].text;
    if (NUMBER_CELL.test(t)) return true;
    if (NULL_CELL.test(t)) return k + 1 >= tokens.length || isCell(k + 1);
    return false;
  };
  let k = 0;
  while (k < tokens.length && !isCell(k)) k++;
  if (k === 0) return { indent, label: '', gap: '', rest: body };
  if (k >= tokens.length) return { indent, label: body.trimEnd(), gap: '', rest: '' };
  const labelEnd = tokens[k - 1].start + tokens[k - 1].text.length;
  return { indent, label: body.slice(0, labelEnd), gap: body.slice(labelEnd, tokens[k].start), rest: body.slice(tokens[k].start) };
}

/** A line whose text (spaces removed) begins or ends one of `labels`: a row label printed over several lines. */
function isLabelPart(line: string, labels: string[]): boolean {
  const t = line.replace(/[\s\u3000]+/g, '').replace(/^其中[:：]/, '');
  return t.length > 0 && labels.some((l) => l.startsWith(t) || l.endsWith(t));
}

/** Tables located per (lines, golden) pair: each variant asks once per seed. */
const cache = new WeakMap<readonly string[], Map<readonly GoldenRow[], SeedTable[]>>();

/**
 * Locates every golden table of a seed (golden refs other than "text"), in order of first body line.
 * Caption: the line nearest the body (before or after it, never inside it) that `captionRef`
 * reads as this table's ref. Header: the header-like lines walked back from the first body line,
 * stopping at prose, a caption, another table's body or this table's caption/unit line.
 */
export function locateTables(lines: readonly string[], golden: readonly GoldenRow[]): SeedTable[] {
  let byGolden = cache.get(lines);
  if (!byGolden) cache.set(lines, (byGolden = new Map()));
  const hit = byGolden.get(golden);
  if (hit) return hit;

  const groups = new Map<string, GoldenRow[]>();
  for (const r of golden) {
    if (refKind(r.table_ref) === 'text') continue;
    if (!groups.has(r.table_ref)) groups.set(r.table_ref, []);
    groups.get(r.table_ref)!.push(r);
  }
  const allBody = new Set<number>();
  for (const rows of groups.values()) for (const r of rows) allBody.add(r.source_line - 1);
  const captionRefs = lines.map((l) => captionRef(l));

  const tables: SeedTable[] = [];
  for (const [ref, rows] of groups) {
    const kind = refKind(ref);
    const bodyLines = [...new Set(rows.map((r) => r.source_line - 1))].sort((a, b) => a - b);
    const first = bodyLines[0];
    const last = bodyLines[bodyLines.length - 1];
    const span = lines.slice(first, last + 1).filter((l) => !isBlank(l));
    const short = span.filter((l) => l.trim().length <= 3).length;
    const vertical = span.length >= 40 && short / span.length > 0.6;

    let caption: number | null = null;
    if ((kind === 'table' || kind === 'appendix') && !vertical) {
      let best = Infinity;
      captionRefs.forEach((c, i) => {
        if (c !== ref || (i >= first && i <= last)) return;
        const d = i < first ? first - i : i - last;
        if (d < best) { best = d; caption = i; }
      });
    }
    let unitLine: number | null = null;
    if (caption !== null) {
      let j = caption + 1;
      while (j < lines.length && isBlank(lines[j])) j++;
      if (j < lines.length && !allBody.has(j) && /^[\s\u3000]*[（(]?单\s*位\s*[:：]/.test(lines[j])) unitLine = j;
    }
    const captionBefore = caption !== null && caption < first;

    const byLine = new Map<number, GoldenRow[]>();
    for (const r of rows) {
      const i = r.source_line - 1;
      if (!byLine.has(i)) byLine.set(i, []);
      byLine.get(i)!.push(r);
    }
    const bodyRows: BodyRow[] = bodyLines.map((i) => ({ line: i, ...splitLabel(lines[i]), rows: byLine.get(i)! }));

    // A first row printed with its label above its numbers (2006 表4 "国 内 生 产 总" / "值（GDP）（亿元）"
    // over "109655 …"): those label lines, just above the body, are not header.
    const firstRow = bodyRows[0];
    const aboveLabels = firstRow.label === '' ? [...new Set(firstRow.rows.map((r) => r.row_label.replace(/\s+/g, '')))] : [];
    // A section head printed on its own line above the first row (附表4 "合同类别", 表5-2 "机关法人").
    const heads = new Set(firstRow.rows.flatMap((r) => [r.parent_label, r.column_group]).filter(Boolean).map((l) => l.replace(/\s+/g, '')));
    const header: number[] = [];
    if (!vertical && kind !== 'figure') {
      const stop = captionBefore ? (unitLine ?? caption!) : -1;
      for (let i = first - 1; i > stop; i--) {
        if (isBlank(lines[i])) continue;
        if (allBody.has(i) || !headerLike(lines[i])) break;
        if (!header.length && (isLabelPart(lines[i], aboveLabels) || heads.has(lines[i].replace(/[\s\u3000]+/g, '')))) continue;
        header.unshift(i);
      }
    }
    tables.push({ ref, kind, bodyLines, first, last, vertical, caption, unitLine, captionBefore, header, rows: bodyRows });
  }
  tables.sort((a, b) => a.first - b.first);
  byGolden.set(golden, tables);
  return tables;
}

/** The tables that have a caption to move or re-print: 表/附表 tables with a located caption, not vertical. */
export function captionedTables(tables: readonly SeedTable[]): SeedTable[] {
  return tables.filter((t) => (t.kind === 'table' || t.kind === 'appendix') && !t.vertical && t.caption !== null);
}

/** The caption block of a table: its caption line and, when present, the unit line under it. */
export function captionBlock(t: SeedTable): number[] {
  return t.caption === null ? [] : t.unitLine === null ? [t.caption] : [t.caption, t.unitLine];
}
