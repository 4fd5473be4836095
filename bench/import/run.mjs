// Import benchmark: crmctl import of N generated Outlook rows vs the floor (csv-parse + batched
// better-sqlite3 inserts of the same rows), measured in the same run. Prints rows/s, the ratio to the
// floor and peak RSS. Usage: node bench/import/run.mjs [--rows N] [--repeat K]   (default 200000 rows, 3 pairs; 1M with --full)
// Floor and crmctl run alternately K times: this host's speed drifts by a third from one minute to the
// next, so one pair can say 0.55× or 0.82× for the same code. Each pair's ratio is printed; the result
// is the median pair (by ratio), and peak RSS is the highest of all crmctl runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeOutlookFile } from './generate-outlook.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const rows = args.includes('--full') ? 1_000_000 : option('--rows', 200_000);
const repeat = option('--repeat', 3);
const dir = mkdtempSync(join(tmpdir(), 'crmctl-bench-import-'));
const file = join(dir, 'outlook-contacts.csv');

function timed(command, commandArgs, env = {}) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench/report-rss.mjs'), command, ...commandArgs], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, ...env, CRMCTL_BENCH_RSS: rssFile },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 3) throw new Error(`${command} failed (${result.status}): ${result.stderr}`);
  return { seconds, maxRssMB: Number(readFileSync(rssFile, 'utf8')), stdout: result.stdout };
}

export async function runImportBenchmark() {
  process.stderr.write(`generating ${rows.toLocaleString('en-US')} Outlook rows…\n`);
  await writeOutlookFile(file, rows);
  const pairs = [];
  for (let i = 0; i < repeat; i++) {
    const floor = timed(join(root, 'bench/import/floor.mjs'), [file, join(dir, `floor-${i}.db`)]);
    const db = `org-${i}.db`;
    const init = spawnSync(process.execPath, [join(root, 'bin/crmctl'), '--db', db, 'init', '--company', 'Bench', '--admin', 'admin', '--locale', 'en-US'], { cwd: dir, encoding: 'utf8' });
    if (init.status !== 0) throw new Error(init.stderr);
    const ours = timed(join(root, 'bin/crmctl'), ['--db', db, 'import', file, '--object', 'contact', '--json', '--yes']);
    for (const f of [`floor-${i}.db`, db]) for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, f + suffix), { force: true });
    const pair = { floor, ours, summary: JSON.parse(ours.stdout), ratio: floor.seconds / ours.seconds };
    pairs.push(pair);
    process.stderr.write(`  pair ${i + 1}/${repeat}: floor ${floor.seconds.toFixed(2)}s, crmctl ${ours.seconds.toFixed(2)}s, ratio ${pair.ratio.toFixed(2)}×\n`);
  }
  const median = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor((pairs.length - 1) / 2)];
  const { floor, ours, summary } = median;
  const floorRate = rows / floor.seconds;
  const ourRate = rows / ours.seconds;
  const result = {
    rows,
    pairs: pairs.map((p) => +p.ratio.toFixed(2)),
    floor: { rowsPerSecond: Math.round(floorRate), seconds: +floor.seconds.toFixed(2), peakRssMB: Math.round(Math.max(...pairs.map((p) => p.floor.maxRssMB))) },
    crmctl: { rowsPerSecond: Math.round(ourRate), seconds: +ours.seconds.toFixed(2), peakRssMB: Math.round(Math.max(...pairs.map((p) => p.ours.maxRssMB))), inserted: summary.inserted, rejected: summary.rejected },
    ratio: +(ourRate / floorRate).toFixed(2),
    target: '≥ 0.8× the floor (below 0.6× is a defect); ≤ 256 MB peak RSS at 1M rows',
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runImportBenchmark();
  console.log(`import ${r.rows.toLocaleString('en-US')} Outlook rows, ${r.pairs.length} floor/crmctl pairs (ratios ${r.pairs.join(', ')}; the median pair below)`);
  console.log(`  floor  (csv-parse + batched inserts): ${r.floor.rowsPerSecond.toLocaleString('en-US')} rows/s, ${r.floor.seconds}s, peak RSS ${r.floor.peakRssMB} MB`);
  console.log(`  crmctl import:                        ${r.crmctl.rowsPerSecond.toLocaleString('en-US')} rows/s, ${r.crmctl.seconds}s, peak RSS ${r.crmctl.peakRssMB} MB (inserted ${r.crmctl.inserted}, rejected ${r.crmctl.rejected})`);
  console.log(`  ratio ${r.ratio}× the floor (median of ${r.pairs.length})   target: ${r.target}`);
}
