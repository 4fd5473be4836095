import { Command, CommanderError, Option } from 'commander';
import { CrmError, isCrmError } from '../core/errors.js';
import { attachState, type RunState } from './action.js';
import { EXIT, EXIT_BY_KIND } from './exit-codes.js';
import type { CliIO } from './io.js';
import { COMMANDS } from './registry.js';
import { Ui } from './ui.js';

const VERSION = '0.1.0';

/** Build the program with the global options every command shares. */
function buildProgram(io: CliIO, state: RunState): Command {
  const program = new Command('crmctl');
  program
    .description("A CRM administrator's terminal companion: set up an org, migrate contacts, keep the data clean.")
    .version(VERSION, '-V, --version')
    .option('--db <file>', 'org database file (default ./crm.db, or $CRMCTL_DB)')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('-y, --yes', 'never prompt; a missing answer is a usage error naming its flag')
    .option('--as <username>', "act as this user (default: the org's first administrator)")
    .addOption(new Option('--no-color', 'no colours (also NO_COLOR=1)'))
    .option('--verbose', 'show stack traces and details on errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(s),
    });
  attachState(program, state);
  return program;
}

const GLOBAL_WITH_VALUE = new Set(['--db', '--as']);

/** The first word that is not an option: the top-level command being run. */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (arg.startsWith('-')) {
      if (GLOBAL_WITH_VALUE.has(arg)) i++;
      continue;
    }
    return arg;
  }
  return undefined;
}

/** Run crmctl with these arguments; returns the exit code. Never calls process.exit. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const state: RunState = { io, exitCode: 0 };
  const program = buildProgram(io, state);
  const word = commandWord(argv);
  const entry = COMMANDS.find((c) => c.name === word);
  const wantsJson = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  try {
    if (entry) {
      (await entry.load()).register(program);
    } else {
      // Top-level help or an unknown command: list everything without loading it.
      for (const c of COMMANDS) program.command(c.name).description(c.summary).allowUnknownOption().helpOption(false);
      if (word === undefined && !argv.some((a) => ['-h', '--help', '-V', '--version'].includes(a))) {
        program.outputHelp();
        return EXIT.usage;
      }
      if (word !== undefined && word !== 'help') {
        throw new CrmError('USAGE', `Unknown command "${word}".`, { hint: 'Run crmctl --help to see the commands.' });
      }
    }
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return reportError(error, io, wantsJson, verbose);
  }
}

/** SQLite's own errors, in words an admin can act on. */
function fromSqliteError(error: unknown): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new CrmError('BUSY', 'The org is busy: another crmctl process is writing to it, and it did not finish within 10 seconds. Nothing was changed by this command.', {
      hint: 'Run the command again when the other one has finished.',
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new CrmError('FAILURE', `The org file is damaged (${(error as Error).message}).`, {
      hint: 'Run crmctl doctor for details; restore a backup with crmctl backup list and crmctl restore <file>.',
      cause: error,
    });
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new CrmError('FAILURE', 'The disk is full; the command stopped and its changes were rolled back.', { hint: 'Free some space and run it again.', cause: error });
  }
  return error;
}

function reportError(error: unknown, io: CliIO, json: boolean, verbose: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.success;
    // Commander has already printed its message to stderr.
    if (json) io.stdout.write(JSON.stringify({ error: { code: 'USAGE', message: error.message.replace(/^error: /, '') } }, null, 2) + '\n');
    return EXIT.usage;
  }
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') return EXIT.success;
  error = fromSqliteError(error);
  const color = io.stderr.isTTY === true && !io.env.NO_COLOR;
  const ui = new Ui(io.stderr, color);
  if (isCrmError(error)) {
    const exit = EXIT_BY_KIND[error.kind];
    if (json) {
      const body: Record<string, unknown> = { code: error.code, message: error.message, exitCode: exit };
      if (error.hint) body.hint = error.hint;
      if (error.details) body.details = error.details;
      io.stdout.write(JSON.stringify({ error: body }, null, 2) + '\n');
    }
    ui.line(`${ui.c.red('error')} ${error.message}`);
    if (error.hint) ui.line(`${ui.c.dim('hint')}  ${error.hint}`);
    if (verbose && error.stack) ui.line(ui.c.dim(error.stack));
    return exit;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (json) io.stdout.write(JSON.stringify({ error: { code: 'FAILURE', message, exitCode: EXIT.failure } }, null, 2) + '\n');
  ui.line(`${ui.c.red('error')} ${message}`);
  ui.line(`${ui.c.dim('hint')}  This is unexpected; rerun with --verbose and report the output.`);
  if (verbose && error instanceof Error && error.stack) ui.line(ui.c.dim(error.stack));
  return EXIT.failure;
}
