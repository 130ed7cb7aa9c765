/**
 * The audit run without a warehouse: every source file extracted, transformed and checked
 * (runChecks), then the editions compared with each other (crossEdition) — the same results
 * `etl ingest` stores and `etl check` reads, for scripts/audit-score.ts and the tests on the real
 * seeds. Errors: a file that cannot be extracted (its typed extract error).
 */
import { basename } from 'node:path';
import { crossEdition, readersFor, runChecks, type EditionResult } from '../../src/checks/index.ts';
import { extractSource } from '../../src/extract/index.ts';
import type { CheckResult, Observation } from '../../src/model.ts';
import { lowConfidenceTables } from '../../src/transform/discover/attach-captions.ts';
import { transformDocument } from '../../src/transform/index.ts';
import type { SeedResults } from './attribution.ts';
import { figureLinesOf } from './figure-lines.ts';

/** One source run through the pipeline without loading. */
export interface AuditedSource {
  name: string;
  edition: number | null;
  observations: Observation[];
  results: CheckResult[];
}

/** Runs the checks of each file and the comparison of editions; results per file name. */
export async function auditFiles(paths: readonly string[], tolerance: number | string = 0): Promise<{ sources: AuditedSource[]; seeds: SeedResults[] }> {
  const sources: AuditedSource[] = [];
  for (const path of paths) {
    const doc = await extractSource(path);
    const t = transformDocument(doc);
    sources.push({ name: basename(path), edition: t.edition, observations: t.observations, results: runChecks(t.observations, { tolerance, lowConfidence: lowConfidenceTables(t.tables) }) });
  }
  const editions = crossEdition(sources, readersFor(tolerance));
  const seeds: SeedResults[] = sources.map((s) => {
    const mine = editions.filter((r) => r.inputFiles.includes(s.name));
    return {
      seed: s.name,
      results: [...s.results, ...mine],
      inputsOf: (r: CheckResult) => r.inputs.filter((_, i) => !('inputFiles' in r) || (r as EditionResult).inputFiles[i] === s.name),
      figureLines: figureLinesOf(s.observations),
    };
  });
  return { sources, seeds };
}
