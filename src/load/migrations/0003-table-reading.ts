/**
 * How each table was read (model `TableReading`): whether its caption was found or its reference
 * is provisional, the caption's score and the evidence behind it, so a user can query which
 * tables were read with less trust and why (`caption_status = 'provisional'`).
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Adds caption_status, caption_score and caption_evidence to report_tables; `down` drops them. */
export const tableReadingMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('report_tables')
      .addColumn('caption_status', 'text', (c) => c.notNull().defaultTo('found').check(sql`caption_status in ('found', 'provisional')`))
      .addColumn('caption_score', 'numeric')
      .addColumn('caption_evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('report_tables').dropColumn('caption_status').dropColumn('caption_score').dropColumn('caption_evidence').execute();
  },
};
