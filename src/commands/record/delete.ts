import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { deleteRecords, listRecordsFor } from '../../core/records/service.js';
import { action, outcome } from '../../cli/action.js';
import { backupBeforeDestructive } from '../../cli/backup.js';

export function register(record: Command): void {
  record
    .command('delete <object> [ids...]')
    .description('delete records (kept in the recycle bin); by id or --where')
    .option('--where <filter>', "delete every record matching, e.g. \"LeadSource = 'Purchased List'\"")
    .option('--no-backup', 'with --where: do not back up the org first')
    .action(
      action(async (ctx, options: { where?: string; backup?: boolean }, objectName: string, ids: string[]) => {
        const session = ctx.session();
        let targets = ids;
        if (options.where !== undefined) {
          if (ids.length > 0) throw new CrmError('USAGE', 'Give ids or --where, not both.', { hint: 'Drop the ids or the --where option.' });
          targets = listRecordsFor(session, objectName, { where: options.where }).map((r) => String(r.Id));
          if (targets.length > 0 && !(await ctx.prompt.confirm(`Delete ${targets.length} ${objectName} record(s) matching ${options.where}?`))) {
            return outcome({ object: objectName, deleted: [] as string[], cancelled: true }, (ui) => ui.line('Cancelled; nothing deleted.'));
          }
        }
        if (targets.length === 0 && options.where === undefined) {
          throw new CrmError('USAGE', 'Which records? Give one or more ids, or --where.', { hint: `Example: crmctl record delete ${objectName} <id>` });
        }
        const backup = options.where !== undefined && targets.length > 0 ? await backupBeforeDestructive(ctx, session.db, `delete-${objectName}`, options.backup) : null;
        const result = deleteRecords(session, objectName, targets);
        return outcome({ object: session.objects.get(objectName).name, deleted: result.deleted, cancelled: false, backup }, (ui, r) =>
          ui.ok(`Deleted ${r.deleted.length} ${r.object} record(s); they are kept in the recycle bin.`),
        );
      }),
    );
}
