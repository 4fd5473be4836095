import type { Command } from 'commander';
import { auditTrail } from '../core/security/audit.js';
import { CrmError } from '../core/errors.js';
import { action, outcome } from '../cli/action.js';

export function register(program: Command): void {
  program
    .command('audit')
    .description('the setup audit trail: who changed which user, role, profile or sharing setting, when, old → new')
    .option('--limit <n>', 'at most this many entries (newest first)', '100')
    .option('--action <prefix>', 'only actions starting with this, e.g. user or sharing.set')
    .action(
      action((ctx, options: { limit: string; action?: string }) => {
        const limit = Number(options.limit);
        if (!Number.isInteger(limit) || limit <= 0) throw new CrmError('USAGE', `--limit ${options.limit}: expected a positive whole number.`, { hint: 'Example: --limit 50' });
        const entries = auditTrail(ctx.session(), { limit, action: options.action });
        return outcome({ count: entries.length, entries }, (ui, r) => {
          ui.table(
            [{ key: 'at' }, { key: 'actor' }, { key: 'action' }, { key: 'target' }, { key: 'oldValue', title: 'old' }, { key: 'newValue', title: 'new' }],
            r.entries as unknown as Record<string, unknown>[],
          );
        });
      }),
    );
}
