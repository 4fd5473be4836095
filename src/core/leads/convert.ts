import { companyKey } from '../clean/company.js';
import { buildAccountMatcher, DEFAULT_THRESHOLD } from '../dedup/index.js';
import { toAccountRecord } from '../dupes/service.js';
import { CrmError, ValidationError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { foldCase } from '../query/fold.js';
import { insertPrepared, parseWhere, prepareValues, readVisibleRecord, type FieldInput } from '../records/service.js';
import type { ObjectDef } from '../schema/types.js';
import { auditSetupChange } from '../security/audit.js';
import { inTransaction } from '../store/database.js';
import { convertedLeadStatuses, moveLeadTasks } from '../store/leads.js';
import { getRecord, iterateRecords, updateRecordFields, type CrmRecord } from '../store/records.js';

export interface ConvertInput {
  /** Use this account (id) instead of looking for one. */
  accountId?: string | undefined;
  /** Always create a new account, even when one with the company's name exists. */
  newAccount?: boolean | undefined;
  /** Use this contact (id) instead of looking for one on the account. */
  contactId?: string | undefined;
  /** Opportunity name (default "<Company> - <Last name>"). */
  opportunityName?: string | undefined;
  noOpportunity?: boolean | undefined;
  /** A converted lead status (default: the first one, "Closed - Converted"). */
  status?: string | undefined;
}

export interface ConvertResult {
  leadId: string;
  status: string;
  account: { id: string; name: string; reused: boolean };
  contact: { id: string; name: string; reused: boolean };
  opportunity: { id: string; name: string } | null;
  tasksMoved: number;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const personName = (r: CrmRecord): string => [text(r.FirstName), text(r.LastName)].filter(Boolean).join(' ');

/** Contact fields taken from the lead (Salesforce's standard lead field mapping). */
const CONTACT_FROM_LEAD: [lead: string, contact: string][] = [
  ['Salutation', 'Salutation'],
  ['FirstName', 'FirstName'],
  ['MiddleName', 'MiddleName'],
  ['LastName', 'LastName'],
  ['Suffix', 'Suffix'],
  ['Email', 'Email'],
  ['Phone', 'Phone'],
  ['MobilePhone', 'MobilePhone'],
  ['Title', 'Title'],
  ['LeadSource', 'LeadSource'],
  ['Description', 'Description'],
  ['Street', 'MailingStreet'],
  ['City', 'MailingCity'],
  ['State', 'MailingState'],
  ['PostalCode', 'MailingPostalCode'],
  ['Country', 'MailingCountry'],
];

const ACCOUNT_FROM_LEAD: [lead: string, account: string][] = [
  ['Company', 'Name'],
  ['Phone', 'Phone'],
  ['Website', 'Website'],
  ['Industry', 'Industry'],
  ['NumberOfEmployees', 'NumberOfEmployees'],
  ['AnnualRevenue', 'AnnualRevenue'],
  ['Street', 'BillingStreet'],
  ['City', 'BillingCity'],
  ['State', 'BillingState'],
  ['PostalCode', 'BillingPostalCode'],
  ['Country', 'BillingCountry'],
];

function mapped(lead: CrmRecord, mapping: [string, string][]): FieldInput {
  const input: FieldInput = Object.create(null) as FieldInput;
  for (const [from, to] of mapping) {
    const v = lead[from];
    if (v !== null && v !== undefined && v !== '') input[to] = v;
  }
  return input;
}

function createChecked(session: OrgSession, object: ObjectDef, input: FieldInput): string {
  session.access.requireObject(object, 'create');
  const { values, problems } = prepareValues(session, object, input, 'create');
  if (problems.length > 0) throw new ValidationError(object.name, problems, `The lead's values do not make a valid ${object.name}; fix the lead first.`);
  return insertPrepared(session, object, values);
}

/**
 * Visible accounts that are the lead's company: the same company key
 * ("ACME GmbH" = "Acme"), or else the account matching engine's candidates
 * above its duplicate threshold (name spelling, website domain, phone, address).
 */
function accountsLikeCompany(session: OrgSession, lead: CrmRecord): CrmRecord[] {
  const account = session.objects.get('Account');
  const key = companyKey(text(lead.Company));
  const all = [...iterateRecords(session.db, account, { visibility: session.access.readVisibility(account) })];
  const sameKey = key === '' ? [] : all.filter((r) => companyKey(text(r.Name)) === key);
  if (sameKey.length > 0 || all.length === 0) return sameKey;
  const matcher = buildAccountMatcher(all.map(toAccountRecord));
  const candidates = matcher.candidatesFor(
    {
      Name: text(lead.Company),
      Website: text(lead.Website),
      Phone: text(lead.Phone),
      BillingStreet: text(lead.Street),
      BillingCity: text(lead.City),
      BillingPostalCode: text(lead.PostalCode),
      BillingCountry: text(lead.Country),
    },
    5,
    DEFAULT_THRESHOLD,
  );
  const byId = new Map(all.map((r) => [text(r.Id), r]));
  return candidates.map((c) => byId.get(c.id)!).filter(Boolean);
}

/** A contact on the account with the lead's e-mail, else with the same first and last name. */
function matchingContact(session: OrgSession, accountId: string, lead: CrmRecord): CrmRecord | undefined {
  const contact = session.objects.get('Contact');
  const candidates = [
    ...iterateRecords(session.db, contact, {
      filter: { kind: 'compare', field: 'AccountId', op: '=', value: accountId },
      visibility: session.access.readVisibility(contact),
    }),
  ];
  const email = foldCase(text(lead.Email));
  if (email) {
    const byEmail = candidates.find((c) => foldCase(text(c.Email)) === email);
    if (byEmail) return byEmail;
  }
  const name = foldCase(personName(lead));
  return candidates.find((c) => foldCase(personName(c)) === name && (!email || !c.Email));
}

function closeDateIn30Days(session: OrgSession): string {
  const d = session.now();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 30)).toISOString().slice(0, 10);
}

function chooseStatus(session: OrgSession, requested: string | undefined): string {
  const converted = convertedLeadStatuses(session.db);
  if (requested === undefined) {
    if (converted.length === 0) throw new CrmError('CONFLICT', 'Lead.Status has no converted status.', { hint: "Add one: crmctl picklist add-value lead Status 'Closed - Converted'" });
    return converted[0]!;
  }
  const found = converted.find((s) => foldCase(s) === foldCase(requested.trim()));
  if (!found) throw new CrmError('USAGE', `--status ${requested}: not a converted lead status.`, { hint: `Converted statuses: ${converted.join(', ')}.` });
  return found;
}

/**
 * Convert one lead: find or create the account (company-name match first),
 * find or create the contact, optionally an opportunity; the lead becomes
 * read-only and its tasks move to the contact. All in one transaction.
 */
export function convertLead(session: OrgSession, leadId: string, input: ConvertInput = {}): ConvertResult {
  const leadObject = session.objects.get('Lead');
  const accountObject = session.objects.get('Account');
  const contactObject = session.objects.get('Contact');
  const opportunityObject = session.objects.get('Opportunity');
  if (input.accountId !== undefined && input.newAccount) throw new CrmError('USAGE', 'Pass --account <id> or --new-account, not both.', { hint: 'Without either, an account with the company name is reused.' });
  if (input.opportunityName !== undefined && input.noOpportunity) throw new CrmError('USAGE', 'Pass --opportunity <name> or --no-opportunity, not both.', { hint: 'Example: --opportunity "Acme - 500 licences"' });
  const status = chooseStatus(session, input.status);

  return inTransaction(session.db, () => {
    const lead = readVisibleRecord(session, leadObject, leadId);
    session.access.requireRecordEdit(leadObject, lead);
    if (lead.IsConverted === true) {
      throw new CrmError('CONFLICT', `Lead ${leadId} was converted already (contact ${text(lead.ConvertedContactId)}).`, { hint: `See it: crmctl record get contact ${text(lead.ConvertedContactId)}` });
    }
    const ownerId = typeof lead.OwnerId === 'string' && !lead.OwnerId.startsWith('00G') ? lead.OwnerId : session.actor.id;
    const now = session.now().toISOString();

    let account: CrmRecord;
    let accountReused = true;
    if (input.accountId !== undefined) account = readVisibleRecord(session, accountObject, input.accountId);
    else {
      const existing = input.newAccount ? [] : accountsLikeCompany(session, lead);
      if (existing.length > 1) {
        throw new CrmError('CONFLICT', `${existing.length} accounts match the company "${text(lead.Company)}": ${existing.map((a) => `${text(a.Id)} ${text(a.Name)}`).join('; ')}.`, {
          hint: `Choose one: crmctl lead convert ${leadId} --account <id>, or --new-account`,
          details: { accounts: existing.map((a) => a.Id) },
        });
      }
      if (existing.length === 1) account = existing[0]!;
      else {
        const id = createChecked(session, accountObject, { ...mapped(lead, ACCOUNT_FROM_LEAD), OwnerId: ownerId });
        account = getRecord(session.db, accountObject, id)!;
        accountReused = false;
      }
    }
    const accountId = text(account.Id);

    let contact: CrmRecord | undefined;
    let contactReused = true;
    if (input.contactId !== undefined) contact = readVisibleRecord(session, contactObject, input.contactId);
    else contact = accountReused ? matchingContact(session, accountId, lead) : undefined;
    if (!contact) {
      const id = createChecked(session, contactObject, { ...mapped(lead, CONTACT_FROM_LEAD), AccountId: accountId, OwnerId: ownerId });
      contact = getRecord(session.db, contactObject, id)!;
      contactReused = false;
    }
    const contactId = text(contact.Id);

    let opportunity: ConvertResult['opportunity'] = null;
    if (!input.noOpportunity) {
      const name = (input.opportunityName ?? `${text(account.Name)} - ${text(lead.LastName)}`).trim().slice(0, 120);
      const stageField = opportunityObject.fields.find((f) => f.name === 'StageName')!;
      const stage = session.objects.picklist(opportunityObject, stageField).find((v) => v.isDefault) ?? session.objects.picklist(opportunityObject, stageField)[0];
      const id = createChecked(session, opportunityObject, {
        Name: name,
        AccountId: accountId,
        StageName: stage?.value ?? null,
        CloseDate: closeDateIn30Days(session),
        LeadSource: lead.LeadSource ?? null,
        OwnerId: ownerId,
      });
      createChecked(session, session.objects.get('OpportunityContactRole'), { OpportunityId: id, ContactId: contactId, IsPrimary: true });
      opportunity = { id, name };
    }

    updateRecordFields(session.db, leadObject, leadId, {
      IsConverted: true,
      ConvertedDate: now.slice(0, 10),
      ConvertedAccountId: accountId,
      ConvertedContactId: contactId,
      ConvertedOpportunityId: opportunity?.id ?? null,
      Status: status,
      LastModifiedDate: now,
      LastModifiedById: session.actor.id,
    });
    const tasksMoved = moveLeadTasks(session.db, leadId, contactId, opportunity?.id ?? accountId, now, session.actor.id);
    const result: ConvertResult = {
      leadId,
      status,
      account: { id: accountId, name: text(account.Name), reused: accountReused },
      contact: { id: contactId, name: personName(contact), reused: contactReused },
      opportunity,
      tasksMoved,
    };
    auditSetupChange(session, 'lead.convert', leadId, null, { account: result.account, contact: result.contact, opportunity, status, tasksMoved });
    return result;
  });
}

/** Convert every unconverted lead matching --where (each in its own transaction; stops at the first failure). */
export function convertLeads(session: OrgSession, where: string, input: Omit<ConvertInput, 'accountId' | 'contactId' | 'opportunityName'> = {}): ConvertResult[] {
  const leadObject = session.objects.get('Lead');
  session.access.requireObject(leadObject, 'read');
  const filter = parseWhere(session, leadObject, where);
  const ids = [...iterateRecords(session.db, leadObject, { filter, visibility: session.access.readVisibility(leadObject) })]
    .filter((l) => l.IsConverted !== true)
    .map((l) => text(l.Id));
  return ids.map((id) => convertLead(session, id, input));
}
