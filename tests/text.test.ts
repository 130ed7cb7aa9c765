// The normaliser: overprinted bold runs, labels, traditional script (opencc-js), on real lines.
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collapseOverprint, isTraditional, normaliseLabel, simplify } from '../src/transform/normalize/text.ts';

const seed = readFileSync(new URL('../fixtures/001_4bcf1cefdaeec81d.txt', import.meta.url), 'utf8');

describe('normaliser', () => {
  it('collapses overprinted titles of the 2006 edition', () => {
    expect(collapseOverprint('表表表表3333 1999199919991999－－－－2005200520052005年各级计划项目通过技术市场交易情况年各级计划项目通过技术市场交易情况年各级计划项目通过技术市场交易情况年各级计划项目通过技术市场交易情况'))
      .toBe('表3 1999－2005年各级计划项目通过技术市场交易情况');
    expect(collapseOverprint('表表表表10101010 2001-20052001-20052001-20052001-2005年技术贸易机构人员构成年技术贸易机构人员构成年技术贸易机构人员构成年技术贸易机构人员构成'))
      .toBe('表10 2001-2005年技术贸易机构人员构成');
    expect(collapseOverprint('2002 29999 1234')).toBe('2002 29999 1234');
  });

  it('normalises labels as the export prints them', () => {
    expect(normaliseLabel('  其中：深 圳')).toBe('深圳');
    expect(normaliseLabel('全社会 R&D 经费 / 亿元')).toBe('全社会R&D经费/亿元');
    expect(normaliseLabel('合 计①')).toBe('合计');
  });

  it('is idempotent and never changes a digit', () => {
    const lines = seed.split('\n').slice(0, 2000);
    fc.assert(
      fc.property(fc.constantFrom(...lines), (line) => {
        const once = collapseOverprint(line);
        expect(collapseOverprint(once)).toBe(once);
        const label = normaliseLabel(line);
        expect(normaliseLabel(label)).toBe(label);
        expect(once.replace(/\D/g, '')).toBe(line.replace(/\D/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('detects script: simplified passes through, traditional is simplified', () => {
    expect(isTraditional(seed)).toBe(false);
    const tw = OpenCC.Converter({ from: 'cn', to: 'tw' })(seed.slice(0, 20000));
    expect(isTraditional(tw)).toBe(true);
    expect(simplify('全國技術合同成交額 28 251.5 億元')).toBe('全国技术合同成交额 28 251.5 亿元');
  });
});
