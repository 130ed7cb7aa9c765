/**
 * zod schemas of the check engine's output (model.ts CheckResult, CheckInput), for writing and
 * reading check results as JSON. Numbers that come from the reports stay exact decimal strings.
 */
import { z } from 'zod';
import { DecimalString, type CheckInput, type CheckResult } from '../model.ts';

/** One number that took part in a check, with its provenance (model.ts CheckInput). */
export const CheckInputSchema = z.object({
  role: z.string().min(1),
  tableRef: z.string().min(1),
  rowLabel: z.string().min(1),
  measure: z.string().min(1),
  dataYear: z.number().int(),
  value: DecimalString,
  line: z.number().int().positive(),
  page: z.number().int().positive().nullable(),
}) satisfies z.ZodType<CheckInput>;

/**
 * One check outcome (model.ts CheckResult). A pass has severity 'info' and gap "0" (or null when
 * skipped); a failure has severity 'error' (beyond rounding), 'warning' (truncation, a share
 * nudged to 100) or — for a difference between editions (cross_edition), a revision — 'info'.
 */
export const CheckResultSchema = z
  .object({
    sourceId: z.string().regex(/^[0-9a-f]{64}$/),
    checkKind: z.string().regex(/^[a-z][a-z0-9_]*$/),
    tableRef: z.string().min(1),
    status: z.enum(['pass', 'fail', 'skipped']),
    severity: z.enum(['error', 'warning', 'review', 'info']),
    subject: z.string().min(1),
    printed: DecimalString.nullable(),
    expectedLow: DecimalString.nullable(),
    expectedHigh: DecimalString.nullable(),
    gap: DecimalString.nullable(),
    message: z.string().min(1),
    inputs: z.array(CheckInputSchema),
  })
  .refine((r) => (r.status === 'fail' ? r.severity !== 'info' || r.checkKind === 'cross_edition' : r.severity === 'info'), {
    message: 'a failure has severity error or warning (a revision between editions: info); a pass or skip has severity info',
  }) satisfies z.ZodType<CheckResult>;
