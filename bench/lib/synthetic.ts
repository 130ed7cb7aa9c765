/**
 * A synthetic source of any number of observations for the load benchmark: the observations of
 * a real seed (their tables, labels, dimensions and units) repeated in turn, each copy with a
 * value, raw text and line of its own. Strings other than the value are shared between copies,
 * as a real transform's would be within one table.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../src/extract/text.ts';
import type { Observation, SourceDocument, TransformResult } from '../../src/model.ts';
import { transformDocument } from '../../src/transform/index.ts';
import { ROOT } from './measure.ts';

/** The seed whose observations are the templates. */
const TEMPLATE_SEED = join(ROOT, 'fixtures', '001_4bcf1cefdaeec81d.txt');

/** A source of `rows` observations, ready for loadSource. */
export async function syntheticSource(rows: number): Promise<{ doc: Omit<SourceDocument, 'lines'>; result: TransformResult }> {
  const template = transformDocument(await extractText(TEMPLATE_SEED, readFileSync(TEMPLATE_SEED)));
  const sourceId = createHash('sha256').update(`synthetic source of ${rows} observations`).digest('hex');
  const name = `synthetic-${rows}.txt`;
  const doc = { sourceId, name, path: join(ROOT, name), kind: 'text' as const, bytes: rows * 64, pages: null };
  const observations: Observation[] = new Array(rows);
  const base = template.observations;
  for (let i = 0; i < rows; i++) {
    const t = base[i % base.length];
    const value = `${(i * 7919) % 1_000_000}.${String(i % 100).padStart(2, '0')}`;
    observations[i] = { ...t, sourceId, sourceName: name, value, raw: value, decimals: 2, line: i + 1 };
  }
  const tables = template.tables.map((t) => ({ ...t, sourceId }));
  return { doc, result: { edition: template.edition, document: template.document, tables, observations, findings: [], warnings: [] } };
}
