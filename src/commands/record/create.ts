import type { Command } from 'commander';
import { createRecord } from '../../core/records/service.js';
import { action, collect, outcome } from '../../cli/action.js';
import { parseAssignments } from './shared.js';
import { askFieldsInLayoutOrder } from '../layout/entry.js';

export function register(record: Command): void {
  record
    .command('create <object>')
    .description('create a record: record create contact --set LastName=Doe --set Email=jd@example.com')
    .option('--set <Field=value>', 'a field value (repeatable)', collect)
    .action(
      action(async (ctx, options: { set?: string[] }, objectName: string) => {
        const session = ctx.session();
        const input = parseAssignments(options.set);
        // On a terminal with no --set: ask in page-layout order, insisting on layout-required fields.
        const entered = Object.keys(input).length === 0 && ctx.prompt.interactive ? await askFieldsInLayoutOrder(ctx.prompt, session, objectName) : input;
        const { id, record: created } = createRecord(session, objectName, entered);
        const objectDef = session.objects.get(objectName);
        return outcome({ id, object: objectDef.name, record: created }, (ui, r) => ui.ok(`Created ${r.object} ${r.id}`));
      }),
    );
}
