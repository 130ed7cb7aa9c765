// Property tests of the number parser and the row splitter (fast-check), plus the reports' own
// printed forms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeCells } from '../src/transform/read/cells.ts';
import type { Column } from '../src/transform/read/header.ts';
import { isMalformedNumber, parseCell, parseNumberToken } from '../src/transform/normalize/numbers.ts';

/** Prints a decimal the way the reports do: thousands grouped by spaces, optionally full-width. */
function printGrouped(int: bigint, frac: string, fullWidth: boolean, minus: string): string[] {
  const digits = (int < 0n ? -int : int).toString();
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  groups[groups.length - 1] += frac ? '.' + frac : '';
  if (int < 0n) groups[0] = minus + groups[0];
  return fullWidth ? groups.map((g) => g.replace(/[0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))) : groups;
}

describe('number cells', () => {
  it('parses the printed forms of the reports', () => {
    expect(parseCell(['28', '251.5a'])).toMatchObject({ value: '28251.5', decimals: 1, footnote: 'a' });
    expect(parseCell(['1', '015', '986.2'])).toMatchObject({ value: '1015986.2' });
    expect(parseNumberToken('－61.78%')).toMatchObject({ value: '-61.78', percent: true });
    expect(parseNumberToken('２.０')).toMatchObject({ value: '2.0', decimals: 1 });
    expect(parseCell(['—'])).toEqual({ kind: 'null', raw: '—' });
    expect(parseCell(['\u3000'])).toEqual({ kind: 'null', raw: '\u3000' });
    expect(parseCell(['84', '45'])).toBeNull();
    expect(parseCell(['084'])).toBeNull();
    expect(parseCell(['5695.3', '100'])).toBeNull();
  });

  it('every number printed in the reports\' styles parses back exactly', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.stringMatching(/^(\d{1,4})?$/),
        fc.boolean(),
        fc.constantFrom('-', '－', '−'),
        (int, frac, fullWidth, minus) => {
          const tokens = printGrouped(int, frac, fullWidth, minus);
          const cell = parseCell(tokens);
          const expected = (int < 0n ? '-' : '') + (int < 0n ? -int : int).toString() + (frac ? '.' + frac : '');
          expect(cell).toMatchObject({ kind: 'number', value: expected, decimals: frac.length });
        },
      ),
    );
  });
});

describe('spoilt number cells', () => {
  it('knows the slips from the names, ranges and list numbers of the reports', () => {
    for (const t of ['8l311', '677.7x4', '1033..08', '10#33.08', '#81311', '#-9.20', '－l4.47', '4486.89x', '2.61%f', '1x', '1,,0']) {
      expect(isMalformedNumber(t), t).toBe(true);
      expect(parseCell([t]), t).toEqual({ kind: 'malformed', raw: t });
    }
    for (const t of ['28251.5a', '1.', '3.1.2', '2019—2020', '5-1', 'G20', 'PM2.5', 'H7N9', 'COVID-19', '·10', '北京', '14）。', '1/16']) {
      expect(isMalformedNumber(t), t).toBe(false);
    }
    expect(parseCell(['28', '25l.5'])).toEqual({ kind: 'malformed', raw: '28 25l.5' });
  });

  it('a letter or stray symbol inside any printed number spoils it, and a valid number never is spoilt', () => {
    const number = fc.tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.stringMatching(/^\d{0,3}$/)).map(([int, frac]) => `${int}${frac ? '.' + frac : ''}`);
    fc.assert(
      fc.property(number, fc.nat(), fc.constantFrom(...'lOoIxSB#?~@$&'), (printed, at, slip) => {
        expect(isMalformedNumber(printed)).toBe(false);
        const digits = [...printed].flatMap((c, i) => (i > 0 && /\d/.test(c) && /\d/.test(printed[i - 1]) ? [i] : []));
        fc.pre(digits.length > 0);
        const i = digits[at % digits.length];
        expect(isMalformedNumber(printed.slice(0, i) + slip + printed.slice(i))).toBe(true);
      }),
    );
  });
});

describe('row splitter', () => {
  const shapes: Column['shape'][] = ['count', 'amount', 'percent', 'rank', 'any'];
  it('never loses or invents a digit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...shapes), { minLength: 1, maxLength: 10 }),
        (cells, colShapes) => {
          const tokens = cells.flatMap(([n, d]) => printGrouped(BigInt(n), d ? '5'.repeat(d) : '', false, '-'));
          const columns: Column[] = colShapes.map((shape) => ({ year: null, group: '', measure: 'x', unit: null, shape }));
          const placed = placeCells(tokens, columns);
          if (!placed) return;
          const digits = (s: string) => s.replace(/\D/g, '');
          expect(placed.map((p) => (p.cell.kind === 'number' ? digits(p.cell.value) : '')).join('')).toBe(digits(tokens.join('')));
          expect(new Set(placed.map((p) => p.column)).size).toBe(placed.length);
        },
      ),
    );
  });

  it('resolves thousands groups against the columns', () => {
    const col = (shape: Column['shape']): Column => ({ year: null, group: '', measure: 'x', unit: null, shape });
    const cols = [col('count'), col('amount'), col('rank'), col('count'), col('amount'), col('rank')];
    const placed = placeCells('83 171 5695.3 1 84 451 6316.2 1'.split(' '), cols)!;
    expect(placed.map((p) => (p.cell.kind === 'number' ? p.cell.value : null))).toEqual(['83171', '5695.3', '1', '84451', '6316.2', '1']);
    const city = placeCells('125 1.6 365 3.3'.split(' '), cols)!;
    expect(city.map((p) => p.column)).toEqual([0, 1, 3, 4]);
  });
});
