/**
 * Text normalisation (src/transform/text.ts collapseOverprint, normaliseLine) on real lines of the
 * seeds and their variants, and as properties (fast-check). Proves that
 *  - partly overprinted captions ("表3333 2009200920092009年东部地区…": ref and years bold, words
 *    once) collapse to the caption as printed, as do every caption of every seed overprinted
 *    partly or wholly 3, 4 or 5 times, and the 2006 edition's real overprinted lines; numbers
 *    that merely repeat a digit ("10000", "29999") are never touched;
 *  - a line with no run repeated three times is never changed;
 *  - normaliseLine changes nothing in the numeric rows of any seed or variant but full-width
 *    forms (→ ASCII): no digit, cell or space of a row moves;
 *  - normaliseLine is idempotent on every line of every seed and variant;
 *  - years printed with spaced digits are joined ("2 0 1 1—2 0 1 7 年" → "2011—2017 年").
 * Regressions of bugs these tests found: cells of a row joined into a year, a numeric line read
 * as overprinted, full-width overprinted captions, a factor of 6 read as 3.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { collapseOverprint, normaliseLine } from '../src/transform/normalize/text.ts';
import { loadSeeds, VARIANTS } from '../scripts/variants/index.ts';
import { overprintFullLine, overprintPartialLine } from '../scripts/variants/overprint.ts';
import { captionedTables, collapseOverprint as collapseTimes, locateTables, plainCaption } from '../scripts/variants/seed-tables.ts';

const seeds = loadSeeds();

/** Every seed caption (表/附表) as printed plainly (the 2006 edition's overprinted ones collapsed by the variants' own reader). */
const CAPTIONS = seeds.flatMap((s) => captionedTables(locateTables(s.lines, s.golden)).map((t) => s.lines[t.caption!]));
const PLAIN = new Map(CAPTIONS.map((c) => [c, plainCaption(c)]));

/** Full-width digits, letters, point and percent turned ASCII: the only change normaliseLine may make to a numeric row. */
const ascii = (s: string) => s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF05]/g, (c) => c.normalize('NFKC'));

/** Full-width digits, point and percent, as the full-width variant prints table bodies. */
const fullWidth = (s: string) => s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('collapseOverprint: partial overprint (ref and years bold, words printed once)', () => {
  const cases: [string, string][] = [
    ['表3333 2009200920092009年东部地区技术交易情况', '表3 2009年东部地区技术交易情况'],
    ['附表5555 2016201620162016—2017201720172017年全国输出技术成交情况', '附表5 2016—2017年全国输出技术成交情况'],
    ['表 4444-6666 2017201720172017 年京津冀地区技术交易情况', '表 4-6 2017 年京津冀地区技术交易情况'],
    ['表 3333----1111 2016201620162016—2017201720172017 年全国技术合同认定登记情况', '表 3-1 2016—2017 年全国技术合同认定登记情况'],
    ['图2222-1111 2006200620062006—2017201720172017年全国技术合同成交额', '图2-1 2006—2017年全国技术合同成交额'],
    ['表11111111 2005200520052005年各地区技术合同成交情况', '表11 2005年各地区技术合同成交情况'],
    ['表333 200920092009年东部地区技术交易情况', '表3 2009年东部地区技术交易情况'],
    ['表55555 20172017201720172017年技术合同成交额前10名', '表5 2017年技术合同成交额前10名'],
    // A number that repeats a digit is no overprint, even next to one: digit runs collapse only whole.
    ['表3333 2009200920092009年技术合同成交额（单位：10000元）', '表3 2009年技术合同成交额（单位：10000元）'],
    ['表3333 2000200020002000年技术合同成交额超过29999项', '表3 2000年技术合同成交额超过29999项'],
  ];
  for (const [printed, plain] of cases) {
    it(`${printed} → ${plain}`, () => {
      expect(collapseOverprint(printed)).toBe(plain);
      expect(collapseOverprint(plain)).toBe(plain);
    });
  }

  it('numbers that repeat digits are never read as overprint: rows, captions, prose', () => {
    for (const line of ['2002 29999 1234', '北京 29999 10000 2222 1111', '表 1 2017 年 1111 项合同', '表3 2009年东部地区技术交易情况（单位：10000元）', '培训人员达180000名（见表11）。', '2003年 35287 10792 7190 5421 3090 5555 1482 105 113 1539']) {
      expect(collapseOverprint(line)).toBe(line);
    }
  });

  it('the 2006 edition\'s overprinted lines (cover, captions, every run ×4) collapse as the eye reads them', () => {
    const seed2006 = seeds.find((s) => s.seed.startsWith('003_'))!;
    const overprinted = seed2006.lines.filter((l) => /(\p{Script=Han}+)\1{3}/u.test(l));
    expect(overprinted.length).toBeGreaterThanOrEqual(10);
    for (const line of overprinted) expect(collapseOverprint(line), line).toBe(collapseTimes(line, 4));
    expect(collapseOverprint(overprinted.find((l) => l.includes('表表表表3333'))!)).toBe('表3 1999－2005年各级计划项目通过技术市场交易情况');
  });

  it('every caption of every seed, overprinted partly or wholly 3, 4 or 5 times, collapses to the caption as printed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CAPTIONS), fc.integer({ min: 3, max: 5 }), fc.boolean(), (caption, k, partial) => {
        const printed = partial ? overprintPartialLine(caption, k) : overprintFullLine(caption, k);
        expect(printed).not.toBe(PLAIN.get(caption));
        expect(collapseOverprint(printed)).toBe(PLAIN.get(caption));
      }),
      { numRuns: 400 },
    );
  });

  // partialFactor takes "the factor most pieces of evidence allow, the smallest on a tie": a run
  // repeated 6 times allows 3 and 6 alike, every piece votes for both, and 3 wins, so each unit is
  // left doubled: "表 1-1 2011—2017 年…" overprinted ×6 reads "表 11--11 20112011—20172017 年…"
  // (no year, a wrong ref). The same for ×8 (4 beats 8). A factor allowed by every piece of
  // evidence that leaves no unit repeated would be the reading.
  it('a partial overprint ×6 collapses too', () => {
    for (const caption of CAPTIONS.slice(0, 5)) expect(collapseOverprint(overprintPartialLine(caption, 6))).toBe(PLAIN.get(caption));
  });

  // normaliseLine collapses overprint BEFORE turning full-width digits ASCII, and the evidence of a
  // partial overprint is ASCII only ((?:19|20)\d{2} repeated, a caption number repeated): a
  // caption set in full-width digits (common in Chinese typesetting) and overprinted keeps its
  // runs: "表３３３３　２００９２００９２００９２００９年…" → "表3333　2009200920092009年…", which
  // classifyLine reads as caption 表3333 with no year. (Whole-line overprint works: its factor
  // comes from "表表表表".) Normalising is not idempotent on such a line either.
  it('a partial overprint printed in full-width digits collapses', () => {
    expect(normaliseLine('表３３３３　２００９２００９２００９２００９年东部地区技术交易情况', false)).toBe('表3　2009年东部地区技术交易情况');
    const line = classifyLine({ page: null, line: 1, text: '表３３３３－－－－１１１１　２０１６２０１６２０１６２０１６—２０１７２０１７２０１７２０１７年全国技术合同认定登记情况' }, 0, false);
    expect([line.kind, line.ref, line.title]).toEqual(['caption', '表3-1', '2016—2017年全国技术合同认定登记情况']);
  });
});

describe('a line with no run repeated three times is unchanged (property)', () => {
  const CHARS = [...'表附图年月合计北京天津技术合同成交额增长占比亿元万元项（）：，。、—－-/%.０１２３４５６７８９0123456789 　'];
  const repeatedRun = /(.+)\1\1/su;

  it('collapseOverprint leaves it as it is', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((a) => a.join('')).filter((s) => !repeatedRun.test(s)), (line) => {
        expect(collapseOverprint(line)).toBe(line);
      }),
      { numRuns: 2000 },
    );
  });

  it('so does every line of every seed that has none', () => {
    for (const s of seeds) for (const line of s.lines) if (!repeatedRun.test(line)) expect(collapseOverprint(line)).toBe(line);
  });
});

describe('numeric rows: normaliseLine changes nothing but full-width forms', () => {
  /** Lines classified as table rows (a label and cells) or values-only lines. */
  const numericRows = (lines: readonly string[], traditional = false) =>
    lines.filter((text, i) => ['row', 'values'].includes(classifyLine({ page: null, line: i + 1, text }, i, traditional).kind));

  it('in every seed and every variant but the traditional one, every numeric row is unchanged (full-width → ASCII aside)', () => {
    let rows = 0;
    for (const v of [{ name: 'seed', make: (l: readonly string[]) => [...l] }, ...VARIANTS.filter((x) => x.name !== 'traditional')]) {
      for (const s of seeds) {
        for (const row of numericRows(v.make(s.lines, s.golden))) {
          rows++;
          expect(normaliseLine(row, false), `${v.name} ${s.seed}: ${row}`).toBe(ascii(row));
        }
      }
    }
    expect(rows).toBeGreaterThan(20_000);
  });

  it('in the traditional variant, the digits and cells of every numeric row are unchanged (only the script of labels changes)', () => {
    const traditional = VARIANTS.find((v) => v.name === 'traditional')!;
    /** The numbers of a line with what separates them: digit runs and the white space between (labels' glyphs dropped). */
    const cells = (s: string) => s.replace(/[^\d.%\s－—-]+/g, '').trim().split(/\s+/).filter((t) => /\d/.test(t));
    for (const s of seeds) {
      for (const row of numericRows(traditional.make(s.lines, s.golden), true)) expect(cells(normaliseLine(row, true)), row).toEqual(cells(ascii(row)));
    }
  });

  it('a row of random cells (counts, amounts, growth, null markers; some full-width) keeps every cell (property)', () => {
    const cell = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map(String),
      fc.integer({ min: 0, max: 999_999 }).map(String),
      fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `－${a}.${b}`),
      fc.constantFrom('—', '－', '/', '…'),
    );
    const label = fc.constantFrom('北 京', '黑龙江', '合 计', '技术开发', '其中：深圳', '港澳台', '全社会 R&D 经费 / 亿元', '2017年');
    const row = fc.tuple(label, fc.array(fc.tuple(cell, fc.boolean()), { minLength: 1, maxLength: 10 }));
    fc.assert(
      fc.property(row, ([l, cs]) => {
        const plain = [l, ...cs.map(([c]) => c)].join(' ');
        const printed = [l, ...cs.map(([c, wide]) => (wide ? fullWidth(c) : c))].join(' ');
        expect(normaliseLine(printed, false)).toBe(plain);
      }),
      { numRuns: 3000 },
    );
  });

  // Four single-digit cells followed by a minus (a negative value or a null marker) are no spaced
  // year: "宁 夏 2 0 1 5 －12.5" keeps its five cells (a spaced year is followed by 年 or by a dash
  // and another year).
  it('four single-digit cells before a negative value or a dash are not a spaced year', () => {
    expect(normaliseLine('宁 夏 2 0 1 5 －12.5', false)).toBe('宁 夏 2 0 1 5 －12.5');
    expect(normaliseLine('北 京 1 0 0 0 — 0', false)).toBe('北 京 1 0 0 0 — 0');
    expect(classifyLine({ page: null, line: 1, text: '青 海 2 0 1 5 －12.5' }, 0, false).tokens).toEqual(['2', '0', '1', '5', '－12.5']);
  });

  // A values-only line made of repeated digits ("999990", "111 000") is numbers, not bold text.
  it('a values-only line of repeated digits is not read as overprint', () => {
    for (const line of ['999990', '111 000', '99990 99990 99990']) expect(normaliseLine(line, false)).toBe(line);
  });
});

describe('normaliseLine is idempotent', () => {
  it('on every line of every seed and every variant', () => {
    for (const v of [{ name: 'seed', make: (l: readonly string[]) => [...l] }, ...VARIANTS]) {
      const traditional = v.name === 'traditional';
      for (const s of seeds) {
        for (const line of v.make(s.lines, s.golden)) {
          const once = normaliseLine(line, traditional);
          // Script conversion is applied once per document detected as traditional: converting
          // simplified text again would damage it (opencc tw→cn turns 显著 into 显着), so the
          // second pass of a traditional line runs without it.
          expect(normaliseLine(once, false), `${v.name} ${s.seed}: ${line}`).toBe(once);
        }
      }
    }
  });

  it('on captions overprinted partly or wholly 3 to 5 times, with full-width or spaced years around (property)', () => {
    const caption = fc.tuple(fc.constantFrom(...CAPTIONS), fc.integer({ min: 3, max: 5 }), fc.boolean()).map(([c, k, partial]) => (partial ? overprintPartialLine(c, k) : overprintFullLine(c, k)));
    const extra = fc.constantFrom('', '（单位：万元）', '　２０１７年', ' 2 0 1 7 年', '（见表 3-1）');
    fc.assert(
      fc.property(caption, extra, (c, e) => {
        const once = normaliseLine(c + e, false);
        expect(normaliseLine(once, false)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('spaced years', () => {
  it('joins a year printed with spaced digits before 年 or a dash, and a spaced range', () => {
    expect(normaliseLine('2 0 1 1—2 0 1 7 年全国技术合同成交额', false)).toBe('2011—2017 年全国技术合同成交额');
    expect(normaliseLine('表 3 - 1  2 0 1 6—2 0 1 7 年全国技术合同认定登记情况', false)).toBe('表 3 - 1  2016—2017 年全国技术合同认定登记情况');
    expect(normaliseLine('地区 2 0 1 6年 2 0 1 7年', false)).toBe('地区 2016年 2017年');
    expect(normaliseLine('1 9 9 9－2 0 0 5年各级计划项目', false)).toBe('1999－2005年各级计划项目');
    expect(normaliseLine('２ ０ １ ７ 年', false)).toBe('2017 年');
  });

  it('leaves digits that are no spaced year', () => {
    for (const line of ['2 0 1 7 项', '北 京 12 9 8 7 5.2', '0 10 000 20 000 30 000', '3.2 0 1 7 年']) expect(normaliseLine(line, false)).toBe(line);
  });

  it('any year from 1900 to 2099, alone or in a range, before 年 or a dash (property)', () => {
    const spaced = (y: number) => [...String(y)].join(' ');
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('年', ' 年', '—', '－', '-'), fc.constantFrom('', '表 1-1 ', '截至 '), (a, b, dash, lead) => {
        expect(normaliseLine(`${lead}${spaced(a)} 年底`, false)).toBe(`${lead}${a} 年底`);
        expect(normaliseLine(`${lead}${spaced(a)}${dash}${spaced(b)} 年`, false)).toBe(`${lead}${a}${dash}${b} 年`);
      }),
      { numRuns: 500 },
    );
  });

  it('the spaced variant\'s captions and headers name the seed\'s years once normalised (where a 年 or a dash follows them)', () => {
    const spacedVariant = VARIANTS.find((v) => v.name === 'spaced')!;
    const years = (t: string) => [...t.matchAll(/(?<!\d)(?:19|20)\d{2}(?!\d)/g)].map((m) => m[0]);
    let changed = 0;
    for (const s of seeds) {
      const lines = spacedVariant.make(s.lines, s.golden);
      expect(lines).toHaveLength(s.lines.length); // the variant re-prints line for line
      lines.forEach((line, i) => {
        const seedLine = s.lines[i];
        if (line === seedLine || !/(?:19|20)\d{2}\s*[年—－–-]/.test(seedLine)) return;
        changed++;
        expect(years(normaliseLine(line, false)), line).toEqual(years(normaliseLine(seedLine, false)));
      });
    }
    expect(changed).toBeGreaterThan(50);
  });
});
