import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { setClaimLimit } from '../../core/partners/index.js';
import { action, outcome } from '../../cli/action.js';

export function register(partner: Command): void {
  const set = partner.command('set').description('partner settings');
  set
    .command('claim-limit <n>')
    .description('most open leads a partner user may own when claiming from queues (0 = no limit)')
    .action(
      action((ctx, _options: object, text: string) => {
        const n = Number(text);
        if (!Number.isInteger(n) || n < 0) throw new CrmError('USAGE', `claim-limit ${text}: expected a whole number (0 = no limit).`, { hint: 'Example: crmctl partner set claim-limit 5' });
        const result = setClaimLimit(ctx.session(), n);
        return outcome(result, (ui, r) => ui.ok(r.claimLimit === null ? 'Partners may claim any number of leads.' : `Partners may own at most ${r.claimLimit} open leads when claiming.`));
      }),
    );
}
