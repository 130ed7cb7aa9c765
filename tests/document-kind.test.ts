/**
 * Issue 14, "not a report": what a source is (src/transform/discover/: title.ts, headings.ts,
 * document-kind.ts), in-process. The title and heading rules on lines as printed (what is a title,
 * what is a heading chain, and what only looks like one); the policy seed is a document, under
 * traditional script, without blank lines, without its title or without its headings, and
 * nothing once both are gone; the report seeds are reports (their layout variants are checked in
 * variants-read.test.ts); random CJK text, with or without numbers, is unrecognised; and the
 * findings budget stops transform at the first finding over it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.ts';
import { FindingBudgetError } from '../src/transform/budget.ts';
import { chineseNumber, findHeadings } from '../src/transform/discover/headings.ts';
import { findTitle } from '../src/transform/discover/title.ts';
import { transformDocument } from '../src/transform/index.ts';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { noBlankLines } from '../scripts/variants/blank-lines.ts';
import { traditional } from '../scripts/variants/traditional.ts';
import { FIXTURES } from './helpers/etl-cli.ts';
import { randomCjkText } from './helpers/random-text.ts';

const POLICY = '004_2425235a77e2d1cb.txt';
const REPORTS: Record<string, number> = { '000_94f9f59014649328.txt': 2018, '001_4bcf1cefdaeec81d.txt': 2021, '003_c23a70392e796f35.txt': 2006 };
/** A line of running text as wide as the policy's (37 characters), so that the text has a line width. */
const PROSE = '国家技术转移体系是促进科技成果持续产生，推动科技成果扩散、流动、共享、应用并实现经济';

/** Lines classified as transform classifies them (simplified script). */
const classified = (texts: readonly string[]) => texts.map((text, i) => classifyLine({ page: null, line: i + 1, text }, i, false));
/** The lines of a seed fixture. */
const seedLines = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').split('\n');
/** Transforms text given as lines, as the pipeline does a .txt source. */
const transform = async (lines: readonly string[], maxFindings?: number) =>
  transformDocument(await extractText('t.txt', Buffer.from(lines.join('\n'))), maxFindings === undefined ? {} : { maxFindings });

describe('findTitle: a line of its own, short, no sentence, ending with a kind of document', () => {
  it.each([
    ['国家技术转移体系建设方案', '国家技术转移体系建设方案'],
    ['关于印发《国家技术转移体系建设方案》的通知', '关于印发《国家技术转移体系建设方案》的通知'],
    ['《全国技术市场统计年度报告（2009）》', '《全国技术市场统计年度报告（2009）》'],
    ['2006年全国技术市场统计年度报告', '2006年全国技术市场统计年度报告'],
    ['科技部关于技术合同认定登记管理办法', '科技部关于技术合同认定登记管理办法'],
  ])('%s is a title', (line, title) => {
    expect(findTitle(classified(['', line, '', PROSE, PROSE]))).toEqual({ line: 2, text: title });
  });

  it.each([
    ['a sentence', '2017年全国技术市场交易活跃，成交额增长较快的报告。'],
    ['no kind of document named', '国家技术转移体系建设'],
    ['a table caption', '表1 2017年全国技术合同成交情况'],
    ['a wrapped line as wide as the text, ending by chance in a genre word', '本书针对2017年度全国技术合同签订及执行情况和国家重点研发计划以及科技计划'],
  ])('%s is no title', (_what, line) => {
    expect(findTitle(classified([line, PROSE, PROSE, PROSE]))).toBeNull();
  });

  it('only the first 20 non-blank lines are the title page', () => {
    const far = Array.from({ length: 20 }, () => PROSE);
    expect(findTitle(classified([...far, '国家技术转移体系建设方案']))).toBeNull();
    expect(findTitle(classified([...far.slice(1), '国家技术转移体系建设方案']))).toMatchObject({ line: 20 });
  });

  it('a title in traditional script is read once the line is simplified', () => {
    const lines = traditional(['国家技术转移体系建设方案', PROSE]).map((text, i) => classifyLine({ page: null, line: i + 1, text }, i, true));
    expect(findTitle(lines)?.text).toBe('国家技术转移体系建设方案');
  });
});

describe('findHeadings: numbered headings counting up from 一', () => {
  it('reads Chinese numerals', () => {
    expect([['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['二十', 20], ['二十二', 22], ['一百零五', 105]].map(([s]) => chineseNumber(s as string))).toEqual([1, 9, 10, 11, 20, 22, 105]);
    expect(chineseNumber('十十')).toBeNull();
    expect(chineseNumber('')).toBeNull();
  });

  it('a chain of three or more of one style, the longest winning', () => {
    const lines = ['一、总体要求', '（一）指导思想。', PROSE, '（二）基本原则。', '二、优化基础架构', '（三）建设目标。', '（四）体系布局。', '三、拓宽通道'];
    expect(findHeadings(classified(lines))).toEqual({ style: '（…）', count: 4, firstLine: 2 });
    expect(findHeadings(classified(['第一章 总则', PROSE, '第二章 技术市场', '第三章 附则']))).toEqual({ style: '第…章', count: 3, firstLine: 1 });
    expect(findHeadings(classified(['一、总体要求', '二、基础架构', '三、通道', '四、政策环境', '五、组织实施']))).toMatchObject({ count: 5 });
  });

  it('two headings, numerals out of order, or one numeral in several styles make no structure', () => {
    expect(findHeadings(classified(['一、总体要求', PROSE, '二、基础架构']))).toBeNull();
    expect(findHeadings(classified(['三、通道', '二、基础架构', '一、总体要求', '二、基础架构']))).toBeNull();
    expect(findHeadings(classified(['一、总体要求', '（二）基本原则', '第三章 附则']))).toBeNull();
  });
});

describe('classifyDocument on the seeds and on random text (transformDocument)', () => {
  it('the policy seed is a document: its title, 22 headings （一）…（二十二）, no table, no warning', async () => {
    const r = await transform(seedLines(POLICY));
    expect(r.document).toEqual({ kind: 'document', title: '国家技术转移体系建设方案', titleLine: 1, headings: 22, headingStyle: '（…）', tables: 0 });
    expect(r.warnings).toEqual([]);
    expect(r.edition).toBeNull();
  });

  it('the policy stays a document in traditional script, without blank lines, without its title or without its headings', async () => {
    const lines = seedLines(POLICY);
    const headings = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
    const untitled = lines.slice(1);
    const headless = lines.filter((l) => !headings.test(l));
    for (const [what, variant] of [['traditional', traditional(lines)], ['no blank lines', noBlankLines(lines, [])], ['untitled', untitled], ['headless', headless]] as const) {
      const r = await transform(variant);
      expect(r.document.kind, what).toBe('document');
      expect(r.warnings, what).toEqual([]);
    }
    expect((await transform(untitled)).document).toMatchObject({ title: null, headings: 22 });
    expect((await transform(headless)).document).toMatchObject({ title: '国家技术转移体系建设方案', headings: 0 });
    // Neither title nor headings: its running text alone is nothing this warehouse recognises.
    const bare = await transform(headless.slice(1));
    expect(bare.document).toMatchObject({ kind: 'unrecognised', title: null, headings: 0, tables: 0 });
  });

  it('the report seeds are reports with their edition, and no warning', async () => {
    for (const [name, edition] of Object.entries(REPORTS)) {
      const r = await transform(seedLines(name));
      expect(r.document.kind, name).toBe('report');
      expect(r.document.tables, name).toBeGreaterThan(10);
      expect(r.edition, name).toBe(edition);
      expect(r.warnings, name).toEqual([]);
    }
  });

  it('random CJK text, with or without numbers, is unrecognised, whatever the seed', async () => {
    for (const seed of [1, 2, 3, 42]) {
      for (const digits of [false, true]) {
        const r = await transform(randomCjkText({ seed, bytes: 200_000, digits }).split('\n'));
        expect(r.document, `seed ${seed}, digits ${digits}`).toEqual({ kind: 'unrecognised', title: null, titleLine: null, headings: 0, headingStyle: null, tables: 0 });
      }
    }
  });
});

describe('the findings budget', () => {
  it('transform stops at the first finding over the budget, naming its line', async () => {
    const lines = seedLines('001_4bcf1cefdaeec81d.txt');
    const all = await transform(lines);
    expect(all.findings).toHaveLength(6);
    expect((await transform(lines, 6)).findings).toHaveLength(6);
    const stopped = await transform(lines, 5).then(() => null, (e: unknown) => e);
    expect(stopped).toBeInstanceOf(FindingBudgetError);
    expect(stopped).toMatchObject({ limit: 5, line: all.findings[5].line });
    expect((stopped as Error).message).toBe(`more than 5 findings (rows, cells or labels that could not be placed; maxFindings in the configuration): reading stopped at the 6th, on line ${all.findings[5].line}`);
  });
});
