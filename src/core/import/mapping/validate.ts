import type { ObjectDef } from '../../schema/types.js';
import { SOURCE_KINDS } from '../sources/detect.js';
import { ColumnIndex } from './columns.js';
import { ACCOUNT_NAME_FIELD, MAPPING_VERSION, NAME_PARTS, OWNER_FIELD, SPLITTERS, type Mapping } from './types.js';

/**
 * Checks a parsed mapping file and reports EVERY problem as `path: message`
 * (`fields.Email: column "Mail" is not in the file`, `fields.Foo: Contact has no field Foo`).
 * Hand-written rather than a JSON Schema engine: the structural rules mirror
 * schemas/mapping.schema.json, and the checks that need the org (fields of the object) or the
 * file (columns) cannot be expressed in a schema anyway.
 */
export interface MappingCheck {
  problems: string[];
  /** The mapping, typed, when there are no problems. */
  mapping?: Mapping;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const RULE_KEYS = ['column', 'exchangeTypeColumn', 'displayNameColumn', 'multiValue', 'join', 'separator', 'firstOf', 'labels', 'constant'];
const REF_KEYS = ['column', 'exchangeTypeColumn', 'displayNameColumn', 'labelColumn'];
const TOP_KEYS = ['$schema', 'version', 'object', 'source', 'language', 'fields', 'splits', 'ignore', 'unmapped'];

/** Fields a mapping may fill on `object`: writable fields, plus the pseudo-fields the pipeline resolves. */
export function mappableField(object: ObjectDef, name: string): { ok: true } | { ok: false; message: string } {
  if (name === ACCOUNT_NAME_FIELD) {
    return object.fields.some((f) => f.name === 'AccountId') ? { ok: true } : { ok: false, message: `${object.name} has no Account to link (Account.Name is for contacts)` };
  }
  if (name === OWNER_FIELD) {
    return object.fields.some((f) => f.name === 'OwnerId') ? { ok: true } : { ok: false, message: `${object.name} has no owner` };
  }
  const field = object.fields.find((f) => f.name === name);
  if (!field) return { ok: false, message: `${object.name} has no field ${name}` };
  if (field.readOnly) return { ok: false, message: `${object.name}.${name} is set by the system and cannot be imported` };
  return { ok: true };
}

export function validateMapping(value: unknown, objects: readonly ObjectDef[], headers?: readonly string[]): MappingCheck {
  const problems: string[] = [];
  const add = (path: string, message: string) => problems.push(`${path}: ${message}`);
  if (!isObject(value)) return { problems: ['(root): a mapping must be a JSON object'] };
  const columns = headers ? new ColumnIndex(headers) : undefined;
  const checkColumn = (path: string, name: unknown) => {
    if (typeof name !== 'string' || name.trim() === '') add(path, 'must be a column name (non-empty text)');
    else if (columns && columns.find(name) < 0) add(path, `column "${name}" is not in the file`);
  };

  for (const key of Object.keys(value)) if (!TOP_KEYS.includes(key)) add(key, 'unknown property');
  if (value.version !== MAPPING_VERSION) add('version', `must be ${MAPPING_VERSION}`);
  let object: ObjectDef | undefined;
  if (typeof value.object !== 'string') add('object', 'must name the target object, e.g. "Contact"');
  else {
    object = objects.find((o) => o.name.toLowerCase() === String(value.object).toLowerCase());
    if (!object) add('object', `there is no object ${value.object} (use one of: ${objects.map((o) => o.name).join(', ')})`);
    else if (object.name !== value.object) add('object', `write the API name "${object.name}"`);
  }
  if (value.source !== undefined && !SOURCE_KINDS.includes(value.source as never)) add('source', `must be one of: ${SOURCE_KINDS.join(', ')}`);
  if (value.language !== undefined && typeof value.language !== 'string') add('language', 'must be text, e.g. "de"');

  const filled = new Set<string>();
  if (!isObject(value.fields)) add('fields', 'must be an object of field → rule');
  else {
    for (const [field, rule] of Object.entries(value.fields)) {
      const path = `fields.${field}`;
      filled.add(field);
      if (object) {
        const ok = mappableField(object, field);
        if (!ok.ok) add(path, ok.message);
      }
      checkRule(path, rule, add, checkColumn);
    }
  }

  if (value.splits !== undefined) {
    if (!Array.isArray(value.splits)) add('splits', 'must be a list');
    else
      value.splits.forEach((split: unknown, i) => {
        const path = `splits[${i}]`;
        if (!isObject(split)) return add(path, 'must be an object with column, splitter and into');
        for (const key of Object.keys(split)) if (!['column', 'splitter', 'into'].includes(key)) add(`${path}.${key}`, 'unknown property');
        checkColumn(`${path}.column`, split.column);
        if (typeof split.splitter !== 'string' || !(split.splitter in SPLITTERS)) add(`${path}.splitter`, `must be one of: ${Object.keys(SPLITTERS).join(', ')}`);
        if (!isObject(split.into) || Object.keys(split.into).length === 0) return add(`${path}.into`, 'must map splitter parts to fields, e.g. {"first": "FirstName"}');
        for (const [part, field] of Object.entries(split.into)) {
          if (!(NAME_PARTS as readonly string[]).includes(part)) add(`${path}.into.${part}`, `unknown part (the name splitter gives: ${NAME_PARTS.join(', ')})`);
          if (typeof field !== 'string') add(`${path}.into.${part}`, 'must be a field name');
          else if (object) {
            const ok = mappableField(object, field);
            if (!ok.ok) add(`${path}.into.${part}`, ok.message);
          }
        }
      });
  }
  for (const list of ['ignore', 'unmapped'] as const) {
    const entries = value[list];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) add(list, 'must be a list of column names');
    // Unmapped/ignored columns are informational: a missing one is not an error, a non-name is.
    else entries.forEach((c: unknown, i) => (typeof c === 'string' && c.trim() !== '' ? undefined : add(`${list}[${i}]`, 'must be a column name')));
  }
  return problems.length === 0 ? { problems, mapping: value as unknown as Mapping } : { problems };
}

function checkRule(path: string, rule: unknown, add: (path: string, message: string) => void, checkColumn: (path: string, name: unknown) => void): void {
  if (typeof rule === 'string') {
    if (!rule.startsWith('=')) checkColumn(path, rule);
    return;
  }
  if (!isObject(rule)) return add(path, 'must be a column name, "=constant", or a rule object');
  for (const key of Object.keys(rule)) if (!RULE_KEYS.includes(key)) add(`${path}.${key}`, 'unknown property');
  const kinds = ['column', 'join', 'firstOf', 'constant'].filter((k) => k in rule);
  if (kinds.length !== 1) return add(path, `needs exactly one of column, join, firstOf, constant (found ${kinds.length === 0 ? 'none' : kinds.join(', ')})`);
  if (rule.multiValue !== undefined && typeof rule.multiValue !== 'boolean') add(`${path}.multiValue`, 'must be true or false');
  const kind = kinds[0]!;
  const only = (allowed: string[]) => {
    for (const key of Object.keys(rule)) if (RULE_KEYS.includes(key) && !allowed.includes(key)) add(`${path}.${key}`, `not allowed with ${kind}`);
  };
  if (kind === 'constant') {
    only(['constant']);
    if (typeof rule.constant !== 'string') add(`${path}.constant`, 'must be text');
  } else if (kind === 'column') {
    only(['column', 'exchangeTypeColumn', 'displayNameColumn', 'multiValue']);
    checkColumn(`${path}.column`, rule.column);
    checkExchange(path, rule, add, checkColumn);
  } else if (kind === 'join') {
    only(['join', 'separator', 'multiValue']);
    if (!Array.isArray(rule.join) || rule.join.length === 0) add(`${path}.join`, 'must be a non-empty list of columns');
    else rule.join.forEach((c: unknown, i) => checkColumn(`${path}.join[${i}]`, c));
    if (rule.separator !== undefined && typeof rule.separator !== 'string') add(`${path}.separator`, 'must be text');
  } else {
    only(['firstOf', 'labels', 'multiValue']);
    if (!Array.isArray(rule.firstOf) || rule.firstOf.length === 0) add(`${path}.firstOf`, 'must be a non-empty list of columns');
    else
      rule.firstOf.forEach((ref: unknown, i) => {
        const refPath = `${path}.firstOf[${i}]`;
        if (typeof ref === 'string') return checkColumn(refPath, ref);
        if (!isObject(ref)) return add(refPath, 'must be a column name or {column, ...}');
        for (const key of Object.keys(ref)) if (!REF_KEYS.includes(key)) add(`${refPath}.${key}`, 'unknown property');
        checkColumn(`${refPath}.column`, ref.column);
        checkExchange(refPath, ref, add, checkColumn);
        if (ref.labelColumn !== undefined) checkColumn(`${refPath}.labelColumn`, ref.labelColumn);
      });
    if (rule.labels !== undefined && (!Array.isArray(rule.labels) || rule.labels.some((l) => typeof l !== 'string'))) add(`${path}.labels`, 'must be a list of labels');
  }
}

function checkExchange(path: string, rule: Record<string, unknown>, add: (path: string, message: string) => void, checkColumn: (path: string, name: unknown) => void): void {
  const hasType = rule.exchangeTypeColumn !== undefined;
  const hasName = rule.displayNameColumn !== undefined;
  if (hasType) checkColumn(`${path}.exchangeTypeColumn`, rule.exchangeTypeColumn);
  if (hasName) checkColumn(`${path}.displayNameColumn`, rule.displayNameColumn);
  if (hasType !== hasName) add(path, 'exchangeTypeColumn and displayNameColumn go together');
}
