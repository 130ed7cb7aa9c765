// `npm run score`: rebuild the warehouse from the configured sources, export CSV to a temporary
// file, and compare it with the golden sets by ../shared/score (extra arguments are passed on).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const scorer = resolve(import.meta.dirname, '../../shared/score');
if (!existsSync(scorer)) {
  console.error(`score: ${scorer} not found (the shared golden sets sit beside the repository)`);
  process.exit(2);
}
const etl = resolve(import.meta.dirname, '../bin/etl.js');
const csv = join(mkdtempSync(join(tmpdir(), 'etl-score-')), 'export.csv');
execFileSync(process.execPath, [etl, 'rebuild'], { stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync(process.execPath, [etl, 'export', '--format', 'csv', '-o', csv], { stdio: 'inherit' });
execFileSync(process.execPath, [scorer, csv, ...process.argv.slice(2)], { stdio: 'inherit' });
