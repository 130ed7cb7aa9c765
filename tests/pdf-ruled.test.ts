/**
 * Ruled cells in page geometry → lines (src/extract/pdf-layout.ts `layoutPage` with rules, and
 * src/extract/pdf-rules.ts on real operator lists). Hand-placed runs and rule segments, in an
 * upright page's viewport (points, origin top-left, y downward).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPage, orientRules, type RuleSegment } from '../src/extract/pdf-layout.ts';
import { rulesFromOperatorList } from '../src/extract/pdf-rules.ts';

/** An A-size page at scale 1: user space y up → viewport y down. */
const VIEWPORT = [1, 0, 0, -1, 0, 800];

/** A pdf.js item of `text` whose baseline is at viewport y `baseline`, 9 pt, 4.5 pt per character unless `width` is given. */
function item(text: string, x: number, baseline: number, width = text.length * 4.5) {
  return { str: text, transform: [9, 0, 0, 9, x, 800 - baseline], width };
}

/** The four edges of the box (x0, y0)–(x1, y1), as a producer strokes a cell border. */
function box(x0: number, y0: number, x1: number, y1: number): RuleSegment[] {
  return [
    { x0, y0, x1, y1: y0 },
    { x0: x1, y0, x1, y1 },
    { x0, y0: y1, x1, y1 },
    { x0, y0, x1: x0, y1 },
  ];
}

/** A ruled grid: one box per cell, columns at `xs`, rows at `ys`. */
function grid(xs: number[], ys: number[]): RuleSegment[] {
  const out: RuleSegment[] = [];
  for (let r = 1; r < ys.length; r++) for (let c = 1; c < xs.length; c++) out.push(...box(xs[c - 1], ys[r - 1], xs[c], ys[r]));
  return out;
}

const texts = (items: ReturnType<typeof item>[], rules: RuleSegment[] = []) => layoutPage(items, VIEWPORT, rules).map((l) => l.text);

describe('orientRules', () => {
  it('joins the borders of adjacent cells into rules across the table', () => {
    const rules = orientRules(grid([0, 50, 90], [0, 20]));
    expect(rules.horizontal).toEqual([
      { y: 0, x0: 0, x1: 90 },
      { y: 20, x0: 0, x1: 90 },
    ]);
    expect(rules.vertical.map((v) => v.x)).toEqual([0, 50, 90]);
  });
});

describe('layoutPage with ruled cells', () => {
  it('splits two items closer than a cell gap where a vertical rule stands between them', () => {
    // "1" ends at 104.5, "81266" starts at 111: 0.72 em apart, under the 1.5 em cell gap.
    const items = [item('北京', 60, 115), item('1', 100, 115), item('81266', 111, 115)];
    expect(texts(items)).toEqual(['北京\t1 81266']);
    expect(texts(items, grid([56, 96, 108, 140], [100, 120]))).toEqual(['北京\t1\t81266']);
  });

  it('reads a wrapped label and the numbers centred beside it as one line', () => {
    // Label lines at baselines 112 and 123, the numbers at 117.5 (between them): three baselines
    // more than half an em apart, one ruled row from y 102 to 128.
    const items = [item('基础研究计划（973', 60, 112, 70), item('计划）', 60, 123, 27), item('64', 140, 117.5), item('0.80', 170, 117.5)];
    expect(texts(items)).toEqual(['基础研究计划（973', '64\t0.80', '计划）']);
    const lines = layoutPage(items, VIEWPORT, grid([56, 134, 160, 200], [102, 128]));
    expect(lines.map((l) => l.text)).toEqual(['基础研究计划（973计划）\t64\t0.80']);
    expect(lines[0].cells.map((c) => [c.text, c.x, c.xEnd])).toEqual([
      ['基础研究计划（973计划）', 60, 130],
      ['64', 140, 149],
      ['0.80', 170, 188],
    ]);
  });

  it('keeps rows apart that share no ruled row, and orders lines top to bottom', () => {
    const items = [item('合计', 60, 140), item('9', 140, 140), item('北京', 60, 117.5), item('64', 140, 117.5)];
    expect(texts(items, grid([56, 134, 160], [102, 128, 150]))).toEqual(['北京\t64', '合计\t9']);
  });

  it('splits an item pdf.js merged across a rule ("1 81266": two cells less than 0.6 em apart)', () => {
    const items = [item('北京', 60, 115), item('1 81266', 100, 115, 31.5)];
    expect(texts(items, grid([56, 96, 105, 140], [100, 120]))).toEqual(['北京\t1\t81266']);
  });

  it('does not merge a column of numbers drawn without row rules (a stack of rows, not one row)', () => {
    const items = [item('北京', 60, 112), item('64', 140, 112), item('天津', 60, 124), item('9', 140, 124)];
    expect(texts(items, grid([56, 134, 160], [100, 130]))).toEqual(['北京\t64', '天津\t9']);
  });

  it('does not merge a framed paragraph (more lines than a cell holds)', () => {
    const items = [0, 1, 2, 3, 4].map((i) => item(`第${i}行文字`, 60, 112 + 12 * i));
    expect(texts(items, box(56, 100, 300, 180))).toEqual(['第0行文字', '第1行文字', '第2行文字', '第3行文字', '第4行文字']);
  });

  it('splits a row framed only at its ends by its gaps, as an unruled row', () => {
    const items = [item('基础研究', 60, 112), item('计划', 60, 123), item('64', 160, 117.5)];
    expect(texts(items, box(56, 102, 200, 128))).toEqual(['基础研究计划\t64']);
  });

  it('reads a page without rules as before', () => {
    const items = [item('北京', 60, 115), item('83 171', 100, 115)];
    expect(layoutPage(items, VIEWPORT, [])).toEqual(layoutPage(items, VIEWPORT));
  });
});

describe('rulesFromOperatorList', () => {
  /** The rules of page `n` of a fixture PDF, in viewport space. */
  async function pageRules(file: string, n: number): Promise<RuleSegment[]> {
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pdf', file))), verbosity: VerbosityLevel.ERRORS }).promise;
    try {
      const page = await pdf.getPage(n);
      return rulesFromOperatorList(await page.getOperatorList(), page.getViewport({ scale: 1 }).transform);
    } finally {
      await pdf.destroy();
    }
  }

  it('finds the stroked cell borders of a pdfkit page (drawn under a flipped CTM) in viewport space', async () => {
    const rules = orientRules(await pageRules('ruled-000_annex11-14.pdf', 1));
    expect(rules.vertical.length).toBeGreaterThan(5);
    expect(rules.horizontal.length).toBeGreaterThan(25); // a rule under every row of 附表11 and the first rows of 附表12
    for (const r of [...rules.horizontal.map((h) => h.y), ...rules.vertical.map((v) => v.x)]) {
      expect(r).toBeGreaterThan(0);
      expect(r).toBeLessThan(842);
    }
  });

  it('finds the table rules LibreOffice draws, and ignores its page-sized clipping path', async () => {
    const rules = orientRules(await pageRules('000_table3-2.pdf', 2));
    expect(rules.horizontal.length).toBeGreaterThan(10);
    expect(rules.horizontal.every((h) => h.x1 - h.x0 < 500)).toBe(true);
  });
});
