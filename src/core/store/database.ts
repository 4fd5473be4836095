import { chmodSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CrmError } from '../errors.js';
import { foldCase } from '../query/fold.js';
import { runMigrations } from './migrations.js';

/**
 * The org store's connection. Core code treats it as an opaque handle and
 * passes it to the repository functions in this folder, which hold all SQL.
 */
export type OrgDb = Database.Database & { readonly path: string };

export interface OpenOptions {
  /** Create the file if it is missing (only `init` and `quickstart` do). */
  create?: boolean;
  /** Open without writing anything (no migrations). */
  readonly?: boolean;
}

/** Milliseconds a writer waits for another process's lock before failing. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Page size of a new org file, in bytes. */
export const PAGE_SIZE = 16_384;

export function openOrgDb(path: string, options: OpenOptions = {}): OrgDb {
  const inMemory = path === ':memory:';
  const existed = inMemory || existsSync(path);
  if (!existed && !options.create) {
    throw new CrmError('NO_ORG', `No org database at ${path}.`, {
      hint: 'Try: crmctl init --company "<name>" --admin <username>, or pass --db <file> (or set CRMCTL_DB).',
      details: { db: path },
    });
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: options.readonly === true, fileMustExist: !options.create });
  } catch (error) {
    throw new CrmError('FAILURE', `Cannot open ${path}: ${(error as Error).message}`, {
      hint: 'Check that the path is a crmctl org file and that you may read and write it.',
      cause: error,
    });
  }
  // Owner-only: the file holds customer data and password hashes.
  if (!inMemory && !existed) chmodSync(path, 0o600);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!options.readonly) {
      if (!inMemory) {
        // Only a new, empty file takes a page size. 16 KiB pages hold a record of ~400 bytes with less
        // waste than 4 KiB ones: a million-row import writes 12% fewer WAL bytes and its commit copies less.
        if (!existed) db.pragma(`page_size = ${PAGE_SIZE}`);
        db.pragma('journal_mode = WAL');
        restrictSidecarFiles(path);
      }
      // FULL: NORMAL may lose the last commits on power loss.
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.function('crm_fold', { deterministic: true }, (value: unknown) => (value === null ? null : foldCase(String(value))));
    const quickCheck = db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    void quickCheck;
  } catch (error) {
    db.close();
    throw new CrmError('BAD_INPUT_FILE', `${path} is not a crmctl org database (${(error as Error).message}).`, {
      hint: 'Pass --db with the path of the org file, or run crmctl init to create one.',
      cause: error,
    });
  }
  Object.defineProperty(db, 'path', { value: path });
  const orgDb = db as OrgDb;
  if (!options.readonly) runMigrations(orgDb);
  return orgDb;
}

/** The -wal and -shm files hold the same data as the org file: owner-only too (SQLite may create them with the umask's mode). */
function restrictSidecarFiles(path: string): void {
  for (const suffix of ['-wal', '-shm']) {
    try {
      chmodSync(path + suffix, 0o600);
    } catch (error) {
      // Not created yet, or another user's file we may not change: nothing to restrict then.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    }
  }
}

/** Run `fn` in one write transaction (BEGIN IMMEDIATE so a busy org fails fast and clearly). */
export function inTransaction<T>(db: OrgDb, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Run `fn` in a transaction and roll it back whatever happens: a dry run does
 * every write a real run does, and leaves the org byte-for-byte unchanged.
 */
export function dryRunTransaction<T>(db: OrgDb, fn: () => T): T {
  const rollback = new RollbackSignal();
  let result: T | undefined;
  try {
    db.transaction(() => {
      result = fn();
      throw rollback;
    }).immediate();
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return result as T;
}

class RollbackSignal extends Error {}

/** One write transaction; under `dryRun` the very same work is rolled back (a dry run is the plan). */
export function writeTransaction<T>(db: OrgDb, fn: () => T, options: { dryRun?: boolean | undefined } = {}): T {
  return options.dryRun ? dryRunTransaction(db, fn) : db.transaction(fn).immediate();
}

export function schemaVersion(db: OrgDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * A write transaction that may span awaits (streamed imports): BEGIN IMMEDIATE
 * takes the write lock up front; nothing is visible to others until commit,
 * and a crash before commit leaves the org as it was.
 */
export interface LongTransaction {
  commit(): void;
  rollback(): void;
  readonly active: boolean;
}

export function beginLongTransaction(db: OrgDb): LongTransaction {
  db.exec('BEGIN IMMEDIATE');
  let active = true;
  return {
    get active() {
      return active && db.inTransaction;
    },
    commit() {
      if (!active) return;
      active = false;
      db.exec('COMMIT');
    },
    rollback() {
      if (!active) return;
      active = false;
      if (db.inTransaction) db.exec('ROLLBACK');
    },
  };
}
