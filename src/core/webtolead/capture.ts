import { standardizeCountry } from '../clean/countries.js';
import type { FieldProblem } from '../errors.js';
import { createLeadAssigner, type OwnerRef } from '../leads/assignment.js';
import { notifyLeadOwners } from '../leads/notify.js';
import type { OrgSession } from '../org/session.js';
import { insertPrepared, prepareValues, type FieldInput } from '../records/service.js';
import type { FieldDef } from '../schema/types.js';
import { inTransaction } from '../store/database.js';
import { getRecord, type CrmRecord } from '../store/records.js';

/** Form fields that steer the capture and are not lead fields (Salesforce's names where they exist). */
export const RETURN_URL_FIELD = 'retURL';
/** Hidden from people by the form's CSS; bots that fill every input fill it. */
export const HONEYPOT_FIELD = 'contact_me_by_fax_only';
const META_FIELDS = new Set([RETURN_URL_FIELD, HONEYPOT_FIELD, 'oid', 'encoding', 'submit']);

/** Lead fields a public form may never set: the owner, status and source are the org's decisions. */
const NOT_FROM_THE_WEB = new Set(['OwnerId', 'Status', 'LeadSource']);

/** Whether a Lead field may appear on a web-to-lead form. */
export function isWebField(field: FieldDef): boolean {
  return !field.readOnly && !NOT_FROM_THE_WEB.has(field.name) && field.type !== 'reference';
}

export type CaptureOutcome =
  | { ok: true; id: string; owner: OwnerRef | null; rule: number | null; notifications: string[]; notifyError?: string }
  | { ok: false; problems: FieldProblem[] };

export interface CaptureOptions {
  outboxDir?: string | undefined;
}

/**
 * Turn one posted form into a Lead (LeadSource = Web, country standardised),
 * owned as the assignment rules say; or every reason it was refused.
 */
export function captureWebLead(session: OrgSession, form: ReadonlyMap<string, string>, options: CaptureOptions = {}): CaptureOutcome {
  session.access.requireObject(session.objects.get('Lead'), 'create');
  const problems: FieldProblem[] = [];
  const input: FieldInput = Object.create(null) as FieldInput;
  for (const [name, raw] of form) {
    if (META_FIELDS.has(name)) continue;
    const field = session.objects.field(session.objects.get('Lead'), name);
    if (!field || field.name !== name) {
      problems.push({ field: name, message: 'is not a lead field this form may send' });
      continue;
    }
    if (!isWebField(field)) {
      problems.push({ field: name, message: 'cannot be set from a web form' });
      continue;
    }
    const value = raw.trim();
    if (value !== '') input[field.name] = value;
  }
  if (typeof input.Country === 'string') input.Country = standardizeCountry(input.Country)?.name ?? input.Country;
  input.LeadSource = 'Web';
  const prepared = prepareValues(session, session.objects.get('Lead'), input, 'create');
  problems.push(...prepared.problems);
  if (problems.length > 0) return { ok: false, problems };

  let rule: number | null = null;
  let owner: OwnerRef | null = null;
  let notify = false;
  const id = inTransaction(session.db, () => {
    const assignment = createLeadAssigner(session)(prepared.values);
    if (assignment) {
      prepared.values.OwnerId = assignment.owner.id;
      owner = assignment.owner;
      rule = assignment.ruleOrder;
      notify = assignment.notify;
    }
    return insertPrepared(session, session.objects.get('Lead'), prepared.values);
  });
  const outcome: CaptureOutcome = { ok: true, id, owner, rule, notifications: [] };
  if (notify && owner) {
    // The lead is saved; a notification that cannot be written must not lose it.
    try {
      outcome.notifications = notifyLeadOwners(session, [{ lead: getRecord(session.db, session.objects.get('Lead'), id) as CrmRecord, owner }], options.outboxDir);
    } catch (error) {
      outcome.notifyError = (error as Error).message;
    }
  }
  return outcome;
}
