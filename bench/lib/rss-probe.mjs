// Preloaded into every Node child process the benchmark times (node --import): on exit, writes
// to the file named by BENCH_RSS_FILE the process's peak resident set size (KiB) and the CPU
// time it used (user + system, ms), as JSON, from process.resourceUsage().
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
