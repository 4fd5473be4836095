import type { Command } from 'commander';
import { showMigration } from '../../core/migrate/jobs.js';
import { action, outcome } from '../../cli/action.js';

export function register(group: Command): void {
  group
    .command('show <migration>')
    .description('what a migration did: its steps, their import jobs and counts')
    .action(
      action((ctx, _options: object, migration: string) =>
        outcome(showMigration(ctx.session(), migration), (ui, m) => {
          ui.heading(`${m.migration}${m.name ? `: ${m.name}` : ''}`);
          ui.keyValues([
            ['Status', m.undoneAt ? `undone at ${m.undoneAt}` : m.status],
            ['Plan', m.plan],
            ['Started', m.startedAt],
            ['Finished', m.finishedAt ?? ''],
            ...(m.error ? [['Error', m.error] as [string, unknown]] : []),
          ]);
          ui.table([{ key: 'step' }, { key: 'job' }, { key: 'object' }, { key: 'inserted', align: 'right' }, { key: 'updated', align: 'right' }, { key: 'rejected', align: 'right' }], m.steps);
        }),
      ),
    );
}
