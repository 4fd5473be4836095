import type { Command } from 'commander';
import { removePicklistValue } from '../../core/customize/picklists.js';
import { action, outcome } from '../../cli/action.js';

export function register(picklist: Command): void {
  picklist
    .command('remove-value <object> <field> <value>')
    .description('deactivate a value: new records cannot choose it, existing records keep it')
    .action(
      action((ctx, _options: object, objectName: string, fieldName: string, value: string) => {
        const result = removePicklistValue(ctx.session(), objectName, fieldName, value);
        return outcome(result, (ui, r) => {
          ui.ok(`Deactivated "${r.value}" in ${r.object}.${r.field}`);
          if (r.recordsKeepingValue > 0) ui.line(`${r.recordsKeepingValue} record(s) keep the value.`);
        });
      }),
    );
}
