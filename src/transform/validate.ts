/**
 * The last gate of transform: every observation is checked against ObservationSchema (zod). One
 * that fails (a figure read with a year no observation may carry, an empty label …) is not
 * loaded and not lost either: it becomes an `invalid_observation` finding with its table, line
 * and printed text, and the rest of the source goes on. On the seeds there is none (tests).
 */
import { ObservationSchema, type Finding, type Observation } from '../model.ts';

/** `candidates` that satisfy the schema (as parsed), and a finding for each one that does not. */
export function validObservations(candidates: readonly Observation[], sourceId: string): { observations: Observation[]; findings: Finding[] } {
  const observations: Observation[] = [];
  const findings: Finding[] = [];
  for (const o of candidates) {
    const parsed = ObservationSchema.safeParse(o);
    if (parsed.success) {
      observations.push(parsed.data);
      continue;
    }
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'observation'}: ${i.message}`).join('; ');
    findings.push({
      sourceId, kind: 'invalid_observation', tableRef: o.tableRef || null, line: o.line, page: o.page,
      message: `${o.tableRef} "${o.rowLabel}" ${o.measure} ${o.dataYear}: not a valid observation (${why})`, raw: o.raw,
    });
  }
  return { observations, findings };
}
