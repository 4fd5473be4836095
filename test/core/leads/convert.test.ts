import { describe, expect, it } from 'vitest';
import { memoryOrg } from '../../helpers/org.js';
import { convertLead, convertLeads } from '../../../src/core/leads/convert.js';
import { createRecord, getRecordById, listRecordsFor, updateRecord } from '../../../src/core/records/service.js';

describe('lead conversion', () => {
  it('reuses an existing account whose name is the same company ("ACME GmbH" = "Acme"), creates contact and opportunity, moves tasks', async () => {
    const org = await memoryOrg();
    const s = org.session;
    const account = createRecord(s, 'Account', { Name: 'Acme' }).id;
    const lead = createRecord(s, 'Lead', {
      FirstName: 'Þóra',
      LastName: 'Sigurðardóttir',
      Company: 'ACME GmbH',
      Email: 'thora@acme.is',
      City: 'Reykjavík',
      Country: 'Iceland',
      LeadSource: 'Web',
    }).id;
    const task = createRecord(s, 'Task', { Subject: 'Call back', Status: 'Not Started', Priority: 'Normal', WhoId: lead }).id;
    const result = convertLead(s, lead, {});
    expect(result.account).toEqual({ id: account, name: 'Acme', reused: true });
    expect(result.contact.reused).toBe(false);
    expect(result.contact.name).toBe('Þóra Sigurðardóttir');
    expect(result.opportunity?.name).toBe('Acme - Sigurðardóttir');
    expect(result.status).toBe('Closed - Converted');
    expect(result.tasksMoved).toBe(1);
    expect(listRecordsFor(s, 'Account')).toHaveLength(1);
    expect(getRecordById(s, 'Contact', result.contact.id)).toMatchObject({ AccountId: account, Email: 'thora@acme.is', MailingCity: 'Reykjavík', MailingCountry: 'Iceland', LeadSource: 'Web' });
    expect(getRecordById(s, 'Opportunity', result.opportunity!.id)).toMatchObject({ AccountId: account, StageName: 'Prospecting', CloseDate: '2026-12-23', LeadSource: 'Web' });
    expect(getRecordById(s, 'Task', task)).toMatchObject({ WhoId: result.contact.id, WhatId: result.opportunity!.id });
    expect(getRecordById(s, 'Lead', lead)).toMatchObject({
      IsConverted: true,
      ConvertedDate: '2026-11-23',
      ConvertedAccountId: account,
      ConvertedContactId: result.contact.id,
      ConvertedOpportunityId: result.opportunity!.id,
      Status: 'Closed - Converted',
    });
    const contactRoles = listRecordsFor(s, 'OpportunityContactRole');
    expect(contactRoles).toMatchObject([{ OpportunityId: result.opportunity!.id, ContactId: result.contact.id, IsPrimary: true }]);
  });

  it('a converted lead is read-only and cannot be converted twice', async () => {
    const org = await memoryOrg();
    const lead = createRecord(org.session, 'Lead', { LastName: 'Ozoliņš', Company: 'Laima' }).id;
    convertLead(org.session, lead, { noOpportunity: true, status: 'Qualified' });
    expect(getRecordById(org.session, 'Lead', lead).Status).toBe('Qualified');
    expect(() => updateRecord(org.session, 'Lead', lead, { Title: 'CEO' })).toThrow(/converted and is read-only/);
    expect(() => convertLead(org.session, lead, {})).toThrow(/converted already/);
  });

  it('creates a new account when none matches; reuses a contact with the same e-mail on a reused account', async () => {
    const org = await memoryOrg();
    const s = org.session;
    const first = convertLead(s, createRecord(s, 'Lead', { LastName: 'Silva', FirstName: 'João', Company: 'Sonae, S.A.', Email: 'joao@sonae.pt' }).id, { noOpportunity: true });
    expect(first.account).toMatchObject({ name: 'Sonae, S.A.', reused: false });
    expect(first.opportunity).toBeNull();
    const again = convertLead(s, createRecord(s, 'Lead', { LastName: 'Silva', Company: 'Sonae', Email: 'JOAO@sonae.pt' }).id, { opportunityName: 'Sonae renewal' });
    expect(again.account).toEqual({ id: first.account.id, name: 'Sonae, S.A.', reused: true });
    expect(again.contact).toMatchObject({ id: first.contact.id, reused: true });
    expect(again.opportunity?.name).toBe('Sonae renewal');
    expect(() => convertLead(s, createRecord(s, 'Lead', { LastName: 'X', Company: 'Y' }).id, { status: 'Working - Contacted' })).toThrow(/not a converted lead status/);
  });

  it('bulk conversion by --where converts each matching unconverted lead', async () => {
    const org = await memoryOrg();
    const s = org.session;
    createRecord(s, 'Lead', { LastName: 'A', Company: 'Alpha', Rating: 'Hot' });
    createRecord(s, 'Lead', { LastName: 'B', Company: 'Beta', Rating: 'Hot' });
    createRecord(s, 'Lead', { LastName: 'C', Company: 'Gamma', Rating: 'Cold' });
    const results = convertLeads(s, "Rating = 'Hot'", { noOpportunity: true });
    expect(results.map((r) => r.account.name)).toEqual(['Alpha', 'Beta']);
    expect(listRecordsFor(s, 'Lead', { where: 'IsConverted = true' }).map((l) => l.LastName)).toEqual(['A', 'B']);
  });
});

describe('lead conversion: the account matching engine beyond the company key', () => {
  it('reuses an account spelled differently but with the same website and city; a different company gets its own', async () => {
    const org = await memoryOrg();
    const s = org.session;
    const laima = createRecord(s, 'Account', { Name: 'Laima Chocolate', Website: 'https://www.laima.lv', BillingCity: 'Rīga', BillingCountry: 'Latvia' }).id;
    createRecord(s, 'Account', { Name: 'Valio Oy', Website: 'https://www.valio.fi', BillingCity: 'Helsinki' });
    const lead = createRecord(s, 'Lead', { LastName: 'Kalniņa', Company: 'Laimas', Website: 'laima.lv', City: 'Riga', Country: 'Latvia' }).id;
    expect(convertLead(s, lead, { noOpportunity: true }).account).toEqual({ id: laima, name: 'Laima Chocolate', reused: true });
    const other = createRecord(s, 'Lead', { LastName: 'Nieminen', Company: 'Fazer', Website: 'fazer.fi', City: 'Vantaa' }).id;
    expect(convertLead(s, other, { noOpportunity: true }).account).toMatchObject({ name: 'Fazer', reused: false });
  });
});
