/** Interval arithmetic on exact decimals and the reading of printed values (src/checks/interval.ts, reading.ts). */
import { describe, expect, it } from 'vitest';
import { add, Dec, div, excess, formatBound, gap, intersects, interval, mul, point, scale, sub, sum } from '../src/checks/interval.ts';
import { makeReader } from '../src/checks/reading.ts';
import type { Observation } from '../src/model.ts';

/** A printed value as an observation (only the fields the reader looks at matter). */
function printed(value: string, unit = 'CNY', unitMult = 8): Observation {
  return {
    sourceId: '0'.repeat(64),
    sourceName: 'x.txt',
    edition: null,
    tableRef: '表1',
    tableTitle: '',
    tableKind: 'test',
    dataYear: 2020,
    rowLabel: 'r',
    parentLabel: '',
    columnGroup: '',
    dimensions: {},
    measure: 'turnover',
    value,
    decimals: value.includes('.') ? value.split('.')[1].length : 0,
    unit,
    unitMult,
    obsStatus: '',
    footnotes: '',
    page: null,
    line: 1,
    raw: value,
  };
}

const s = (d: { toString(): string }) => d.toString();

describe('interval arithmetic', () => {
  it('adds decimals exactly: 0.1 + 0.2 = 0.3', () => {
    const r = add(point('0.1'), point('0.2'));
    expect(s(r.lo)).toBe('0.3');
    expect(s(r.hi)).toBe('0.3');
    expect(r.lo.eq('0.3')).toBe(true);
  });

  it('sums three values rounded to 2 decimals into [Σ − 0.015, Σ + 0.015]', () => {
    const round = makeReader('round');
    const total = sum(['1.01', '2.02', '3.03'].map((v) => round.read(printed(v))));
    expect(s(total.lo)).toBe('6.045');
    expect(s(total.hi)).toBe('6.075');
    expect(intersects(total, round.read(printed('6.07')))).toBe(true);
    expect(intersects(total, round.read(printed('6.08')))).toBe(true); // touches at 6.075
    expect(intersects(total, round.read(printed('6.09')))).toBe(false);
    expect(s(gap(total, round.read(printed('6.09'))))).toBe('0.01');
  });

  it('subtracts, multiplies and scales with the right bounds', () => {
    const a = interval('1', '2');
    const b = interval('-3', '4');
    expect([s(sub(a, b).lo), s(sub(a, b).hi)]).toEqual(['-3', '5']);
    expect([s(mul(a, b).lo), s(mul(a, b).hi)]).toEqual(['-6', '8']);
    expect([s(scale(a, 100).lo), s(scale(a, 100).hi)]).toEqual(['100', '200']);
  });

  it('divides with outward rounding, and refuses a divisor that may be 0', () => {
    const third = div(point(1), point(3))!;
    expect(third.lo.times(3).lte(1)).toBe(true);
    expect(third.hi.times(3).gte(1)).toBe(true);
    expect(third.hi.minus(third.lo).lt(new Dec('1e-45'))).toBe(true);
    expect(div(point(1), interval('-0.5', '0.5'))).toBeNull();
  });

  it('measures gaps and excesses', () => {
    expect(s(gap(interval(1, 2), interval(5, 6)))).toBe('3');
    expect(s(gap(interval(5, 6), interval(1, 2)))).toBe('3');
    expect(s(gap(interval(1, 5), interval(2, 3)))).toBe('0');
    expect(s(excess(interval(5, 6), interval(1, 2)))).toBe('3');
    expect(s(excess(interval(1, 2), interval(5, 6)))).toBe('0');
  });

  it('formats bounds outward', () => {
    expect(formatBound(new Dec('1.23456'), 3, 'lo')).toBe('1.234');
    expect(formatBound(new Dec('1.23456'), 3, 'hi')).toBe('1.235');
    expect(formatBound(new Dec('6.0450'), 3, 'lo')).toBe('6.045');
  });

  it('rejects an empty interval', () => {
    expect(() => interval(2, 1)).toThrow(/above/);
  });
});

describe('reading printed values', () => {
  const round = makeReader('round');
  const truncate = makeReader('truncate');

  it('reads an amount as ± half a unit of its last digit', () => {
    const r = round.read(printed('13424.22'));
    expect([s(r.lo), s(r.hi)]).toEqual(['13424.215', '13424.225']);
    const one = round.read(printed('2.0'));
    expect([s(one.lo), s(one.hi)]).toEqual(['1.95', '2.05']);
  });

  it('reads counts of things as exact, but not counts with a multiplier or decimals', () => {
    expect(s(round.read(printed('367586', '项', 0)).hi)).toBe('367586');
    expect(s(round.read(printed('81', '位', 0)).lo)).toBe('81');
    expect(s(round.read(printed('76', '人', 4)).lo)).toBe('75.5'); // 万人 is a rounded amount
    expect(s(round.read(printed('76.80', '人', 0)).lo)).toBe('76.795');
  });

  it('converts between multipliers (亿元 → 万元)', () => {
    const r = round.read(printed('1.23'), 4);
    expect([s(r.lo), s(r.hi)]).toEqual(['12250', '12350']);
  });

  it('reads truncated values toward zero', () => {
    const pos = truncate.read(printed('14.28', 'percent', 0));
    expect([s(pos.lo), s(pos.hi)]).toEqual(['14.28', '14.29']);
    const neg = truncate.read(printed('-4.63', 'percent', 0));
    expect([s(neg.lo), s(neg.hi)]).toEqual(['-4.64', '-4.63']);
    const zero = truncate.read(printed('0.0', 'percent', 0));
    expect([s(zero.lo), s(zero.hi)]).toEqual(['-0.1', '0.1']);
  });

  it('widens by a tolerance in last-digit units, never a count', () => {
    const loose = makeReader('round', 1);
    const r = loose.read(printed('1.00'));
    expect([s(r.lo), s(r.hi)]).toEqual(['0.985', '1.015']);
    expect(s(loose.read(printed('5', '项', 0)).lo)).toBe('5');
    expect(() => makeReader('round', -1)).toThrow(/negative/);
  });
});
