// `npx tsx scripts/make-variants.ts [--out DIR] [names…]`: writes the layout-variant corpus,
// <DIR>/<variant>/<seed file name> for every variant named (default: all) and every seed report
// with a golden set (scripts/variants/seed-tables.ts SEEDS). Each variant file keeps its seed's
// name, so an export of it scores against the seed's golden records. Every variant is checked
// to still print every golden value (scripts/variants/value-check.ts) before it is written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSeeds, VARIANTS, variantNamed, type Variant } from './variants/index.ts';
import { lostValues } from './variants/value-check.ts';

const USAGE = `usage: npx tsx scripts/make-variants.ts [--out DIR] [names…]
  Writes DIR/<variant>/<seed file name> for each variant (default: all) of each seed report.
  --out DIR   output folder (default .data/variants in the repository, git-ignored)
  --list      list the variants with a one-line description
  -h, --help  this text`;

/** The variants' files of every seed, checked: { variant, seed, lines }; throws when a variant lost a golden value. */
export function makeVariants(variants: readonly Variant[]): { variant: string; seed: string; lines: string[] }[] {
  const seeds = loadSeeds();
  const out: { variant: string; seed: string; lines: string[] }[] = [];
  for (const v of variants) {
    for (const s of seeds) {
      const lines = v.make(s.lines, s.golden);
      const lost = lostValues(s.lines, lines, s.golden);
      if (lost.length) throw new Error(`variant ${v.name} of ${s.seed} lost ${lost.length} golden values, e.g. ${lost[0].reason}`);
      out.push({ variant: v.name, seed: s.seed, lines });
    }
  }
  return out;
}

/** Writes the variants' files under `dir`; returns the folders written, one per variant. */
export function writeVariants(dir: string, variants: readonly Variant[]): string[] {
  const folders = new Set<string>();
  for (const { variant, seed, lines } of makeVariants(variants)) {
    const folder = join(dir, variant);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, seed), lines.join('\n'));
    folders.add(folder);
  }
  return [...folders];
}

/** Variants named on the command line (all when none); exits with code 2 on an unknown name. */
export function pickVariants(names: string[]): Variant[] {
  if (!names.length) return [...VARIANTS];
  return names.map((n) => {
    const v = variantNamed(n);
    if (!v) {
      console.error(`unknown variant "${n}" (known: ${VARIANTS.map((x) => x.name).join(', ')})`);
      process.exit(2);
    }
    return v;
  });
}

function main(argv: string[]): void {
  let out = resolve(import.meta.dirname, '../.data/variants');
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') { console.log(USAGE); return; }
    if (a === '--list') {
      const w = Math.max(...VARIANTS.map((v) => v.name.length));
      for (const v of VARIANTS) console.log(`${v.name.padEnd(w)}  ${v.description}`);
      return;
    }
    if (a === '--out') {
      if (!argv[i + 1]) { console.error(`--out needs a folder\n${USAGE}`); process.exit(2); }
      out = argv[++i];
      continue;
    }
    if (a.startsWith('-')) { console.error(`unknown option ${a}\n${USAGE}`); process.exit(2); }
    names.push(...a.split(',').filter(Boolean));
  }
  const dir = resolve(out);
  const folders = writeVariants(dir, pickVariants(names));
  console.log(`${folders.length} variants written to ${dir}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('make-variants.ts')) main(process.argv.slice(2));
