import { createRecord } from '../../../src/core/records/service.js';
import { insertUserRow } from '../../../src/core/security/user-records.js';
import { updateRecordFields } from '../../../src/core/store/records.js';
import { STANDARD_USER_PROFILE_ID } from '../../../src/core/store/seed-profiles.js';
import { initOrg } from '../../../src/core/org/init.js';
import { sessionFor, type SessionOptions } from '../../../src/core/org/session.js';
import { openOrgDb } from '../../../src/core/store/database.js';
import { FIXED_NOW, memoryOrg, TEST_SCRYPT_COST, type TestOrg } from '../../helpers/org.js';

/**
 * A small org with known answers for every standard report. Today is
 * 2026-11-23 (FIXED_NOW), the fiscal year starts in April, so this is
 * FY2027 Q3 (2026-10-01..2026-12-31).
 */
export interface SeededOrg extends TestOrg {
  ritaId: string;
  ids: Record<string, string>;
}

export async function seededOrg(): Promise<SeededOrg> {
  return seed(await memoryOrg(SEED_ORG));
}

export const SEED_ORG = { fiscalStartMonth: 4, timezone: 'UTC', adminName: 'Ada Admin' } as const;

/** The same org in a file, for command tests (closed afterwards so the CLI can open it). */
export async function seededOrgFile(path: string): Promise<Record<string, string>> {
  const db = openOrgDb(path, { create: true });
  await initOrg(db, { company: 'Acme', admin: 'admin', ...SEED_ORG }, { cost: TEST_SCRYPT_COST, now: FIXED_NOW });
  const make = (username?: string, options: SessionOptions = {}) => sessionFor(db, { as: username, now: () => FIXED_NOW, ...options });
  const { ids } = seed({ db, session: make(), as: make });
  db.close();
  return ids;
}

function seed(org: TestOrg): SeededOrg {
  const at = (iso: string) => org.as(undefined, { now: () => new Date(`${iso}T09:00:00.000Z`) });
  const ritaId = insertUserRow(
    org.db,
    { username: 'rita', firstName: 'Rita', lastName: 'Ozola', email: 'rita@example.lv', profileId: STANDARD_USER_PROFILE_ID },
    'test-hash-not-a-login',
    '2026-01-02T00:00:00.000Z',
    org.session.actor.id,
  );
  const ids: Record<string, string> = {};
  const jan = at('2026-01-10');
  ids.A1 = createRecord(jan, 'Account', { Name: 'Bērziņš SIA', BillingCountry: 'Latvia', Industry: 'Retail' }).id;
  ids.A2 = createRecord(jan, 'Account', { Name: 'Nordic Oy', BillingCountry: 'Finland', OwnerId: ritaId }).id;
  ids.A3 = createRecord(jan, 'Account', { Name: 'Dormant hf', BillingCountry: 'Iceland' }).id;
  ids.C1 = createRecord(jan, 'Contact', { FirstName: 'Anna', LastName: 'Kalniņa', AccountId: ids.A1, Email: 'anna@example.lv' }).id;
  ids.C2 = createRecord(jan, 'Contact', { FirstName: 'Mikko', LastName: 'Virtanen', AccountId: ids.A2 }).id;
  createRecord(at('2026-11-10'), 'Task', { Subject: 'Call Mikko', WhoId: ids.C2, ActivityDate: '2026-11-10' });

  const opp = (when: string, input: Record<string, string>) => createRecord(at(when), 'Opportunity', input).id;
  ids.O1 = opp('2026-06-01', { Name: 'Riga rollout', AccountId: ids.A1, StageName: 'Prospecting', Amount: '10000', CloseDate: '2026-12-15' });
  ids.O2 = opp('2026-11-01', { Name: 'Helsinki pilot', AccountId: ids.A2, StageName: 'Negotiation/Review', Amount: '20000', CloseDate: '2027-02-10' });
  ids.O3 = opp('2026-04-01', { Name: 'May win', AccountId: ids.A1, StageName: 'Closed Won', Amount: '8000', CloseDate: '2026-05-20' });
  ids.O4 = opp('2026-09-01', { Name: 'Lisbon lost', AccountId: ids.A2, StageName: 'Closed Lost', Amount: '3000', CloseDate: '2026-10-15' });
  ids.O5 = opp('2026-09-15', { Name: 'Porto won', AccountId: ids.A2, StageName: 'Closed Won', Amount: '12000', CloseDate: '2026-11-05' });
  ids.O6 = opp('2026-10-01', { Name: '上海 expansion', AccountId: ids.A2, StageName: 'Value Proposition', Amount: '4000', CloseDate: '2026-12-20', OwnerId: ritaId });
  createRecord(jan, 'OpportunityContactRole', { OpportunityId: ids.O1, ContactId: ids.C1, Role: 'Decision Maker', IsPrimary: 'true' });

  ids.L1 = createRecord(at('2026-05-01'), 'Lead', { LastName: 'Jónsson', Company: 'Fiskur ehf', LeadSource: 'Web' }).id;
  ids.L2 = createRecord(at('2026-06-01'), 'Lead', { LastName: 'Silva', Company: 'Lusa Lda', LeadSource: 'Web' }).id;
  ids.L3 = createRecord(at('2026-07-01'), 'Lead', { LastName: 'Wang', Company: '华为', LeadSource: 'Trade Show', Status: 'Working - Contacted' }).id;
  ids.L0 = createRecord(at('2026-02-01'), 'Lead', { LastName: 'Old', Company: 'Last year', LeadSource: 'Web' }).id;
  // Conversion is done by the leads module; here we only need its outcome.
  updateRecordFields(org.db, org.session.objects.get('Lead'), ids.L2, { IsConverted: true, ConvertedDate: '2026-06-11', Status: 'Closed - Converted' });
  return { ...org, ritaId, ids };
}
