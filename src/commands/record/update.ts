import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { updateRecord } from '../../core/records/service.js';
import { action, collect, outcome } from '../../cli/action.js';
import { parseAssignments } from './shared.js';

export function register(record: Command): void {
  record
    .command('update <object> <id>')
    .description('change fields of a record: record update contact <id> --set Title=CEO')
    .option('--set <Field=value>', 'a field value (repeatable; Field= clears it)', collect)
    .action(
      action((ctx, options: { set?: string[] }, objectName: string, id: string) => {
        const input = parseAssignments(options.set);
        if (Object.keys(input).length === 0) {
          throw new CrmError('USAGE', 'Nothing to update.', { hint: 'Pass --set Field=value (repeatable).' });
        }
        const result = updateRecord(ctx.session(), objectName, id, input);
        return outcome(result, (ui, r) => {
          const changes = Object.entries(r.changed);
          if (changes.length === 0) ui.line(`Nothing changed: ${r.id} already had those values.`);
          else for (const [field, c] of changes) ui.ok(`${field}: ${String(c.from ?? '(empty)')} → ${String(c.to ?? '(empty)')}`);
        });
      }),
    );
}
