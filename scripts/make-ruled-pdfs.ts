/**
 * Typesets the seeds as ruled-cell PDFs (scripts/pdf-variants/render-ruled.ts): the measuring
 * stick for reading tables whose every cell is a separate text item framed by rules.
 *
 *   npx tsx scripts/make-ruled-pdfs.ts [--out DIR] [seed…]
 *   npx tsx scripts/make-ruled-pdfs.ts --fixture
 *
 * Seeds are named by file or stem (fixtures/000_94f9f59014649328.txt or 000_94f9f59014649328);
 * by default the three seeds with a golden set and tables (000, 001, 003; 004 is a policy text
 * without tables). Each is written as DIR/<seed stem>.pdf (default DIR .data/variants/pdf-ruled,
 * git-ignored), so an export of it keeps the seed's name. `--fixture` writes the committed test
 * fixture instead: fixtures/pdf/ruled-000_annex11-14.pdf (附表11, 附表12, 附表14 of the 2018
 * edition, seed lines 3506-3639) with its text twin .txt (those seed lines, ASCII spaces at
 * either end trimmed), so tests need neither pdfkit's font nor this script.
 *
 * Needs Debian's fonts-wqy-microhei (`apt-get install -y fonts-wqy-microhei`). Re-running gives
 * byte-identical files.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CJK_FONT_FILE, renderRuledPdf } from './pdf-variants/render-ruled.ts';
import { planSeed, printedText, readGolden, readSeedLines } from './pdf-variants/seed-plan.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');
const GOLDEN = join(FIXTURES, 'golden');
const DEFAULT_SEEDS = ['000_94f9f59014649328', '001_4bcf1cefdaeec81d', '003_c23a70392e796f35'];
const DEFAULT_OUT = join(ROOT, '.data', 'variants', 'pdf-ruled');

/**
 * Tables printed as their seed lines, by seed: the 2018 edition's 表5-1 (lines 1155-2680) is a
 * sideways table the seed gives one glyph per line, not a ruled table.
 */
const AS_LINES: Record<string, string[]> = { '000_94f9f59014649328': ['表5-1'] };

/** The committed fixture: which seed lines it is typeset from. */
const FIXTURE = { name: 'ruled-000_annex11-14', seed: '000_94f9f59014649328', range: [3506, 3639] as [number, number] };

function usage(code: number): never {
  (code ? console.error : console.log)('usage: make-ruled-pdfs.ts [--out DIR] [seed…] | --fixture');
  process.exit(code);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) usage(0);
  if (!existsSync(CJK_FONT_FILE)) {
    console.error(`${CJK_FONT_FILE} is missing: apt-get install -y fonts-wqy-microhei (pdfkit drops CJK text without it)`);
    process.exit(1);
  }
  if (args.includes('--fixture')) {
    const lines = readSeedLines(join(FIXTURES, `${FIXTURE.seed}.txt`));
    const plan = planSeed(`${FIXTURE.seed}.txt`, lines, readGolden(GOLDEN, FIXTURE.seed), { range: FIXTURE.range, asLines: AS_LINES[FIXTURE.seed] });
    for (const w of plan.warnings) console.warn(`${FIXTURE.name}: ${w}`);
    const pdf = await renderRuledPdf(plan, { title: FIXTURE.name });
    const twin = lines.slice(FIXTURE.range[0], FIXTURE.range[1] + 1).map(printedText).join('\n') + '\n';
    writeFileSync(join(FIXTURES, 'pdf', `${FIXTURE.name}.pdf`), pdf);
    writeFileSync(join(FIXTURES, 'pdf', `${FIXTURE.name}.txt`), twin);
    console.log(`fixtures/pdf/${FIXTURE.name}.pdf  ${pdf.length} bytes`);
    return;
  }
  let out = DEFAULT_OUT;
  const seeds: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = resolve(args[++i] ?? usage(2));
    else if (args[i].startsWith('-')) usage(2);
    else seeds.push(basename(args[i]).replace(/\.txt$/, ''));
  }
  mkdirSync(out, { recursive: true });
  for (const stem of seeds.length ? seeds : DEFAULT_SEEDS) {
    const lines = readSeedLines(join(FIXTURES, `${stem}.txt`));
    const plan = planSeed(`${stem}.txt`, lines, readGolden(GOLDEN, stem), { asLines: AS_LINES[stem] });
    for (const w of plan.warnings) console.warn(`${stem}: ${w}`);
    const pdf = await renderRuledPdf(plan, { title: stem });
    const target = join(out, `${stem}.pdf`);
    writeFileSync(target, pdf);
    console.log(`${target}  ${pdf.length} bytes`);
  }
}

await main();
