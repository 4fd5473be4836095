import type { Command } from 'commander';
import { listFields } from '../../core/customize/fields.js';
import { action, outcome } from '../../cli/action.js';

export function register(field: Command): void {
  field
    .command('list <object>')
    .description('standard and custom fields of an object, with type, required, label and picklist values')
    .option('--custom', 'only custom fields')
    .action(
      action((ctx, options: { custom?: boolean }, objectName: string) => {
        const result = listFields(ctx.session(), objectName);
        if (options.custom) result.fields = result.fields.filter((f) => f.custom);
        return outcome(result, (ui, r) => {
          ui.table(
            [{ key: 'name', title: 'API name' }, { key: 'label', title: 'Label' }, { key: 'type', title: 'Type' }, { key: 'required', title: 'Required' }, { key: 'notes', title: 'Notes' }],
            r.fields.map((f) => ({
              name: f.name,
              label: f.label,
              type: f.type + (f.length !== undefined && f.type === 'text' ? `(${f.length})` : f.precision !== undefined ? `(${f.precision},${f.scale ?? 0})` : ''),
              required: f.required ? 'yes' : f.layoutRequired ? 'layout' : '',
              notes: [
                f.custom ? 'custom' : '',
                f.readOnly ? 'system' : '',
                f.externalId ? 'external id' : '',
                f.referenceTo ? `→ ${f.referenceTo.join('/')}` : '',
                f.defaultValue !== undefined ? `default ${f.defaultValue}` : '',
                f.picklistValues ? f.picklistValues.filter((v) => v.isActive).map((v) => v.value).join('; ') : '',
              ]
                .filter(Boolean)
                .join(', '),
            })),
          );
          ui.line(ui.c.dim(`${r.fields.length} field(s) on ${r.object}`));
        });
      }),
    );
}
