import { CrmError } from '../core/errors.js';
import type { CliIO } from './io.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/**
 * Arrow-key prompts on stderr, only when interactive. Otherwise every
 * question either has its answer from a flag or fails as a usage error
 * naming that flag, so scripts never hang waiting for input.
 */
export class Prompter {
  constructor(
    private readonly io: CliIO,
    readonly interactive: boolean,
    private readonly yes: boolean,
  ) {}

  private get context() {
    return { input: this.io.stdin as NodeJS.ReadableStream, output: this.io.stderr as unknown as NodeJS.WritableStream };
  }

  private refuse(flag: string, question: string): CrmError {
    return new CrmError('MISSING_ANSWER', `crmctl needs an answer to "${question}" but cannot ask here (no terminal, --yes or --json).`, {
      hint: `Pass ${flag}.`,
      details: { flag },
    });
  }

  /** Yes/no: under --yes the answer is yes; without a terminal, a usage error naming --yes. */
  async confirm(message: string, options: { default?: boolean; flag?: string } = {}): Promise<boolean> {
    if (this.yes) return true;
    if (!this.interactive) throw this.refuse(options.flag ?? '--yes', message);
    const { confirm } = await import('@inquirer/prompts');
    return confirm({ message, default: options.default ?? false }, this.context);
  }

  async input(message: string, options: { flag: string; default?: string; validate?: (v: string) => true | string }): Promise<string> {
    if (!this.interactive) throw this.refuse(options.flag, message);
    const { input } = await import('@inquirer/prompts');
    return input(
      { message, ...(options.default === undefined ? {} : { default: options.default }), ...(options.validate ? { validate: options.validate } : {}) },
      this.context,
    );
  }

  async select<T>(message: string, choices: Choice<T>[], options: { flag: string; default?: T }): Promise<T> {
    if (!this.interactive) throw this.refuse(options.flag, message);
    const { select } = await import('@inquirer/prompts');
    return select({ message, choices, ...(options.default === undefined ? {} : { default: options.default }), pageSize: 15 }, this.context);
  }

  async password(message: string, options: { flag: string }): Promise<string> {
    if (!this.interactive) throw this.refuse(options.flag, message);
    const { password } = await import('@inquirer/prompts');
    return password({ message, mask: '*' }, this.context);
  }
}
