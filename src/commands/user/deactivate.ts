import type { Command } from 'commander';
import { deactivateUser } from '../../core/security/users.js';
import { action, outcome } from '../../cli/action.js';

export function register(user: Command): void {
  user
    .command('deactivate <username>')
    .description('deactivate a user: they keep their records but can no longer act or log in')
    .action(
      action((ctx, _options: object, username: string) =>
        outcome(deactivateUser(ctx.session(), username), (ui, r) =>
          r.alreadyInactive ? ui.line(`${r.user.username} was already deactivated.`) : ui.ok(`Deactivated ${r.user.username}; their records keep them as owner.`),
        ),
      ),
    );
}
