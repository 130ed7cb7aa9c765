/**
 * The audit report `etl check` prints (issue 4, DESIGN.md "Checks"): every check that fails beyond
 * rounding (error), every one explained by truncation or a share nudged to 100 (warning), every
 * revision between editions (cross_edition, info), every check that could not be evaluated
 * (skipped, with its reason), and every row or cell transform could not place — grouped by file
 * and table, each number with the file and line it was printed on.
 *
 * JSON form (`etl check --format json`), validated by `AuditReportSchema` before it is printed:
 * - `checks`: counts { passed, failed (errors), warnings, revisions, skipped };
 * - `failures[]`: { file, tableRef, kind, severity, subject, message (the arithmetic spelled out),
 *   printed, expectedLow, expectedHigh, gap (exact decimal strings or null), numbers[] } where each
 *   number is { file, line, page, role, label, measure, year, value } — file is the source file's
 *   name, so a revision names both editions' files;
 * - `skipped[]`: { file, tableRef, kind, subject, reason, numbers[] };
 * - `unplaced[]`: { file, line, page, tableRef, kind, message, raw }.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { crossEdition, readersFor, type EditionResult } from '../checks/index.ts';
import type { CheckInput, CheckResult } from '../model.ts';
import type { WarehouseSchema } from '../load/schema.ts';
import { storedFindings, storedResults, storedSources } from './warehouse-reads.ts';

const Location = z.object({ file: z.string().min(1), line: z.number().int().positive(), page: z.number().int().nullable() });
const Exact = z.string().regex(/^-?\d+(\.\d+)?$/);

/** One number that took part in a check, where it was printed. */
export const AuditNumberSchema = Location.extend({ role: z.string(), label: z.string(), measure: z.string(), year: z.number().int(), value: Exact });

/** One failing check (error, warning) or revision (info): its kind, the arithmetic, and its numbers. */
export const AuditFindingSchema = z.object({
  file: z.string().min(1),
  tableRef: z.string(),
  kind: z.string(),
  severity: z.enum(['error', 'warning', 'review', 'info']),
  subject: z.string(),
  message: z.string(),
  printed: Exact.nullable(),
  expectedLow: Exact.nullable(),
  expectedHigh: Exact.nullable(),
  gap: Exact.nullable(),
  numbers: z.array(AuditNumberSchema).min(1),
});
export type AuditFinding = z.infer<typeof AuditFindingSchema>;

/** A check that could not be evaluated, with the reason (never counted as passed). */
export const SkippedCheckSchema = z.object({
  file: z.string().min(1),
  tableRef: z.string(),
  kind: z.string(),
  subject: z.string(),
  reason: z.string().min(1),
  numbers: z.array(AuditNumberSchema),
});

/** Something transform could not place: a row, a cell, a table whose header it did not read. */
export const UnplacedSchema = Location.extend({ tableRef: z.string().nullable(), kind: z.string(), message: z.string(), raw: z.string() });

/** The whole report of `etl check --format json`. */
export const AuditReportSchema = z.object({
  checks: z.object({
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    /** Failures beyond rounding on a table read with low confidence (severity review). */
    review: z.number().int().nonnegative(),
    warnings: z.number().int().nonnegative(),
    revisions: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
  failures: z.array(AuditFindingSchema),
  skipped: z.array(SkippedCheckSchema),
  unplaced: z.array(UnplacedSchema),
});
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** A check result with the file of each input (a stored result: all in its own source's file). */
interface Located {
  file: string;
  result: Pick<CheckResult, 'tableRef' | 'checkKind' | 'status' | 'severity' | 'subject' | 'message' | 'printed' | 'expectedLow' | 'expectedHigh' | 'gap' | 'inputs'>;
  inputFiles: string[];
}

/** The numbers of a result, each with its file. */
function numbers(inputs: CheckInput[], files: string[]): AuditReport['failures'][number]['numbers'] {
  return inputs.map((i, k) => ({ file: files[k], line: i.line, page: i.page, role: i.role, label: i.rowLabel, measure: i.measure, year: i.dataYear, value: i.value }));
}

/**
 * Builds the report from results (stored ones and cross-edition ones) and unplaced rows; validates
 * it with AuditReportSchema (throws a ZodError on a programming error).
 */
export function buildReport(results: Located[], unplaced: AuditReport['unplaced']): AuditReport {
  const count = (f: (r: Located['result']) => boolean) => results.filter((x) => f(x.result)).length;
  const failures = results.filter((x) => x.result.status === 'fail');
  const skipped = results.filter((x) => x.result.status === 'skipped');
  return AuditReportSchema.parse({
    checks: {
      passed: count((r) => r.status === 'pass'),
      failed: count((r) => r.status === 'fail' && r.severity === 'error'),
      review: count((r) => r.status === 'fail' && r.severity === 'review'),
      warnings: count((r) => r.status === 'fail' && r.severity === 'warning'),
      revisions: count((r) => r.status === 'fail' && r.severity === 'info'),
      skipped: skipped.length,
    },
    failures: failures.map(({ file, result: r, inputFiles }) => ({
      file, tableRef: r.tableRef, kind: r.checkKind, severity: r.severity, subject: r.subject, message: r.message,
      printed: r.printed, expectedLow: r.expectedLow, expectedHigh: r.expectedHigh, gap: r.gap, numbers: numbers(r.inputs, inputFiles),
    })),
    skipped: skipped.map(({ file, result: r, inputFiles }) => ({
      file, tableRef: r.tableRef, kind: r.checkKind, subject: r.subject, reason: r.message.replace(/^skipped: /, ''), numbers: numbers(r.inputs, inputFiles),
    })),
    unplaced,
  });
}

/** The results of the comparison of editions, located. */
export function locateEditionResults(results: EditionResult[]): Located[] {
  return results.map((r) => ({ file: r.inputFiles[r.inputFiles.length - 1], result: r, inputFiles: r.inputFiles }));
}

/**
 * Reads the report from the warehouse (current loads only): the stored check results, the
 * comparison of the editions loaded (run now: it spans sources), and the unplaced rows.
 * `tolerance` is the configured extra tolerance (pipeline.config).
 */
export async function auditReport(db: Kysely<WarehouseSchema>, tolerance: number | string = 0): Promise<AuditReport> {
  const stored = await storedResults(db);
  const located: Located[] = stored.map((r) => ({
    file: r.name,
    inputFiles: r.inputs.map(() => r.name),
    result: {
      tableRef: r.table_ref, checkKind: r.check_kind, status: r.status, severity: r.severity, subject: r.subject, message: r.message,
      printed: r.printed, expectedLow: r.expected_low, expectedHigh: r.expected_high, gap: r.gap, inputs: r.inputs,
    },
  }));
  const editions = locateEditionResults(crossEdition(await storedSources(db), readersFor(tolerance)));
  const unplaced = (await storedFindings(db)).map((u) => ({ file: u.name, line: u.line, page: u.page, tableRef: u.table_ref, kind: u.kind, message: u.message, raw: u.raw }));
  return buildReport([...located, ...editions], unplaced);
}

/** " (file:l1, l2, … )": where a list of numbers was printed, compactly. */
function lines(ns: AuditReport['skipped'][number]['numbers']): string {
  if (!ns.length) return '';
  const byFile = new Map<string, number[]>();
  for (const n of ns) byFile.set(n.file, [...new Set([...(byFile.get(n.file) ?? []), n.line])]);
  const shown = [...byFile].map(([f, ls]) => `${f}:${ls.slice(0, 8).join(', ')}${ls.length > 8 ? ', …' : ''}`);
  return ` (${shown.join('; ')})`;
}

/** The report as text: failures grouped by file and table, each number as file:line. */
export function renderReport(r: AuditReport): string {
  const out: string[] = [];
  let group = '';
  const order = (f: AuditFinding) => ['error', 'review', 'warning', 'info'].indexOf(f.severity);
  const sorted = [...r.failures].sort((a, b) => a.file.localeCompare(b.file) || order(a) - order(b) || a.tableRef.localeCompare(b.tableRef));
  for (const f of sorted) {
    const g = `${f.file} ${f.tableRef}`;
    if (g !== group) out.push('', `== ${g}`);
    group = g;
    out.push(`  [${f.severity === 'info' ? 'revision' : f.severity}] ${f.kind}: ${f.subject}`, `      ${f.message}`);
    for (const x of f.numbers) out.push(`      ${x.role}: ${x.label} ${x.measure} ${x.year} = ${x.value}  (${x.file}:${x.line})`);
  }
  if (r.skipped.length) out.push('', '== checks that could not be evaluated');
  for (const s of r.skipped) out.push(`  ${s.file} ${s.tableRef} ${s.kind}: ${s.subject} — ${s.reason}${lines(s.numbers)}`);
  if (r.unplaced.length) out.push('', '== not placed by transform');
  for (const u of r.unplaced) out.push(`  ${u.file}:${u.line} ${u.tableRef ?? ''} ${u.kind}: ${u.message}`);
  const c = r.checks;
  out.push('', `checks: ${c.passed} passed, ${c.failed} beyond rounding, ${c.review} to review (tables read with low confidence), ${c.warnings} warnings (truncation / share nudged), ${c.revisions} revisions between editions, ${c.skipped} skipped; ${r.unplaced.length} unplaced`);
  return out.join('\n');
}
