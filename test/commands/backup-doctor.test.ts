import { copyFileSync, readFileSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

/** Every row of every table, in rowid order: the org's content independent of page layout. */
function contentOf(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const content: Record<string, unknown[]> = {};
  for (const t of tables) content[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all();
  db.close();
  return content;
}

async function orgWithDuplicates() {
  const dir = tempDir();
  const db = join(dir, 'org.db');
  await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
  for (const [first, last, email] of [
    ['Päivi', 'Mäkelä', 'paivi@example.fi'],
    ['Paivi', 'Makela', 'paivi@example.fi'],
    ['Jānis', 'Bērziņš', 'janis@example.lv'],
    ['Janis', 'Berzins', 'janis@example.lv'],
  ]) {
    await cli(['--db', db, 'record', 'create', 'contact', '--set', `FirstName=${first}`, '--set', `LastName=${last}`, '--set', `Email=${email}`]);
  }
  return { dir, db };
}

describe('backup, restore and doctor', () => {
  it('a destructive command backs up first, and restoring that backup brings back exactly the content before it', async () => {
    const { db } = await orgWithDuplicates();
    // Close-time checkpoint has run: the file holds all committed content.
    const before = contentOf(db);
    const merged = await cli(['--db', db, 'dupes', 'merge', 'contact', '--all', '--yes', '--json']);
    expect(merged.code).toBe(0);
    const { backup, merged: count } = merged.json<{ backup: string; merged: number }>();
    expect(count).toBe(2);
    expect(backup).toMatch(/backups\/org-.*-before-merge-all-contact\.db$/);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(statSync(join(db, '..', 'backups')).mode & 0o777).toBe(0o700);
    expect(contentOf(db).Contact).toHaveLength(2);

    const restored = await cli(['--db', db, 'restore', backup, '--yes', '--json']);
    expect(restored.code).toBe(0);
    expect(restored.json()).toMatchObject({ restored: true, company: 'Acme' });
    expect(contentOf(db)).toEqual(before);
  });

  it('restore refuses without --yes when there is no terminal, and refuses files that are not orgs', async () => {
    const { dir, db } = await orgWithDuplicates();
    const backup = (await cli(['--db', db, 'backup', '--json'])).json<{ file: string }>().file;
    expect((await cli(['--db', db, 'restore', backup])).code).toBe(2);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database');
    const refused = await cli(['--db', db, 'restore', junk, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a restorable crmctl org');
  });

  it('doctor reports a healthy org as ok and a damaged copy as damaged', async () => {
    const { dir, db } = await orgWithDuplicates();
    const healthy = await cli(['--db', db, 'doctor', '--json']);
    expect(healthy.code).toBe(0);
    expect(healthy.json()).toMatchObject({ ok: true, checks: expect.arrayContaining([{ name: 'integrity', ok: true, summary: expect.any(String) }]) });

    // Orphans SQLite cannot see: a task whose contact was removed behind crmctl's back.
    const orphaned = join(dir, 'orphaned.db');
    copyFileSync(db, orphaned);
    const raw = new Database(orphaned);
    raw.prepare(`INSERT INTO "Task" ("Id", "Subject", "Status", "Priority", "WhoId") VALUES ('00T000000000001', 'Call', 'Not Started', 'Normal', '003000000000999')`).run();
    raw.close();
    const orphans = await cli(['--db', orphaned, 'doctor', '--json']);
    expect(orphans.code).toBe(1);
    expect(orphans.json()).toMatchObject({ ok: false, checks: expect.arrayContaining([expect.objectContaining({ name: 'orphans', ok: false })]) });

    // Bytes overwritten in the middle of the file.
    const damaged = join(dir, 'damaged.db');
    copyFileSync(db, damaged);
    const size = statSync(damaged).size;
    // One whole page (the size is in the file header, bytes 16-17), so no free space inside a page absorbs it.
    const pageSize = readFileSync(damaged).readUInt16BE(16);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, Math.floor(size / 2 / pageSize) * pageSize);
    closeSync(fd);
    const report = await cli(['--db', damaged, 'doctor', '--json']);
    expect(report.code).not.toBe(0);
    const text = report.stdout + report.stderr;
    expect(text).toMatch(/integrity|malformed|not a crmctl org/);
  });
});
