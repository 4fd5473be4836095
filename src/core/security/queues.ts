import type { OrgDb } from '../store/database.js';
import { queueIdsOfUser } from '../store/queues.js';

/**
 * Which queues (ids starting 00G) a user belongs to, directly or through
 * their role (queue_member, maintained by `crmctl queue member add`).
 */
export type QueueMembershipSource = (db: OrgDb, userId: string) => string[];

let source: QueueMembershipSource = queueIdsOfUser;

/** Replace where membership comes from (tests of the sharing model use fixed memberships). */
export function setQueueMembershipSource(next: QueueMembershipSource): void {
  source = next;
}

export function queueIdsOf(db: OrgDb, userId: string): string[] {
  return source(db, userId);
}
