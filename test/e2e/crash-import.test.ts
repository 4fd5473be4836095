import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';
import { count, integrity, inspect, killWhenFileGrows, outlookGenerator, runSync } from './crash-helpers.js';

/**
 * kill -9 in the middle of a large import: the import is one transaction, so the org must be
 * exactly as before (integrity ok, no job, no row), and rerunning the same command must leave
 * exactly the file's rows — no duplicates, none missing. Both reading paths: the worker thread
 * (files over 1 MiB) and the single-thread reader.
 */
const ROWS = 30_000;

let source: string;
/** The folder of the test running now: each has its own copy of the file and its own result files. */
let dir: string;
let emails: string[];

beforeAll(async () => {
  source = tempDir('crmctl-crash-import-');
  const generator = await outlookGenerator();
  const headers = await generator.writeOutlookFile(join(source, 'big.csv'), ROWS);
  const emailColumn = headers.indexOf('E-mail Address');
  const rows = generator.outlookRows(ROWS);
  emails = [];
  for (let row = rows.next(); row; row = rows.next()) emails.push(row[emailColumn]!);
  expect(new Set(emails).size).toBe(ROWS);
});

function freshOrg(name: string): string {
  dir = join(source, name);
  mkdirSync(dir);
  copyFileSync(join(source, 'big.csv'), join(dir, 'big.csv'));
  const db = join(dir, 'org.db');
  expect(runSync(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin'], dir).code).toBe(0);
  return db;
}

/** The org after a kill: intact, and holding nothing of the import. */
function expectUntouched(db: string): void {
  inspect(db, (raw) => {
    expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 });
    expect(count(raw, 'Contact')).toBe(0);
    expect(count(raw, 'Account')).toBe(0);
    expect(count(raw, 'import_job')).toBe(0);
    expect(count(raw, 'import_job_created')).toBe(0);
  });
  // Result files appear under their real names only when the import commits.
  expect(existsSync(join(dir, 'big.success.csv'))).toBe(false);
  expect(existsSync(join(dir, 'big.errors.csv'))).toBe(false);
}

/** After the rerun: exactly the file's rows, once each. */
function expectExactlyTheFile(db: string, summary: Record<string, unknown>): void {
  expect(summary).toMatchObject({ rows: ROWS, inserted: ROWS, rejected: 0, skipped: 0 });
  inspect(db, (raw) => {
    expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 });
    const stored = (raw.prepare('SELECT Email FROM Contact ORDER BY Email').all() as { Email: string }[]).map((r) => r.Email);
    expect(stored).toEqual([...emails].sort());
    expect(count(raw, 'import_job')).toBe(1);
  });
  const success = readFileSync(join(dir, 'big.success.csv'), 'utf8').trimEnd().split('\r\n');
  expect(success).toHaveLength(ROWS + 1);
}

const importArgs = (db: string) => ['--db', db, 'import', 'big.csv', '--object', 'contact', '--on-duplicate', 'skip', '--json'];

describe('kill -9 during a large import', () => {
  it('worker-thread path: killed early, a third and two thirds in, the org stays as before; the rerun stores exactly the file', async () => {
    const db = freshOrg('worker');
    const partial = join(dir, 'big.success.csv.partial');
    // The success file's .partial grows only inside the import's transaction, about 33 bytes a row.
    for (const bytes of [100, Math.round(ROWS * 33 * 0.33), Math.round(ROWS * 33 * 0.66)]) {
      const killed = await killWhenFileGrows(importArgs(db), dir, partial, bytes, { CRMCTL_IMPORT_WORKERS: '1' });
      expect(killed).toEqual({ finishedFirst: false, signal: 'SIGKILL' });
      expectUntouched(db);
    }
    const rerun = runSync(importArgs(db), dir, { CRMCTL_IMPORT_WORKERS: '1' });
    expect(rerun.code).toBe(0);
    expectExactlyTheFile(db, JSON.parse(rerun.stdout) as Record<string, unknown>);
    const doctor = runSync(['--db', db, 'doctor', '--json'], dir);
    expect(doctor.code).toBe(0);
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true });
  });

  it('single-thread path: killed half-way, the org stays as before; the rerun stores exactly the file', async () => {
    const db = freshOrg('single');
    const killed = await killWhenFileGrows(importArgs(db), dir, join(dir, 'big.success.csv.partial'), Math.round(ROWS * 33 * 0.5), { CRMCTL_IMPORT_WORKERS: '0' });
    expect(killed).toEqual({ finishedFirst: false, signal: 'SIGKILL' });
    expectUntouched(db);
    const rerun = runSync(importArgs(db), dir, { CRMCTL_IMPORT_WORKERS: '0' });
    expect(rerun.code).toBe(0);
    expectExactlyTheFile(db, JSON.parse(rerun.stdout) as Record<string, unknown>);
  });

  it('an import the engine refuses before reading (worker path) exits at once instead of hanging on its worker thread', () => {
    const db = freshOrg('refused');
    const started = Date.now();
    const refused = runSync(['--db', db, 'import', 'big.csv', '--object', 'contact', '--mode', 'update', '--json'], dir, { CRMCTL_IMPORT_WORKERS: '1' });
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'USAGE', message: '--mode update needs --match-on (Email, Id or an external id field).' } });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(existsSync(join(dir, 'big.success.csv.partial'))).toBe(false);
    expectUntouched(db);
  });
});
