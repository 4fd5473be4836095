import type { Command } from 'commander';
import { cloneProfile } from '../../core/security/profiles.js';
import { action, outcome } from '../../cli/action.js';
import { renderProfile } from './show.js';

export function register(profile: Command): void {
  profile
    .command('clone <source> <name>')
    .description('copy a profile and its permissions into a new custom profile: profile clone "Standard User" "Sales Rep"')
    .option('--description <text>', 'what the profile is for')
    .action(
      action((ctx, options: { description?: string }, source: string, name: string) =>
        outcome(cloneProfile(ctx.session(), source, name, options.description), (ui, p) => {
          ui.ok(`Created the profile ${p.name}`);
          renderProfile(ui, p);
        }),
      ),
    );
}
