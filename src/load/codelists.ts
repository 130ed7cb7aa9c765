/**
 * Keeps the warehouse's `codelist_members` table equal to the codelists in code
 * (src/codelists), so views can show official labels and parents next to codes. Idempotent:
 * every open upserts the members and removes those no longer in code.
 */
import { sql, type Kysely } from 'kysely';
import { DIMENSIONS } from '../codelists/index.ts';

/** Writes every codelist member (codelist id, code, label, parent code) in one transaction. */
export async function syncCodelists(db: Kysely<unknown>): Promise<void> {
  const lists = new Map(Object.values(DIMENSIONS).map((c) => [c.id, c]));
  const rows = [...lists.values()].flatMap((c) => c.members.map((m) => ({ codelist: c.id, code: m.code, label: m.label, parent_code: m.parent })));
  const existing = await sql<{ n: string }>`select count(*)::text as n from codelist_members`.execute(db);
  if (Number(existing.rows[0].n) === rows.length) {
    const same = await sql<{ n: string }>`select count(*)::text as n from codelist_members c
      join jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(codelist text, code text, label text, parent_code text)
      on r.codelist = c.codelist and r.code = c.code and r.label = c.label and r.parent_code is not distinct from c.parent_code`.execute(db);
    if (Number(same.rows[0].n) === rows.length) return;
  }
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('codelist_members'))`.execute(trx);
    await sql`delete from codelist_members`.execute(trx);
    await sql`insert into codelist_members (codelist, code, label, parent_code)
      select codelist, code, label, parent_code
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(codelist text, code text, label text, parent_code text)`.execute(trx);
  });
}
