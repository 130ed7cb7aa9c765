/**
 * The synthetic corpus of the scale run: editions generated from the report seeds in fixtures/
 * by changing years and numbers consistently, so that every check comes out exactly as on the
 * seed it was made from.
 *
 * Variant v of a seed (v = 1, 2, …):
 * - every figure that measures the size of the market (counts and amounts: contract_count,
 *   turnover, tech_transaction_amount, gdp, rd_expenditure, org_count …; every measure that is
 *   not a share, growth rate, ratio, average or rank) is multiplied by 10 by moving its decimal
 *   point one place right ("13424.22" → "134242.2", "84 451" → "844510"). The printed interval
 *   of each such value ([v − ½·10^-d, v + ½·10^-d]) is multiplied by 10 with it, so sums of
 *   children and rows hold exactly as before, while shares, growth rates, averages, ratios and
 *   ranks, which compare figures that all scaled alike, keep their printed values and still
 *   agree. The cells to change are found with the transform itself (each observation's line and
 *   raw cell text); the rest of the text, prose included, is left as printed.
 * - every year ("2020 年", "2019—2020 年", "2018 全国技术市场…") is moved v years back, except
 *   on overprinted lines ("表表表表9999 2001-20052001-2005…"), which stay as printed.
 * Each generated edition is then extracted, transformed and checked, and its profile (tables,
 * observations, findings, and check outcomes by kind, status and severity) compared with its
 * seed's: `CorpusEdition.sameProfile` says whether they agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runChecks } from '../../src/checks/index.ts';
import { extractText } from '../../src/extract/text.ts';
import type { Observation } from '../../src/model.ts';
import { transformDocument } from '../../src/transform/index.ts';
import { collapseOverprint } from '../../src/transform/text.ts';

/** One generated edition. */
export interface CorpusEdition {
  path: string;
  seed: string;
  variant: number;
  /** Cells multiplied by 10. */
  scaledCells: number;
  /** Lines with a figure to scale whose cells could not all be found (left unchanged). */
  unlocatedLines: number;
  profile: string;
  seedProfile: string;
  sameProfile: boolean;
}

/** Measures that do not change when every count and amount is multiplied alike. */
const INVARIANT = /(_pct$|rank|^avg_)/;

/** A year printed as such: before 年, before the report's name, or opening a range "2019—2020 年". */
const YEAR = /(?<![\d.])((?:19|20)\d{2})(?=\s*(?:年|全国|Annual)|\s*[—–~～-]\s*(?:19|20)\d{2}\s*年)/g;

/** The numeric part of a raw cell ("84 451", "-3.5", "28 251.5" of "28 251.5a"). */
const RAW_NUMBER = /-?\d[\d ]*(?:\.\d+)?/;

/** `value` (an exact decimal such as "13424.22") times 10, its decimal point moved one place. */
export function timesTen(value: string): string {
  const negative = value.startsWith('-');
  const [int, frac = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = (int + (frac[0] ?? '0')).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(1);
  return `${negative ? '-' : ''}${digits}${rest ? `.${rest}` : ''}`;
}

/** The check profile of a seed text: what its transform and checks find, as one line. */
async function profileOf(path: string, text: string): Promise<{ profile: string; observations: Observation[] }> {
  const doc = await extractText(path, Buffer.from(text));
  const result = transformDocument(doc);
  const checks = runChecks(result.observations, { tolerance: 0 });
  const counts = new Map<string, number>();
  for (const c of checks) counts.set(`${c.checkKind}/${c.status}/${c.severity}`, (counts.get(`${c.checkKind}/${c.status}/${c.severity}`) ?? 0) + 1);
  const outcome = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${k}=${n}`).join(' ');
  return {
    profile: `tables=${result.tables.length} observations=${result.observations.length} findings=${result.findings.length} ${outcome}`,
    observations: result.observations,
  };
}

/**
 * Where each observation's raw cell is printed in `text`: the first occurrence, standing alone
 * (no digit or point either side), not already taken by another observation. Null when one of
 * them cannot be found.
 */
function locate(text: string, observations: Observation[]): { start: number; end: number; o: Observation }[] | null {
  const taken: { start: number; end: number; o: Observation }[] = [];
  for (const o of observations) {
    let from = 0;
    let found = -1;
    while ((found = text.indexOf(o.raw, from)) >= 0) {
      const end = found + o.raw.length;
      const alone = !/[\d.]/.test(text[found - 1] ?? '') && !/[\d.]/.test(text[end] ?? '');
      const free = taken.every((t) => end <= t.start || found >= t.end);
      if (alone && free) break;
      from = found + 1;
    }
    if (found < 0) return null;
    taken.push({ start: found, end: found + o.raw.length, o });
  }
  return taken;
}

/** The text of variant `variant` of a seed, with the number of cells scaled and lines left alone. */
function variantText(seedText: string, observations: Observation[], variant: number): { text: string; scaled: number; unlocated: number } {
  const byLine = new Map<number, Observation[]>();
  for (const o of observations) byLine.set(o.line, [...(byLine.get(o.line) ?? []), o]);
  let scaled = 0;
  let unlocated = 0;
  const lines = seedText.split('\n').map((line, i) => {
    let out = line;
    const here = byLine.get(i + 1);
    if (here?.some((o) => !INVARIANT.test(o.measure))) {
      const cells = locate(line, here);
      if (!cells) unlocated++;
      else {
        for (const { start, end, o } of cells.filter((c) => !INVARIANT.test(c.o.measure)).sort((a, b) => b.start - a.start)) {
          out = out.slice(0, start) + o.raw.replace(RAW_NUMBER, timesTen(o.value)) + out.slice(end);
          scaled++;
        }
      }
    }
    // An overprinted line ("表表表表9999 2001-20052001-2005…") is left alone: shifting one of its
    // copies would break the repetition transform collapses.
    return collapseOverprint(out) === out ? out.replace(YEAR, (y) => String(Number(y) - variant)) : out;
  });
  return { text: lines.join('\n'), scaled, unlocated };
}

/**
 * Writes `count` editions into `dir`, made from the text seeds `seeds` in turn (those with
 * observations: a prose-only document is no edition): variant 1 of every seed, then variant 2 …
 * File names keep that order: "00_<seed>_v1.txt". Returns each edition with its profile check.
 */
export async function writeCorpus(dir: string, seeds: string[], count: number): Promise<CorpusEdition[]> {
  const prepared = [];
  for (const path of seeds) {
    const text = readFileSync(path, 'utf8');
    const profiled = await profileOf(path, text);
    if (profiled.observations.length) prepared.push({ path, text, ...profiled });
  }
  if (!prepared.length) throw new Error('no seed with observations to make a corpus from');
  const editions: CorpusEdition[] = [];
  for (let k = 0; k < count; k++) {
    const seed = prepared[k % prepared.length];
    const variant = Math.floor(k / prepared.length) + 1;
    const { text, scaled, unlocated } = variantText(seed.text, seed.observations, variant);
    const path = join(dir, `${String(k).padStart(2, '0')}_${basename(seed.path, '.txt')}_v${variant}.txt`);
    writeFileSync(path, text);
    const { profile } = await profileOf(path, text);
    editions.push({
      path, seed: basename(seed.path), variant, scaledCells: scaled, unlocatedLines: unlocated,
      profile, seedProfile: seed.profile, sameProfile: profile === seed.profile,
    });
  }
  return editions;
}
