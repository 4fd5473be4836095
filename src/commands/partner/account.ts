import type { Command } from 'commander';
import { enablePartnerAccount } from '../../core/partners/index.js';
import { action, outcome } from '../../cli/action.js';

export function register(partner: Command): void {
  const account = partner.command('account').description('partner accounts');
  account
    .command('enable <account-id>')
    .description("make an account a partner account: partner roles (Executive > Manager > User) under its owner's role")
    .action(
      action((ctx, _options: object, accountId: string) => {
        const result = enablePartnerAccount(ctx.session(), accountId);
        return outcome(result, (ui, r) => {
          ui.ok(`${r.account} is a partner account (channel manager ${r.channelManager})`);
          ui.line(`  roles: ${r.roles.executive} > ${r.roles.manager} > ${r.roles.user}`);
          ui.line(ui.c.dim('Next: crmctl partner user add <contact-id> [--level manager]'));
        });
      }),
    );
}
