import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryOrg, tempDir, TEST_SCRYPT_COST, type TestOrg } from '../../helpers/org.js';
import { addUser } from '../../../src/core/security/users.js';
import { addRole } from '../../../src/core/security/roles.js';
import { setSharing } from '../../../src/core/security/sharing.js';
import { addQueue, addQueueMember, queueList, removeQueueMember } from '../../../src/core/leads/queues.js';
import { addAssignmentRule, assignLeads, assignmentRuleList, createLeadAssigner, reassignLeads, removeAssignmentRule } from '../../../src/core/leads/assignment.js';
import { captureWebLead } from '../../../src/core/webtolead/capture.js';
import { createRecord, getRecordById, listRecordsFor } from '../../../src/core/records/service.js';
import { listAudit } from '../../../src/core/store/org.js';

async function users(org: TestOrg, ...names: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const name of names) {
    const r = await addUser(org.session, { username: name, name: `${name} Tester`, email: `${name}@example.com`, profile: 'Standard User', notify: false }, { cost: TEST_SCRYPT_COST });
    ids[name] = r.user.id;
  }
  return ids;
}

const form = (fields: Record<string, string>) => new Map(Object.entries(fields));

describe('lead assignment rules', () => {
  it('round-robins 9 leads over 3 users, 3 each in turn, and resumes where it stopped in a later session', async () => {
    const org = await memoryOrg();
    const ids = await users(org, 'anna', 'bob', 'carl');
    addAssignmentRule(org.session, { object: 'lead', order: 1, to: 'round-robin:anna,bob,carl' });
    const owners: string[] = [];
    for (let i = 1; i <= 9; i++) {
      const outcome = captureWebLead(org.session, form({ LastName: `Lead ${i}`, Company: `Firma ${i}` }));
      expect(outcome.ok).toBe(true);
      if (outcome.ok) owners.push(outcome.owner!.name);
    }
    expect(owners).toEqual(['anna', 'bob', 'carl', 'anna', 'bob', 'carl', 'anna', 'bob', 'carl']);
    const leads = listRecordsFor(org.session, 'Lead');
    const count = (id: string) => leads.filter((l) => l.OwnerId === id).length;
    expect([count(ids.anna!), count(ids.bob!), count(ids.carl!)]).toEqual([3, 3, 3]);
    // The pointer lives in the org, so a new session (another process) continues with anna.
    const next = createLeadAssigner(org.as())({ LastName: 'Ten', Company: 'X' });
    expect(next?.owner.name).toBe('anna');
  });

  it('a German web lead ("Deutschland") matches the country rule into the EMEA queue; others fall through', async () => {
    const org = await memoryOrg();
    const ids = await users(org, 'anna', 'bob');
    const emea = addQueue(org.session, 'EMEA Leads', 'lead');
    addQueueMember(org.session, 'EMEA Leads', 'bob');
    // The condition is written the local way; it is compared in the standard English name.
    addAssignmentRule(org.session, { object: 'lead', order: 10, when: "Country = 'Deutschland' AND LeadSource = 'Web'", to: 'queue:EMEA Leads' });
    addAssignmentRule(org.session, { object: 'lead', order: 20, to: 'user:anna' });
    expect(assignmentRuleList(org.session).map((r) => r.to)).toEqual(['queue:EMEA Leads', 'user:anna']);

    const german = captureWebLead(org.session, form({ FirstName: 'Jürgen', LastName: 'Groß', Company: 'Müller GmbH', Country: 'Deutschland', Email: 'jg@mueller.de' }));
    expect(german).toMatchObject({ ok: true, owner: { kind: 'queue', id: emea.id, name: 'EMEA Leads' }, rule: 10 });
    const lead = getRecordById(org.session, 'Lead', german.ok ? german.id : '');
    expect(lead).toMatchObject({ Country: 'Germany', LeadSource: 'Web', OwnerId: emea.id, LastName: 'Groß', Status: 'Open - Not Contacted' });

    const finnish = captureWebLead(org.session, form({ LastName: 'Virtanen', Company: 'Valio Oy', Country: 'Suomi' }));
    expect(finnish).toMatchObject({ ok: true, owner: { kind: 'user', id: ids.anna }, rule: 20 });
  });

  it('refuses invalid web input with every reason and creates nothing', async () => {
    const org = await memoryOrg();
    const outcome = captureWebLead(org.session, form({ LastName: '', Email: 'not-an-email', OwnerId: '005000000000001', Nonsense: 'x' }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      const fields = outcome.problems.map((p) => p.field).sort();
      expect(fields).toEqual(['Company', 'Email', 'LastName', 'Nonsense', 'OwnerId']);
    }
    expect(listRecordsFor(org.session, 'Lead')).toHaveLength(0);
  });

  it('lead assign runs the rules on existing leads; the first matching rule in order wins', async () => {
    const org = await memoryOrg();
    const ids = await users(org, 'anna', 'bob');
    const de = createRecord(org.session, 'Lead', { LastName: 'Schmidt', Company: 'A', Country: 'Germany' }).id;
    const fi = createRecord(org.session, 'Lead', { LastName: 'Korhonen', Company: 'B', Country: 'Finland' }).id;
    addAssignmentRule(org.session, { object: 'lead', order: 2, when: "Country = 'Germany'", to: 'user:bob' });
    addAssignmentRule(org.session, { object: 'lead', order: 1, when: "Country IN ('Germany', 'Austria')", to: 'user:anna' });
    const result = assignLeads(org.session, undefined);
    expect(result.assigned).toEqual([{ id: de, from: 'admin', to: 'anna', rule: 1 }]);
    expect(result.unmatched).toEqual([fi]);
    expect(getRecordById(org.session, 'Lead', de).OwnerId).toBe(ids.anna);
    expect(removeAssignmentRule(org.session, 'lead', 1).removed.to).toBe('user:anna');
    expect(assignLeads(org.session, "Country = 'Germany'").assigned[0]).toMatchObject({ from: 'anna', to: 'bob', rule: 2 });
    expect(listAudit(org.db).map((e) => e.action)).toEqual(expect.arrayContaining(['assignment-rule.add', 'assignment-rule.remove', 'lead.assign']));
  });

  it('rejects a rule on an unknown field, a duplicate order and an unknown target', async () => {
    const org = await memoryOrg();
    await users(org, 'anna');
    expect(() => addAssignmentRule(org.session, { object: 'lead', order: 1, when: "Shoe = 'big'", to: 'user:anna' })).toThrow(/Shoe/);
    addAssignmentRule(org.session, { object: 'lead', order: 1, to: 'user:anna' });
    expect(() => addAssignmentRule(org.session, { object: 'lead', order: 1, to: 'user:anna' })).toThrow(/order 1 exists/);
    expect(() => addAssignmentRule(org.session, { object: 'lead', order: 2, to: 'queue:Nowhere' })).toThrow(/No queue "Nowhere"/);
    expect(() => addAssignmentRule(org.session, { object: 'contact', order: 3, to: 'user:anna' })).toThrow(/apply to leads/);
  });
});

describe('queues', () => {
  it('queue-owned leads are visible to members (directly or by role) under a private model, not to others', async () => {
    const org = await memoryOrg();
    addRole(org.session, 'Inside Sales');
    await users(org, 'anna', 'bob', 'carl');
    await addUser(org.session, { username: 'dora', name: 'Dora Tester', email: 'dora@example.com', profile: 'Standard User', role: 'Inside Sales', notify: false }, { cost: TEST_SCRYPT_COST });
    setSharing(org.session, ['lead=private']);
    const queue = addQueue(org.session, 'Nordics', 'lead');
    addQueueMember(org.session, 'Nordics', 'anna');
    addQueueMember(org.session, 'Nordics', 'Inside Sales');
    expect(queueList(org.session)[0]!.members).toEqual([
      { kind: 'user', name: 'anna' },
      { kind: 'role', name: 'Inside Sales' },
    ]);
    const lead = createRecord(org.session, 'Lead', { LastName: 'Jónsdóttir', Company: 'Össur', OwnerId: queue.id }).id;
    expect(listRecordsFor(org.as('anna'), 'Lead').map((l) => l.Id)).toEqual([lead]);
    expect(listRecordsFor(org.as('dora'), 'Lead').map((l) => l.Id)).toEqual([lead]);
    expect(listRecordsFor(org.as('bob'), 'Lead')).toEqual([]);
    removeQueueMember(org.session, 'Nordics', 'anna');
    expect(listRecordsFor(org.as('anna'), 'Lead')).toEqual([]);
  });

  it('a lead owner id starting 00G must be a queue that exists', async () => {
    const org = await memoryOrg();
    expect(() => createRecord(org.session, 'Lead', { LastName: 'X', Company: 'Y', OwnerId: '00G0000000000ZZ' })).toThrow(/OwnerId: no User or Queue/);
  });

  it('reassign --notify writes one e-mail per recipient to the outbox; queue members hear about queue leads', async () => {
    const org = await memoryOrg();
    await users(org, 'anna', 'bob');
    addQueue(org.session, 'EMEA Leads', 'lead');
    addQueueMember(org.session, 'EMEA Leads', 'bob');
    const a = createRecord(org.session, 'Lead', { FirstName: 'Anna', LastName: 'Bērziņa', Company: 'Laima', Country: 'Latvia' }).id;
    const b = createRecord(org.session, 'Lead', { LastName: '王', Company: '华为' }).id;
    const outbox = join(tempDir(), 'outbox');
    const toAnna = reassignLeads(org.session, { ids: [a, b], to: 'user:anna', notify: true }, { outboxDir: outbox });
    expect(toAnna.assigned.map((x) => x.to)).toEqual(['anna', 'anna']);
    expect(toAnna.notifications).toHaveLength(1);
    const mail = readFileSync(toAnna.notifications[0]!, 'utf8');
    expect(mail).toContain('To: "anna Tester" <anna@example.com>');
    expect(mail).toContain(`${a}  Anna Bērziņa (Laima, Latvia)`);
    expect(mail).toContain(`${b}  王 (华为)`);
    const toQueue = reassignLeads(org.session, { where: "Company = 'Laima'", to: 'queue:EMEA Leads', notify: true }, { outboxDir: outbox });
    expect(toQueue.assigned).toEqual([{ id: a, from: 'anna', to: 'EMEA Leads' }]);
    expect(readFileSync(toQueue.notifications[0]!, 'utf8')).toContain('To: "bob Tester" <bob@example.com>');
    expect(readdirSync(outbox)).toHaveLength(2);
    expect(() => reassignLeads(org.session, { ids: [a], where: "Company = 'x'", to: 'user:anna' })).toThrow(/either by id or with --where/);
  });
});

describe('round-robin fairness (property)', () => {
  it('for any number of leads and members, owners differ by at most one lead, across sessions', async () => {
    const fc = await import('fast-check');
    const org = await memoryOrg();
    const ids = await users(org, 'u1', 'u2', 'u3', 'u4', 'u5');
    const all = Object.values(ids);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 1, maxLength: 4 }), async (k, batches) => {
        // A fresh rule starts a fresh pointer (the old one goes with its rule).
        if (assignmentRuleList(org.session).length > 0) removeAssignmentRule(org.session, 'lead', 1);
        const members = all.slice(0, k);
        addAssignmentRule(org.session, { object: 'lead', order: 1, to: `round-robin:${['u1', 'u2', 'u3', 'u4', 'u5'].slice(0, k).join(',')}` });
        const counts = new Map<string, number>();
        // Each batch is a new session, as separate web posts or imports would be.
        for (const size of batches) {
          const assign = createLeadAssigner(org.as());
          for (let i = 0; i < size; i++) {
            const owner = assign({ LastName: 'x', Company: 'y' })!.owner.id;
            counts.set(owner, (counts.get(owner) ?? 0) + 1);
          }
        }
        const total = batches.reduce((a, b) => a + b, 0);
        const perMember = members.map((m) => counts.get(m) ?? 0);
        expect(perMember.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...perMember) - Math.min(...perMember)).toBeLessThanOrEqual(1);
        // Turns go in order: the first members get the extra leads.
        expect(perMember).toEqual(members.map((_, i) => Math.floor(total / k) + (i < total % k ? 1 : 0)));
      }),
      { numRuns: 40 },
    );
  });
});
