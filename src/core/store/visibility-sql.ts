import type { OrgDb } from './database.js';
import type { SqlFragment } from './filter-sql.js';
import { cachedStatement } from './records.js';
import { quoteIdent } from './sql.js';
import type { ObjectPermissionRow } from './users.js';
import type { TeamAccess } from './security.js';

/** Org-wide default access of one object. */
export type SharingLevel = 'private' | 'read' | 'read-write' | 'controlled-by-parent';

/** The objects the sharing model restricts; other objects follow object permissions only. */
export const SHARED_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Lead'] as const;
export type SharedObject = (typeof SHARED_OBJECTS)[number];

export const isSharedObject = (name: string): name is SharedObject => (SHARED_OBJECTS as readonly string[]).includes(name);

/**
 * Objects whose access follows their parent records (Salesforce's
 * "controlled by parent"): a contact role follows its opportunity; a task
 * is its owner's (and their superiors') plus whoever may see what it is about.
 */
export const CHILD_OBJECTS = ['OpportunityContactRole', 'Task'] as const;
export const isChildObject = (name: string): boolean => (CHILD_OBJECTS as readonly string[]).includes(name);

/** The parent links of child objects: field, parent object, subquery alias. */
export const PARENT_LINKS: Readonly<Record<string, readonly { field: string; parent: SharedObject }[]>> = {
  OpportunityContactRole: [{ field: 'OpportunityId', parent: 'Opportunity' }],
  Task: [
    { field: 'WhatId', parent: 'Account' },
    { field: 'WhatId', parent: 'Opportunity' },
    { field: 'WhoId', parent: 'Contact' },
    { field: 'WhoId', parent: 'Lead' },
  ],
};

/**
 * Everything that decides which records one user may read or edit, computed
 * by core (src/core/security/visibility.ts) once per session. Id lists are
 * bound as one JSON parameter each, so the SQL stays the same size however
 * many subordinates or teams a user has.
 */
export interface VisibilityDescription {
  userId: string;
  /** Users whose role is below the user's role (at any depth). */
  subordinateUserIds: readonly string[];
  /** Queues (00G…) the user belongs to; lead owners may be queues. */
  queueIds: readonly string[];
  owd: Readonly<Record<SharedObject, SharingLevel>>;
  /** The user's account team memberships. */
  teams: readonly { accountId: string; accountAccess: 'read' | 'edit'; contactAccess: TeamAccess; opportunityAccess: TeamAccess }[];
  /** The user's profile permissions on an object. */
  permissions(object: string): ObjectPermissionRow;
}

export type AccessMode = 'read' | 'edit';

const NOTHING: SqlFragment = { sql: '0', params: [] };

const grants = (access: TeamAccess, mode: AccessMode): boolean => access === 'edit' || (access === 'read' && mode === 'read');

const inJson = (column: string, ids: readonly string[]): SqlFragment => ({
  sql: `${column} IN (SELECT value FROM json_each(?))`,
  params: [JSON.stringify(ids)],
});

/**
 * The predicate on `alias` limiting an object's rows to those the user may
 * read (or edit); undefined means every row. Mirrors, independently, the
 * reference checker in src/core/security/reference-checker.ts.
 */
export function sharingPredicate(desc: VisibilityDescription, objectName: string, mode: AccessMode, alias = 'r'): SqlFragment | undefined {
  const perms = desc.permissions(objectName);
  if (!perms.read) return NOTHING;
  if (mode === 'edit' && !perms.edit && !perms.modifyAll) return NOTHING;
  if (perms.modifyAll || (mode === 'read' && perms.viewAll)) return undefined;
  const col = (name: string): string => `${alias}.${quoteIdent(name)}`;
  const bySubordinates = desc.subordinateUserIds.length > 0 ? inJson(col('OwnerId'), desc.subordinateUserIds) : undefined;
  if (isChildObject(objectName)) {
    const terms: SqlFragment[] = [];
    if (objectName === 'Task') {
      terms.push({ sql: `${col('OwnerId')} = ?`, params: [desc.userId] });
      if (bySubordinates) terms.push(bySubordinates);
    }
    for (const link of PARENT_LINKS[objectName] ?? []) {
      const parentAlias = `${alias}_${link.field}_${link.parent}`.toLowerCase();
      const parentAccess = sharingPredicate(desc, link.parent, mode, parentAlias);
      if (parentAccess === NOTHING) continue;
      terms.push({
        sql: `${col(link.field)} IN (SELECT ${parentAlias}."Id" FROM ${quoteIdent(link.parent)} ${parentAlias}${parentAccess ? ` WHERE ${parentAccess.sql}` : ''})`,
        params: parentAccess?.params ?? [],
      });
    }
    return terms.length === 0 ? NOTHING : { sql: `(${terms.map((t) => t.sql).join(' OR ')})`, params: terms.flatMap((t) => t.params) };
  }
  if (!isSharedObject(objectName)) return undefined;
  const owd = desc.owd[objectName];
  if (owd === 'read-write' || (owd === 'read' && mode === 'read')) return undefined;

  const terms: SqlFragment[] = [{ sql: `${col('OwnerId')} = ?`, params: [desc.userId] }];
  const teamAccounts = (pick: (t: VisibilityDescription['teams'][number]) => TeamAccess): string[] =>
    desc.teams.filter((t) => grants(pick(t), mode)).map((t) => t.accountId);

  if (objectName === 'Contact' && owd === 'controlled-by-parent') {
    // A contact without an account is private to its owner and the owner's superiors.
    if (bySubordinates) terms.push({ sql: `(${col('AccountId')} IS NULL AND ${bySubordinates.sql})`, params: bySubordinates.params });
    const parentAlias = `${alias}_account`;
    const accountAccess = sharingPredicate(desc, 'Account', mode, parentAlias);
    if (accountAccess === undefined) terms.push({ sql: `${col('AccountId')} IN (SELECT ${parentAlias}."Id" FROM "Account" ${parentAlias})`, params: [] });
    else if (accountAccess !== NOTHING) {
      terms.push({
        sql: `${col('AccountId')} IN (SELECT ${parentAlias}."Id" FROM "Account" ${parentAlias} WHERE ${accountAccess.sql})`,
        params: accountAccess.params,
      });
    }
  } else {
    if (bySubordinates) terms.push(bySubordinates);
    if (objectName === 'Account') {
      const ids = teamAccounts((t) => t.accountAccess);
      if (ids.length > 0) terms.push(inJson(col('Id'), ids));
    } else if (objectName === 'Contact' || objectName === 'Opportunity') {
      const ids = teamAccounts((t) => (objectName === 'Contact' ? t.contactAccess : t.opportunityAccess));
      if (ids.length > 0) terms.push(inJson(col('AccountId'), ids));
    } else if (objectName === 'Lead' && desc.queueIds.length > 0) {
      terms.push(inJson(col('OwnerId'), desc.queueIds));
    }
  }
  return { sql: `(${terms.map((t) => t.sql).join(' OR ')})`, params: terms.flatMap((t) => t.params) };
}

/** Whether one record satisfies a sharing predicate (single-record reads and edits). */
export function recordMatchesPredicate(db: OrgDb, objectName: string, id: string, predicate: SqlFragment | undefined): boolean {
  if (predicate === undefined) return true;
  if (predicate === NOTHING) return false;
  const sql = `SELECT 1 FROM ${quoteIdent(objectName)} r WHERE r."Id" = ? AND ${predicate.sql}`;
  return cachedStatement(db, sql).get(id, ...predicate.params) !== undefined;
}

/** Ids of the records of an object a predicate admits (tests compare these with the reference checker). */
export function idsMatchingPredicate(db: OrgDb, objectName: string, predicate: SqlFragment | undefined): string[] {
  const where = predicate === undefined ? '' : ` WHERE ${predicate.sql}`;
  const rows = db.prepare(`SELECT r."Id" AS id FROM ${quoteIdent(objectName)} r${where} ORDER BY r."Id"`).all(...(predicate?.params ?? [])) as { id: string }[];
  return rows.map((r) => r.id);
}
