// Development aid: how the pipeline reads a source.
//   npx tsx scripts/inspect.ts lines FILE [FROM,TO]   each line's page, number, class and text
//   npx tsx scripts/inspect.ts tables FILE            the tables found, their columns, and the findings
import { extractSource } from '../src/extract/index.ts';
import { classifyLine } from '../src/transform/layout/lines.ts';
import { transformDocument } from '../src/transform/index.ts';

const [what, file, range] = process.argv.slice(2);
if (!file || (what !== 'lines' && what !== 'tables')) {
  console.error('usage: inspect.ts lines|tables FILE [FROM,TO]');
  process.exit(2);
}
const doc = await extractSource(file);
if (what === 'lines') {
  const [from, to] = (range ?? `1,${doc.lines.length}`).split(',').map(Number);
  for (const l of doc.lines.filter((x) => x.line >= from && x.line <= to)) {
    const c = classifyLine(l, 0, false);
    if (c.kind !== 'blank') console.log(l.page ?? '-', l.line, c.kind, c.ref ?? '', JSON.stringify(l.text).slice(0, 140));
  }
} else {
  const r = transformDocument(doc);
  for (const t of r.tables) {
    const why = t.reading.evidence.map((e) => `${e.kind} ${e.weight > 0 ? '+' : ''}${e.weight.toFixed(2)} (${e.detail})`).join('; ');
    console.log(`${t.tableRef} [${t.reading.caption}${t.reading.score !== null ? ' ' + t.reading.score : ''}] title@${t.titleLine} lines ${t.firstLine}-${t.lastLine}: ${t.observationCount} obs  ${t.tableTitle}\n    ${t.columns.join(' ; ')}\n    ${why}`);
  }
  for (const f of r.findings) console.log(`finding ${f.kind} ${f.tableRef ?? '-'} line ${f.line}: ${f.message} | ${f.raw.slice(0, 60)}`);
}
