import type { Command } from 'commander';
import { showImportJob } from '../../core/import/jobs.js';
import { action, outcome } from '../../cli/action.js';

export function register(group: Command): void {
  group
    .command('show <job>')
    .description('what an import job did: counts, files, records created and updated')
    .action(
      action((ctx, _options: object, job: string) =>
        outcome(showImportJob(ctx.session(), job), (ui, j) => {
          ui.heading(`${j.job} ${j.test ? '(test import)' : ''}`);
          ui.keyValues([
            ['Status', j.undoneAt ? `undone at ${j.undoneAt}` : j.status],
            ['Started', j.createdAt],
            ['File', j.file],
            ['Source', j.source],
            ['Object', j.object],
            ['Mode', j.mode],
            ...Object.entries(j.summary ?? {})
              .filter(([k]) => ['rows', 'inserted', 'updated', 'skipped', 'rejected', 'duplicates', 'accountsCreated', 'successFile', 'errorsFile'].includes(k))
              .map(([k, v]): [string, unknown] => [k, v]),
            ...j.created.map((c): [string, unknown] => [`Created ${c.object}`, `${c.count} (${c.firstId} … ${c.lastId})`]),
            ['Records updated', j.updatedRecords],
          ]);
        }),
      ),
    );
}
