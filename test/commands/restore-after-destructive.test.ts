import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

/**
 * The automatic backup a destructive command takes is the state just before it: restoring it brings
 * back every row of every table. (merge --all is covered in backup-doctor.test.ts; here import undo
 * and record delete --where.)
 */
function contentOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}" ORDER BY rowid`).all()]));
  } finally {
    db.close();
  }
}

async function orgWithImport() {
  const dir = tempDir('crmctl-restore-');
  const db = join(dir, 'org.db');
  const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });
  expect((await run('init', '--company', 'Acme', '--admin', 'admin')).code).toBe(0);
  expect((await run('record', 'create', 'contact', '--set', 'FirstName=Anna', '--set', 'LastName=Ozola', '--set', 'Email=anna@example.lv', '--set', 'Title=CTO')).code).toBe(0);
  writeFileSync(
    join(dir, 'people.csv'),
    'First Name,Last Name,E-mail Address,Job Title,Business Country/Region\r\n' +
      'Anna,Ozola,anna@example.lv,CEO,Latvia\r\n' +
      'Jānis,Bērziņš,janis@example.lv,Sales,Latvia\r\n' +
      'Päivi,Mäkelä,paivi@example.fi,Purchasing,Finland\r\n' +
      'Guðrún,Þórsdóttir,gudrun@example.is,CFO,Iceland\r\n',
  );
  // An upsert: one record updated (Anna's title), three created — undo must delete three and restore one.
  const imported = await run('import', 'people.csv', '--object', 'contact', '--mode', 'upsert', '--match-on', 'Email', '--json');
  expect(imported.code).toBe(0);
  expect(imported.json()).toMatchObject({ job: 'job-1', inserted: 3, updated: 1 });
  return { dir, db, run };
}

describe('restoring the automatic backup of a destructive command', () => {
  it('import undo: the restore brings back the imported and updated records exactly', async () => {
    const { db, run } = await orgWithImport();
    const before = contentOf(db);
    const undone = await run('import', 'undo', 'job-1', '--yes', '--json');
    expect(undone.code).toBe(0);
    const { backup, deleted, restored } = undone.json<{ backup: string; deleted: Record<string, number>; restored: number }>();
    expect(deleted).toMatchObject({ Contact: 3 });
    expect(restored).toBe(1);
    expect(backup).toMatch(/backups\/org-.*-before-undo-job-1\.db$/);
    const undoneContent = contentOf(db);
    expect(undoneContent.Contact!.map((c) => (c as { Title: string }).Title)).toEqual(['CTO']);

    expect((await run('restore', backup, '--yes', '--json')).code).toBe(0);
    expect(contentOf(db)).toEqual(before);
  });

  it('record delete --where: the restore brings back the deleted records and empties the recycle bin again', async () => {
    const { db, run } = await orgWithImport();
    const before = contentOf(db);
    const removed = await run('record', 'delete', 'contact', '--where', "MailingCountry = 'Latvia'", '--yes', '--json');
    expect(removed.code).toBe(0);
    const { backup, deleted } = removed.json<{ backup: string; deleted: string[] }>();
    // Jānis, and Anna (the import gave her a Latvian address).
    expect(deleted).toHaveLength(2);
    expect(existsSync(backup)).toBe(true);
    expect(backup).toMatch(/-before-delete-contact\.db$/);
    expect(contentOf(db).Contact).toHaveLength(before.Contact!.length - 2);

    expect((await run('restore', backup, '--yes', '--json')).code).toBe(0);
    expect(contentOf(db)).toEqual(before);
  });
});
