import { CrmError } from '../../core/errors.js';
import type { FieldInput } from '../../core/records/service.js';
import type { ObjectDef } from '../../core/schema/types.js';
import type { CrmRecord } from '../../core/store/records.js';
import type { Ui } from '../../cli/ui.js';

/** Parse repeated `--set Field=value` options; an empty value clears the field. */
export function parseAssignments(pairs: string[] | undefined): FieldInput {
  const input: FieldInput = Object.create(null) as FieldInput;
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new CrmError('USAGE', `--set ${pair}: expected Field=value.`, { hint: 'Example: --set LastName=Doe --set Email=jd@example.com' });
    }
    input[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return input;
}

export function parseFieldList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((f) => f.trim()).filter(Boolean);
}

/** Fields shown by default in tables: the record's name and a few telling fields. */
export function defaultColumns(object: ObjectDef): string[] {
  const preferred: Record<string, string[]> = {
    Account: ['Name', 'Type', 'BillingCity', 'BillingCountry', 'Phone'],
    Contact: ['FirstName', 'LastName', 'Email', 'Phone', 'MailingCity', 'MailingCountry'],
    Lead: ['FirstName', 'LastName', 'Company', 'Email', 'Status', 'LeadSource'],
    Opportunity: ['Name', 'StageName', 'Amount', 'CloseDate'],
    OpportunityContactRole: ['OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
    Task: ['Subject', 'Status', 'Priority', 'ActivityDate'],
    User: ['Username', 'FirstName', 'LastName', 'Email', 'IsActive'],
  };
  return ['Id', ...(preferred[object.name] ?? object.nameFields)];
}

export function renderRecord(ui: Ui, object: ObjectDef, record: CrmRecord): void {
  ui.heading(`${object.label} ${String(record.Id)}`);
  ui.keyValues(object.fields.filter((f) => record[f.name] !== null && record[f.name] !== undefined).map((f) => [f.name, record[f.name]]));
}
