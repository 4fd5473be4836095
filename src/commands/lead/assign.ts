import type { Command } from 'commander';
import { assignLeads } from '../../core/leads/assignment.js';
import { action, outcome } from '../../cli/action.js';
import { renderAssignments } from './shared.js';

export function register(lead: Command): void {
  lead
    .command('assign')
    .description("run the assignment rules on existing unconverted leads: lead assign --where \"LeadSource = 'Trade Show'\"")
    .option('--where <filter>', 'only these leads (default: every unconverted lead you may edit)')
    .action(
      action((ctx, options: { where?: string }) => {
        const result = assignLeads(ctx.session(), options.where);
        return outcome(result, renderAssignments);
      }),
    );
}
