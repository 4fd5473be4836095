import { CrmError, type FieldProblem } from '../errors.js';
import { companyKey } from '../clean/company.js';
import type { OrgSession } from '../org/session.js';
import { coerceValue } from '../records/values.js';
import { iterateRecordsFor } from '../records/service.js';
import type { FieldDef, ObjectDef, PicklistValueDef } from '../schema/types.js';
import { beginLongTransaction } from '../store/database.js';
import { finishJob, insertJob, nextJobId, recordCreatedRange, recordPreviousValues } from '../store/import-jobs.js';
import { appendAudit } from '../store/org.js';
import { bulkInserter, findIdsByField, formatId, getRecord, iterateFieldValues, releaseIdNumbers, reserveIdNumbers, updateRecordFields, type CrmRecord, type RecordValue } from '../store/records.js';
import { findUsersByAnyName } from '../store/users.js';
import { CsvFileWriter } from '../files/csv-writer.js';
import { KeySieve } from './key-sieve.js';
import type { RowProblem, SourceRow } from './types.js';
import { bareObject } from '../records/bare-object.js';

/**
 * The import engine: decides every row's outcome (inserted, updated, skipped,
 * rejected) and writes the org inside ONE transaction that spans the whole
 * streamed file. A dry run is the same work rolled back; a crash before the
 * commit leaves the org exactly as it was, so rerunning the command is safe.
 */

/** A row after mapping and cleaning: target field → text, plus the pseudo-fields the engine resolves. */
export interface MappedRow {
  fields: Record<string, string | null>;
  /** Company name a contact should be linked to (the engine finds or creates the Account). */
  account?: string | null;
  /** Owner as written in the file: username, e-mail or full name. */
  owner?: string | null;
  /** Values that could not be cleaned: the row is rejected with these. */
  problems: FieldProblem[];
  warnings?: string[];
}

export type RowMapper = (values: string[]) => MappedRow;

export type ImportMode = 'insert' | 'update' | 'upsert';
export type DuplicateAction = 'create' | 'skip' | 'update';
export type RowAction = 'inserted' | 'updated' | 'skipped';

export interface EngineOptions {
  object: ObjectDef;
  headers: string[];
  /** Rows as read; a row may come already mapped and cleaned (by a worker thread). */
  rows: AsyncIterable<SourceRow & { problem?: RowProblem; mapped?: MappedRow }>;
  mapper: RowMapper;
  mode: ImportMode;
  /** Field that identifies existing records for update/upsert: Email, Id or an external id. */
  matchOn?: string | undefined;
  onDuplicate: DuplicateAction;
  dryRun: boolean;
  /** Import only the first N rows and mark the job as a test. */
  sample?: number | undefined;
  /** Owner when the file names none (default: the acting user). */
  defaultOwnerId?: string | undefined;
  successFile: string;
  errorsFile: string;
  /** What the job row records; `kind` defaults to 'import' (migrations use 'migrate-step'). */
  job: { file: string; fileSha256: string | null; source: string; options: Record<string, unknown>; kind?: string };
  onProgress?: (rowsDone: number) => void;
  /** Rows processed per synchronous batch between reads. */
  batchSize?: number;
  /**
   * The caller already holds a write transaction (a migration runs all its steps in one for
   * --dry-run): the engine then neither begins, commits nor rolls back.
   */
  inCallerTransaction?: boolean;
  /**
   * Fuzzy duplicate check against records that existed before the job (the `dupes` matching
   * engine); returns the id of the best match. Exact e-mail and name keys are checked first.
   */
  fuzzyDuplicateOf?: (values: CrmRecord, account: string | null) => string | undefined;
  /** Updates only: an empty cell clears the field (a file exported by crmctl and edited holds whole records). */
  emptyCellsClear?: boolean;
  /** Runs inside the job's transaction just before it commits (e.g. to record a migration step as done). */
  beforeCommit?: (jobId: string) => void;
  /**
   * Owner for a new record from its validated values (lead assignment rules);
   * undefined keeps the file's or the default owner. Runs inside the job's transaction.
   */
  assignOwner?: (values: Readonly<CrmRecord>) => string | undefined;
}

export interface ImportSummary {
  job: string | null;
  source: string;
  object: string;
  mode: ImportMode;
  dryRun: boolean;
  test: boolean;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  rejected: number;
  duplicates: number;
  /** Of the updated rows, those that changed no field (the record already had those values). */
  unchanged: number;
  accountsCreated: number;
  successFile: string;
  errorsFile: string;
  /** Rejections per reason code, e.g. { INVALID_VALUE: 3 }. */
  rejectedByCode: Record<string, number>;
  warnings: string[];
}

interface Rejection {
  code: string;
  message: string;
}

const SUCCESS_HEADERS = ['row', 'id', 'action', 'duplicate_of'];

/** Duplicate checks by e-mail that ask the database directly before the job builds its e-mail sieve. */
const SIEVE_AFTER_LOOKUPS = 1000;

class RowRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

const reject = (code: string, message: string): never => {
  throw new RowRejected({ code, message });
};

/** Sequential ids for one object while the job holds the write lock, recorded as one range for undo. */
class IdRange {
  private first = -1;
  private next = 0;
  private end = 0;
  count = 0;
  constructor(
    private readonly session: OrgSession,
    readonly object: ObjectDef,
  ) {}
  take(): string {
    if (this.next >= this.end) {
      const block = 1024;
      const start = reserveIdNumbers(this.session.db, this.object, block);
      if (this.first < 0) this.first = start;
      else if (start !== this.end) throw new Error('id sequence moved during an import');
      this.next = start;
      this.end = start + block;
    }
    this.count++;
    return formatId(this.object.keyPrefix, this.next++);
  }
  record(jobId: string): void {
    if (this.end > this.next) releaseIdNumbers(this.session.db, this.object, this.end, this.next);
    if (this.count === 0) return;
    recordCreatedRange(this.session.db, jobId, this.object.name, formatId(this.object.keyPrefix, this.first), formatId(this.object.keyPrefix, this.next - 1), this.count);
  }
}

export async function runImportEngine(session: OrgSession, options: EngineOptions): Promise<ImportSummary> {
  const { object } = options;
  const db = session.db;
  const now = session.now().toISOString();
  const actor = session.actor;
  session.access.requireObject(object, options.mode === 'update' ? 'edit' : 'create');

  const fieldsByName = new Map(object.fields.map((f) => [f.name, f]));
  const picklists = new Map<string, readonly PicklistValueDef[]>();
  for (const f of object.fields) if (f.type === 'picklist' || f.type === 'multipicklist') picklists.set(f.name, session.objects.picklist(object, f));
  const matchField = options.matchOn === undefined ? undefined : resolveMatchField(object, options.matchOn);
  if (options.mode !== 'insert' && !matchField) {
    throw new CrmError('USAGE', `--mode ${options.mode} needs --match-on (Email, Id or an external id field).`, { hint: `Example: --mode ${options.mode} --match-on Email` });
  }
  const accountObject = session.objects.get('Account');
  const linksAccounts = object.name === 'Contact';

  const success = new CsvFileWriter(options.successFile, SUCCESS_HEADERS);
  const errors = new CsvFileWriter(options.errorsFile, [...options.headers, 'row', 'line', 'code', 'error']);
  let tx: { commit(): void; rollback(): void };
  try {
    tx = options.inCallerTransaction ? { commit() {}, rollback() {} } : beginLongTransaction(db);
  } catch (error) {
    // Another process holds the write lock past the busy timeout: leave no .partial result files behind.
    success.discard();
    errors.discard();
    throw error;
  }
  const summary: ImportSummary = {
    job: null,
    source: options.job.source,
    object: object.name,
    mode: options.mode,
    dryRun: options.dryRun,
    test: options.sample !== undefined,
    rows: 0,
    inserted: 0,
    updated: 0,
    skipped: 0,
    rejected: 0,
    duplicates: 0,
    unchanged: 0,
    accountsCreated: 0,
    successFile: options.successFile,
    errorsFile: options.errorsFile,
    rejectedByCode: {},
    warnings: [],
  };
  try {
    const jobId = nextJobId(db);
    insertJob(db, {
      id: jobId,
      createdAt: now,
      userId: actor.id,
      kind: options.job.kind ?? 'import',
      file: options.job.file,
      fileSha256: options.job.fileSha256,
      source: options.job.source,
      object: object.name,
      mode: options.mode,
      isTest: options.sample !== undefined,
      status: 'completed',
      options: options.job.options,
      successFile: options.successFile,
      errorsFile: options.errorsFile,
    });

    const ids = new IdRange(session, object);
    const accountIds = new IdRange(session, accountObject);
    // Every record the job creates carries the same creation stamp.
    const stamp: CrmRecord = { CreatedDate: now, CreatedById: actor.id, LastModifiedDate: now, LastModifiedById: actor.id };
    const insert = adaptiveInserter(session, object, stamp);
    const insertAccount = bulkInserter(db, accountObject, ['Id', 'Name', 'OwnerId'], stamp);

    // Accounts the importing user can see, by normalised name, for linking contacts.
    const accountsByKey = new Map<string, string>();
    if (linksAccounts) {
      for (const account of iterateRecordsFor(session, 'Account')) {
        const key = companyKey(String(account.Name ?? ''));
        if (key && !accountsByKey.has(key)) accountsByKey.set(key, String(account.Id));
      }
    }
    const ownerCache = new Map<string, string | Rejection>();
    const resolveOwner = (text: string): string => {
      let hit = ownerCache.get(text);
      if (hit === undefined) {
        const users = findUsersByAnyName(db, text);
        if (users.length === 0) hit = { code: 'OWNER_NOT_FOUND', message: `Owner: no user "${text}" (matched by username, e-mail or full name)` };
        else if (users.length > 1) hit = { code: 'OWNER_AMBIGUOUS', message: `Owner: "${text}" matches ${users.length} users; use the username` };
        else if (!users[0]!.isActive) hit = { code: 'OWNER_INACTIVE', message: `Owner: ${users[0]!.username} is deactivated` };
        else hit = users[0]!.id;
        ownerCache.set(text, hit);
      }
      if (typeof hit !== 'string') throw new RowRejected(hit);
      return hit;
    };

    // Name keys of rows already written by this job → record id. (E-mails need no such map: the
    // job's own rows are visible to its transaction, so the org lookup below finds them too.)
    const seenByName = new Map<string, string>();
    const defaultOwner = options.defaultOwnerId ?? actor.id;
    const requiredFields = object.fields.filter((f) => f.required && !f.readOnly);
    const defaults = object.fields.flatMap((f): [string, string][] => {
      if (!f.required || f.readOnly || f.type !== 'picklist') return [];
      const d = picklists.get(f.name)?.find((v) => v.isDefault);
      return d ? [[f.name, d.value]] : [];
    });

    const duplicateKeys = (values: CrmRecord, account: string | null | undefined): { email?: string; name?: string } => {
      const email = typeof values.Email === 'string' ? values.Email.toLowerCase() : undefined;
      let name: string | undefined;
      if (object.name === 'Account') name = companyKey(String(values.Name ?? '')) || undefined;
      else if (!email && values.LastName) {
        const company = object.name === 'Lead' ? values.Company : account;
        name = [values.FirstName ?? '', values.LastName, companyKey(String(company ?? ''))].map((p) => String(p).normalize('NFC').toLowerCase()).join('|');
      }
      const keys: { email?: string; name?: string } = {};
      if (email) keys.email = email;
      if (name) keys.name = name;
      return keys;
    };

    // E-mails known to be in the org (existing records and this job's rows), so that a new address
    // costs no index lookup. Built after the first rows: a test import of 10 rows needs no scan.
    let emailSieve: KeySieve | undefined;
    let emailLookups = 0;
    const emailMayExist = (email: string): boolean => {
      if (!emailSieve) {
        if (++emailLookups <= SIEVE_AFTER_LOOKUPS) return true;
        emailSieve = new KeySieve();
        for (const known of iterateFieldValues(db, object, 'Email')) emailSieve.add(known.toLowerCase());
      }
      return emailSieve.mayContain(email);
    };
    const rememberEmail = (email: RecordValue | undefined): void => {
      if (emailSieve && typeof email === 'string') emailSieve.add(email.toLowerCase());
    };

    const findExistingDuplicate = (keys: { email?: string; name?: string }): string | undefined => {
      if (keys.email && emailMayExist(keys.email)) {
        const existing = findIdsByField(db, object, 'Email', keys.email);
        if (existing.length > 0) return existing[0];
      }
      if (keys.name) {
        const mine = seenByName.get(keys.name);
        if (mine) return mine;
        if (object.name === 'Account') return accountsByKey.get(keys.name);
      }
      return undefined;
    };

    const processRow = (row: SourceRow & { problem?: RowProblem; mapped?: MappedRow }): { action: RowAction; id: string; duplicateOf: string } => {
      if (row.problem) reject(row.problem.code, row.problem.message);
      const mapped = row.mapped ?? options.mapper(row.values);
      if (mapped.problems.length > 0) reject('INVALID_VALUE', mapped.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
      const values: CrmRecord = bareObject();
      const problems: string[] = [];
      let matchValue: string | undefined;
      const mappedFields = mapped.fields;
      for (const name in mappedFields) {
        const raw = mappedFields[name]!;
        if (matchField && name === matchField.name) matchValue = raw ?? undefined;
        const field = fieldsByName.get(name);
        if (!field) reject('UNKNOWN_FIELD', `${object.name} has no field ${name}`);
        if (field!.readOnly) continue;
        const coerced = coerceValue(field!, raw, picklists.get(name));
        if (coerced.ok) {
          if (coerced.value !== null || options.emptyCellsClear) values[name] = coerced.value;
        } else problems.push(`${name}: ${coerced.message}`);
      }
      if (problems.length > 0) reject('INVALID_VALUE', problems.join('; '));
      if (mapped.owner) values.OwnerId = resolveOwner(mapped.owner);

      // Find the record this row updates, if any.
      let targetId: string | undefined;
      if (matchField) {
        if (matchValue === undefined || matchValue === '') {
          if (options.mode === 'update') reject('NO_MATCH_KEY', `${matchField.name} is empty, so the row matches no record`);
        } else {
          const found = findIdsByField(db, object, matchField.name, matchField.name === 'Email' ? matchValue.toLowerCase() : matchValue);
          if (found.length > 1) reject('AMBIGUOUS_MATCH', `${found.length} ${object.pluralLabel.toLowerCase()} have ${matchField.name} = ${matchValue}`);
          targetId = found[0];
          if (!targetId && options.mode === 'update') reject('NO_MATCH', `no ${object.name} with ${matchField.name} = ${matchValue}`);
        }
      }
      let duplicateOf = '';
      const keys = targetId ? {} : duplicateKeys(values, mapped.account);
      if (!targetId) {
        const dup = findExistingDuplicate(keys) ?? options.fuzzyDuplicateOf?.(values, mapped.account ?? null);
        if (dup) {
          duplicateOf = dup;
          summary.duplicates++;
          if (options.onDuplicate === 'skip') return { action: 'skipped', id: '', duplicateOf };
          if (options.onDuplicate === 'update') targetId = dup;
        }
      }

      if (targetId) {
        const existing = getRecord(db, object, targetId);
        if (!existing) reject('NO_MATCH', `${object.name} ${targetId} no longer exists`);
        try {
          session.access.requireRecordEdit(object, existing!);
        } catch (error) {
          reject('PERMISSION_DENIED', (error as Error).message);
        }
        for (const f of requiredFields) if (values[f.name] === null) reject('REQUIRED_FIELD_MISSING', `${f.name}: is required`);
        if (linksAccounts && mapped.account && !values.AccountId) values.AccountId = linkAccount(mapped.account, String(values.OwnerId ?? existing!.OwnerId ?? defaultOwner));
        const changes: CrmRecord = {};
        for (const [k, v] of Object.entries(values)) if (existing![k] !== v) changes[k] = v;
        if (Object.keys(changes).length === 0) summary.unchanged++;
        else {
          recordPreviousValues(db, jobId, object.name, targetId, existing!);
          updateRecordFields(db, object, targetId, { ...changes, LastModifiedDate: now, LastModifiedById: actor.id });
          rememberEmail(changes.Email);
        }
        return { action: 'updated', id: targetId, duplicateOf };
      }

      for (const [k, v] of defaults) if (values[k] === undefined) values[k] = v;
      let missing: string[] | undefined;
      for (const f of requiredFields) if (values[f.name] === undefined || values[f.name] === null) (missing ??= []).push(f.name);
      if (missing) reject('REQUIRED_FIELD_MISSING', `${missing.join(', ')}: required but empty`);
      const assignedOwner = options.assignOwner?.(values);
      if (assignedOwner !== undefined) values.OwnerId = assignedOwner;
      // Contact roles have no owner of their own.
      if (values.OwnerId === undefined && fieldsByName.has('OwnerId')) values.OwnerId = defaultOwner;
      if (linksAccounts && mapped.account && !values.AccountId) values.AccountId = linkAccount(mapped.account, String(values.OwnerId));
      const id = ids.take();
      values.Id = id;
      insert(values);
      rememberEmail(values.Email);
      if (keys.name) seenByName.set(keys.name, id);
      return { action: 'inserted', id, duplicateOf };
    };

    // Company names repeat on thousands of rows: remember each spelling's account.
    const accountBySpelling = new Map<string, string | null>();
    const linkAccount = (name: string, ownerId: string): string | null => {
      const known = accountBySpelling.get(name);
      if (known !== undefined) return known;
      const key = companyKey(name);
      if (!key) return null;
      const found = accountsByKey.get(key);
      if (found) {
        if (accountBySpelling.size < 100_000) accountBySpelling.set(name, found);
        return found;
      }
      const id = accountIds.take();
      insertAccount({ Id: id, Name: name.trim().slice(0, 255), OwnerId: ownerId });
      accountsByKey.set(key, id);
      if (accountBySpelling.size < 100_000) accountBySpelling.set(name, id);
      summary.accountsCreated++;
      return id;
    };

    const batchSize = options.batchSize ?? 1000;
    let batch: (SourceRow & { problem?: RowProblem; mapped?: MappedRow })[] = [];
    const flush = (): void => {
      for (const row of batch) {
        summary.rows++;
        try {
          const outcome = processRow(row);
          summary[outcome.action]++;
          success.write([row.row, outcome.id, outcome.action, outcome.duplicateOf]);
        } catch (error) {
          if (!(error instanceof RowRejected) && failsTheWholeImport(db, error)) throw error;
          const rejection = error instanceof RowRejected ? error.rejection : { code: 'DATABASE_ERROR', message: (error as Error).message };
          summary.rejected++;
          summary.rejectedByCode[rejection.code] = (summary.rejectedByCode[rejection.code] ?? 0) + 1;
          const original = row.values.slice(0, options.headers.length);
          while (original.length < options.headers.length) original.push('');
          const extra = row.values.length > options.headers.length ? ` (extra cells: ${row.values.slice(options.headers.length).join(' | ')})` : '';
          errors.write([...original, row.row, row.line, rejection.code, rejection.message + extra]);
        }
      }
      batch = [];
      options.onProgress?.(summary.rows);
    };
    for await (const row of options.rows) {
      if (options.sample !== undefined && row.row > options.sample) break;
      batch.push(row);
      if (batch.length >= batchSize) flush();
    }
    flush();

    ids.record(jobId);
    accountIds.record(jobId);
    const { warnings: _w, ...stored } = summary;
    finishJob(db, jobId, session.now().toISOString(), { ...stored, job: jobId });
    appendAudit(db, {
      at: now,
      actorId: actor.id,
      action: options.sample !== undefined ? 'import.test' : 'import.run',
      target: jobId,
      oldValue: null,
      newValue: JSON.stringify({ file: options.job.file, object: object.name, inserted: summary.inserted, updated: summary.updated }),
    });
    options.beforeCommit?.(jobId);
    if (options.dryRun) {
      tx.rollback();
    } else {
      summary.job = jobId;
      tx.commit();
    }
    success.commit();
    errors.commit();
    return summary;
  } catch (error) {
    tx.rollback();
    success.discard();
    errors.discard();
    throw error;
  }
}

/**
 * A disk-full or I/O failure is not the row's fault, and SQLite may already have rolled the whole
 * transaction back (SQLITE_FULL, SQLITE_IOERR): rejecting the row and going on would write the
 * remaining rows outside any transaction. Only a constraint violation is the row's own problem.
 */
function failsTheWholeImport(db: OrgSession['db'], error: unknown): boolean {
  if (!db.inTransaction) return true;
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (typeof syscall === 'string') return true; // ENOSPC, EIO... writing the result files
  return typeof code === 'string' && code.startsWith('SQLITE_') && !code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Inserts only the columns rows actually fill (a Contact has ~50 columns; an import fills ~15):
 * the statement is re-prepared when a row brings a column not seen before, which settles after
 * the first rows. `constants` go into every record.
 */
function adaptiveInserter(session: OrgSession, object: ObjectDef, constants: Readonly<CrmRecord>): (record: CrmRecord) => void {
  const columns = new Set<string>();
  let insert: ((record: CrmRecord) => void) | undefined;
  return (record) => {
    for (const name in record) {
      if (!columns.has(name)) {
        columns.add(name);
        insert = undefined;
      }
    }
    insert ??= bulkInserter(session.db, object, [...columns], constants);
    insert(record);
  };
}

function resolveMatchField(object: ObjectDef, name: string): FieldDef {
  const field = object.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
  if (!field || !(field.name === 'Id' || field.name === 'Email' || field.externalId)) {
    throw new CrmError('USAGE', `--match-on ${name}: ${object.name} has no such matchable field.`, {
      hint: `Use Id, Email${object.fields.filter((f) => f.externalId).map((f) => `, ${f.name}`).join('')} (mark a custom field as an external id with field add --external-id).`,
    });
  }
  return field;
}
