import { CrmError, type FieldProblem } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import type { FieldDef, ObjectDef } from '../schema/types.js';
import { requireAdministrator } from '../security/admin.js';
import { readPageLayout, writePageLayout, type LayoutSection, type PageLayoutRow } from '../store/customize.js';
import { inTransaction } from '../store/database.js';
import { appendAudit } from '../store/org.js';
import type { CrmRecord } from '../store/records.js';

export type { LayoutSection } from '../store/customize.js';

export interface PageLayout {
  object: string;
  /** Fields a person must fill when creating (or editing) a record. */
  required: string[];
  /** Every writable field, in the order interactive entry asks for them. */
  order: string[];
  sections: LayoutSection[];
  /** False while the object still uses the default layout. */
  customized: boolean;
  updatedAt: string | null;
}

const writable = (object: ObjectDef): FieldDef[] => object.fields.filter((f) => !f.readOnly);

/**
 * The layout in force: the stored one with any fields it does not list
 * (added since) appended in their standard order; without one, required
 * fields first, then the rest.
 */
export function getLayout(session: OrgSession, objectName: string): PageLayout {
  const object = session.objects.get(objectName);
  const stored = readPageLayout(session.db, object.name);
  const known = new Set(writable(object).map((f) => f.name));
  if (!stored) {
    const fields = writable(object);
    return {
      object: object.name,
      required: [],
      order: [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)].map((f) => f.name),
      sections: [],
      customized: false,
      updatedAt: null,
    };
  }
  const listed = stored.order.filter((f) => known.has(f));
  const rest = writable(object).map((f) => f.name).filter((f) => !listed.includes(f));
  return {
    object: object.name,
    required: stored.required.filter((f) => known.has(f)),
    order: [...listed, ...rest],
    sections: stored.sections.map((s) => ({ name: s.name, fields: s.fields.filter((f) => known.has(f)) })),
    customized: true,
    updatedAt: stored.updatedAt,
  };
}

/**
 * The fields interactive entry asks for, in order: the layout's own order
 * (or its sections), then any required field (by the field or the layout)
 * it leaves out. Without a stored layout, just the required fields.
 */
export function entryFields(session: OrgSession, objectName: string): FieldDef[] {
  const object = session.objects.get(objectName);
  const stored = readPageLayout(session.db, object.name);
  const byName = new Map(writable(object).map((f) => [f.name, f]));
  const explicit = stored ? (stored.order.length > 0 ? stored.order : stored.sections.flatMap((s) => s.fields)) : [];
  const names = explicit.filter((n) => byName.has(n));
  const required = writable(object).filter((f) => f.required || stored?.required.includes(f.name)).map((f) => f.name);
  for (const name of required) if (!names.includes(name)) names.push(name);
  return [...new Set(names)].map((n) => byName.get(n)!);
}

/** Whether the layout (or the field itself) requires a value. */
export function isEntryRequired(session: OrgSession, object: ObjectDef, field: FieldDef): boolean {
  return field.required === true || readPageLayout(session.db, object.name)?.required.includes(field.name) === true;
}

export interface SetLayoutInput {
  object: string;
  /** Undefined keeps the current list; [] clears it. */
  required?: string[] | undefined;
  order?: string[] | undefined;
  sections?: { name: string; fields: string[] }[] | undefined;
}

function resolveFields(session: OrgSession, object: ObjectDef, names: string[], option: string): string[] {
  const result: string[] = [];
  for (const name of names) {
    const field = session.objects.requireField(object, name);
    if (field.readOnly) {
      throw new CrmError('USAGE', `${option}: ${object.name}.${field.name} is set by the system and cannot be on a layout.`, {
        hint: `Choose writable fields; see crmctl field list ${object.name.toLowerCase()}.`,
      });
    }
    if (result.includes(field.name)) throw new CrmError('USAGE', `${option} lists ${field.name} twice.`, { hint: 'List each field once.' });
    result.push(field.name);
  }
  return result;
}

/** Parse `--section "Name:f1,f2"` (the name may contain anything but the first colon). */
export function parseSection(text: string): { name: string; fields: string[] } {
  const colon = text.indexOf(':');
  const name = (colon < 0 ? '' : text.slice(0, colon)).trim();
  if (colon < 0 || name === '') {
    throw new CrmError('USAGE', `--section ${text}: expected "Section name:Field1,Field2".`, { hint: 'Example: --section "Contact details:Email,Phone,MobilePhone"' });
  }
  return { name, fields: splitList(text.slice(colon + 1)) };
}

export function splitList(text: string): string[] {
  return text.split(',').map((f) => f.trim()).filter((f) => f !== '');
}

/**
 * Store an object's layout. Options not given keep their current value.
 * Sections also define the order when --order is not given.
 */
export function setLayout(session: OrgSession, input: SetLayoutInput): PageLayout {
  requireAdministrator(session, 'change page layouts');
  const object = session.objects.get(input.object);
  const before = readPageLayout(session.db, object.name);
  const required = input.required === undefined ? (before?.required ?? []) : resolveFields(session, object, input.required, '--required');
  const sections =
    input.sections === undefined
      ? (before?.sections ?? [])
      : input.sections.map((s) => ({ name: s.name, fields: resolveFields(session, object, s.fields, `--section ${s.name}`) }));
  const names = sections.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) throw new CrmError('USAGE', 'Two sections have the same name.', { hint: 'Give each --section its own name.' });
  let order: string[];
  if (input.order !== undefined) order = resolveFields(session, object, input.order, '--order');
  else if (input.sections !== undefined) order = [...new Set(sections.flatMap((s) => s.fields))];
  else order = before?.order ?? [];
  const now = session.now().toISOString();
  const row: PageLayoutRow = { object: object.name, required, order, sections, updatedAt: now, updatedBy: session.actor.id };
  inTransaction(session.db, () => {
    writePageLayout(session.db, row);
    appendAudit(session.db, {
      at: now,
      actorId: session.actor.id,
      action: 'layout.set',
      target: object.name,
      oldValue: before ? JSON.stringify({ required: before.required, order: before.order, sections: before.sections }) : null,
      newValue: JSON.stringify({ required, order, sections }),
    });
  });
  return getLayout(session, object.name);
}

/**
 * Page-layout required fields missing from a create (or cleared by an
 * update). The record service adds these to its validation problems.
 */
export function layoutRequiredProblems(
  session: OrgSession,
  object: ObjectDef,
  values: CrmRecord,
  mode: 'create' | 'update',
  existing: CrmRecord | undefined,
): FieldProblem[] {
  const layout = readPageLayout(session.db, object.name);
  if (!layout || layout.required.length === 0) return [];
  const problems: FieldProblem[] = [];
  for (const name of layout.required) {
    if (!object.fields.some((f) => f.name === name)) continue;
    const given = values[name];
    const missing = mode === 'create' ? given === undefined || given === null || given === '' : given === null && existing?.[name] != null;
    if (missing) problems.push({ field: name, message: 'is required by the page layout' });
  }
  return problems;
}
