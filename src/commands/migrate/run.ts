import type { Command } from 'commander';
import { runMigration, type MigrationResult } from '../../core/migrate/run.js';
import { action, outcome } from '../../cli/action.js';
import { EXIT } from '../../cli/exit-codes.js';
import type { Ui } from '../../cli/ui.js';

interface RunOptions {
  dryRun?: boolean;
  only?: string;
  from?: string;
  resume?: boolean;
}

export function register(group: Command): void {
  group
    .command('run <plan>', { isDefault: true })
    .description('run every step of a plan file as one migration: crmctl migrate plan.yaml [--dry-run | --resume]')
    .option('--dry-run', 'run the whole plan, then roll everything back: the org is unchanged')
    .option('--only <step>', 'run just this step')
    .option('--from <step>', 'run this step and the ones after it')
    .option('--resume', 'continue the interrupted run of this plan from the first step it did not commit')
    .action(
      action(async (ctx, options: RunOptions, plan: string) => {
        const session = ctx.session();
        const progress = ctx.progress(options.dryRun ? 'Dry run' : 'Migrating');
        let current = 0;
        try {
          const result = await runMigration(session, ctx.path(plan), {
            dryRun: options.dryRun === true,
            only: options.only,
            from: options.from,
            resume: options.resume === true,
            // Counting rows costs one extra read per file: only worth it when someone watches the bar.
            countRows: ctx.io.stderr.isTTY === true && !ctx.json,
            onProgress: (p) => {
              // One bar for the whole plan: rate and ETA over all files, the label says which step runs.
              if (p.step !== current) {
                current = p.step;
                progress.setLabel(`Step ${p.step} of ${p.steps}: ${p.name} (${p.object})`, p.planRows);
              }
              progress.set(p.planRows === undefined ? p.rows : p.planDone);
            },
          });
          return outcome(result, renderMigration, result.totals.rejected > 0 ? EXIT.rejected : EXIT.success);
        } finally {
          progress.stop();
        }
      }),
    );
}

export function renderMigration(ui: Ui, r: MigrationResult): void {
  const title = r.dryRun ? 'Dry run (nothing was changed)' : `Migration ${r.migration}${r.resumed ? ' (resumed)' : ''}`;
  ui.heading(`${title}${r.name ? `: ${r.name}` : ''} — ${r.plan}`);
  if (r.fieldsCreated.length > 0) ui.line(`  fields ${r.dryRun ? 'that would be ' : ''}created: ${r.fieldsCreated.join(', ')}`);
  ui.table(
    [{ key: 'step' }, { key: 'object' }, { key: 'rows', align: 'right' }, { key: 'inserted', align: 'right' }, { key: 'updated', align: 'right' }, { key: 'skipped', align: 'right' }, { key: 'rejected', align: 'right' }, { key: 'lookups missed', align: 'right' }, { key: 'job' }],
    r.steps.map((s) => ({
      step: s.status === 'already-done' ? `${s.name} (done before)` : s.name,
      object: s.object,
      rows: s.rows,
      inserted: s.inserted,
      updated: s.updated,
      skipped: s.skipped,
      rejected: s.rejected > 0 ? ui.c.red(String(s.rejected)) : 0,
      'lookups missed': s.lookupMisses,
      job: s.job ?? '',
    })),
  );
  ui.line(`  ${r.totals.rows} rows in ${r.seconds.toFixed(1)} s (${r.rowsPerSecond} rows/s) · inserted ${r.totals.inserted} · updated ${r.totals.updated} · rejected ${r.totals.rejected}${r.totals.parentsCreated ? ` · parents created ${r.totals.parentsCreated}` : ''}`);
  for (const s of r.steps) if (s.rejected > 0) ui.line(`  ${ui.c.red(s.name)}: ${s.rejected} rejected — see ${s.errorsFile}`);
  for (const w of [...r.warnings, ...r.steps.flatMap((s) => s.warnings)].slice(0, 8)) ui.warn(w);
  if (!r.dryRun) ui.line(ui.c.dim(`  Undo the whole migration with: crmctl migrate undo ${r.migration}`));
}
