import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { enablePartners } from '../../core/partners/index.js';
import { partnerChannelEnabledAt } from '../../core/partners/settings.js';
import { action, outcome } from '../../cli/action.js';
import { createInterface } from 'node:readline';
import type { CliIO } from '../../cli/io.js';

const IRREVERSIBLE = 'Partner relationship management cannot be disabled once enabled.';

/** One typed line (canonical terminal input; the answer is not secret), or '' at end of input. */
async function askLine(io: CliIO, question: string): Promise<string> {
  io.stderr.write(question);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

export function register(partner: Command): void {
  partner
    .command('enable')
    .description('enable partner relationship management — IRREVERSIBLE: needs --yes, and on a terminal the company name typed')
    .action(
      action(async (ctx) => {
        const session = ctx.session();
        if (!ctx.yes) {
          throw new CrmError('USAGE', `Enabling partners is irreversible. ${IRREVERSIBLE}`, { hint: 'If you are sure: crmctl partner enable --yes' });
        }
        const onTerminal = ctx.io.stdin.isTTY === true && ctx.io.stderr.isTTY === true && !ctx.json && ctx.io.env.CI !== 'true';
        if (onTerminal && !partnerChannelEnabledAt(session.db)) {
          // --yes is not enough by hand: typing the company name proves which org this is.
          const typed = await askLine(ctx.io, `${IRREVERSIBLE}\nType the company name (${session.org.company}) to enable it: `);
          if (typed.trim() !== session.org.company) {
            throw new CrmError('USAGE', `"${typed.trim()}" is not the company name; nothing was changed.`, { hint: `Type exactly: ${session.org.company}` });
          }
        }
        const result = enablePartners(session);
        return outcome({ ...result, note: IRREVERSIBLE }, (ui, r) => {
          if (r.alreadyEnabled) ui.line(`Partner relationship management has been enabled since ${r.enabledAt}.`);
          else ui.ok(`Partner relationship management is enabled (profile "${r.profile}" created).`);
          ui.warn(IRREVERSIBLE);
          ui.line(ui.c.dim('Next: crmctl partner account enable <account-id>'));
        });
      }),
    );
}
