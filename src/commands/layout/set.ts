import type { Command } from 'commander';
import { parseSection, setLayout, splitList } from '../../core/customize/layouts.js';
import { CrmError } from '../../core/errors.js';
import { action, collect, outcome } from '../../cli/action.js';
import { renderLayout } from './show.js';

interface SetOptions {
  required?: string;
  order?: string;
  section?: string[];
}

export function register(layout: Command): void {
  layout
    .command('set <object>')
    .description('set required fields, field order and sections: layout set contact --required Email,Phone --section "Reach:Email,Phone"')
    .option('--required <fields>', 'fields required on entry, comma-separated ("" clears)')
    .option('--order <fields>', 'the order interactive entry asks for fields')
    .option('--section <"Name:f1,f2">', 'a section and its fields (repeatable; also sets the order unless --order is given)', collect)
    .action(
      action((ctx, options: SetOptions, objectName: string) => {
        if (options.required === undefined && options.order === undefined && options.section === undefined) {
          throw new CrmError('USAGE', 'Nothing to set.', { hint: 'Pass --required, --order and/or --section.' });
        }
        const result = setLayout(ctx.session(), {
          object: objectName,
          required: options.required === undefined ? undefined : splitList(options.required),
          order: options.order === undefined ? undefined : splitList(options.order),
          sections: options.section?.map(parseSection),
        });
        return outcome(result, (ui, r) => {
          ui.ok(`Saved the ${r.object} page layout`);
          renderLayout(ui, r);
        });
      }),
    );
}
