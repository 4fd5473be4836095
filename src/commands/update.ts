import type { Command } from 'commander';
import { updateFromFile } from '../core/import/update-from.js';
import { action, outcome } from '../cli/action.js';
import { EXIT } from '../cli/exit-codes.js';
import { renderSummary } from './import/run.js';

export function register(program: Command): void {
  program
    .command('update <object>')
    .description('apply an edited export back by Id (the Excel round trip): crmctl update contact --from contacts.xlsx')
    .requiredOption('--from <file>', 'a CSV or XLSX file written by crmctl export and edited')
    .option('--sheet <name|n>', 'spreadsheet sheet by name or number')
    .option('--dry-run', 'show what would change; change nothing')
    .option('--success <file>', 'success file (default next to the input)')
    .option('--errors <file>', 'error file (default next to the input)')
    .action(
      action(async (ctx, options: { from: string; sheet?: string; dryRun?: boolean; success?: string; errors?: string }, objectName: string) => {
        const result = await updateFromFile(
          ctx.session(),
          {
            object: objectName,
            file: ctx.path(options.from),
            sheet: options.sheet,
            dryRun: options.dryRun,
            successFile: options.success === undefined ? undefined : ctx.path(options.success),
            errorsFile: options.errors === undefined ? undefined : ctx.path(options.errors),
          },
          ctx.io.cwd,
        );
        return outcome(
          result,
          (ui, r) => {
            renderSummary(ui, r);
            if (r.ignoredColumns.length > 0) ui.warn(`Columns not applied (read-only or not fields): ${r.ignoredColumns.join(', ')}`);
          },
          result.rejected > 0 ? EXIT.rejected : EXIT.success,
        );
      }),
    );
}
