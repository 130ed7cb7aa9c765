/**
 * A table header as printed in a seed (a few text lines) → a grid of ruled header cells: which
 * column each header word stands over and how many columns it spans. The seed only has the words
 * in order, so the grid is a plausible reading, not the original one: a line with one word per
 * column is one row of cells; a line with fewer words spreads them evenly over the columns (a year
 * over its three measures, "输出技术" over half of the table); leading one-word lines are the stub
 * caption of the label column ("省份（自治区、" + "直辖市）"), one cell spanning every header row.
 */

/** One header cell: its text, first column, column span and row placement (0-based). */
export interface HeaderCell {
  text: string;
  col: number;
  span: number;
  row: number;
  rowSpan: number;
}

/** The header grid of one table segment. */
export interface HeaderGrid {
  rows: number;
  cells: HeaderCell[];
}

const CJK_CHAR = /^[\u3400-\u9fff]$/;

/**
 * The words of one header line: whitespace-separated tokens, with the pieces a seed prints apart
 * but that belong to one header cell joined again: "2019 年", "合同数 / 项", "增长 /%", "地 区"
 * (a label spaced out one character at a time), a footnote letter "2019 年 a". U+3000 is an empty
 * corner cell.
 */
export function headerWords(line: string): string[] {
  const toks = line
    .replace(/^ +| +$/g, '')
    .split(/ +/)
    .flatMap((t) => t.split(/(　)/))
    .filter((t) => t !== '');
  const words: string[] = [];
  for (const tok of toks) {
    const prev = words[words.length - 1];
    const join =
      prev !== undefined &&
      prev !== '　' &&
      tok !== '　' &&
      ((/\d$/.test(prev) && /^(年|月)/.test(tok)) ||
        tok.startsWith('/') ||
        prev.endsWith('/') ||
        (CJK_CHAR.test(tok) && CJK_CHAR.test(prev.slice(-1)) && /(^| )[\u3400-\u9fff]$/.test(prev)) ||
        /^[a-z]$/.test(tok));
    if (join) words[words.length - 1] = `${prev} ${tok}`;
    else words.push(tok);
  }
  return words.map((w) => (w === '　' ? '' : w));
}

/** Spreads `words` over columns [from, to): evenly when there are fewer words than columns. */
function spread(words: string[], from: number, to: number, row: number): HeaderCell[] {
  const width = to - from;
  const k = words.length;
  if (k <= width) {
    return words.map((text, i) => {
      const col = from + Math.floor((i * width) / k);
      const end = from + Math.floor(((i + 1) * width) / k);
      return { text, col, span: end - col, row, rowSpan: 1 };
    });
  }
  const cells: HeaderCell[] = [];
  words.forEach((text, j) => {
    const col = from + Math.floor((j * width) / k);
    const last = cells[cells.length - 1];
    if (last && last.col === col) last.text = `${last.text} ${text}`.trim();
    else cells.push({ text, col, span: 1, row, rowSpan: 1 });
  });
  return cells;
}

/**
 * Header lines regrouped into header rows: a line ending in "/" continues on the next ("合同数 /"
 * + "项"); after the leading stub lines, a run of lines the seed printed one or two column heads
 * each, heads with a unit ("合同数 / 项", "成交额 / 亿元", "增长 /% 占比 /%", …), is one row when
 * together they fill the value columns exactly (the seed broke a row of narrow header cells into
 * lines).
 */
function headerRows(lines: string[], columns: number): string[][] {
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && /\/\s*$/.test(prev)) joined[joined.length - 1] = `${prev} ${line.trim()}`;
    else joined.push(line);
  }
  const words = joined.map(headerWords).filter((w) => w.length > 0);
  let stub = 0;
  while (stub < words.length && words[stub].length === 1) stub++;
  const rows = words.slice(0, stub);
  for (let i = stub; i < words.length; ) {
    let total = 0;
    let end = i;
    // Only whole column heads are gathered ("成交额 / 亿元", "增长 /%"); fragments of one wrapped
    // head ("有限责", "任公司") stay lines of their own, as the seed printed them.
    const head = (w: string[]) => w.some((x) => /[/%％(（]/.test(x));
    if (words[i].length === 1 && head(words[i])) {
      while (end < words.length && total < columns - 1 && head(words[end])) total += words[end++].length;
    }
    if (words[i].length === 1 && end - i > 1 && (total === columns - 1 || total === columns)) {
      rows.push(words.slice(i, end).flat());
      i = end;
    } else rows.push(words[i++]);
  }
  return rows;
}

/** The header grid of `lines` (seed header lines, in order) for a table of `columns` columns. */
export function headerGrid(lines: string[], columns: number): HeaderGrid {
  const words = headerRows(lines, columns);
  let stubLines = 0;
  while (stubLines < words.length && words[stubLines].length === 1 && words[stubLines][0] !== '') stubLines++;
  const rest = words.slice(stubLines);
  const stub = stubLines > 0 && rest.length > 0 && columns > 1 && rest.every((w) => w.length <= columns - 1);
  if (!stub) {
    return {
      rows: words.length,
      cells: words.flatMap((w, row) => (w.length === columns - 1 && columns > 1 ? spread(w, 1, columns, row) : spread(w, 0, columns, row))),
    };
  }
  const cells: HeaderCell[] = [{ text: words.slice(0, stubLines).map((w) => w[0]).join('\n'), col: 0, span: 1, row: 0, rowSpan: rest.length }];
  rest.forEach((w, row) => cells.push(...spread(w, 1, columns, row)));
  return { rows: rest.length, cells };
}
