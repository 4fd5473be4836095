import type { OrgDb } from './database.js';
import { allocateIds, cachedStatement } from './records.js';

/** Queues own leads (and cases) until a member takes them; ids start with 00G like Salesforce's Group ids. */
export interface QueueRow {
  id: string;
  name: string;
  object: 'Lead' | 'Case';
  createdAt: string;
}

export type QueueMemberKind = 'user' | 'role';

export interface QueueMemberRow {
  queueId: string;
  kind: QueueMemberKind;
  memberId: string;
  /** Username or role name, for display. */
  name: string;
}

interface QueueDbRow {
  id: string;
  name: string;
  object: 'Lead' | 'Case';
  created_at: string;
}

const toQueue = (r: QueueDbRow): QueueRow => ({ id: r.id, name: r.name, object: r.object, createdAt: r.created_at });

export const QUEUE_KEY_PREFIX = '00G';

export function insertQueue(db: OrgDb, name: string, object: 'Lead' | 'Case', now: string): string {
  const [id] = allocateIds(db, { name: 'Queue', keyPrefix: QUEUE_KEY_PREFIX }, 1) as [string];
  cachedStatement(db, 'INSERT INTO queue (id, name, object, created_at) VALUES (?, ?, ?, ?)').run(id, name, object, now);
  return id;
}

export function findQueueByName(db: OrgDb, name: string): QueueRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM queue WHERE name = ? COLLATE NOCASE').get(name) as QueueDbRow | undefined;
  return row ? toQueue(row) : undefined;
}

export function findQueueById(db: OrgDb, id: string): QueueRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM queue WHERE id = ?').get(id) as QueueDbRow | undefined;
  return row ? toQueue(row) : undefined;
}

export function listQueues(db: OrgDb): QueueRow[] {
  return (db.prepare('SELECT * FROM queue ORDER BY name COLLATE NOCASE').all() as QueueDbRow[]).map(toQueue);
}

/** Returns false when the member was already there. */
export function insertQueueMember(db: OrgDb, queueId: string, kind: QueueMemberKind, memberId: string, now: string): boolean {
  return (
    cachedStatement(db, 'INSERT OR IGNORE INTO queue_member (queue_id, member_kind, member_id, added_at) VALUES (?, ?, ?, ?)').run(queueId, kind, memberId, now)
      .changes > 0
  );
}

export function deleteQueueMember(db: OrgDb, queueId: string, kind: QueueMemberKind, memberId: string): boolean {
  return cachedStatement(db, 'DELETE FROM queue_member WHERE queue_id = ? AND member_kind = ? AND member_id = ?').run(queueId, kind, memberId).changes > 0;
}

export function listQueueMembers(db: OrgDb, queueId: string): QueueMemberRow[] {
  const rows = cachedStatement(
    db,
    `SELECT m.queue_id, m.member_kind, m.member_id, COALESCE(u."Username", r."Name", m.member_id) AS name
     FROM queue_member m
     LEFT JOIN "User" u ON m.member_kind = 'user' AND u."Id" = m.member_id
     LEFT JOIN "UserRole" r ON m.member_kind = 'role' AND r."Id" = m.member_id
     WHERE m.queue_id = ? ORDER BY m.member_kind DESC, name COLLATE NOCASE`,
  ).all(queueId) as { queue_id: string; member_kind: QueueMemberKind; member_id: string; name: string }[];
  return rows.map((r) => ({ queueId: r.queue_id, kind: r.member_kind, memberId: r.member_id, name: r.name }));
}

/** Queues a user belongs to, directly or through their role. */
export function queueIdsOfUser(db: OrgDb, userId: string): string[] {
  const rows = cachedStatement(
    db,
    `SELECT DISTINCT m.queue_id AS id FROM queue_member m
     WHERE (m.member_kind = 'user' AND m.member_id = ?)
        OR (m.member_kind = 'role' AND m.member_id = (SELECT u."UserRoleId" FROM "User" u WHERE u."Id" = ?))
     ORDER BY m.queue_id`,
  ).all(userId, userId) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Active users in a queue (directly or by role), ordered by username: the round-robin order. */
export function queueMemberUserIds(db: OrgDb, queueId: string): string[] {
  const rows = cachedStatement(
    db,
    `SELECT u."Id" AS id FROM "User" u
     WHERE COALESCE(u."IsActive", 1) = 1 AND (
       u."Id" IN (SELECT member_id FROM queue_member WHERE queue_id = ? AND member_kind = 'user')
       OR u."UserRoleId" IN (SELECT member_id FROM queue_member WHERE queue_id = ? AND member_kind = 'role'))
     ORDER BY u."Username" COLLATE NOCASE`,
  ).all(queueId, queueId) as { id: string }[];
  return rows.map((r) => r.id);
}
