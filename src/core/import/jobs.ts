import { writeTransaction } from '../store/database.js';
import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { requireAdministrator } from '../security/admin.js';
import { createdRanges, deleteRange, getJob, listJobs, markJobUndone, previousValues, referencesIntoRange, type ImportJobRow } from '../store/import-jobs.js';
import { appendAudit } from '../store/org.js';
import { getRecord, updateRecordFields, type CrmRecord } from '../store/records.js';

export interface JobView {
  job: string;
  kind: string;
  createdAt: string;
  finishedAt: string | null;
  user: string;
  file: string;
  source: string;
  object: string;
  mode: string;
  test: boolean;
  status: string;
  undoneAt: string | null;
  summary: Record<string, unknown> | null;
  created: { object: string; count: number; firstId: string; lastId: string }[];
  updatedRecords: number;
}

function view(session: OrgSession, job: ImportJobRow): JobView {
  return {
    job: job.id,
    kind: job.kind,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    user: job.userId,
    file: job.file,
    source: job.source,
    object: job.object,
    mode: job.mode,
    test: job.isTest,
    status: job.status,
    undoneAt: job.undoneAt,
    summary: job.summary,
    created: createdRanges(session.db, job.id),
    updatedRecords: previousValues(session.db, job.id).length,
  };
}

export function listImportJobs(session: OrgSession, kind?: string): JobView[] {
  return listJobs(session.db, kind).map((j) => view(session, j));
}

export function showImportJob(session: OrgSession, id: string): JobView {
  return view(session, requireJob(session, id));
}

function requireJob(session: OrgSession, id: string): ImportJobRow {
  const job = getJob(session.db, id) ?? getJob(session.db, /^\d+$/.test(id) ? `job-${id}` : id);
  if (!job) {
    throw new CrmError('NOT_FOUND', `No import job "${id}".`, { hint: 'Try: crmctl import list to see job ids.', details: { job: id } });
  }
  return job;
}

export interface UndoResult {
  job: string;
  deleted: Record<string, number>;
  restored: number;
  /** Records the job updated that have since been deleted: nothing to restore. */
  missing: string[];
  dryRun: boolean;
}

/**
 * Undo an import: delete exactly the records it created and put back the
 * previous values of everything it updated, in one transaction (all or nothing).
 */
export function undoImportJob(session: OrgSession, id: string, options: { dryRun?: boolean } = {}): UndoResult {
  const job = requireJob(session, id);
  if (job.status === 'undone') {
    throw new CrmError('CONFLICT', `${job.id} was already undone at ${job.undoneAt}.`, { hint: 'Nothing to do; see crmctl import show ' + job.id });
  }
  if (job.userId !== session.actor.id) requireAdministrator(session, `undo ${job.id}, which another user ran`);
  const result: UndoResult = { job: job.id, deleted: {}, restored: 0, missing: [], dryRun: options.dryRun === true };
  const work = (): void => {
    const at = session.now().toISOString();
    for (const change of previousValues(session.db, job.id)) {
      const object = session.objects.get(change.object);
      if (!getRecord(session.db, object, change.recordId)) {
        result.missing.push(change.recordId);
        continue;
      }
      const restore: CrmRecord = {};
      for (const field of object.fields) if (field.name !== 'Id' && field.name in change.previous) restore[field.name] = change.previous[field.name]!;
      updateRecordFields(session.db, object, change.recordId, restore);
      result.restored++;
    }
    // The job's main object first: its records point at the accounts it created.
    const ranges = createdRanges(session.db, job.id).sort((a, b) => (a.object === job.object ? -1 : b.object === job.object ? 1 : 0));
    for (const range of ranges) {
      const object = session.objects.get(range.object);
      const refs = referencesIntoRange(session.db, session.objects.all(), object, range.firstId, range.lastId);
      if (refs.length > 0) {
        throw new CrmError('CONFLICT', `Cannot undo ${job.id}: ${object.pluralLabel.toLowerCase()} it created are now referenced by ${refs.map((r) => `${r.count} ${r.object} (${r.field})`).join(', ')}.`, {
          hint: 'Undo the later imports first, or reassign those records; nothing was changed.',
        });
      }
      const deleted = deleteRange(session.db, object, range.firstId, range.lastId);
      result.deleted[object.name] = (result.deleted[object.name] ?? 0) + deleted;
    }
    markJobUndone(session.db, job.id, at);
    appendAudit(session.db, { at, actorId: session.actor.id, action: 'import.undo', target: job.id, oldValue: null, newValue: JSON.stringify(result.deleted) });
  };
  writeTransaction(session.db, work, { dryRun: options.dryRun });
  return result;
}

