import type { Command } from 'commander';
import { addUser } from '../../core/security/users.js';
import { profileList } from '../../core/security/profiles.js';
import { action, outcome } from '../../cli/action.js';
import { renderCredentials } from './shared.js';

interface AddOptions {
  name?: string;
  email?: string;
  profile?: string;
  role?: string;
  manager?: string;
  notify: boolean;
}

export function register(user: Command): void {
  user
    .command('add <username>')
    .description('add a user with a temporary password (e-mailed via the outbox unless --no-notify)')
    .option('--name <name>', 'full name, e.g. "Anna Bērziņa"')
    .option('--email <email>', 'e-mail address')
    .option('--profile <profile>', 'profile, e.g. "Standard User"')
    .option('--role <role>', 'role in the hierarchy')
    .option('--manager <username>', "the user's manager")
    .option('--no-notify', 'do not write the welcome e-mail now; show the temporary password once instead')
    .action(
      action(async (ctx, options: AddOptions, username: string) => {
        const session = ctx.session();
        const name = options.name ?? (await ctx.prompt.input('Full name', { flag: '--name <name>' }));
        const email = options.email ?? (await ctx.prompt.input('E-mail', { flag: '--email <email>' }));
        const profile =
          options.profile ??
          (await ctx.prompt.select(
            'Profile',
            profileList(session).map((p) => ({ name: p.name, value: p.name, description: p.description ?? undefined })),
            { flag: '--profile <profile>', default: 'Standard User' },
          ));
        const result = await addUser(session, { username, name, email, profile, role: options.role, manager: options.manager, notify: options.notify });
        return outcome(result, (ui, r) => {
          ui.ok(`Added ${r.user.username} (${r.user.profile}${r.user.role ? `, ${r.user.role}` : ''})`);
          renderCredentials(ui, r);
        });
      }),
    );
}
