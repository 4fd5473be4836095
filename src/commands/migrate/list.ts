import type { Command } from 'commander';
import { listMigrationRuns } from '../../core/migrate/jobs.js';
import { action, outcome } from '../../cli/action.js';

export function register(group: Command): void {
  group
    .command('list')
    .description('list migrations, newest first')
    .action(
      action((ctx) =>
        outcome({ migrations: listMigrationRuns(ctx.session()) }, (ui, r) => {
          if (r.migrations.length === 0) return ui.line('No migrations yet. Try: crmctl migrate init <folder>');
          ui.table(
            [{ key: 'migration' }, { key: 'started' }, { key: 'status' }, { key: 'steps', align: 'right' }, { key: 'inserted', align: 'right' }, { key: 'rejected', align: 'right' }, { key: 'plan' }],
            r.migrations.map((m) => ({
              migration: m.migration,
              started: m.startedAt.slice(0, 16).replace('T', ' '),
              status: m.status,
              steps: m.steps.length,
              inserted: m.steps.reduce((a, s) => a + s.inserted, 0),
              rejected: m.steps.reduce((a, s) => a + s.rejected, 0),
              plan: m.plan,
            })),
          );
        }),
      ),
    );
}
