import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initOrg, type InitInput } from '../../src/core/org/init.js';
import { sessionFor, type OrgSession, type SessionOptions } from '../../src/core/org/session.js';
import { openOrgDb, type OrgDb } from '../../src/core/store/database.js';
import { MemoryStream, type CliIO } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run.js';
import { Readable } from 'node:stream';

/** Cheap scrypt for tests only: the real CLI always uses OWASP's parameters. */
export const TEST_SCRYPT_COST = { N: 1024, r: 8, p: 1 };

/** A fixed clock so dates in tests are repeatable. */
export const FIXED_NOW = new Date('2026-11-23T10:00:00.000Z');

export interface TestOrg {
  db: OrgDb;
  session: OrgSession;
  /** A new session on the same db, acting as another user. */
  as(username?: string, options?: SessionOptions): OrgSession;
}

/** An org in in-memory SQLite, initialised with an admin called "admin". */
export async function memoryOrg(input: Partial<InitInput> = {}, now: Date = FIXED_NOW): Promise<TestOrg> {
  const db = openOrgDb(':memory:');
  await initOrg(db, { company: 'Acme', admin: 'admin', ...input }, { cost: TEST_SCRYPT_COST, now });
  const make = (username?: string, options: SessionOptions = {}) => sessionFor(db, { as: username, now: () => now, ...options });
  return { db, session: make(), as: make };
}

const tempDirs: string[] = [];

/** A fresh folder under the OS temp folder, removed after the test file (test/helpers/setup.ts). */
export function tempDir(prefix = 'crmctl-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Run the CLI in-process with captured output (no terminal unless `tty`). */
export async function cli(argv: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string; tty?: boolean } = {}): Promise<CliRun> {
  const stdout = new MemoryStream(options.tty ?? false);
  const stderr = new MemoryStream(options.tty ?? false);
  const stdin = Readable.from(options.stdin === undefined ? [] : [options.stdin]) as CliIO['stdin'];
  (stdin as { isTTY?: boolean }).isTTY = options.tty ?? false;
  const io: CliIO = { stdout, stderr, stdin, env: { ...(options.env ?? {}) }, cwd: options.cwd ?? process.cwd() };
  const code = await runCli(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text, json: <T>() => JSON.parse(stdout.text) as T };
}

/** A new org file in a temp folder, made with `crmctl init`, and a runner for commands against it. */
export async function cliOrg(): Promise<{ dir: string; db: string; run: (...args: string[]) => Promise<CliRun> }> {
  const dir = tempDir();
  const db = join(dir, 'org.db');
  const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });
  await run('init', '--company', 'Acme', '--admin', 'admin');
  return { dir, db, run };
}
