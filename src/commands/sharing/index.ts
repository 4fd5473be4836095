import type { Command } from 'commander';
import { setSharing, showSharing, type SharingDefault } from '../../core/security/sharing.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

function renderDefaults(ui: Ui, defaults: SharingDefault[]): void {
  ui.table([{ key: 'object' }, { key: 'label', title: 'default access' }], defaults as unknown as Record<string, unknown>[]);
}

export function register(program: Command): void {
  const sharing = program.command('sharing').description('org-wide sharing defaults: who sees records they do not own');
  sharing
    .command('show')
    .description('show the org-wide defaults (a new org is Public Read/Write, like Salesforce)')
    .action(action((ctx) => outcome(showSharing(ctx.session()), (ui, r) => renderDefaults(ui, r.defaults))));
  sharing
    .command('set <assignments...>')
    .description('set defaults: sharing set account=private contact=controlled-by-parent opportunity=private lead=read-write')
    .action(
      action((ctx, _options: object, assignments: string[]) =>
        outcome(setSharing(ctx.session(), assignments), (ui, r) => {
          if (r.changed.length === 0) ui.line('Nothing changed: those were already the defaults.');
          for (const c of r.changed) ui.ok(`${c.object}: ${c.from} → ${c.to}`);
          renderDefaults(ui, r.defaults);
        }),
      ),
    );
}
