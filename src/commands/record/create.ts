import type { Command } from 'commander';
import { createRecord } from '../../core/records/service.js';
import { action, collect, outcome } from '../../cli/action.js';
import { parseAssignments } from './shared.js';

export function register(record: Command): void {
  record
    .command('create <object>')
    .description('create a record: record create contact --set LastName=Doe --set Email=jd@example.com')
    .option('--set <Field=value>', 'a field value (repeatable)', collect)
    .action(
      action(async (ctx, options: { set?: string[] }, objectName: string) => {
        const session = ctx.session();
        const input = parseAssignments(options.set);
        if (Object.keys(input).length === 0 && ctx.prompt.interactive) {
          const object = session.objects.get(objectName);
          for (const field of object.fields.filter((f) => f.required && !f.readOnly && f.type !== 'picklist')) {
            input[field.name] = await ctx.prompt.input(`${field.label} (${field.name})`, { flag: `--set ${field.name}=<value>` });
          }
        }
        const { id, record: created } = createRecord(session, objectName, input);
        const objectDef = session.objects.get(objectName);
        return outcome({ id, object: objectDef.name, record: created }, (ui, r) => ui.ok(`Created ${r.object} ${r.id}`));
      }),
    );
}
