/**
 * The layout variants of the seeds (scripts/variants/: captions moved after or away from their
 * bodies, removed or overprinted, spaced refs and labels, other title forms, traditional
 * script, wrapped labels, labels on their own line, full-width digits, grouped thousands,
 * headers printed down, tables broken by page furniture or 续表) are read as the seeds are:
 * every golden value found (recall) and nothing else filed under a golden table (precision),
 * in-process, without a database. A variant without captions is scored after its provisional
 * references are mapped to the golden table they match (they are provisional by design). Every
 * variant of every seed is still classified a report (issue 14: src/transform/discover/document-kind.ts).
 */
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/extract/text.ts';
import { transformDocument } from '../src/transform/index.ts';
import { loadSeeds, VARIANTS } from '../scripts/variants/index.ts';
import { mapProvisional, readScore } from './helpers/read-score.ts';

const seeds = loadSeeds();

/** Recall and precision of one variant over all seeds, and what each seed's variant was classified as. */
async function scoreVariant(make: (typeof VARIANTS)[number]['make']): Promise<{ recall: number; precision: number; wrong: number; kinds: string[] }> {
  let [golden, found, exported, wrong] = [0, 0, 0, 0];
  const kinds: string[] = [];
  for (const seed of seeds) {
    const text = make(seed.lines, seed.golden).join('\n');
    const result = transformDocument(await extractText(seed.seed, Buffer.from(text)));
    const s = readScore(mapProvisional(result.observations, seed.golden), seed.golden);
    golden += s.golden;
    found += s.found;
    exported += s.exported;
    wrong += s.wrong;
    kinds.push(result.document.kind);
  }
  return { recall: found / golden, precision: found / exported, wrong, kinds };
}

describe('layout variants of the seeds', () => {
  it('the seeds themselves', async () => {
    const s = await scoreVariant((lines) => [...lines]);
    expect(s.recall).toBeGreaterThanOrEqual(0.995);
    expect(s.precision).toBeGreaterThanOrEqual(0.999);
  });
  for (const v of VARIANTS) {
    it(`${v.name}: ${v.description}`, async () => {
      const s = await scoreVariant(v.make);
      // Wrong values are what a reader must not produce; the few left are rows whose cells a
      // space may group or separate (4-digit grouping, a city without ranks: "4 865").
      expect(s.wrong).toBeLessThanOrEqual(10);
      expect(s.precision).toBeGreaterThanOrEqual(0.995);
      expect(s.recall).toBeGreaterThanOrEqual(0.97);
      expect(s.kinds).toEqual(seeds.map(() => 'report'));
    });
  }
});
