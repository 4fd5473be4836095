import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { getRecordById, updateRecord } from '../../core/records/service.js';
import { action, collect, outcome } from '../../cli/action.js';
import { parseAssignments } from './shared.js';
import { askFieldsInLayoutOrder } from '../layout/entry.js';

export function register(record: Command): void {
  record
    .command('update <object> <id>')
    .description('change fields of a record: record update contact <id> --set Title=CEO')
    .option('--set <Field=value>', 'a field value (repeatable; Field= clears it)', collect)
    .action(
      action(async (ctx, options: { set?: string[] }, objectName: string, id: string) => {
        let input = parseAssignments(options.set);
        const nothing = () => new CrmError('USAGE', 'Nothing to update.', { hint: 'Pass --set Field=value (repeatable).' });
        if (Object.keys(input).length === 0 && !ctx.prompt.interactive) throw nothing();
        const session = ctx.session();
        if (Object.keys(input).length === 0) {
          // On a terminal with no --set: walk the layout's fields, current values as defaults.
          input = await askFieldsInLayoutOrder(ctx.prompt, session, objectName, getRecordById(session, objectName, id));
          if (Object.keys(input).length === 0) throw nothing();
        }
        const result = updateRecord(session, objectName, id, input);
        return outcome(result, (ui, r) => {
          const changes = Object.entries(r.changed);
          if (changes.length === 0) ui.line(`Nothing changed: ${r.id} already had those values.`);
          else for (const [field, c] of changes) ui.ok(`${field}: ${String(c.from ?? '(empty)')} → ${String(c.to ?? '(empty)')}`);
        });
      }),
    );
}
