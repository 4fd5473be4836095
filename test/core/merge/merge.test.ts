import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRecords, planMerge, undoMerge } from '../../../src/core/merge/merge.js';
import { createRecord, listRecordsFor } from '../../../src/core/records/service.js';
import type { OrgSession } from '../../../src/core/org/session.js';
import { listRecycleBin } from '../../../src/core/store/recycle-bin.js';
import { memoryOrg } from '../../helpers/org.js';

function snapshot(session: OrgSession): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const object of ['Account', 'Contact', 'Opportunity', 'OpportunityContactRole', 'Task', 'Lead']) {
    out[object] = listRecordsFor(session, object, { orderBy: [{ field: 'Id' }] });
  }
  return out;
}

describe('merge', () => {
  it('keeps the survivor, fills its blanks, moves related records and can be undone exactly', async () => {
    const { session } = await memoryOrg();
    const acme = createRecord(session, 'Account', { Name: 'Acme' }).id;
    const a = createRecord(session, 'Contact', { FirstName: 'Robert', LastName: 'Smith', Email: 'bob@acme.example', AccountId: acme }).id;
    const b = createRecord(session, 'Contact', { FirstName: 'Bob', LastName: 'Smith', Phone: '+1 555 0100', Title: 'CTO' }).id;
    const opp = createRecord(session, 'Opportunity', { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2027-01-31', AccountId: acme }).id;
    createRecord(session, 'OpportunityContactRole', { OpportunityId: opp, ContactId: b, Role: 'Decision Maker' });
    createRecord(session, 'Task', { Subject: 'Call Bob', WhoId: b });
    const before = snapshot(session);

    const plan = planMerge(session, { object: 'contact', ids: [b, a], masterId: a });
    expect(plan.fields.find((f) => f.field === 'FirstName')).toMatchObject({ value: 'Robert', from: a, conflict: true });
    expect(plan.fields.find((f) => f.field === 'Phone')).toMatchObject({ value: '+1 555 0100', from: b, conflict: false });
    expect(plan.related).toEqual(expect.arrayContaining([{ object: 'OpportunityContactRole', field: 'ContactId', count: 1 }, { object: 'Task', field: 'WhoId', count: 1 }]));

    const result = mergeRecords(session, { object: 'contact', ids: [a, b], masterId: a, fieldChoices: { Title: b } });
    const contacts = listRecordsFor(session, 'Contact');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ Id: a, FirstName: 'Robert', Phone: '+1 555 0100', Title: 'CTO', Email: 'bob@acme.example' });
    expect(listRecordsFor(session, 'Task')[0]!.WhoId).toBe(a);
    expect(listRecordsFor(session, 'OpportunityContactRole')[0]!.ContactId).toBe(a);
    expect(listRecycleBin(session.db).map((r) => r.recordId)).toEqual([b]);

    undoMerge(session, result.merge);
    expect(snapshot(session)).toEqual(before);
    expect(listRecycleBin(session.db)).toEqual([]);
    expect(() => undoMerge(session, result.merge)).toThrow(/already undone/);
  });

  it('chooses the survivor by rule, independent of the order ids are given', async () => {
    const { session } = await memoryOrg();
    const sparse = createRecord(session, 'Contact', { LastName: 'Mäkelä' }).id;
    const full = createRecord(session, 'Contact', { FirstName: 'Päivi', LastName: 'Mäkelä', Email: 'paivi@example.fi', Phone: '+358 40 1234567' }).id;
    expect(planMerge(session, { object: 'Contact', ids: [sparse, full] }).masterId).toBe(full);
    expect(planMerge(session, { object: 'Contact', ids: [full, sparse] }).masterId).toBe(full);
    expect(planMerge(session, { object: 'Contact', ids: [full, sparse], rule: 'oldest' }).masterId).toBe(sparse);
    expect(() => planMerge(session, { object: 'Contact', ids: [full, full] })).toThrow(/at least two/);
  });

  it('property: merging any group never loses a related record, and undo restores the org exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.tuple(fc.nat(3), fc.constantFrom('task', 'role')), { maxLength: 8 }),
        fc.nat(3),
        fc.array(fc.option(fc.constantFrom('Ann', 'Anna', 'Bob'), { nil: undefined }), { minLength: 4, maxLength: 4 }),
        async (count, links, masterIndex, names) => {
          const { session } = await memoryOrg();
          const account = createRecord(session, 'Account', { Name: 'Acme' }).id;
          const ids = Array.from({ length: count }, (_, i) =>
            createRecord(session, 'Contact', { LastName: 'Lee', ...(names[i] ? { FirstName: names[i] } : {}), ...(i % 2 ? { AccountId: account } : {}) }).id,
          );
          const opp = createRecord(session, 'Opportunity', { Name: 'D', StageName: 'Prospecting', CloseDate: '2027-01-01' }).id;
          for (const [target, kind] of links) {
            const contact = ids[target % count]!;
            if (kind === 'task') createRecord(session, 'Task', { Subject: 'x', WhoId: contact });
            else createRecord(session, 'OpportunityContactRole', { OpportunityId: opp, ContactId: contact });
          }
          const before = snapshot(session);
          const master = ids[masterIndex % count]!;
          const result = mergeRecords(session, { object: 'Contact', ids, masterId: master });
          const after = snapshot(session);
          expect(after.Task!.length + after.OpportunityContactRole!.length).toBe(links.length);
          for (const t of after.Task!) expect(t.WhoId).toBe(master);
          for (const r of after.OpportunityContactRole!) expect(r.ContactId).toBe(master);
          undoMerge(session, result.merge);
          expect(snapshot(session)).toEqual(before);
        },
      ),
      { numRuns: 40 },
    );
  });
});
