import type { Command } from 'commander';
import { updateOrgProfile } from '../../core/org/profile.js';
import { action, outcome } from '../../cli/action.js';
import { CrmError } from '../../core/errors.js';
import { renderOrg } from './show.js';

interface SetOptions {
  company?: string;
  timezone?: string;
  locale?: string;
  currency?: string;
  fiscalStartMonth?: string;
}

export function register(org: Command): void {
  org
    .command('set')
    .description('change the company profile or fiscal year start')
    .option('--company <name>', 'company name')
    .option('--timezone <zone>', 'IANA time zone, e.g. Atlantic/Reykjavik')
    .option('--locale <locale>', 'locale, e.g. pt-BR')
    .option('--currency <code>', 'ISO 4217 currency, e.g. BRL')
    .option('--fiscal-start-month <1-12>', 'first month of the fiscal year')
    .action(
      action((ctx, options: SetOptions) => {
        if (Object.values(options).every((v) => v === undefined)) {
          throw new CrmError('USAGE', 'Nothing to change.', {
            hint: 'Pass one or more of --company, --timezone, --locale, --currency, --fiscal-start-month.',
          });
        }
        const result = updateOrgProfile(ctx.session(), options);
        return outcome(result, (ui, r) => {
            const changes = Object.entries(r.changed);
            if (changes.length === 0) ui.line('Nothing changed: the values were already set.');
            for (const [k, v] of changes) ui.ok(`${k}: ${String(v.from)} → ${String(v.to)}`);
            ui.line();
            renderOrg(ui, r.org);
        });
      }),
    );
}
