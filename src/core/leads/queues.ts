import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { requireAdministrator } from '../security/admin.js';
import { auditSetupChange } from '../security/audit.js';
import { refreshAccess } from '../security/sharing-policy.js';
import { queueIdsOf } from '../security/queues.js';
import { isPartnerUser } from '../partners/field-access.js';
import { inTransaction } from '../store/database.js';
import {
  deleteQueueMember,
  findQueueById,
  findQueueByName,
  insertQueue,
  insertQueueMember,
  listQueueMembers,
  listQueues,
  type QueueMemberKind,
  type QueueRow,
} from '../store/queues.js';
import { findRoleByName } from '../store/security.js';
import { findUserByUsername } from '../store/users.js';

export interface QueueView {
  id: string;
  name: string;
  object: 'Lead' | 'Case';
  members: { kind: QueueMemberKind; name: string }[];
}

const QUEUE_OBJECTS = { lead: 'Lead', case: 'Case' } as const;

/** A queue by name or id (00G…), or NOT_FOUND naming the queues that exist. */
export function requireQueue(session: OrgSession, nameOrId: string): QueueRow {
  const text = nameOrId.trim();
  const queue = findQueueByName(session.db, text) ?? (text.startsWith('00G') ? findQueueById(session.db, text) : undefined);
  if (!queue) {
    const names = listQueues(session.db).map((q) => q.name);
    throw new CrmError('NOT_FOUND', `No queue "${text}".`, {
      hint: names.length > 0 ? `Queues: ${names.join(', ')}.` : 'Create one: crmctl queue add "<name>" --object lead',
      details: { queue: text },
    });
  }
  return queue;
}

export function addQueue(session: OrgSession, name: string, objectName: string): QueueView {
  requireAdministrator(session, 'add queues');
  const clean = name.trim();
  if (clean === '' || clean.length > 80) throw new CrmError('USAGE', 'A queue name needs 1-80 characters.', { hint: 'Example: crmctl queue add "EMEA Leads" --object lead' });
  const object = QUEUE_OBJECTS[objectName.trim().toLowerCase() as keyof typeof QUEUE_OBJECTS];
  if (!object) throw new CrmError('USAGE', `--object ${objectName}: queues hold leads or cases.`, { hint: 'Pass --object lead or --object case.' });
  if (findQueueByName(session.db, clean)) throw new CrmError('CONFLICT', `A queue called "${clean}" already exists.`, { hint: 'Choose another name.' });
  inTransaction(session.db, () => {
    insertQueue(session.db, clean, object, session.now().toISOString());
    auditSetupChange(session, 'queue.add', clean, null, { object });
  });
  return queueView(session, requireQueue(session, clean));
}

/** A member is a username or a role name (every user holding the role belongs). */
function resolveMember(session: OrgSession, member: string): { kind: QueueMemberKind; id: string; name: string } {
  const text = member.trim();
  const user = findUserByUsername(session.db, text);
  if (user) return { kind: 'user', id: user.id, name: user.username };
  const role = findRoleByName(session.db, text);
  if (role) return { kind: 'role', id: role.id, name: role.name };
  throw new CrmError('NOT_FOUND', `No user or role "${text}".`, { hint: 'Try: crmctl user list, or crmctl role tree', details: { member: text } });
}

export function addQueueMember(session: OrgSession, queueName: string, member: string): { queue: QueueView; added: boolean } {
  requireAdministrator(session, 'change queue members');
  const queue = requireQueue(session, queueName);
  const m = resolveMember(session, member);
  const added = inTransaction(session.db, () => {
    const inserted = insertQueueMember(session.db, queue.id, m.kind, m.id, session.now().toISOString());
    if (inserted) auditSetupChange(session, 'queue.member-add', queue.name, null, { [m.kind]: m.name });
    return inserted;
  });
  refreshAccess(session.access);
  return { queue: queueView(session, queue), added };
}

export function removeQueueMember(session: OrgSession, queueName: string, member: string): { queue: QueueView; removed: boolean } {
  requireAdministrator(session, 'change queue members');
  const queue = requireQueue(session, queueName);
  const m = resolveMember(session, member);
  const removed = inTransaction(session.db, () => {
    const deleted = deleteQueueMember(session.db, queue.id, m.kind, m.id);
    if (deleted) auditSetupChange(session, 'queue.member-remove', queue.name, { [m.kind]: m.name }, null);
    return deleted;
  });
  if (!removed) {
    throw new CrmError('NOT_FOUND', `${m.name} is not a member of the queue "${queue.name}".`, { hint: `Try: crmctl queue list` });
  }
  refreshAccess(session.access);
  return { queue: queueView(session, queue), removed };
}

function queueView(session: OrgSession, queue: QueueRow): QueueView {
  return {
    id: queue.id,
    name: queue.name,
    object: queue.object,
    members: listQueueMembers(session.db, queue.id).map((m) => ({ kind: m.kind, name: m.name })),
  };
}

/** Every queue; partner users see only the queues they belong to. */
export function queueList(session: OrgSession): QueueView[] {
  const mine = isPartnerUser(session.actor) ? new Set(queueIdsOf(session.db, session.actor.id)) : undefined;
  return listQueues(session.db)
    .filter((q) => mine === undefined || mine.has(q.id))
    .map((q) => queueView(session, q));
}
