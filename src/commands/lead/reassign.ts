import type { Command } from 'commander';
import { reassignLeads } from '../../core/leads/assignment.js';
import { action, outcome } from '../../cli/action.js';
import { renderAssignments } from './shared.js';

export function register(lead: Command): void {
  lead
    .command('reassign [ids...]')
    .description("give leads to a user or a queue: lead reassign <id...> | --where \"Country = 'Finland'\" --to user:<u> | queue:<q>")
    .option('--where <filter>', 'the leads to move (instead of ids)')
    .option('--to <owner>', 'user:<username> or queue:<queue name>')
    .option('--notify', 'e-mail the new owner (or the queue members) via the outbox')
    .action(
      action((ctx, options: { where?: string; to?: string; notify?: boolean }, ids: string[]) => {
        if (options.to === undefined) throw ctx.missing('--to user:<username>|queue:<queue>', 'The new owner');
        const result = reassignLeads(ctx.session(), { ids, where: options.where, to: options.to, notify: options.notify });
        return outcome(result, renderAssignments);
      }),
    );
}
