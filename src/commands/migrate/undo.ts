import type { Command } from 'commander';
import { undoMigration } from '../../core/migrate/jobs.js';
import { action, outcome } from '../../cli/action.js';

export function register(group: Command): void {
  group
    .command('undo <migration>')
    .description('undo every step of a migration, last step first, in one transaction')
    .option('--dry-run', 'show what would be undone, change nothing')
    .action(
      action(async (ctx, options: { dryRun?: boolean }, migration: string) => {
        const session = ctx.session();
        if (!options.dryRun && !(await ctx.prompt.confirm(`Undo ${migration}? Every record it created is deleted and updated records get their old values back.`))) {
          return outcome({ migration, cancelled: true }, (ui) => ui.line('Cancelled; nothing changed.'));
        }
        const result = undoMigration(session, migration, { dryRun: options.dryRun === true });
        return outcome({ ...result, cancelled: false }, (ui, r) => {
          const deleted = Object.entries(r.deleted).map(([o, n]) => `${n} ${o}`).join(', ') || 'nothing';
          ui.ok(`${r.dryRun ? 'Would undo' : 'Undid'} ${r.migration}: deleted ${deleted}; restored ${r.restored} updated record(s).`);
          for (const s of r.steps) ui.line(`  ${s.step} (${s.job}): deleted ${Object.entries(s.deleted).map(([o, n]) => `${n} ${o}`).join(', ') || 'nothing'}, restored ${s.restored}`);
          if (r.alreadyUndone.length > 0) ui.warn(`Already undone on their own: ${r.alreadyUndone.join(', ')}`);
        });
      }),
    );
}
