import type { Command } from 'commander';
import { showProfile, type ProfileDetail } from '../../core/security/profiles.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

export function renderProfile(ui: Ui, p: ProfileDetail): void {
  ui.heading(`${p.name}${p.isCustom ? ' (custom)' : ''}`);
  if (p.description) ui.line(ui.c.dim(p.description));
  ui.table(
    [{ key: 'object' }, { key: 'read' }, { key: 'create' }, { key: 'edit' }, { key: 'delete' }, { key: 'viewAll', title: 'view all' }, { key: 'modifyAll', title: 'modify all' }],
    p.permissions as unknown as Record<string, unknown>[],
  );
}

export function register(profile: Command): void {
  profile
    .command('show <profile>')
    .description("show a profile's object permissions")
    .action(action((ctx, _options: object, name: string) => outcome(showProfile(ctx.session(), name), renderProfile)));
}
