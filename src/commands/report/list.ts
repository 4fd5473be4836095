import type { Command } from 'commander';
import { listReports } from '../../core/reports/engine.js';
import { action, outcome } from '../../cli/action.js';

export function register(report: Command): void {
  report
    .command('list')
    .description('the standard reports and the custom reports saved in this org')
    .action(
      action((ctx) => {
        const reports = listReports(ctx.session());
        return outcome({ reports }, (ui, r) => {
          ui.table(
            [{ key: 'name', title: 'Report' }, { key: 'kind', title: 'Kind' }, { key: 'description', title: 'What it shows' }],
            r.reports.map((x) => ({ ...x })),
          );
          ui.line(ui.c.dim('Run one with: crmctl report run <name> [--period this-quarter] [--chart]'));
        });
      }),
    );
}
