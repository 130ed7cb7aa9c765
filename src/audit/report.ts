/**
 * The audit report `etl check` prints: every check that fails (beyond rounding, or explained by
 * truncation / a share nudged to 100) and every row or cell transform could not place, grouped
 * by source and table, each number with the file and line it was printed on. The JSON form is
 * validated by `AuditReportSchema` (documented in README "Audit report").
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { WarehouseSchema } from '../load/schema.ts';

const Location = z.object({ file: z.string(), line: z.number().int().positive(), page: z.number().int().nullable() });

/** One failing check: its kind, severity, the arithmetic, and where each number stands. */
export const AuditFindingSchema = z.object({
  file: z.string(),
  tableRef: z.string(),
  kind: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  subject: z.string(),
  message: z.string(),
  printed: z.string().nullable(),
  expectedLow: z.string().nullable(),
  expectedHigh: z.string().nullable(),
  gap: z.string().nullable(),
  numbers: z.array(Location.extend({ role: z.string(), label: z.string(), measure: z.string(), year: z.number().int(), value: z.string() })),
});

/** Something transform could not place: a row, a cell, a table whose header it did not read. */
export const UnplacedSchema = Location.extend({ tableRef: z.string().nullable(), kind: z.string(), message: z.string(), raw: z.string() });

/** The whole report of `etl check --format json`. */
export const AuditReportSchema = z.object({
  checks: z.object({ passed: z.number().int(), failed: z.number().int(), warnings: z.number().int(), skipped: z.number().int() }),
  failures: z.array(AuditFindingSchema),
  unplaced: z.array(UnplacedSchema),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** Reads the report from the warehouse (current loads only). */
export async function auditReport(db: Kysely<WarehouseSchema>): Promise<AuditReport> {
  const current = db.selectFrom('sources').select(['source_id', 'name', 'current_load_id']).where('current_load_id', 'is not', null);
  const counts = await db
    .selectFrom('check_results as c')
    .innerJoin(current.as('s'), (j) => j.onRef('s.source_id', '=', 'c.source_id').onRef('s.current_load_id', '=', 'c.load_id'))
    .select(['c.status', 'c.severity', db.fn.countAll<string>().as('n')])
    .groupBy(['c.status', 'c.severity'])
    .execute();
  const n = (status: string, sev?: string) => counts.filter((c) => c.status === status && (!sev || c.severity === sev)).reduce((a, c) => a + Number(c.n), 0);
  const fails = await db
    .selectFrom('check_results as c')
    .innerJoin(current.as('s'), (j) => j.onRef('s.source_id', '=', 'c.source_id').onRef('s.current_load_id', '=', 'c.load_id'))
    .select(['s.name', 'c.table_ref', 'c.check_kind', 'c.severity', 'c.subject', 'c.message', 'c.printed', 'c.expected_low', 'c.expected_high', 'c.gap', 'c.inputs'])
    .where('c.status', '=', 'fail')
    .orderBy('s.name').orderBy('c.check_id')
    .execute();
  const unplaced = await db
    .selectFrom('findings as f')
    .innerJoin(current.as('s'), (j) => j.onRef('s.source_id', '=', 'f.source_id').onRef('s.current_load_id', '=', 'f.load_id'))
    .select(['s.name', 'f.table_ref', 'f.kind', 'f.line', 'f.page', 'f.message', 'f.raw'])
    .orderBy('s.name').orderBy('f.line')
    .execute();
  return AuditReportSchema.parse({
    checks: { passed: n('pass'), failed: n('fail', 'error'), warnings: n('fail') - n('fail', 'error'), skipped: n('skipped') },
    failures: fails.map((f) => ({
      file: f.name, tableRef: f.table_ref, kind: f.check_kind, severity: f.severity, subject: f.subject, message: f.message,
      printed: f.printed, expectedLow: f.expected_low, expectedHigh: f.expected_high, gap: f.gap,
      numbers: f.inputs.map((i) => ({ file: f.name, line: i.line, page: i.page, role: i.role, label: i.rowLabel, measure: i.measure, year: i.dataYear, value: i.value })),
    })),
    unplaced: unplaced.map((u) => ({ file: u.name, line: u.line, page: u.page, tableRef: u.table_ref, kind: u.kind, message: u.message, raw: u.raw })),
  });
}

/** The report as text: failures grouped by file and table, each number as file:line. */
export function renderReport(r: AuditReport): string {
  const out: string[] = [];
  let group = '';
  for (const f of r.failures) {
    const g = `${f.file} ${f.tableRef}`;
    if (g !== group) out.push('', `== ${g}`);
    group = g;
    out.push(`  [${f.severity}] ${f.kind}: ${f.message}`);
    for (const x of f.numbers) out.push(`      ${x.role} ${x.label} ${x.measure} ${x.year} = ${x.value}  (${x.file}:${x.line})`);
  }
  if (r.unplaced.length) out.push('', '== not placed by transform');
  for (const u of r.unplaced) out.push(`  ${u.file}:${u.line} ${u.tableRef ?? ''} ${u.kind}: ${u.message}`);
  out.push('', `checks: ${r.checks.passed} passed, ${r.checks.failed} beyond rounding, ${r.checks.warnings} warnings (truncation / share nudged), ${r.checks.skipped} skipped; ${r.unplaced.length} unplaced`);
  return out.join('\n');
}
