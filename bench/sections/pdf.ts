/**
 * The PDF path on a large PDF (bench/data/large.pdf, a whole seed typeset to ~70 pages; see
 * bench/make-large-pdf.ts): our extract + transform next to pdf-parse's getText alone and next
 * to poppler's `pdftotext`, on the same file in the same run. Warm: in this process, each
 * measured `runs` times after one warm-up, interleaved. Cold: the first read in a fresh
 * process (imports not counted), as one `etl ingest` of a PDF pays it; pdftotext is always a
 * fresh process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { extractPdf } from '../../src/extract/pdf.ts';
import { transformDocument } from '../../src/transform/index.ts';
import { haveSoffice, LARGE_PDF, makeLargePdf } from '../make-large-pdf.ts';
import { fmtInt, fmtMs, fmtRatio, median, runChild, runScript, spread, timed } from '../lib/measure.ts';
import type { Figures } from '../lib/report.ts';

/** Whether `pdftotext` can be run here. */
async function havePdftotext(): Promise<boolean> {
  return runChild('pdftotext', ['-v']).then(() => true, () => false);
}

/** The large PDF: the committed one, else one typeset now, else null (with the reason printed). */
function largePdf(work: string): string | null {
  if (existsSync(LARGE_PDF)) return LARGE_PDF;
  if (!haveSoffice()) {
    console.log(`  skipped: ${LARGE_PDF} is missing and LibreOffice (soffice) is not installed to typeset it`);
    return null;
  }
  const path = join(work, 'large.pdf');
  makeLargePdf(path);
  return path;
}

/** The PDF benchmarks; returns the figures the summary needs. */
export async function benchPdf(runs: number): Promise<Figures> {
  const work = mkdtempSync(join(tmpdir(), 'bench-pdf-'));
  try {
    console.log('\nPDF path (extract + transform of a large PDF):');
    const path = largePdf(work);
    if (!path) return {};
    const bytes = readFileSync(path);
    const pdftotext = await havePdftotext();
    const ours = async () => {
      const doc = await extractPdf(path, bytes);
      return { doc, result: transformDocument(doc) };
    };
    const getText = async () => {
      const parser = new PDFParse({ data: new Uint8Array(bytes) });
      try {
        return await parser.getText();
      } finally {
        await parser.destroy();
      }
    };
    const poppler = () => runChild('pdftotext', [path, '-']);
    const { doc, result } = await ours();
    const text = await getText();
    console.log(`  ${path}: ${fmtInt(bytes.length)} bytes, ${doc.pages} pages, ${fmtInt(doc.lines.length)} lines; ` +
      `${result.tables.length} tables, ${fmtInt(result.observations.length)} observations, ${result.findings.length} findings; getText ${fmtInt(text.text.length)} characters`);
    if (pdftotext) await poppler();
    const times = { ours: [] as number[], extract: [] as number[], getText: [] as number[], pdftotext: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const extract = await timed(() => extractPdf(path, bytes));
      const transform = await timed(() => transformDocument(extract.value));
      times.extract.push(extract.ms);
      times.ours.push(extract.ms + transform.ms);
      times.getText.push((await timed(getText)).ms);
      if (pdftotext) times.pdftotext.push((await poppler()).ms);
    }
    const m = { ours: median(times.ours), extract: median(times.extract), getText: median(times.getText), pdftotext: median(times.pdftotext) };
    console.log(`  warm, median of ${runs}:`);
    console.log(`    ours: extract + transform  ${fmtMs(m.ours).padStart(8)}   (extract alone ${fmtMs(m.extract)}; ${spread(times.ours, fmtMs)})`);
    console.log(`    pdf-parse getText          ${fmtMs(m.getText).padStart(8)}   ours / getText    ${fmtRatio(m.ours / m.getText)}`);
    const figures: Figures = { 'pdf.ours.ms': m.ours, 'pdf.getText.ms': m.getText, 'pdf.ratio.getText': m.ours / m.getText };
    if (pdftotext) {
      console.log(`    pdftotext (a process)      ${fmtMs(m.pdftotext).padStart(8)}   ours / pdftotext  ${fmtRatio(m.ours / m.pdftotext)}`);
      figures['pdf.pdftotext.ms'] = m.pdftotext;
      figures['pdf.ratio.pdftotext'] = m.ours / m.pdftotext;
    } else console.log('    pdftotext: skipped (poppler-utils is not installed)');
    const cold = { ours: [] as number[], getText: [] as number[] };
    for (let i = 0; i < runs; i++) {
      cold.ours.push((JSON.parse((await runScript('bench/lib/pdf-once.ts', ['ours', path])).stdout) as { read: number }).read);
      cold.getText.push((JSON.parse((await runScript('bench/lib/pdf-once.ts', ['gettext', path])).stdout) as { read: number }).read);
    }
    const c = { ours: median(cold.ours), getText: median(cold.getText) };
    console.log(`  cold (first read in a fresh process, imports not counted), median of ${runs}:`);
    console.log(`    ours ${fmtMs(c.ours)}, getText ${fmtMs(c.getText)}: ours / getText ${fmtRatio(c.ours / c.getText)}` +
      (pdftotext ? `, ours / pdftotext ${fmtRatio(c.ours / m.pdftotext)}` : ''));
    figures['pdf.cold.ratio.getText'] = c.ours / c.getText;
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
