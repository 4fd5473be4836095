import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import type { FieldDef, ObjectDef, PicklistValueDef } from '../schema/types.js';
import { requireAdministrator } from '../security/admin.js';
import {
  countRecordsWithPicklistValue,
  deactivatePicklistValue,
  insertPicklistValue,
  picklistValuesWithInactive,
  reactivatePicklistValue,
  setPicklistDefault,
  shiftPicklistOrder,
  type PicklistValueRow,
} from '../store/customize.js';
import { inTransaction } from '../store/database.js';
import { appendAudit } from '../store/org.js';

const FORECAST_CATEGORIES = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'] as const;
type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface PicklistListResult {
  object: string;
  field: string;
  values: PicklistValueRow[];
}

const isStageField = (object: ObjectDef, field: FieldDef): boolean => object.name === 'Opportunity' && field.name === 'StageName';

function picklistField(session: OrgSession, objectName: string, fieldName: string): { object: ObjectDef; field: FieldDef } {
  const object = session.objects.get(objectName);
  const field = session.objects.requireField(object, fieldName);
  if (field.type !== 'picklist' && field.type !== 'multipicklist') {
    throw new CrmError('USAGE', `${object.name}.${field.name} is a ${field.type} field, not a picklist.`, {
      hint: `See the picklists with: crmctl field list ${object.name.toLowerCase()}`,
      details: { object: object.name, field: field.name },
    });
  }
  return { object, field };
}

/** All values of a picklist, including deactivated ones (records may still hold them). */
export function listPicklist(session: OrgSession, objectName: string, fieldName: string): PicklistListResult {
  const { object, field } = picklistField(session, objectName, fieldName);
  return { object: object.name, field: field.name, values: picklistValuesWithInactive(session.db, object.name, field.name) };
}

export interface AddValueInput {
  object: string;
  field: string;
  value: string;
  /** Opportunity stages: 0-100. */
  probability?: number | undefined;
  forecastCategory?: string | undefined;
  closed?: boolean | undefined;
  won?: boolean | undefined;
  makeDefault?: boolean | undefined;
}

export interface AddValueResult {
  object: string;
  field: string;
  value: PicklistValueRow;
  /** True when a deactivated value was switched back on. */
  reactivated: boolean;
}

function stageAttributes(input: AddValueInput): Pick<PicklistValueDef, 'probability' | 'forecastCategory' | 'isClosed' | 'isWon'> {
  if (input.won && input.closed === false) throw new CrmError('USAGE', 'A won stage is closed.', { hint: 'Drop --no-closed, or drop --won.' });
  const isWon = input.won === true;
  const isClosed = isWon || input.closed === true;
  const probability = input.probability ?? (isWon ? 100 : isClosed ? 0 : undefined);
  if (probability === undefined) {
    throw new CrmError('USAGE', `Opportunity stage "${input.value}" needs a probability.`, { hint: 'Pass --probability 0-100 (and --closed / --won for closing stages).' });
  }
  if (!Number.isFinite(probability) || probability < 0 || probability > 100) {
    throw new CrmError('USAGE', `--probability ${probability}: expected 0 to 100.`, { hint: 'Example: --probability 40' });
  }
  let forecastCategory: ForecastCategory;
  if (input.forecastCategory !== undefined) {
    const match = FORECAST_CATEGORIES.find((c) => c.toLowerCase() === input.forecastCategory!.trim().toLowerCase());
    if (!match) throw new CrmError('USAGE', `--forecast-category ${input.forecastCategory}: unknown.`, { hint: `Use one of: ${FORECAST_CATEGORIES.join(', ')}.` });
    forecastCategory = match;
  } else {
    forecastCategory = isWon ? 'Closed' : isClosed ? 'Omitted' : 'Pipeline';
  }
  return { probability, forecastCategory, isClosed, isWon };
}

/**
 * Add a value to a standard or custom picklist (or switch a deactivated one
 * back on). New open opportunity stages go before the closed stages, so the
 * pipeline keeps reading from first contact to close.
 */
export function addPicklistValue(session: OrgSession, input: AddValueInput): AddValueResult {
  requireAdministrator(session, 'change picklists');
  const { object, field } = picklistField(session, input.object, input.field);
  const value = input.value.normalize('NFC').trim();
  if (value === '') throw new CrmError('USAGE', 'The picklist value is empty.', { hint: 'Example: crmctl picklist add-value account Rating Lukewarm' });
  if (value.length > 255) throw new CrmError('USAGE', 'The picklist value is longer than 255 characters.', { hint: 'Use a shorter value.' });
  if (field.type === 'multipicklist' && value.includes(';')) {
    throw new CrmError('USAGE', `"${value}": multi-select values cannot contain ";".`, { hint: 'Rename the value.' });
  }
  const stage = isStageField(object, field);
  if (!stage && (input.probability !== undefined || input.forecastCategory !== undefined || input.closed || input.won)) {
    throw new CrmError('USAGE', '--probability, --forecast-category, --closed and --won apply to Opportunity stages only.', { hint: 'Drop them for this picklist.' });
  }
  const def: PicklistValueDef = { value, ...(stage ? stageAttributes(input) : {}) };
  const existing = picklistValuesWithInactive(session.db, object.name, field.name);
  const same = existing.find((v) => v.value.toLowerCase() === value.toLowerCase());
  if (same?.isActive) {
    throw new CrmError('CONFLICT', `${object.name}.${field.name} already has the value "${same.value}".`, {
      hint: `See the values with: crmctl picklist list ${object.name.toLowerCase()} ${field.name}`,
    });
  }
  const now = session.now().toISOString();
  inTransaction(session.db, () => {
    if (same) {
      reactivatePicklistValue(session.db, object.name, field.name, { ...def, value: same.value });
    } else {
      const firstClosed = stage && !def.isClosed ? existing.find((v) => v.isClosed) : undefined;
      const order = firstClosed ? firstClosed.sortOrder : Math.max(-1, ...existing.map((v) => v.sortOrder)) + 1;
      if (firstClosed) shiftPicklistOrder(session.db, object.name, field.name, order);
      insertPicklistValue(session.db, object.name, field.name, def, order);
    }
    const stored = same?.value ?? value;
    if (input.makeDefault) setPicklistDefault(session.db, object.name, field.name, stored);
    appendAudit(session.db, {
      at: now,
      actorId: session.actor.id,
      action: 'picklist.add-value',
      target: `${object.name}.${field.name}`,
      oldValue: null,
      newValue: JSON.stringify({ ...def, value: stored, default: input.makeDefault === true }),
    });
  });
  session.objects.reload();
  const after = picklistValuesWithInactive(session.db, object.name, field.name).find((v) => v.value === (same?.value ?? value))!;
  return { object: object.name, field: field.name, value: after, reactivated: same !== undefined };
}

export interface RemoveValueResult {
  object: string;
  field: string;
  value: string;
  /** Records that still hold the value; they keep it. */
  recordsKeepingValue: number;
}

/** Deactivate a value: new records cannot choose it, existing records keep it. */
export function removePicklistValue(session: OrgSession, objectName: string, fieldName: string, value: string): RemoveValueResult {
  requireAdministrator(session, 'change picklists');
  const { object, field } = picklistField(session, objectName, fieldName);
  const values = picklistValuesWithInactive(session.db, object.name, field.name);
  const target = values.find((v) => v.isActive && v.value.toLowerCase() === value.trim().toLowerCase());
  if (!target) {
    throw new CrmError('NOT_FOUND', `${object.name}.${field.name} has no active value "${value}".`, {
      hint: `See the values with: crmctl picklist list ${object.name.toLowerCase()} ${field.name}`,
    });
  }
  if (values.filter((v) => v.isActive).length === 1) {
    throw new CrmError('CONFLICT', `"${target.value}" is the last active value of ${object.name}.${field.name}.`, { hint: 'Add another value first.' });
  }
  if (isStageField(object, field) && target.isClosed && values.filter((v) => v.isActive && v.isClosed && v.isWon === target.isWon).length === 1) {
    throw new CrmError('CONFLICT', `"${target.value}" is the only ${target.isWon ? 'won' : 'lost'} stage; opportunities could no longer close that way.`, {
      hint: `Add another ${target.isWon ? '--won' : '--closed'} stage first.`,
    });
  }
  const kept = countRecordsWithPicklistValue(session.db, object, field, target.value);
  inTransaction(session.db, () => {
    deactivatePicklistValue(session.db, object.name, field.name, target.value);
    appendAudit(session.db, {
      at: session.now().toISOString(),
      actorId: session.actor.id,
      action: 'picklist.remove-value',
      target: `${object.name}.${field.name}`,
      oldValue: target.value,
      newValue: null,
    });
  });
  session.objects.reload();
  return { object: object.name, field: field.name, value: target.value, recordsKeepingValue: kept };
}

/** Make an active value the picklist's default (used by record create when the field is left empty). */
export function setDefaultPicklistValue(session: OrgSession, objectName: string, fieldName: string, value: string): PicklistListResult {
  requireAdministrator(session, 'change picklists');
  const { object, field } = picklistField(session, objectName, fieldName);
  const target = picklistValuesWithInactive(session.db, object.name, field.name).find((v) => v.isActive && v.value.toLowerCase() === value.trim().toLowerCase());
  if (!target) throw new CrmError('NOT_FOUND', `${object.name}.${field.name} has no active value "${value}".`, { hint: `crmctl picklist list ${object.name.toLowerCase()} ${field.name}` });
  inTransaction(session.db, () => {
    setPicklistDefault(session.db, object.name, field.name, target.value);
    appendAudit(session.db, { at: session.now().toISOString(), actorId: session.actor.id, action: 'picklist.set-default', target: `${object.name}.${field.name}`, oldValue: null, newValue: target.value });
  });
  session.objects.reload();
  return listPicklist(session, object.name, field.name);
}
