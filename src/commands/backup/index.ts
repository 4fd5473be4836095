import type { Command } from 'commander';
import { listBackups, takeBackup } from '../../core/backup/backup.js';
import { action, outcome } from '../../cli/action.js';

export function register(program: Command): void {
  const group = program.command('backup').description('back up the org file (SQLite online backup), or list backups');
  group
    .command('create', { isDefault: true })
    .description('write a consistent copy of the org (default: <db-dir>/backups/<name>-<time>.db)')
    .option('--out <file>', 'where to write the backup')
    .action(
      action(async (ctx, options: { out?: string }) => {
        const db = ctx.openDb();
        const result = await takeBackup(db, { out: options.out === undefined ? undefined : ctx.path(options.out) });
        return outcome(result, (ui, r) => ui.ok(`Backed up ${ctx.dbPath} to ${r.file} (${(r.bytes / 1024).toFixed(0)} KiB). Restore with: crmctl restore ${r.file}`));
      }),
    );
  group
    .command('list')
    .description('backups in <db-dir>/backups, newest first')
    .action(
      action((ctx) => {
        const backups = listBackups(ctx.dbPath);
        return outcome({ backups }, (ui, r) => {
          if (r.backups.length === 0) return ui.line('No backups yet. Try: crmctl backup');
          ui.table([{ key: 'modified' }, { key: 'kind' }, { key: 'size', align: 'right' }, { key: 'file' }], r.backups.map((b) => ({ modified: b.modified.slice(0, 19).replace('T', ' '), kind: b.automatic ? 'automatic' : 'manual', size: `${(b.bytes / 1024).toFixed(0)} KiB`, file: b.file })));
        });
      }),
    );
}
