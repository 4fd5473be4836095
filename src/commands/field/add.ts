import type { Command } from 'commander';
import { addField, CUSTOM_FIELD_TYPES } from '../../core/customize/fields.js';
import { splitList } from '../../core/customize/layouts.js';
import { CrmError } from '../../core/errors.js';
import { action, outcome } from '../../cli/action.js';

interface AddOptions {
  type: string;
  length?: string;
  precision?: string;
  scale?: string;
  values?: string;
  required?: boolean;
  default?: string;
  externalId?: boolean;
}

function integer(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n)) throw new CrmError('USAGE', `${flag} ${text}: expected a whole number.`, { hint: `Example: ${flag} 10` });
  return n;
}

export function register(field: Command): void {
  field
    .command('add <object> <label>')
    .description('add a custom field; its API name comes from the label: field add contact "Customer Tier" --type picklist --values Gold,Silver')
    .requiredOption('--type <type>', CUSTOM_FIELD_TYPES.join('|'))
    .option('--length <n>', 'maximum characters (text: up to 255, default 255)')
    .option('--precision <n>', 'total digits (number, currency, percent; default 18)')
    .option('--scale <n>', 'digits after the decimal point')
    .option('--values <list>', 'picklist values, comma-separated, in display order')
    .option('--required', 'every record must have a value')
    .option('--default <value>', 'value given to new records (and to existing ones now)')
    .option('--external-id', "an id from another system: indexed, usable to match imports")
    .action(
      action((ctx, options: AddOptions, objectName: string, label: string) => {
        const result = addField(ctx.session(), {
          object: objectName,
          label,
          type: options.type,
          length: integer('--length', options.length),
          precision: integer('--precision', options.precision),
          scale: integer('--scale', options.scale),
          values: options.values === undefined ? undefined : splitList(options.values),
          required: options.required,
          defaultValue: options.default,
          externalId: options.externalId,
        });
        return outcome(result, (ui, r) => {
          ui.ok(`Added ${r.object}.${r.field.name} ("${r.field.label}", ${r.field.type})`);
          if (r.filled > 0) ui.line(`${r.filled} existing record(s) got the default value.`);
          for (const w of r.warnings) ui.warn(w);
          ui.line(ui.c.dim(`Set it with: crmctl record create ${r.object.toLowerCase()} --set ${r.field.name}=<value>`));
        });
      }),
    );
}
