import type { OrgSession } from '../org/session.js';
import { appendAudit, listAudit } from '../store/org.js';
import { listUsers } from '../store/users.js';
import { requireAdministrator } from './admin.js';

type AuditValue = string | number | boolean | null | Record<string, unknown> | unknown[];

const asText = (value: AuditValue | undefined): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Record one setup change (who, when, what, old → new). Callers pass values
 * that never contain a password or hash.
 */
export function auditSetupChange(session: OrgSession, action: string, target: string, oldValue?: AuditValue, newValue?: AuditValue): void {
  appendAudit(session.db, {
    at: session.now().toISOString(),
    actorId: session.actor.id,
    action,
    target,
    oldValue: asText(oldValue),
    newValue: asText(newValue),
  });
}

export interface AuditTrailEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  oldValue: string | null;
  newValue: string | null;
}

/** The setup audit trail, newest first; administrators only. */
export function auditTrail(session: OrgSession, options: { limit?: number; action?: string } = {}): AuditTrailEntry[] {
  requireAdministrator(session, 'read the audit trail');
  const usernames = new Map(listUsers(session.db).map((u) => [u.id, u.username]));
  return listAudit(session.db, options.action ? 100_000 : (options.limit ?? 1000))
    .filter((e) => options.action === undefined || e.action === options.action || e.action.startsWith(`${options.action}.`))
    .slice(0, options.limit ?? 1000)
    .map((e) => ({
      id: e.id,
      at: e.at,
      actor: e.actorId === null ? null : (usernames.get(e.actorId) ?? e.actorId),
      action: e.action,
      target: e.target,
      oldValue: e.oldValue,
      newValue: e.newValue,
    }));
}
