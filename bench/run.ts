/**
 * `npm run bench`: the benchmarks of issue 6 on this machine, each figure the median of several
 * runs (see README "Benchmarks"). Options: --runs N (default 5; the load and scale sections use
 * at most 3), --rows N (observations of the load section, default 1,000,000), --editions N
 * (scale corpus, default 30), --only rebuild,pdf,load,scale (default all), --help.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { printTargets, type Figures } from './lib/report.ts';
import { benchLoad } from './sections/load.ts';
import { benchPdf } from './sections/pdf.ts';
import { benchRebuild } from './sections/rebuild.ts';
import { benchScale } from './sections/scale.ts';

const SECTIONS = ['rebuild', 'pdf', 'load', 'scale'] as const;

const USAGE = `usage: npm run bench -- [--runs N≥1] [--rows N≥1] [--editions N≥3] [--only ${SECTIONS.join(',')}]`;

/** The options, or the usage on stderr and exit code 2 when they do not parse. */
function options() {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        rows: { type: 'string', default: '1000000' },
        editions: { type: 'string', default: '30' },
        only: { type: 'string', default: SECTIONS.join(',') },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}
const values = options();
if (values.help) {
  console.log(`${USAGE}

  --runs N       runs per figure, the median printed (default 5; load and scale use at most 3)
  --rows N       synthetic observations of the load section (default 1,000,000)
  --editions N   editions of the synthetic scale corpus (default 30)
  --only LIST    sections to run, comma-separated (default all)

Prints every figure with its ratio and, at the end, the targets of issue 6 met or not (README "Benchmarks").`);
  process.exit(0);
}
const runs = Number(values.runs);
const rows = Number(values.rows);
const editions = Number(values.editions);
const only = values.only.split(',');
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (!(runs >= 1) || !(rows >= 1) || !(editions >= 3) || unknown.length) {
  console.error(`${USAGE}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}

/** The 1-minute load average, with a warning when other work competes for the CPUs. */
function load(when: string): string {
  const [one] = loadavg();
  const busy = one > cpus().length * 0.5 ? ' — other processes compete for the CPUs: figures are slower and noisier than on a quiet machine' : '';
  return `load average ${when}: ${one.toFixed(2)}${busy}`;
}

console.log(`Benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${load('at start')}`);
const figures: Figures = {};
if (only.includes('rebuild')) Object.assign(figures, await benchRebuild(runs));
if (only.includes('pdf')) Object.assign(figures, await benchPdf(runs));
if (only.includes('load')) Object.assign(figures, await benchLoad(Math.min(runs, 3), rows));
if (only.includes('scale')) Object.assign(figures, await benchScale(Math.min(runs, 3), editions));
printTargets(figures);
console.log(`\n${load('at the end')}`);
