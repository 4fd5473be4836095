#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its figures against a floor or target measured in
// the same run. Pass --full for the 1M-row/1M-contact sizes; --only import|import-accuracy|dedup|dedup-e2e|hostile to pick one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('./', import.meta.url));
const args = process.argv.slice(2);
const full = args.includes('--full');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const benches = [
  { name: 'import', script: 'import/run.mjs', args: full ? ['--full'] : ['--rows', '200000'] },
  { name: 'import-accuracy', script: 'import/accuracy.mjs', args: [] },
  { name: 'dedup', script: 'dedup/run.mjs', args: full ? ['--full'] : [] },
  { name: 'dedup-e2e', script: 'dedup/exports-eval.mjs', args: [] },
  { name: 'hostile', script: 'hostile/long-line.mjs', args: full ? ['--full'] : [] },
];

let failed = 0;
for (const bench of benches) {
  if (only && bench.name !== only) continue;
  if (!existsSync(here + bench.script)) continue;
  console.log(`\n=== ${bench.name} ===`);
  const result = spawnSync(process.execPath, [here + bench.script, ...bench.args], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`(${bench.name} exited with ${result.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
