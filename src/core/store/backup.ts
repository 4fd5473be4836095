import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { CrmError } from '../errors.js';
import type { OrgDb } from './database.js';

/**
 * A consistent copy of the org (SQLite's online backup), readable by its
 * owner only: it holds the same customer data and password hashes as the org.
 * Refuses to overwrite an existing file.
 */
export async function backupOrgFile(db: OrgDb, destination: string): Promise<{ file: string; pages: number }> {
  if (existsSync(destination)) {
    throw new CrmError('CONFLICT', `${destination} already exists; the backup was not written.`, { hint: 'Choose a new file name for the backup.' });
  }
  // Create the file 0600 before SQLite writes a byte, so it is never readable by others.
  closeSync(openSync(destination, 'wx', 0o600));
  const result = await db.backup(destination);
  chmodSync(destination, 0o600);
  return { file: destination, pages: result.totalPages };
}
