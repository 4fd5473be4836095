import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

/** Helpers for the kill -9 tests: spawn the real binary, kill it at a chosen moment, inspect the org file. */

export const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));
const GENERATOR = pathToFileURL(fileURLToPath(new URL('../../bench/import/generate-outlook.mjs', import.meta.url))).href;

export interface Generator {
  writeOutlookFile(file: string, rows: number, seed?: number): Promise<string[]>;
  outlookRows(count: number, seed?: number): { next(): string[] | undefined };
}

/** The bench generator (it imports dist/, which `npm test` builds first). */
export async function outlookGenerator(): Promise<Generator> {
  return (await import(GENERATOR)) as Generator;
}

export function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', CRMCTL_DB: '', ...extra };
}

export function runSync(args: string[], cwd: string, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: env(extra), maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export interface Killed {
  /** The process exited on its own before the moment came (the test cannot then prove anything). */
  finishedFirst: boolean;
  signal: NodeJS.Signals | null;
}

const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

/**
 * Starts crmctl and sends SIGKILL as soon as `file` has grown beyond `bytes` (polled every few
 * milliseconds): the moment is tied to the command's own progress, not to the machine's speed.
 */
export async function killWhenFileGrows(args: string[], cwd: string, file: string, bytes: number, extra: Record<string, string> = {}): Promise<Killed> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(extra), stdio: 'ignore' });
  const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (_code, signal) => resolve({ signal })));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && sizeOf(file) <= bytes) await new Promise((r) => setTimeout(r, 3));
  if (done) return { finishedFirst: true, signal: null };
  child.kill('SIGKILL');
  const { signal } = await exited;
  return { finishedFirst: false, signal };
}

export function spawnCrmctl(args: string[], cwd: string, extra: Record<string, string> = {}): { child: ChildProcess; result: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: env(extra) });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const result = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, result };
}

/** Opens the org the way the next crmctl run would (replaying the WAL a killed process left behind). */
export function inspect<T>(dbFile: string, read: (db: Database.Database) => T): T {
  const db = new Database(dbFile);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function integrity(db: Database.Database): { integrity: string; foreignKeyProblems: number } {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return { integrity: rows.map((r) => r.integrity_check).join('; '), foreignKeyProblems: (db.pragma('foreign_key_check') as unknown[]).length };
}

export const count = (db: Database.Database, table: string): number => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;

/** Every row of every table, in rowid order: the org's content independent of page layout. */
export function contentOf(db: Database.Database): Record<string, unknown[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const content: Record<string, unknown[]> = {};
  for (const t of tables) content[t] = db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}" ORDER BY rowid`).all();
  return content;
}
