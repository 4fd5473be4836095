// Preloaded with `node --import` into a benchmarked process: writes its peak RSS to $CRMCTL_BENCH_RSS at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.CRMCTL_BENCH_RSS) writeFileSync(process.env.CRMCTL_BENCH_RSS, String(process.resourceUsage().maxRSS / 1024));
});
