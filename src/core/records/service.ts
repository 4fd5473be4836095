import { CrmError, ValidationError, type FieldProblem } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { filterFields, parseFilter, type FilterNode } from '../query/filter.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { allocateIds, countRecords, deleteRecordRow, getRecord, insertRecord, iterateRecords, updateRecordFields, type CrmRecord, type RecordValue } from '../store/records.js';
import { moveToRecycleBin, referencingRecords } from '../store/recycle-bin.js';
import { coerceValue } from './values.js';
import { layoutRequiredProblems } from '../customize/layouts.js';
import { findQueueById } from '../store/queues.js';
import { requirePartnerFieldEdit } from '../partners/field-access.js';

/** Raw field values as typed by a user or read from a file, keyed by field name (any case). */
export type FieldInput = Record<string, RecordValue | undefined>;

export interface PreparedValues {
  values: CrmRecord;
  problems: FieldProblem[];
}

/**
 * Validate and convert input for a create or update: unknown and read-only
 * fields, types, picklists, required fields, references. Collects every
 * problem instead of stopping at the first.
 */
export function prepareValues(
  session: OrgSession,
  object: ObjectDef,
  input: FieldInput,
  mode: 'create' | 'update',
  existing?: CrmRecord,
): PreparedValues {
  const problems: FieldProblem[] = [];
  const values: CrmRecord = {};
  for (const [name, raw] of Object.entries(input)) {
    const field = session.objects.field(object, name);
    if (!field) {
      throw new CrmError('UNKNOWN_FIELD', `${object.name} has no field "${name}".`, {
        hint: `Try: crmctl field list ${object.name.toLowerCase()} to see its fields.`,
        details: { object: object.name, field: name },
      });
    }
    if (field.readOnly) {
      problems.push({ field: field.name, message: 'is set by the system and cannot be written' });
      continue;
    }
    const coerced = coerceValue(field, raw ?? null, session.objects.picklist(object, field));
    if (!coerced.ok) problems.push({ field: field.name, message: coerced.message });
    else values[field.name] = coerced.value;
  }
  if (mode === 'create') applyDefaults(session, object, values);
  applyDerivedValues(session, object, values, existing);
  checkRequired(object, values, mode, existing, problems);
  for (const p of layoutRequiredProblems(session, object, values, mode, existing)) if (!problems.some((q) => q.field === p.field)) problems.push(p);
  checkReferences(session, object, values, problems);
  return { values, problems };
}

function applyDefaults(session: OrgSession, object: ObjectDef, values: CrmRecord): void {
  for (const field of object.fields) {
    if (field.readOnly || values[field.name] !== undefined) continue;
    if (field.type === 'picklist') {
      const fallback = session.objects.picklist(object, field).find((v) => v.isDefault);
      // Required picklists start at their default value, except a stage, which the user must choose.
      const userMustChoose = object.name === 'Opportunity' && field.name === 'StageName';
      // ...and so do custom picklists given an explicit default (field add --default).
      if (fallback && (field.required || field.defaultValue !== undefined) && !userMustChoose) {
        values[field.name] = fallback.value;
      }
    } else if (field.defaultValue !== undefined) {
      const coerced = coerceValue(field, field.defaultValue);
      if (coerced.ok) values[field.name] = coerced.value;
    }
  }
  if (object.fields.some((f) => f.name === 'OwnerId') && values.OwnerId === undefined) values.OwnerId = session.actor.id;
}

/** Values Salesforce derives: an opportunity's probability, forecast category and closed/won flags follow its stage. */
function applyDerivedValues(session: OrgSession, object: ObjectDef, values: CrmRecord, existing?: CrmRecord): void {
  if (object.name !== 'Opportunity' || typeof values.StageName !== 'string') return;
  if (existing && existing.StageName === values.StageName) return;
  const stageField = object.fields.find((f) => f.name === 'StageName')!;
  const stage = session.objects.picklist(object, stageField).find((v) => v.value === values.StageName);
  if (!stage) return;
  if (values.Probability === undefined && stage.probability !== undefined) values.Probability = stage.probability;
  if (values.ForecastCategoryName === undefined && stage.forecastCategory) values.ForecastCategoryName = stage.forecastCategory;
  values.IsClosed = stage.isClosed === true;
  values.IsWon = stage.isWon === true;
  values.LastStageChangeDate = session.now().toISOString();
}

function checkRequired(object: ObjectDef, values: CrmRecord, mode: 'create' | 'update', existing: CrmRecord | undefined, problems: FieldProblem[]): void {
  for (const field of object.fields) {
    if (!field.required || field.readOnly) continue;
    const given = values[field.name];
    const missing = mode === 'create' ? given === undefined || given === null : given === null || (given === undefined && existing?.[field.name] == null);
    if (missing && !problems.some((p) => p.field === field.name)) problems.push({ field: field.name, message: 'is required' });
  }
}

function checkReferences(session: OrgSession, object: ObjectDef, values: CrmRecord, problems: FieldProblem[]): void {
  for (const field of object.fields) {
    const value = values[field.name];
    if (field.type !== 'reference' || field.readOnly || typeof value !== 'string') continue;
    if (!referenceExists(session, field, value)) {
      problems.push({ field: field.name, message: `no ${field.referenceTo?.join(' or ')} with id ${value}` });
    }
  }
}

function referenceExists(session: OrgSession, field: FieldDef, id: string): boolean {
  for (const target of field.referenceTo ?? []) {
    const object = session.objects.find(target);
    if (object && getRecord(session.db, object, id)) return true;
    if (!object && target === 'Queue' && id.startsWith('00G') && findQueueById(session.db, id)) return true;
    if (!object && target === 'Profile' && id.startsWith('00e')) return true;
    if (!object && target === 'UserRole' && id.startsWith('00E')) return true;
  }
  return false;
}

/** Stamp Id and the audit fields on a new record and insert it (validation already done). */
export function insertPrepared(session: OrgSession, object: ObjectDef, values: CrmRecord): string {
  const [id] = allocateIds(session.db, object, 1) as [string];
  const now = session.now().toISOString();
  insertRecord(session.db, object, {
    ...values,
    Id: id,
    CreatedDate: now,
    CreatedById: session.actor.id,
    LastModifiedDate: now,
    LastModifiedById: session.actor.id,
  });
  return id;
}

export interface CreateResult {
  id: string;
  record: CrmRecord;
}

export function createRecord(session: OrgSession, objectName: string, input: FieldInput): CreateResult {
  const object = session.objects.get(objectName);
  session.access.requireObject(object, 'create');
  const { values, problems } = prepareValues(session, object, input, 'create');
  if (problems.length > 0) throw new ValidationError(object.name, problems, fixHint(object, problems));
  const id = session.db.transaction(() => insertPrepared(session, object, values)).immediate();
  return { id, record: getRecord(session.db, object, id)! };
}

export interface UpdateResult {
  id: string;
  changed: Record<string, { from: RecordValue; to: RecordValue }>;
  record: CrmRecord;
}

export function updateRecord(session: OrgSession, objectName: string, id: string, input: FieldInput): UpdateResult {
  const object = session.objects.get(objectName);
  const existing = readVisibleRecord(session, object, id);
  session.access.requireRecordEdit(object, existing);
  if (object.name === 'Lead' && existing.IsConverted === true) {
    throw new CrmError('CONFLICT', `Lead ${id} was converted and is read-only.`, {
      hint: typeof existing.ConvertedContactId === 'string' ? `Change the contact instead: crmctl record update contact ${existing.ConvertedContactId} --set ...` : undefined,
      details: { id },
    });
  }
  requirePartnerFieldEdit(session.actor, object.name, Object.keys(input).map((name) => session.objects.field(object, name)?.name ?? name));
  const { values, problems } = prepareValues(session, object, input, 'update', existing);
  if (problems.length > 0) throw new ValidationError(object.name, problems, fixHint(object, problems));
  const changed: UpdateResult['changed'] = {};
  for (const [name, value] of Object.entries(values)) {
    if (existing[name] !== value) changed[name] = { from: existing[name] ?? null, to: value };
  }
  if (Object.keys(changed).length > 0) {
    const changes = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.to]));
    session.db
      .transaction(() =>
        updateRecordFields(session.db, object, id, {
          ...changes,
          LastModifiedDate: session.now().toISOString(),
          LastModifiedById: session.actor.id,
        }),
      )
      .immediate();
  }
  return { id, changed, record: getRecord(session.db, object, id)! };
}

/** A record the acting user may read, or NOT_FOUND (records they may not see do not exist for them). */
export function readVisibleRecord(session: OrgSession, object: ObjectDef, id: string): CrmRecord {
  session.access.requireObject(object, 'read');
  const record = getRecord(session.db, object, id);
  if (!record || !session.access.canRead(object, record)) {
    throw new CrmError('NOT_FOUND', `No ${object.name} with id ${id}.`, {
      hint: `Try: crmctl record list ${object.name.toLowerCase()} to see ids.`,
      details: { object: object.name, id },
    });
  }
  return record;
}

export function getRecordById(session: OrgSession, objectName: string, id: string): CrmRecord {
  return readVisibleRecord(session, session.objects.get(objectName), id);
}

export interface ListOptions {
  where?: string | undefined;
  limit?: number | undefined;
  orderBy?: { field: string; descending?: boolean }[] | undefined;
  /** Only records the acting user owns. */
  mine?: boolean | undefined;
  /** Read only these fields (and Id). */
  fields?: readonly string[] | undefined;
}

export function parseWhere(session: OrgSession, object: ObjectDef, where: string | undefined): FilterNode | undefined {
  if (where === undefined || where.trim() === '') return undefined;
  const filter = parseFilter(where);
  for (const name of filterFields(filter)) session.objects.requireField(object, name);
  return filter;
}

export function listRecordsFor(session: OrgSession, objectName: string, options: ListOptions = {}): CrmRecord[] {
  return [...iterateRecordsFor(session, objectName, options)];
}

/** Records the acting user may read, streamed in creation order. */
export function* iterateRecordsFor(session: OrgSession, objectName: string, options: ListOptions = {}): Generator<CrmRecord> {
  const object = session.objects.get(objectName);
  session.access.requireObject(object, 'read');
  let filter = parseWhere(session, object, options.where);
  if (options.mine) {
    const owned: FilterNode = { kind: 'compare', field: 'OwnerId', op: '=', value: session.actor.id };
    filter = filter ? { kind: 'and', items: [filter, owned] } : owned;
  }
  yield* iterateRecords(session.db, object, {
    filter,
    visibility: session.access.readVisibility(object),
    limit: options.limit,
    orderBy: options.orderBy,
    fields: options.fields,
  });
}

export function countRecordsFor(session: OrgSession, objectName: string, where?: string): number {
  const object = session.objects.get(objectName);
  session.access.requireObject(object, 'read');
  return countRecords(session.db, object, { filter: parseWhere(session, object, where), visibility: session.access.readVisibility(object) });
}

export interface DeleteResult {
  deleted: string[];
}

/** Delete records into the recycle bin; refuses while other records point at them. */
export function deleteRecords(session: OrgSession, objectName: string, ids: string[]): DeleteResult {
  const object = session.objects.get(objectName);
  const records = ids.map((id) => readVisibleRecord(session, object, id));
  for (const record of records) session.access.requireRecordEdit(object, record, 'delete');
  session.db
    .transaction(() => {
      for (const record of records) {
        const children = referencingRecords(session.db, session.objects.all(), object, String(record.Id));
        if (children.length > 0) {
          const summary = children.map((c) => `${c.count} ${c.object} (${c.field})`).join(', ');
          throw new CrmError('CONFLICT', `${object.name} ${record.Id} is still referenced by ${summary}.`, {
            hint: 'Reassign or delete those records first, or merge this record into another with crmctl dupes merge.',
            details: { id: record.Id, children },
          });
        }
        moveToRecycleBin(session.db, object, record, { at: session.now().toISOString(), by: session.actor.id, reason: 'delete' });
        deleteRecordRow(session.db, object, String(record.Id));
      }
    })
    .immediate();
  return { deleted: records.map((r) => String(r.Id)) };
}

function fixHint(object: ObjectDef, problems: FieldProblem[]): string {
  const first = problems[0]!;
  return `Fix ${object.name}.${first.field} and try again (see: crmctl field list ${object.name.toLowerCase()}).`;
}
