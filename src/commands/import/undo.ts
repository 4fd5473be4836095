import type { Command } from 'commander';
import { undoImportJob } from '../../core/import/jobs.js';
import { action, outcome } from '../../cli/action.js';
import { backupBeforeDestructive } from '../../cli/backup.js';

export function register(group: Command): void {
  group
    .command('undo <job>')
    .description('delete exactly what an import created and restore what it updated')
    .option('--dry-run', 'show what would be undone, change nothing')
    .option('--no-backup', 'do not back up the org first')
    .action(
      action(async (ctx, options: { dryRun?: boolean; backup?: boolean }, job: string) => {
        const session = ctx.session();
        if (!options.dryRun && !(await ctx.prompt.confirm(`Undo ${job}? Records it created are deleted and updated records get their old values back.`))) {
          return outcome({ job, cancelled: true }, (ui) => ui.line('Cancelled; nothing changed.'));
        }
        const backup = options.dryRun ? null : await backupBeforeDestructive(ctx, session.db, `undo-${job}`, options.backup);
        const result = undoImportJob(session, job, { dryRun: options.dryRun === true });
        return outcome({ ...result, cancelled: false, backup }, (ui, r) => {
          const deleted = Object.entries(r.deleted).map(([o, n]) => `${n} ${o}`).join(', ') || 'nothing';
          ui.ok(`${r.dryRun ? 'Would undo' : 'Undid'} ${r.job}: deleted ${deleted}; restored ${r.restored} updated record(s).`);
          if (r.missing.length > 0) ui.warn(`${r.missing.length} record(s) it had updated were deleted since; nothing to restore for them.`);
        });
      }),
    );
}
