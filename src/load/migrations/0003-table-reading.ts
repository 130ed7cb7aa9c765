/**
 * How each table was read (model `TableReading`): whether its caption was found or its reference
 * is provisional, the caption's score and the evidence behind it, so a user can query which
 * tables were read with less trust and why (`caption_status = 'provisional'`); and the check
 * severity 'review' for a failure whose inputs come from such a table.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Adds caption_status, caption_score and caption_evidence to report_tables and severity 'review'; `down` undoes it. */
export const tableReadingMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('report_tables')
      .addColumn('caption_status', 'text', (c) => c.notNull().defaultTo('found').check(sql`caption_status in ('found', 'provisional')`))
      .addColumn('caption_score', 'numeric')
      .addColumn('caption_evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute();
    await sql`alter table check_results drop constraint check_results_severity_check`.execute(db);
    await sql`alter table check_results add constraint check_results_severity_check check (severity in ('error', 'warning', 'review', 'info'))`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('report_tables').dropColumn('caption_status').dropColumn('caption_score').dropColumn('caption_evidence').execute();
    await sql`delete from check_results where severity = 'review'`.execute(db);
    await sql`alter table check_results drop constraint check_results_severity_check`.execute(db);
    await sql`alter table check_results add constraint check_results_severity_check check (severity in ('error', 'warning', 'info'))`.execute(db);
  },
};
