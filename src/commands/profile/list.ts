import type { Command } from 'commander';
import { profileList } from '../../core/security/profiles.js';
import { action, outcome } from '../../cli/action.js';

export function register(profile: Command): void {
  profile
    .command('list')
    .description('list profiles (standard and custom) and how many users hold each')
    .action(
      action((ctx) => {
        const profiles = profileList(ctx.session());
        return outcome({ count: profiles.length, profiles }, (ui, r) =>
          ui.table(
            [{ key: 'name' }, { key: 'isCustom', title: 'custom' }, { key: 'userCount', title: 'users', align: 'right' }, { key: 'description' }],
            r.profiles as unknown as Record<string, unknown>[],
          ),
        );
      }),
    );
}
