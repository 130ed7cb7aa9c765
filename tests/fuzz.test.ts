/**
 * Issue 5, parsers under fuzz: lines of the real seeds (and of the PDF fixtures' text twins,
 * which carry TABs) are mutated at random — characters inserted, deleted, swapped or replaced,
 * from an alphabet of digits, spaces, TABs, U+3000, full-width forms, minus and percent signs,
 * decimal points, footnote markers and table words — and pushed through the line classifier,
 * table finding and parsing, and the whole transform. Nothing may throw (transform has no typed
 * error of its own: any exception is a bug), every observation must be valid and point at a line
 * of the document. The bytes of a seed, damaged at random, go through text extraction, which may
 * only refuse them with its own typed errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/extract/decode.ts';
import { SourceError } from '../src/extract/source-errors.ts';
import { splitLines } from '../src/extract/text.ts';
import { ObservationSchema, type SourceDocument, type SourceLine } from '../src/model.ts';
import { transformDocument } from '../src/transform/index.ts';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { discoverTables } from '../src/transform/discover/attach-captions.ts';
import { parseTable } from '../src/transform/read/table.ts';
import { FIXTURES } from './helpers/etl-cli.ts';

/** Every non-blank line of the seeds and of the PDF text twins. */
const SEED_TEXTS = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => join(FIXTURES, f)),
  ...readdirSync(join(FIXTURES, 'pdf')).filter((f) => f.endsWith('.txt')).map((f) => join(FIXTURES, 'pdf', f)),
].map((path) => readFileSync(path, 'utf8').split('\n'));

/** What the fuzzer inserts: the characters that decide how a line is read. */
const ALPHABET = [
  ...'0123456789', ' ', '  ', '\t', '\u3000', '\u00a0', ...'０１２３４５６７８９', '．', '，', '－', '−', '—', '-', '.', ',', '%', '％',
  '（', '）', '(', ')', 'a', 'b', '①', '*', '表', '附表', '续表', '图', '合计', '其中：', '单位：亿元', '年', '项', '亿元', '万元', '北 京', '2020',
  ...'ＡＢＣａｂｃ！＃＆＊＋／：；＜＝＞？＠［＼］＾＿｛｜｝～',
];

/** One edit of a line. */
type Edit = { op: 'insert' | 'replace'; at: number; text: string } | { op: 'delete' | 'swap'; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), text: fc.constantFrom(...ALPHABET) }),
  fc.record({ op: fc.constantFrom('delete' as const, 'swap' as const), at: fc.nat() }),
);

/** Applies an edit to a line (positions wrap around the line's length, by code point). */
function apply(line: string, e: Edit): string {
  const chars = [...line];
  const at = chars.length ? e.at % (chars.length + (e.op === 'insert' ? 1 : 0)) : 0;
  if (e.op === 'insert') chars.splice(at, 0, e.text);
  else if (e.op === 'replace') chars.splice(at, 1, e.text);
  else if (e.op === 'delete') chars.splice(at, 1);
  else if (at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
  return chars.join('');
}

/** A window of `size` lines of one seed with edits applied to random lines of it. */
const mutatedWindow = (size: number) =>
  fc
    .record({
      seed: fc.nat({ max: SEED_TEXTS.length - 1 }),
      start: fc.nat(),
      edits: fc.array(fc.record({ line: fc.nat(), edit }), { minLength: 1, maxLength: 40 }),
    })
    .map(({ seed, start, edits }) => {
      const all = SEED_TEXTS[seed];
      const from = start % Math.max(1, all.length - size);
      const lines = all.slice(from, from + size);
      for (const { line, edit: e } of edits) lines[line % lines.length] = apply(lines[line % lines.length], e);
      return lines;
    });

/** A SourceDocument of `texts`, numbered from 1, as the text extractor makes it. */
function documentOf(texts: string[]): SourceDocument {
  const lines: SourceLine[] = texts.map((text, i) => ({ page: null, line: i + 1, text }));
  return { sourceId: 'f'.repeat(64), name: 'fuzz.txt', path: '/fuzz.txt', kind: 'text', bytes: 0, pages: null, lines };
}

describe('fuzz: mutated seed lines', () => {
  it('classifyLine, discoverTables and parseTable never throw', () => {
    fc.assert(
      fc.property(mutatedWindow(120), fc.boolean(), (texts, traditional) => {
        const lines = documentOf(texts).lines.map((l, i) => classifyLine(l, i, traditional));
        for (const block of discoverTables(lines).blocks) {
          const parsed = parseTable(block, { sourceId: 'f'.repeat(64), sourceName: 'fuzz.txt', edition: 2021 });
          for (const f of parsed.findings) expect(f.line).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('transformDocument never throws, and every observation is valid and points at a line of the document', () => {
    fc.assert(
      fc.property(mutatedWindow(300), (texts) => {
        const doc = documentOf(texts);
        const result = transformDocument(doc);
        for (const o of result.observations) {
          expect(ObservationSchema.safeParse(o).success).toBe(true);
          expect(o.line).toBeGreaterThanOrEqual(1);
          expect(o.line).toBeLessThanOrEqual(texts.length);
        }
        for (const f of result.findings) expect(f.line).toBeLessThanOrEqual(texts.length);
      }),
      { numRuns: 150 },
    );
  });

  it('damaged bytes of a seed are decoded or refused with the extractor\'s own typed errors, never anything else', () => {
    const bytes = readFileSync(join(FIXTURES, '003_c23a70392e796f35.txt'));
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }), (damage) => {
        const damaged = Buffer.from(bytes);
        for (const { at, byte } of damage) damaged[at] = byte;
        try {
          const { text } = decodeText('damaged.txt', damaged);
          transformDocument({ ...documentOf([]), lines: splitLines(text).lines });
        } catch (error) {
          expect(error).toBeInstanceOf(SourceError);
        }
      }),
      { numRuns: 60 },
    );
  });
});
