/**
 * Charts whose bare value labels are matched to the table the text cites with them
 * (src/transform/chart-labels.ts), on the real 2021 edition: 图2-6's 13 labels are 附表11's
 * turnover rounded to 0.1; 图2-9's 8 labels are two years of 附表4's four contract types, the
 * latest year matching the table. Edits of the real text that break the rule (no citation, a label
 * that matches no member, labels of mixed precision) must read nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/extract/text.ts';
import type { Observation, SourceDocument } from '../src/model.ts';
import { transformDocument } from '../src/transform/index.ts';
import { FIXTURES } from './helpers/etl-cli.ts';

const SEED = readFileSync(join(FIXTURES, '001_4bcf1cefdaeec81d.txt'), 'utf8');

/** The chart observations of `ref` after transforming `text`. */
function chart(text: string, ref: string): Observation[] {
  const doc: SourceDocument = { sourceId: 'c'.repeat(64), name: 'seed.txt', path: '/seed.txt', kind: 'text', bytes: 0, pages: null, lines: splitLines(text).lines };
  return transformDocument(doc).observations.filter((o) => o.tableRef === ref);
}

describe('chart labels matched to a cited table', () => {
  it('names each label of 图2-6 by the 附表11 member it rounds from', () => {
    const obs = chart(SEED, '图2-6');
    expect(obs).toHaveLength(13);
    const byLabel = new Map(obs.map((o) => [o.rowLabel, o]));
    expect(byLabel.get('社会发展和社会服务')?.value).toBe('6836.4');
    expect(byLabel.get('地球和大气层的探索与利用')?.value).toBe('12.6');
    expect(obs.every((o) => o.dataYear === 2020 && o.measure === 'turnover' && o.unit === '亿元' && o.line === 263)).toBe(true);
    expect(byLabel.get('国防')?.dimensions.socioeconomic_goal).toBeDefined();
  });

  it('reads 图2-9 as two blocks of years, grouped thousands joined, bound to 附表4', () => {
    const obs = chart(SEED, '图2-9');
    const value = (year: number, label: string) => obs.find((o) => o.dataYear === year && o.rowLabel === label)?.value;
    expect(obs).toHaveLength(8);
    expect(value(2019, '技术服务')).toBe('10409.4');
    expect(value(2019, '技术咨询')).toBe('412.3');
    expect(value(2020, '技术服务')).toBe('13431.0');
    expect(value(2020, '技术开发')).toBe('6379.9');
    expect(obs.every((o) => o.dimensions['text.table'] === '附表4')).toBe(true);
  });

  it('reads whole-number labels one token each', () => {
    const whole = SEED.replace('6836.4 4509.3 4366.2 4223.9 2581.4 1646.2 1470.8 1202.9 717.8 426.6 192.3 65.1 12.6', '6836 4509 4366 4224 2581 1646 1471 1203 718 427 192 65 13');
    const obs = chart(whole, '图2-6');
    expect(obs).toHaveLength(13);
    expect(obs.find((o) => o.rowLabel === '工商业发展')?.value).toBe('4224');
  });

  it('reads nothing when the text does not cite a table with the chart', () => {
    expect(chart(SEED.replace(/图 2-6、附表 11/g, '图 2-6'), '图2-6')).toEqual([]);
  });

  it('reads nothing when a label matches no member, or the labels mix precisions', () => {
    expect(chart(SEED.replace('6836.4 4509.3', '6836.9 4509.3'), '图2-6')).toEqual([]);
    expect(chart(SEED.replace('6836.4 4509.3', '6836.4 4509.30'), '图2-6')).toEqual([]);
  });
});
