import { isCrmError } from '../errors.js';
import { fiscalQuarter, nextFiscalQuarter } from '../org/fiscal.js';
import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor } from '../records/service.js';
import { picklistValuesWithInactive } from '../store/customize.js';
import type { CrmRecord } from '../store/records.js';
import { listUsers } from '../store/users.js';
import { buildReport, NO_VALUE, rate } from './build.js';
import { addDays, dateOf, daysBetween, inPeriod, orgToday, parsePeriod, utcDate } from './period.js';
import type { ReportColumn, ReportPeriod, ReportResult, ReportRow, RunReportOptions } from './types.js';

/**
 * The implementation guide's standard reports. Every record is read through
 * the record service, so a report run with --as shows only what that user may see.
 */
export interface StandardReport {
  name: string;
  title: string;
  description: string;
  /** The --period used when none is given. */
  defaultPeriod: string;
  run(ctx: ReportContext, options: RunReportOptions): ReportResult;
}

/** What a standard report needs: the session, the parsed period, today, and readers that note unreadable objects. */
export class ReportContext {
  readonly notes: string[] = [];
  readonly today: string;
  private userNames: Map<string, string> | undefined;
  private cache = new Map<string, CrmRecord[]>();

  constructor(
    readonly session: OrgSession,
    readonly period: ReportPeriod,
  ) {
    this.today = orgToday(session);
  }

  /** Every record of an object the acting user may read; none (with a note) when they may not read the object. */
  records(object: string): CrmRecord[] {
    let list = this.cache.get(object);
    if (list) return list;
    try {
      list = [...iterateRecordsFor(this.session, object)];
    } catch (error) {
      if (!isCrmError(error) || error.code !== 'PERMISSION_DENIED') throw error;
      this.notes.push(`${this.session.actor.username} may not read ${object} records; they are left out.`);
      list = [];
    }
    this.cache.set(object, list);
    return list;
  }

  /**
   * Readable records of an object with these ids, without loading the whole
   * object when only a few are needed (contact roles name a handful of a
   * large org's contacts). Ids are record ids (letters and digits), so they
   * are safe inside the filter's quoted list.
   */
  recordsWithIds(object: string, ids: Iterable<string>): CrmRecord[] {
    const wanted = [...new Set(ids)].filter((id) => /^[0-9A-Za-z]{15}$/.test(id));
    if (this.cache.has(object) || wanted.length > 5_000) {
      const set = new Set(wanted);
      return this.records(object).filter((r) => set.has(String(r.Id)));
    }
    const found: CrmRecord[] = [];
    try {
      for (let i = 0; i < wanted.length; i += 500) {
        const chunk = wanted.slice(i, i + 500).map((id) => `'${id}'`).join(', ');
        found.push(...iterateRecordsFor(this.session, object, { where: `Id IN (${chunk})` }));
      }
    } catch (error) {
      if (!isCrmError(error) || error.code !== 'PERMISSION_DENIED') throw error;
      this.notes.push(`${this.session.actor.username} may not read ${object} records; they are left out.`);
      return [];
    }
    return found;
  }

  /** A user's display name ("First Last", else username); ids of unknown owners (queues) are shown as they are. */
  userName(id: unknown): string | null {
    if (typeof id !== 'string') return null;
    if (!this.userNames) {
      this.userNames = new Map(listUsers(this.session.db).map((u) => [u.id, [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username]));
    }
    return this.userNames.get(id) ?? id;
  }

  activeUserNames(): string[] {
    return listUsers(this.session.db)
      .filter((u) => u.isActive)
      .map((u) => this.userName(u.id)!)
      .sort((a, b) => a.localeCompare(b));
  }

  date(value: unknown): string | null {
    return dateOf(value, this.session.org.timezone);
  }

  inPeriod(value: unknown): boolean {
    return inPeriod(this.date(value), this.period);
  }

  /** Picklist values (active and retired) in display order, for ordering groups. */
  picklistOrder(object: string, field: string): string[] {
    return picklistValuesWithInactive(this.session.db, object, field).map((v) => v.value);
  }
}

const col = (key: string, title: string, type: ReportColumn['type'], aggregate?: ReportColumn['aggregate']): ReportColumn => ({
  key,
  title,
  type,
  ...(aggregate ? { aggregate } : {}),
});

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const personName = (r: CrmRecord): string => [r.FirstName, r.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Open opportunities keyed by account id: one pass, so large orgs are not scanned once per account. */
function openOpportunitiesByAccount(opportunities: CrmRecord[]): Map<string, CrmRecord[]> {
  const result = new Map<string, CrmRecord[]>();
  for (const o of opportunities) {
    if (o.IsClosed === true || typeof o.AccountId !== 'string') continue;
    let list = result.get(o.AccountId);
    if (!list) result.set(o.AccountId, (list = []));
    list.push(o);
  }
  return result;
}

function byId(records: CrmRecord[]): Map<string, CrmRecord> {
  return new Map(records.map((r) => [String(r.Id), r]));
}

const ACTIVE_ACCOUNTS: StandardReport = {
  name: 'active-accounts',
  title: 'Active accounts',
  description: 'Accounts with activity or changes in the period, or with open opportunities, by owner.',
  defaultPeriod: 'last-n-days:90',
  run(ctx) {
    const opportunities = ctx.records('Opportunity');
    const contacts = ctx.records('Contact');
    const tasks = ctx.records('Task');
    const accountOfOpportunity = new Map(opportunities.map((o) => [String(o.Id), text(o.AccountId)]));
    const accountOfContact = new Map(contacts.map((c) => [String(c.Id), text(c.AccountId)]));
    const activity = new Map<string, { last: string | null; inPeriod: boolean }>();
    for (const task of tasks) {
      const accountIds = new Set<string>();
      const what = text(task.WhatId);
      const who = text(task.WhoId);
      if (what?.startsWith('001')) accountIds.add(what);
      const viaOpportunity = what ? accountOfOpportunity.get(what) : undefined;
      if (viaOpportunity) accountIds.add(viaOpportunity);
      const viaContact = who ? accountOfContact.get(who) : undefined;
      if (viaContact) accountIds.add(viaContact);
      const when = ctx.date(task.ActivityDate) ?? ctx.date(task.CreatedDate);
      for (const id of accountIds) {
        const seen = activity.get(id) ?? { last: null, inPeriod: false };
        if (when !== null && (seen.last === null || when > seen.last)) seen.last = when;
        seen.inPeriod ||= inPeriod(when, ctx.period);
        activity.set(id, seen);
      }
    }
    const openByAccount = openOpportunitiesByAccount(opportunities);
    const rows: ReportRow[] = [];
    for (const account of ctx.records('Account')) {
      const open = openByAccount.get(String(account.Id)) ?? [];
      const act = activity.get(String(account.Id));
      const reasons: string[] = [];
      if (act?.inPeriod) reasons.push('activity');
      if (open.length > 0) reasons.push('open opportunities');
      if (ctx.inPeriod(account.LastModifiedDate)) reasons.push('modified');
      if (reasons.length === 0) continue;
      rows.push({
        Account: text(account.Name),
        Owner: ctx.userName(account.OwnerId),
        OpenOpportunities: open.length,
        OpenAmount: round2(open.reduce((sum, o) => sum + (num(o.Amount) ?? 0), 0)),
        LastActivity: act?.last ?? null,
        LastModified: ctx.date(account.LastModifiedDate),
        Why: reasons.join(', '),
      });
    }
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Account', 'Account', 'text'),
        col('Owner', 'Owner', 'text'),
        col('OpenOpportunities', 'Open opps', 'number', 'sum'),
        col('OpenAmount', 'Open amount', 'currency', 'sum'),
        col('LastActivity', 'Last activity', 'date'),
        col('LastModified', 'Last modified', 'date'),
        col('Why', 'Active because', 'text'),
      ],
      rows,
      groupBy: 'Owner',
      chart: { measure: 'count', label: 'Active accounts' },
      notes: ctx.notes,
    });
  },
};

const ACCOUNT_OWNERS: StandardReport = {
  name: 'account-owners',
  title: 'Accounts by owner',
  description: 'Every account grouped by owner, with its contacts and open opportunities; active users with no accounts show as empty groups.',
  defaultPeriod: 'all',
  run(ctx) {
    const contacts = ctx.records('Contact');
    const opportunities = ctx.records('Opportunity');
    const openByAccount = openOpportunitiesByAccount(opportunities);
    const contactCount = new Map<string, number>();
    for (const c of contacts) if (typeof c.AccountId === 'string') contactCount.set(c.AccountId, (contactCount.get(c.AccountId) ?? 0) + 1);
    const rows = ctx
      .records('Account')
      .filter((a) => ctx.inPeriod(a.CreatedDate))
      .map(
        (a): ReportRow => ({
          Account: text(a.Name),
          Type: text(a.Type),
          Industry: text(a.Industry),
          Country: text(a.BillingCountry),
          Owner: ctx.userName(a.OwnerId),
          Contacts: contactCount.get(String(a.Id)) ?? 0,
          OpenOpportunities: openByAccount.get(String(a.Id))?.length ?? 0,
        }),
      )
      .sort((x, y) => String(x.Account).localeCompare(String(y.Account)));
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Account', 'Account', 'text'),
        col('Type', 'Type', 'text'),
        col('Industry', 'Industry', 'text'),
        col('Country', 'Billing country', 'text'),
        col('Owner', 'Owner', 'text'),
        col('Contacts', 'Contacts', 'number', 'sum'),
        col('OpenOpportunities', 'Open opps', 'number', 'sum'),
      ],
      rows,
      groupBy: 'Owner',
      groupOrder: ctx.activeUserNames(),
      chart: { measure: 'count', label: 'Accounts' },
      notes: ctx.notes,
    });
  },
};

function leadRows(ctx: ReportContext): ReportRow[] {
  return ctx
    .records('Lead')
    .filter((l) => ctx.inPeriod(l.CreatedDate))
    .map((l): ReportRow => {
      const created = ctx.date(l.CreatedDate);
      const converted = l.IsConverted === true;
      const end = converted ? (ctx.date(l.ConvertedDate) ?? ctx.today) : ctx.today;
      return {
        Lead: personName(l),
        Company: text(l.Company),
        Status: text(l.Status),
        LeadSource: text(l.LeadSource),
        Created: created,
        AgeDays: created === null ? null : Math.max(0, daysBetween(created, end)),
        Converted: converted,
      };
    });
}

const conversion = (s: Record<string, number>): Record<string, number> => ({ ConversionRate: rate(s.Converted ?? 0, s.count ?? 0) });

const LEAD_LIFECYCLE: StandardReport = {
  name: 'lead-lifecycle',
  title: 'Lead lifecycle',
  description: 'Leads created in the period by status, with their age in days (to conversion for converted leads) and the conversion rate.',
  defaultPeriod: 'this-fiscal-year',
  run(ctx) {
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Lead', 'Lead', 'text'),
        col('Company', 'Company', 'text'),
        col('Status', 'Status', 'text'),
        col('LeadSource', 'Source', 'text'),
        col('Created', 'Created', 'date'),
        col('AgeDays', 'Age (days)', 'number', 'avg'),
        col('Converted', 'Converted', 'checkbox', 'count-true'),
      ],
      rows: leadRows(ctx),
      groupBy: 'Status',
      groupOrder: ctx.picklistOrder('Lead', 'Status'),
      derive: conversion,
      chart: { measure: 'count', label: 'Leads' },
      notes: ctx.notes,
    });
  },
};

const LEAD_SOURCES: StandardReport = {
  name: 'lead-sources',
  title: 'Lead sources',
  description: 'Leads created in the period and their conversions, by lead source.',
  defaultPeriod: 'this-fiscal-year',
  run(ctx) {
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Lead', 'Lead', 'text'),
        col('Company', 'Company', 'text'),
        col('LeadSource', 'Source', 'text'),
        col('Status', 'Status', 'text'),
        col('Created', 'Created', 'date'),
        col('Converted', 'Converted', 'checkbox', 'count-true'),
      ],
      rows: leadRows(ctx),
      groupBy: 'LeadSource',
      derive: conversion,
      chart: { measure: 'count', label: 'Leads' },
      notes: ctx.notes,
    });
  },
};

function opportunityBase(ctx: ReportContext, o: CrmRecord, accounts: Map<string, CrmRecord>): ReportRow {
  return {
    Opportunity: text(o.Name),
    Account: typeof o.AccountId === 'string' ? text(accounts.get(o.AccountId)?.Name) : null,
    Stage: text(o.StageName),
    Amount: num(o.Amount),
    CloseDate: ctx.date(o.CloseDate),
    Owner: ctx.userName(o.OwnerId),
  };
}

const OPPORTUNITY_PIPELINE: StandardReport = {
  name: 'opportunity-pipeline',
  title: 'Opportunity pipeline',
  description: 'Open opportunities (closing in the period) by stage: count, amount and amount weighted by probability.',
  defaultPeriod: 'all',
  run(ctx) {
    const accounts = byId(ctx.records('Account'));
    const rows = ctx
      .records('Opportunity')
      .filter((o) => o.IsClosed !== true && ctx.inPeriod(o.CloseDate))
      .map((o): ReportRow => {
        const amount = num(o.Amount);
        const probability = num(o.Probability);
        return {
          ...opportunityBase(ctx, o, accounts),
          Probability: probability,
          Weighted: amount === null ? null : round2((amount * (probability ?? 0)) / 100),
        };
      })
      .sort((a, b) => String(a.CloseDate ?? '9999').localeCompare(String(b.CloseDate ?? '9999')));
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Opportunity', 'Opportunity', 'text'),
        col('Account', 'Account', 'text'),
        col('Stage', 'Stage', 'text'),
        col('Amount', 'Amount', 'currency', 'sum'),
        col('Probability', 'Probability (%)', 'percent'),
        col('Weighted', 'Weighted', 'currency', 'sum'),
        col('CloseDate', 'Close date', 'date'),
        col('Owner', 'Owner', 'text'),
      ],
      rows,
      groupBy: 'Stage',
      groupOrder: ctx.picklistOrder('Opportunity', 'StageName').filter((stage) => rows.some((r) => r.Stage === stage)),
      chart: { measure: 'Amount', label: 'Amount' },
      notes: ctx.notes,
    });
  },
};

export const DEFAULT_STUCK_DAYS = 30;

const STUCK_OPPORTUNITIES: StandardReport = {
  name: 'stuck-opportunities',
  title: 'Stuck opportunities',
  description: 'Open opportunities whose stage has not changed in N days (--days, default 30), by stage.',
  defaultPeriod: 'all',
  run(ctx, options) {
    const days = options.days ?? DEFAULT_STUCK_DAYS;
    const cutoff = addDays(ctx.today, -days);
    const accounts = byId(ctx.records('Account'));
    const rows: ReportRow[] = [];
    for (const o of ctx.records('Opportunity')) {
      if (o.IsClosed === true || !ctx.inPeriod(o.CloseDate)) continue;
      // Opportunities never moved since creation have been in their stage since they were created.
      const since = ctx.date(o.LastStageChangeDate) ?? ctx.date(o.CreatedDate);
      if (since === null || since > cutoff) continue;
      rows.push({ ...opportunityBase(ctx, o, accounts), LastStageChange: since, DaysInStage: daysBetween(since, ctx.today) });
    }
    rows.sort((a, b) => (b.DaysInStage as number) - (a.DaysInStage as number));
    const result = buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Opportunity', 'Opportunity', 'text'),
        col('Account', 'Account', 'text'),
        col('Stage', 'Stage', 'text'),
        col('Amount', 'Amount', 'currency', 'sum'),
        col('LastStageChange', 'Stage since', 'date'),
        col('DaysInStage', 'Days in stage', 'number', 'avg'),
        col('CloseDate', 'Close date', 'date'),
        col('Owner', 'Owner', 'text'),
      ],
      rows,
      groupBy: 'Stage',
      groupOrder: ctx.picklistOrder('Opportunity', 'StageName').filter((stage) => rows.some((r) => r.Stage === stage)),
      chart: { measure: 'count', label: 'Stuck opportunities' },
      notes: [...ctx.notes, `No stage change in ${days} days: last change on or before ${cutoff}.`],
    });
    return { ...result, title: `${result.title} (${days}+ days)` };
  },
};

const CLOSED_OPPORTUNITIES: StandardReport = {
  name: 'closed-opportunities',
  title: 'Closed opportunities',
  description: 'Opportunities won and lost with a close date in the period, with the win rate.',
  defaultPeriod: 'this-quarter',
  run(ctx) {
    const accounts = byId(ctx.records('Account'));
    const rows = ctx
      .records('Opportunity')
      .filter((o) => o.IsClosed === true && ctx.inPeriod(o.CloseDate))
      .map((o): ReportRow => ({ Result: o.IsWon === true ? 'Won' : 'Lost', ...opportunityBase(ctx, o, accounts) }))
      .sort((a, b) => String(a.CloseDate).localeCompare(String(b.CloseDate)));
    const result = buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Result', 'Result', 'text'),
        col('Opportunity', 'Opportunity', 'text'),
        col('Account', 'Account', 'text'),
        col('Stage', 'Stage', 'text'),
        col('Amount', 'Amount', 'currency', 'sum'),
        col('CloseDate', 'Close date', 'date'),
        col('Owner', 'Owner', 'text'),
      ],
      rows,
      groupBy: 'Result',
      groupOrder: ['Won', 'Lost'],
      chart: { measure: 'Amount', label: 'Amount' },
      notes: ctx.notes,
    });
    const won = result.groups.find((g) => g.key === 'Won')?.subtotal.count ?? 0;
    result.totals.WinRate = rate(won, rows.length);
    return result;
  },
};

/** The fiscal quarters overlapping a period, in order (for showing empty quarters too). */
function quartersIn(period: ReportPeriod, startMonth: number): string[] {
  if (period.from === null || period.to === null) return [];
  const names: string[] = [];
  let quarter = fiscalQuarter(utcDate(period.from), startMonth);
  while (quarter.start <= period.to && names.length < 400) {
    names.push(quarter.name);
    quarter = nextFiscalQuarter(utcDate(quarter.start), startMonth);
  }
  return names;
}

const FORECAST_COLUMNS = { Commit: 'Commit', 'Best Case': 'BestCase', Pipeline: 'Pipeline' } as const;

const QUARTERLY_FORECAST: StandardReport = {
  name: 'quarterly-forecast',
  title: 'Quarterly forecast',
  description:
    'Per fiscal quarter of the close date: closed (won), commit, best case and pipeline amounts; Forecast (commit) = closed + commit, Forecast (best case) = that + best case.',
  defaultPeriod: 'this-fiscal-year',
  run(ctx) {
    const start = ctx.session.org.fiscalStartMonth;
    const rows: ReportRow[] = [];
    for (const o of ctx.records('Opportunity')) {
      const close = ctx.date(o.CloseDate);
      if (close === null || !inPeriod(close, ctx.period)) continue;
      const amount = num(o.Amount) ?? 0;
      const category = text(o.ForecastCategoryName);
      const bucket = o.IsWon === true ? 'Closed' : o.IsClosed === true ? undefined : FORECAST_COLUMNS[category as keyof typeof FORECAST_COLUMNS];
      if (bucket === undefined) continue; // lost and omitted deals are not forecast
      rows.push({
        Quarter: fiscalQuarter(utcDate(close), start).name,
        Opportunity: text(o.Name),
        Stage: text(o.StageName),
        ForecastCategory: o.IsWon === true ? 'Closed' : category,
        Closed: bucket === 'Closed' ? amount : null,
        Commit: bucket === 'Commit' ? amount : null,
        BestCase: bucket === 'BestCase' ? amount : null,
        Pipeline: bucket === 'Pipeline' ? amount : null,
        CloseDate: close,
        Owner: ctx.userName(o.OwnerId),
      });
    }
    rows.sort((a, b) => String(a.CloseDate).localeCompare(String(b.CloseDate)));
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Quarter', 'Fiscal quarter', 'text'),
        col('Opportunity', 'Opportunity', 'text'),
        col('Stage', 'Stage', 'text'),
        col('ForecastCategory', 'Forecast category', 'text'),
        col('Closed', 'Closed', 'currency', 'sum'),
        col('Commit', 'Commit', 'currency', 'sum'),
        col('BestCase', 'Best case', 'currency', 'sum'),
        col('Pipeline', 'Pipeline', 'currency', 'sum'),
        col('CloseDate', 'Close date', 'date'),
        col('Owner', 'Owner', 'text'),
      ],
      rows,
      groupBy: 'Quarter',
      groupOrder: quartersIn(ctx.period, start),
      derive: (s) => {
        const commit = round2((s.Closed ?? 0) + (s.Commit ?? 0));
        return { ForecastCommit: commit, ForecastBestCase: round2(commit + (s.BestCase ?? 0)) };
      },
      chart: { measure: 'ForecastCommit', label: 'Forecast (closed + commit)' },
      notes: ctx.notes,
    });
  },
};

const CONTACT_ROLES: StandardReport = {
  name: 'contact-roles',
  title: 'Opportunity contact roles',
  description: 'Opportunities (closing in the period) with the contacts and roles on them; opportunities without any contact role are listed too.',
  defaultPeriod: 'all',
  run(ctx) {
    const roles = ctx.records('OpportunityContactRole');
    const contacts = byId(ctx.recordsWithIds('Contact', roles.map((r) => String(r.ContactId))));
    const rolesByOpportunity = new Map<string, CrmRecord[]>();
    for (const role of roles) {
      const key = String(role.OpportunityId);
      let list = rolesByOpportunity.get(key);
      if (!list) rolesByOpportunity.set(key, (list = []));
      list.push(role);
    }
    const opportunities = ctx.records('Opportunity').filter((o) => ctx.inPeriod(o.CloseDate));
    const nameCount = new Map<string, number>();
    for (const o of opportunities) nameCount.set(String(o.Name), (nameCount.get(String(o.Name)) ?? 0) + 1);
    const rows: ReportRow[] = [];
    for (const o of opportunities) {
      // Two opportunities may share a name; their groups must not merge.
      const label = (nameCount.get(String(o.Name)) ?? 0) > 1 ? `${String(o.Name)} (${String(o.Id)})` : String(o.Name);
      const base = { Opportunity: label, Stage: text(o.StageName), Amount: num(o.Amount) };
      const roles = (rolesByOpportunity.get(String(o.Id)) ?? []).sort((a, b) => Number(b.IsPrimary === true) - Number(a.IsPrimary === true));
      if (roles.length === 0) rows.push({ ...base, Contact: null, Email: null, Role: '(no contact role)', Primary: false, Roles: 0 });
      for (const role of roles) {
        const contact = typeof role.ContactId === 'string' ? contacts.get(role.ContactId) : undefined;
        rows.push({
          ...base,
          Contact: contact ? personName(contact) : text(role.ContactId),
          Email: contact ? text(contact.Email) : null,
          Role: text(role.Role),
          Primary: role.IsPrimary === true,
          Roles: 1,
        });
      }
    }
    return buildReport({
      ...this,
      period: ctx.period,
      columns: [
        col('Opportunity', 'Opportunity', 'text'),
        col('Stage', 'Stage', 'text'),
        col('Amount', 'Amount', 'currency'),
        col('Contact', 'Contact', 'text'),
        col('Email', 'Email', 'text'),
        col('Role', 'Role', 'text'),
        col('Primary', 'Primary', 'checkbox', 'count-true'),
        col('Roles', 'Roles', 'number', 'sum'),
      ],
      rows,
      groupBy: 'Opportunity',
      groupOrder: opportunities.map((o) => ((nameCount.get(String(o.Name)) ?? 0) > 1 ? `${String(o.Name)} (${String(o.Id)})` : String(o.Name))),
      chart: { measure: 'Roles', label: 'Contact roles' },
      notes: ctx.notes,
    });
  },
};

export const STANDARD_REPORTS: readonly StandardReport[] = [
  ACTIVE_ACCOUNTS,
  ACCOUNT_OWNERS,
  LEAD_LIFECYCLE,
  LEAD_SOURCES,
  OPPORTUNITY_PIPELINE,
  STUCK_OPPORTUNITIES,
  CLOSED_OPPORTUNITIES,
  QUARTERLY_FORECAST,
  CONTACT_ROLES,
];

export function runStandardReport(session: OrgSession, report: StandardReport, options: RunReportOptions): ReportResult {
  const ctx = new ReportContext(session, parsePeriod(session, options.period, report.defaultPeriod));
  return report.run(ctx, options);
}

export { NO_VALUE };
