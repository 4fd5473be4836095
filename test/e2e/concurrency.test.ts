import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';
import { count, integrity, inspect, outlookGenerator, runSync, spawnCrmctl } from './crash-helpers.js';

/**
 * Two writers on one org file: SQLite lets one write at a time. The second waits (busy timeout 10 s)
 * and then does its work, or gives up with a clear BUSY error and changes nothing — never a
 * corrupted file, never a half-done command.
 */
const ROWS = 8_000;

let base: string;
let template: string;

beforeAll(async () => {
  base = tempDir('crmctl-concurrency-');
  await (await outlookGenerator()).writeOutlookFile(join(base, 'people.csv'), ROWS);
  template = join(base, 'template.db');
  expect(runSync(['--db', template, 'init', '--company', 'Acme', '--admin', 'admin'], base).code).toBe(0);
  // Two pairs of duplicates for the merge to find.
  for (const [first, last, email] of [
    ['Päivi', 'Mäkelä', 'paivi@example.fi'],
    ['Paivi', 'Makela', 'paivi@example.fi'],
    ['Jānis', 'Bērziņš', 'janis@example.lv'],
    ['Janis', 'Berzins', 'janis@example.lv'],
  ]) {
    expect(runSync(['--db', template, 'record', 'create', 'contact', '--set', `FirstName=${first}`, '--set', `LastName=${last}`, '--set', `Email=${email}`], base).code).toBe(0);
  }
});

function orgCopy(name: string): { dir: string; db: string } {
  const dir = join(base, name);
  mkdirSync(dir);
  copyFileSync(join(base, 'people.csv'), join(dir, 'people.csv'));
  const db = join(dir, 'org.db');
  copyFileSync(template, db);
  return { dir, db };
}

const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

describe('two crmctl processes writing the same org', () => {
  it('a merge --all started during a large import waits for it, then both finish correctly', async () => {
    const { dir, db } = orgCopy('import-and-merge');
    const importing = spawnCrmctl(['--db', db, 'import', 'people.csv', '--object', 'contact', '--json'], dir);
    // Start the merge once the import is writing rows inside its transaction (it holds the write lock).
    while (sizeOf(join(dir, 'people.success.csv.partial')) < 2000) await new Promise((r) => setTimeout(r, 5));
    const merging = spawnCrmctl(['--db', db, 'dupes', 'merge', 'contact', '--all', '--yes', '--json'], dir);
    const [imported, merged] = await Promise.all([importing.result, merging.result]);

    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: ROWS, inserted: ROWS, rejected: 0 });
    expect(merged.code).toBe(0);
    expect(merged.stderr).toBe('');
    // The merge found its duplicates before the import committed: exactly the two pairs.
    expect(JSON.parse(merged.stdout)).toMatchObject({ groups: 2, merged: 2 });
    inspect(db, (raw) => {
      expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 });
      expect(count(raw, 'Contact')).toBe(ROWS + 2);
      expect(count(raw, 'import_job')).toBe(1);
      expect(count(raw, 'merge_job')).toBe(2);
      const emails = raw.prepare("SELECT Email FROM Contact WHERE Email IN ('paivi@example.fi', 'janis@example.lv') ORDER BY Email").all();
      expect(emails).toEqual([{ Email: 'janis@example.lv' }, { Email: 'paivi@example.fi' }]);
    });
  });

  it('a writer blocked for longer than the busy timeout fails with a clear BUSY error and changes nothing', async () => {
    const { dir, db } = orgCopy('busy');
    // Another process holds the write lock (as a long import would) for longer than the 10 s timeout.
    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const blocked = spawnCrmctl(['--db', db, 'import', 'people.csv', '--object', 'contact', '--json'], dir);
    const run = await blocked.result;
    const waited = Date.now() - started;
    holder.exec('ROLLBACK');
    holder.close();

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'BUSY', message: expect.stringContaining('another crmctl process is writing to it') } });
    expect(run.stderr.split('\n')[0]).toBe('error The org is busy: another crmctl process is writing to it, and it did not finish within 10 seconds. Nothing was changed by this command.');
    expect(waited).toBeGreaterThanOrEqual(9_500);
    inspect(db, (raw) => {
      expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 });
      expect(count(raw, 'Contact')).toBe(4);
      expect(count(raw, 'import_job')).toBe(0);
    });
    expect(existsSync(join(dir, 'people.success.csv'))).toBe(false);
    expect(existsSync(join(dir, 'people.success.csv.partial'))).toBe(false);
  });

  it('a writer blocked for a moment just waits and succeeds', async () => {
    const { dir, db } = orgCopy('brief');
    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const created = spawnCrmctl(['--db', db, 'record', 'create', 'contact', '--set', 'LastName=Þórsdóttir', '--json'], dir);
    await new Promise((r) => setTimeout(r, 1500));
    holder.exec('COMMIT');
    holder.close();
    const run = await created.result;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ id: expect.stringMatching(/^003/) });
    inspect(db, (raw) => expect(count(raw, 'Contact')).toBe(5));
  });
});
