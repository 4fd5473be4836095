import type { OrgSession } from '../org/session.js';
import { outboxDirFor, writeOutboxMessage } from '../security/outbox.js';
import { queueMemberUserIds } from '../store/queues.js';
import type { CrmRecord } from '../store/records.js';
import { findUserById, type UserSummary } from '../store/users.js';

export interface LeadNotification {
  lead: CrmRecord;
  owner: { kind: 'user' | 'queue'; id: string; name: string };
}

const fullName = (u: Pick<UserSummary, 'firstName' | 'lastName'>): string => [u.firstName, u.lastName].filter(Boolean).join(' ');

function leadLine(lead: CrmRecord): string {
  const name = [lead.FirstName, lead.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ');
  const extra = [lead.Company, lead.Country, lead.Email].filter((p) => typeof p === 'string' && p !== '').join(', ');
  return `  ${String(lead.Id)}  ${name}${extra ? ` (${extra})` : ''}`;
}

/**
 * Tell new owners about their leads: one e-mail per recipient in the outbox;
 * a queue's members each hear about the leads waiting in it. Returns the files.
 */
export function notifyLeadOwners(session: OrgSession, notifications: readonly LeadNotification[], outboxDir?: string): string[] {
  if (notifications.length === 0) return [];
  const byRecipient = new Map<string, { user: UserSummary; leads: CrmRecord[]; queue?: string }>();
  for (const n of notifications) {
    const recipients = n.owner.kind === 'queue' ? queueMemberUserIds(session.db, n.owner.id) : [n.owner.id];
    for (const userId of recipients) {
      const user = findUserById(session.db, userId);
      if (!user || !user.isActive) continue;
      const key = `${userId}|${n.owner.kind === 'queue' ? n.owner.name : ''}`;
      const entry = byRecipient.get(key) ?? { user, leads: [], ...(n.owner.kind === 'queue' ? { queue: n.owner.name } : {}) };
      entry.leads.push(n.lead);
      byRecipient.set(key, entry);
    }
  }
  const dir = outboxDir ?? outboxDirFor(session.db.path);
  const company = session.org.company;
  const files: string[] = [];
  for (const { user, leads, queue } of byRecipient.values()) {
    const what = leads.length === 1 ? 'a new lead' : `${leads.length} new leads`;
    const subject = queue ? `${what} in the queue ${queue}` : `${what} assigned to you`;
    const body = [
      `Hello ${fullName(user)},`,
      '',
      queue ? `${what} arrived in the queue "${queue}" in the ${company} CRM:` : `${what} in the ${company} CRM ${leads.length === 1 ? 'is' : 'are'} now yours:`,
      '',
      ...leads.map(leadLine),
      '',
      queue ? `Take one with: crmctl lead claim <id>` : `See them with: crmctl record list lead --mine`,
    ].join('\n');
    const { file } = writeOutboxMessage(
      dir,
      {
        from: { name: fullName(session.actor), address: session.actor.email },
        to: { name: fullName(user), address: user.email },
        subject: subject.charAt(0).toUpperCase() + subject.slice(1),
        body,
        date: session.now(),
      },
      { username: user.username, kind: 'lead-assignment' },
    );
    files.push(file);
  }
  return files;
}
