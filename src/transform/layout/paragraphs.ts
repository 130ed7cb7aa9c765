/**
 * The running text of a report as paragraphs a sentence grammar can read: consecutive prose lines
 * (transform/lines.ts kind 'prose'; the blank lines between them skipped) joined into one string,
 * with the printed line of every character kept so a figure can cite the line it is printed on.
 * Normalised for matching: full-width digits, percent and minus made ASCII (NFKC), every space
 * removed except that a number grouped by spaces ("549 353", "28 251.5") becomes one number.
 * A heading ("一、…", "2．…", "（3）…") starts a paragraph of its own. Serves every edition.
 */
import type { Line } from './lines.ts';

/** A paragraph of prose: its normalised text and, per character, the printed line and page. */
export interface Paragraph {
  text: string;
  /** Source line of each character of `text`. */
  lines: number[];
  pages: (number | null)[];
}

/** A heading printed as a line of its own. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[．.、](?!\d))/;

/** Whether a line of text starts with a heading marker and holds no sentence of figures. */
function isHeading(text: string): boolean {
  return HEADING.test(text) && !/[，。；]/.test(text.replace(HEADING, '').slice(0, -1));
}

/** The line's text, NFKC-normalised, with grouping spaces and all other whitespace removed. */
export function normaliseProseText(text: string): string {
  const t = text.normalize('NFKC').replace(/[−–]/g, '-');
  // "549 353" / "28 251.5": a run of 1–3 digits followed by groups of exactly three.
  const grouped = t.replace(/(?<![\d.])\d{1,3}(?: \d{3})+(?![\d])/g, (m) => m.replace(/ /g, ''));
  return grouped.replace(/\s+/g, '');
}

/** Splits classified lines into prose paragraphs (see the module comment). */
export function proseParagraphs(lines: readonly Line[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  const close = () => {
    if (cur && cur.text) out.push(cur);
    cur = null;
  };
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    if (l.kind !== 'prose') {
      close();
      continue;
    }
    const heading = isHeading(l.text);
    if (heading) close();
    const text = normaliseProseText(l.text);
    const p: Paragraph = cur ?? { text: '', lines: [], pages: [] };
    p.text += text;
    for (let i = 0; i < text.length; i++) {
      p.lines.push(l.src.line);
      p.pages.push(l.src.page);
    }
    cur = p;
    if (heading) close();
  }
  close();
  return out;
}
