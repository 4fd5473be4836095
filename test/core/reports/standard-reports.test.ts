import { beforeAll, describe, expect, it } from 'vitest';
import { runReport, listReports } from '../../../src/core/reports/engine.js';
import type { ReportResult } from '../../../src/core/reports/types.js';
import { CrmError } from '../../../src/core/errors.js';
import { listPicklist } from '../../../src/core/customize/picklists.js';
import { seededOrg, type SeededOrg } from './seed.js';

const group = (r: ReportResult, key: string) => r.groups.find((g) => g.key === key)?.subtotal;
const column = (r: ReportResult, key: string) => r.rows.map((row) => row[key]);

let org: SeededOrg;
beforeAll(async () => {
  org = await seededOrg();
});

describe('standard reports on a seeded org (today 2026-11-23, fiscal year from April)', () => {
  it('lists the nine standard reports', () => {
    expect(listReports(org.session).map((r) => r.name)).toEqual([
      'active-accounts',
      'account-owners',
      'lead-lifecycle',
      'lead-sources',
      'opportunity-pipeline',
      'stuck-opportunities',
      'closed-opportunities',
      'quarterly-forecast',
      'contact-roles',
    ]);
  });

  it('opportunity-pipeline: open opportunities by stage with amount and weighted amount', () => {
    const r = runReport(org.session, 'opportunity-pipeline');
    expect(r.groups.map((g) => g.key)).toEqual(['Prospecting', 'Value Proposition', 'Negotiation/Review']);
    expect(group(r, 'Prospecting')).toMatchObject({ count: 1, Amount: 10000, Weighted: 1000 });
    expect(group(r, 'Value Proposition')).toMatchObject({ count: 1, Amount: 4000, Weighted: 2000 });
    expect(group(r, 'Negotiation/Review')).toMatchObject({ count: 1, Amount: 20000, Weighted: 18000 });
    expect(r.totals).toMatchObject({ count: 3, Amount: 34000, Weighted: 21000 });
    expect(r.period).toEqual({ name: 'all', from: null, to: null });
    // A period limits by close date: only the two closing this fiscal quarter.
    const quarter = runReport(org.session, 'opportunity-pipeline', { period: 'this-quarter' });
    expect(quarter.period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(column(quarter, 'Opportunity').sort()).toEqual(['Riga rollout', '上海 expansion']);
  });

  it('stuck-opportunities: open with no stage change in N days', () => {
    const r = runReport(org.session, 'stuck-opportunities');
    expect(r.rows.map((row) => [row.Opportunity, row.DaysInStage, row.LastStageChange])).toEqual([
      ['Riga rollout', 175, '2026-06-01'],
      ['上海 expansion', 53, '2026-10-01'],
    ]);
    expect(runReport(org.session, 'stuck-opportunities', { days: 60 }).rows.map((row) => row.Opportunity)).toEqual(['Riga rollout']);
    // Helsinki moved 22 days ago: stuck at 20 days, not at 30.
    expect(column(runReport(org.session, 'stuck-opportunities', { days: 20 }), 'Opportunity')).toContain('Helsinki pilot');
    expect(() => runReport(org.session, 'stuck-opportunities', { days: 0 })).toThrow(CrmError);
    expect(() => runReport(org.session, 'opportunity-pipeline', { days: 10 })).toThrow(/stuck-opportunities only/);
  });

  it('closed-opportunities: won and lost in the period with the win rate', () => {
    const r = runReport(org.session, 'closed-opportunities');
    expect(r.period).toMatchObject({ name: 'this-quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(group(r, 'Won')).toMatchObject({ count: 1, Amount: 12000 });
    expect(group(r, 'Lost')).toMatchObject({ count: 1, Amount: 3000 });
    expect(r.totals.WinRate).toBe(50);
    const year = runReport(org.session, 'closed-opportunities', { period: 'this-fiscal-year' });
    expect(group(year, 'Won')).toMatchObject({ count: 2, Amount: 20000 });
    expect(year.totals.WinRate).toBeCloseTo(66.7, 1);
  });

  it('quarterly-forecast: a May close date falls in Q1 of a fiscal year starting in April', () => {
    const r = runReport(org.session, 'quarterly-forecast');
    expect(r.period).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
    expect(r.groups.map((g) => g.key)).toEqual(['FY2027 Q1', 'FY2027 Q2', 'FY2027 Q3', 'FY2027 Q4']);
    expect(group(r, 'FY2027 Q1')).toMatchObject({ count: 1, Closed: 8000, Commit: 0, Pipeline: 0, ForecastCommit: 8000 });
    expect(group(r, 'FY2027 Q2')).toMatchObject({ count: 0, ForecastCommit: 0 });
    expect(group(r, 'FY2027 Q3')).toMatchObject({ count: 3, Closed: 12000, Pipeline: 14000, ForecastCommit: 12000, ForecastBestCase: 12000 });
    expect(group(r, 'FY2027 Q4')).toMatchObject({ count: 1, Commit: 20000, ForecastCommit: 20000 });
    // The lost deal is not forecast.
    expect(column(r, 'Opportunity')).not.toContain('Lisbon lost');
    expect(r.totals).toMatchObject({ Closed: 20000, Commit: 20000, Pipeline: 14000, ForecastCommit: 40000 });
  });

  it('lead-lifecycle: leads by status with age and conversion rate', () => {
    const r = runReport(org.session, 'lead-lifecycle');
    // Every status shows, in picklist order, even with no leads.
    expect(r.groups.map((g) => g.key)).toEqual(listPicklist(org.session, 'lead', 'Status').values.map((v) => v.value));
    expect(group(r, 'Closed - Not Converted')).toMatchObject({ count: 0 });
    expect(r.groups.filter((g) => g.subtotal.count! > 0).map((g) => [g.key, g.subtotal.count])).toEqual([
      ['Open - Not Contacted', 1],
      ['Working - Contacted', 1],
      ['Closed - Converted', 1],
    ]);
    expect(r.rows.map((row) => [row.Lead, row.AgeDays])).toEqual([
      ['Jónsson', 206],
      ['Wang', 145],
      ['Silva', 10],
    ]);
    expect(group(r, 'Closed - Converted')).toMatchObject({ Converted: 1, ConversionRate: 100 });
    expect(r.totals).toMatchObject({ count: 3, Converted: 1, ConversionRate: 33.3 });
    // The February lead belongs to the previous fiscal year.
    expect(runReport(org.session, 'lead-lifecycle', { period: 'last-fiscal-year' }).totals.count).toBe(1);
  });

  it('lead-sources: leads and conversions by source', () => {
    const r = runReport(org.session, 'lead-sources');
    expect(r.groups.map((g) => [g.key, g.subtotal.count, g.subtotal.Converted, g.subtotal.ConversionRate])).toEqual([
      ['Trade Show', 1, 0, 0],
      ['Web', 2, 1, 50],
    ]);
  });

  it('active-accounts: open opportunities or activity in the period, by owner', () => {
    const r = runReport(org.session, 'active-accounts');
    expect(r.period).toMatchObject({ from: '2026-08-26', to: '2026-11-23' });
    expect(r.rows.map((row) => [row.Account, row.Owner, row.OpenOpportunities, row.OpenAmount, row.Why])).toEqual([
      ['Bērziņš SIA', 'Ada Admin', 1, 10000, 'open opportunities'],
      ['Nordic Oy', 'Rita Ozola', 2, 24000, 'activity, open opportunities'],
    ]);
    expect(r.rows.find((row) => row.Account === 'Nordic Oy')?.LastActivity).toBe('2026-11-10');
  });

  it('account-owners: accounts per owner, including owners with none', () => {
    const r = runReport(org.session, 'account-owners');
    expect(r.groups.map((g) => [g.key, g.subtotal.count, g.subtotal.Contacts])).toEqual([
      ['Ada Admin', 2, 1],
      ['Rita Ozola', 1, 1],
    ]);
    expect(column(r, 'Account')).toEqual(['Bērziņš SIA', 'Dormant hf', 'Nordic Oy']);
  });

  it('contact-roles: opportunities with their contact roles, and those without', () => {
    const r = runReport(org.session, 'contact-roles', { period: 'this-quarter' });
    const riga = r.rows.filter((row) => row.Opportunity === 'Riga rollout');
    expect(riga).toEqual([expect.objectContaining({ Contact: 'Anna Kalniņa', Role: 'Decision Maker', Primary: true, Email: 'anna@example.lv' })]);
    expect(r.rows.find((row) => row.Opportunity === '上海 expansion')).toMatchObject({ Contact: null, Role: '(no contact role)', Roles: 0 });
    expect(r.totals).toMatchObject({ Roles: 1, Primary: 1 });
  });

  it('unknown report names and periods are usage errors with hints', () => {
    expect(() => runReport(org.session, 'nope')).toThrow(/no report called/);
    expect(() => runReport(org.session, 'lead-sources', { period: 'yesterday-ish' })).toThrow(/not a period/);
  });
});
