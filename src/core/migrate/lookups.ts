import { CrmError, type FieldProblem } from '../errors.js';
import { cleanText } from '../clean/text.js';
import type { MappedRow, RowMapper } from '../import/engine.js';
import { ColumnIndex } from '../import/mapping/columns.js';
import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor } from '../records/service.js';
import { foldCase } from '../query/fold.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { recordCreatedRange } from '../store/import-jobs.js';
import { formatId, insertRecord, reserveIdNumbers } from '../store/records.js';
import type { LookupMissing, PlanLookup } from './plan.js';

/**
 * Lookups turn a column holding a parent's key ("Company ID", "Account Name", "Contact Email")
 * into the parent's record id, wrapped around the import's row mapper so the engine stays
 * unaware of them. Each lookup indexes its parent field once per step over the records the user
 * can read (case-folded in memory: SQLite's NOCASE folds ASCII only, and "ŠČUKINS SIA" must find
 * "Ščukins SIA"); parents created on a miss are recorded for undo.
 */
export interface ResolvedLookup {
  lookup: PlanLookup;
  field: FieldDef;
  parent: ObjectDef;
  parentField: FieldDef;
  onMissing: LookupMissing;
  columnIndex: number;
}

export interface LookupStats {
  /** Rows whose lookup found nothing (rejected or left blank). */
  misses: number;
  /** Parents created on a miss (onMissing: create), per object. */
  parentsCreated: Record<string, number>;
}

/** Check a step's lookups against the org and the file's columns; every problem as `path: message`. */
export function resolveLookups(session: OrgSession, object: ObjectDef, lookups: readonly PlanLookup[], headers: readonly string[], path: string): { resolved: ResolvedLookup[]; problems: string[] } {
  const problems: string[] = [];
  const resolved: ResolvedLookup[] = [];
  const columns = new ColumnIndex(headers);
  lookups.forEach((lookup, i) => {
    const at = `${path}.lookups[${i}]`;
    const field = session.objects.field(object, lookup.field);
    const parent = session.objects.find(lookup.object);
    if (!field) problems.push(`${at}.field: ${object.name} has no field ${lookup.field}`);
    else if (field.type !== 'reference' || field.readOnly) problems.push(`${at}.field: ${object.name}.${field.name} is not a reference field an import can set`);
    if (!parent) problems.push(`${at}.object: there is no object ${lookup.object}`);
    else if (field && field.type === 'reference' && !field.referenceTo?.includes(parent.name)) {
      problems.push(`${at}.object: ${object.name}.${field.name} points at ${field.referenceTo?.join(' or ')}, not ${parent.name}`);
    }
    const parentField = parent ? session.objects.field(parent, lookup.matchOn) : undefined;
    if (parent && !parentField) problems.push(`${at}.matchOn: ${parent.name} has no field ${lookup.matchOn}`);
    const columnIndex = columns.find(lookup.column);
    if (columnIndex < 0) problems.push(`${at}.column: column "${lookup.column}" is not in the file`);
    const onMissing = lookup.onMissing ?? 'reject';
    if (onMissing === 'create' && parent && parentField) {
      const unfillable = parent.fields.filter((f) => f.required && !f.readOnly && f.name !== 'Name' && f.name !== parentField.name && f.name !== 'OwnerId');
      if (unfillable.length > 0 || !parent.fields.some((f) => f.name === 'Name')) {
        problems.push(`${at}.onMissing: cannot create a ${parent.name} from one value (it also needs ${unfillable.map((f) => f.name).join(', ') || 'a Name'}); load ${parent.pluralLabel.toLowerCase()} in an earlier step`);
      }
    }
    if (field && parent && parentField && columnIndex >= 0) resolved.push({ lookup, field, parent, parentField, onMissing, columnIndex });
  });
  return { resolved, problems };
}

/** Hands out parent ids and remembers contiguous runs, to be recorded on the step's job for undo. */
class CreatedParents {
  private readonly runs = new Map<string, { object: ObjectDef; first: number; last: number; count: number }[]>();
  readonly counts: Record<string, number> = Object.create(null) as Record<string, number>;

  constructor(private readonly session: OrgSession) {}

  take(object: ObjectDef): string {
    const n = reserveIdNumbers(this.session.db, object, 1);
    let runs = this.runs.get(object.name);
    if (!runs) this.runs.set(object.name, (runs = []));
    const last = runs.at(-1);
    if (last && last.last + 1 === n) {
      last.last = n;
      last.count++;
    } else runs.push({ object, first: n, last: n, count: 1 });
    this.counts[object.name] = (this.counts[object.name] ?? 0) + 1;
    return formatId(object.keyPrefix, n);
  }

  record(jobId: string): void {
    for (const runs of this.runs.values()) {
      for (const r of runs) recordCreatedRange(this.session.db, jobId, r.object.name, formatId(r.object.keyPrefix, r.first), formatId(r.object.keyPrefix, r.last), r.count);
    }
  }
}

export interface LookupMapper {
  mapper: RowMapper;
  stats: LookupStats;
  /** Call inside the step's transaction before commit: records created parents on the job. */
  recordCreated(jobId: string): void;
}

/** Wrap a row mapper so each lookup column's value becomes the parent's id (or a clear problem). */
export function withLookups(session: OrgSession, base: RowMapper, lookups: readonly ResolvedLookup[], defaultOwnerId: string): LookupMapper {
  const stats: LookupStats = { misses: 0, parentsCreated: {} };
  const created = new CreatedParents(session);
  stats.parentsCreated = created.counts;
  const indexes = new Map<string, Map<string, string[]>>();
  for (const l of lookups) {
    if (l.onMissing === 'create') session.access.requireObject(l.parent, 'create');
  }
  const indexFor = (l: ResolvedLookup): Map<string, string[]> => {
    const key = `${l.parent.name}.${l.parentField.name}`;
    let index = indexes.get(key);
    if (!index) {
      index = new Map();
      // Only records the acting user can read: a lookup must not link to what they cannot see.
      for (const record of iterateRecordsFor(session, l.parent.name)) {
        const value = record[l.parentField.name];
        if (value === null || value === undefined || value === '') continue;
        const id = String(record.Id);
        const k = foldCase(String(value).trim());
        const ids = index.get(k);
        if (ids) ids.push(id);
        else index.set(k, [id]);
      }
      indexes.set(key, index);
    }
    return index;
  };
  const createParent = (l: ResolvedLookup, value: string): string => {
    const now = session.now().toISOString();
    const id = created.take(l.parent);
    const record = Object.create(null) as Record<string, string>;
    Object.assign(record, { Id: id, Name: value.slice(0, 255), OwnerId: defaultOwnerId, CreatedDate: now, CreatedById: session.actor.id, LastModifiedDate: now, LastModifiedById: session.actor.id });
    record[l.parentField.name] = value;
    insertRecord(session.db, l.parent, record);
    indexFor(l).set(foldCase(value), [id]);
    return id;
  };
  const mapper: RowMapper = (values) => {
    const mapped: MappedRow = base(values);
    const problems: FieldProblem[] = mapped.problems;
    for (const l of lookups) {
      const value = cleanText(values[l.columnIndex] ?? null);
      if (!value) continue;
      const ids = indexFor(l).get(foldCase(value));
      if (l.field.name === 'AccountId') mapped.account = null; // the lookup decides the account, not the company name
      if (ids && ids.length > 1) {
        problems.push({ field: l.field.name, message: `lookup "${value}" (column "${l.lookup.column}") matches ${ids.length} ${l.parent.pluralLabel.toLowerCase()} by ${l.parentField.name}; make the key unique` });
      } else if (ids) {
        mapped.fields[l.field.name] = ids[0]!;
      } else if (l.onMissing === 'create') {
        mapped.fields[l.field.name] = createParent(l, value);
      } else {
        stats.misses++;
        const message = `lookup found no ${l.parent.name} with ${l.parentField.name} = "${value}" (column "${l.lookup.column}")`;
        if (l.onMissing === 'blank') (mapped.warnings ??= []).push(`${l.field.name}: ${message}; left empty`);
        else problems.push({ field: l.field.name, message });
      }
    }
    return mapped;
  };
  return { mapper, stats, recordCreated: (jobId) => created.record(jobId) };
}

/** Lookups are checked before any row is written: a wrong column name must not reject every row. */
export function lookupProblemsError(file: string, problems: string[]): CrmError {
  return new CrmError('BAD_INPUT_FILE', `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, {
    hint: 'Fix the listed paths in the plan (the column names must match the file headers).',
    details: { file, problems },
  });
}
