import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';
import { contentOf, count, integrity, inspect, killWhenFileGrows, outlookGenerator, runSync } from './crash-helpers.js';

/**
 * kill -9 during `dupes merge --all` and `import undo`: each is one transaction, so after the
 * kill the org is either exactly as before or exactly as after — never between.
 */
const ROWS = 12_000;

let base: string;
let baseline: string;
let beforeHash: string;

/** A digest of every row of every table. */
const fingerprint = (db: string): string => inspect(db, (raw) => createHash('sha256').update(JSON.stringify(contentOf(raw))).digest('hex'));

beforeAll(async () => {
  base = tempDir('crmctl-crash-merge-');
  await (await outlookGenerator()).writeOutlookFile(join(base, 'people.csv'), ROWS);
  baseline = join(base, 'baseline.db');
  expect(runSync(['--db', baseline, 'init', '--company', 'Acme', '--admin', 'admin'], base).code).toBe(0);
  // The same file twice with --on-duplicate create: every contact exists twice (same e-mail), one duplicate pair per row.
  for (const job of ['job-1', 'job-2']) {
    const imported = runSync(['--db', baseline, 'import', 'people.csv', '--object', 'contact', '--json'], base);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ job, inserted: ROWS });
  }
  beforeHash = fingerprint(baseline);
});

/** A copy of the baseline org in its own folder (the copy is made while no process has it open). */
function copyOfBaseline(name: string): string {
  const dir = join(base, name);
  mkdirSync(dir);
  const db = join(dir, 'org.db');
  copyFileSync(baseline, db);
  return db;
}

describe('kill -9 during one-transaction commands', () => {
  it('dupes merge --all: after the kill the org is exactly as before (or wholly merged); the rerun merges every pair', async () => {
    const db = copyOfBaseline('merge');
    const args = ['--db', db, 'dupes', 'merge', 'contact', '--all', '--yes', '--no-backup', '--json'];
    // The WAL grows once the merge transaction's changes spill out of the page cache, long before it commits.
    const killed = await killWhenFileGrows(args, base, `${db}-wal`, 512 * 1024);
    expect(killed).toEqual({ finishedFirst: false, signal: 'SIGKILL' });
    inspect(db, (raw) => expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 }));
    // The merge spills to the WAL for about a second before it commits, so the kill lands inside it;
    // should the machine be slow to deliver it, the only other acceptable state is all merged.
    const mergedBeforeKill = inspect(db, (raw) => count(raw, 'merge_job'));
    if (mergedBeforeKill === 0) expect(fingerprint(db)).toBe(beforeHash);
    else inspect(db, (raw) => expect([count(raw, 'merge_job'), count(raw, 'Contact')]).toEqual([ROWS, ROWS]));

    const rerun = runSync(args, base);
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject(mergedBeforeKill === 0 ? { groups: ROWS, merged: ROWS } : { groups: 0, merged: 0 });
    inspect(db, (raw) => {
      expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 });
      expect(count(raw, 'Contact')).toBe(ROWS);
      expect((raw.prepare('SELECT count(DISTINCT Email) AS n FROM Contact').get() as { n: number }).n).toBe(ROWS);
    });
  });

  it('import undo: after the kill the org is exactly as before (or the job wholly undone); the rerun removes exactly its contacts', async () => {
    const db = copyOfBaseline('undo');
    const args = ['--db', db, 'import', 'undo', 'job-2', '--yes', '--no-backup', '--json'];
    const job2Ids = inspect(db, (raw) => (raw.prepare("SELECT Id FROM Contact WHERE Id >= (SELECT first_id FROM import_job_created WHERE job_id = 'job-2' AND object = 'Contact') ORDER BY Id").all() as { Id: string }[]).map((r) => r.Id));
    expect(job2Ids).toHaveLength(ROWS);
    const killed = await killWhenFileGrows(args, base, `${db}-wal`, 256 * 1024);
    expect(killed).toEqual({ finishedFirst: false, signal: 'SIGKILL' });
    inspect(db, (raw) => expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 }));
    // Deleting the rows fills the WAL within milliseconds of the commit: the kill may land on either
    // side of it. Before: every row of every table as it was. After: the whole job undone.
    const status = inspect(db, (raw) => (raw.prepare("SELECT status FROM import_job WHERE id = 'job-2'").get() as { status: string }).status);
    if (status !== 'undone') {
      expect(fingerprint(db)).toBe(beforeHash);
      const rerun = runSync(args, base);
      expect(rerun.code).toBe(0);
      expect(JSON.parse(rerun.stdout)).toMatchObject({ job: 'job-2', deleted: { Contact: ROWS } });
    }
    inspect(db, (raw) => {
      expect(integrity(raw)).toEqual({ integrity: 'ok', foreignKeyProblems: 0 });
      expect(count(raw, 'Contact')).toBe(ROWS);
      const left = raw.prepare(`SELECT count(*) AS n FROM Contact WHERE Id IN (${job2Ids.map(() => '?').join(',')})`).get(...job2Ids) as { n: number };
      expect(left.n).toBe(0);
    });
  });
});
