import { entryFields, isEntryRequired } from '../../core/customize/layouts.js';
import type { OrgSession } from '../../core/org/session.js';
import type { FieldInput } from '../../core/records/service.js';
import { coerceValue } from '../../core/records/values.js';
import type { CrmRecord } from '../../core/store/records.js';
import type { Prompter } from '../../cli/prompts.js';

/** The prompts entry needs (a Prompter; tests pass a scripted one). */
export type EntryPrompts = Pick<Prompter, 'input' | 'select' | 'confirm'>;

const NONE = '\u0000none';

/**
 * Ask for a record's fields in page-layout order on a terminal, insisting on
 * required ones and checking each answer as the record service will. With
 * `current` (an update), answers default to the stored values and only
 * changed fields are returned.
 */
export async function askFieldsInLayoutOrder(prompt: EntryPrompts, session: OrgSession, objectName: string, current?: CrmRecord): Promise<FieldInput> {
  const object = session.objects.get(objectName);
  const input: FieldInput = Object.create(null) as FieldInput;
  for (const field of entryFields(session, object.name)) {
    const required = isEntryRequired(session, object, field);
    const flag = `--set ${field.name}=<value>`;
    const label = `${field.label} (${field.name})${required ? ' *' : ''}`;
    const before = current?.[field.name] ?? null;
    const picklist = session.objects.picklist(object, field);
    let answer: string;
    if (field.type === 'picklist') {
      const choices = [...(required ? [] : [{ name: '(none)', value: NONE }]), ...picklist.map((v) => ({ name: v.value, value: v.value }))];
      const preset = typeof before === 'string' ? before : (picklist.find((v) => v.isDefault)?.value ?? (required ? undefined : NONE));
      const chosen = await prompt.select(label, choices, { flag, ...(preset === undefined ? {} : { default: preset }) });
      answer = chosen === NONE ? '' : chosen;
    } else if (field.type === 'checkbox') {
      answer = String(await prompt.confirm(label, { default: before === true, flag }));
    } else {
      const hint = field.type === 'multipicklist' ? ` [${picklist.map((v) => v.value).join('; ')}]` : field.type === 'date' ? ' [YYYY-MM-DD]' : '';
      answer = await prompt.input(label + hint, {
        flag,
        ...(before === null ? {} : { default: String(before) }),
        validate: (text) => {
          if (text.trim() === '') return required ? `${field.label} is required` : true;
          const checked = coerceValue(field, text, picklist);
          return checked.ok ? true : checked.message;
        },
      });
    }
    if (current === undefined) {
      if (answer.trim() !== '') input[field.name] = answer;
    } else if (answer !== (before === null ? '' : String(before))) {
      input[field.name] = answer;
    }
  }
  return input;
}
