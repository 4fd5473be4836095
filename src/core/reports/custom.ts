import { CrmError, isCrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor, parseWhere, readVisibleRecord } from '../records/service.js';
import { listUsers } from '../store/users.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { requireAdministrator } from '../security/admin.js';
import { picklistValuesWithInactive } from '../store/customize.js';
import { inTransaction } from '../store/database.js';
import { appendAudit } from '../store/org.js';
import { deleteSavedReport, findSavedReport, insertSavedReport, listSavedReports } from '../store/reports.js';
import { buildReport } from './build.js';
import { dateOf, inPeriod, parsePeriod } from './period.js';
import type { Cell, ColumnType, ReportColumn, ReportResult, ReportRow } from './types.js';

/** A saved report: one object, chosen columns, a filter in the --where language, grouping, sorting and a period. */
export interface CustomReportDefinition {
  name: string;
  object: string;
  /** API names. */
  columns: string[];
  filter?: string | undefined;
  groupBy?: string | undefined;
  sort?: { field: string; descending: boolean }[] | undefined;
  /** Default --period; the date field it applies to. */
  period?: string | undefined;
  dateField?: string | undefined;
  description?: string | undefined;
}

export interface CreateReportInput {
  name: string;
  object: string;
  columns: string[];
  filter?: string | undefined;
  groupBy?: string | undefined;
  /** "Amount,-CloseDate": a leading - sorts descending. */
  sort?: string[] | undefined;
  period?: string | undefined;
  dateField?: string | undefined;
  description?: string | undefined;
}

const REPORT_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,79}$/u;

function columnTypeOf(field: FieldDef): ColumnType {
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
    case 'date':
    case 'datetime':
    case 'checkbox':
      return field.type;
    default:
      return 'text';
  }
}

function aggregateOf(field: FieldDef): ReportColumn['aggregate'] {
  if (field.type === 'number' || field.type === 'currency') return 'sum';
  if (field.type === 'percent') return 'avg';
  if (field.type === 'checkbox') return 'count-true';
  return undefined;
}

function resolveDefinition(session: OrgSession, input: CreateReportInput, reservedNames: string[]): CustomReportDefinition {
  const name = input.name.normalize('NFC').trim();
  if (!REPORT_NAME.test(name)) {
    throw new CrmError('USAGE', `"${input.name}" is not a usable report name.`, { hint: 'Use letters, digits, ".", "_" and "-" (no spaces), e.g. tier-by-country.' });
  }
  if (reservedNames.some((r) => r.toLowerCase() === name.toLowerCase())) {
    throw new CrmError('CONFLICT', `There is already a report called "${name}".`, { hint: 'Choose another name; see crmctl report list.' });
  }
  const object = session.objects.get(input.object);
  const field = (text: string, option: string): FieldDef => {
    try {
      return session.objects.requireField(object, text);
    } catch (error) {
      if (error instanceof CrmError) throw new CrmError(error.code, `${option}: ${error.message}`, { hint: error.hint ?? '', details: error.details ?? {} });
      throw error;
    }
  };
  const columns = input.columns.map((c) => field(c, '--columns').name);
  if (columns.length === 0) throw new CrmError('USAGE', 'A report needs columns.', { hint: 'Pass --columns Name,Amount,CloseDate' });
  if (new Set(columns).size !== columns.length) throw new CrmError('USAGE', '--columns lists a field twice.', { hint: 'List each field once.' });
  const filter = input.filter?.trim() ? input.filter.trim() : undefined;
  if (filter) parseWhere(session, object, filter);
  const groupBy = input.groupBy ? field(input.groupBy, '--group-by').name : undefined;
  if (groupBy && !columns.includes(groupBy)) columns.unshift(groupBy);
  const sort = (input.sort ?? []).map((s) => ({ field: field(s.replace(/^-/, '').trim(), '--sort').name, descending: s.trim().startsWith('-') }));
  const dateField = input.dateField ? field(input.dateField, '--date-field') : undefined;
  if (dateField && dateField.type !== 'date' && dateField.type !== 'datetime') {
    throw new CrmError('USAGE', `--date-field ${dateField.name} is a ${dateField.type} field, not a date.`, { hint: 'Use e.g. CloseDate or CreatedDate.' });
  }
  if (input.period) parsePeriod(session, input.period, 'all');
  return {
    name,
    object: object.name,
    columns,
    ...(filter ? { filter } : {}),
    ...(groupBy ? { groupBy } : {}),
    ...(sort.length > 0 ? { sort } : {}),
    ...(input.period ? { period: input.period.trim().toLowerCase() } : {}),
    ...(dateField ? { dateField: dateField.name } : {}),
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
  };
}

/** Validate and save a custom report (administrators only); it then runs like a standard one. */
export function createReport(session: OrgSession, input: CreateReportInput, reservedNames: string[]): CustomReportDefinition {
  requireAdministrator(session, 'create reports');
  const taken = [...reservedNames, ...listSavedReports(session.db).map((r) => r.name)];
  const definition = resolveDefinition(session, input, taken);
  const now = session.now().toISOString();
  inTransaction(session.db, () => {
    insertSavedReport(session.db, { name: definition.name, definition: JSON.stringify(definition), createdAt: now, createdBy: session.actor.id });
    appendAudit(session.db, { at: now, actorId: session.actor.id, action: 'report.create', target: definition.name, oldValue: null, newValue: JSON.stringify(definition) });
  });
  return definition;
}

/** Delete a saved custom report (administrators only); standard reports cannot be deleted. */
export function deleteReport(session: OrgSession, name: string): CustomReportDefinition {
  requireAdministrator(session, 'delete reports');
  const existing = findCustomReport(session, name.trim());
  if (!existing) {
    throw new CrmError('NOT_FOUND', `There is no custom report called "${name}".`, { hint: 'See the custom reports with: crmctl report list' });
  }
  inTransaction(session.db, () => {
    deleteSavedReport(session.db, existing.name);
    appendAudit(session.db, { at: session.now().toISOString(), actorId: session.actor.id, action: 'report.delete', target: existing.name, oldValue: JSON.stringify(existing), newValue: null });
  });
  return existing;
}

export function savedReports(session: OrgSession): CustomReportDefinition[] {
  return listSavedReports(session.db).map((r) => JSON.parse(r.definition) as CustomReportDefinition);
}

export function findCustomReport(session: OrgSession, name: string): CustomReportDefinition | undefined {
  const row = findSavedReport(session.db, name);
  return row ? (JSON.parse(row.definition) as CustomReportDefinition) : undefined;
}

/** A field still on the object (a custom field may have been removed since the report was saved). */
function existingField(session: OrgSession, object: ObjectDef, name: string, report: string): FieldDef {
  const field = object.fields.find((f) => f.name === name);
  if (!field) {
    throw new CrmError('UNKNOWN_FIELD', `Report ${report} uses ${object.name}.${name}, which no longer exists.`, {
      hint: `Re-create the report without it (crmctl report create ...).`,
      details: { report, field: name },
    });
  }
  return field;
}

/** Run a saved report over the records the acting user may read. */
export function runCustomReport(session: OrgSession, definition: CustomReportDefinition, periodText: string | undefined): ReportResult {
  const object = session.objects.get(definition.object);
  const fields = definition.columns.map((c) => existingField(session, object, c, definition.name));
  const dateField = existingField(session, object, definition.dateField ?? 'CreatedDate', definition.name);
  for (const s of definition.sort ?? []) existingField(session, object, s.field, definition.name);
  const period = parsePeriod(session, periodText, definition.period ?? 'all');
  const rows: ReportRow[] = [];
  for (const record of iterateRecordsFor(session, object.name, { where: definition.filter, orderBy: definition.sort })) {
    if (!inPeriod(dateOf(record[dateField.name], session.org.timezone), period)) continue;
    const row: ReportRow = Object.create(null) as ReportRow;
    for (const f of fields) row[f.name] = (record[f.name] ?? null) as Cell;
    rows.push(row);
  }
  for (const f of fields) if (f.type === 'reference') showReferenceNames(session, f, rows);
  const columns: ReportColumn[] = fields.map((f) => {
    const aggregate = aggregateOf(f);
    return { key: f.name, title: f.label, type: columnTypeOf(f), ...(aggregate ? { aggregate } : {}) };
  });
  const groupField = definition.groupBy ? existingField(session, object, definition.groupBy, definition.name) : undefined;
  const groupOrder = groupField && (groupField.type === 'picklist' || groupField.type === 'multipicklist') ? picklistValuesWithInactive(session.db, object.name, groupField.name).map((v) => v.value) : undefined;
  const summed = columns.find((c) => c.aggregate === 'sum');
  return buildReport({
    name: definition.name,
    title: definition.name,
    description: definition.description ?? `Custom report on ${object.pluralLabel}`,
    period,
    columns,
    rows,
    groupBy: definition.groupBy,
    groupOrder: groupOrder?.filter((v) => rows.some((r) => r[groupField!.name] === v)),
    chart: summed ? { measure: summed.key, label: summed.title } : { measure: 'count', label: object.pluralLabel },
  });
}

/**
 * Replace record ids in a reference column with the referenced record's
 * name (users: first and last name) when the acting user may read it; ids
 * stay otherwise. Two records with the same name keep their ids in brackets
 * so their groups do not merge.
 */
function showReferenceNames(session: OrgSession, field: FieldDef, rows: ReportRow[]): void {
  const ids = new Set(rows.map((r) => r[field.name]).filter((v): v is string => typeof v === 'string'));
  if (ids.size === 0) return;
  const names = new Map<string, string>();
  const users = (field.referenceTo ?? []).includes('User') ? new Map(listUsers(session.db).map((u) => [u.id, [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username])) : undefined;
  for (const id of ids) {
    const userName = users?.get(id);
    if (userName !== undefined) {
      names.set(id, userName);
      continue;
    }
    for (const target of field.referenceTo ?? []) {
      const object = session.objects.find(target);
      if (!object || object.name === 'User') continue;
      try {
        const record = readVisibleRecord(session, object, id);
        const name = object.nameFields.map((n) => record[n]).filter((v) => typeof v === 'string' && v !== '').join(' ');
        if (name !== '') names.set(id, name);
        break;
      } catch (error) {
        if (!isCrmError(error) || (error.code !== 'NOT_FOUND' && error.code !== 'PERMISSION_DENIED')) throw error;
      }
    }
  }
  const idsByName = new Map<string, number>();
  for (const name of names.values()) idsByName.set(name, (idsByName.get(name) ?? 0) + 1);
  for (const row of rows) {
    const id = row[field.name];
    if (typeof id !== 'string') continue;
    const name = names.get(id);
    if (name !== undefined) row[field.name] = (idsByName.get(name) ?? 0) > 1 ? `${name} (${id})` : name;
  }
}
