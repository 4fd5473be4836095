import type { FieldDef, ObjectDef, PicklistValueDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import { cachedStatement } from './records.js';
import { columnType, quoteIdent } from './sql.js';

/** Custom field metadata and schema changes (field_def, ALTER TABLE), picklist values and page layouts. */

export interface NewFieldDefRow {
  object: string;
  name: string;
  label: string;
  type: string;
  length?: number | undefined;
  precision?: number | undefined;
  scale?: number | undefined;
  required: boolean;
  externalId: boolean;
  defaultValue?: string | undefined;
  createdAt: string;
}

export function insertFieldDef(db: OrgDb, row: NewFieldDefRow): void {
  db.prepare(
    `INSERT INTO field_def (object, name, label, type, length, precision, scale, required, external_id, default_value, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.object,
    row.name,
    row.label,
    row.type,
    row.length ?? null,
    row.precision ?? null,
    row.scale ?? null,
    row.required ? 1 : 0,
    row.externalId ? 1 : 0,
    row.defaultValue ?? null,
    row.createdAt,
  );
}

/** Add the column for a custom field; external ids get an index for lookups and upserts. */
export function addFieldColumn(db: OrgDb, object: ObjectDef, field: FieldDef): void {
  db.exec(`ALTER TABLE ${quoteIdent(object.name)} ADD COLUMN ${quoteIdent(field.name)} ${columnType(field)}`);
  if (field.externalId) {
    db.exec(`CREATE INDEX ${quoteIdent(fieldIndexName(object, field))} ON ${quoteIdent(object.name)} (${quoteIdent(field.name)})`);
  }
}

const fieldIndexName = (object: ObjectDef, field: FieldDef): string => `ix_${object.name}_${field.name}`;

/** Fill a new column for every existing record (a default given when the field was added). */
export function fillFieldForAll(db: OrgDb, object: ObjectDef, field: FieldDef, value: string | number | null): number {
  return db.prepare(`UPDATE ${quoteIdent(object.name)} SET ${quoteIdent(field.name)} = ? WHERE ${quoteIdent(field.name)} IS NULL`).run(value).changes;
}

export function countRecordsInTable(db: OrgDb, object: ObjectDef): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(object.name)}`).get() as { n: number }).n;
}

export function updateFieldLabel(db: OrgDb, object: string, name: string, label: string): boolean {
  return db.prepare('UPDATE field_def SET label = ? WHERE object = ? AND name = ?').run(label, object, name).changes > 0;
}

export interface FieldBackupInput {
  definition: FieldDef;
  picklist: PicklistValueDef[];
  removedAt: string;
  removedBy: string | null;
}

/**
 * Copy a custom field's non-empty values into field_backup, then drop its
 * index, column, metadata and picklist values. Returns the backup row id and
 * how many values were kept. Call inside a transaction.
 */
export function backupAndDropField(db: OrgDb, object: ObjectDef, field: FieldDef, input: FieldBackupInput): { backupId: number; valueCount: number } {
  const rows = db
    .prepare(`SELECT "Id" AS id, ${quoteIdent(field.name)} AS value FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field.name)} IS NOT NULL ORDER BY "Id"`)
    .all() as { id: string; value: unknown }[];
  const data = rows.map((r) => [r.id, r.value]);
  const info = db
    .prepare(
      `INSERT INTO field_backup (object, field, definition, picklist, data, value_count, removed_at, removed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(object.name, field.name, JSON.stringify(input.definition), JSON.stringify(input.picklist), JSON.stringify(data), rows.length, input.removedAt, input.removedBy);
  db.exec(`DROP INDEX IF EXISTS ${quoteIdent(fieldIndexName(object, field))}`);
  db.exec(`ALTER TABLE ${quoteIdent(object.name)} DROP COLUMN ${quoteIdent(field.name)}`);
  db.prepare('DELETE FROM field_def WHERE object = ? AND name = ?').run(object.name, field.name);
  db.prepare('DELETE FROM picklist_value WHERE object = ? AND field = ?').run(object.name, field.name);
  return { backupId: Number(info.lastInsertRowid), valueCount: rows.length };
}

export interface FieldBackupRow {
  id: number;
  object: string;
  field: string;
  valueCount: number;
  removedAt: string;
  /** [record id, value] pairs. */
  data: [string, unknown][];
}

export function readFieldBackup(db: OrgDb, id: number): FieldBackupRow | undefined {
  const row = db.prepare('SELECT id, object, field, value_count, removed_at, data FROM field_backup WHERE id = ?').get(id) as
    | { id: number; object: string; field: string; value_count: number; removed_at: string; data: string }
    | undefined;
  if (!row) return undefined;
  return { id: row.id, object: row.object, field: row.field, valueCount: row.value_count, removedAt: row.removed_at, data: JSON.parse(row.data) as [string, unknown][] };
}

// ---- picklists ----

export interface PicklistValueRow extends PicklistValueDef {
  sortOrder: number;
  isActive: boolean;
}

/** Every value of one picklist, active or not, in display order. */
export function picklistValuesWithInactive(db: OrgDb, object: string, field: string): PicklistValueRow[] {
  const rows = db
    .prepare(
      `SELECT value, sort_order, is_default, is_active, probability, forecast_category, is_closed, is_won
       FROM picklist_value WHERE object = ? AND field = ? ORDER BY sort_order, value`,
    )
    .all(object, field) as {
    value: string;
    sort_order: number;
    is_default: number;
    is_active: number;
    probability: number | null;
    forecast_category: string | null;
    is_closed: number;
    is_won: number;
  }[];
  return rows.map((r) => ({
    value: r.value,
    sortOrder: r.sort_order,
    isActive: r.is_active === 1,
    ...(r.is_default ? { isDefault: true } : {}),
    ...(r.probability === null ? {} : { probability: r.probability }),
    ...(r.forecast_category === null ? {} : { forecastCategory: r.forecast_category as PicklistValueDef['forecastCategory'] }),
    ...(r.is_closed ? { isClosed: true } : {}),
    ...(r.is_won ? { isWon: true } : {}),
  }));
}

export function insertPicklistValue(db: OrgDb, object: string, field: string, value: PicklistValueDef, sortOrder: number): void {
  db.prepare(
    `INSERT INTO picklist_value (object, field, value, sort_order, is_default, is_active, probability, forecast_category, is_closed, is_won)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  ).run(
    object,
    field,
    value.value,
    sortOrder,
    value.isDefault ? 1 : 0,
    value.probability ?? null,
    value.forecastCategory ?? null,
    value.isClosed ? 1 : 0,
    value.isWon ? 1 : 0,
  );
}

/** Make room at `fromOrder` by moving later values down one place. */
export function shiftPicklistOrder(db: OrgDb, object: string, field: string, fromOrder: number): void {
  db.prepare('UPDATE picklist_value SET sort_order = sort_order + 1 WHERE object = ? AND field = ? AND sort_order >= ?').run(object, field, fromOrder);
}

export function reactivatePicklistValue(db: OrgDb, object: string, field: string, value: PicklistValueDef): void {
  db.prepare(
    `UPDATE picklist_value SET is_active = 1,
       probability = COALESCE(?, probability), forecast_category = COALESCE(?, forecast_category)
     WHERE object = ? AND field = ? AND value = ?`,
  ).run(value.probability ?? null, value.forecastCategory ?? null, object, field, value.value);
}

export function deactivatePicklistValue(db: OrgDb, object: string, field: string, value: string): void {
  db.prepare('UPDATE picklist_value SET is_active = 0, is_default = 0 WHERE object = ? AND field = ? AND value = ?').run(object, field, value);
}

export function setPicklistDefault(db: OrgDb, object: string, field: string, value: string): void {
  db.prepare('UPDATE picklist_value SET is_default = (value = ?) WHERE object = ? AND field = ?').run(value, object, field);
}

/** Records whose picklist field holds `value` (multi-select values count when one of their parts matches). */
export function countRecordsWithPicklistValue(db: OrgDb, object: ObjectDef, field: FieldDef, value: string): number {
  const column = quoteIdent(field.name);
  const sql =
    field.type === 'multipicklist'
      ? `SELECT count(*) AS n FROM ${quoteIdent(object.name)} WHERE ';' || ${column} || ';' LIKE '%;' || ? || ';%'`
      : `SELECT count(*) AS n FROM ${quoteIdent(object.name)} WHERE ${column} = ?`;
  return (db.prepare(sql).get(value) as { n: number }).n;
}

// ---- page layouts ----

export interface LayoutSection {
  name: string;
  fields: string[];
}

export interface PageLayoutRow {
  object: string;
  required: string[];
  order: string[];
  sections: LayoutSection[];
  updatedAt: string;
  updatedBy: string | null;
}

interface PageLayoutDbRow {
  object: string;
  required: string;
  field_order: string;
  sections: string;
  updated_at: string;
  updated_by: string | null;
}

// Layouts are read for every validated record (imports validate millions), so parsed rows are
// kept per connection; every write in this process goes through writePageLayout, which clears it.
const layoutCache = new WeakMap<OrgDb, Map<string, PageLayoutRow | undefined>>();

/** One object's page layout. */
export function readPageLayout(db: OrgDb, object: string): PageLayoutRow | undefined {
  let cache = layoutCache.get(db);
  if (!cache) layoutCache.set(db, (cache = new Map()));
  if (cache.has(object)) return cache.get(object);
  const layout = loadPageLayout(db, object);
  cache.set(object, layout);
  return layout;
}

function loadPageLayout(db: OrgDb, object: string): PageLayoutRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM page_layout WHERE object = ?').get(object) as PageLayoutDbRow | undefined;
  if (!row) return undefined;
  return {
    object: row.object,
    required: JSON.parse(row.required) as string[],
    order: JSON.parse(row.field_order) as string[],
    sections: JSON.parse(row.sections) as LayoutSection[],
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function writePageLayout(db: OrgDb, layout: PageLayoutRow): void {
  layoutCache.delete(db);
  db.prepare(
    `INSERT INTO page_layout (object, required, field_order, sections, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(object) DO UPDATE SET required = excluded.required, field_order = excluded.field_order,
       sections = excluded.sections, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(layout.object, JSON.stringify(layout.required), JSON.stringify(layout.order), JSON.stringify(layout.sections), layout.updatedAt, layout.updatedBy);
}
