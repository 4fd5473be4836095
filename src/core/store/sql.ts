import type { FieldDef, ObjectDef } from '../schema/types.js';

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

/** Audit stamps point at users but are history, not links: merges, undo and deletes leave them alone. */
export const isAuditStamp = (field: FieldDef): boolean => field.name === 'CreatedById' || field.name === 'LastModifiedById';

/** Every (object, field) whose reference may point at `target` (polymorphic fields included). */
export function referencesToObject(objects: readonly ObjectDef[], target: ObjectDef): { object: ObjectDef; field: FieldDef }[] {
  return objects.flatMap((object) =>
    object.fields.filter((field) => field.type === 'reference' && !isAuditStamp(field) && field.referenceTo?.includes(target.name)).map((field) => ({ object, field })),
  );
}
