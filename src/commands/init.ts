import type { Command } from 'commander';
import { initOrg, type InitResult } from '../core/org/init.js';
import { action } from '../cli/action.js';

interface InitOptions {
  company?: string;
  admin?: string;
  adminEmail?: string;
  timezone?: string;
  locale?: string;
  currency?: string;
  fiscalStartMonth?: string;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('create an org and its first System Administrator in the --db file')
    .option('--company <name>', 'company name')
    .option('--admin <username>', "the administrator's login name")
    .option('--admin-email <email>', "the administrator's e-mail")
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Riga (default: this machine’s)')
    .option('--locale <locale>', 'locale for dates and numbers, e.g. fi-FI (default en-US)')
    .option('--currency <code>', 'ISO 4217 currency, e.g. EUR (default USD)')
    .option('--fiscal-start-month <1-12>', 'first month of the fiscal year (default 1)')
    .action(
      action(async (ctx, options: InitOptions) => {
        const company = options.company ?? (await ctx.prompt.input('Company name', { flag: '--company <name>' }));
        const admin = options.admin ?? (await ctx.prompt.input("Administrator's username", { flag: '--admin <username>', default: 'admin' }));
        const db = ctx.openDb({ create: true });
        const result = await initOrg(db, {
          company,
          admin,
          adminEmail: options.adminEmail,
          timezone: options.timezone,
          locale: options.locale,
          currency: options.currency,
          fiscalStartMonth: options.fiscalStartMonth,
        });
        return { result: { db: ctx.dbPath, ...result }, render: renderInit };
      }),
    );
}

function renderInit(ui: import('../cli/ui.js').Ui, result: InitResult & { db: string }): void {
  ui.ok(`Created the org ${ui.c.bold(result.org.company)} in ${result.db}`);
  ui.keyValues([
    ['Time zone', result.org.timezone],
    ['Locale', result.org.locale],
    ['Currency', result.org.currency],
    ['Fiscal year starts', monthName(result.org.fiscalStartMonth)],
    ['Administrator', `${result.admin.username} <${result.admin.email}>`],
    ['Temporary password', result.admin.temporaryPassword],
  ]);
  ui.line();
  ui.line(ui.c.dim('The temporary password is shown once and must be changed at first login (crmctl passwd).'));
  ui.line(`Next: ${ui.c.cyan('crmctl guide')} walks you through setting up the org.`);
}

export function monthName(month: number): string {
  return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
}
