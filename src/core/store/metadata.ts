import { STANDARD_OBJECTS } from '../schema/standard-objects.js';
import type { FieldDef, FieldType, ObjectDef, PicklistValueDef } from '../schema/types.js';
import type { OrgDb } from './database.js';

interface FieldDefRow {
  object: string;
  name: string;
  label: string;
  type: string;
  length: number | null;
  precision: number | null;
  scale: number | null;
  required: number;
  external_id: number;
  default_value: string | null;
}

/** Every object of the org: standard fields from code, custom fields from field_def. */
export function loadObjectDefs(db: OrgDb): ObjectDef[] {
  const rows = db.prepare('SELECT * FROM field_def ORDER BY created_at, rowid').all() as FieldDefRow[];
  return STANDARD_OBJECTS.map((object) => ({
    ...object,
    fields: [
      ...object.fields,
      ...rows
        .filter((r) => r.object === object.name)
        .map(
          (r): FieldDef => ({
            name: r.name,
            label: r.label,
            type: r.type as FieldType,
            custom: true,
            required: r.required === 1,
            externalId: r.external_id === 1,
            ...(r.length === null ? {} : { length: r.length }),
            ...(r.precision === null ? {} : { precision: r.precision }),
            ...(r.scale === null ? {} : { scale: r.scale }),
            ...(r.default_value === null ? {} : { defaultValue: r.default_value }),
          }),
        ),
    ],
  }));
}

interface PicklistRow {
  value: string;
  is_default: number;
  probability: number | null;
  forecast_category: string | null;
  is_closed: number;
  is_won: number;
}

/** Active values of a picklist, in display order. */
export function picklistValues(db: OrgDb, object: string, field: string): PicklistValueDef[] {
  const rows = db
    .prepare(
      `SELECT value, is_default, probability, forecast_category, is_closed, is_won
       FROM picklist_value WHERE object = ? AND field = ? AND is_active = 1 ORDER BY sort_order`,
    )
    .all(object, field) as PicklistRow[];
  return rows.map((r) => ({
    value: r.value,
    ...(r.is_default ? { isDefault: true } : {}),
    ...(r.probability === null ? {} : { probability: r.probability }),
    ...(r.forecast_category === null ? {} : { forecastCategory: r.forecast_category as PicklistValueDef['forecastCategory'] }),
    ...(r.is_closed ? { isClosed: true } : {}),
    ...(r.is_won ? { isWon: true } : {}),
  }));
}

/** Every active picklist value of the org keyed `Object.Field`, for validating many rows at once. */
export function allPicklistValues(db: OrgDb): Map<string, PicklistValueDef[]> {
  const rows = db
    .prepare(
      `SELECT object, field, value, is_default, probability, forecast_category, is_closed, is_won
       FROM picklist_value WHERE is_active = 1 ORDER BY object, field, sort_order`,
    )
    .all() as (PicklistRow & { object: string; field: string })[];
  const result = new Map<string, PicklistValueDef[]>();
  for (const r of rows) {
    const key = `${r.object}.${r.field}`;
    let list = result.get(key);
    if (!list) result.set(key, (list = []));
    list.push({
      value: r.value,
      ...(r.is_default ? { isDefault: true } : {}),
      ...(r.probability === null ? {} : { probability: r.probability }),
      ...(r.forecast_category === null ? {} : { forecastCategory: r.forecast_category as PicklistValueDef['forecastCategory'] }),
      ...(r.is_closed ? { isClosed: true } : {}),
      ...(r.is_won ? { isWon: true } : {}),
    });
  }
  return result;
}
