import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { readVisibleRecord } from '../records/service.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import {
  deleteTeamRows,
  getMergeJob,
  insertMergeJob,
  listMergeJobs,
  markMergeUndone,
  moveTeamRows,
  nextMergeId,
  referencesTo,
  reinsertRecord,
  removeFromRecycleBin,
  restoreTeamRows,
  setReference,
  teamRowsOf,
  type MergeJobRow,
  type MovedReference,
} from '../store/merges.js';
import { appendAudit } from '../store/org.js';
import { deleteRecordRow, getRecord, updateRecordFields, type CrmRecord, type RecordValue } from '../store/records.js';
import { moveToRecycleBin } from '../store/recycle-bin.js';

/**
 * Merging duplicates, plan then apply (a dry run prints the plan). The
 * survivor keeps its id; chosen values are written to it; every record that
 * pointed at a merged-away record is re-pointed to the survivor; merged-away
 * records go to the recycle bin; all of it is recorded so `merge undo` puts
 * the org back exactly.
 */
export type SurvivorshipRule = 'most-complete' | 'newest' | 'oldest';

export interface MergeRequest {
  object: string;
  ids: string[];
  /** The survivor; default chosen by `rule`. */
  masterId?: string | undefined;
  /** Field → id of the record whose value to keep (`--field Phone=003...`). */
  fieldChoices?: Record<string, string> | undefined;
  /** How to pick the survivor and fill fields the survivor lacks. Default most-complete. */
  rule?: SurvivorshipRule | undefined;
  /** Per-field rule (`--prefer Email=newest`). */
  prefer?: Record<string, SurvivorshipRule> | undefined;
  score?: number | undefined;
  batchId?: string | undefined;
}

export interface FieldDecision {
  field: string;
  value: RecordValue;
  from: string;
  /** Whether the records disagreed on this field (different non-empty values). */
  conflict: boolean;
  candidates: { id: string; value: RecordValue }[];
}

export interface MergePlan {
  object: string;
  masterId: string;
  mergedIds: string[];
  rule: SurvivorshipRule;
  fields: FieldDecision[];
  /** Related records that will move to the survivor, per object and field. */
  related: { object: string; field: string; count: number }[];
}

const filled = (v: RecordValue | undefined): boolean => v !== null && v !== undefined && v !== '';

function completeness(object: ObjectDef, record: CrmRecord): number {
  return object.fields.filter((f) => !f.readOnly && filled(record[f.name])).length;
}

/** Records ordered best-first under a rule (ties broken by id, so plans never depend on input order). */
export function rankRecords(object: ObjectDef, records: CrmRecord[], rule: SurvivorshipRule): CrmRecord[] {
  const key = (r: CrmRecord): [number, string] => {
    switch (rule) {
      case 'most-complete':
        return [-completeness(object, r), String(r.CreatedDate ?? '')];
      case 'newest':
        return [0, invert(String(r.LastModifiedDate ?? r.CreatedDate ?? ''))];
      case 'oldest':
        return [0, String(r.CreatedDate ?? '')];
    }
  };
  return [...records].sort((a, b) => {
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1 - b1 || (a2 < b2 ? -1 : a2 > b2 ? 1 : 0) || (String(a.Id) < String(b.Id) ? -1 : 1);
  });
}

const invert = (s: string): string => [...s].map((c) => String.fromCharCode(0xffff - c.charCodeAt(0))).join('');

const mergeableField = (f: FieldDef): boolean => !f.readOnly && f.type !== 'id';

export function planMerge(session: OrgSession, request: MergeRequest): MergePlan {
  const object = session.objects.get(request.object);
  const ids = [...new Set(request.ids)];
  if (ids.length < 2) throw new CrmError('USAGE', 'A merge needs at least two different records.', { hint: `Example: crmctl dupes merge ${object.name.toLowerCase()} <id> <id>` });
  const records = ids.map((id) => readVisibleRecord(session, object, id));
  for (const record of records) session.access.requireRecordEdit(object, record, 'delete');
  const rule = request.rule ?? 'most-complete';
  const ranked = rankRecords(object, records, rule);
  const master = request.masterId ?? String(ranked[0]!.Id);
  if (!ids.includes(master)) throw new CrmError('USAGE', `--master ${master} is not one of the records being merged.`, { hint: `Choose one of: ${ids.join(', ')}` });
  const byId = new Map(records.map((r) => [String(r.Id), r]));
  const masterRecord = byId.get(master)!;
  const fields: FieldDecision[] = [];
  for (const field of object.fields.filter(mergeableField)) {
    const candidates = ranked.map((r) => ({ id: String(r.Id), value: r[field.name] ?? null }));
    const distinct = new Set(candidates.filter((c) => filled(c.value)).map((c) => normalise(c.value)));
    const choice = Object.entries(request.fieldChoices ?? {}).find(([f]) => f.toLowerCase() === field.name.toLowerCase());
    let from: string;
    if (choice) {
      if (!byId.has(choice[1])) throw new CrmError('USAGE', `--field ${choice[0]}=${choice[1]}: that id is not one of the records being merged.`, { hint: `Choose one of: ${ids.join(', ')}` });
      from = choice[1];
    } else {
      const preferred = Object.entries(request.prefer ?? {}).find(([f]) => f.toLowerCase() === field.name.toLowerCase())?.[1];
      if (preferred) {
        from = String(rankRecords(object, records, preferred).find((r) => filled(r[field.name]))?.Id ?? master);
      } else if (filled(masterRecord[field.name])) {
        from = master;
      } else {
        // The survivor lacks it: keep the best-ranked non-empty value so nothing known is lost.
        from = String(ranked.find((r) => filled(r[field.name]))?.Id ?? master);
      }
    }
    fields.push({ field: field.name, value: byId.get(from)![field.name] ?? null, from, conflict: distinct.size > 1, candidates });
  }
  const relatedCounts = new Map<string, { object: string; field: string; count: number }>();
  for (const id of ids.filter((i) => i !== master)) {
    for (const ref of referencesTo(session.db, session.objects.all(), object, id)) {
      const key = `${ref.object}.${ref.field}`;
      const entry = relatedCounts.get(key) ?? { object: ref.object, field: ref.field, count: 0 };
      entry.count++;
      relatedCounts.set(key, entry);
    }
  }
  return { object: object.name, masterId: master, mergedIds: ids.filter((i) => i !== master).sort(), rule, fields, related: [...relatedCounts.values()] };
}

function normalise(v: RecordValue): string {
  return typeof v === 'string' ? v.trim().normalize('NFC').toLowerCase() : String(v);
}

export interface MergeResult {
  merge: string;
  plan: MergePlan;
  moved: number;
}

/** Apply a plan inside the caller's transaction or its own. */
export function applyMergePlan(session: OrgSession, plan: MergePlan, extra: { score?: number | undefined; batchId?: string | undefined } = {}): MergeResult {
  const db = session.db;
  const object = session.objects.get(plan.object);
  const now = session.now().toISOString();
  const masterBefore = getRecord(db, object, plan.masterId)!;
  const merged = plan.mergedIds.map((id) => getRecord(db, object, id)!);
  const teamRows = object.name === 'Account' ? [plan.masterId, ...plan.mergedIds].flatMap((id) => teamRowsOf(db, id)) : [];
  const moved: MovedReference[] = [];
  const id = nextMergeId(db);
  for (const loser of plan.mergedIds) {
    for (const ref of referencesTo(db, session.objects.all(), object, loser)) {
      setReference(db, session.objects.get(ref.object), ref.field, ref.recordId, plan.masterId);
      moved.push(ref);
    }
    if (object.name === 'Account') moveTeamRows(db, loser, plan.masterId);
  }
  const changes: CrmRecord = {};
  for (const decision of plan.fields) if (masterBefore[decision.field] !== decision.value) changes[decision.field] = decision.value;
  if (Object.keys(changes).length > 0) updateRecordFields(db, object, plan.masterId, { ...changes, LastModifiedDate: now, LastModifiedById: session.actor.id });
  for (const record of merged) {
    moveToRecycleBin(db, object, record, { at: now, by: session.actor.id, reason: `merge:${id}` });
    deleteRecordRow(db, object, String(record.Id));
  }
  insertMergeJob(db, {
    id,
    object: object.name,
    masterId: plan.masterId,
    mergedIds: plan.mergedIds,
    masterBefore,
    mergedRecords: merged,
    moved,
    teamRows,
    score: extra.score ?? null,
    createdAt: now,
    createdBy: session.actor.id,
    batchId: extra.batchId ?? null,
    undoneAt: null,
  });
  appendAudit(db, { at: now, actorId: session.actor.id, action: 'dupes.merge', target: id, oldValue: JSON.stringify(plan.mergedIds), newValue: plan.masterId });
  return { merge: id, plan, moved: moved.length };
}

export function mergeRecords(session: OrgSession, request: MergeRequest): MergeResult {
  return session.db.transaction(() => applyMergePlan(session, planMerge(session, request), { score: request.score, batchId: request.batchId })).immediate();
}

export interface MergeUndoResult {
  merge: string;
  restored: string[];
  movedBack: number;
}

/** Undo a merge: the merged-away records come back with every field value, related records go back where they were. */
export function undoMerge(session: OrgSession, mergeId: string): MergeUndoResult {
  const job = getMergeJob(session.db, mergeId);
  if (!job) throw new CrmError('NOT_FOUND', `No merge "${mergeId}".`, { hint: 'Try: crmctl merge list' });
  if (job.undoneAt) throw new CrmError('CONFLICT', `${mergeId} was already undone at ${job.undoneAt}.`, { hint: 'Nothing to do.' });
  const object = session.objects.get(job.object);
  return session.db.transaction(() => undoMergeJob(session, object, job)).immediate();
}

/** Undo inside the caller's transaction (merge --all batches undo many at once). */
export function undoMergeJob(session: OrgSession, object: ObjectDef, job: MergeJobRow): MergeUndoResult {
  const db = session.db;
  if (!getRecord(db, object, job.masterId)) {
    throw new CrmError('CONFLICT', `Cannot undo ${job.id}: the surviving ${object.name} ${job.masterId} no longer exists.`, { hint: 'Restore it first (crmctl restore) or leave the merge in place.' });
  }
  for (const record of job.mergedRecords) {
    if (getRecord(db, object, String(record.Id))) continue;
    reinsertRecord(db, object, record);
    removeFromRecycleBin(db, String(record.Id), `merge:${job.id}`);
  }
  for (const ref of job.moved) setReference(db, session.objects.get(ref.object), ref.field, ref.recordId, ref.from);
  if (object.name === 'Account') {
    for (const accountId of [job.masterId, ...job.mergedIds]) deleteTeamRows(db, accountId);
    restoreTeamRows(db, job.teamRows);
  }
  const restore: CrmRecord = {};
  for (const field of object.fields) if (field.name !== 'Id' && field.name in job.masterBefore) restore[field.name] = job.masterBefore[field.name]!;
  updateRecordFields(db, object, job.masterId, restore);
  const at = session.now().toISOString();
  markMergeUndone(db, job.id, at);
  appendAudit(db, { at, actorId: session.actor.id, action: 'dupes.merge-undo', target: job.id, oldValue: job.masterId, newValue: JSON.stringify(job.mergedIds) });
  return { merge: job.id, restored: job.mergedIds, movedBack: job.moved.length };
}

export function listMerges(session: OrgSession): MergeJobRow[] {
  return listMergeJobs(session.db);
}
