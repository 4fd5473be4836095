import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import { cachedStatement, type CrmRecord } from './records.js';
import { quoteIdent, referencesToObject } from './sql.js';

export interface RecycleInfo {
  at: string;
  by: string | null;
  reason: string;
}

/** Keep a full copy of a record before it is removed, so deletes and merges can be undone. */
export function moveToRecycleBin(db: OrgDb, object: ObjectDef, record: CrmRecord, info: RecycleInfo): number {
  const result = cachedStatement(
    db,
    'INSERT INTO recycle_bin (object, record_id, data, deleted_at, deleted_by, reason) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(object.name, record.Id, JSON.stringify(record), info.at, info.by, info.reason);
  return Number(result.lastInsertRowid);
}

export interface RecycledRecord {
  id: number;
  object: string;
  recordId: string;
  record: CrmRecord;
  deletedAt: string;
  reason: string;
}

export function listRecycleBin(db: OrgDb, limit = 200): RecycledRecord[] {
  const rows = db.prepare('SELECT * FROM recycle_bin ORDER BY id DESC LIMIT ?').all(limit) as {
    id: number;
    object: string;
    record_id: string;
    data: string;
    deleted_at: string;
    reason: string;
  }[];
  return rows.map((r) => ({ id: r.id, object: r.object, recordId: r.record_id, record: JSON.parse(r.data) as CrmRecord, deletedAt: r.deleted_at, reason: r.reason }));
}

export interface ReferencingCount {
  object: string;
  field: string;
  count: number;
}

/** Which records point at this one, by object and field. */
export function referencingRecords(db: OrgDb, objects: readonly ObjectDef[], target: ObjectDef, id: string): ReferencingCount[] {
  const result: ReferencingCount[] = [];
  for (const { object, field } of referencesToObject(objects, target)) {
    const row = cachedStatement(db, `SELECT count(*) AS n FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field.name)} = ?`).get(id) as { n: number };
    if (row.n > 0) result.push({ object: object.name, field: field.name, count: row.n });
  }
  return result;
}
