/**
 * Codelist members and the views an analyst queries first (README "Querying the warehouse"):
 *  - `current_observations`: observations of the sources' current loads, with the source name;
 *  - `turnover_by_region`: technology-contract turnover by region, flow and year, with GB/T 2260
 *    codes and labels — one row per (region, flow, year), the latest edition winning;
 *  - `contracts_by_type`: contract count and turnover by contract type and year, one row per
 *    (type, measure, year), the latest edition winning;
 *  - `contracts_by_type_revisions`: every edition's value of those figures, with `is_latest`,
 *    so a figure an edition revised is visible next to the one that replaced it.
 * Within one edition the table printed first wins (the body tables come before the appendix).
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Creates the codelist table and the views; `down` drops them. */
export const viewsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('codelist_members')
      .addColumn('codelist', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addPrimaryKeyConstraint('codelist_members_pk', ['codelist', 'code'])
      .execute();
    await sql`
      create view current_observations as
      select o.*, s.name as source_name
      from observations o
      join sources s on s.source_id = o.source_id and s.current_load_id = o.load_id`.execute(db);
    await sql`
      create view turnover_by_region as
      select distinct on (o.dimensions->>'region', coalesce(o.dimensions->>'flow', 'registered'), o.data_year)
        o.dimensions->>'region' as region_code, m.label as region_label, m.parent_code,
        coalesce(o.dimensions->>'flow', 'registered') as flow, o.data_year, o.value as turnover, o.unit,
        o.edition, o.table_ref, o.source_name, o.line
      from current_observations o
      join codelist_members m on m.codelist = 'region' and m.code = o.dimensions->>'region'
      where o.measure = 'turnover'
      order by o.dimensions->>'region', coalesce(o.dimensions->>'flow', 'registered'), o.data_year,
        o.edition desc nulls last, o.line`.execute(db);
    await sql`
      create view contracts_by_type_revisions as
      select o.dimensions->>'contract_type' as contract_type_code, m.label as contract_type_label, m.parent_code,
        o.measure, o.data_year, o.value, o.unit, o.edition, o.table_ref, o.source_name, o.line,
        o.edition = max(o.edition) over (partition by o.dimensions->>'contract_type', o.measure, o.data_year) as is_latest
      from current_observations o
      join codelist_members m on m.codelist = 'contract_type' and m.code = o.dimensions->>'contract_type'
      where o.measure in ('contract_count', 'turnover') and o.table_kind <> 'major_contracts'
        and coalesce(o.dimensions->>'flow', 'registered') = 'registered'`.execute(db);
    await sql`
      create view contracts_by_type as
      select distinct on (contract_type_code, measure, data_year)
        contract_type_code, contract_type_label, parent_code, measure, data_year, value, unit, edition, table_ref, source_name, line
      from contracts_by_type_revisions
      where is_latest
      order by contract_type_code, measure, data_year, line`.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const v of ['contracts_by_type', 'contracts_by_type_revisions', 'turnover_by_region', 'current_observations']) {
      await sql`drop view if exists ${sql.ref(v)}`.execute(db);
    }
    await db.schema.dropTable('codelist_members').ifExists().execute();
  },
};
