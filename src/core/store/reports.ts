import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import type { SqlFragment } from './filter-sql.js';
import { quoteIdent } from './sql.js';

/** Saved custom reports, command-log and per-user record counts for reports and dashboards. */

export interface SavedReportRow {
  name: string;
  definition: string;
  createdAt: string;
  createdBy: string | null;
}

export function insertSavedReport(db: OrgDb, row: SavedReportRow): void {
  db.prepare('INSERT INTO saved_report (name, definition, created_at, created_by) VALUES (?, ?, ?, ?)').run(row.name, row.definition, row.createdAt, row.createdBy);
}

export function findSavedReport(db: OrgDb, name: string): SavedReportRow | undefined {
  const row = db.prepare('SELECT name, definition, created_at, created_by FROM saved_report WHERE name = ?').get(name) as
    | { name: string; definition: string; created_at: string; created_by: string | null }
    | undefined;
  return row ? { name: row.name, definition: row.definition, createdAt: row.created_at, createdBy: row.created_by } : undefined;
}

export function deleteSavedReport(db: OrgDb, name: string): boolean {
  return db.prepare('DELETE FROM saved_report WHERE name = ?').run(name).changes > 0;
}

export function listSavedReports(db: OrgDb): SavedReportRow[] {
  return (db.prepare('SELECT name, definition, created_at, created_by FROM saved_report ORDER BY name').all() as {
    name: string;
    definition: string;
    created_at: string;
    created_by: string | null;
  }[]).map((r) => ({ name: r.name, definition: r.definition, createdAt: r.created_at, createdBy: r.created_by }));
}

export interface CommandUsage {
  userId: string;
  since7: number;
  since30: number;
  total: number;
  lastAt: string | null;
}

/** Commands run per acting user: in total, since two cut-offs (ISO instants), and the last one. */
export function commandUsageByUser(db: OrgDb, since7: string, since30: string): Map<string, CommandUsage> {
  const rows = db
    .prepare(
      `SELECT user_id, sum(at >= ?) AS since7, sum(at >= ?) AS since30, count(*) AS total, max(at) AS last_at
       FROM command_log WHERE user_id IS NOT NULL GROUP BY user_id`,
    )
    .all(since7, since30) as { user_id: string; since7: number; since30: number; total: number; last_at: string | null }[];
  return new Map(rows.map((r) => [r.user_id, { userId: r.user_id, since7: r.since7, since30: r.since30, total: r.total, lastAt: r.last_at }]));
}

export interface UserRecordCounts {
  created7: number;
  created30: number;
  owned: number;
  /** Latest CreatedDate/LastModifiedDate among records the user created or last modified. */
  lastTouched: string | null;
}

/**
 * Per user: records of one object created in the last 7/30 days, owned, and
 * the last time they created or changed one. `visibility` (alias r) limits
 * the rows to what the acting user may read.
 */
export function recordCountsByUser(db: OrgDb, object: ObjectDef, since7: string, since30: string, visibility: SqlFragment | undefined): Map<string, UserRecordCounts> {
  const table = quoteIdent(object.name);
  const where = visibility ? ` WHERE ${visibility.sql}` : '';
  const params = visibility?.params ?? [];
  const result = new Map<string, UserRecordCounts>();
  const entry = (id: string): UserRecordCounts => {
    let e = result.get(id);
    if (!e) result.set(id, (e = { created7: 0, created30: 0, owned: 0, lastTouched: null }));
    return e;
  };
  const created = db
    .prepare(`SELECT r."CreatedById" AS id, sum(r."CreatedDate" >= ?) AS c7, sum(r."CreatedDate" >= ?) AS c30, max(r."CreatedDate") AS last FROM ${table} r${where} GROUP BY r."CreatedById"`)
    .all(since7, since30, ...params) as { id: string | null; c7: number; c30: number; last: string | null }[];
  for (const r of created) {
    if (r.id === null) continue;
    const e = entry(r.id);
    e.created7 = r.c7;
    e.created30 = r.c30;
    if (r.last !== null && (e.lastTouched === null || r.last > e.lastTouched)) e.lastTouched = r.last;
  }
  const modified = db
    .prepare(`SELECT r."LastModifiedById" AS id, max(r."LastModifiedDate") AS last FROM ${table} r${where} GROUP BY r."LastModifiedById"`)
    .all(...params) as { id: string | null; last: string | null }[];
  for (const r of modified) {
    if (r.id === null || r.last === null) continue;
    const e = entry(r.id);
    if (e.lastTouched === null || r.last > e.lastTouched) e.lastTouched = r.last;
  }
  if (object.fields.some((f) => f.name === 'OwnerId')) {
    const owned = db.prepare(`SELECT r."OwnerId" AS id, count(*) AS n FROM ${table} r${where} GROUP BY r."OwnerId"`).all(...params) as { id: string | null; n: number }[];
    for (const r of owned) if (r.id !== null) entry(r.id).owned = r.n;
  }
  return result;
}

/** Accounts (visible to the acting user) that no contact points at. */
export function countAccountsWithoutContacts(db: OrgDb, visibility: SqlFragment | undefined): number {
  const extra = visibility ? ` AND ${visibility.sql}` : '';
  const row = db
    .prepare(`SELECT count(*) AS n FROM "Account" r WHERE NOT EXISTS (SELECT 1 FROM "Contact" c WHERE c."AccountId" = r."Id")${extra}`)
    .get(...(visibility?.params ?? [])) as { n: number };
  return row.n;
}

/** Each user's last login (set by crmctl login), by user id. */
export function lastLoginByUser(db: OrgDb): Map<string, string> {
  const rows = db.prepare('SELECT "Id" AS id, "LastLoginDate" AS at FROM "User" WHERE "LastLoginDate" IS NOT NULL').all() as { id: string; at: string }[];
  return new Map(rows.map((r) => [r.id, r.at]));
}
