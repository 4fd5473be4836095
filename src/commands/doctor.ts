import type { Command } from 'commander';
import { runDoctor } from '../core/health/doctor.js';
import { ObjectRegistry } from '../core/org/objects.js';
import { action, outcome } from '../cli/action.js';
import { EXIT } from '../cli/exit-codes.js';

export function register(program: Command): void {
  program
    .command('doctor')
    .description('check the org file: integrity, foreign keys, schema, orphaned records, size, unfinished work')
    .action(
      action((ctx) => {
        const db = ctx.openDb({ readonly: true });
        const report = runDoctor(db, new ObjectRegistry(db));
        return outcome(
          report,
          (ui, r) => {
            for (const c of r.checks) ui.line(`${c.ok ? ui.c.green('✔') : ui.c.red('✘')} ${c.name.padEnd(13)} ${c.summary}`);
            ui.line(ui.c.dim(`org ${(r.size.orgBytes / 1024).toFixed(0)} KiB, WAL ${(r.size.walBytes / 1024).toFixed(0)} KiB, ${r.size.backups} backup(s) ${(r.size.backupBytes / 1024).toFixed(0)} KiB`));
            ui.line(ui.c.dim(Object.entries(r.counts).map(([k, v]) => `${k} ${v}`).join(' · ')));
            ui.line(r.ok ? 'The org is healthy.' : 'Problems found. Restore a backup (crmctl backup list; crmctl restore <file>) or fix the records named above.');
          },
          report.ok ? EXIT.success : EXIT.failure,
        );
      }),
    );
}
