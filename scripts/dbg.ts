import { extractSource } from '/work/main/src/extract/index.ts';
import { transformDocument } from '/work/main/src/transform/index.ts';
const doc = await extractSource(process.argv[2]);
const r = transformDocument(doc);
for (const t of r.tables) console.log(t.tableRef, t.titleLine, t.firstLine, t.lastLine, t.observationCount, t.tableTitle.slice(0,30), '\n   ', t.columns.join(' ; '));
for (const f of r.findings.slice(0, Number(process.argv[3] ?? 100))) console.log('F', f.kind, f.tableRef, f.line, f.message.slice(0,100), '|', f.raw.slice(0,60));
