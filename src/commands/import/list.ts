import type { Command } from 'commander';
import { listImportJobs } from '../../core/import/jobs.js';
import { action, outcome } from '../../cli/action.js';

export function register(group: Command): void {
  group
    .command('list')
    .description('list import jobs, newest first')
    .action(
      action((ctx) => {
        const jobs = listImportJobs(ctx.session(), 'import');
        return outcome({ jobs }, (ui, r) => {
          if (r.jobs.length === 0) return ui.line('No imports yet. Try: crmctl import <file> --object contact --dry-run');
          ui.table(
            [{ key: 'job' }, { key: 'when' }, { key: 'object' }, { key: 'source' }, { key: 'kind' }, { key: 'inserted', align: 'right' }, { key: 'updated', align: 'right' }, { key: 'rejected', align: 'right' }, { key: 'status' }, { key: 'file' }],
            r.jobs.map((j) => ({
              job: j.job,
              when: j.createdAt.slice(0, 16).replace('T', ' '),
              object: j.object,
              source: j.source,
              kind: j.test ? 'test' : 'full',
              inserted: j.summary?.inserted ?? '',
              updated: j.summary?.updated ?? '',
              rejected: j.summary?.rejected ?? '',
              status: j.status,
              file: j.file,
            })),
          );
        });
      }),
    );
}
