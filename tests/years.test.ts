/**
 * The one rule for years (src/transform/years.ts), on real text: four digits of 19xx/20xx that
 * are not part of a longer number and fall within the years an observation may carry. A seed
 * whose edition cannot be told and whose captions lose their years must still transform, with
 * every observation dated by a real year (the fuzz failure of 2026-12-04: a chart with neither
 * was dated 0, and the 2018 edition's typo "20017 年" was read as the year 17).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_YEAR, MIN_DATA_YEAR, type SourceDocument } from '../src/model.ts';
import { splitLines } from '../src/extract/text.ts';
import { transformDocument } from '../src/transform/index.ts';
import { sentenceYear } from '../src/transform/prose/cues.ts';
import { isDataYear, titleYear } from '../src/transform/normalize/years.ts';
import { FIXTURES } from './helpers/etl-cli.ts';

const SEEDS = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

/** A document of `text`, as the text extractor makes it. */
function documentOf(text: string): SourceDocument {
  return { sourceId: 'e'.repeat(64), name: 'years.txt', path: '/years.txt', kind: 'text', bytes: 0, pages: null, lines: splitLines(text).lines };
}

describe('years', () => {
  it('dates a caption by the latest year it names, else by the year before the edition', () => {
    expect(titleYear('图 1-1 2006— 2017 年全国技术合同成交额情况', 2018)).toBe(2017);
    expect(titleYear('图7  005年技术合同成交金额前10名地区的交易情况', 2006)).toBe(2005);
    expect(titleYear('图7  005年技术合同成交金额前10名地区的交易情况', null)).toBeNull();
    expect(titleYear('表 20017 年情况', null)).toBeNull();
    expect(titleYear('1920 年', null)).toBeNull();
  });

  it('reads the year a sentence is about, never the tail of a longer number', () => {
    expect(sentenceYear('2017年,企业继续保持技术市场的主导地位')).toBe(2017);
    expect(sentenceYear('20017年,企业继续保持技术市场的主导地位')).toBeNull();
    expect(sentenceYear('较2016年增长,2017年达到1.76万亿元')).toBe(2017);
  });

  it('never returns a year an observation cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789年—- 表图'), maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 3000 })), (title, edition) => {
        const y = titleYear(title, edition);
        expect(y === null || isDataYear(y)).toBe(true);
        const s = sentenceYear(title);
        expect(s === null || isDataYear(s)).toBe(true);
      }),
    );
  });

  it('transforms every seed whose edition is unknown and whose captions name no year, dating every observation', () => {
    for (const text of SEEDS) {
      const stripped = text
        .split('\n')
        .filter((l) => !/年度报告|Annual Report|全国技术市场/.test(l))
        .map((l) => (/^\s*(?:图|表|附表)/.test(l) ? l.replace(/(?:19|20)(\d{2})/g, '$1') : l))
        .join('\n');
      const result = transformDocument(documentOf(stripped));
      expect(result.edition).toBeNull();
      for (const o of result.observations) {
        expect(o.dataYear).toBeGreaterThanOrEqual(MIN_DATA_YEAR);
        expect(o.dataYear).toBeLessThanOrEqual(MAX_DATA_YEAR);
      }
    }
  });
});
