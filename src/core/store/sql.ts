import type { FieldDef } from '../schema/types.js';

/** Quote an SQL identifier. Identifiers can't be bound, so every one we build goes through here. */
export function quoteIdent(name: string): string {
  if (name.length === 0 || name.includes('\u0000')) throw new Error(`Invalid SQL identifier: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** The SQLite column type used to store a field's values. */
export function columnType(field: FieldDef): string {
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent':
      return 'REAL';
    case 'checkbox':
      return 'INTEGER';
    default:
      return 'TEXT';
  }
}
