import type { Command } from 'commander';
import { getLayout, type PageLayout } from '../../core/customize/layouts.js';
import type { Ui } from '../../cli/ui.js';
import { action, outcome } from '../../cli/action.js';

export function renderLayout(ui: Ui, layout: PageLayout): void {
  ui.heading(`${layout.object} page layout${layout.customized ? '' : ' (default)'}`);
  ui.keyValues([
    ['Required', layout.required.join(', ') || '(none beyond the fields\' own)'],
    ['Order', layout.order.join(', ')],
  ]);
  for (const section of layout.sections) ui.line(`  ${ui.c.bold(section.name)}: ${section.fields.join(', ')}`);
}

export function register(layout: Command): void {
  layout
    .command('show <object>')
    .description('the layout in force for an object')
    .action(
      action((ctx, _options: object, objectName: string) => {
        const result = getLayout(ctx.session(), objectName);
        return outcome(result, renderLayout);
      }),
    );
}
