/**
 * The initial warehouse schema (DESIGN.md "The canonical record"): sources, loads, report tables,
 * observations, findings and check results. Plain PostgreSQL, so the same DDL runs on PGlite and
 * on a server. Exact decimals are `numeric`; the printed value is kept verbatim in `value_text`.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Creates every table and index; `down` drops them again. */
export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('sources')
      .addColumn('source_id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('text', 'pdf')`))
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('pages', 'integer')
      .addColumn('edition', 'integer')
      .addColumn('first_loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('last_loaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('current_load_id', 'integer')
      .execute();
    await db.schema.createIndex('sources_name_idx').on('sources').column('name').execute();

    await db.schema
      .createTable('loads')
      .addColumn('load_id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.source_id'))
      .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('finished_at', 'timestamptz')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('running', 'completed', 'failed')`),
      )
      .addColumn('error', 'text')
      .addColumn('observation_count', 'integer')
      .addColumn('table_count', 'integer')
      .execute();
    await db.schema.createIndex('loads_source_id_idx').on('loads').column('source_id').execute();
    await db.schema
      .alterTable('sources')
      .addForeignKeyConstraint('sources_current_load_fk', ['current_load_id'], 'loads', ['load_id'])
      .execute();

    await db.schema
      .createTable('report_tables')
      .addColumn('table_id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.source_id'))
      .addColumn('load_id', 'integer', (c) => c.notNull().references('loads.load_id'))
      .addColumn('table_ref', 'text', (c) => c.notNull())
      .addColumn('table_title', 'text', (c) => c.notNull())
      .addColumn('table_kind', 'text', (c) => c.notNull())
      .addColumn('title_line', 'integer')
      .addColumn('first_line', 'integer', (c) => c.notNull())
      .addColumn('last_line', 'integer', (c) => c.notNull())
      .addColumn('columns', 'jsonb', (c) => c.notNull())
      .addColumn('observation_count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('report_tables_source_ref_idx')
      .on('report_tables')
      .columns(['source_id', 'table_ref'])
      .execute();

    await db.schema
      .createTable('observations')
      .addColumn('obs_id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.source_id'))
      .addColumn('load_id', 'integer', (c) => c.notNull().references('loads.load_id'))
      .addColumn('edition', 'integer')
      .addColumn('table_ref', 'text', (c) => c.notNull())
      .addColumn('table_title', 'text', (c) => c.notNull())
      .addColumn('table_kind', 'text', (c) => c.notNull())
      .addColumn('data_year', 'integer', (c) => c.notNull())
      .addColumn('row_label', 'text', (c) => c.notNull())
      .addColumn('parent_label', 'text', (c) => c.notNull())
      .addColumn('column_group', 'text', (c) => c.notNull())
      .addColumn('dimensions', 'jsonb', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('value', 'numeric', (c) => c.notNull())
      .addColumn('value_text', 'text', (c) => c.notNull())
      .addColumn('decimals', 'integer', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('unit_mult', 'integer', (c) => c.notNull())
      .addColumn('obs_status', 'text', (c) => c.notNull())
      .addColumn('footnotes', 'text', (c) => c.notNull())
      .addColumn('page', 'integer')
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('raw', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('observations_source_id_idx').on('observations').column('source_id').execute();
    await db.schema.createIndex('observations_table_ref_idx').on('observations').column('table_ref').execute();
    await db.schema.createIndex('observations_measure_idx').on('observations').column('measure').execute();

    await db.schema
      .createTable('findings')
      .addColumn('finding_id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.source_id'))
      .addColumn('load_id', 'integer', (c) => c.notNull().references('loads.load_id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('table_ref', 'text')
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('page', 'integer')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('raw', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('findings_source_id_idx').on('findings').column('source_id').execute();

    await db.schema
      .createTable('check_results')
      .addColumn('check_id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
      .addColumn('source_id', 'text', (c) => c.notNull().references('sources.source_id'))
      .addColumn('load_id', 'integer', (c) => c.notNull().references('loads.load_id'))
      .addColumn('check_kind', 'text', (c) => c.notNull())
      .addColumn('table_ref', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pass', 'fail', 'skipped')`))
      .addColumn('severity', 'text', (c) =>
        c.notNull().check(sql`severity in ('error', 'warning', 'info')`),
      )
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('printed', 'numeric')
      .addColumn('expected_low', 'numeric')
      .addColumn('expected_high', 'numeric')
      .addColumn('gap', 'numeric')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('inputs', 'jsonb', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('check_results_source_id_idx').on('check_results').column('source_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('sources').dropConstraint('sources_current_load_fk').execute();
    for (const table of ['check_results', 'findings', 'observations', 'report_tables', 'loads', 'sources']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
