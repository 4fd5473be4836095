import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CrmError } from '../errors.js';
import { backupOrgFile } from '../store/backup.js';
import type { OrgDb } from '../store/database.js';

/**
 * Backups of the org file with SQLite's online backup API: consistent while
 * other readers work, owner-only, kept in `<db-dir>/backups/`. Destructive
 * commands take one automatically first and report where it is.
 */
export const KEEP_AUTOMATIC_BACKUPS = 10;

export function backupsDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

export interface BackupResult {
  file: string;
  bytes: number;
  automatic: boolean;
  reason?: string;
  pruned: string[];
}

function ensureBackupsDir(dbPath: string): string {
  const dir = backupsDirFor(dbPath);
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}

/** Take a backup to `out`, or into the backups folder with a timestamped name. */
export async function takeBackup(db: OrgDb, options: { out?: string | undefined; reason?: string | undefined; now?: Date } = {}): Promise<BackupResult> {
  if (db.path === ':memory:') throw new CrmError('USAGE', 'An in-memory org has no file to back up.', { hint: 'Use --db <file>.' });
  const now = options.now ?? new Date();
  const automatic = options.out === undefined && options.reason !== undefined;
  let file = options.out;
  if (file === undefined) {
    const dir = ensureBackupsDir(db.path);
    const base = basename(db.path, extname(db.path));
    const tag = options.reason ? `-before-${options.reason.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}` : '';
    file = join(dir, `${base}-${stamp(now)}${tag}.db`);
    for (let n = 2; existsSync(file); n++) file = join(dir, `${base}-${stamp(now)}${tag}-${n}.db`);
  }
  await backupOrgFile(db, file);
  const pruned = automatic ? pruneAutomaticBackups(db.path, KEEP_AUTOMATIC_BACKUPS) : [];
  return { file, bytes: statSync(file).size, automatic, ...(options.reason ? { reason: options.reason } : {}), pruned };
}

/** Keep the newest `keep` automatic backups (named "...-before-<reason>.db"); delete the rest. */
export function pruneAutomaticBackups(dbPath: string, keep: number): string[] {
  const dir = backupsDirFor(dbPath);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(dbPath, extname(dbPath))}-`;
  const automatic = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.includes('-before-') && f.endsWith('.db'))
    .map((f) => ({ file: join(dir, f), mtime: statSync(join(dir, f)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime || b.file.localeCompare(a.file));
  const doomed = automatic.slice(keep).map((b) => b.file);
  for (const file of doomed) rmSync(file, { force: true });
  return doomed;
}

export interface BackupInfo {
  file: string;
  bytes: number;
  modified: string;
  automatic: boolean;
}

export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupsDirFor(dbPath);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(dbPath, extname(dbPath))}-`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.db') && f.startsWith(prefix))
    .map((f) => {
      const info = statSync(join(dir, f));
      return { file: join(dir, f), bytes: info.size, modified: info.mtime.toISOString(), automatic: f.includes('-before-') };
    })
    .sort((a, b) => b.modified.localeCompare(a.modified));
}

/** Check that a file is a healthy crmctl org before restoring it. */
export function verifyBackupFile(file: string): { company: string; schemaVersion: number } {
  if (!existsSync(file)) throw new CrmError('NOT_FOUND', `No backup file ${file}.`, { hint: 'Try: crmctl backup list' });
  let source: Database.Database | undefined;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = source.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check: ${String(integrity)}`);
    const org = source.prepare('SELECT company FROM org WHERE id = 1').get() as { company: string } | undefined;
    if (!org) throw new Error('it holds no org');
    return { company: org.company, schemaVersion: source.pragma('user_version', { simple: true }) as number };
  } catch (error) {
    throw new CrmError('BAD_INPUT_FILE', `${file} is not a restorable crmctl org (${(error as Error).message}).`, { hint: 'Choose another backup: crmctl backup list' });
  } finally {
    source?.close();
  }
}

/**
 * Replace the org's content with a backup's. The caller has taken an automatic
 * backup of the current state and closed its connection. The copy is written
 * beside the org and renamed over it, so a crash leaves either the old or the new file.
 */
export function restoreOrgFile(dbPath: string, backupFile: string): void {
  const staging = `${dbPath}.restoring`;
  copyFileSync(backupFile, staging);
  chmodSync(staging, 0o600);
  // A WAL left from the old file must not be replayed onto the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  renameSync(staging, dbPath);
}
