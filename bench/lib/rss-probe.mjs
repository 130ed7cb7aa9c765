// Preloaded into every child process the benchmark times (node --import): on exit, writes the
// process's peak resident set size (process.resourceUsage().maxRSS, in KiB) to the file named
// by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
