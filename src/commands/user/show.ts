import type { Command } from 'commander';
import { showUser } from '../../core/security/users.js';
import { action, outcome } from '../../cli/action.js';
import { renderUser } from './shared.js';

export function register(user: Command): void {
  user
    .command('show <username>')
    .description("show a user's profile, role, manager and login status")
    .action(action((ctx, _options: object, username: string) => outcome(showUser(ctx.session(), username), renderUser)));
}
