import { describe, expect, it } from 'vitest';
import { adoptionDashboard } from '../../../src/core/dashboards/adoption.js';
import { dataQualityDashboard, type DuplicateGroupCounter } from '../../../src/core/dashboards/data-quality.js';
import { kpiDashboard } from '../../../src/core/dashboards/kpi.js';
import { removePicklistValue } from '../../../src/core/customize/picklists.js';
import { logCommand } from '../../../src/core/store/org.js';
import { updateRecordFields } from '../../../src/core/store/records.js';
import { seededOrg } from '../reports/seed.js';

describe('adoption dashboard', () => {
  it('counts commands and records per user and lists who never started', async () => {
    const org = await seededOrg();
    logCommand(org.db, '2026-11-20T08:00:00.000Z', org.session.actor.id, 'report run');
    logCommand(org.db, '2026-10-01T08:00:00.000Z', org.session.actor.id, 'record create');
    const d = adoptionDashboard(org.session);
    const admin = d.users.find((u) => u.username === 'admin')!;
    expect(admin.commands).toEqual({ last7Days: 1, last30Days: 1, total: 2, lastAt: '2026-11-20T08:00:00.000Z' });
    expect(admin.records.Opportunity).toEqual({ created7: 0, created30: 1, owned: 5 });
    expect(admin.records.Task).toEqual({ created7: 0, created30: 1, owned: 1 });
    expect(admin.records.Account).toEqual({ created7: 0, created30: 0, owned: 2 });
    expect(admin.lastActivityAt).toBe('2026-11-20T08:00:00.000Z');
    const rita = d.users.find((u) => u.username === 'rita')!;
    expect(rita.records.Account!.owned).toBe(1);
    expect(rita.records.Opportunity!.owned).toBe(1);
    expect(rita.neverStarted).toBe(true);
    expect(d.neverStarted).toEqual(['rita']);
    expect(d.totals).toEqual({ activeUsers: 2, activeLast7Days: 1, activeLast30Days: 1 });
  });

  it('counts a login as having started', async () => {
    const org = await seededOrg();
    updateRecordFields(org.db, org.session.objects.get('User'), org.ritaId, { LastLoginDate: '2026-11-22T07:00:00.000Z' });
    const rita = adoptionDashboard(org.session).users.find((u) => u.username === 'rita')!;
    expect(rita).toMatchObject({ lastLoginAt: '2026-11-22T07:00:00.000Z', lastActivityAt: '2026-11-22T07:00:00.000Z', neverStarted: false });
  });

  it('is for administrators only', async () => {
    const org = await seededOrg();
    expect(() => adoptionDashboard(org.as('rita'))).toThrow(/may not see the adoption dashboard/);
  });
});

describe('data-quality dashboard', () => {
  it('reports blank rates, values that no longer validate and accounts without contacts', async () => {
    const org = await seededOrg();
    // A value written before validation existed (or by a raw import): the dashboard must catch it.
    updateRecordFields(org.db, org.session.objects.get('Contact'), org.ids.C2!, { Email: 'mikko at example' });
    // A retired picklist value is kept by records and is not "invalid".
    removePicklistValue(org.session, 'lead', 'LeadSource', 'Web');
    const d = dataQualityDashboard(org.session);
    const account = d.objects.find((o) => o.object === 'Account')!;
    expect(account.records).toBe(3);
    expect(account.fields.find((f) => f.field === 'Industry')).toMatchObject({ blank: 2, blankRate: 66.7, invalid: 0 });
    expect(account.fields.find((f) => f.field === 'Name')).toMatchObject({ blank: 0, blankRate: 0, required: true });
    const email = d.objects.find((o) => o.object === 'Contact')!.fields.find((f) => f.field === 'Email')!;
    expect(email).toMatchObject({ blank: 0, invalid: 1 });
    expect(email.invalidExamples).toEqual([{ id: org.ids.C2, value: 'mikko at example', problem: '"mikko at example" is not a valid e-mail address' }]);
    expect(d.objects.find((o) => o.object === 'Lead')!.fields.find((f) => f.field === 'LeadSource')).toMatchObject({ blank: 0, invalid: 0 });
    expect(d.accountsWithoutContacts).toBe(1);
    // Duplicate groups come from the same engine as `crmctl dupes find`.
    expect(d.duplicates!.map((x) => x.object).sort()).toEqual(['Account', 'Contact', 'Lead']);
  });

  it('limits to one object and counts duplicates with the connected finder', async () => {
    const org = await seededOrg();
    const plain = dataQualityDashboard(org.session, { object: 'contacts' });
    expect(plain.objects.map((o) => o.object)).toEqual(['Contact']);
    expect(plain.accountsWithoutContacts).toBeUndefined();
    const countDuplicates: DuplicateGroupCounter = (_session, object) => ({ groups: object.name === 'Contact' ? 2 : 0, records: object.name === 'Contact' ? 5 : 0 });
    expect(dataQualityDashboard(org.session, { object: 'contact', countDuplicates }).duplicates).toEqual([{ object: 'Contact', groups: 2, records: 5 }]);
    expect('duplicates' in dataQualityDashboard(org.session, { object: 'contact', countDuplicates: null })).toBe(false);
  });
});

describe('kpi dashboard', () => {
  it('computes won/lost, win rate, deal size, sales cycle, days in stage and forecast vs actual', async () => {
    const org = await seededOrg();
    const k = kpiDashboard(org.session);
    expect(k.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(k.won).toEqual({ count: 1, amount: 12000 });
    expect(k.lost).toEqual({ count: 1, amount: 3000 });
    expect(k.winRate).toBe(50);
    expect(k.averageDealSize).toBe(12000);
    expect(k.averageSalesCycleDays).toBe(51);
    expect(k.daysInStage).toEqual([
      { stage: 'Prospecting', open: 1, averageDays: 175 },
      { stage: 'Value Proposition', open: 1, averageDays: 53 },
      { stage: 'Negotiation/Review', open: 1, averageDays: 22 },
    ]);
    expect(k.forecast).toEqual({
      quarter: 'FY2027 Q3',
      from: '2026-10-01',
      to: '2026-12-31',
      closedWon: 12000,
      commit: 0,
      bestCase: 0,
      pipeline: 14000,
      forecastCommit: 12000,
      attainment: 100,
    });
    const year = kpiDashboard(org.session, { period: 'this-fiscal-year' });
    expect(year.won).toEqual({ count: 2, amount: 20000 });
    expect(year.averageDealSize).toBe(10000);
  });
});
