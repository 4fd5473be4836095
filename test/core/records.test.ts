import { describe, expect, it } from 'vitest';
import { createRecord, deleteRecords, getRecordById, iterateRecordsFor, listRecordsFor, updateRecord } from '../../src/core/records/service.js';
import { CrmError, ValidationError } from '../../src/core/errors.js';
import { memoryOrg } from '../helpers/org.js';

describe('record service on an in-memory org', () => {
  it('creates a contact with Salesforce field names, stamps audit fields and owner', async () => {
    const { session } = await memoryOrg();
    const { id, record } = createRecord(session, 'contact', { LastName: 'Bērziņš', FirstName: 'Jānis', Email: 'Janis@Example.LV' });
    expect(id).toMatch(/^003[0-9A-Za-z]{12}$/);
    expect(record.LastName).toBe('Bērziņš');
    // Domain lower-cased, local part kept as written.
    expect(record.Email).toBe('Janis@example.lv');
    expect(record.OwnerId).toBe(session.actor.id);
    expect(record.CreatedById).toBe(session.actor.id);
    expect(record.CreatedDate).toBe('2026-11-23T10:00:00.000Z');
  });

  it('names every invalid field at once', async () => {
    const { session } = await memoryOrg();
    try {
      createRecord(session, 'Contact', { Email: 'not-an-email', Birthdate: '1990-02-30' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const fields = (e as ValidationError).problems.map((p) => p.field).sort();
      expect(fields).toEqual(['Birthdate', 'Email', 'LastName']);
      expect((e as Error).message).toContain('Contact.Email: "not-an-email" is not a valid e-mail address');
    }
  });

  it('rejects unknown fields and picklist values, accepts picklist values in any case', async () => {
    const { session } = await memoryOrg();
    expect(() => createRecord(session, 'Account', { Name: 'Acme', Colour: 'red' })).toThrow(/Account has no field "Colour"/);
    expect(() => createRecord(session, 'Account', { Name: 'Acme', Rating: 'Lukewarm' })).toThrow(/Rating: "Lukewarm" is not a value/);
    expect(createRecord(session, 'Account', { Name: 'Acme', Rating: 'hot' }).record.Rating).toBe('Hot');
  });

  it('requires Lead.Company and defaults Lead.Status', async () => {
    const { session } = await memoryOrg();
    expect(() => createRecord(session, 'Lead', { LastName: 'Virtanen' })).toThrow(/Lead.Company: is required/);
    expect(createRecord(session, 'Lead', { LastName: 'Virtanen', Company: 'Virtanen Oy' }).record.Status).toBe('Open - Not Contacted');
  });

  it('derives an opportunity probability, forecast category and closed flags from its stage', async () => {
    const { session } = await memoryOrg();
    const { id, record } = createRecord(session, 'Opportunity', { Name: 'Deal', StageName: 'negotiation/review', CloseDate: '2026-12-01', Amount: '1000.456' });
    expect(record).toMatchObject({ StageName: 'Negotiation/Review', Probability: 90, ForecastCategoryName: 'Commit', IsClosed: false, Amount: 1000.46 });
    const won = updateRecord(session, 'Opportunity', id, { StageName: 'Closed Won' });
    expect(won.record).toMatchObject({ Probability: 100, IsClosed: true, IsWon: true });
    expect(() => createRecord(session, 'Opportunity', { Name: 'X', CloseDate: '2026-12-01' })).toThrow(/StageName: is required/);
  });

  it('checks that references point at existing records', async () => {
    const { session } = await memoryOrg();
    expect(() => createRecord(session, 'Contact', { LastName: 'Doe', AccountId: '001000000000099' })).toThrow(/AccountId: no Account with id/);
  });

  it('updates only changed fields and reports from → to', async () => {
    const { session } = await memoryOrg();
    const { id } = createRecord(session, 'Contact', { LastName: 'Doe', Title: 'CTO' });
    const result = updateRecord(session, 'Contact', id, { Title: 'CEO', LastName: 'Doe' });
    expect(result.changed).toEqual({ Title: { from: 'CTO', to: 'CEO' } });
    expect(() => updateRecord(session, 'Contact', id, { LastName: '' })).toThrow(/LastName: is required/);
  });

  it('lists with a filter and deletes into the recycle bin, refusing while children point at a record', async () => {
    const { session } = await memoryOrg();
    const account = createRecord(session, 'Account', { Name: 'Äänekosken Paperi Oy' }).id;
    createRecord(session, 'Contact', { LastName: 'Mäkelä', AccountId: account, MailingCountry: 'Finland' });
    createRecord(session, 'Contact', { LastName: 'Þórsdóttir', MailingCountry: 'Iceland' });
    expect(listRecordsFor(session, 'Contact', { where: "MailingCountry = 'finland'" }).map((r) => r.LastName)).toEqual(['Mäkelä']);
    expect(() => deleteRecords(session, 'Account', [account])).toThrow(/still referenced by 1 Contact \(AccountId\)/);
    const iceland = listRecordsFor(session, 'Contact', { where: "LastName = 'þórsdóttir'" });
    expect(iceland).toHaveLength(1);
    deleteRecords(session, 'Contact', [String(iceland[0]!.Id)]);
    expect(() => getRecordById(session, 'Contact', String(iceland[0]!.Id))).toThrow(CrmError);
  });

  it('enforces profile object permissions: a Read Only user cannot create', async () => {
    const org = await memoryOrg();
    const { insertUserRow } = await import('../../src/core/security/user-records.js');
    const { READ_ONLY_PROFILE_ID } = await import('../../src/core/store/seed-profiles.js');
    insertUserRow(org.db, { username: 'viewer', lastName: 'Viewer', email: 'v@example.com', profileId: READ_ONLY_PROFILE_ID }, 'scrypt$x', '2026-01-01T00:00:00Z', null);
    const viewer = org.as('viewer');
    expect(() => createRecord(viewer, 'Contact', { LastName: 'Doe' })).toThrow(/may not create contacts/);
    expect(listRecordsFor(viewer, 'Contact')).toEqual([]);
  });

  it('reads only the fields asked for (and always the Id), in creation order, ignoring unknown names', async () => {
    const { session } = await memoryOrg();
    const a = createRecord(session, 'Contact', { LastName: 'Ozoliņa', FirstName: 'Anna', Email: 'anna@example.lv' });
    const b = createRecord(session, 'Contact', { LastName: '王', FirstName: '芳' });
    const records = [...iterateRecordsFor(session, 'Contact', { fields: ['LastName', 'NoSuchField'] })];
    expect(records).toEqual([
      { Id: a.id, LastName: 'Ozoliņa' },
      { Id: b.id, LastName: '王' },
    ]);
  });
});
