import type { Command } from 'commander';
import { describeOrg, type OrgDescription } from '../../core/org/profile.js';
import { action } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';
import { monthName } from '../init.js';

export function register(org: Command): void {
  org
    .command('show')
    .description('show the company profile and fiscal year')
    .action(action((ctx) => ({ result: describeOrg(ctx.session()), render: renderOrg })));
}

export function renderOrg(ui: Ui, org: OrgDescription): void {
  ui.heading(org.company);
  ui.keyValues([
    ['Time zone', org.timezone],
    ['Locale', org.locale],
    ['Currency', org.currency],
    ['Fiscal year', `standard, starts in ${monthName(org.fiscalYear.startMonth)} (current: ${org.fiscalYear.current.start} to ${org.fiscalYear.current.end})`],
    ['Created', org.createdAt],
    ['Users', org.counts.users],
    ['Accounts', org.counts.accounts],
    ['Contacts', org.counts.contacts],
    ['Leads', org.counts.leads],
    ['Opportunities', org.counts.opportunities],
  ]);
}
