import { describe, expect, it } from 'vitest';
import { memoryOrg, TEST_SCRYPT_COST } from '../../helpers/org.js';
import { addUser } from '../../../src/core/security/users.js';
import { addRole, roleTree } from '../../../src/core/security/roles.js';
import { explainAccess } from '../../../src/core/security/explain.js';
import { addPartnerUser, enablePartnerAccount, enablePartners, setClaimLimit } from '../../../src/core/partners/index.js';
import { addQueue, addQueueMember, queueList } from '../../../src/core/leads/queues.js';
import { claimLead } from '../../../src/core/leads/claim.js';
import { createRecord, getRecordById, listRecordsFor, updateRecord } from '../../../src/core/records/service.js';
import { listAudit } from '../../../src/core/store/org.js';
import { isCrmError } from '../../../src/core/errors.js';

async function partnerOrg() {
  const org = await memoryOrg();
  const s = org.session;
  addRole(s, 'Channel Manager');
  await addUser(s, { username: 'cm', name: 'Kaisa Channel', email: 'cm@example.com', profile: 'Standard User', role: 'Channel Manager', notify: false }, { cost: TEST_SCRYPT_COST });
  const account = createRecord(org.as('cm'), 'Account', { Name: 'Nordic Resellers Oy' }).id;
  const mika = createRecord(s, 'Contact', { FirstName: 'Mika', LastName: 'Häkkinen', Email: 'mika@resellers.fi', AccountId: account }).id;
  const liisa = createRecord(s, 'Contact', { FirstName: 'Liisa', LastName: 'Mäkelä', Email: 'liisa@resellers.fi', AccountId: account }).id;
  expect(() => enablePartnerAccount(s, account)).toThrow(/not enabled/);
  expect(enablePartners(s)).toMatchObject({ alreadyEnabled: false, irreversible: true });
  expect(enablePartners(s)).toMatchObject({ alreadyEnabled: true });
  const enabled = enablePartnerAccount(s, account);
  await addPartnerUser(s, { contactId: mika, level: 'executive', notify: false }, { cost: TEST_SCRYPT_COST });
  const liisaUser = await addPartnerUser(s, { contactId: liisa, level: 'user', username: 'liisa', notify: false }, { cost: TEST_SCRYPT_COST });
  return { org, account, enabled, liisaUser, contacts: { mika, liisa } };
}

describe('partner relationship management', () => {
  it('creates the partner roles under the channel manager and partner users linked to their contacts', async () => {
    const { org, enabled, liisaUser, contacts } = await partnerOrg();
    expect(enabled.roles).toEqual({
      executive: 'Nordic Resellers Oy Partner Executive',
      manager: 'Nordic Resellers Oy Partner Manager',
      user: 'Nordic Resellers Oy Partner User',
    });
    const tree = roleTree(org.session);
    const cm = tree.find((r) => r.name === 'Channel Manager')!;
    expect(cm.children[0]!.name).toBe('Nordic Resellers Oy Partner Executive');
    expect(cm.children[0]!.users).toEqual(['mika@resellers.fi']);
    expect(cm.children[0]!.children[0]!.children[0]).toMatchObject({ name: 'Nordic Resellers Oy Partner User', users: ['liisa'] });
    expect(liisaUser).toMatchObject({ profile: 'Partner Community User', role: 'Nordic Resellers Oy Partner User', contactId: contacts.liisa });
    expect(liisaUser.temporaryPassword).toMatch(/.{10,}/);
    const user = getRecordById(org.session, 'User', liisaUser.id);
    expect(user).toMatchObject({ UserType: 'PowerPartner', ContactId: contacts.liisa, Email: 'liisa@resellers.fi' });
    await expect(addPartnerUser(org.session, { contactId: contacts.liisa, notify: false }, { cost: TEST_SCRYPT_COST })).rejects.toThrow(/has a partner user already/);
    expect(listAudit(org.db).map((e) => e.action)).toEqual(expect.arrayContaining(['partner.enable', 'partner.account-enable', 'partner.user-add']));
  });

  it('partners see only their own and subordinates’ leads and opportunities plus their queues, even when the org is public', async () => {
    const { org, account } = await partnerOrg();
    const s = org.session;
    createRecord(s, 'Lead', { LastName: 'Internal', Company: 'Admin Co' });
    const queue = addQueue(s, 'Partner Leads', 'lead');
    addQueueMember(s, 'Partner Leads', 'liisa');
    const queued = createRecord(s, 'Lead', { LastName: 'Queued', Company: 'Q Oy', OwnerId: queue.id }).id;
    const own = createRecord(org.as('liisa'), 'Lead', { LastName: 'Own', Company: 'L Oy' }).id;
    const names = (as: string, object: string) => listRecordsFor(org.as(as), object).map((r) => r.LastName ?? r.Name).sort();
    expect(names('liisa', 'Lead')).toEqual(['Own', 'Queued']);
    // The executive is above Liisa in the partner roles, but not in the queue.
    expect(names('mika@resellers.fi', 'Lead')).toEqual(['Own']);
    expect(names('admin', 'Lead')).toEqual(['Internal', 'Own', 'Queued']);
    addQueue(s, 'Internal Only', 'lead');
    expect(queueList(org.as('liisa')).map((q) => q.name)).toEqual(['Partner Leads']);
    expect(queueList(org.as('cm')).map((q) => q.name)).toEqual(['Internal Only', 'Partner Leads']);
    expect(explainAccess(org.as(), 'liisa', 'Lead', queued).read).toBe(true);
    expect(explainAccess(org.as(), 'liisa', 'Lead', own).read).toBe(true);
    // The reference checker (access explain) agrees with the SQL predicates for every user and lead.
    const allLeads = listRecordsFor(s, 'Lead').map((l) => String(l.Id));
    for (const user of ['liisa', 'mika@resellers.fi', 'cm', 'admin']) {
      const visible = new Set(listRecordsFor(org.as(user), 'Lead').map((l) => String(l.Id)));
      for (const id of allLeads) expect([user, id, explainAccess(org.as(), user, 'Lead', id).read]).toEqual([user, id, visible.has(id)]);
    }
    void account;
  });

  it('partners may change only stage, amount, close date, next step and probability of their deals (exit 4 otherwise)', async () => {
    const { org } = await partnerOrg();
    const liisa = org.as('liisa');
    const deal = createRecord(liisa, 'Opportunity', { Name: 'Reseller deal', StageName: 'Prospecting', CloseDate: '2026-12-31' }).id;
    const updated = updateRecord(liisa, 'Opportunity', deal, { StageName: 'Negotiation/Review', Amount: 12500 });
    expect(updated.record).toMatchObject({ StageName: 'Negotiation/Review', Amount: 12500, Probability: 90 });
    let error: unknown;
    try {
      updateRecord(liisa, 'Opportunity', deal, { Name: 'Renamed', Amount: 1 });
    } catch (e) {
      error = e;
    }
    expect(isCrmError(error) && error.kind).toBe('permission');
    expect((error as Error).message).toContain('may not change Name on opportunities');
    expect(getRecordById(org.session, 'Opportunity', deal).Name).toBe('Reseller deal');
    expect(() => listRecordsFor(liisa, 'Contact')).toThrow(/may not read contacts/);
    // Internal users are not limited to those fields.
    expect(updateRecord(org.session, 'Opportunity', deal, { Name: 'Renamed by admin' }).record.Name).toBe('Renamed by admin');
  });

  it('claims: first come first served, members only, within the claim limit', async () => {
    const { org } = await partnerOrg();
    const s = org.session;
    const queue = addQueue(s, 'Partner Leads', 'lead');
    addQueueMember(s, 'Partner Leads', 'liisa');
    addQueueMember(s, 'Partner Leads', 'mika@resellers.fi');
    const one = createRecord(s, 'Lead', { LastName: 'One', Company: 'A', OwnerId: queue.id }).id;
    const two = createRecord(s, 'Lead', { LastName: 'Two', Company: 'B', OwnerId: queue.id }).id;
    expect(() => claimLead(org.as('cm'), one)).toThrow(/does not belong to/);
    setClaimLimit(s, 1);
    const claimed = claimLead(org.as('liisa'), one);
    expect(claimed).toMatchObject({ leadId: one, queue: 'Partner Leads', owner: 'liisa', openLeadsOwned: 1, claimLimit: 1 });
    expect(() => claimLead(org.as('mika@resellers.fi'), one)).toThrow(/someone else claimed it first/);
    expect(() => claimLead(org.as('liisa'), two)).toThrow(/owns 1 open leads; the claim limit for partners is 1/);
    setClaimLimit(s, 0);
    expect(claimLead(org.as('liisa'), two).openLeadsOwned).toBe(2);
    expect(getRecordById(s, 'Lead', two).OwnerId).toBe(claimed.owner === 'liisa' ? getRecordById(s, 'Lead', one).OwnerId : 'x');
    expect(listAudit(org.db).filter((e) => e.action === 'lead.claim')).toHaveLength(2);
  });
});
