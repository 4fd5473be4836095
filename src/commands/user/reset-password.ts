import type { Command } from 'commander';
import { resetPassword } from '../../core/security/users.js';
import { action, outcome } from '../../cli/action.js';
import { renderCredentials } from './shared.js';

export function register(user: Command): void {
  user
    .command('reset-password <username>')
    .description('issue a new temporary password (e-mailed via the outbox unless --no-notify)')
    .option('--no-notify', 'show the temporary password once instead of writing the e-mail')
    .action(
      action(async (ctx, options: { notify: boolean }, username: string) => {
        const result = await resetPassword(ctx.session(), username, options.notify);
        return outcome(result, (ui, r) => {
          ui.ok(`New temporary password for ${r.user.username}; it must be changed at next login.`);
          renderCredentials(ui, r);
        });
      }),
    );
}
