import { extractSource } from '/work/main/src/extract/index.ts';
import { classifyLine } from '/work/main/src/transform/lines.ts';
const doc = await extractSource(process.argv[2]);
const [a, b] = process.argv[3].split(',').map(Number);
for (const l of doc.lines.slice(a - 1, b)) { const c = classifyLine(l, 0, false); if (c.kind !== 'blank') console.log(l.line, c.kind, c.ref ?? '', JSON.stringify(c.label).slice(0, 50), c.tokens.join('|')); }
