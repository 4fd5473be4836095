import type { Command } from 'commander';
import { claimLead } from '../../core/leads/claim.js';
import { action, outcome } from '../../cli/action.js';

export function register(lead: Command): void {
  lead
    .command('claim <id>')
    .description('take a lead from a queue you belong to (first come, first served)')
    .action(
      action((ctx, _options: object, id: string) => {
        const result = claimLead(ctx.session(), id);
        return outcome(result, (ui, r) =>
          ui.ok(`You own ${r.leadId} now (from the queue ${r.queue}); open leads you own: ${r.openLeadsOwned}${r.claimLimit === null ? '' : ` of ${r.claimLimit}`}`),
        );
      }),
    );
}
