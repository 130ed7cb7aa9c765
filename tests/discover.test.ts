/**
 * Table discovery, body first (src/transform/discover/), on the real seeds and their layout
 * variants (scripts/variants/): which body each caption is attached to and with what evidence,
 * where bodies start and end, what becomes a provisional table (a body with no credible caption,
 * "?L<line of its first printed line>") and what is no table at all (a lone line of numbers, a
 * figure's value labels: RejectedBody). Proves that
 *  - the 2018 edition's 表4-5 caption is attached across the 京津冀 prose, with grouping and
 *    citation evidence on its record; 附表1 (title listed above 附表2's, body after 附表2's) is
 *    attached with a score under CONFIDENT_SCORE and is read with low confidence; 附表5 and 附表6
 *    stay two bodies when no caption separates them; the 2021 edition's 表5-2 stays one body
 *    across a page break after a section's 合计 and its repeated header;
 *  - without captions (no-captions variant) every body is a provisional table named by its first
 *    printed line, its numbers still load (never contradicting the golden records), and the figure
 *    value labels are rejected, not tables;
 *  - captions moved after or away from their bodies give the same records as the seed;
 *  - on a small document written here, a body without a caption is provisional with empty or
 *    refused evidence, and a lone line of numbers and a figure's value labels are RejectedBody.
 * (Recall and precision of every variant are tests/variants-read.test.ts's; not repeated here.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Observation, TableRecord, TransformResult } from '../src/model.ts';
import { extractText } from '../src/extract/text.ts';
import { transformDocument } from '../src/transform/index.ts';
import { attachUnitLines, classifyLine, joinLabelLines } from '../src/transform/layout/lines.ts';
import { ACCEPT_SCORE, CONFIDENT_SCORE, discoverTables, lowConfidenceTables } from '../src/transform/discover/attach-captions.ts';
import { CITED, GROUPING_FIT, scoreOf } from '../src/transform/discover/caption-evidence.ts';
import { loadSeeds, variantNamed } from '../scripts/variants/index.ts';
import type { GoldenRow } from '../scripts/variants/seed-tables.ts';
import { mapProvisional, norm, num } from './helpers/read-score.ts';

const SEED_2018 = '000_94f9f59014649328.txt';
const SEED_2021 = '001_4bcf1cefdaeec81d.txt';
const seeds = loadSeeds();

const transforms = new Map<string, Promise<TransformResult>>();

/** The transform of a document printed as `lines`, read as the text extractor reads a file (each text transformed once). */
function read(name: string, lines: readonly string[]): Promise<TransformResult> {
  const text = lines.join('\n');
  const key = `${name}\u0000${text}`;
  if (!transforms.has(key)) transforms.set(key, extractText(name, Buffer.from(text)).then(transformDocument));
  return transforms.get(key)!;
}

/** The lines of variant `name` of a seed. */
function variantLines(name: string, seed: (typeof seeds)[number]): string[] {
  const v = variantNamed(name);
  if (!v) throw new Error(`no variant ${name}`);
  return v.make(seed.lines, seed.golden);
}

function table(r: TransformResult, ref: string): TableRecord {
  const t = r.tables.find((x) => x.tableRef === ref);
  if (!t) throw new Error(`no table ${ref} among ${r.tables.map((x) => x.tableRef).join(', ')}`);
  return t;
}

/** Tables found by body discovery (a scored caption or a provisional reference), not charts or sideways tables. */
const discovered = (r: TransformResult) => r.tables.filter((t) => t.reading.caption === 'provisional' || t.reading.score !== null);

/** The golden table each provisional reference of a transform matches most (as the variant scorer maps them). */
function provisionalOwners(r: TransformResult, golden: readonly GoldenRow[]): Map<string, string> {
  const mapped = mapProvisional(r.observations, golden);
  const owners = new Map<string, string>();
  r.observations.forEach((o, i) => {
    if (o.tableRef.startsWith('?')) owners.set(o.tableRef, mapped[i].tableRef);
  });
  return owners;
}

describe('the 2018 and 2021 seeds', () => {
  let r2018: TransformResult;
  let r2021: TransformResult;
  beforeAll(async () => {
    r2018 = await read(SEED_2018, seeds.find((s) => s.seed === SEED_2018)!.lines);
    r2021 = await read(SEED_2021, seeds.find((s) => s.seed === SEED_2021)!.lines);
  });

  it('2018 表4-5: its caption, printed after the 京津冀 prose that follows its body, is attached across that prose by grouping and citation', () => {
    const t = table(r2018, '表4-5');
    // Body: header "省份" (L973) to the 合计 row (L985); caption L1001, after the 京津冀 paragraph L987–999.
    expect([t.firstLine, t.lastLine, t.titleLine]).toEqual([973, 985, 1001]);
    expect(t.reading.caption).toBe('found');
    expect(t.reading.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
    const kinds = Object.fromEntries(t.reading.evidence.map((e) => [e.kind, e]));
    expect(kinds.position.detail).toMatch(/^after the last row, across \d+ line\(s\) of prose/);
    expect(kinds.position.weight).toBeLessThan(CONFIDENT_SCORE); // position alone would not be enough
    expect(kinds.grouping).toMatchObject({ weight: GROUPING_FIT, detail: '3 of 3 regions inside NORTHEAST' });
    expect(kinds.citation).toMatchObject({ weight: CITED, detail: 'the prose right before the body cites 表4-5' });
    expect(t.reading.score).toBeCloseTo(scoreOf(t.reading.evidence), 2);
    // The caption right above the next body is not taken by it: 表4-6 keeps its own, after its rows.
    const next = table(r2018, '表4-6');
    expect([next.firstLine, next.lastLine, next.titleLine]).toEqual([1003, 1016, 1018]);
    expect(r2018.observations.filter((o) => o.tableRef === '表4-5').map((o) => o.rowLabel)).toEqual(expect.arrayContaining(['辽宁', '吉林', '黑龙江']));
    expect(r2018.observations.filter((o) => o.tableRef === '表4-5').every((o) => o.line >= 973 && o.line <= 985)).toBe(true);
  });

  it('2018 附表1: its title stands above 附表2\'s, its body after 附表2\'s; attached with a score under CONFIDENT_SCORE, so read with low confidence', () => {
    const t = table(r2018, '附表1');
    const t2 = table(r2018, '附表2');
    expect([t.titleLine, t.firstLine, t.lastLine]).toEqual([3013, 3043, 3047]);
    expect([t2.titleLine, t2.firstLine, t2.lastLine]).toEqual([3015, 3017, 3041]);
    expect(t.reading.caption).toBe('found');
    expect(t.reading.score).toBeGreaterThanOrEqual(ACCEPT_SCORE);
    expect(t.reading.score).toBeLessThan(CONFIDENT_SCORE);
    expect(t.reading.evidence.find((e) => e.kind === 'position')?.detail).toMatch(/^above the body, across 1 other table body/);
    expect(t.reading.evidence.find((e) => e.kind === 'years')?.detail).toBe('caption 2011–2017, body 2011–2017');
    const low = lowConfidenceTables(r2018.tables);
    expect(low.has('附表1')).toBe(true);
    expect(low.has('附表2')).toBe(false);
    expect(t2.reading.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
  });

  it('2018 附表5 and 附表6 (the same header, 附表6 starting again at 北京) are two bodies, each under its own caption', () => {
    const t5 = table(r2018, '附表5');
    const t6 = table(r2018, '附表6');
    expect([t5.firstLine, t5.lastLine]).toEqual([3144, 3249]);
    expect([t6.firstLine, t6.lastLine]).toEqual([3254, 3359]);
  });

  it('2021 表5-2: a page break after a section\'s 合计 with the header printed again (L1554) does not end the body', () => {
    const t = table(r2021, '表5-2');
    expect([t.titleLine, t.firstLine, t.lastLine]).toEqual([1515, 1517, 1586]);
    const lines = r2021.observations.filter((o) => o.tableRef === '表5-2').map((o) => o.line);
    expect(lines.some((l) => l < 1554)).toBe(true);
    expect(lines.some((l) => l > 1554)).toBe(true);
    expect(lines).toContain(1586); // 总计, the last row
    // No other table claims any line of it.
    const others = r2021.tables.filter((x) => x !== t && x.firstLine <= 1586 && x.lastLine >= 1517);
    expect(others.map((x) => x.tableRef)).toEqual([]);
  });
});

describe('the no-captions variant: every body is a provisional table', () => {
  const runs: { seed: string; golden: GoldenRow[]; lines: string[]; seedLines: string[]; r: TransformResult; base: TransformResult }[] = [];
  beforeAll(async () => {
    for (const s of seeds) {
      const lines = variantLines('no-captions', s);
      runs.push({ seed: s.seed, golden: s.golden, lines, seedLines: s.lines, r: await read(s.seed, lines), base: await read(s.seed, s.lines) });
    }
  });

  it('no body has a caption attached; each is provisional, named "?L" and the line of its first printed line', () => {
    for (const { seed, lines, seedLines, r, base, golden } of runs) {
      const tables = discovered(r);
      expect(tables.length, seed).toBeGreaterThan(5);
      expect(tables.filter((t) => t.reading.caption !== 'provisional').map((t) => t.tableRef), seed).toEqual([]);
      const owners = provisionalOwners(r, golden);
      for (const t of tables) {
        expect(t.tableRef, seed).toMatch(/^\?L\d+$/);
        expect(t.tableRef).toBe(`?L${t.firstLine}`);
        expect(t.reading.score).toBeNull();
        expect(t.titleLine).toBeNull();
        expect(lines[t.firstLine - 1].trim(), `${seed} ${t.tableRef}`).not.toBe('');
        // The line it names is the one the seed's own reading of that table starts on (its header,
        // or first row), or the "单位：万元" line above it, which a caption no longer takes (2006).
        const owner = owners.get(t.tableRef);
        if (!owner) continue;
        let at = t.firstLine - 1;
        if (/^[（(]?\s*单位\s*[:：]/.test(lines[at].trim())) do at++; while (lines[at].trim() === '');
        expect(lines[at].trim(), `${seed} ${t.tableRef} (${owner})`).toBe(seedLines[table(base, owner).firstLine - 1].trim());
      }
      expect(new Set(tables.map((t) => t.tableRef)).size).toBe(tables.length);
    }
    // One by name: 2018 表4-5 starts at its header "省份".
    const r2018 = runs.find((x) => x.seed === SEED_2018)!;
    const ref = [...provisionalOwners(r2018.r, r2018.golden)].find(([, owner]) => owner === '表4-5')![0];
    expect(r2018.lines[Number(ref.slice(2)) - 1].trim()).toBe('省份');
  });

  it('the provisional tables still load the seed\'s table observations (≥ 90% overall; the 2006 edition\'s 表10, whose measure only the caption names and no sentence quotes, becomes findings)', () => {
    let seedTotal = 0;
    let loaded = 0;
    for (const { seed, r, base } of runs) {
      const fromBodies = new Set(discovered(base).map((t) => t.tableRef));
      const before = base.observations.filter((o) => fromBodies.has(o.tableRef)).length;
      const after = r.observations.filter((o) => o.tableRef.startsWith('?')).length;
      seedTotal += before;
      loaded += after;
      expect(after / before, seed).toBeGreaterThanOrEqual(seed.startsWith('003_') ? 0.85 : 0.95);
      // A provisional table that loaded nothing is reported, never silently dropped.
      for (const t of discovered(r).filter((x) => x.observationCount === 0)) {
        expect(r.findings.some((f) => f.tableRef === t.tableRef), `${seed} ${t.tableRef}`).toBe(true);
      }
    }
    expect(loaded / seedTotal).toBeGreaterThanOrEqual(0.9);
  });

  it('2006 表9, whose measure only its caption named, takes it from the sentence quoting its figures ("全国共有各类技术贸易机构36495家")', () => {
    const r2006 = runs.find((x) => x.seed.startsWith('003_'))!;
    const ref = [...provisionalOwners(r2006.r, r2006.golden)].find(([, owner]) => owner === '表9')?.[0];
    expect(ref).toBeDefined();
    const obs = r2006.r.observations.filter((o) => o.tableRef === ref);
    const golden = r2006.golden.filter((g) => g.table_ref === '表9');
    expect(obs.map((o) => `${o.dataYear} ${norm(o.rowLabel)} ${o.measure} ${num(o.value)} ${o.unit}`).sort()).toEqual(
      golden.map((g) => `${g.data_year} ${norm(g.row_label)} ${g.measure} ${num(g.value)} ${g.unit}`).sort(),
    );
    const evidence = table(r2006.r, ref!).reading.evidence.find((e) => e.kind === 'measure');
    expect(evidence?.detail).toMatch(/^measure read from the sentence quoting \d+ of its figures \(line \d+\): ".*技术贸易机构"$/);
  });

  it('no value of a provisional table contradicts the golden records of the same (year, row label, measure)', () => {
    for (const { seed, golden, r } of runs) {
      const values = new Map<string, Set<string>>();
      for (const g of golden) {
        const k = [g.data_year, norm(g.row_label), g.measure].join('|');
        values.set(k, new Set([...(values.get(k) ?? []), num(g.value)]));
      }
      const provisional = r.observations.filter((o) => o.tableRef.startsWith('?'));
      const compared = provisional.filter((o) => values.has([o.dataYear, norm(o.rowLabel), o.measure].join('|')));
      const contradicting = compared.filter((o) => !values.get([o.dataYear, norm(o.rowLabel), o.measure].join('|'))!.has(num(o.value)));
      expect(compared.length / provisional.length, seed).toBeGreaterThan(0.9); // the comparison covers nearly all of them
      expect(contradicting.map((o: Observation) => `${o.tableRef} L${o.line} ${o.dataYear} ${o.rowLabel} ${o.measure} ${o.value}`), seed).toEqual([]);
    }
  });

  it('figure value labels (2021 图5-5) are rejected bodies, reported with their reason, never tables', () => {
    const { r, lines } = runs.find((x) => x.seed === SEED_2021)!;
    const rejected = r.findings.filter((f) => f.kind === 'unplaced_row' && /^numbers right above the figure caption "图 5-5/.test(f.message));
    expect(rejected.map((f) => f.raw.trim())).toEqual(['2019 2020', '4524', '36 711', '4496', '35 413', '47 466']);
    for (const f of rejected) {
      expect(lines[f.line - 1]).toBe(f.raw);
      expect(r.tables.filter((t) => t.firstLine <= f.line && t.lastLine >= f.line).map((t) => t.tableRef)).toEqual([]);
    }
  });

  it('2018 附表5 and 附表6, with no caption between them, are still two bodies', () => {
    const { r, golden } = runs.find((x) => x.seed === SEED_2018)!;
    const owners = [...provisionalOwners(r, golden)];
    const of = (ref: string) => owners.filter(([, owner]) => owner === ref).map(([p]) => table(r, p));
    const [t5, t6] = [of('附表5'), of('附表6')];
    expect(t5).toHaveLength(1);
    expect(t6).toHaveLength(1);
    expect(t5[0].lastLine).toBeLessThan(t6[0].firstLine);
    expect(t5[0].observationCount).toBe(table(runs.find((x) => x.seed === SEED_2018)!.base, '附表5').observationCount);
    expect(t6[0].observationCount).toBe(table(runs.find((x) => x.seed === SEED_2018)!.base, '附表6').observationCount);
  });

  it('2021 表5-2 is one provisional body across its repeated header too', () => {
    const { r, golden, base } = runs.find((x) => x.seed === SEED_2021)!;
    const mine = [...provisionalOwners(r, golden)].filter(([, owner]) => owner === '表5-2').map(([p]) => table(r, p));
    expect(mine).toHaveLength(1);
    expect(mine[0].observationCount).toBe(table(base, '表5-2').observationCount);
  });
});

describe('captions moved after or away from their bodies', () => {
  /** The (table, year, row label, measure, value) records of the 表/附表 tables of a transform. */
  const records = (r: TransformResult) =>
    new Set(r.observations.filter((o) => /^(附表|表)/.test(o.tableRef)).map((o) => [o.tableRef, o.dataYear, o.rowLabel, o.measure, o.value].join('|')));

  for (const name of ['caption-after', 'caption-detached']) {
    for (const s of seeds) {
      // caption-detached of the 2021 seed moves 表5-10's caption above the paragraph before its
      // header, with a figure caption (图 5-6) between: a figure caption counts as prose on the way.
      it(`${name} of ${s.seed}: the same records of 表/附表 tables as the seed`, async () => {
        const base = records(await read(s.seed, s.lines));
        const moved = records(await read(s.seed, variantLines(name, s)));
        expect([...base].filter((k) => !moved.has(k))).toEqual([]);
        expect([...moved].filter((k) => !base.has(k))).toEqual([]);
      });
    }
  }

  it('caption-after: no table of any seed is provisional', async () => {
    for (const s of seeds) {
      const r = await read(s.seed, variantLines('caption-after', s));
      expect(r.tables.filter((t) => t.reading.caption === 'provisional').map((t) => t.tableRef), s.seed).toEqual([]);
    }
  });
});

describe('a small document written in the reports\' style', () => {
  /** A table body (东北 provinces, outflow and inflow) with no caption, as a report prints one. */
  const BODY = [
    '省份', '',
    '输出技术 吸纳技术', '',
    '合同数/项 成交额/亿元 合同数/项 成交额/亿元', '',
    '辽 宁 14799 385.83 12685 290.99', '',
    '吉 林 7337 219.92 6817 199.37', '',
    '黑龙江 2836 146.71 4188 115.02', '',
    '合 计 24972 752.46 23690 605.38', '',
  ];
  const DOC = [
    '2018 全国技术市场统计年度报告', '',
    '四、东北地区', '',
    '辽宁技术交易总量居东北三省首位，吉林输出与吸纳技术合同成交额大幅提升。', '',
    ...BODY, // L7–L20
    '五、人员构成', '',
    '获得技术经纪人资格的有 4496 人，占总人数的 7.2%（图 5-5）。', '',
    '合 计 24972 752.46', '', // L25: a lone line of numbers
    '从业人员持续增长，中级职称及以上人员同比增长。', '',
    '0 10 000 20 000 30 000 40 000', '/', '', '2019 2020', '', '4524', ' 36 711', '', '4496', '', '35 413', '', // a figure's axis and value labels
    '图 5-5　国家技术转移机构人员构成', '',
  ];

  it('a body without a caption is a provisional table with no evidence, and it still loads its values', async () => {
    const r = await read('synthetic.txt', DOC);
    expect(r.edition).toBe(2018);
    const tables = discovered(r);
    expect(tables.map((t) => [t.tableRef, t.firstLine, t.lastLine, t.reading])).toEqual([['?L7', 7, 19, { caption: 'provisional', score: null, evidence: [] }]]);
    expect(lowConfidenceTables(r.tables)).toEqual(new Set(['?L7']));
    const liaoning = r.observations.filter((o) => o.tableRef === '?L7' && o.rowLabel === '辽宁').map((o) => `${o.columnGroup} ${o.measure} ${o.value}`);
    expect(liaoning).toEqual(['输出技术 contract_count 14799', '输出技术 turnover 385.83', '吸纳技术 contract_count 12685', '吸纳技术 turnover 290.99']);
  });

  it('a captionless table whose measure nothing names loads only when a sentence beside it quotes its figures', async () => {
    const years = ['合计 国有 集体 私营', '', '2004年 32935 9398 6214 4605', '', '2005年 36495 9538 5537 5564', ''];
    const quoted = await read('quoted.txt', ['2018 全国技术市场统计年度报告', '', '2005年，全国共有各类技术贸易机构36495家，其中国有9538家，私营5564家。', '', ...years]);
    expect(quoted.observations.filter((o) => o.tableRef === '?L5').map((o) => `${o.dataYear} ${o.rowLabel} ${o.measure} ${o.value} ${o.unit}`)).toContain('2005 合计 org_count 36495 个');
    const silent = await read('silent.txt', ['2018 全国技术市场统计年度报告', '', '技术贸易机构数量有所增加，私营机构增长较快。', '', ...years]);
    expect(silent.observations.filter((o) => o.tableRef === '?L5')).toEqual([]);
    expect(silent.findings.filter((f) => f.tableRef === '?L5').map((f) => f.message)).toContain('?L5 runs its years down the side, but nothing names what its rows count');
  });

  it('a lone line of numbers and a figure\'s value labels are RejectedBody, not tables', () => {
    const lines = DOC.map((text, i) => classifyLine({ page: null, line: i + 1, text }, i, false));
    attachUnitLines(lines);
    joinLabelLines(lines);
    const { blocks, rejected } = discoverTables(lines);
    expect(blocks.map((b) => b.ref)).toEqual(['?L7']);
    expect(rejected).toHaveLength(2);
    const [lone, labels] = rejected;
    expect(lone.body.map((l) => l.src.line)).toEqual([25]);
    expect(lone.reason).toMatch(/^a lone line of numbers with no header or caption/);
    expect(labels.body.filter((l) => l.kind === 'row' || l.kind === 'values').map((l) => l.src.text.trim())).toEqual(['2019 2020', '4524', '36 711', '4496', '35 413']);
    expect(labels.reason).toMatch(/^numbers right above the figure caption "图 5-5　国家技术转移机构人员构成" with no header/);
  });

  it('the rejected bodies reach the summary as unplaced rows with their reason', async () => {
    const r = await read('synthetic.txt', DOC);
    const unplaced = r.findings.filter((f) => f.kind === 'unplaced_row');
    expect(unplaced.map((f) => f.line)).toEqual([25, 32, 34, 35, 37, 39]);
    expect(unplaced.every((f) => f.tableRef === null)).toBe(true);
  });

  it('a caption that contradicts the body (another region, another year) is refused: provisional, its evidence kept and below ACCEPT_SCORE', async () => {
    const r = await read('synthetic.txt', ['2018 全国技术市场统计年度报告', '', '表 4-4 2005 年西部地区技术交易情况', '', ...BODY]);
    const [t] = discovered(r);
    expect(t.tableRef).toBe('?L5');
    expect(t.reading.caption).toBe('provisional');
    expect(t.reading.score).toBeNull();
    expect(t.reading.evidence.length).toBeGreaterThan(0);
    expect(scoreOf(t.reading.evidence)).toBeLessThan(ACCEPT_SCORE);
    expect(t.reading.evidence.find((e) => e.kind === 'grouping')).toMatchObject({ detail: '0 of 3 regions inside WEST' });
    expect(r.tables.some((x) => x.tableRef === '表4-4')).toBe(false);
  });

  // model.ts TableReading: a provisional table's evidence is "the reasons … behind the best one
  // refused": here the caption right above scores 4 + 1.5 − 5 = 0.5 and the one after the prose 1.9.
  it('a provisional table records the evidence of its best refused caption, not merely the nearest', async () => {
    const r = await read('synthetic.txt', [
      '2018 全国技术市场统计年度报告', '',
      '表 2 2005 年西部地区技术交易情况', '', // right above the body, but the wrong region
      ...BODY, // L5–L18
      '辽宁技术交易总量居东北三省首位，吉林输出与吸纳技术合同成交额大幅提升。', '',
      '表 3 2017 年技术市场发展概况', '', // after the body across one line of prose; no conflict, too weak to accept
    ]);
    const [t] = discovered(r);
    expect(t.reading.caption).toBe('provisional');
    expect(scoreOf(t.reading.evidence)).toBeCloseTo(1.9, 5);
    expect(t.reading.evidence.map((e) => e.detail)).toEqual(['after the last row, across 1 line(s) of prose']);
  });
});
