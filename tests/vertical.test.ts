// Rotated (landscape) tables printed one glyph run per line: the real 表5-1 of the 2018 edition
// decodes to its golden rows, and a small table rendered the same way by `renderRotated`
// decodes by the same rules (so they are rules of the layout, not of one table).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../src/extract/index.ts';
import type { SourceLine } from '../src/model.ts';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { tokenizeHeader } from '../src/transform/read/header.ts';
import { findVerticalRuns, nestLowerRow, statedSums, verticalTables } from '../src/transform/charts/vertical.ts';
import { GOLDEN_DIR } from './helpers/golden.ts';
import { parseCsv } from './helpers/parse-csv.ts';

const SEED = '000_94f9f59014649328';
const ctx = { sourceId: 'a'.repeat(64), sourceName: 'synthetic.txt', edition: 2021 };

/** Classified lines of a text given line by line. */
function classified(texts: string[]): ReturnType<typeof classifyLine>[] {
  return texts.map((text, i) => classifyLine({ page: null, line: i + 1, text } as SourceLine, i, false));
}

/** A text as the extractor prints a rotated line of it: CJK one glyph a line, other runs two characters a line. */
function glyphLines(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff\uff00-\uffef（）：]|[^\u3400-\u9fff\uff00-\uffef（）：\s]{1,2}|\s+/g) ?? []) {
    if (/^\s+$/.test(run)) out[out.length - 1] += ' ';
    else out.push(run);
  }
  return out;
}

/** One synthetic table: caption, header cells (each a list of printed lines), rows. */
interface Synthetic {
  caption: string;
  header: string[][];
  /** Cells as printed ("12.34"), null for an empty cell; `unmarked` drops every cell end. */
  rows: { label: string; cells: (string | null)[]; unmarked?: boolean }[];
}

/**
 * Renders a table the way the 2018 edition's rotated 表5-1 comes out of the extractor: the
 * caption and header glyph by glyph with a blank line after each printed line, each row's name
 * glyph by glyph, each cell in runs of two characters from its start, its end marked by a
 * trailing space or by a line holding one space (alternately), an empty cell as U+3000.
 */
function renderRotated(t: Synthetic): string[] {
  const out: string[] = ['以下为横排表格。这一行是正文，足够长，不会被当作竖排的字。', ''];
  out.push(...glyphLines(t.caption), '');
  for (const cell of t.header) for (const printed of cell) out.push(...glyphLines(printed), '');
  let alternate = false;
  for (const row of t.rows) {
    out.push(...[...row.label], '');
    for (const cell of row.cells) {
      if (cell === null) {
        out.push('\u3000');
        continue;
      }
      const frags = cell.match(/.{1,2}/g)!;
      alternate = !alternate;
      frags.forEach((f, i) => {
        const last = i === frags.length - 1;
        out.push(last && alternate && !row.unmarked ? f + ' ' : f);
        if (i % 2 === 1 && !last) out.push('');
      });
      if (!alternate && !row.unmarked) out.push(' ');
      out.push('');
    }
  }
  out.push('', '32 2021年度报告', '这一行又是正文，表格到此结束。');
  return out;
}

/** A small table with two groups, their 小计 (the first printed without cell ends) and the 合计. */
const SMALL: Synthetic = {
  caption: '附表9 2020年各类技术交易机构情况',
  header: [['机构', '类型'], ['机构数', '/个'], ['合同数', '/项'], ['成交额', '/亿元'], ['从业人员', '/人']],
  rows: [
    { label: '甲类机构', cells: ['12', '1034', '56.78', '305'] },
    { label: '乙类机构', cells: ['3', '27', '0.51', null] },
    { label: '丙类机构', cells: ['140', '7', '102.30', '44'] },
    { label: '小计', cells: ['155', '1068', '159.59', '349'], unmarked: true },
    { label: '丁类机构', cells: ['8', '900', '12.00', '60'] },
    { label: '戊类机构', cells: ['1', '11', '3.05', '2'] },
    { label: '小计', cells: ['9', '911', '15.05', '62'] },
    { label: '合计', cells: ['164', '1979', '174.64', '411'] },
  ],
};

describe('rotated tables printed one glyph run per line', () => {
  it('decodes 表5-1 of the 2018 edition to its golden rows', async () => {
    const doc = await extractSource(new URL(`../fixtures/${SEED}.txt`, import.meta.url).pathname);
    const lines = doc.lines.map((l, i) => classifyLine(l, i, false));
    const r = verticalTables(lines, { sourceId: doc.sourceId, sourceName: doc.name, edition: 2018 });
    expect(r.findings).toEqual([]);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ tableRef: '表5-1', tableTitle: '2017年全国重点技术（产权）交易机构情况', tableKind: 'trading_institutions', titleLine: 1155 });
    const golden = parseCsv(readFileSync(join(GOLDEN_DIR, SEED, 'golden.csv'), 'utf8')).filter((g) => g.table_ref === '表5-1');
    expect(golden).toHaveLength(286);
    const ours = new Map(r.observations.map((o) => [`${o.rowLabel}|${o.measure}|${o.line}`, o]));
    let found = 0;
    const wrong: string[] = [];
    for (const g of golden) {
      const o = ours.get(`${g.row_label}|${g.measure}|${g.source_line}`);
      if (!o) continue;
      if (o.value === g.value && o.unit === g.unit && o.dataYear === Number(g.data_year) && o.parentLabel === g.parent_label) found++;
      else wrong.push(`${g.row_label} ${g.measure} line ${g.source_line}: ${o.value} ${o.unit} ≠ ${g.value} ${g.unit}`);
    }
    expect(wrong).toEqual([]);
    expect(found / golden.length).toBeGreaterThanOrEqual(0.95);
    // Nothing beyond the golden rows, and the first 小计 (no cell ends printed) split by the sums.
    expect(r.observations).toHaveLength(found);
    expect(r.observations.filter((o) => o.rowLabel === '小计' && o.line < 2100).map((o) => o.value))
      .toEqual(['10863', '1377917', '919202', '391213', '13076', '663140', '529', '12437', '525']);
    expect(r.observations.find((o) => o.measure === 'turnover')).toMatchObject({ unit: '万元', unitMult: 4, decimals: 0, page: null, raw: '10 52 3' });
    expect(r.used.has(1154) && r.used.has(2678)).toBe(true);
  });

  it('decodes a synthetic rotated table by the same rules, the unmarked 小计 by the sums', () => {
    const texts = renderRotated(SMALL);
    const lines = classified(texts);
    expect(findVerticalRuns(lines)).toHaveLength(1);
    const r = verticalTables(lines, ctx);
    expect(r.findings).toEqual([]);
    expect(r.tables[0]).toMatchObject({ tableRef: '附表9', tableTitle: '2020年各类技术交易机构情况' });
    expect(r.tables[0].columns).toEqual(['||org_count|个', '||contract_count|项', '||turnover|亿元', '||staff_count|人']);
    const got = r.observations.map((o) => `${o.rowLabel} ${o.measure} ${o.value}`);
    const want = SMALL.rows.flatMap((row) => row.cells.flatMap((c, j) => (c === null ? [] : [`${row.label} ${['org_count', 'contract_count', 'turnover', 'staff_count'][j]} ${c}`])));
    expect(got).toEqual(want);
    // Each value's line is the line of its first fragment; amounts keep their printed decimals.
    for (const o of r.observations) expect(o.value.startsWith(texts[o.line - 1].trim().slice(0, 1))).toBe(true);
    expect(r.observations.find((o) => o.rowLabel === '丙类机构' && o.measure === 'turnover')).toMatchObject({ value: '102.30', decimals: 2, unitMult: 8, dataYear: 2020 });
    expect(r.observations.every((o) => o.tableKind === 'trading_institutions')).toBe(true);
  });

  it('reports, and does not guess, a row whose cells no stated sum can separate', () => {
    const noTotals: Synthetic = { ...SMALL, rows: SMALL.rows.map((row) => (row.label === '小计' || row.label === '合计' ? { ...row, label: `${row.label}外` } : row)) };
    const r = verticalTables(classified(renderRotated(noTotals)), ctx);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ kind: 'unplaced_row', tableRef: '附表9' });
    expect(r.findings[0].message).toMatch(/no stated sum/);
    expect(r.observations.filter((o) => o.rowLabel === '小计外')).toHaveLength(4);
    expect(r.observations).toHaveLength(SMALL.rows.flatMap((x) => x.cells).filter((c) => c !== null).length - 4);
  });

  it('takes a caption printed as a normal line above the run', () => {
    const [prose, blank, ...rest] = renderRotated({ ...SMALL, caption: '' });
    const lines = classified([prose, blank, '附表9 2020年各类技术交易机构情况', ...rest]);
    const r = verticalTables(lines, ctx);
    expect(r.findings).toEqual([]);
    expect(r.tables[0]).toMatchObject({ tableRef: '附表9', titleLine: 3 });
    expect(r.observations).toHaveLength(SMALL.rows.flatMap((x) => x.cells).filter((c) => c !== null).length);
    expect(r.used.has(2)).toBe(true);
  });

  it('continues a table across runs marked 续表', () => {
    const first = renderRotated({ ...SMALL, rows: SMALL.rows.slice(0, 4) });
    const rest = renderRotated({ ...SMALL, caption: '续表', rows: SMALL.rows.slice(4) });
    const r = verticalTables(classified([...first, ...rest]), ctx);
    expect(r.findings).toEqual([]);
    expect(r.tables).toHaveLength(1);
    expect(r.observations.filter((o) => o.rowLabel === '小计')).toHaveLength(8);
  });

  it('finds no rotated table in the other editions', async () => {
    for (const seed of ['001_4bcf1cefdaeec81d', '003_c23a70392e796f35']) {
      const doc = await extractSource(new URL(`../fixtures/${seed}.txt`, import.meta.url).pathname);
      expect(findVerticalRuns(doc.lines.map((l, i) => classifyLine(l, i, false)))).toEqual([]);
    }
  });

  it('states the sums of 小计 and 合计 rows, printed after or before their parts', () => {
    expect(statedSums(['a', 'b', '小计', 'c', '小计', '合计'])).toEqual([
      { total: 2, parts: [0, 1] }, { total: 4, parts: [3] }, { total: 5, parts: [2, 4] },
    ]);
    expect(statedSums(['合计', 'a', 'b'])).toEqual([{ total: 0, parts: [1, 2] }]);
  });

  it('puts the lower header row under the upper cell of its concept', () => {
    const nested = nestLowerRow(tokenizeHeader('合同数/项成交金额/万元从业人员/人总金额其中：促成国际技术转移项目成交金额'));
    expect(nested?.unit).toBe('万元');
    expect(nested?.tokens.filter((t) => t.t === 'M').map((t) => (t as { unit: string | null }).unit)).toEqual(['项', null, '人', null, null]);
  });
});
