/**
 * How well the PDF extractor reads the ruled-cell PDFs of the seeds (make-ruled-pdfs.ts):
 *
 *   npx tsx scripts/pdf-variants/compare-ruled.ts [--dir DIR] [--misses N] [seed…]
 *
 * For each seed, its ruled PDF (DIR/<seed stem>.pdf, default .data/variants/pdf-ruled) is read
 * with src/extract/pdf.ts and compared with the seed's golden table values (tables "表…"/"附表…";
 * figures, prose and the sideways 表5-1 of the 2018 seed are not typeset as ruled tables). A
 * golden value is *read* when one extracted line has a label cell equal to the golden row_label
 * (both normalised: spaces, "其中：" and footnote markers removed) and, among the cells that label
 * heads, one whose number equals the value. A label cell is a cell that is not a number or a null
 * marker; it heads the numbers after it up to the next label (a row may print two labelled
 * halves, 2021 表4-9), and a rank printed before the first label. Also reported:
 * - by printed label: the same with the label the row was typeset with (seed-plan.ts), which is
 *   what a table whose rows are years (2006 edition 表3, 表9) or whose row label is a column
 *   header category (表4) prints; the golden row_label cannot be found in such rows by design;
 * - whole rows: golden rows (source lines) every value of which is read on one extracted line.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractPdf } from '../../src/extract/pdf.ts';
import type { SourceLine } from '../../src/model.ts';
import { type GoldenRow, normaliseLabel, normaliseValue, planSeed, readGolden, readSeedLines } from './seed-plan.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_SEEDS = ['000_94f9f59014649328', '001_4bcf1cefdaeec81d', '003_c23a70392e796f35'];
const AS_LINES: Record<string, string[]> = { '000_94f9f59014649328': ['表5-1'] };
const NUMBERISH = /^[-－−]?[\d.,\s%％]+[a-z]?$|^(—|——|－|\/|-|…)$/;

/** The outcome for one seed: counts of golden values and rows, and how many were read. */
export interface RuledComparison {
  seed: string;
  values: number;
  /** Values read on a line whose label cell is the golden row_label. */
  byGoldenLabel: number;
  /** Values read on a line whose label cell is the label the row was typeset with. */
  byPrintedLabel: number;
  rows: number;
  /** Golden rows all of whose values were read on one line (by printed label). */
  wholeRows: number;
  /** Golden values not read (by golden label), for inspection. */
  misses: { line: number; table: string; label: string; value: string }[];
}

/**
 * The labelled groups of an extracted line: each cell that is not a number starts a group, the
 * numbers after it (normalised) belong to it; numbers before the first label belong to it too
 * (a rank printed before the name). A row printing two labelled halves ("德国 280 235.7 1 美国
 * 1023 689.5 1") gives two groups.
 */
function readLine(line: SourceLine): { label: string; numbers: string[] }[] {
  const cells = line.cells?.map((c) => c.text) ?? line.text.split('\t');
  const groups: { label: string; numbers: string[] }[] = [];
  const leading: string[] = [];
  for (const text of cells) {
    if (text.trim() !== '' && !NUMBERISH.test(text.trim())) groups.push({ label: normaliseLabel(text), numbers: groups.length ? [] : [...leading] });
    else if (groups.length) groups[groups.length - 1].numbers.push(normaliseValue(text));
    else leading.push(normaliseValue(text));
  }
  return groups.length ? groups : [{ label: '', numbers: leading }];
}

/** Compares the ruled PDF of one seed with the seed's golden set (see the module comment). */
export async function compareRuled(pdfPath: string, seedStem: string, goldenDir = join(ROOT, 'fixtures', 'golden')): Promise<RuledComparison> {
  const golden = readGolden(goldenDir, seedStem).filter((r) => /^(附表|表)/.test(r.table_ref) && !(AS_LINES[seedStem] ?? []).includes(r.table_ref));
  const lines = readSeedLines(join(ROOT, 'fixtures', `${seedStem}.txt`));
  const plan = planSeed(`${seedStem}.txt`, lines, readGolden(goldenDir, seedStem), { asLines: AS_LINES[seedStem] });
  // The label each golden value was typeset under: the nearest label cell before it in its row.
  const keyOf = (r: GoldenRow) => [r.source_line, r.row_label, r.data_year, r.measure, r.column_group, r.value].join('|');
  const printedLabel = new Map<string, string>();
  for (const block of plan.blocks) {
    if (block.kind !== 'table') continue;
    for (const seg of block.segments) {
      for (const row of seg.rows) {
        const isLabel = (c: (typeof row.cells)[number]) => !!c && c.text !== '' && !NUMBERISH.test(c.text);
        let label = normaliseLabel(row.cells.find(isLabel)?.text ?? '');
        for (const cell of row.cells) {
          if (isLabel(cell)) label = normaliseLabel(cell!.text);
          else if (cell?.golden) printedLabel.set(keyOf(cell.golden), label);
        }
      }
    }
  }
  const doc = await extractPdf(pdfPath, readFileSync(pdfPath));
  const byLabel = new Map<string, string[][]>();
  for (const line of doc.lines) {
    for (const { label, numbers } of readLine(line)) {
      if (!byLabel.has(label)) byLabel.set(label, []);
      byLabel.get(label)!.push(numbers);
    }
  }
  const readOn = (label: string, value: string) => (byLabel.get(label) ?? []).some((nums) => nums.includes(value));
  const result: RuledComparison = { seed: seedStem, values: golden.length, byGoldenLabel: 0, byPrintedLabel: 0, rows: 0, wholeRows: 0, misses: [] };
  for (const r of golden) {
    if (readOn(normaliseLabel(r.row_label), r.value)) result.byGoldenLabel++;
    else result.misses.push({ line: Number(r.source_line), table: r.table_ref, label: r.row_label, value: r.value });
    if (readOn(printedLabel.get(keyOf(r)) ?? '', r.value)) result.byPrintedLabel++;
  }
  const rows = new Map<number, GoldenRow[]>();
  for (const r of golden) rows.set(Number(r.source_line), [...(rows.get(Number(r.source_line)) ?? []), r]);
  result.rows = rows.size;
  for (const values of rows.values()) {
    const labels = new Set(values.map((v) => printedLabel.get(keyOf(v)) ?? ''));
    // Every value of the row read on one line, under the label(s) it was typeset with.
    const whole = doc.lines.some((line) => {
      const groups = readLine(line);
      return values.every((v) => groups.some((g) => g.label === (printedLabel.get(keyOf(v)) ?? '') && g.numbers.includes(v.value)));
    });
    if (whole && labels.size > 0) result.wholeRows++;
  }
  return result;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(2)}%` : '-';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let dir = join(ROOT, '.data', 'variants', 'pdf-ruled');
  let misses = 0;
  const seeds: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--dir') dir = resolve(args[++i]);
    else if (args[i] === '--misses') misses = Number(args[++i]);
    else seeds.push(basename(args[i]).replace(/\.(txt|pdf)$/, ''));
  }
  const totals = { values: 0, byGoldenLabel: 0, byPrintedLabel: 0, rows: 0, wholeRows: 0 };
  console.log('seed                  values  by golden label     by printed label    whole rows');
  for (const stem of seeds.length ? seeds : DEFAULT_SEEDS) {
    const r = await compareRuled(join(dir, `${stem}.pdf`), stem);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    console.log(
      `${stem}  ${String(r.values).padStart(6)}  ${String(r.byGoldenLabel).padStart(5)} ${pct(r.byGoldenLabel, r.values).padStart(8)}    ${String(r.byPrintedLabel).padStart(5)} ${pct(r.byPrintedLabel, r.values).padStart(8)}    ${r.wholeRows}/${r.rows} ${pct(r.wholeRows, r.rows)}`,
    );
    for (const m of r.misses.slice(0, misses)) console.log(`   miss L${m.line} ${m.table} ${m.label} ${m.value}`);
  }
  console.log(
    `total                 ${String(totals.values).padStart(6)}  ${String(totals.byGoldenLabel).padStart(5)} ${pct(totals.byGoldenLabel, totals.values).padStart(8)}    ${String(totals.byPrintedLabel).padStart(5)} ${pct(totals.byPrintedLabel, totals.values).padStart(8)}    ${totals.wholeRows}/${totals.rows} ${pct(totals.wholeRows, totals.rows)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
