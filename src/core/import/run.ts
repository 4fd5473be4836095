import { accessSync, constants, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CrmError } from '../errors.js';
import { countryToDefaultPhoneRegion, phoneRegionOfLocale } from '../clean/countries.js';
import type { CountryCode } from '../clean/phones.js';
import { dateOrderForLocale, detectDateOrder, type DateOrder } from '../clean/dates.js';
import type { OrgSession } from '../org/session.js';
import type { ObjectDef } from '../schema/types.js';
import { findUserByUsername } from '../store/users.js';
import type { CrmRecord } from '../store/records.js';
import { countRecordsFor } from '../records/service.js';
import { buildAccountMatcher, buildMatcher, DEFAULT_THRESHOLD, type AccountMatchRecord, type MatchRecord } from '../dedup/index.js';
import { accountNames, matchRecords, toAccountRecord, toPersonRecord } from '../dupes/service.js';
import { runImportEngine, type DuplicateAction, type ImportMode, type ImportSummary, type MappedRow, type RowMapper } from './engine.js';
import { PARALLEL_BATCH_SIZE, parallelImportAvailable, parallelRows, prewarmImportWorkers, type ParallelRows } from './parallel.js';
import { compileMapping } from './mapping/compile.js';
import { buildRowTransform, type TransformConfig } from './transform.js';
import { loadMapping, saveMapping } from './mapping/file.js';
import { suggestMapping } from './mapping/suggest.js';
import type { Mapping } from './mapping/types.js';
import { openRowSource } from './read/index.js';
import { PeekableRows, type ReadRow } from './rows.js';
import { detectSource, forcedSource, type Detection } from './sources/detect.js';
import type { RowSource } from './types.js';
import { addField } from '../customize/fields.js';

/**
 * An import from file to org: read → detect the source → map → clean → engine.
 * `prepareImport` does everything up to the first row written (the wizard
 * shows and edits what it found); `executeImport` runs the engine.
 */
export const IMPORTABLE_OBJECTS = ['Contact', 'Lead', 'Account'] as const;

export interface ImportRequest {
  file: string;
  object: string;
  source?: string | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheet?: string | undefined;
  mappingFile?: string | undefined;
  /** Unmapped columns that hold data become custom text fields (administrators; not under --dry-run). */
  createFields?: boolean | undefined;
  /** A file crmctl exported, edited and applied back (`crmctl update --from`): see TransformConfig.roundTrip. */
  roundTrip?: boolean | undefined;
  /** A mapping already in hand (the wizard's edited one); wins over mappingFile and the suggestion. */
  mapping?: Mapping | undefined;
  saveMappingFile?: string | undefined;
  mode?: ImportMode | undefined;
  matchOn?: string | undefined;
  onDuplicate?: DuplicateAction | undefined;
  dryRun?: boolean | undefined;
  sample?: number | undefined;
  owner?: string | undefined;
  defaultCountry?: string | undefined;
  dateFormat?: DateOrder | undefined;
  successFile?: string | undefined;
  errorsFile?: string | undefined;
  stdin?: NodeJS.ReadableStream | undefined;
  onProgress?: ((rowsDone: number) => void) | undefined;
  /** Owner of each new record from its values (lead assignment rules: import --assign). */
  assignOwner?: ((values: Readonly<CrmRecord>) => string | undefined) | undefined;
  /** Objects this request may load instead of IMPORTABLE_OBJECTS (crmctl migrate also loads opportunities and tasks). */
  allowedObjects?: readonly string[] | undefined;
}

export interface SuggestedColumnView {
  column: string;
  field?: string | undefined;
  confidence: number;
  reason?: string | undefined;
}

export interface PreparedImport {
  request: ImportRequest;
  object: ObjectDef;
  source: RowSource;
  rows: PeekableRows;
  detection: Detection;
  mapping: Mapping;
  columns: SuggestedColumnView[];
  unmapped: string[];
  /** Date order per date field: from --date-format, the column's own values, or the org's locale. */
  dateOrders: Record<string, { order: DateOrder; detected: boolean; evidence: string }>;
  defaultCountry: CountryCode | undefined;
  /** Custom fields made for unmapped columns (--create-fields); under --dry-run, the ones that would be. */
  createdFields: CreatedField[];
}

/** A custom field --create-fields made (or, under --dry-run, would make) for an unmapped column. */
export interface CreatedField {
  column: string;
  field: string;
  created: boolean;
}

const PEEK_ROWS = 500;

export function importableObject(session: OrgSession, name: string, allowed: readonly string[] = IMPORTABLE_OBJECTS): ObjectDef {
  const object = session.objects.get(name);
  if (!allowed.includes(object.name)) {
    throw new CrmError('USAGE', `crmctl import loads contacts, leads and accounts, not ${object.pluralLabel.toLowerCase()}.`, {
      hint: 'Use --object contact|lead|account (crmctl migrate loads opportunities, tasks and more).',
    });
  }
  return object;
}

export async function prepareImport(session: OrgSession, request: ImportRequest): Promise<PreparedImport> {
  const object = importableObject(session, request.object, request.allowedObjects);
  const source = await openRowSource(request.file, { encoding: request.encoding, delimiter: request.delimiter, sheet: request.sheet, ...(request.source === 'vcard' ? { format: 'vcard' as const } : {}) }, request.stdin);
  let detection = detectSource(source.headers, source.format);
  if (request.source !== undefined && request.source !== 'auto') detection = forcedSource(request.source, detection);
  if (!request.mapping && !request.mappingFile && (detection.source === 'csv' || detection.source === 'xlsx')) refuseRepeatedColumns(source);
  const suggestion = suggestMapping(source.headers, object, detection.source, detection.language === undefined ? {} : { language: detection.language });
  const mapping = request.mapping ?? (request.mappingFile ? await loadMapping(request.mappingFile, session.objects.all(), source.headers) : suggestion.mapping);
  const columns: SuggestedColumnView[] = suggestion.columns.map((c) => ({ column: c.column, field: c.field, confidence: c.confidence, reason: c.reason }));
  const rows = new PeekableRows(source.rows);
  const prepared: PreparedImport = {
    request,
    object,
    source,
    rows,
    detection,
    mapping,
    columns,
    unmapped: suggestion.unmapped,
    dateOrders: {},
    defaultCountry: defaultCountryFor(session, request.defaultCountry),
    createdFields: [],
  };
  if (request.createFields) await createFieldsForUnmapped(session, prepared);
  prepared.dateOrders = await detectDateOrders(session, prepared);
  return prepared;
}

/**
 * --create-fields: each unmapped column that holds a value in the first rows becomes a custom
 * field labelled like the column (text, or long text when values are long or span lines), and
 * the mapping fills it. Empty columns (most of an Outlook export's 92) are left alone. Under
 * --dry-run nothing is created; the fields that would be are reported.
 */
async function createFieldsForUnmapped(session: OrgSession, prepared: PreparedImport): Promise<void> {
  const sample = await prepared.rows.peek(PEEK_ROWS);
  const existingLabels = new Set(prepared.object.fields.map((f) => f.label.toLowerCase()));
  for (const column of prepared.unmapped) {
    const index = prepared.source.headers.indexOf(column);
    const values = sample.map((r) => (r.values[index] ?? '').trim()).filter(Boolean);
    if (index < 0 || values.length === 0 || existingLabels.has(column.trim().toLowerCase())) continue;
    const long = values.some((v) => v.length > 255 || /[\r\n]/.test(v));
    if (prepared.request.dryRun) {
      prepared.createdFields.push({ column, field: `(${column})`, created: false });
      continue;
    }
    const added = addField(session, { object: prepared.object.name, label: column.trim(), type: long ? 'textarea' : 'text', ...(long ? {} : { length: 255 }) });
    prepared.mapping.fields[added.field.name] = column;
    prepared.createdFields.push({ column, field: added.field.name, created: true });
  }
  if (prepared.createdFields.some((f) => f.created)) {
    session.objects.reload();
    prepared.object = session.objects.get(prepared.object.name);
    prepared.unmapped = prepared.unmapped.filter((c) => !prepared.createdFields.some((f) => f.created && f.column === c));
  }
}

/**
 * A generic file whose header names a column twice: which one holds the e-mail? Importing one and
 * dropping the other would lose data without a word, so the file is refused unless a mapping says
 * where each goes. Known exports that repeat a header by design (French Outlook's two "Titre")
 * are mapped by their source tables instead.
 */
function refuseRepeatedColumns(source: RowSource): void {
  const keys = source.headers.map((h) => h.trim().toLowerCase());
  const repeats: string[] = [];
  source.headers.forEach((header, i) => {
    const m = /^(.*) \((\d+)\)$/.exec(header);
    if (!m) return;
    const first = keys.indexOf(m[1]!.trim().toLowerCase());
    if (first >= 0 && first < i) repeats.push(`"${source.headers[first]}" (columns ${first + 1} and ${i + 1})`);
  });
  if (repeats.length === 0) return;
  throw new CrmError('BAD_INPUT_FILE', `${source.file}: line 1 names ${repeats.join(', ')} twice, so crmctl cannot tell which column to import.`, {
    hint: `Rename one of them in the file, or pass --mapping with a mapping that places each (crmctl mapping suggest ${source.file} --save m.json, then edit it).`,
    details: { file: source.file, line: 1, repeated: repeats },
  });
}

function defaultCountryFor(session: OrgSession, option: string | undefined): CountryCode | undefined {
  if (option !== undefined) {
    const region = countryToDefaultPhoneRegion(option);
    if (!region) throw new CrmError('USAGE', `--default-country ${option}: not a country.`, { hint: 'Use an ISO code or name, e.g. --default-country LV or --default-country Brazil.' });
    return region;
  }
  return phoneRegionOfLocale(session.org.locale);
}

/** Decide each date column's day/month order from its own values where they are unambiguous. */
async function detectDateOrders(session: OrgSession, prepared: PreparedImport): Promise<PreparedImport['dateOrders']> {
  const dateFields = prepared.object.fields.filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => f.name);
  const result: PreparedImport['dateOrders'] = {};
  const mapped = Object.keys(prepared.mapping.fields).filter((f) => dateFields.includes(f));
  if (mapped.length === 0) return result;
  const fallback = prepared.request.dateFormat ?? dateOrderForLocale(session.org.locale);
  if (prepared.request.dateFormat) {
    for (const f of mapped) result[f] = { order: prepared.request.dateFormat, detected: false, evidence: '--date-format' };
    return result;
  }
  const compiled = compileMapping(prepared.mapping, prepared.source.headers);
  const samples = new Map<string, string[]>(mapped.map((f) => [f, []]));
  for (const row of await prepared.rows.peek(PEEK_ROWS)) {
    if (row.problem) continue;
    const values = compiled(row.values);
    for (const f of mapped) {
      const v = values.fields[f];
      if (v) samples.get(f)!.push(v);
    }
  }
  for (const f of mapped) {
    const detected = detectDateOrder(samples.get(f)!, fallback);
    result[f] = { order: detected.order, detected: detected.confident, evidence: detected.evidence };
  }
  return result;
}

const PARALLEL_MIN_BYTES = 1024 * 1024;

/** For an import that will run on worker threads, start them now, before prepareImport (see prewarmImportWorkers). */
export function prewarmWorkersFor(request: ImportRequest): void {
  if (useWorker(request)) prewarmImportWorkers();
}

/**
 * Large files are read and cleaned in a worker thread. CRMCTL_IMPORT_WORKERS=0 turns that off,
 * =1 forces it (tests); stdin cannot be read twice, so it always stays in this thread.
 */
function useWorker(request: ImportRequest): boolean {
  const setting = process.env.CRMCTL_IMPORT_WORKERS;
  if (request.file === '-' || setting === '0' || !parallelImportAvailable()) return false;
  if (setting === '1') return true;
  try {
    return statSync(request.file).size >= PARALLEL_MIN_BYTES;
  } catch {
    return false;
  }
}

/** The row function for the engine: mapping + cleaning, configured from what prepareImport found. */
export function transformConfig(session: OrgSession, prepared: PreparedImport): TransformConfig {
  return {
    mapping: prepared.mapping,
    headers: prepared.source.headers,
    object: prepared.object,
    dateOrders: Object.fromEntries(Object.entries(prepared.dateOrders).map(([f, d]) => [f, d.order])),
    defaultCountry: prepared.defaultCountry,
    locale: session.org.locale,
    ...(prepared.request.roundTrip ? { roundTrip: true } : {}),
  };
}

export function buildRowMapper(session: OrgSession, prepared: PreparedImport): RowMapper {
  return buildRowTransform(transformConfig(session, prepared));
}

/**
 * Import's duplicate check uses the same matching engine as `crmctl dupes`, over the records
 * the user can see that existed before the import (rows of the same file are matched by exact
 * e-mail and name keys as they are written).
 */
function fuzzyDuplicateFinder(session: OrgSession, object: ObjectDef): ((values: CrmRecord, account: string | null) => string | undefined) | undefined {
  if (countRecordsFor(session, object.name) === 0) return undefined;
  if (object.name === 'Account') {
    const matcher = buildAccountMatcher(matchRecords(session, 'Account') as Iterable<AccountMatchRecord>);
    return (values) => matcher.candidatesFor(toAccountRecord({ ...values, Id: 'new' }), 1, DEFAULT_THRESHOLD)[0]?.id;
  }
  const person = object.name as 'Contact' | 'Lead';
  const accounts = person === 'Contact' ? accountNames(session) : undefined;
  const matcher = buildMatcher(matchRecords(session, person, accounts) as Iterable<MatchRecord>);
  return (values, account) => {
    const query = toPersonRecord(person, { ...values, Id: 'new' }, accounts);
    if (person === 'Contact' && account) query.Company = account;
    return matcher.candidatesFor(query, 1, DEFAULT_THRESHOLD)[0]?.id;
  };
}

export interface ImportResult extends ImportSummary {
  file: string;
  format: string;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  sheet?: string | undefined;
  language?: string | undefined;
  mappingFile?: string | undefined;
  createdFields?: CreatedField[];
}

/** Result files go next to the input (or into the working folder for stdin and read-only folders). */
export function defaultResultFiles(file: string, cwd: string): { successFile: string; errorsFile: string } {
  if (file === '-') return { successFile: join(cwd, 'stdin.success.csv'), errorsFile: join(cwd, 'stdin.errors.csv') };
  const full = resolve(cwd, file);
  let folder = dirname(full);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    folder = cwd;
  }
  const stem = join(folder, basename(full, extname(full)));
  return { successFile: `${stem}.success.csv`, errorsFile: `${stem}.errors.csv` };
}

export async function executeImport(session: OrgSession, prepared: PreparedImport, cwd: string): Promise<ImportResult> {
  const request = prepared.request;
  if (request.sample !== undefined && (!Number.isInteger(request.sample) || request.sample < 1)) {
    throw new CrmError('USAGE', `--sample ${request.sample}: expected a number of rows, e.g. 10.`, { hint: 'The guide suggests a test import of 5-10 records: --sample 10' });
  }
  let defaultOwnerId: string | undefined;
  if (request.owner !== undefined) {
    const user = findUserByUsername(session.db, request.owner);
    if (!user) throw new CrmError('NOT_FOUND', `--owner ${request.owner}: no such user.`, { hint: 'Try: crmctl user list' });
    if (!user.isActive) throw new CrmError('USAGE', `--owner ${request.owner}: the user is deactivated.`, { hint: 'Choose an active user.' });
    defaultOwnerId = user.id;
  }
  // A header and no rows is almost always the wrong file or a failed export: refuse it rather
  // than record an empty job that looks like a successful import (issue 9: hostile input).
  if ((await prepared.rows.peek(1)).length === 0) {
    throw new CrmError('BAD_INPUT_FILE', `${request.file === '-' ? 'stdin' : request.file}: the file has a header line but no rows, so there is nothing to import`, {
      hint: 'Try: export the contacts again (check the export did not stop early), or pick the file that holds the rows',
      details: { file: request.file },
    });
  }
  if (request.saveMappingFile) await saveMapping(resolve(cwd, request.saveMappingFile), prepared.mapping);
  const files = defaultResultFiles(request.file, cwd);
  let rows: AsyncIterable<ReadRow & { mapped?: MappedRow }> = prepared.rows;
  let parallel: ParallelRows | undefined;
  if (useWorker(request)) {
    // The worker reads the file again from the start; this thread's reader is no longer needed.
    await prepared.rows.close();
    parallel = parallelRows({
      file: request.file,
      read: { encoding: request.encoding, delimiter: request.delimiter, sheet: request.sheet, ...(request.source === 'vcard' ? { format: 'vcard' as const } : {}) },
      config: transformConfig(session, prepared),
      sample: request.sample,
    });
    rows = parallel;
  }
  let summary: ImportSummary;
  try {
    summary = await runImportEngine(session, {
      object: prepared.object,
      headers: prepared.source.headers,
      rows,
      mapper: buildRowMapper(session, prepared),
      mode: request.mode ?? 'insert',
      matchOn: request.matchOn,
      onDuplicate: request.onDuplicate ?? 'create',
      dryRun: request.dryRun === true,
      sample: request.sample,
      defaultOwnerId,
      successFile: request.successFile ? resolve(cwd, request.successFile) : files.successFile,
      errorsFile: request.errorsFile ? resolve(cwd, request.errorsFile) : files.errorsFile,
      job: {
        file: request.file === '-' ? '-' : resolve(cwd, request.file),
        fileSha256: null,
        source: prepared.detection.source,
        options: {
          source: prepared.detection.source,
          language: prepared.detection.language ?? null,
          encoding: prepared.source.encoding ?? null,
          delimiter: prepared.source.delimiter ?? null,
          mode: request.mode ?? 'insert',
          matchOn: request.matchOn ?? null,
          onDuplicate: request.onDuplicate ?? 'create',
          sample: request.sample ?? null,
          owner: request.owner ?? null,
          mapping: prepared.mapping,
        },
      },
      onProgress: request.onProgress,
      // Process rows as the workers batch them, so few are held at a time.
      ...(parallel ? { batchSize: PARALLEL_BATCH_SIZE } : {}),
      ...(request.roundTrip ? { emptyCellsClear: true } : { fuzzyDuplicateOf: fuzzyDuplicateFinder(session, prepared.object) }),
      ...(request.assignOwner ? { assignOwner: request.assignOwner } : {}),
    });
  } catch (error) {
    // The engine failed before draining the worker (BUSY, a usage error...): stop the thread, or it keeps
    // the process alive after the error is reported (issue 9: found by the concurrency test).
    await parallel?.close();
    throw error;
  }
  summary.warnings.push(...(parallel ? parallel.warnings : prepared.source.warnings));
  return {
    ...summary,
    file: request.file,
    format: prepared.source.format,
    encoding: prepared.source.encoding,
    delimiter: prepared.source.delimiter,
    sheet: prepared.source.sheet,
    language: prepared.detection.language,
    mappingFile: request.saveMappingFile,
    createdFields: prepared.createdFields,
  };
}
