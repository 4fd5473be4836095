import type { Command } from 'commander';
import { CommandContext, type GlobalOptions } from './context.js';
import type { OrgSession } from '../core/org/session.js';
import { logCommand } from '../core/store/org.js';
import type { CliIO } from './io.js';
import type { Ui } from './ui.js';

/** What a command returns: the typed result (printed as JSON under --json) and how to show it to a person. */
export interface Outcome<R> {
  result: R;
  render?: (ui: Ui, result: R) => void;
  /** Non-zero when the command finished but some rows were rejected (3). */
  exitCode?: number;
}

export interface RunState {
  io: CliIO;
  exitCode: number;
}

const STATE = Symbol('crmctl.run-state');

export function attachState(program: Command, state: RunState): void {
  (program as unknown as Record<symbol, RunState>)[STATE] = state;
}

function stateOf(command: Command): RunState {
  let root: Command = command;
  while (root.parent) root = root.parent;
  return (root as unknown as Record<symbol, RunState>)[STATE]!;
}

/**
 * Wrap a command handler: build the context from the global options, run,
 * print exactly one JSON document (or the human view), and close the org.
 * Errors propagate to the one handler in run.ts that maps them to exit codes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command picks its own result type, and may return several
type AnyOutcome = Outcome<any>;

export function action<A extends unknown[], O>(
  handler: (ctx: CommandContext, options: O, ...args: A) => Promise<AnyOutcome> | AnyOutcome,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args.at(-1) as Command;
    const options = command.opts() as O;
    const positional = args.slice(0, -2) as A;
    const state = stateOf(command);
    const ctx = new CommandContext(state.io, command.optsWithGlobals() as GlobalOptions);
    const acting = recordActingUser(ctx);
    try {
      const outcome = await handler(ctx, options, ...positional);
      if (ctx.json) state.io.stdout.write(JSON.stringify(outcome.result, null, 2) + '\n');
      else outcome.render?.(ctx.ui, outcome.result);
      state.exitCode = outcome.exitCode ?? 0;
    } finally {
      // A dry run promises an org left byte-for-byte as it was: not even a log line.
      if ((options as { dryRun?: unknown }).dryRun !== true) logCommandRun(acting.session, commandPath(command));
      ctx.close();
    }
  };
}

/** Collect a repeatable option (`--set A=1 --set B=2`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Build an Outcome with the render callback typed from the result. */
export function outcome<R>(result: R, render?: (ui: Ui, result: R) => void, exitCode?: number): Outcome<R> {
  return { result, ...(render ? { render } : {}), ...(exitCode === undefined ? {} : { exitCode }) };
}

/** Remember the first org session a command opens, so its run can be logged with the acting user. */
function recordActingUser(ctx: CommandContext): { session: OrgSession | undefined } {
  const acting: { session: OrgSession | undefined } = { session: undefined };
  const open = ctx.session.bind(ctx);
  ctx.session = () => {
    const session = open();
    acting.session ??= session;
    return session;
  };
  return acting;
}

/** "report run", "record create": the command words only, never arguments (they may hold personal data). */
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) words.unshift(c.name());
  return words.join(' ');
}

/** command_log feeds the adoption dashboard; a failure to log must never fail the command itself. */
function logCommandRun(session: OrgSession | undefined, command: string): void {
  if (!session || !session.db.open) return;
  try {
    // A long import may hold the write lock; a report must not wait the full busy timeout just to log itself.
    session.db.pragma('busy_timeout = 250');
    logCommand(session.db, session.now().toISOString(), session.actor.id, command);
  } catch {
    // e.g. the org file is read-only or locked by another writer: the command's own work is done.
  }
}
