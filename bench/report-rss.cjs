// Preloaded into every benchmarked node process (`node --require bench/report-rss.cjs …`):
// on exit it writes {"maxRSS": KiB, "userUs": µs, "systemUs": µs} (process.resourceUsage())
// to $CODEBOOK_BENCH_RSS_FILE, so the runner gets the child's peak RSS and CPU time.
'use strict';
const { writeFileSync } = require('node:fs');

const file = process.env.CODEBOOK_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const u = process.resourceUsage();
      writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }));
    } catch {
      // The runner reports a missing figure; never change the child's exit.
    }
  });
}
