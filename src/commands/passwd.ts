import type { Command } from 'commander';
import { CrmError } from '../core/errors.js';
import { requireOrg } from '../core/org/session.js';
import { authenticate, changeOwnPassword } from '../core/security/users.js';
import { action, outcome } from '../cli/action.js';
import { SecretReader } from './login.js';

export function register(program: Command): void {
  program
    .command('passwd [username]')
    .description('change your own password (current, then new: from prompts or two lines of stdin)')
    .action(
      action(async (ctx, _options: object, username: string | undefined) => {
        const who = username ?? ctx.as;
        if (who === undefined) throw new CrmError('USAGE', 'Whose password? Pass the username (or --as).', { hint: 'Example: crmctl passwd jane.doe' });
        const db = ctx.openDb();
        requireOrg(db);
        const secrets = new SecretReader(ctx);
        const current = await secrets.next('Current password', `The current password of ${who}`);
        const { user } = await authenticate(db, who, current, new Date());
        const next = await secrets.next('New password', 'The new password (the second line of stdin)', true);
        await changeOwnPassword(db, user, current, next, new Date());
        return outcome({ username: user.username, passwordChanged: true }, (ui, r) => ui.ok(`Password changed for ${r.username}.`));
      }),
    );
}
