/**
 * What the audit reads from the warehouse (current loads only: each source's completed load that
 * is in the warehouse now): the check results stored at ingest, the rows transform could not
 * place, and every observation with its source, for the comparison of editions. Kysely queries
 * that run on both drivers (PGlite, PostgreSQL).
 */
import type { Kysely } from 'kysely';
import type { EditionSource } from '../checks/index.ts';
import type { Observation } from '../model.ts';
import type { WarehouseSchema } from '../load/schema.ts';

/** The current load of each source, as a subquery. */
function current(db: Kysely<WarehouseSchema>) {
  return db.selectFrom('sources').select(['source_id', 'name', 'edition', 'current_load_id']).where('current_load_id', 'is not', null);
}

/** Stored check results of the current loads (all statuses), with the source's file name. */
export async function storedResults(db: Kysely<WarehouseSchema>) {
  return db
    .selectFrom('check_results as c')
    .innerJoin(current(db).as('s'), (j) => j.onRef('s.source_id', '=', 'c.source_id').onRef('s.current_load_id', '=', 'c.load_id'))
    .select(['s.name', 'c.source_id', 'c.table_ref', 'c.check_kind', 'c.status', 'c.severity', 'c.subject', 'c.message', 'c.printed', 'c.expected_low', 'c.expected_high', 'c.gap', 'c.inputs'])
    .orderBy('s.name')
    .orderBy('c.check_id')
    .execute();
}

/** Rows transform could not place, of the current loads. */
export async function storedFindings(db: Kysely<WarehouseSchema>) {
  return db
    .selectFrom('findings as f')
    .innerJoin(current(db).as('s'), (j) => j.onRef('s.source_id', '=', 'f.source_id').onRef('s.current_load_id', '=', 'f.load_id'))
    .select(['s.name', 'f.table_ref', 'f.kind', 'f.line', 'f.page', 'f.message', 'f.raw'])
    .orderBy('s.name')
    .orderBy('f.line')
    .execute();
}

/**
 * The tables of the current loads with how each was read (caption found or provisional, its
 * score and evidence), in source and line order; `source` narrows to one file name.
 */
export async function storedTables(db: Kysely<WarehouseSchema>, source?: string) {
  let q = db
    .selectFrom('report_tables as t')
    .innerJoin(current(db).as('s'), (j) => j.onRef('s.source_id', '=', 't.source_id').onRef('s.current_load_id', '=', 't.load_id'))
    .select(['s.name', 't.table_ref', 't.table_title', 't.table_kind', 't.title_line', 't.first_line', 't.last_line', 't.observation_count', 't.caption_status', 't.caption_score', 't.caption_evidence']);
  if (source) q = q.where('s.name', '=', source);
  return q.orderBy('s.name').orderBy('t.first_line').execute();
}

/** Every observation of the current loads, grouped by source (for cross_edition). */
export async function storedSources(db: Kysely<WarehouseSchema>): Promise<EditionSource[]> {
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin(current(db).as('s'), (j) => j.onRef('s.source_id', '=', 'o.source_id').onRef('s.current_load_id', '=', 'o.load_id'))
    .select([
      's.name', 's.edition as source_edition', 'o.source_id', 'o.edition', 'o.table_ref', 'o.table_title', 'o.table_kind', 'o.data_year', 'o.row_label',
      'o.parent_label', 'o.column_group', 'o.dimensions', 'o.measure', 'o.value', 'o.decimals', 'o.unit', 'o.unit_mult', 'o.obs_status', 'o.footnotes', 'o.page', 'o.line', 'o.raw',
    ])
    .orderBy('s.name')
    .orderBy('o.line')
    .execute();
  const bySource = new Map<string, EditionSource & { observations: Observation[] }>();
  for (const r of rows) {
    const s = bySource.get(r.name) ?? { name: r.name, edition: r.source_edition, observations: [] };
    s.observations.push({
      sourceId: r.source_id, sourceName: r.name, edition: r.edition, tableRef: r.table_ref, tableTitle: r.table_title, tableKind: r.table_kind,
      dataYear: r.data_year, rowLabel: r.row_label, parentLabel: r.parent_label, columnGroup: r.column_group, dimensions: r.dimensions,
      measure: r.measure, value: r.value, decimals: r.decimals, unit: r.unit, unitMult: r.unit_mult, obsStatus: r.obs_status,
      footnotes: r.footnotes, page: r.page, line: r.line, raw: r.raw,
    });
    bySource.set(r.name, s);
  }
  return [...bySource.values()];
}
