import type { Command } from 'commander';
import { dataQualityDashboard } from '../../core/dashboards/data-quality.js';
import { action, outcome } from '../../cli/action.js';
import { bar } from '../report/render.js';

export function register(dashboard: Command): void {
  dashboard
    .command('data-quality')
    .description('per field: blank rate and stored values that fail validation; accounts without contacts')
    .option('--object <object>', 'check one object only')
    .option('--all-fields', 'list every field, not only those with blanks or invalid values')
    .action(
      action((ctx, options: { object?: string; allFields?: boolean }) => {
        const result = dataQualityDashboard(ctx.session(), { object: options.object });
        return outcome(result, (ui, r) => {
          for (const object of r.objects) {
            ui.heading(`${object.object}: ${object.records} record(s)`);
            const shown = object.fields.filter((f) => options.allFields || f.blank > 0 || f.invalid > 0);
            ui.table(
              [
                { key: 'field', title: 'Field' },
                { key: 'blank', title: 'Blank', align: 'right' },
                { key: 'rate', title: 'Blank %', align: 'right' },
                { key: 'bar', title: '' },
                { key: 'invalid', title: 'Invalid', align: 'right' },
                { key: 'example', title: 'Example of an invalid value' },
              ],
              shown.map((f) => ({
                field: f.required ? `${f.field} *` : f.field,
                blank: f.blank,
                rate: f.blankRate,
                bar: bar(f.blankRate, 100, 20),
                invalid: f.invalid || '',
                example: f.invalidExamples[0] ? `${f.invalidExamples[0].id}: ${f.invalidExamples[0].problem}` : '',
              })),
            );
            ui.line();
          }
          if (r.accountsWithoutContacts !== undefined) ui.line(`Accounts without contacts: ${r.accountsWithoutContacts}`);
          if (r.duplicates) for (const d of r.duplicates) ui.line(`Duplicate groups in ${d.object}: ${d.groups} (${d.records} records)`);
          ui.line(ui.c.dim('* required field'));
          for (const note of r.notes) ui.line(ui.c.dim(note));
        });
      }),
    );
}
