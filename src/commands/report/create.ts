import type { Command } from 'commander';
import { createReport, type CustomReportDefinition } from '../../core/reports/custom.js';
import { STANDARD_REPORT_NAMES } from '../../core/reports/engine.js';
import { splitList } from '../../core/customize/layouts.js';
import { CrmError } from '../../core/errors.js';
import { action, outcome } from '../../cli/action.js';

interface CreateOptions {
  object?: string;
  columns?: string;
  filter?: string;
  groupBy?: string;
  sort?: string;
  period?: string;
  dateField?: string;
  description?: string;
}

export function register(report: Command): void {
  report
    .command('create <name>')
    .description("save a custom report: report create tier-by-country --object contact --columns LastName,Customer_Tier__c --group-by MailingCountry")
    .requiredOption('--object <object>', 'the object to report on')
    .option('--columns <fields>', 'comma-separated fields (API names or labels)')
    .option('--filter <filter>', "which records, in the --where language, e.g. \"StageName != 'Closed Lost'\"")
    .option('--group-by <field>', 'group rows by this field, with subtotals')
    .option('--sort <fields>', 'sort by these fields; prefix - for descending, e.g. -Amount,Name')
    .option('--period <period>', 'the default period (e.g. this-quarter)')
    .option('--date-field <field>', 'the date field the period applies to (default CreatedDate)')
    .option('--description <text>', 'what the report is for')
    .action(
      action((ctx, options: CreateOptions, name: string) => {
        if (!options.columns) throw new CrmError('USAGE', 'A report needs --columns.', { hint: 'Example: --columns Name,Amount,CloseDate' });
        const definition: CustomReportDefinition = createReport(
          ctx.session(),
          {
            name,
            object: options.object!,
            columns: splitList(options.columns),
            filter: options.filter,
            groupBy: options.groupBy,
            sort: options.sort ? splitList(options.sort) : undefined,
            period: options.period,
            dateField: options.dateField,
            description: options.description,
          },
          [...STANDARD_REPORT_NAMES],
        );
        return outcome(definition, (ui, d) => {
          ui.ok(`Saved report ${d.name} on ${d.object}: ${d.columns.join(', ')}`);
          ui.line(ui.c.dim(`Run it with: crmctl report run ${d.name}`));
        });
      }),
    );
}
