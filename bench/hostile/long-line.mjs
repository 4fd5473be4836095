// The full-size hostile case of issue 9: a 2 GiB line without a single newline, streamed through
// stdin into `crmctl import -`. crmctl must refuse it with file, line and cause, stop reading early,
// and keep its peak memory bounded by the 8 MiB record limit, not by the input.
// Usage: npm run build && node bench/hostile/long-line.mjs [--gib 2] [--full]   (prints one JSON line per case)
// The full 2 GiB is the default even without --full: crmctl stops reading after ~10 MiB, so it costs seconds.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const argv = process.argv.slice(2);
const gib = argv.includes('--gib') ? Number(argv[argv.indexOf('--gib') + 1]) : 2;
if (!(gib > 0)) throw new Error('--gib expects a positive number of GiB');
const totalBytes = Math.round(gib * GiB);
// Peak RSS of this process: VmHWM (ru_maxrss would include the parent's peak, which is inherited across fork).
const REPORT_RSS = 'data:text/javascript,import{readFileSync,writeSync}from"node:fs";process.on("exit",()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status","utf8"))[1])}catch{}writeSync(2,"\\nMAXRSS_KB="+kb+"\\n")})';

function measure(name, db, head, pattern) {
  const chunk = Buffer.alloc(MiB, pattern);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', REPORT_RSS, BIN, '--db', db, 'import', '-', '--object', 'contact'], { env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  child.stdout.resume();
  child.stdin.on('error', () => {});
  let offered = 0;
  let stopped = false;
  const closed = new Promise((resolve) => child.once('close', resolve));
  (async () => {
    if (head) child.stdin.write(head);
    while (offered < totalBytes && !stopped) {
      const ok = child.stdin.write(chunk);
      offered += chunk.length;
      if (!ok) await Promise.race([new Promise((resolve) => child.stdin.once('drain', resolve)), closed]);
    }
    if (!stopped) child.stdin.end();
  })();
  return new Promise((resolve) => {
    child.on('close', (code) => {
      stopped = true;
      const rssKb = Number(/MAXRSS_KB=(\d+)/.exec(stderr)?.[1]);
      resolve({
        case: name,
        inputMiB: Math.round(totalBytes / MiB),
        exitCode: code,
        error: stderr.split('\n').find((l) => l.startsWith('error')) ?? null,
        peakRssMiB: Math.round(rssKb / 1024),
        // Bytes handed to the pipe before crmctl closed it (it stops reading at the record limit).
        offeredMiB: Math.round(offered / MiB),
        seconds: +((performance.now() - started) / 1000).toFixed(1),
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'crmctl-long-line-'));
try {
  const db = join(dir, 'org.db');
  const init = spawnSync(process.execPath, [BIN, '--db', db, 'init', '--company', 'Bench', '--admin', 'admin'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed (run npm run build first): ${init.stderr}`);
  const results = [
    await measure('one line, no newline at all', db, '', 'x'),
    await measure('header, then a line of short cells', db, 'First Name,Last Name,E-mail Address\r\n', 'abc,def,'),
  ];
  for (const r of results) console.log(JSON.stringify(r));
  const bad = results.filter((r) => r.exitCode !== 1 || r.peakRssMiB > 400 || !/line \d+ is longer than|record starting at line \d+ is longer/.test(r.error ?? ''));
  if (bad.length > 0) {
    console.error('FAILED: a giant line must be refused (exit 1, naming the line) with peak RSS under 400 MiB');
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
