import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openOrgDb, PAGE_SIZE, schemaVersion } from '../../../src/core/store/database.js';
import { LATEST_SCHEMA_VERSION, runMigrations } from '../../../src/core/store/migrations.js';
import { bulkInserter, getRecord } from '../../../src/core/store/records.js';
import { memoryOrg, tempDir } from '../../helpers/org.js';

const indexSql = (db: Database.Database, name: string): string | undefined =>
  (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) as { sql: string } | undefined)?.sql;

describe('how the org file stores records', () => {
  it('gives a new org file 16 KiB pages and leaves an existing file its own page size', () => {
    const dir = tempDir();
    const fresh = openOrgDb(join(dir, 'new.db'), { create: true });
    expect(fresh.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    fresh.close();

    const oldPath = join(dir, 'old.db');
    const old = new Database(oldPath);
    old.pragma('page_size = 4096');
    old.exec('CREATE TABLE made_by_an_older_version (x)');
    old.close();
    const reopened = openOrgDb(oldPath);
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(schemaVersion(reopened)).toBe(LATEST_SCHEMA_VERSION);
    reopened.close();
  });

  it('writes the constant columns of a bulk insert as they are, quotes included, beside the bound ones', async () => {
    const { db, session } = await memoryOrg();
    const contact = session.objects.get('Contact');
    const stamp = { CreatedDate: "2026-11-23T10:00:00.000Z", CreatedById: session.actor.id, LastModifiedDate: "it's 'quoted'", LastModifiedById: session.actor.id };
    const insert = bulkInserter(db, contact, ['Id', 'LastName', 'Email', 'CreatedDate'], stamp);
    insert({ Id: '003000000000901', LastName: "O'Brien", Email: null, CreatedDate: 'ignored: the constant wins' });
    insert({ Id: '003000000000902', LastName: 'Þórsdóttir', Email: 'gudrun@example.is' });
    expect(getRecord(db, contact, '003000000000901')).toMatchObject({ LastName: "O'Brien", Email: null, ...stamp });
    expect(getRecord(db, contact, '003000000000902')).toMatchObject({ LastName: 'Þórsdóttir', Email: 'gudrun@example.is', ...stamp });
    expect(() => bulkInserter(db, contact, ['Id'], { NoSuchField: 'x' })).toThrow(/Contact has no column NoSuchField/);
  });

  it('indexes references without their empty values, and lookups by a parent id still use the index', async () => {
    const { db } = await memoryOrg();
    expect(indexSql(db, 'ix_Contact_ReportsToId')).toMatch(/WHERE "ReportsToId" IS NOT NULL$/);
    expect(indexSql(db, 'ix_Contact_AccountId')).toMatch(/WHERE "AccountId" IS NOT NULL$/);
    // E-mail is looked up by value, never a reference: it keeps every row.
    expect(indexSql(db, 'ix_Contact_Email')).not.toMatch(/WHERE/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT "Id" FROM "Contact" WHERE "ReportsToId" = ?').all('003000000000001') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('ix_Contact_ReportsToId');
  });

  it('turns the full reference indexes of an older org into partial ones when it is opened', async () => {
    const { db } = await memoryOrg();
    db.exec('DROP INDEX "ix_Contact_ReportsToId"; CREATE INDEX "ix_Contact_ReportsToId" ON "Contact" ("ReportsToId")');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION - 1}`);
    runMigrations(db);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(indexSql(db, 'ix_Contact_ReportsToId')).toMatch(/WHERE "ReportsToId" IS NOT NULL$/);
  });
});
