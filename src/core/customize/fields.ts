import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { coerceValue } from '../records/values.js';
import type { FieldDef, FieldType, ObjectDef, PicklistValueDef } from '../schema/types.js';
import { requireAdministrator } from '../security/admin.js';
import {
  addFieldColumn,
  backupAndDropField,
  countRecordsInTable,
  fillFieldForAll,
  insertFieldDef,
  insertPicklistValue,
  picklistValuesWithInactive,
  readPageLayout,
  updateFieldLabel,
  writePageLayout,
} from '../store/customize.js';
import { inTransaction } from '../store/database.js';
import { appendAudit } from '../store/org.js';
import { deriveApiName } from './api-name.js';

/** Field types an admin may give a custom field. */
export const CUSTOM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'currency',
  'percent',
  'date',
  'datetime',
  'checkbox',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
] as const satisfies readonly FieldType[];
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const MAX_LABEL_LENGTH = 80;
const MAX_TEXT_LENGTH = 255;
const MAX_TEXTAREA_LENGTH = 131_072;
const MAX_PRECISION = 18;

export interface AddFieldInput {
  object: string;
  label: string;
  type: string;
  length?: number | undefined;
  precision?: number | undefined;
  scale?: number | undefined;
  /** Picklist values in display order. */
  values?: string[] | undefined;
  required?: boolean | undefined;
  defaultValue?: string | undefined;
  externalId?: boolean | undefined;
}

export interface AddFieldResult {
  object: string;
  field: FieldSummary;
  /** Existing records given the default value. */
  filled: number;
  warnings: string[];
}

export interface FieldSummary {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  required: boolean;
  /** Required by the page layout (interactive entry and record create). */
  layoutRequired: boolean;
  readOnly: boolean;
  externalId: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  defaultValue?: string;
  referenceTo?: string[];
  picklistValues?: { value: string; isDefault: boolean; isActive: boolean }[];
}

const usage = (message: string, hint: string): CrmError => new CrmError('USAGE', message, { hint });

/** Check a label an admin typed: any script, quotes and SQL keywords are fine; control characters and empties are not. */
export function checkLabel(label: string): string {
  const trimmed = label.normalize('NFC').trim();
  if (trimmed === '') throw usage('The field label is empty.', 'Give a label, e.g. crmctl field add contact "Customer Tier" --type text');
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw usage('The field label contains control characters (tabs, line breaks...).', 'Use a single-line label.');
  if ([...trimmed].length > MAX_LABEL_LENGTH) throw usage(`The field label is longer than ${MAX_LABEL_LENGTH} characters.`, 'Use a shorter label.');
  return trimmed;
}

function checkLabelFree(object: ObjectDef, label: string, except?: string): void {
  const clash = object.fields.find((f) => f.name !== except && (f.label.toLowerCase() === label.toLowerCase() || f.name.toLowerCase() === label.toLowerCase()));
  if (clash) {
    throw new CrmError('CONFLICT', `${object.name} already has a field labelled "${clash.label}" (${clash.name}).`, {
      hint: 'Choose another label: labels identify fields in --set, mappings and reports.',
      details: { object: object.name, field: clash.name },
    });
  }
}

function parseType(type: string): CustomFieldType {
  const key = type.trim().toLowerCase();
  const found = CUSTOM_FIELD_TYPES.find((t) => t === key);
  if (!found) throw usage(`--type ${type}: not a field type.`, `Use one of: ${CUSTOM_FIELD_TYPES.join(', ')}.`);
  return found;
}

function wholeNumber(name: string, value: number | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw usage(`${name} ${value}: expected a whole number from ${min} to ${max}.`, `Example: ${name} ${Math.min(max, Math.max(min, 10))}`);
  return value;
}

/** Fill in type-specific sizes (Salesforce's defaults) and refuse options that do not fit the type. */
function buildDefinition(input: AddFieldInput, name: string, label: string, type: CustomFieldType): FieldDef {
  const field: FieldDef = { name, label, type, custom: true, required: input.required === true, externalId: input.externalId === true };
  const textual = type === 'text' || type === 'textarea';
  const numeric = type === 'number' || type === 'currency' || type === 'percent';
  if (input.length !== undefined && !textual) throw usage(`--length applies to text and textarea fields, not ${type}.`, 'Drop --length.');
  if ((input.precision !== undefined || input.scale !== undefined) && !numeric) {
    throw usage(`--precision and --scale apply to number, currency and percent fields, not ${type}.`, 'Drop --precision/--scale.');
  }
  if (input.values !== undefined && type !== 'picklist' && type !== 'multipicklist') {
    throw usage(`--values applies to picklist and multipicklist fields, not ${type}.`, 'Drop --values, or use --type picklist.');
  }
  if (input.externalId && !['text', 'number', 'email'].includes(type)) {
    throw usage(`An external id must be a text, number or email field, not ${type}.`, 'Use --type text for ids from another system.');
  }
  if (type === 'text') field.length = wholeNumber('--length', input.length, 1, MAX_TEXT_LENGTH) ?? MAX_TEXT_LENGTH;
  if (type === 'textarea') field.length = wholeNumber('--length', input.length, 1, MAX_TEXTAREA_LENGTH) ?? 32_768;
  if (numeric) {
    const precision = wholeNumber('--precision', input.precision, 1, MAX_PRECISION) ?? MAX_PRECISION;
    const scale = wholeNumber('--scale', input.scale, 0, precision) ?? (type === 'number' ? 0 : 2);
    if (scale > precision) throw usage(`--scale ${scale} is larger than --precision ${precision}.`, 'The scale counts digits after the point and must not exceed the precision.');
    field.precision = precision;
    field.scale = scale;
  }
  return field;
}

function picklistDefs(values: string[] | undefined, type: CustomFieldType): PicklistValueDef[] {
  if (type !== 'picklist' && type !== 'multipicklist') return [];
  const cleaned = (values ?? []).map((v) => v.normalize('NFC').trim()).filter((v) => v !== '');
  if (cleaned.length === 0) throw usage(`A ${type} field needs its values.`, 'Pass --values "Gold,Silver,Bronze".');
  const seen = new Set<string>();
  for (const value of cleaned) {
    if (seen.has(value.toLowerCase())) throw usage(`--values lists "${value}" twice.`, 'List each value once.');
    if (type === 'multipicklist' && value.includes(';')) throw usage(`"${value}": multi-select values cannot contain ";" (it separates the chosen values).`, 'Rename the value.');
    if (value.length > 255) throw usage(`"${value.slice(0, 20)}…" is longer than 255 characters.`, 'Use shorter picklist values.');
    seen.add(value.toLowerCase());
  }
  return cleaned.map((value) => ({ value }));
}

/**
 * Add a custom field: derive its API name from the label, add the column
 * (indexed when it is an external id), store the label verbatim and the
 * picklist values, and audit it — all in one transaction.
 */
export function addField(session: OrgSession, input: AddFieldInput): AddFieldResult {
  requireAdministrator(session, 'add fields');
  const object = session.objects.get(input.object);
  const label = checkLabel(input.label);
  checkLabelFree(object, label);
  const type = parseType(input.type);
  const name = deriveApiName(label, object.fields.map((f) => f.name));
  const field = buildDefinition(input, name, label, type);
  const picklist = picklistDefs(input.values, type);
  const warnings: string[] = [];
  let storedDefault: string | number | boolean | null = null;
  if (input.defaultValue !== undefined && input.defaultValue !== '') {
    // Record create applies defaults without a picklist to check multi-select values against.
    if (type === 'multipicklist') throw usage('A multipicklist field cannot have a --default.', 'Drop --default; choose the values on each record.');
    const coerced = coerceValue(field, input.defaultValue, picklist);
    if (!coerced.ok) throw usage(`--default: ${coerced.message}.`, `Give a default that is a valid ${type} value.`);
    storedDefault = coerced.value;
    field.defaultValue = typeof coerced.value === 'boolean' ? String(coerced.value) : String(coerced.value);
    if (type === 'picklist') picklist.find((v) => v.value === coerced.value)!.isDefault = true;
  }
  const now = session.now().toISOString();
  const filled = inTransaction(session.db, () => {
    insertFieldDef(session.db, {
      object: object.name,
      name,
      label,
      type,
      length: field.length,
      precision: field.precision,
      scale: field.scale,
      required: field.required === true,
      externalId: field.externalId === true,
      defaultValue: field.defaultValue,
      createdAt: now,
    });
    addFieldColumn(session.db, object, field);
    picklist.forEach((value, i) => insertPicklistValue(session.db, object.name, name, value, i));
    const count = storedDefault === null ? 0 : fillFieldForAll(session.db, object, field, typeof storedDefault === 'boolean' ? (storedDefault ? 1 : 0) : storedDefault);
    appendAudit(session.db, {
      at: now,
      actorId: session.actor.id,
      action: 'field.add',
      target: `${object.name}.${name}`,
      oldValue: null,
      newValue: JSON.stringify({ label, type, required: field.required, externalId: field.externalId, values: picklist.map((v) => v.value) }),
    });
    return count;
  });
  if (field.required && storedDefault === null) {
    const existing = countRecordsInTable(session.db, object);
    if (existing > 0) warnings.push(`${existing} existing ${object.name} record(s) have no ${label}; they must be given one when next edited.`);
  }
  session.objects.reload();
  const created = session.objects.get(object.name);
  return { object: object.name, field: summarize(session, created, created.fields.find((f) => f.name === name)!), filled, warnings };
}

function summarize(session: OrgSession, object: ObjectDef, field: FieldDef): FieldSummary {
  const layout = readPageLayout(session.db, object.name);
  const summary: FieldSummary = {
    name: field.name,
    label: field.label,
    type: field.type,
    custom: field.custom === true,
    required: field.required === true,
    layoutRequired: layout?.required.includes(field.name) === true,
    readOnly: field.readOnly === true,
    externalId: field.externalId === true,
  };
  if (field.length !== undefined) summary.length = field.length;
  if (field.precision !== undefined) summary.precision = field.precision;
  if (field.scale !== undefined) summary.scale = field.scale;
  if (field.defaultValue !== undefined) summary.defaultValue = field.defaultValue;
  if (field.referenceTo) summary.referenceTo = field.referenceTo;
  if (field.type === 'picklist' || field.type === 'multipicklist') {
    summary.picklistValues = picklistValuesWithInactive(session.db, object.name, field.name).map((v) => ({
      value: v.value,
      isDefault: v.isDefault === true,
      isActive: v.isActive,
    }));
  }
  return summary;
}

export interface FieldListResult {
  object: string;
  fields: FieldSummary[];
}

/** Standard and custom fields of an object with type, requiredness, label and picklist values. */
export function listFields(session: OrgSession, objectName: string): FieldListResult {
  const object = session.objects.get(objectName);
  return { object: object.name, fields: object.fields.map((f) => summarize(session, object, f)) };
}

function requireCustomField(session: OrgSession, object: ObjectDef, name: string, verb: string): FieldDef {
  const field = session.objects.requireField(object, name);
  if (!field.custom) {
    throw new CrmError('USAGE', `${object.name}.${field.name} is a standard field; only custom fields can be ${verb}.`, {
      hint: `Custom fields end in __c; see crmctl field list ${object.name.toLowerCase()}.`,
      details: { object: object.name, field: field.name },
    });
  }
  return field;
}

export interface RenameFieldResult {
  object: string;
  name: string;
  oldLabel: string;
  label: string;
}

/** Change a custom field's label; its API name (and so every mapping and report using it) stays. */
export function renameField(session: OrgSession, objectName: string, fieldName: string, newLabel: string): RenameFieldResult {
  requireAdministrator(session, 'rename fields');
  const object = session.objects.get(objectName);
  const field = requireCustomField(session, object, fieldName, 'renamed');
  const label = checkLabel(newLabel);
  checkLabelFree(object, label, field.name);
  inTransaction(session.db, () => {
    updateFieldLabel(session.db, object.name, field.name, label);
    appendAudit(session.db, { at: session.now().toISOString(), actorId: session.actor.id, action: 'field.rename', target: `${object.name}.${field.name}`, oldValue: field.label, newValue: label });
  });
  session.objects.reload();
  return { object: object.name, name: field.name, oldLabel: field.label, label };
}

export interface RemoveFieldResult {
  object: string;
  name: string;
  label: string;
  /** Where the values went: field_backup row `backupId` in the org file `db`. */
  backup: { table: 'field_backup'; id: number; db: string; values: number };
}

/**
 * Remove a custom field: its non-empty values (with record ids), definition
 * and picklist values are copied to the field_backup table first, then the
 * column is dropped and the field leaves page layouts. One transaction.
 */
export function removeField(session: OrgSession, objectName: string, fieldName: string): RemoveFieldResult {
  requireAdministrator(session, 'remove fields');
  const object = session.objects.get(objectName);
  const field = requireCustomField(session, object, fieldName, 'removed');
  const now = session.now().toISOString();
  const { backupId, valueCount } = inTransaction(session.db, () => {
    const picklist = picklistValuesWithInactive(session.db, object.name, field.name);
    const kept = backupAndDropField(session.db, object, field, { definition: field, picklist, removedAt: now, removedBy: session.actor.id });
    const layout = readPageLayout(session.db, object.name);
    if (layout) {
      writePageLayout(session.db, {
        ...layout,
        required: layout.required.filter((f) => f !== field.name),
        order: layout.order.filter((f) => f !== field.name),
        sections: layout.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== field.name) })),
      });
    }
    appendAudit(session.db, {
      at: now,
      actorId: session.actor.id,
      action: 'field.remove',
      target: `${object.name}.${field.name}`,
      oldValue: field.label,
      newValue: `field_backup#${kept.backupId}`,
    });
    return kept;
  });
  session.objects.reload();
  return { object: object.name, name: field.name, label: field.label, backup: { table: 'field_backup', id: backupId, db: session.db.path, values: valueCount } };
}
