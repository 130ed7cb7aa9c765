// Development aid: transform the fixtures and write the export CSV without a database.
import { writeFileSync } from 'node:fs';
import { extractSource } from '../src/extract/index.ts';
import { transformDocument } from '../src/transform/index.ts';

const files = process.argv.slice(3);
const out: string[] = ['seed,table_ref,data_year,row_label,parent_label,column_group,measure,value,unit,source_line'];
const q = (s: string | number) => (/[",\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
for (const f of files) {
  const doc = await extractSource(f);
  const r = transformDocument(doc);
  console.error(`${doc.name}: edition ${r.edition}, ${r.tables.length} tables, ${r.observations.length} observations, ${r.findings.length} findings`);
  for (const o of r.observations) out.push([o.sourceName, o.tableRef, o.dataYear, o.rowLabel, o.parentLabel, o.columnGroup, o.measure, o.value, o.unit, o.line].map(q).join(','));
}
writeFileSync(process.argv[2], out.join('\n') + '\n');
