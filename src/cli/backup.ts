import { takeBackup } from '../core/backup/backup.js';
import type { OrgDb } from '../core/store/database.js';
import type { CommandContext } from './context.js';

/**
 * The automatic backup destructive commands take first (unless --no-backup):
 * returns its path so the command can print and report it.
 */
export async function backupBeforeDestructive(ctx: CommandContext, db: OrgDb, reason: string, enabled: boolean | undefined): Promise<string | null> {
  if (enabled === false || db.path === ':memory:') return null;
  const result = await takeBackup(db, { reason });
  if (!ctx.json) ctx.err.line(ctx.err.c.dim(`Backed up the org first: ${result.file}`));
  return result.file;
}
