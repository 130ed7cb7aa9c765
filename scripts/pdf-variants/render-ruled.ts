/**
 * Typesets a seed plan (seed-plan.ts) as a PDF whose tables are ruled cells, the way many
 * statistical yearbooks are printed: every cell's text is a separate `doc.text()` call (so a
 * separate pdf.js text item), every cell is framed by stroked rules, columns are fitted to their
 * widest body content (so the gap between the texts of two neighbouring cells is often well under
 * the extractor's 1.5 em cell gap), numbers are right-aligned or centred (alternating by table),
 * header words span the columns they stand over and wrap onto several lines in a narrow column,
 * and a label longer than LABEL_WRAP_CHARS wraps onto two lines with the row's other cells
 * vertically centred (their baseline lies between the label's two lines). Prose is one text item
 * per seed line. Tables continued across pages repeat their header; every page has its number in
 * the footer. Pages are added explicitly, never by pdfkit, and the creation date is fixed, so the
 * bytes are the same on every run.
 *
 * Units are PDF points (1/72 in), origin top-left (pdfkit's), y downward.
 */
import PDFDocument from 'pdfkit';
import { headerGrid, type HeaderCell } from './header-grid.ts';
import type { PlannedCell, PlannedSegment, PlannedTable, SeedPlan } from './seed-plan.ts';

/** The CJK font every text is set in: Debian's fonts-wqy-microhei (a TrueType collection). */
export const CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
/** The face of the collection that is used. */
export const CJK_FONT_NAME = 'WenQuanYiMicroHei';

/** A4 portrait, in points. */
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 56;
const TOP = 60;
/** Lowest y a printed row may reach. */
const BOTTOM = PAGE_H - 66;
const FOOTER_BASELINE = PAGE_H - 36;
const PROSE_SIZE = 10;
const PROSE_LEADING = 16;
/** Body and header text size of tables, before shrinking a table that is too wide for the page. */
const TABLE_SIZE = 9;
const MIN_TABLE_SIZE = 6;
/** Space between a cell's rule and its text, on every side. */
export const CELL_PADDING = 3;
/** Line height inside a cell, in ems. */
const CELL_LEADING = 1.2;
const RULE_WIDTH = 0.5;
/** A label longer than this many CJK characters (a Latin character counts half) wraps onto two lines. */
export const LABEL_WRAP_CHARS = 8;
/** Narrowest text width of a column, in ems ("排名" fits). */
const MIN_COLUMN_EM = 2;
/** The creation date written into every PDF (any fixed date: the bytes must not depend on the clock). */
const CREATION_DATE = new Date('2021-06-01T00:00:00Z');

type Doc = PDFKit.PDFDocument;

/** Display length of a text in CJK characters: an ideograph or full-width sign 1, anything else ½. */
function cjkLength(text: string): number {
  let n = 0;
  for (const ch of text.replace(/\s/g, '')) n += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5;
  return n;
}

/** Breakable units of a text: each CJK character alone, Latin/digit runs kept whole. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%&()\-+/]+|\s+|./gu) ?? [];
}

/** Greedy line breaking of `text` to `width` points at the current font and size. */
function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const unit of units(para)) {
      const candidate = line + unit;
      if (line.trim() !== '' && doc.widthOfString(candidate.trimEnd()) > width) {
        lines.push(line.trim());
        line = unit.trimStart();
      } else line = candidate;
    }
    if (line.trim() !== '' || para === '') lines.push(line.trim());
  }
  return lines;
}

/** A label's printed lines: one line, or two near the middle of its width when it is long. */
function labelLines(doc: Doc, text: string): string[] {
  if (cjkLength(text) <= LABEL_WRAP_CHARS) return [text];
  const parts = units(text);
  const total = doc.widthOfString(text);
  let acc = '';
  for (let i = 0; i < parts.length - 1; i++) {
    acc += parts[i];
    if (doc.widthOfString(acc) >= total / 2) return [acc.trim(), parts.slice(i + 1).join('').trim()];
  }
  return [text];
}

/** The printed lines of a body cell (a label may wrap; nothing else does). */
function cellLines(doc: Doc, cell: PlannedCell | null): string[] {
  if (!cell || cell.text === '') return [];
  return cell.kind === 'label' ? labelLines(doc, cell.text) : [cell.text];
}

/** Column widths (outer, padding included) of a table at the current font size. */
function columnWidths(doc: Doc, table: PlannedTable, size: number): number[] {
  const inner = Array<number>(table.columns).fill(MIN_COLUMN_EM * size);
  for (const seg of table.segments) {
    for (const row of seg.rows) {
      row.cells.forEach((cell, c) => {
        for (const line of cellLines(doc, cell)) inner[c] = Math.max(inner[c], doc.widthOfString(line));
      });
    }
  }
  return inner.map((w) => Math.ceil(w + 2 * CELL_PADDING));
}

/** How text sits in a cell horizontally. */
type Align = 'left' | 'right' | 'center';

/** The renderer's state: the document, the current page number and the y where the next block starts. */
interface Cursor {
  doc: Doc;
  page: number;
  y: number;
}

/** Starts a new page (explicitly: pdfkit never adds one itself) with its number in the footer. */
function newPage(cur: Cursor): void {
  cur.doc.addPage({ size: [PAGE_W, PAGE_H], margin: 0 });
  cur.page++;
  cur.doc.fontSize(9);
  const label = String(cur.page);
  cur.doc.text(label, (PAGE_W - cur.doc.widthOfString(label)) / 2, FOOTER_BASELINE, { lineBreak: false, baseline: 'alphabetic' });
  cur.y = TOP;
}

/** One prose line as one text item; a line too wide for the page is set smaller, never wrapped. */
function prose(cur: Cursor, text: string): void {
  if (cur.y + PROSE_LEADING > BOTTOM) newPage(cur);
  const { doc } = cur;
  const room = PAGE_W - 2 * MARGIN_X;
  doc.fontSize(PROSE_SIZE);
  const width = doc.widthOfString(text);
  if (width > room) doc.fontSize(Math.max(4, (PROSE_SIZE * room) / width));
  const x = text === '续表' ? PAGE_W - MARGIN_X - doc.widthOfString(text) : MARGIN_X;
  doc.text(text, x, cur.y + PROSE_LEADING * 0.7, { lineBreak: false, baseline: 'alphabetic' });
  cur.y += PROSE_LEADING;
}

/**
 * Prints the lines of one cell in the box (x, y, w, h), vertically centred as a block, each line
 * a separate text item, then strokes the box.
 */
function drawCell(doc: Doc, lines: string[], x: number, y: number, w: number, h: number, align: Align, size: number): void {
  const lh = size * CELL_LEADING;
  const top = y + (h - lines.length * lh) / 2;
  lines.forEach((line, i) => {
    if (line === '') return;
    const tw = doc.widthOfString(line);
    const tx = align === 'left' ? x + CELL_PADDING : align === 'right' ? x + w - CELL_PADDING - tw : x + (w - tw) / 2;
    const baseline = top + i * lh + (lh - size) / 2 + 0.86 * size;
    doc.text(line, tx, baseline, { lineBreak: false, baseline: 'alphabetic' });
  });
  doc.rect(x, y, w, h).lineWidth(RULE_WIDTH).stroke();
}

/** A header grid laid out: each cell's printed lines and the height of each header row. */
interface HeaderLayout {
  cells: (HeaderCell & { lines: string[] })[];
  heights: number[];
}

function layoutHeader(doc: Doc, lines: string[], widths: number[], size: number): HeaderLayout {
  const grid = headerGrid(lines, widths.length);
  const lh = size * CELL_LEADING;
  const spanWidth = (c: HeaderCell) => widths.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0);
  const cells = grid.cells.map((c) => ({ ...c, lines: c.text === '' ? [] : wrap(doc, c.text, spanWidth(c) - 2 * CELL_PADDING) }));
  const heights = Array<number>(grid.rows).fill(lh + 2 * CELL_PADDING);
  for (const c of cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row], c.lines.length * lh + 2 * CELL_PADDING);
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    const rows = heights.slice(c.row, c.row + c.rowSpan);
    const need = c.lines.length * lh + 2 * CELL_PADDING;
    const have = rows.reduce((a, b) => a + b, 0);
    if (need > have) heights[c.row + c.rowSpan - 1] += need - have;
  }
  return { cells, heights };
}

/** Draws a laid-out header at the cursor. */
function drawHeader(cur: Cursor, header: HeaderLayout, x0: number, widths: number[], size: number): void {
  const colX = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const rowY = header.heights.map((_, i) => cur.y + header.heights.slice(0, i).reduce((a, b) => a + b, 0));
  for (const c of header.cells) {
    const w = widths.slice(c.col, c.col + c.span).reduce((a, b) => a + b, 0);
    const h = header.heights.slice(c.row, c.row + c.rowSpan).reduce((a, b) => a + b, 0);
    drawCell(cur.doc, c.lines, colX[c.col], rowY[c.row], w, h, 'center', size);
  }
  cur.y += header.heights.reduce((a, b) => a + b, 0);
}

/**
 * One ruled table: font size shrunk until it fits the page width, then each segment (a segment
 * after the first starts a new page, as it did in the seed) with its header, rows added page by
 * page with the header repeated on every new page. `index` alternates number alignment.
 */
function table(cur: Cursor, t: PlannedTable, index: number): void {
  const { doc } = cur;
  let size = TABLE_SIZE;
  doc.fontSize(size);
  let widths = columnWidths(doc, t, size);
  while (widths.reduce((a, b) => a + b, 0) > PAGE_W - 2 * MARGIN_X && size > MIN_TABLE_SIZE) {
    size -= 0.5;
    doc.fontSize(size);
    widths = columnWidths(doc, t, size);
  }
  const total = widths.reduce((a, b) => a + b, 0);
  const x0 = Math.max(MARGIN_X / 2, (PAGE_W - total) / 2);
  const numberAlign: Align = index % 2 === 0 ? 'right' : 'center';
  const lh = size * CELL_LEADING;
  const firstHeader = t.segments[0].header.map((h) => h.text);
  cur.y += 4;
  t.segments.forEach((seg: PlannedSegment, si) => {
    if (si > 0) {
      newPage(cur);
      for (const b of seg.before) prose(cur, b.text);
    }
    doc.fontSize(size);
    const headerLines = seg.header.length ? seg.header.map((h) => h.text) : firstHeader;
    const header = layoutHeader(doc, headerLines, widths, size);
    const headerHeight = header.heights.reduce((a, b) => a + b, 0);
    const rowHeight = (cells: (PlannedCell | null)[]) => Math.max(1, ...cells.map((c) => cellLines(doc, c).length)) * lh + 2 * CELL_PADDING;
    const firstRow = seg.rows.length ? rowHeight(seg.rows[0].cells) : 0;
    if (cur.y + headerHeight + firstRow > BOTTOM) newPage(cur);
    doc.fontSize(size);
    drawHeader(cur, header, x0, widths, size);
    for (const row of seg.rows) {
      doc.fontSize(size);
      const h = rowHeight(row.cells);
      if (cur.y + h > BOTTOM) {
        newPage(cur);
        doc.fontSize(size);
        drawHeader(cur, header, x0, widths, size);
      }
      let x = x0;
      row.cells.forEach((cell, c) => {
        const align: Align = cell && (cell.kind === 'label' || cell.kind === 'text') ? 'left' : numberAlign;
        drawCell(doc, cellLines(doc, cell), x, cur.y, widths[c], h, align, size);
        x += widths[c];
      });
      cur.y += h;
    }
  });
  cur.y += 8;
}

/** Options of `renderRuledPdf`. */
export interface RenderOptions {
  /** The document title written into the PDF's info dictionary. */
  title: string;
  /** The CJK font file (a .ttc or .ttf). Defaults to CJK_FONT_FILE. */
  fontFile?: string;
  /** The face name inside a collection. Defaults to CJK_FONT_NAME. */
  fontName?: string;
}

/**
 * Typesets a plan into PDF bytes (see the module comment). Throws when the font file is missing:
 * without a CJK font pdfkit would silently drop every Chinese character.
 */
export async function renderRuledPdf(plan: SeedPlan, options: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [PAGE_W, PAGE_H],
    margin: 0,
    info: { Title: options.title, Creator: 'scripts/make-ruled-pdfs.ts', Producer: 'pdfkit', CreationDate: CREATION_DATE },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', options.fontFile ?? CJK_FONT_FILE, options.fontName ?? CJK_FONT_NAME);
  doc.font('cjk');
  const cur: Cursor = { doc, page: 0, y: 0 };
  newPage(cur);
  let tableIndex = 0;
  for (const block of plan.blocks) {
    if (block.kind === 'prose') prose(cur, block.text);
    else table(cur, block, tableIndex++);
  }
  doc.end();
  return done;
}
