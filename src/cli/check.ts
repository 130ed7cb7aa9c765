/** `etl check`: the audit report of what is loaded, as text or JSON. */
import { auditReport, renderReport } from '../audit/report.ts';
import { EXIT } from './ingest.ts';
import { openConfigured } from './warehouse.ts';

/** Prints the report; with failOn, sets exit code 4 when a failure of that level exists. */
export async function checkCommand(configPath: string, format: 'text' | 'json', failOn: 'error' | 'warning' | 'never'): Promise<void> {
  const { warehouse } = await openConfigured(configPath);
  try {
    const report = await auditReport(warehouse.db);
    console.log(format === 'json' ? JSON.stringify(report, null, 2) : renderReport(report));
    const hit = report.failures.some((f) => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
    if (failOn !== 'never' && hit) process.exitCode = EXIT.checksFailed;
  } finally {
    await warehouse.close();
  }
}
