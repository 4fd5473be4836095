import type Database from 'better-sqlite3';
import type { FilterNode } from '../query/filter.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import type { OrgDb } from './database.js';
import { compileFilter, type SqlFragment } from './filter-sql.js';
import { quoteIdent } from './sql.js';

/** A stored record: API field name → value (text, number, boolean or null). */
export type RecordValue = string | number | boolean | null;
export type CrmRecord = Record<string, RecordValue>;

const statementCache = new WeakMap<OrgDb, Map<string, Database.Statement>>();

/** Prepare once per connection: imports run the same statements a million times. */
export function cachedStatement(db: OrgDb, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function formatId(keyPrefix: string, n: number): string {
  let digits = '';
  let rest = n;
  do {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return keyPrefix + digits.padStart(12, '0');
}

/** Reserve `count` new ids for an object: 15 characters, Salesforce's key prefix first. */
export function allocateIds(db: OrgDb, object: Pick<ObjectDef, 'name' | 'keyPrefix'>, count: number): string[] {
  const first = reserveIdNumbers(db, object, count);
  return Array.from({ length: count }, (_, i) => formatId(object.keyPrefix, first + i));
}

/** Reserve `count` sequence numbers for an object; returns the first (format with `formatId`). */
export function reserveIdNumbers(db: OrgDb, object: Pick<ObjectDef, 'name'>, count: number): number {
  const row = cachedStatement(
    db,
    `INSERT INTO id_sequence (object, next_value) VALUES (?, ? + 1)
     ON CONFLICT(object) DO UPDATE SET next_value = next_value + ? RETURNING next_value`,
  ).get(object.name, count, count) as { next_value: number };
  return row.next_value - count;
}

function toStorage(field: FieldDef | undefined, value: RecordValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (field?.type === 'checkbox') return value === 'true' || value === 1 || value === '1' ? 1 : 0;
  return value;
}

function fromStorage(object: ObjectDef, row: Record<string, unknown>): CrmRecord {
  const record: CrmRecord = {};
  for (const field of object.fields) {
    if (!(field.name in row)) continue;
    const value = row[field.name];
    record[field.name] =
      field.type === 'checkbox' ? (value === null ? false : value === 1) : ((value ?? null) as RecordValue);
  }
  return record;
}

/** Insert a record whose values are already validated; the caller supplies Id and audit fields. */
export function insertRecord(db: OrgDb, object: ObjectDef, values: CrmRecord): void {
  const names = Object.keys(values);
  const byName = new Map(object.fields.map((f) => [f.name, f]));
  const sql = `INSERT INTO ${quoteIdent(object.name)} (${names.map(quoteIdent).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  cachedStatement(db, sql).run(...names.map((n) => toStorage(byName.get(n), values[n]!)));
}

/** Set some fields of one record; returns whether the record existed. */
export function updateRecordFields(db: OrgDb, object: ObjectDef, id: string, values: CrmRecord): boolean {
  const names = Object.keys(values);
  if (names.length === 0) return getRecord(db, object, id) !== undefined;
  const byName = new Map(object.fields.map((f) => [f.name, f]));
  const sql = `UPDATE ${quoteIdent(object.name)} SET ${names.map((n) => `${quoteIdent(n)} = ?`).join(', ')} WHERE "Id" = ?`;
  const info = cachedStatement(db, sql).run(...names.map((n) => toStorage(byName.get(n), values[n]!)), id);
  return info.changes > 0;
}

export function getRecord(db: OrgDb, object: ObjectDef, id: string): CrmRecord | undefined {
  const row = cachedStatement(db, `SELECT * FROM ${quoteIdent(object.name)} WHERE "Id" = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
  return row ? fromStorage(object, row) : undefined;
}

export function deleteRecordRow(db: OrgDb, object: ObjectDef, id: string): boolean {
  return cachedStatement(db, `DELETE FROM ${quoteIdent(object.name)} WHERE "Id" = ?`).run(id).changes > 0;
}

export interface ListQuery {
  filter?: FilterNode | undefined;
  /** A store-built predicate limiting rows to what the acting user may see. */
  visibility?: SqlFragment | undefined;
  orderBy?: { field: string; descending?: boolean }[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  /** Read only these fields (and Id): a matcher over 200k records needs a dozen of ~30 columns. */
  fields?: readonly string[] | undefined;
}

function whereClause(object: ObjectDef, query: ListQuery): SqlFragment {
  const parts: SqlFragment[] = [];
  if (query.filter) parts.push(compileFilter(query.filter, object, 'r'));
  if (query.visibility) parts.push(query.visibility);
  if (parts.length === 0) return { sql: '', params: [] };
  return { sql: ` WHERE ${parts.map((p) => p.sql).join(' AND ')}`, params: parts.flatMap((p) => p.params) };
}

export function listRecords(db: OrgDb, object: ObjectDef, query: ListQuery = {}): CrmRecord[] {
  return [...iterateRecords(db, object, query)];
}

/** Stream records without loading them all: for exports and dedup over large orgs. */
export function* iterateRecords(db: OrgDb, object: ObjectDef, query: ListQuery = {}): Generator<CrmRecord> {
  const where = whereClause(object, query);
  const known = new Set(object.fields.map((f) => f.name));
  const order = (query.orderBy ?? [{ field: 'CreatedDate' }, { field: 'Id' }])
    .filter((o) => known.has(o.field))
    .map((o) => `r.${quoteIdent(o.field)}${o.descending ? ' DESC' : ''}`);
  const columns = query.fields ? ['Id', ...query.fields.filter((f) => f !== 'Id' && known.has(f))].map((f) => `r.${quoteIdent(f)}`).join(', ') : 'r.*';
  let sql = `SELECT ${columns} FROM ${quoteIdent(object.name)} r${where.sql}`;
  if (order.length > 0) sql += ` ORDER BY ${order.join(', ')}`;
  const params = [...where.params];
  if (query.limit !== undefined) {
    sql += ' LIMIT ? OFFSET ?';
    params.push(query.limit, query.offset ?? 0);
  }
  for (const row of db.prepare(sql).iterate(...params)) yield fromStorage(object, row as Record<string, unknown>);
}

export function countRecords(db: OrgDb, object: ObjectDef, query: ListQuery = {}): number {
  const where = whereClause(object, query);
  const row = db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(object.name)} r${where.sql}`).get(...where.params) as { n: number };
  return row.n;
}

/** Ids of records whose field equals one of the values (case-insensitive for text). */
export function findIdsByField(db: OrgDb, object: ObjectDef, field: string, value: string): string[] {
  const known = object.fields.find((f) => f.name === field);
  if (!known) return [];
  const rows = cachedStatement(
    db,
    `SELECT "Id" FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field)} = ? COLLATE NOCASE ORDER BY "CreatedDate", "Id"`,
  ).all(value) as { Id: string }[];
  return rows.map((r) => r.Id);
}

/**
 * A prepared INSERT over a fixed column list, for bulk writes: one statement
 * for the whole import instead of one per distinct set of non-empty fields.
 * `constants` are the same on every row (who created it, and when): they are written into the
 * statement once rather than bound on every row (four fewer strings converted per record).
 */
export function bulkInserter(db: OrgDb, object: ObjectDef, columns: readonly string[], constants: Readonly<CrmRecord> = {}): (record: CrmRecord) => void {
  const byName = new Map(object.fields.map((f) => [f.name, f]));
  const constantColumns = Object.keys(constants);
  for (const c of [...columns, ...constantColumns]) if (!byName.has(c)) throw new Error(`${object.name} has no column ${c}`);
  const bound = columns.filter((c) => !(c in constants));
  const names = [...bound, ...constantColumns].map(quoteIdent).join(', ');
  const values = [...bound.map(() => '?'), ...constantColumns.map((c) => sqlLiteral(toStorage(byName.get(c), constants[c] ?? null)))].join(', ');
  const statement = db.prepare(`INSERT INTO ${quoteIdent(object.name)} (${names}) VALUES (${values})`);
  const fields = bound.map((c) => byName.get(c));
  const params: (string | number | null)[] = new Array(bound.length);
  return (record) => {
    for (let i = 0; i < bound.length; i++) params[i] = toStorage(fields[i], record[bound[i]!] ?? null);
    statement.run(params);
  };
}

function sqlLiteral(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot store ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** Give back the unused tail of a reserved block (only while nothing else reserved after it). */
export function releaseIdNumbers(db: OrgDb, object: Pick<ObjectDef, 'name'>, reservedEnd: number, firstUnused: number): void {
  cachedStatement(db, 'UPDATE id_sequence SET next_value = ? WHERE object = ? AND next_value = ?').run(firstUnused, object.name, reservedEnd);
}

/** Every non-empty value of one field, streamed (e.g. to seed an import's e-mail sieve). */
export function* iterateFieldValues(db: OrgDb, object: ObjectDef, field: string): Generator<string> {
  if (!object.fields.some((f) => f.name === field)) return;
  const statement = db.prepare(`SELECT ${quoteIdent(field)} FROM ${quoteIdent(object.name)} WHERE ${quoteIdent(field)} IS NOT NULL`).pluck();
  for (const value of statement.iterate()) if (typeof value === 'string') yield value;
}
