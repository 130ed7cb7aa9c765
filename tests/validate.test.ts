/**
 * transform's last gate (src/transform/validate.ts) on real observations: what the schema
 * refuses becomes an `invalid_observation` finding with its line and printed text, the rest
 * goes on; the real seeds give none.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSource } from '../src/extract/index.ts';
import { transformDocument } from '../src/transform/index.ts';
import { validObservations } from '../src/transform/validate.ts';
import { FIXTURES } from './helpers/etl-cli.ts';

describe('observation validation', async () => {
  const seeds = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'));
  const results = await Promise.all(seeds.map(async (f) => transformDocument(await extractSource(join(FIXTURES, f)))));

  it('finds no invalid observation in the real seeds', () => {
    for (const r of results) expect(r.findings.filter((f) => f.kind === 'invalid_observation')).toEqual([]);
  });

  it('turns an observation the schema refuses into a finding and keeps the others', () => {
    const [a, b, c] = results[0].observations;
    const bad = { ...b, dataYear: 17 };
    const { observations, findings } = validObservations([a, bad, { ...c, rowLabel: '' }], a.sourceId);
    expect(observations).toEqual([a]);
    expect(findings.map((f) => [f.kind, f.line, f.raw])).toEqual([['invalid_observation', b.line, b.raw], ['invalid_observation', c.line, c.raw]]);
    expect(findings[0].message).toMatch(/dataYear/);
    expect(findings[1].message).toMatch(/rowLabel/);
  });
});
