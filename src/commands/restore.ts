import type { Command } from 'commander';
import { restoreOrgFile, takeBackup, verifyBackupFile } from '../core/backup/backup.js';
import { action, outcome } from '../cli/action.js';

export function register(program: Command): void {
  program
    .command('restore <file>')
    .description('replace the org with a backup (the current org is backed up first unless --no-backup)')
    .option('--no-backup', 'do not back up the current org first')
    .action(
      action(async (ctx, options: { backup?: boolean }, file: string) => {
        const source = ctx.path(file);
        const info = verifyBackupFile(source);
        if (!(await ctx.prompt.confirm(`Replace the org in ${ctx.dbPath} with the backup of "${info.company}" from ${source}?`))) {
          return outcome({ restored: false, cancelled: true }, (ui) => ui.line('Cancelled; nothing changed.'));
        }
        let safety: string | undefined;
        const db = ctx.openDb();
        if (options.backup !== false) safety = (await takeBackup(db, { reason: 'restore' })).file;
        ctx.close();
        restoreOrgFile(ctx.dbPath, source);
        // Open once so a restored older schema is migrated now, not by the next command.
        ctx.openDb();
        return outcome({ restored: true, cancelled: false, from: source, company: info.company, backupOfPrevious: safety ?? null }, (ui, r) => {
          ui.ok(`Restored "${r.company}" from ${r.from}.`);
          if (r.backupOfPrevious) ui.line(`The org as it was before is in ${r.backupOfPrevious}.`);
        });
      }),
    );
}
