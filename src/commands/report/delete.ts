import type { Command } from 'commander';
import { deleteReport } from '../../core/reports/custom.js';
import { action, outcome } from '../../cli/action.js';

export function register(report: Command): void {
  report
    .command('delete <name>')
    .description('delete a saved custom report (its definition stays in the audit log)')
    .action(
      action((ctx, _options: object, name: string) => {
        const result = deleteReport(ctx.session(), name);
        return outcome(result, (ui, r) => ui.ok(`Deleted report ${r.name}`));
      }),
    );
}
