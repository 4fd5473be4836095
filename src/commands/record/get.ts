import type { Command } from 'commander';
import { getRecordById } from '../../core/records/service.js';
import { action, outcome } from '../../cli/action.js';
import { renderRecord } from './shared.js';

export function register(record: Command): void {
  record
    .command('get <object> <id>')
    .description('show one record with all its fields')
    .action(
      action((ctx, _options: object, objectName: string, id: string) => {
        const session = ctx.session();
        const object = session.objects.get(objectName);
        const found = getRecordById(session, objectName, id);
        return outcome(found, (ui, r) => renderRecord(ui, object, r));
      }),
    );
}
