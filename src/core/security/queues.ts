import type { OrgDb } from '../store/database.js';

/**
 * Which queues (ids starting 00G) a user belongs to. Queues arrive with the
 * lead features; until their module registers a source, nobody is in a queue.
 */
export type QueueMembershipSource = (db: OrgDb, userId: string) => string[];

let source: QueueMembershipSource = () => [];

/** Called once by the queue module so the sharing model sees queue membership. */
export function setQueueMembershipSource(next: QueueMembershipSource): void {
  source = next;
}

export function queueIdsOf(db: OrgDb, userId: string): string[] {
  return source(db, userId);
}
