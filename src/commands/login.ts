import type { Command } from 'commander';
import { CrmError } from '../core/errors.js';
import { requireOrg } from '../core/org/session.js';
import { authenticate, changeOwnPassword, recordLogin } from '../core/security/users.js';
import { action, outcome } from '../cli/action.js';
import type { CommandContext } from '../cli/context.js';

/**
 * Where passwords come from: a hidden prompt on a terminal, or the lines of
 * stdin when piped (one secret per line). Never argv: it lands in shell
 * history and `ps`.
 */
export class SecretReader {
  private piped: string[] | undefined;

  constructor(private readonly ctx: CommandContext) {}

  private async pipedLines(): Promise<string[]> {
    if (this.piped === undefined) {
      let text = '';
      for await (const chunk of this.ctx.io.stdin) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
      this.piped = text.split(/\r?\n/);
      if (this.piped.at(-1) === '') this.piped.pop();
    }
    return this.piped;
  }

  /** The next secret; `confirm` asks twice on a terminal (for new passwords). */
  async next(message: string, what: string, confirm = false): Promise<string> {
    if (this.ctx.io.stdin.isTTY === true) {
      if (!this.ctx.interactive) {
        throw new CrmError('MISSING_ANSWER', `${what} is needed and crmctl cannot ask here (--yes, --json or no terminal on stderr).`, {
          hint: 'Run without --yes/--json to be asked, or pipe it on stdin (one per line); never pass passwords as arguments.',
        });
      }
      const first = await this.ctx.prompt.password(message, { flag: 'stdin' });
      if (confirm && (await this.ctx.prompt.password(`Repeat ${message.toLowerCase()}`, { flag: 'stdin' })) !== first) {
        throw new CrmError('USAGE', 'The two entries differ; nothing was changed.', { hint: 'Run the command again and type the same password twice.' });
      }
      return first;
    }
    const line = (await this.pipedLines()).shift();
    if (line === undefined || line === '') {
      throw new CrmError('MISSING_ANSWER', `${what} is needed: crmctl reads it from a terminal prompt or from stdin, and stdin had none.`, {
        hint: 'Pipe it on stdin, one per line (e.g. from a password manager); never pass passwords as arguments.',
      });
    }
    return line;
  }
}

export function register(program: Command): void {
  program
    .command('login <username>')
    .description('log in as a user: checks the password and, at first login, sets a new one (password from a prompt or stdin)')
    .action(
      action(async (ctx, _options: object, username: string) => {
        const db = ctx.openDb();
        requireOrg(db);
        const secrets = new SecretReader(ctx);
        const password = await secrets.next('Password', `The password of ${username}`);
        const { user, mustChangePassword } = await authenticate(db, username, password, new Date());
        if (mustChangePassword) {
          const newPassword = await secrets.next('New password', 'A new password (required at first login; the second line of stdin)', true);
          await changeOwnPassword(db, user, password, newPassword, new Date());
        }
        recordLogin(db, user, new Date());
        return outcome({ username: user.username, loggedIn: true, passwordChanged: mustChangePassword }, (ui, r) =>
          ui.ok(`Logged in as ${r.username}${r.passwordChanged ? '; your new password is set' : ''}.`),
        );
      }),
    );
}
