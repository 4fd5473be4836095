import { findDuplicates } from '../dupes/service.js';
import { isCrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor } from '../records/service.js';
import { coerceValue } from '../records/values.js';
import type { FieldDef, ObjectDef, PicklistValueDef } from '../schema/types.js';
import { picklistValuesWithInactive } from '../store/customize.js';
import { countAccountsWithoutContacts } from '../store/reports.js';

/** Objects checked when no --object is given. */
export const DATA_QUALITY_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'Task'] as const;

export interface FieldQuality {
  field: string;
  label: string;
  type: string;
  required: boolean;
  blank: number;
  /** Percentage of records with the field empty, one decimal. */
  blankRate: number;
  invalid: number;
  /** Up to three stored values that no longer validate, with their record ids. */
  invalidExamples: { id: string; value: unknown; problem: string }[];
}

export interface ObjectQuality {
  object: string;
  records: number;
  fields: FieldQuality[];
}

export interface DuplicateSummary {
  object: string;
  groups: number;
  records: number;
}

export interface DataQualityDashboard {
  objects: ObjectQuality[];
  /** Present when Account was checked. */
  accountsWithoutContacts?: number;
  /** Duplicate groups per object (left out when the caller passes `countDuplicates: null`); never estimated. */
  duplicates?: DuplicateSummary[];
  notes: string[];
}

/** Counts duplicate groups for one object, as the acting user sees them. */
export type DuplicateGroupCounter = (session: OrgSession, object: ObjectDef) => { groups: number; records: number };

/** Duplicate groups by the same engine and threshold as `crmctl dupes find`. */
export const dupesFindCounter: DuplicateGroupCounter = (session, object) => {
  const found = findDuplicates(session, object.name);
  return { groups: found.groups.length, records: found.groups.reduce((n, g) => n + g.ids.length, 0) };
};

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * Per field: how often it is blank and how many stored values fail today's
 * validation (coerceValue against the field's type and every picklist value,
 * including retired ones, which records may keep). Reads through the record
 * service, so --as sees only their records.
 */
export interface DataQualityOptions {
  object?: string | undefined;
  /** How duplicate groups are counted (default: dupesFindCounter); null leaves the section out. */
  countDuplicates?: DuplicateGroupCounter | null;
}

export function dataQualityDashboard(session: OrgSession, options: DataQualityOptions = {}): DataQualityDashboard {
  const names = options.object ? [session.objects.get(options.object).name] : [...DATA_QUALITY_OBJECTS];
  const notes: string[] = [];
  const objects: ObjectQuality[] = [];
  for (const name of names) {
    const object = session.objects.get(name);
    try {
      objects.push(checkObject(session, object));
    } catch (error) {
      if (!isCrmError(error) || error.code !== 'PERMISSION_DENIED' || options.object) throw error;
      notes.push(`${session.actor.username} may not read ${name} records; they are not checked.`);
    }
  }
  const result: DataQualityDashboard = { objects, notes };
  if (objects.some((o) => o.object === 'Account')) {
    result.accountsWithoutContacts = countAccountsWithoutContacts(session.db, session.access.readVisibility(session.objects.get('Account')));
  }
  const counter = options.countDuplicates === undefined ? dupesFindCounter : options.countDuplicates;
  if (counter) {
    result.duplicates = objects
      .filter((o) => ['Contact', 'Lead', 'Account'].includes(o.object))
      .map((o) => ({ object: o.object, ...counter(session, session.objects.get(o.object)) }));
  }
  return result;
}

function checkObject(session: OrgSession, object: ObjectDef): ObjectQuality {
  const fields = object.fields.filter((f) => !f.readOnly && f.type !== 'id');
  const picklists = new Map<string, PicklistValueDef[]>();
  for (const f of fields) {
    if (f.type === 'picklist' || f.type === 'multipicklist') picklists.set(f.name, picklistValuesWithInactive(session.db, object.name, f.name));
  }
  const stats = new Map<string, { blank: number; invalid: number; examples: FieldQuality['invalidExamples'] }>(fields.map((f) => [f.name, { blank: 0, invalid: 0, examples: [] }]));
  let records = 0;
  for (const record of iterateRecordsFor(session, object.name)) {
    records++;
    for (const field of fields) {
      const s = stats.get(field.name)!;
      const value = record[field.name];
      if (isBlank(field, value)) {
        s.blank++;
        continue;
      }
      const checked = coerceValue(field, value ?? null, picklists.get(field.name));
      if (!checked.ok) {
        s.invalid++;
        if (s.examples.length < 3) s.examples.push({ id: String(record.Id), value, problem: checked.message });
      }
    }
  }
  return {
    object: object.name,
    records,
    fields: fields.map((f) => {
      const s = stats.get(f.name)!;
      return {
        field: f.name,
        label: f.label,
        type: f.type,
        required: f.required === true,
        blank: s.blank,
        blankRate: rate(s.blank, records),
        invalid: s.invalid,
        invalidExamples: s.examples,
      };
    }),
  };
}

// An unticked checkbox is an answer (false), not a blank.
const isBlank = (field: FieldDef, value: unknown): boolean =>
  field.type !== 'checkbox' && (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''));
