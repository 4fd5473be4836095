import type { Command } from 'commander';
import { removeField } from '../../core/customize/fields.js';
import { action, outcome } from '../../cli/action.js';
import { backupBeforeDestructive } from '../../cli/backup.js';

export function register(field: Command): void {
  field
    .command('remove <object> <field>')
    .description('remove a custom field; its values are backed up in the org (table field_backup) first')
    .option('--no-backup', 'do not back up the org file first')
    .action(
      action(async (ctx, options: { backup?: boolean }, objectName: string, fieldName: string) => {
        const session = ctx.session();
        const object = session.objects.get(objectName);
        const field = session.objects.requireField(object, fieldName);
        if (!(await ctx.prompt.confirm(`Remove ${object.name}.${field.name} ("${field.label}")? Its values are backed up first.`))) {
          return outcome({ object: object.name, name: field.name, removed: false as const }, (ui) => ui.line('Cancelled; nothing removed.'));
        }
        const fileBackup = await backupBeforeDestructive(ctx, session.db, `field-remove-${field.name}`, options.backup);
        const result = removeField(session, object.name, field.name);
        return outcome({ ...result, removed: true as const, fileBackup }, (ui, r) => {
          ui.ok(`Removed ${r.object}.${r.name} ("${r.label}")`);
          ui.line(`Backup: ${r.backup.values} value(s) in table ${r.backup.table}, id ${r.backup.id}, of ${r.backup.db}`);
        });
      }),
    );
}
