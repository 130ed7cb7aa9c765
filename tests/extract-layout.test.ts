/** Page geometry → lines (src/extract/pdf-layout.ts), on hand-placed runs. */
import { describe, expect, it } from 'vitest';
import { CELL_GAP_EM, groupLines, joinLine, layoutPage, type PlacedRun, placeRuns, SPACE_GAP_EM } from '../src/extract/pdf-layout.ts';

/** A run of `text` at x on baseline y, size 10, each character 5 wide unless `width` is given. */
function run(text: string, x: number, baseline = 100, size = 10, width = text.length * 5): PlacedRun {
  return { text, x, xEnd: x + width, baseline, size };
}

describe('joinLine', () => {
  it('joins touching runs directly, word gaps with a space, cell gaps with a TAB', () => {
    /** Two runs: `left`, then `right` starting `em` ems after left's end. */
    const pair = (left: string, right: string, em: number) => {
      const a = run(left, 0);
      return [a, run(right, a.xEnd + em * 10)];
    };
    expect(joinLine(pair('ab', 'cd', 0))).toBe('abcd');
    expect(joinLine(pair('2020', '年', SPACE_GAP_EM))).toBe('2020 年');
    expect(joinLine(pair('表 3-1', '2019', 1))).toBe('表 3-1 2019');
    expect(joinLine(pair('北京', '83 171', CELL_GAP_EM))).toBe('北京\t83 171');
    expect(joinLine(pair('北京', '83 171', CELL_GAP_EM - 0.01))).toBe('北京 83 171');
    expect(joinLine(pair('28 251.5', 'a', -0.1))).toBe('28 251.5a');
  });

  it('keeps one space where a run brings its own blank, and the blanks inside a run', () => {
    expect(joinLine([run('2020 ', 0), run('年', 25)])).toBe('2020 年');
    expect(joinLine([run(' 北 京 ', 0)])).toBe('北 京');
  });

  it('measures gaps in ems of the larger font', () => {
    const big = { text: 'A', x: 0, xEnd: 10, baseline: 100, size: 20 };
    expect(joinLine([big, { text: 'B', x: 30, xEnd: 35, baseline: 100, size: 5 }])).toBe('A B');
    expect(joinLine([big, { text: 'B', x: 40, xEnd: 45, baseline: 100, size: 5 }])).toBe('A\tB');
  });
});

describe('groupLines', () => {
  it('groups by baseline top to bottom and orders each line by x', () => {
    const lines = groupLines([run('c', 50, 120), run('b', 30, 100), run('a', 0, 100), run('d', 0, 120)]);
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['ab', 'dc']);
  });

  it('keeps a raised footnote marker on its row', () => {
    const lines = groupLines([run('28 251.5', 0, 100, 9, 40), run('a', 40, 96.5, 5.2, 3), run('合计', 0, 118, 9)]);
    expect(lines.map(joinLine)).toEqual(['28 251.5a', '合计']);
  });

  it('does not chain: a run half a line below the first run starts a new line', () => {
    const lines = groupLines([run('a', 0, 100), run('b', 10, 104), run('c', 20, 108)]);
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['ab', 'c']);
  });

  it('drops overprinted copies of a run (fake bold)', () => {
    const copies = [0, 0.3, 0.6, 0.9].map((dx) => run('表3', 100 + dx));
    expect(groupLines(copies).map(joinLine)).toEqual(['表3']);
  });
});

describe('placeRuns / layoutPage', () => {
  const viewport = [1, 0, 0, -1, 0, 800]; // an upright A-size page at scale 1: y flips

  it('maps pdf.js items to the top-left viewport and drops whitespace items', () => {
    const items = [
      { str: '北京', transform: [9, 0, 0, 9, 60, 700], width: 18 },
      { str: ' ', transform: [9, 0, 0, 9, 78, 700], width: 100 },
      { str: '83 171', transform: [9, 0, 0, 9, 178, 700], width: 30 },
    ];
    expect(placeRuns(items, viewport)).toEqual([
      { text: '北京', x: 60, xEnd: 78, baseline: 100, size: 9 },
      { text: '83 171', x: 178, xEnd: 208, baseline: 100, size: 9 },
    ]);
    expect(layoutPage(items, viewport).map((l) => l.text)).toEqual(['北京\t83 171']);
  });

  it('reads a table printed sideways (text running up the page) in its own direction', () => {
    // Rows are columns of the upright page: a row's cells go up the page, rows follow rightwards.
    const up = (str: string, x: number, y: number) => ({ str, transform: [0, 9, -9, 0, x, y], width: str.length * 5 });
    const items = [up('北京', 100, 100), up('83 171', 100, 300), up('合计', 115, 100), up('549 353', 115, 300)];
    expect(layoutPage(items, viewport).map((l) => l.text)).toEqual(['北京\t83 171', '合计\t549 353']);
  });

  it('gives a run written across the page direction a one-em box at its origin', () => {
    const items = [
      { str: '地区 2019 年 2020 年', transform: [9, 0, 0, 9, 60, 700], width: 90 },
      { str: '合同类别', transform: [0, 9, -9, 0, 60, 600], width: 36 },
    ];
    expect(placeRuns(items, viewport)[1]).toMatchObject({ x: 60, xEnd: 69, baseline: 200, size: 9 });
  });
});
