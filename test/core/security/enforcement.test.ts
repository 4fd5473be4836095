import { afterEach, describe, expect, it } from 'vitest';
import { memoryOrg, TEST_SCRYPT_COST, type TestOrg } from '../../helpers/org.js';
import { addRole } from '../../../src/core/security/roles.js';
import { addUser } from '../../../src/core/security/users.js';
import { setSharing } from '../../../src/core/security/sharing.js';
import { addTeamMember, enableTeams } from '../../../src/core/security/teams.js';
import { cloneProfile, setProfilePermissions } from '../../../src/core/security/profiles.js';
import { explainAccess } from '../../../src/core/security/explain.js';
import { setQueueMembershipSource } from '../../../src/core/security/queues.js';
import { countRecordsFor, createRecord, deleteRecords, getRecordById, listRecordsFor, updateRecord } from '../../../src/core/records/service.js';
import { insertRecord } from '../../../src/core/store/records.js';
import { LEAD } from '../../../src/core/schema/standard-objects.js';

/** CEO > Manager > Rep, plus a peer rep; reps own their own contacts. */
async function salesOrg(): Promise<TestOrg & { ids: Record<string, string> }> {
  const org = await memoryOrg();
  addRole(org.session, 'CEO');
  addRole(org.session, 'Manager', 'CEO');
  addRole(org.session, 'Rep', 'Manager');
  addRole(org.session, 'Peer Rep', 'CEO');
  const add = (username: string, role: string, profile = 'Standard User') =>
    addUser(org.session, { username, name: username, email: `${username}@example.com`, profile, role, notify: false }, { cost: TEST_SCRYPT_COST });
  await add('manager', 'Manager');
  await add('rep', 'Rep');
  await add('peer', 'Peer Rep');
  const account = createRecord(org.as('rep'), 'Account', { Name: 'Valio Oy' }).id;
  const repContact = createRecord(org.as('rep'), 'Contact', { LastName: 'Virtanen', AccountId: account }).id;
  const orphan = createRecord(org.as('rep'), 'Contact', { LastName: 'Korhonen' }).id;
  const peerContact = createRecord(org.as('peer'), 'Contact', { LastName: 'Jónsdóttir' }).id;
  const opportunity = createRecord(org.as('rep'), 'Opportunity', { Name: 'Valio renewal', AccountId: account, StageName: 'Prospecting', CloseDate: '2026-12-31' }).id;
  return { ...org, ids: { account, repContact, orphan, peerContact, opportunity } };
}

const names = (org: TestOrg, as: string, object = 'Contact') => listRecordsFor(org.as(as), object).map((r) => r.LastName ?? r.Name).sort();

afterEach(() => setQueueMembershipSource(() => []));

describe('enforcement through the record service', () => {
  it('Private: owner and superiors see and edit, peers see nothing', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['contact=private', 'account=private', 'opportunity=private']);
    expect(names(org, 'rep')).toEqual(['Korhonen', 'Virtanen']);
    expect(names(org, 'manager')).toEqual(['Korhonen', 'Virtanen']);
    expect(names(org, 'peer')).toEqual(['Jónsdóttir']);
    expect(names(org, 'admin')).toEqual(['Jónsdóttir', 'Korhonen', 'Virtanen']);
    expect(countRecordsFor(org.as('peer'), 'Contact')).toBe(1);
    expect(() => getRecordById(org.as('peer'), 'Contact', org.ids.repContact!)).toThrow(/No Contact with id/);
    expect(updateRecord(org.as('manager'), 'Contact', org.ids.repContact!, { Title: 'CFO' }).changed).toEqual({ Title: { from: null, to: 'CFO' } });
    // Managers above the owner may delete; peers never see the record to begin with.
    expect(() => deleteRecords(org.as('peer'), 'Contact', [org.ids.orphan!])).toThrow(/No Contact/);
  });

  it('a session sees its own setup changes at once', async () => {
    const org = await salesOrg();
    // An administrator without View All on contacts, so sharing applies to them too.
    cloneProfile(org.session, 'System Administrator', 'Setup Admin');
    setProfilePermissions(org.session, 'Setup Admin', 'contact', { viewAll: false });
    await addUser(org.session, { username: 'setup', name: 'Setup', email: 's@example.com', profile: 'Setup Admin', notify: false }, { cost: TEST_SCRYPT_COST });
    const session = org.as('setup');
    expect(listRecordsFor(session, 'Contact')).toHaveLength(3);
    setSharing(session, ['contact=private']);
    expect(listRecordsFor(session, 'Contact')).toHaveLength(0);
    setSharing(session, ['contact=read']);
    expect(listRecordsFor(session, 'Contact')).toHaveLength(3);
  });

  it('Public Read Only: peers read but may not edit or delete, with the reason', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['contact=read']);
    expect(names(org, 'peer')).toEqual(['Jónsdóttir', 'Korhonen', 'Virtanen']);
    expect(() => updateRecord(org.as('peer'), 'Contact', org.ids.repContact!, { Title: 'x' })).toThrow(
      /peer \(Standard User\) may not edit Contact .*nothing grants edit: peer is not the owner \(rep\)/,
    );
    expect(() => deleteRecords(org.as('peer'), 'Contact', [org.ids.orphan!])).toThrow(/only its owner/);
    const explained = explainAccess(org.session, 'peer', 'contact', org.ids.repContact!);
    expect(explained).toMatchObject({ read: true, edit: false });
    expect(explained.reasons.map((r) => r.rule)).toEqual(['org-wide-default', 'no-rule']);
  });

  it('Controlled by Parent: contacts follow their account; contacts without one stay private', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['account=read', 'contact=controlled-by-parent']);
    // The peer reads Valio (account OWD read), so its contact; not Korhonen, who has no account.
    expect(names(org, 'peer')).toEqual(['Jónsdóttir', 'Virtanen']);
    expect(() => updateRecord(org.as('peer'), 'Contact', org.ids.repContact!, { Title: 'x' })).toThrow(/may not edit/);
    const explained = explainAccess(org.session, 'peer', 'contact', org.ids.repContact!);
    expect(explained.reasons[0]).toMatchObject({ rule: 'parent-account', grants: 'read' });
    expect(names(org, 'manager')).toEqual(['Korhonen', 'Virtanen']);
  });

  it('account team members get the stated access to the account and its children', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['account=private', 'contact=private', 'opportunity=private']);
    enableTeams(org.session);
    expect(() => addTeamMember(org.as('peer'), org.ids.account!, 'peer', { teamRole: 'Sales Rep', accountAccess: 'edit', opportunityAccess: 'edit', contactAccess: 'read' })).toThrow(/No Account/);
    addTeamMember(org.as('rep'), org.ids.account!, 'peer', { teamRole: 'Sales Rep', accountAccess: 'edit', opportunityAccess: 'read', contactAccess: 'read' });
    // Edit access alone does not let a member widen the team (or their own access).
    expect(() => addTeamMember(org.as('peer'), org.ids.account!, 'peer', { teamRole: 'Sales Rep', accountAccess: 'edit', opportunityAccess: 'edit', contactAccess: 'edit' })).toThrow(
      /may not manage the team of account .*only its owner/,
    );
    expect(updateRecord(org.as('peer'), 'Account', org.ids.account!, { Phone: '+358 9 123 4567' }).changed.Phone?.to).toBe('+358 9 123 4567');
    expect(names(org, 'peer', 'Opportunity')).toEqual(['Valio renewal']);
    expect(() => updateRecord(org.as('peer'), 'Opportunity', org.ids.opportunity!, { NextStep: 'x' })).toThrow(/may not edit/);
    expect(names(org, 'peer')).toEqual(['Jónsdóttir', 'Virtanen']);
    expect(explainAccess(org.session, 'peer', 'account', org.ids.account!).reasons[0]).toMatchObject({ rule: 'account-team', grants: 'edit' });
  });

  it('View All profiles see everything; Read Only users never write', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['contact=private']);
    cloneProfile(org.session, 'Standard User', 'Auditor');
    setProfilePermissions(org.session, 'Auditor', 'contact', { viewAll: true });
    await addUser(org.session, { username: 'auditor', name: 'Auditor', email: 'a@example.com', profile: 'Auditor', notify: false }, { cost: TEST_SCRYPT_COST });
    await addUser(org.session, { username: 'viewer', name: 'Viewer', email: 'v@example.com', profile: 'Read Only', role: 'CEO', notify: false }, { cost: TEST_SCRYPT_COST });
    expect(names(org, 'auditor')).toEqual(['Jónsdóttir', 'Korhonen', 'Virtanen']);
    expect(() => updateRecord(org.as('auditor'), 'Contact', org.ids.repContact!, { Title: 'x' })).toThrow(/may not edit/);
    expect(names(org, 'viewer')).toEqual(['Jónsdóttir', 'Korhonen', 'Virtanen']);
    expect(() => updateRecord(org.as('viewer'), 'Contact', org.ids.repContact!, { Title: 'x' })).toThrow("viewer (Read Only) may not edit contacts");
    expect(() => createRecord(org.as('viewer'), 'Contact', { LastName: 'x' })).toThrow(/may not create/);
  });

  it('tasks and contact roles follow the records they belong to', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['account=private', 'contact=private', 'opportunity=private']);
    createRecord(org.as('rep'), 'Task', { Subject: 'Call Virtanen', Status: 'Not Started', Priority: 'Normal', WhoId: org.ids.repContact! });
    createRecord(org.as('admin'), 'Task', { Subject: 'Renewal terms', Status: 'Not Started', Priority: 'Normal', WhatId: org.ids.opportunity! });
    createRecord(org.as('rep'), 'OpportunityContactRole', { OpportunityId: org.ids.opportunity!, ContactId: org.ids.repContact!, Role: 'Decision Maker' });
    const subjects = (as: string) => listRecordsFor(org.as(as), 'Task').map((t) => t.Subject).sort();
    expect(subjects('rep')).toEqual(['Call Virtanen', 'Renewal terms']);
    expect(subjects('manager')).toEqual(['Call Virtanen', 'Renewal terms']);
    expect(subjects('peer')).toEqual([]);
    expect(listRecordsFor(org.as('peer'), 'OpportunityContactRole')).toEqual([]);
    expect(listRecordsFor(org.as('manager'), 'OpportunityContactRole').map((r) => r.Role)).toEqual(['Decision Maker']);
  });

  it('leads owned by a queue are visible to its members through the queue hook', async () => {
    const org = await salesOrg();
    setSharing(org.session, ['lead=private']);
    insertRecord(org.db, LEAD, { Id: '00Q00000000000Q', LastName: 'Queued', Company: 'Ísfell', Status: 'Open - Not Contacted', OwnerId: '00G000000000001', CreatedDate: '2026-11-23' });
    expect(names(org, 'peer', 'Lead')).toEqual([]);
    const peerId = explainAccess(org.session, 'peer', 'lead', '00Q00000000000Q');
    expect(peerId.read).toBe(false);
    setQueueMembershipSource((db, userId) => (db === org.db && userId === org.as('peer').actor.id ? ['00G000000000001'] : []));
    expect(names(org, 'peer', 'Lead')).toEqual(['Queued']);
    expect(explainAccess(org.session, 'peer', 'lead', '00Q00000000000Q').reasons[0]).toMatchObject({ rule: 'queue', grants: 'edit' });
  });
});
