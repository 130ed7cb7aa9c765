/**
 * The report edition (src/transform/edition.ts detectEdition), on lines classified as transform
 * classifies them (classifyLine: overprint collapsed, full-width digits and spaced years joined,
 * traditional script simplified). Proves that every form a report names itself in is read —
 * "2018 全国技术市场统计年度报告", "《2018 全国技术市场统计年度报告》", "2021 Annual Report …",
 * 《全国技术市场统计年度报告（2009）》, 二〇〇九年度 on the cover or next to the report's name, an
 * overprinted or broken cover title — also in traditional script; that a meeting's name
 * ("2017 年度全国技术市场统计工作会") or a sentence about a year is not an edition; that without a
 * title the edition is inferred as the year after the latest year most captions name, and said
 * to be inferred; that with no year anywhere it is unknown. Then, on the real seeds: every
 * title-* variant (and the traditional one) keeps the seed's edition, and transformDocument
 * warns exactly when the titles are removed.
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.ts';
import { detectEdition, type Edition } from '../src/transform/discover/edition.ts';
import { transformDocument } from '../src/transform/index.ts';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { loadSeeds, variantNamed } from '../scripts/variants/index.ts';

/** detectEdition over `texts`, each classified as line i+1 of a document (`traditional`: the document is in traditional script). */
function edition(texts: readonly string[], traditional = false): Edition {
  return detectEdition(texts.map((text, i) => classifyLine({ page: null, line: i + 1, text }, i, traditional)));
}

/** Filler prose: a line of running text with no year. */
const PROSE = '技术市场持续发展，交易活跃，各类创新主体积极参与技术转移。';

describe('detectEdition: a title names the edition', () => {
  /** What, the lines, the edition, and the line that names it. */
  const named: [string, string[], number, number][] = [
    ['the year before the report\'s name', ['2018 全国技术市场统计年度报告'], 2018, 1],
    ['in book-title marks, inside a sentence', [PROSE, '《2018 全国技术市场统计年度报告》针对技术市场发展情况进行了统计分析。'], 2018, 2],
    ['glued to the name, 年 between', ['2006年全国技术市场统计年度报告'], 2006, 1],
    ['the English running head', ['2021 Annual Report on Statistics of China Technology Market'], 2021, 1],
    ['in brackets after the name', ['《全国技术市场统计年度报告（2009）》'], 2009, 1],
    ['in ASCII brackets after the name', ['全国技术市场统计年度报告(2009)'], 2009, 1],
    ['in Chinese numerals, 年度, on the cover', ['二〇〇九年度'], 2009, 1],
    ['in Chinese numerals before the name', [PROSE, '二〇一八年度全国技术市场统计年度报告'], 2018, 2],
    ['a cover title broken after 全国技术市场', ['2006年全国技术市场', '统计年度报告'], 2006, 1],
    ['an overprinted cover title (2006 edition)', ['2006200620062006年全国技术市场', '统计年度报告'], 2006, 1],
    ['with full-width digits', ['２０１８ 全国技术市场统计年度报告'], 2018, 1],
    ['with its digits spaced out', ['2 0 1 8 年全国技术市场统计年度报告'], 2018, 1],
  ];
  for (const [what, texts, year, line] of named) {
    it(`${what}: ${texts.filter((t) => t !== PROSE).join(' / ')}`, () => {
      expect(edition(texts)).toEqual({ year, how: 'named', detail: `named 1 time, first on line ${line}` });
    });
  }

  it('the year named most often wins, and the detail says how often and where first', () => {
    const e = edition(['《2018 全国技术市场统计年度报告》', PROSE, '212018年度报告', PROSE, '《全国技术市场统计年度报告（2017）》', '2018 全国技术市场统计年度报告']);
    expect(e).toEqual({ year: 2018, how: 'named', detail: 'named 3 times, first on line 1' });
  });

  it('a Chinese-numeral year past the cover counts only next to the report\'s name', () => {
    const far = Array<string>(130).fill(PROSE);
    expect(edition([...far, '二〇〇九年度工作总结']).how).toBeNull();
    expect(edition([...far, '二〇〇九年度全国技术市场统计年度报告'])).toMatchObject({ year: 2009, how: 'named', detail: 'named 1 time, first on line 131' });
  });
});

describe('detectEdition in traditional script (simplified by classifyLine)', () => {
  it('reads the forms once simplified', () => {
    expect(edition(['2018 全國技術市場統計年度報告'], true)).toMatchObject({ year: 2018, how: 'named' });
    expect(edition(['《全國技術市場統計年度報告（2009）》'], true)).toMatchObject({ year: 2009, how: 'named' });
    expect(edition(['二〇〇九年度全國技術市場統計年度報告'], true)).toMatchObject({ year: 2009, how: 'named' });
  });

  it('the simplification is what makes the name readable: the same traditional lines unsimplified name nothing', () => {
    expect(edition(['2018 全國技術市場統計年度報告'], false).how).toBeNull();
    expect(edition(['《全國技術市場統計年度報告（2009）》'], false).how).toBeNull();
  });
});

describe('detectEdition: what is not an edition title', () => {
  it('"2017 年度全国技术市场统计工作会" names a meeting, not the report', () => {
    expect(edition(['2017 年度全国技术市场统计工作会'])).toMatchObject({ year: null, how: null });
    expect(edition(['2017年度全国技术市场统计工作会在北京召开。'])).toMatchObject({ year: null, how: null });
  });

  it('a sentence about a year of the market is not a title', () => {
    expect(edition(['2017年全国技术市场交易活跃，成交额增长。']).how).toBeNull();
  });

  it('the meeting does not outvote the captions: the edition is inferred from them', () => {
    const e = edition(['2017 年度全国技术市场统计工作会', '', '表 1 2009 年全国技术合同成交情况', '表 2 2008—2009 年技术合同类型构成']);
    expect(e).toMatchObject({ year: 2010, how: 'inferred' });
  });
});

describe('detectEdition: no title', () => {
  it('captions naming 2009 as their latest year: the 2010 edition, inferred, and the detail says from what', () => {
    const e = edition([PROSE, '表 1 2009 年全国技术合同成交情况', PROSE, '表 2 2008—2009 年技术合同类型构成', '表 3 2007 年技术合同情况']);
    expect(e.year).toBe(2010);
    expect(e.how).toBe('inferred');
    expect(e.detail).toBe('no title names the edition: inferred from 2 of 3 table captions naming 2009 as their latest year (a report covers the year before its edition)');
  });

  it('overprinted captions are read collapsed', () => {
    const e = edition(['表表表表1111 2009200920092009年全国技术合同成交情况年全国技术合同成交情况年全国技术合同成交情况年全国技术合同成交情况']);
    expect(e).toMatchObject({ year: 2010, how: 'inferred' });
  });

  it('no year anywhere: unknown', () => {
    expect(edition([PROSE, '表 1 全国技术合同成交情况', '北 京 81311 4486.89'])).toEqual({ year: null, how: null, detail: 'no title names the edition and no table caption names a year' });
    expect(edition([])).toMatchObject({ year: null, how: null });
  });
});

describe('the edition of the seeds and of their title variants (transformDocument)', () => {
  const seeds = loadSeeds();
  const EDITIONS: Record<string, number> = { '000_94f9f59014649328.txt': 2018, '001_4bcf1cefdaeec81d.txt': 2021, '003_c23a70392e796f35.txt': 2006 };

  const read = async (name: string, lines: readonly string[]) => transformDocument(await extractText(name, Buffer.from(lines.join('\n'))));

  for (const s of seeds) {
    it(`${s.seed}: the edition ${EDITIONS[s.seed]} under every title form; a warning exactly when the titles are removed`, async () => {
      const seed = await read(s.seed, s.lines);
      expect(seed.edition).toBe(EDITIONS[s.seed]);
      expect(seed.warnings).toEqual([]);
      for (const name of ['title-bracket', 'title-chinese', 'traditional']) {
        const r = await read(s.seed, variantNamed(name)!.make(s.lines, s.golden));
        expect(r.edition, name).toBe(seed.edition);
        expect(r.warnings, name).toEqual([]);
      }
      const none = await read(s.seed, variantNamed('title-none')!.make(s.lines, s.golden));
      expect(none.edition).toBe(seed.edition);
      expect(none.warnings).toHaveLength(1);
      expect(none.warnings[0]).toMatch(new RegExp(`^edition ${seed.edition}: no title names the edition: inferred from \\d+ of \\d+ table captions naming ${seed.edition! - 1} as their latest year`));
    });
  }
});
