import type { Command } from 'commander';
import { runQuickstart } from '../core/demo/quickstart.js';
import { action, outcome } from '../cli/action.js';
import { renderStatus } from './guide/status.js';

export const QUICKSTART_DB = 'crm-quickstart.db';

export function register(program: Command): void {
  program
    .command('quickstart')
    .description(`build a demonstration org (default ./${QUICKSTART_DB}) from the shipped fixtures and show the main job end to end`)
    .action(
      action(async (ctx) => {
        const path = ctx.dbGiven ? ctx.dbPath : ctx.path(QUICKSTART_DB);
        const live = !ctx.json;
        const result = await runQuickstart(path, (step) => {
          if (live) ctx.ui.ok(step.summary);
        });
        return outcome(result, (ui, r) => {
          ui.line();
          renderStatus(ui, r.guide);
          ui.line();
          ui.line(`The demonstration org is in ${r.db}. Look around:`);
          ui.line(`  crmctl --db ${r.db} record list contact`);
          ui.line(`  crmctl --db ${r.db} org show`);
        });
      }),
    );
}
