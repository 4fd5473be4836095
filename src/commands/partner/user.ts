import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { addPartnerUser, type PartnerLevel } from '../../core/partners/index.js';
import { action, outcome } from '../../cli/action.js';

const LEVELS: PartnerLevel[] = ['user', 'manager', 'executive'];

export function register(partner: Command): void {
  const user = partner.command('user').description('partner users');
  user
    .command('add <contact-id>')
    .description("give a partner account's contact a login (Partner Community User profile, temporary password)")
    .option('--level <level>', 'user, manager or executive', 'user')
    .option('--username <name>', "login name (default: the contact's e-mail)")
    .option('--no-notify', 'do not write the welcome e-mail; show the temporary password once instead')
    .action(
      action(async (ctx, options: { level: string; username?: string; notify: boolean }, contactId: string) => {
        const level = LEVELS.find((l) => l === options.level.toLowerCase());
        if (!level) throw new CrmError('USAGE', `--level ${options.level}: expected user, manager or executive.`, { hint: 'Example: --level manager' });
        const result = await addPartnerUser(ctx.session(), { contactId, level, username: options.username, notify: options.notify });
        return outcome(result, (ui, r) => {
          ui.ok(`Added partner user ${r.username} (${r.account}, ${r.role})`);
          if (r.temporaryPassword) ui.line(`  temporary password (shown once): ${r.temporaryPassword}`);
          if (r.notification) ui.line(`  welcome e-mail: ${r.notification.file}`);
        });
      }),
    );
}
