import type { Command } from 'commander';
import { explainAccess } from '../../core/security/explain.js';
import { action, outcome } from '../../cli/action.js';

export function register(program: Command): void {
  const access = program.command('access').description('why a user can or cannot see and edit a record');
  access
    .command('explain <username> <object> <id>')
    .description('explain read and edit access: access explain jane contact 003000000000001')
    .action(
      action((ctx, _options: object, username: string, object: string, id: string) => {
        const explanation = explainAccess(ctx.session(), username, object, id);
        return outcome({ read: explanation.read, edit: explanation.edit, reasons: explanation.reasons, username: explanation.username, object: explanation.object, id: explanation.id }, (ui, r) => {
          ui.heading(`${r.username} on ${r.object} ${r.id}: ${r.edit ? 'read and edit' : r.read ? 'read only' : 'no access'}`);
          for (const reason of r.reasons) ui.line(`  ${reason.grants === 'none' ? ui.c.yellow('✘') : ui.c.green('✔')} ${reason.text}`);
        });
      }),
    );
}
