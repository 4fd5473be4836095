import type { Command } from 'commander';
import { addPicklistValue, listPicklist, setDefaultPicklistValue } from '../../core/customize/picklists.js';
import { CrmError } from '../../core/errors.js';
import { action, outcome } from '../../cli/action.js';

interface AddOptions {
  probability?: string;
  forecastCategory?: string;
  closed?: boolean;
  won?: boolean;
  default?: boolean;
}

export function register(picklist: Command): void {
  picklist
    .command('add-value <object> <field> <value>')
    .description('add a value (e.g. picklist add-value account Rating Lukewarm); --default on an existing value makes it the default')
    .option('--probability <n>', 'Opportunity stages: probability 0-100')
    .option('--forecast-category <category>', 'Opportunity stages: Pipeline, Best Case, Commit, Closed or Omitted')
    .option('--closed', 'Opportunity stages: a closing (lost) stage')
    .option('--won', 'Opportunity stages: a won stage')
    .option('--default', 'make it the default value')
    .action(
      action((ctx, options: AddOptions, objectName: string, fieldName: string, value: string) => {
        const session = ctx.session();
        const probability = options.probability === undefined ? undefined : Number(options.probability);
        if (probability !== undefined && Number.isNaN(probability)) throw new CrmError('USAGE', `--probability ${options.probability}: expected a number.`, { hint: 'Example: --probability 40' });
        const existing = listPicklist(session, objectName, fieldName).values.find((v) => v.isActive && v.value.toLowerCase() === value.trim().toLowerCase());
        if (existing && options.default) {
          const list = setDefaultPicklistValue(session, objectName, fieldName, existing.value);
          return outcome({ object: list.object, field: list.field, value: list.values.find((v) => v.value === existing.value)!, reactivated: false }, (ui, r) =>
            ui.ok(`${r.object}.${r.field}: "${r.value.value}" is now the default`),
          );
        }
        const result = addPicklistValue(session, {
          object: objectName,
          field: fieldName,
          value,
          probability,
          forecastCategory: options.forecastCategory,
          closed: options.closed,
          won: options.won,
          makeDefault: options.default,
        });
        return outcome(result, (ui, r) => ui.ok(`${r.reactivated ? 'Reactivated' : 'Added'} "${r.value.value}" in ${r.object}.${r.field}${r.value.isDefault ? ' (default)' : ''}`));
      }),
    );
}
