import type { ObjectDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import { cachedStatement, type CrmRecord } from './records.js';
import { quoteIdent, referencesToObject } from './sql.js';

export type JobStatus = 'completed' | 'undone';

export interface ImportJobRow {
  id: string;
  createdAt: string;
  finishedAt: string | null;
  userId: string;
  kind: string;
  file: string;
  fileSha256: string | null;
  source: string;
  object: string;
  mode: string;
  isTest: boolean;
  status: JobStatus;
  options: Record<string, unknown>;
  summary: Record<string, unknown> | null;
  successFile: string | null;
  errorsFile: string | null;
  undoneAt: string | null;
}

interface RawJob {
  id: string;
  created_at: string;
  finished_at: string | null;
  user_id: string;
  kind: string;
  file: string;
  file_sha256: string | null;
  source: string;
  object: string;
  mode: string;
  is_test: number;
  status: string;
  options: string;
  summary: string | null;
  success_file: string | null;
  errors_file: string | null;
  undone_at: string | null;
}

const toJob = (r: RawJob): ImportJobRow => ({
  id: r.id,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  userId: r.user_id,
  kind: r.kind,
  file: r.file,
  fileSha256: r.file_sha256,
  source: r.source,
  object: r.object,
  mode: r.mode,
  isTest: r.is_test === 1,
  status: r.status as JobStatus,
  options: JSON.parse(r.options) as Record<string, unknown>,
  summary: r.summary === null ? null : (JSON.parse(r.summary) as Record<string, unknown>),
  successFile: r.success_file,
  errorsFile: r.errors_file,
  undoneAt: r.undone_at,
});

/** Next job id, `job-N`: short enough to type in `crmctl import undo job-7`. */
export function nextJobId(db: OrgDb): string {
  const row = cachedStatement(
    db,
    `INSERT INTO id_sequence (object, next_value) VALUES ('ImportJob', 2)
     ON CONFLICT(object) DO UPDATE SET next_value = next_value + 1 RETURNING next_value`,
  ).get() as { next_value: number };
  return `job-${row.next_value - 1}`;
}

export function insertJob(db: OrgDb, job: Omit<ImportJobRow, 'finishedAt' | 'summary' | 'undoneAt'>): void {
  cachedStatement(
    db,
    `INSERT INTO import_job (id, created_at, user_id, kind, file, file_sha256, source, object, mode, is_test, status, options, success_file, errors_file)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    job.id,
    job.createdAt,
    job.userId,
    job.kind,
    job.file,
    job.fileSha256,
    job.source,
    job.object,
    job.mode,
    job.isTest ? 1 : 0,
    job.status,
    JSON.stringify(job.options),
    job.successFile,
    job.errorsFile,
  );
}

export function finishJob(db: OrgDb, id: string, finishedAt: string, summary: Record<string, unknown>): void {
  cachedStatement(db, 'UPDATE import_job SET finished_at = ?, summary = ? WHERE id = ?').run(finishedAt, JSON.stringify(summary), id);
}

export function markJobUndone(db: OrgDb, id: string, at: string): void {
  cachedStatement(db, "UPDATE import_job SET status = 'undone', undone_at = ? WHERE id = ?").run(at, id);
}

export function getJob(db: OrgDb, id: string): ImportJobRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM import_job WHERE id = ?').get(id) as RawJob | undefined;
  return row ? toJob(row) : undefined;
}

export function listJobs(db: OrgDb, kind?: string): ImportJobRow[] {
  const rows = (kind === undefined
    ? db.prepare('SELECT * FROM import_job ORDER BY created_at DESC, rowid DESC').all()
    : db.prepare('SELECT * FROM import_job WHERE kind = ? ORDER BY created_at DESC, rowid DESC').all(kind)) as RawJob[];
  return rows.map(toJob);
}

/** Remember a contiguous run of ids the job created (ids are allocated in order while the job holds the write lock). */
export function recordCreatedRange(db: OrgDb, jobId: string, object: string, firstId: string, lastId: string, count: number): void {
  cachedStatement(
    db,
    `INSERT INTO import_job_created (job_id, object, first_id, last_id, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(job_id, object, first_id) DO UPDATE SET last_id = excluded.last_id, count = excluded.count`,
  ).run(jobId, object, firstId, lastId, count);
}

export function createdRanges(db: OrgDb, jobId: string): { object: string; firstId: string; lastId: string; count: number }[] {
  return (
    cachedStatement(db, 'SELECT object, first_id, last_id, count FROM import_job_created WHERE job_id = ? ORDER BY rowid').all(jobId) as {
      object: string;
      first_id: string;
      last_id: string;
      count: number;
    }[]
  ).map((r) => ({ object: r.object, firstId: r.first_id, lastId: r.last_id, count: r.count }));
}

/** Keep a record's values before the job's first change to it (later changes by the same job keep the first). */
export function recordPreviousValues(db: OrgDb, jobId: string, object: string, recordId: string, previous: CrmRecord): void {
  cachedStatement(
    db,
    'INSERT INTO import_job_updated (job_id, object, record_id, previous) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(jobId, object, recordId, JSON.stringify(previous));
}

export function previousValues(db: OrgDb, jobId: string): { object: string; recordId: string; previous: CrmRecord }[] {
  return (
    cachedStatement(db, 'SELECT object, record_id, previous FROM import_job_updated WHERE job_id = ? ORDER BY rowid').all(jobId) as {
      object: string;
      record_id: string;
      previous: string;
    }[]
  ).map((r) => ({ object: r.object, recordId: r.record_id, previous: JSON.parse(r.previous) as CrmRecord }));
}

/** Ids that still exist in a created range. */
export function idsInRange(db: OrgDb, object: ObjectDef, firstId: string, lastId: string): string[] {
  return (
    db.prepare(`SELECT "Id" FROM ${quoteIdent(object.name)} WHERE "Id" BETWEEN ? AND ? ORDER BY "Id"`).all(firstId, lastId) as { Id: string }[]
  ).map((r) => r.Id);
}

/** Records outside the range that point at ids inside it, per object and field. */
export function referencesIntoRange(
  db: OrgDb,
  objects: readonly ObjectDef[],
  target: ObjectDef,
  firstId: string,
  lastId: string,
): { object: string; field: string; count: number }[] {
  const result: { object: string; field: string; count: number }[] = [];
  for (const { object, field } of referencesToObject(objects, target)) {
    const sameTable = object.name === target.name ? ' AND NOT ("Id" BETWEEN @first AND @last)' : '';
    const row = db
      .prepare(`SELECT count(*) AS n FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field.name)} BETWEEN @first AND @last${sameTable}`)
      .get({ first: firstId, last: lastId }) as { n: number };
    if (row.n > 0) result.push({ object: object.name, field: field.name, count: row.n });
  }
  return result;
}

export function deleteRange(db: OrgDb, object: ObjectDef, firstId: string, lastId: string): number {
  return db.prepare(`DELETE FROM ${quoteIdent(object.name)} WHERE "Id" BETWEEN ? AND ?`).run(firstId, lastId).changes;
}
