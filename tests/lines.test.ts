/**
 * Cells of a PDF line that printed several numbers, or a label and numbers, closer than a cell
 * gap (src/transform/lines.ts splitMergedCell): split as a text row's tokens, never a number
 * that is one thousands-grouped cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine, splitMergedCell } from '../src/transform/layout/lines.ts';
import { parseCell } from '../src/transform/normalize/numbers.ts';

describe('merged PDF cells', () => {
  it('splits numbers and a label off, keeps a grouped number whole', () => {
    expect(splitMergedCell('134852 3479.64 14.19')).toEqual(['134852', '3479.64', '14.19']);
    expect(splitMergedCell('合计 2169 508.02')).toEqual(['合计', '2169', '508.02']);
    expect(splitMergedCell('全社会 R&D 经费 / 亿元 8687')).toEqual(['全社会 R&D 经费 / 亿元', '8687']);
    expect(splitMergedCell('合 计 28 251.5')).toEqual(['合 计', '28 251.5']);
    expect(splitMergedCell('28 251.5')).toBeNull();
    expect(splitMergedCell('北 京')).toBeNull();
    expect(splitMergedCell('4486.89')).toBeNull();
  });

  it('gives back every printed character, and never splits one grouped number', () => {
    const number = fc.oneof(fc.integer({ min: 1000, max: 999999 }).map(String), fc.integer({ min: 1, max: 99999 }).map((n) => (n / 100).toFixed(2)));
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '合 计', '技术开发'), (numbers, label) => {
        const text = [label, ...numbers].filter(Boolean).join(' ');
        const parts = splitMergedCell(text);
        if (parseCell(numbers) && !label) expect(parts).toBeNull();
        else expect(parts?.join(' ')).toBe(text);
      }),
    );
  });

  it('gives a TAB line one token and one cell per number', () => {
    const line = classifyLine({ page: 1, line: 1, text: '技术开发\t134852 3479.64 14.19\t30.50', cells: [
      { text: '技术开发', x: 50, xEnd: 90 }, { text: '134852 3479.64 14.19', x: 120, xEnd: 220 }, { text: '30.50', x: 240, xEnd: 265 },
    ] }, 0, false);
    expect(line.kind).toBe('row');
    expect(line.tokens).toEqual(['134852', '3479.64', '14.19', '30.50']);
    expect(line.cells?.map((c) => c.text)).toEqual(['技术开发', '134852', '3479.64', '14.19', '30.50']);
    const [, a, b, c] = line.cells!;
    expect(a.x).toBe(120);
    expect(a.xEnd).toBeLessThan(b.x);
    expect(b.xEnd).toBeLessThan(c.x);
    expect(c.xEnd).toBe(220);
  });
});
