import type { Command } from 'commander';
import { userList } from '../../core/security/users.js';
import { action, outcome } from '../../cli/action.js';

export function register(user: Command): void {
  user
    .command('list')
    .description('list users with their profile, role and status')
    .action(
      action((ctx) => {
        const users = userList(ctx.session());
        return outcome({ count: users.length, users }, (ui, r) => {
          ui.table(
            [{ key: 'username' }, { key: 'name' }, { key: 'email' }, { key: 'profile' }, { key: 'role' }, { key: 'manager' }, { key: 'isActive', title: 'active' }],
            r.users as unknown as Record<string, unknown>[],
          );
          ui.line(ui.c.dim(`${r.count} user(s)`));
        });
      }),
    );
}
