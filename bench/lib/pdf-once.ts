/**
 * One PDF read in a fresh process, as the command line does it (run by the benchmark: `node
 * --import tsx bench/lib/pdf-once.ts ours|gettext <file.pdf>`): prints as JSON the milliseconds
 * of the imports and of the first (cold) read: our extract + transform, or pdf-parse getText.
 */
import { readFileSync } from 'node:fs';

const [what, path] = process.argv.slice(2);
const started = performance.now();
if (what === 'ours') {
  const { extractPdf } = await import('../../src/extract/pdf.ts');
  const { transformDocument } = await import('../../src/transform/index.ts');
  const imported = performance.now();
  transformDocument(await extractPdf(path, readFileSync(path)));
  console.log(JSON.stringify({ imports: imported - started, read: performance.now() - imported }));
} else {
  const { PDFParse } = await import('pdf-parse');
  const imported = performance.now();
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(path)) });
  await parser.getText();
  await parser.destroy();
  console.log(JSON.stringify({ imports: imported - started, read: performance.now() - imported }));
}
