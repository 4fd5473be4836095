import type { OrgDb } from './database.js';

export interface OrgProfile {
  company: string;
  timezone: string;
  locale: string;
  currency: string;
  fiscalStartMonth: number;
  isDemo: boolean;
  createdAt: string;
}

interface OrgRow {
  company: string;
  timezone: string;
  locale: string;
  currency: string;
  fiscal_start_month: number;
  is_demo: number;
  created_at: string;
}

export function readOrg(db: OrgDb): OrgProfile | undefined {
  const row = db.prepare('SELECT * FROM org WHERE id = 1').get() as OrgRow | undefined;
  if (!row) return undefined;
  return {
    company: row.company,
    timezone: row.timezone,
    locale: row.locale,
    currency: row.currency,
    fiscalStartMonth: row.fiscal_start_month,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
  };
}

export function insertOrg(db: OrgDb, org: OrgProfile): void {
  db.prepare(
    `INSERT INTO org (id, company, timezone, locale, currency, fiscal_start_month, is_demo, created_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(org.company, org.timezone, org.locale, org.currency, org.fiscalStartMonth, org.isDemo ? 1 : 0, org.createdAt);
}

export function updateOrg(db: OrgDb, org: OrgProfile): void {
  db.prepare(
    `UPDATE org SET company = ?, timezone = ?, locale = ?, currency = ?, fiscal_start_month = ? WHERE id = 1`,
  ).run(org.company, org.timezone, org.locale, org.currency, org.fiscalStartMonth);
}

export function readSetting(db: OrgDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string | null } | undefined;
  return row?.value ?? undefined;
}

export function writeSetting(db: OrgDb, key: string, value: string | null): void {
  db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  target: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export function appendAudit(db: OrgDb, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, actor_id, action, target, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actorId,
    entry.action,
    entry.target,
    entry.oldValue,
    entry.newValue,
  );
}

export function listAudit(db: OrgDb, limit = 1000): (AuditEntry & { id: number })[] {
  return (
    db.prepare('SELECT id, at, actor_id, action, target, old_value, new_value FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as {
      id: number;
      at: string;
      actor_id: string | null;
      action: string;
      target: string | null;
      old_value: string | null;
      new_value: string | null;
    }[]
  ).map((r) => ({ id: r.id, at: r.at, actorId: r.actor_id, action: r.action, target: r.target, oldValue: r.old_value, newValue: r.new_value }));
}

export function markGuideStepDone(db: OrgDb, stepId: string, at: string, userId: string | null): void {
  db.prepare('INSERT INTO guide_step_done (step_id, done_at, done_by) VALUES (?, ?, ?) ON CONFLICT(step_id) DO NOTHING').run(stepId, at, userId);
}

export function guideStepsDone(db: OrgDb): Set<string> {
  return new Set((db.prepare('SELECT step_id FROM guide_step_done').all() as { step_id: string }[]).map((r) => r.step_id));
}

export function logCommand(db: OrgDb, at: string, userId: string | null, command: string): void {
  db.prepare('INSERT INTO command_log (at, user_id, command) VALUES (?, ?, ?)').run(at, userId, command);
}

/** Whether any audit entry's action starts with one of these prefixes (e.g. 'import.', 'sharing.'). */
export function auditHasAction(db: OrgDb, prefixes: string[]): boolean {
  return prefixes.some((prefix) => db.prepare("SELECT 1 FROM audit_log WHERE action LIKE ? ESCAPE '\\' LIMIT 1").get(prefix.replace(/[%_\\]/g, (c) => '\\' + c) + '%') !== undefined);
}

/** Rows in one of the org's tables; the name must be a known table. */
export function tableRowCount(db: OrgDb, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return 0;
  return (db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n;
}

export function distinctCommandUsers(db: OrgDb): number {
  return (db.prepare('SELECT count(DISTINCT user_id) AS n FROM command_log').get() as { n: number }).n;
}

export function settingKeysWithPrefix(db: OrgDb, prefix: string): string[] {
  return (db.prepare("SELECT key FROM setting WHERE key LIKE ? ESCAPE '\\'").all(prefix.replace(/[%_\\]/g, (c) => '\\' + c) + '%') as { key: string }[]).map((r) => r.key);
}
