import { resolve } from 'node:path';
import { CrmError } from '../core/errors.js';
import { openOrgDb, type OpenOptions, type OrgDb } from '../core/store/database.js';
import { sessionFor, type OrgSession } from '../core/org/session.js';
import type { CliIO } from './io.js';
import { Progress } from './progress.js';
import { Prompter } from './prompts.js';
import { Ui } from './ui.js';

/** Options every command accepts, defined once on the program. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
  yes?: boolean;
  as?: string;
  color?: boolean;
  verbose?: boolean;
}

/**
 * What a command adapter gets: parsed global options, the UI for humans, the
 * prompter (which refuses to prompt when it must not), and org access.
 */
export class CommandContext {
  readonly json: boolean;
  readonly yes: boolean;
  readonly verbose: boolean;
  readonly dbPath: string;
  /** Whether --db or CRMCTL_DB named the file (quickstart uses its own default otherwise). */
  readonly dbGiven: boolean;
  readonly as: string | undefined;
  readonly color: boolean;
  /** Human output (stdout); never used under --json. */
  readonly ui: Ui;
  /** Notes, warnings, progress (stderr). */
  readonly err: Ui;
  readonly prompt: Prompter;
  private readonly opened: OrgDb[] = [];

  constructor(
    readonly io: CliIO,
    options: GlobalOptions,
  ) {
    this.json = options.json === true;
    this.yes = options.yes === true;
    this.verbose = options.verbose === true;
    this.as = options.as;
    const envDb = io.env.CRMCTL_DB === '' ? undefined : io.env.CRMCTL_DB;
    const dbOption = options.db ?? envDb ?? 'crm.db';
    this.dbGiven = options.db !== undefined || envDb !== undefined;
    this.dbPath = dbOption === ':memory:' ? dbOption : resolve(io.cwd, dbOption);
    const noColor = options.color === false || (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') || io.env.TERM === 'dumb';
    this.color = !noColor && (io.env.FORCE_COLOR !== undefined || io.stdout.isTTY === true);
    this.ui = new Ui(io.stdout, this.color);
    this.err = new Ui(io.stderr, !noColor && (io.env.FORCE_COLOR !== undefined || io.stderr.isTTY === true));
    this.prompt = new Prompter(io, this.interactive, this.yes);
  }

  /** Prompts, spinners and wizards only with a terminal on both ends, and never under --json or --yes. */
  get interactive(): boolean {
    return this.io.stdin.isTTY === true && this.io.stderr.isTTY === true && !this.json && !this.yes && this.io.env.CI !== 'true';
  }

  /** Progress display on stderr: only on a terminal and not under --json. */
  progress(label: string, total?: number): Progress {
    const enabled = this.io.stderr.isTTY === true && !this.json;
    return new Progress(this.io.stderr, enabled, label, total);
  }

  path(file: string): string {
    return resolve(this.io.cwd, file);
  }

  openDb(options: OpenOptions = {}): OrgDb {
    const db = openOrgDb(this.dbPath, options);
    this.opened.push(db);
    return db;
  }

  /** Open the org and act as --as (or its first administrator). */
  session(): OrgSession {
    return sessionFor(this.openDb(), { as: this.as });
  }

  close(): void {
    for (const db of this.opened.splice(0)) if (db.open) db.close();
  }

  /** A usage error for a missing value that a prompt would have asked for. */
  missing(flag: string, what: string): CrmError {
    return new CrmError('MISSING_ANSWER', `${what} is needed and crmctl cannot ask here (no terminal, --yes or --json).`, {
      hint: `Pass ${flag}.`,
      details: { flag },
    });
  }
}
