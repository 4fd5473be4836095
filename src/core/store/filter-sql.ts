import type { FilterNode, Literal } from '../query/filter.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { CrmError } from '../errors.js';
import { quoteIdent } from './sql.js';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

const isTextual = (field: FieldDef): boolean =>
  !['number', 'currency', 'percent', 'checkbox'].includes(field.type);

function toParam(field: FieldDef, value: Exclude<Literal, null>): unknown {
  if (field.type === 'checkbox') return value === true || value === 'true' || value === 1 ? 1 : 0;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isTextual(field) ? String(value) : value;
}

/**
 * Compile a filter to a parameterised WHERE fragment. Field names are checked
 * against the object's metadata, so no user text ever reaches SQL as an identifier.
 * Text comparisons fold case with Unicode rules (crm_fold), as the in-memory evaluator does.
 */
export function compileFilter(node: FilterNode, object: ObjectDef, alias = ''): SqlFragment {
  const prefix = alias ? `${alias}.` : '';
  const column = (name: string): { field: FieldDef; sql: string } => {
    const field = object.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field) {
      throw new CrmError('UNKNOWN_FIELD', `${object.name} has no field ${name}.`, {
        hint: `Try: crmctl field list ${object.name.toLowerCase()} to see its fields.`,
        details: { object: object.name, field: name },
      });
    }
    return { field, sql: prefix + quoteIdent(field.name) };
  };
  switch (node.kind) {
    case 'and':
    case 'or': {
      const parts = node.items.map((n) => compileFilter(n, object, alias));
      return { sql: `(${parts.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'not': {
      const inner = compileFilter(node.item, object, alias);
      return { sql: `(NOT COALESCE(${inner.sql}, 0))`, params: inner.params };
    }
    case 'in': {
      const { field, sql } = column(node.field);
      const nonNull = node.values.filter((v): v is Exclude<Literal, null> => v !== null);
      const hasNull = nonNull.length !== node.values.length;
      const target = isTextual(field) ? `crm_fold(${sql})` : sql;
      const placeholders = nonNull.map(() => (isTextual(field) ? 'crm_fold(?)' : '?')).join(', ');
      const parts: string[] = [];
      if (nonNull.length > 0) parts.push(`${target} IN (${placeholders})`);
      if (hasNull) parts.push(`${sql} IS NULL`);
      const positive = parts.length > 0 ? `(${parts.join(' OR ')})` : '0';
      const params = nonNull.map((v) => toParam(field, v));
      if (!node.negate) return { sql: positive, params };
      return { sql: `(NOT COALESCE(${positive}, 0))`, params };
    }
    case 'compare': {
      const { field, sql } = column(node.field);
      if (node.value === null) {
        if (node.op === '=') return { sql: `(${sql} IS NULL)`, params: [] };
        if (node.op === '!=') return { sql: `(${sql} IS NOT NULL)`, params: [] };
        return { sql: '0', params: [] };
      }
      const param = toParam(field, node.value);
      if (node.op === 'LIKE' || node.op === 'NOT LIKE') {
        // LIKE with ESCAPE-less patterns: % and _ are the wildcards, as in SOQL.
        const like = `(crm_fold(${sql}) LIKE crm_fold(?))`;
        return node.op === 'LIKE'
          ? { sql: like, params: [String(param)] }
          : { sql: `(${sql} IS NOT NULL AND NOT ${like})`, params: [String(param)] };
      }
      const textual = isTextual(field) && typeof param === 'string';
      const left = textual ? `crm_fold(${sql})` : sql;
      const right = textual ? 'crm_fold(?)' : '?';
      if (node.op === '!=') return { sql: `(${sql} IS NULL OR ${left} != ${right})`, params: [param] };
      return { sql: `(${left} ${node.op} ${right})`, params: [param] };
    }
  }
}
