import type { Command } from 'commander';
import { Option } from 'commander';
import { updateUser } from '../../core/security/users.js';
import { action, outcome } from '../../cli/action.js';

interface UpdateOptions {
  name?: string;
  email?: string;
  profile?: string;
  role?: string;
  manager?: string;
  active?: boolean;
}

export function register(user: Command): void {
  user
    .command('update <username>')
    .description('change a user\'s name, e-mail, profile, role or manager, or reactivate them')
    .option('--name <name>', 'full name')
    .option('--email <email>', 'e-mail address')
    .option('--profile <profile>', 'profile')
    .option('--role <role>', 'role ("" for none)')
    .option('--manager <username>', 'manager ("" for none)')
    .addOption(new Option('--active', 'reactivate the user'))
    .addOption(new Option('--inactive', 'deactivate the user (same as user deactivate)').implies({ active: false }))
    .action(
      action((ctx, options: UpdateOptions & { inactive?: boolean }, username: string) => {
        const { inactive: _inactive, ...changes } = options;
        const result = updateUser(ctx.session(), username, changes);
        return outcome(result, (ui, r) => {
          for (const [field, c] of Object.entries(r.changed)) ui.ok(`${field}: ${String(c.from ?? '(none)')} → ${String(c.to ?? '(none)')}`);
        });
      }),
    );
}
