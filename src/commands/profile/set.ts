import type { Command } from 'commander';
import { Option } from 'commander';
import { setProfilePermissions, PERMISSION_NAMES, type PermissionName } from '../../core/security/profiles.js';
import { action, outcome } from '../../cli/action.js';

const FLAGS: [PermissionName, string][] = [
  ['read', 'read'],
  ['create', 'create'],
  ['edit', 'edit'],
  ['delete', 'delete'],
  ['viewAll', 'view-all'],
  ['modifyAll', 'modify-all'],
];

export function register(profile: Command): void {
  const command = profile
    .command('set <profile> <object>')
    .description('grant (--edit) or remove (--no-edit) object permissions of a custom profile: profile set "Sales Rep" lead --read --create --edit');
  for (const [, flag] of FLAGS) {
    command.addOption(new Option(`--${flag}`, `grant ${flag.replace('-', ' ')}`));
    command.addOption(new Option(`--no-${flag}`, `remove ${flag.replace('-', ' ')}`));
  }
  command.action(
    action((ctx, options: Partial<Record<PermissionName, boolean>>, name: string, object: string) => {
      const changes: Partial<Record<PermissionName, boolean>> = {};
      for (const key of PERMISSION_NAMES) if (options[key] !== undefined) changes[key] = options[key];
      return outcome(setProfilePermissions(ctx.session(), name, object, changes), (ui, r) => {
        ui.ok(`${r.profile} on ${r.object}:`);
        for (const [key, flag] of FLAGS) {
          const mark = r.to[key] === r.from[key] ? '' : r.to[key] ? ' (granted)' : ' (removed)';
          ui.line(`  ${flag.padEnd(10)} ${r.to[key] ? 'yes' : 'no'}${mark}`);
        }
      });
    }),
  );
}
