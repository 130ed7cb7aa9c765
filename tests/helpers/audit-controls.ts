/**
 * Negative controls for the audit score (issue 13): "checkers" that compute nothing and flag
 * every line of a seed where a number is printed, at one severity, with every check kind at once
 * (so that no family can save them), each failure citing the numbers printed on its line. Scored
 * like the real checks' results, they must score low: an audit score that a checker computing
 * nothing can reach measures nothing.
 */
import { CHECK_KINDS } from '../../src/checks/index.ts';
import type { CheckResult, Observation } from '../../src/model.ts';
import type { SeedResults } from '../../scripts/audit/attribution.ts';
import type { AuditedSource } from '../../scripts/audit/seeds.ts';
import { toCheckInput } from '../../src/checks/result.ts';

/**
 * The control's results on one seed: per line printing a number, one failure of each check kind
 * at `severity`, citing every number on that line (the first as the printed one). Keeps the
 * seed's figure lines so the control is scored exactly as the checks are.
 */
export function flagEveryLine(source: AuditedSource, real: SeedResults, severity: 'error' | 'warning'): SeedResults {
  const byLine = new Map<number, Observation[]>();
  for (const o of source.observations) byLine.set(o.line, [...(byLine.get(o.line) ?? []), o]);
  const results: CheckResult[] = [...byLine.entries()].flatMap(([line, obs]) =>
    CHECK_KINDS.map((kind) => ({
      sourceId: obs[0].sourceId,
      checkKind: kind,
      tableRef: obs[0].tableRef,
      status: 'fail' as const,
      severity,
      subject: `line ${line}: flagged (${kind})`,
      printed: obs[0].value,
      expectedLow: null,
      expectedHigh: null,
      gap: null,
      message: 'flagged without computing anything',
      inputs: obs.map((o) => toCheckInput({ role: 'printed', obs: o })),
    })),
  );
  return { seed: real.seed, results, figureLines: real.figureLines };
}
