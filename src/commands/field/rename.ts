import type { Command } from 'commander';
import { renameField } from '../../core/customize/fields.js';
import { action, outcome } from '../../cli/action.js';

export function register(field: Command): void {
  field
    .command('rename <object> <field> <label>')
    .description('change a custom field\'s label; its API name (used by mappings and reports) stays')
    .action(
      action((ctx, _options: object, objectName: string, fieldName: string, label: string) => {
        const result = renameField(ctx.session(), objectName, fieldName, label);
        return outcome(result, (ui, r) => ui.ok(`${r.object}.${r.name}: "${r.oldLabel}" → "${r.label}"`));
      }),
    );
}
