/**
 * `etl check`: the audit report of what is loaded (src/audit/report.ts), as text or as JSON
 * validated by AuditReportSchema. `--fail-on error` sets exit code 4 (EXIT.checksFailed) when a
 * check fails beyond rounding; `--fail-on warning` also on truncation / nudged shares; revisions
 * between editions never fail a run. Errors: ConfigError, DatabaseUnreachableError (main.ts).
 */
import { auditReport, renderReport } from '../audit/report.ts';
import { EXIT } from './ingest.ts';
import { openConfigured } from './warehouse.ts';

/** Prints the report; with failOn, sets exit code 4 when a failure of that level exists. */
export async function checkCommand(configPath: string, format: 'text' | 'json', failOn: 'error' | 'warning' | 'never'): Promise<void> {
  const { config, warehouse } = await openConfigured(configPath);
  try {
    const report = await auditReport(warehouse.db, config.tolerance);
    console.log(format === 'json' ? JSON.stringify(report, null, 2) : renderReport(report));
    const hit = report.failures.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
    if (failOn !== 'never' && hit) process.exitCode = EXIT.checksFailed;
  } finally {
    await warehouse.close();
  }
}
