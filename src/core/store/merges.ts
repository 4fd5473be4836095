import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import { cachedStatement, type CrmRecord } from './records.js';
import { quoteIdent, referencesToObject } from './sql.js';

/** One reference that a merge re-pointed from a merged-away record to the survivor. */
export interface MovedReference {
  object: string;
  field: string;
  recordId: string;
  from: string;
}

/** An account-team row (security's table) kept verbatim so undo can put it back. */
export type TeamRow = Record<string, string | number | null>;

export interface MergeJobRow {
  id: string;
  object: string;
  masterId: string;
  mergedIds: string[];
  masterBefore: CrmRecord;
  mergedRecords: CrmRecord[];
  moved: MovedReference[];
  teamRows: TeamRow[];
  score: number | null;
  createdAt: string;
  createdBy: string | null;
  batchId: string | null;
  undoneAt: string | null;
}

export function nextMergeId(db: OrgDb): string {
  const row = cachedStatement(
    db,
    `INSERT INTO id_sequence (object, next_value) VALUES ('MergeJob', 2)
     ON CONFLICT(object) DO UPDATE SET next_value = next_value + 1 RETURNING next_value`,
  ).get() as { next_value: number };
  return `merge-${row.next_value - 1}`;
}

export function insertMergeJob(db: OrgDb, job: MergeJobRow): void {
  cachedStatement(
    db,
    `INSERT INTO merge_job (id, object, master_id, merged_ids, master_before, merged_records, moved, team_rows, score, created_at, created_by, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    job.id,
    job.object,
    job.masterId,
    JSON.stringify(job.mergedIds),
    JSON.stringify(job.masterBefore),
    JSON.stringify(job.mergedRecords),
    JSON.stringify(job.moved),
    JSON.stringify(job.teamRows),
    job.score,
    job.createdAt,
    job.createdBy,
    job.batchId,
  );
}

interface RawMerge {
  id: string;
  object: string;
  master_id: string;
  merged_ids: string;
  master_before: string;
  merged_records: string;
  moved: string;
  team_rows: string;
  score: number | null;
  created_at: string;
  created_by: string | null;
  batch_id: string | null;
  undone_at: string | null;
}

const toMerge = (r: RawMerge): MergeJobRow => ({
  id: r.id,
  object: r.object,
  masterId: r.master_id,
  mergedIds: JSON.parse(r.merged_ids) as string[],
  masterBefore: JSON.parse(r.master_before) as CrmRecord,
  mergedRecords: JSON.parse(r.merged_records) as CrmRecord[],
  moved: JSON.parse(r.moved) as MovedReference[],
  teamRows: JSON.parse(r.team_rows) as TeamRow[],
  score: r.score,
  createdAt: r.created_at,
  createdBy: r.created_by,
  batchId: r.batch_id,
  undoneAt: r.undone_at,
});

export function getMergeJob(db: OrgDb, id: string): MergeJobRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM merge_job WHERE id = ?').get(id) as RawMerge | undefined;
  return row ? toMerge(row) : undefined;
}

export function listMergeJobs(db: OrgDb, batchId?: string): MergeJobRow[] {
  const rows = (batchId === undefined
    ? db.prepare('SELECT * FROM merge_job ORDER BY created_at DESC, rowid DESC').all()
    : db.prepare('SELECT * FROM merge_job WHERE batch_id = ? ORDER BY rowid DESC').all(batchId)) as RawMerge[];
  return rows.map(toMerge);
}

export function markMergeUndone(db: OrgDb, id: string, at: string): void {
  cachedStatement(db, 'UPDATE merge_job SET undone_at = ? WHERE id = ?').run(at, id);
}

/** Every record of any object whose reference field points at `id`. */
export function referencesTo(db: OrgDb, objects: readonly ObjectDef[], target: ObjectDef, id: string): MovedReference[] {
  const result: MovedReference[] = [];
  for (const { object, field } of referencesToObject(objects, target)) {
    const rows = cachedStatement(db, `SELECT "Id" FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field.name)} = ?`).all(id) as { Id: string }[];
    for (const r of rows) result.push({ object: object.name, field: field.name, recordId: r.Id, from: id });
  }
  return result;
}

export function setReference(db: OrgDb, object: ObjectDef, field: string, recordId: string, value: string): void {
  cachedStatement(db, `UPDATE ${quoteIdent(object.name)} SET ${quoteIdent(field)} = ? WHERE "Id" = ?`).run(value, recordId);
}

/** Account team rows of an account (empty when the table does not exist yet). */
export function teamRowsOf(db: OrgDb, accountId: string): TeamRow[] {
  if (!tableExists(db, 'account_team_member')) return [];
  return db.prepare('SELECT * FROM account_team_member WHERE account_id = ?').all(accountId) as TeamRow[];
}

/** Move a merged-away account's team members to the survivor, keeping the survivor's own memberships. */
export function moveTeamRows(db: OrgDb, fromAccount: string, toAccount: string): void {
  if (!tableExists(db, 'account_team_member')) return;
  db.prepare(
    `UPDATE OR IGNORE account_team_member SET account_id = ? WHERE account_id = ?`,
  ).run(toAccount, fromAccount);
  db.prepare('DELETE FROM account_team_member WHERE account_id = ?').run(fromAccount);
}

/** Put team rows back exactly (undo), replacing whatever rows those keys have now. */
export function restoreTeamRows(db: OrgDb, rows: TeamRow[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(
      `INSERT OR REPLACE INTO account_team_member (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((c) => row[c]));
  }
}

function tableExists(db: OrgDb, name: string): boolean {
  return cachedStatement(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Put a record back with its original id (undo of a merge or delete). */
export function reinsertRecord(db: OrgDb, object: ObjectDef, record: CrmRecord): void {
  const known = new Set(object.fields.map((f) => f.name));
  const names = Object.keys(record).filter((n) => known.has(n));
  const byName = new Map(object.fields.map((f) => [f.name, f]));
  db.prepare(`INSERT INTO ${quoteIdent(object.name)} (${names.map(quoteIdent).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
    ...names.map((n) => {
      const v = record[n];
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (byName.get(n)?.type === 'checkbox' && v === null) return null;
      return v ?? null;
    }),
  );
}

export function removeFromRecycleBin(db: OrgDb, recordId: string, reason: string): void {
  cachedStatement(db, 'DELETE FROM recycle_bin WHERE record_id = ? AND reason = ?').run(recordId, reason);
}

export function deleteTeamRows(db: OrgDb, accountId: string): void {
  if (!tableExists(db, 'account_team_member')) return;
  db.prepare('DELETE FROM account_team_member WHERE account_id = ?').run(accountId);
}
