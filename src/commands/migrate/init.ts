import type { Command } from 'commander';
import { initPlan } from '../../core/migrate/init.js';
import { action, outcome } from '../../cli/action.js';

export function register(group: Command): void {
  group
    .command('init <folder>')
    .description('write a commented starter plan (plan.yaml here) from the export files in a folder')
    .option('--out <file>', 'plan file to write', 'plan.yaml')
    .option('--force', 'overwrite an existing plan file')
    .action(
      action(async (ctx, options: { out: string; force?: boolean }, folder: string) => {
        const result = await initPlan(ctx.session(), ctx.path(folder), ctx.path(options.out), { force: options.force === true });
        return outcome(result, (ui, r) => {
          ui.ok(`Wrote ${r.plan}`);
          for (const s of r.steps) {
            ui.line(`  ${s.name}: ${s.file} → ${s.object} (${s.source}, ${s.rows} rows), upsert on ${s.matchOn} — ${s.key}`);
            for (const l of s.lookups) ui.line(`      lookup ${l}`);
          }
          for (const s of r.skipped) ui.warn(`${s.file} skipped: ${s.reason}`);
          ui.line(ui.c.dim(`  Next: crmctl migrate ${options.out} --dry-run`));
        });
      }),
    );
}
