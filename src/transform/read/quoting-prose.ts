/**
 * The sentence that quotes a captionless table's figures. Reports describe their tables in the
 * running text around them, quoting some of their cells: "2005年，全国共有各类技术贸易机构36495家，
 * …国有9538家，集体5537家…" beside a table of 技术贸易机构 by year and type whose caption (the only
 * place naming what it counts) is missing. The words before the first quoted figure name what
 * the table measures; they stand in for the caption when the measure is read (read/table.ts),
 * never for its reference or title.
 */
import type { Block } from '../block.ts';
import type { Paragraph } from '../layout/paragraphs.ts';

/** How far (in printed lines) from a body the quoting text may be: the paragraphs beside it. */
const REACH = 40;

/** Figures of a paragraph that count as quotes: not years ("2005年"), at least three digits. */
const FIGURE = /(?<![\d.])\d{3,}(?:\.\d+)?(?![\d.]|年)/g;

/** A sentence quoting a body's cells: the words before its first quote, and where it is printed. */
export interface QuotingSentence {
  /** The sentence up to its first quoted figure ("2005年，全国共有各类技术贸易机构"). */
  subject: string;
  /** Source line of that figure. */
  line: number;
  /** Distinct cell values the paragraph quotes (two at least). */
  quotes: number;
}

/**
 * The sentence of the paragraph beside `block` (within REACH lines of its body) that quotes the
 * most of its cells, two distinct values at least; null when no paragraph does. `paragraphs` are
 * the document's prose paragraphs (layout/paragraphs.ts).
 */
export function quotingSentence(block: Block, paragraphs: readonly Paragraph[]): QuotingSentence | null {
  const cells = cellValues(block);
  const first = block.body[0].src.line;
  const last = block.body[block.body.length - 1].src.line;
  let best: QuotingSentence | null = null;
  for (const p of paragraphs) {
    if (p.lines[p.lines.length - 1] < first - REACH || p.lines[0] > last + REACH) continue;
    const quoted = [...p.text.matchAll(FIGURE)].filter((m) => cells.has(m[0]));
    const quotes = new Set(quoted.map((m) => m[0])).size;
    if (quotes < 2 || (best && best.quotes >= quotes)) continue;
    const at = quoted[0].index!;
    const start = Math.max(...['。', '；', '！'].map((c) => p.text.lastIndexOf(c, at))) + 1;
    best = { subject: p.text.slice(start, at), line: p.lines[at], quotes };
  }
  return best;
}

/** The numbers a body's rows print, each token alone and each pair a thousands group can join ("36 495"). */
function cellValues(block: Block): Set<string> {
  const out = new Set<string>();
  for (const l of block.body) {
    if (l.kind !== 'row' && l.kind !== 'values') continue;
    l.tokens.forEach((t, i) => {
      out.add(t.replace(/ /g, ''));
      const next = l.tokens[i + 1];
      if (next && /^\d{1,3}$/.test(t) && /^\d{3}(?:\.\d+)?$/.test(next)) out.add(t + next);
    });
  }
  return out;
}
