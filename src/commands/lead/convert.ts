import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { convertLead, convertLeads, type ConvertResult } from '../../core/leads/convert.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

interface ConvertOptions {
  where?: string;
  account?: string;
  newAccount?: boolean;
  contact?: string;
  opportunity?: string | false;
  status?: string;
}

function renderOne(ui: Ui, r: ConvertResult): void {
  ui.ok(`Converted ${r.leadId} (${r.status})`);
  ui.line(`  account      ${r.account.id} ${r.account.name}${r.account.reused ? ' (existing)' : ' (new)'}`);
  ui.line(`  contact      ${r.contact.id} ${r.contact.name}${r.contact.reused ? ' (existing)' : ' (new)'}`);
  ui.line(`  opportunity  ${r.opportunity ? `${r.opportunity.id} ${r.opportunity.name}` : '(none)'}`);
  if (r.tasksMoved > 0) ui.line(`  ${r.tasksMoved} task(s) moved to the contact`);
}

export function register(lead: Command): void {
  lead
    .command('convert [id]')
    .description('convert a lead into an account (reused when the company exists), a contact and an opportunity; or --where for many')
    .option('--where <filter>', 'convert every unconverted lead matching this filter')
    .option('--account <id>', 'attach to this account')
    .option('--new-account', 'create a new account even if one with the company name exists')
    .option('--contact <id>', 'use this existing contact')
    .option('--opportunity <name>', 'name of the opportunity to create')
    .option('--no-opportunity', 'create no opportunity')
    .option('--status <status>', 'converted lead status (e.g. Qualified; default Closed - Converted)')
    .action(
      action((ctx, options: ConvertOptions, id?: string) => {
        if ((id === undefined) === (options.where === undefined)) {
          throw new CrmError('USAGE', 'Pass one lead id or --where, not both (and not neither).', { hint: 'Example: crmctl lead convert 00Q000000000001' });
        }
        const session = ctx.session();
        const noOpportunity = options.opportunity === false;
        const opportunityName = typeof options.opportunity === 'string' ? options.opportunity : undefined;
        if (options.where !== undefined) {
          if (options.account !== undefined || options.contact !== undefined || opportunityName !== undefined) {
            throw new CrmError('USAGE', '--account, --contact and --opportunity name one record; they cannot apply to many leads.', { hint: 'Convert those leads one by one.' });
          }
          const results = convertLeads(session, options.where, { newAccount: options.newAccount, noOpportunity, status: options.status });
          return outcome({ count: results.length, converted: results }, (ui, r) => {
            for (const one of r.converted) renderOne(ui, one);
            ui.line(`${r.count} lead(s) converted.`);
          });
        }
        const result = convertLead(session, id!, { accountId: options.account, newAccount: options.newAccount, contactId: options.contact, opportunityName, noOpportunity, status: options.status });
        return outcome(result, renderOne);
      }),
    );
}
