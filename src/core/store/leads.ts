import type { OrgDb } from './database.js';
import { allocateIds, cachedStatement } from './records.js';
import { writeObjectPermissions } from './security.js';
import type { ObjectPermissionRow } from './users.js';

// ---------------------------------------------------------------- assignment rules

export type AssignmentTargetKind = 'user' | 'queue' | 'round-robin';

export interface AssignmentRuleRow {
  id: number;
  object: string;
  order: number;
  /** The filter text (`Country = 'Germany'`); null matches every record. */
  condition: string | null;
  targetKind: AssignmentTargetKind;
  /** user: [userId]; queue: [queueId]; round-robin: user ids, or one queue id whose members take turns. */
  targetIds: string[];
  notify: boolean;
  createdAt: string;
}

interface RuleDbRow {
  id: number;
  object: string;
  sort_order: number;
  condition: string | null;
  target_kind: AssignmentTargetKind;
  target: string;
  notify: number;
  created_at: string;
}

const toRule = (r: RuleDbRow): AssignmentRuleRow => ({
  id: r.id,
  object: r.object,
  order: r.sort_order,
  condition: r.condition,
  targetKind: r.target_kind,
  targetIds: JSON.parse(r.target) as string[],
  notify: r.notify === 1,
  createdAt: r.created_at,
});

export function insertAssignmentRule(db: OrgDb, rule: Omit<AssignmentRuleRow, 'id'>): number {
  const info = cachedStatement(
    db,
    'INSERT INTO assignment_rule (object, sort_order, condition, target_kind, target, notify, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(rule.object, rule.order, rule.condition, rule.targetKind, JSON.stringify(rule.targetIds), rule.notify ? 1 : 0, rule.createdAt);
  return Number(info.lastInsertRowid);
}

/** Rules of an object in evaluation order. */
export function listAssignmentRules(db: OrgDb, object: string): AssignmentRuleRow[] {
  return (cachedStatement(db, 'SELECT * FROM assignment_rule WHERE object = ? ORDER BY sort_order').all(object) as RuleDbRow[]).map(toRule);
}

export function deleteAssignmentRule(db: OrgDb, id: number): boolean {
  return cachedStatement(db, 'DELETE FROM assignment_rule WHERE id = ?').run(id).changes > 0;
}

/** Where a round-robin rule continues: the index of the next member to receive a record. */
export function readRoundRobinIndex(db: OrgDb, ruleId: number): number {
  const row = cachedStatement(db, 'SELECT next_index FROM round_robin_state WHERE rule_id = ?').get(ruleId) as { next_index: number } | undefined;
  return row?.next_index ?? 0;
}

export function writeRoundRobinIndex(db: OrgDb, ruleId: number, nextIndex: number): void {
  cachedStatement(db, 'INSERT INTO round_robin_state (rule_id, next_index) VALUES (?, ?) ON CONFLICT(rule_id) DO UPDATE SET next_index = excluded.next_index').run(
    ruleId,
    nextIndex,
  );
}

// ---------------------------------------------------------------- lead ownership

/**
 * Take a queue-owned lead for a user: the WHERE on the queue makes the first
 * writer win; the caller runs it inside BEGIN IMMEDIATE and checks the result.
 */
export function claimLeadRow(db: OrgDb, leadId: string, queueId: string, userId: string, now: string): boolean {
  return (
    cachedStatement(
      db,
      `UPDATE "Lead" SET "OwnerId" = ?, "LastModifiedDate" = ?, "LastModifiedById" = ?
       WHERE "Id" = ? AND "OwnerId" = ? AND COALESCE("IsConverted", 0) = 0`,
    ).run(userId, now, userId, leadId, queueId).changes > 0
  );
}

/** Open leads a user owns: not converted and in a status that is not closed. */
export function countOpenLeadsOwnedBy(db: OrgDb, userId: string): number {
  const row = cachedStatement(
    db,
    `SELECT count(*) AS n FROM "Lead" l WHERE l."OwnerId" = ? AND COALESCE(l."IsConverted", 0) = 0
       AND COALESCE(l."Status", '') NOT IN (SELECT value FROM picklist_value WHERE object = 'Lead' AND field = 'Status' AND is_closed = 1)`,
  ).get(userId) as { n: number };
  return row.n;
}

/** Lead statuses that mean converted (is_won on Lead.Status), in picklist order. */
export function convertedLeadStatuses(db: OrgDb): string[] {
  const rows = cachedStatement(
    db,
    `SELECT value FROM picklist_value WHERE object = 'Lead' AND field = 'Status' AND is_won = 1 AND is_active = 1 ORDER BY sort_order`,
  ).all() as { value: string }[];
  return rows.map((r) => r.value);
}

/**
 * Move a converted lead's tasks to the new contact; tasks not yet related to
 * anything get the opportunity (or account). Returns the number moved.
 */
export function moveLeadTasks(db: OrgDb, leadId: string, contactId: string, whatId: string | null, now: string, by: string): number {
  return cachedStatement(
    db,
    `UPDATE "Task" SET "WhoId" = ?, "WhatId" = COALESCE("WhatId", ?), "LastModifiedDate" = ?, "LastModifiedById" = ? WHERE "WhoId" = ?`,
  ).run(contactId, whatId, now, by, leadId).changes;
}

// ---------------------------------------------------------------- partner accounts

export interface PartnerAccountRow {
  accountId: string;
  executiveRoleId: string;
  managerRoleId: string;
  userRoleId: string;
  enabledAt: string;
}

interface PartnerAccountDbRow {
  account_id: string;
  executive_role_id: string;
  manager_role_id: string;
  user_role_id: string;
  enabled_at: string;
}

const toPartnerAccount = (r: PartnerAccountDbRow): PartnerAccountRow => ({
  accountId: r.account_id,
  executiveRoleId: r.executive_role_id,
  managerRoleId: r.manager_role_id,
  userRoleId: r.user_role_id,
  enabledAt: r.enabled_at,
});

export function insertPartnerAccount(db: OrgDb, row: PartnerAccountRow): void {
  cachedStatement(db, 'INSERT INTO partner_account (account_id, executive_role_id, manager_role_id, user_role_id, enabled_at) VALUES (?, ?, ?, ?, ?)').run(
    row.accountId,
    row.executiveRoleId,
    row.managerRoleId,
    row.userRoleId,
    row.enabledAt,
  );
}

export function findPartnerAccount(db: OrgDb, accountId: string): PartnerAccountRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM partner_account WHERE account_id = ?').get(accountId) as PartnerAccountDbRow | undefined;
  return row ? toPartnerAccount(row) : undefined;
}

export function listPartnerAccounts(db: OrgDb): PartnerAccountRow[] {
  return (db.prepare('SELECT * FROM partner_account ORDER BY enabled_at, account_id').all() as PartnerAccountDbRow[]).map(toPartnerAccount);
}

/**
 * A standard (not editable) profile, e.g. the Partner Community User profile
 * created when partner relationship management is enabled.
 */
export function insertStandardProfile(db: OrgDb, name: string, description: string, license: string, now: string, permissions: Record<string, ObjectPermissionRow>): string {
  let id: string;
  do {
    [id] = allocateIds(db, { name: 'Profile', keyPrefix: '00e' }, 1) as [string];
  } while (cachedStatement(db, 'SELECT 1 FROM "Profile" WHERE "Id" = ?').get(id) !== undefined);
  cachedStatement(db, 'INSERT INTO "Profile" ("Id", "Name", "Description", "IsCustom", "UserLicense", "CreatedDate") VALUES (?, ?, ?, 0, ?, ?)').run(
    id,
    name,
    description,
    license,
    now,
  );
  for (const [object, p] of Object.entries(permissions)) writeObjectPermissions(db, id, object, p);
  return id;
}
