/**
 * The layout-variant corpus: each variant re-prints a seed report with ONE layout change that real,
 * unseen editions show; values and row labels do not change, so the seed's golden records still
 * hold for the variant. `npx tsx scripts/make-variants.ts` writes them; `npm run score -- --variants`
 * measures the pipeline on each.
 */
import { noBlankLines } from './blank-lines.ts';
import { captionAfter, captionDetached, noCaptions } from './move-captions.ts';
import { headerDown } from './header-down.ts';
import { fullWidth, groupedFourDigits, groupedThousands } from './number-forms.ts';
import { overprintFull, overprintPartial } from './overprint.ts';
import { continuedHeader, figureInside, pageFurniture } from './page-breaks.ts';
import { loadGolden, readSeedLines, SEEDS, type GoldenRow } from './seed-tables.ts';
import { spaced } from './spacing.ts';
import { titleBracket, titleChinese, titleNone } from './title-forms.ts';
import { traditional } from './traditional.ts';
import { labelOwnLine, wrappedLabels } from './wrap-labels.ts';

/** A variant generator: the seed's lines and its golden rows in, the re-printed lines out. Pure and deterministic. */
export type VariantFn = (lines: readonly string[], golden: readonly GoldenRow[]) => string[];

/** A named variant with a one-line description. */
export interface Variant {
  name: string;
  description: string;
  make: VariantFn;
  /** Seeds that already print this way, which the variant leaves unchanged (scored, they repeat the baseline). */
  leaves?: readonly string[];
}

/** Every variant, in the order they are listed and scored. */
export const VARIANTS: readonly Variant[] = [
  { name: 'caption-after', make: captionAfter, description: 'captions printed before their body moved to right after its last row (with their 单位 line)' },
  { name: 'caption-detached', make: captionDetached, description: 'captions printed after the next prose paragraph (or before the previous one); consecutive 附表 captions listed together before their bodies' },
  { name: 'no-captions', make: noCaptions, description: 'every table caption line removed (refs are provisional; scored after mapping them to golden refs)' },
  { name: 'overprint-partial', make: overprintPartial, description: 'captions with the ref digits and years overprinted ×4: "表3333----1111 2016201620162016—…"' },
  { name: 'overprint-full', make: overprintFull, description: 'captions with every run overprinted ×4, as the 2006 edition\'s titles' },
  { name: 'spaced', make: spaced, description: 'spaced refs and years in captions and headers ("表 3 - 1", "2 0 1 7 年"), two-character row labels spaced ("北 京")' },
  { name: 'title-bracket', make: titleBracket, description: 'edition titles as 《全国技术市场统计年度报告（2018）》' },
  { name: 'title-chinese', make: titleChinese, description: 'edition titles as 二〇一八年度全国技术市场统计年度报告' },
  { name: 'title-none', make: titleNone, description: 'edition titles and running heads naming the year removed: the edition must be inferred' },
  { name: 'traditional', make: traditional, description: 'the whole text in traditional script (opencc-js cn → tw), ASCII untouched' },
  { name: 'wrapped-labels', make: wrappedLabels, description: 'row labels of 6+ CJK characters wrapped over two lines, alternately head-alone / tail-alone' },
  { name: 'label-own-line', make: labelOwnLine, description: 'every labelled row printed as its label on one line and its cells on the next' },
  { name: 'full-width', make: fullWidth, description: 'table body digits, points, minus and percent signs full-width (１３４２４．２２, －, ％)' },
  { name: 'grouped-thousands', make: groupedThousands, description: 'table cells of 5+ integer digits grouped by a space ("81 266"), as the 2021 edition prints them', leaves: ['001_4bcf1cefdaeec81d.txt'] },
  { name: 'grouped-four-digits', make: groupedFourDigits, description: 'table cells of 4+ integer digits grouped by a space ("13 424.22", "5 695.3")' },
  { name: 'header-down', make: headerDown, description: 'table header lines printed one cell per line' },
  { name: 'continued-header', make: continuedHeader, description: 'long tables broken mid-body by "续表" and their header printed again' },
  { name: 'figure-inside', make: figureInside, description: 'a figure (caption, value labels, axis ticks) printed in the middle of long table bodies, the table going on after it without its header' },
  { name: 'page-furniture', make: pageFurniture, description: 'long tables broken mid-body by a page number, running head and part title' },
  { name: 'no-blank-lines', make: noBlankLines, description: 'every empty line removed, as pdf-parse extracts text (the rotated 表5-1 kept as printed)' },
];

/** The variant named `name`, or undefined. */
export function variantNamed(name: string): Variant | undefined {
  return VARIANTS.find((v) => v.name === name);
}

/** The seeds variants are made from (file names in fixtures/), with their lines and golden rows. */
export function loadSeeds(): { seed: string; lines: string[]; golden: GoldenRow[] }[] {
  return SEEDS.map((seed) => ({ seed, lines: readSeedLines(seed), golden: loadGolden(seed) }));
}
