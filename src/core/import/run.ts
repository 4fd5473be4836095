import { accessSync, constants } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CrmError, type FieldProblem } from '../errors.js';
import { cleanValueForField, type CleanContext } from '../clean/index.js';
import { countryToDefaultPhoneRegion } from '../clean/countries.js';
import type { CountryCode } from '../clean/phones.js';
import { dateOrderForLocale, detectDateOrder, type DateOrder } from '../clean/dates.js';
import { exchangeAddress } from '../clean/emails.js';
import { splitPersonName, type PersonName } from '../clean/names.js';
import { cleanText } from '../clean/text.js';
import type { OrgSession } from '../org/session.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { findUserByUsername } from '../store/users.js';
import type { CrmRecord } from '../store/records.js';
import { countRecordsFor, iterateRecordsFor } from '../records/service.js';
import { buildAccountMatcher, buildMatcher, DEFAULT_THRESHOLD } from '../dedup/index.js';
import { toAccountRecord, toPersonRecord } from '../dupes/service.js';
import { runImportEngine, type DuplicateAction, type ImportMode, type ImportSummary, type MappedRow, type RowMapper } from './engine.js';
import { compileMapping, type MappedRow as ColumnValues } from './mapping/compile.js';
import { loadMapping, saveMapping } from './mapping/file.js';
import { suggestMapping } from './mapping/suggest.js';
import { ACCOUNT_NAME_FIELD, OWNER_FIELD, type Mapping, type NamePart } from './mapping/types.js';
import { openRowSource } from './read/index.js';
import { PeekableRows, type ReadRow } from './rows.js';
import { detectSource, forcedSource, type Detection } from './sources/detect.js';
import type { RowSource } from './types.js';

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
  };
  prepared.dateOrders = await detectDateOrders(session, prepared);
  return prepared;
}

function defaultCountryFor(session: OrgSession, option: string | undefined): CountryCode | undefined {
  if (option !== undefined) {
    const region = countryToDefaultPhoneRegion(option);
    if (!region) throw new CrmError('USAGE', `--default-country ${option}: not a country.`, { hint: 'Use an ISO code or name, e.g. --default-country LV or --default-country Brazil.' });
    return region;
  }
  const region = session.org.locale.split('-')[1];
  return region ? countryToDefaultPhoneRegion(region) : undefined;
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

const NAME_PART_FIELD: Record<NamePart, keyof PersonName> = {
  salutation: 'Salutation',
  first: 'FirstName',
  middle: 'MiddleName',
  last: 'LastName',
  suffix: 'Suffix',
};

const COUNTRY_FIELD: Record<string, string> = { Contact: 'MailingCountry', Lead: 'Country', Account: 'BillingCountry' };

/** Mapping + cleaning as one row function for the engine. */
export function buildRowMapper(session: OrgSession, prepared: PreparedImport): RowMapper {
  const compiled = compileMapping(prepared.mapping, prepared.source.headers);
  const fieldsByName = new Map<string, FieldDef>();
  for (const f of prepared.object.fields) {
    fieldsByName.set(f.name, f);
    fieldsByName.set(f.name.toLowerCase(), f);
  }
  const countryField = COUNTRY_FIELD[prepared.object.name];
  const locale = session.org.locale;
  const contexts = new Map<string, CleanContext>();
  const contextFor = (field: FieldDef, country: CountryCode | undefined): CleanContext => {
    const key = `${field.name}\u0000${country ?? ''}`;
    let ctx = contexts.get(key);
    if (!ctx) {
      ctx = { ...(country ? { defaultCountry: country } : {}), ...(prepared.dateOrders[field.name] ? { dateOrder: prepared.dateOrders[field.name]!.order } : {}), locale };
      contexts.set(key, ctx);
    }
    return ctx;
  };
  const cache = new CleanCache();
  return (values: readonly string[]): MappedRow => {
    const columns: ColumnValues = compiled(values);
    const fields: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
    const problems: FieldProblem[] = [];
    const warnings: string[] = [];
    let account: string | null = null;
    let owner: string | null = null;
    const raw = columns.fields;
    const country = countryField ? raw[countryField] : undefined;
    const rowCountry = (country ? countryToDefaultPhoneRegion(country) : undefined) ?? prepared.defaultCountry;
    const put = (name: string, value: string): void => {
      const field = fieldsByName.get(name) ?? fieldsByName.get(name.toLowerCase());
      if (!field) {
        problems.push({ field: name, message: `${prepared.object.name} has no such field` });
        return;
      }
      const cleaned = cache.clean(field, value, contextFor(field, rowCountry));
      if (cleaned.problem) problems.push({ field: field.name, message: cleaned.problem });
      else fields[field.name] = cleaned.value;
      if (cleaned.warning) warnings.push(`${field.name}: ${cleaned.warning}`);
    };
    for (const name in raw) {
      const value = raw[name];
      if (name === ACCOUNT_NAME_FIELD) {
        account = cleanText(value ?? null);
        continue;
      }
      if (name === OWNER_FIELD) {
        owner = cleanText(value ?? null);
        continue;
      }
      if (value === null || value === undefined) continue;
      if (columns.exchange?.includes(name)) {
        const address = exchangeAddress(value, 'EX');
        if (address.value) put(name, address.value);
        else if (address.problem) problems.push({ field: name, message: address.problem });
        continue;
      }
      put(name, value);
    }
    for (const split of columns.splits) {
      const parts = splitPersonName(split.value);
      for (const [part, target] of Object.entries(split.into) as [NamePart, string][]) {
        const value = parts[NAME_PART_FIELD[part]];
        if (value && (fields[target] === undefined || fields[target] === null)) put(target, value);
      }
    }
    return { fields, account, owner, problems, warnings };
  };
}

type Cleaned = ReturnType<typeof cleanValueForField>;

/**
 * Cleaning results per field and value: exports repeat cities, countries, companies and titles
 * thousands of times. A field whose distinct values outgrow the limit (e-mails, names) stops
 * being cached, so memory stays bounded on any file.
 */
class CleanCache {
  private readonly byField = new Map<string, Map<string, Cleaned> | null>();
  private static readonly LIMIT = 5_000;

  clean(field: FieldDef, value: string, ctx: CleanContext): Cleaned {
    let values = this.byField.get(field.name);
    if (values === null) return cleanValueForField(field, value, ctx);
    if (values === undefined) this.byField.set(field.name, (values = new Map()));
    const key = ctx.defaultCountry === undefined ? value : `${ctx.defaultCountry}\u0000${value}`;
    let hit = values.get(key);
    if (hit === undefined) {
      hit = cleanValueForField(field, value, ctx);
      if (values.size >= CleanCache.LIMIT) this.byField.set(field.name, null);
      else values.set(key, hit);
    }
    return hit;
  }
}

/**
 * Import's duplicate check uses the same matching engine as `crmctl dupes`, over the records
 * the user can see that existed before the import (rows of the same file are matched by exact
 * e-mail and name keys as they are written).
 */
function fuzzyDuplicateFinder(session: OrgSession, object: ObjectDef): ((values: CrmRecord, account: string | null) => string | undefined) | undefined {
  if (countRecordsFor(session, object.name) === 0) return undefined;
  if (object.name === 'Account') {
    const matcher = buildAccountMatcher([...iterateRecordsFor(session, 'Account')].map(toAccountRecord));
    return (values) => matcher.candidatesFor(toAccountRecord({ ...values, Id: 'new' }), 1, DEFAULT_THRESHOLD)[0]?.id;
  }
  const person = object.name as 'Contact' | 'Lead';
  const accounts = new Map<string, string>();
  if (person === 'Contact') for (const a of iterateRecordsFor(session, 'Account')) accounts.set(String(a.Id), String(a.Name ?? ''));
  const matcher = buildMatcher([...iterateRecordsFor(session, person)].map((r) => toPersonRecord(person, r, accounts)));
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
  if (request.saveMappingFile) await saveMapping(resolve(cwd, request.saveMappingFile), prepared.mapping);
  const files = defaultResultFiles(request.file, cwd);
  const summary = await runImportEngine(session, {
    object: prepared.object,
    headers: prepared.source.headers,
    rows: prepared.rows as AsyncIterable<ReadRow>,
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
    fuzzyDuplicateOf: fuzzyDuplicateFinder(session, prepared.object),
  });
  summary.warnings.push(...prepared.source.warnings);
  return {
    ...summary,
    file: request.file,
    format: prepared.source.format,
    encoding: prepared.source.encoding,
    delimiter: prepared.source.delimiter,
    sheet: prepared.source.sheet,
    language: prepared.detection.language,
    mappingFile: request.saveMappingFile,
  };
}
