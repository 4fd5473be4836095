import type { Command } from 'commander';
import { exportRecords } from '../../core/export/records.js';
import { splitList } from '../../core/customize/layouts.js';
import { action, outcome } from '../../cli/action.js';

interface ExportOptions {
  out: string;
  fields?: string;
  where?: string;
}

export function register(program: Command): void {
  program
    .command('export <object>')
    .description("export the records you can read to CSV or XLSX, Id first: export contact --out contacts.xlsx --where \"MailingCountry = 'Latvia'\"")
    .requiredOption('--out <file>', 'the .csv or .xlsx file to write')
    .option('--fields <list>', 'comma-separated fields (default: all); Id always comes first')
    .option('--where <filter>', "which records, e.g. \"LeadSource = 'Web'\"")
    .action(
      action((ctx, options: ExportOptions, objectName: string) => {
        const result = exportRecords(ctx.session(), {
          object: objectName,
          out: ctx.path(options.out),
          fields: options.fields ? splitList(options.fields) : undefined,
          where: options.where,
        });
        return outcome(result, (ui, r) => {
          ui.ok(`Exported ${r.rows} ${r.object} record(s) (${r.columns.length} columns) to ${r.path}`);
          for (const w of r.warnings) ui.warn(w);
        });
      }),
    );
}
