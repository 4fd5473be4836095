import type { CrmRecord } from '../store/records.js';
import type { TeamAccess } from '../store/security.js';
import type { ObjectPermissionRow } from '../store/users.js';
import { isChildObject, isSharedObject, PARENT_LINKS, type SharedObject, type SharingLevel } from '../store/visibility-sql.js';

/**
 * The sharing rules written a second time, as plain TypeScript over records,
 * without SQL. Tests check that it agrees with the SQL predicates for every
 * user and record; `access explain` uses it for its reasons.
 */
export interface SharingWorld {
  owd: Readonly<Record<SharedObject, SharingLevel>>;
  /** Role id → parent role id. */
  roleParent: ReadonlyMap<string, string | null>;
  users: ReadonlyMap<string, WorldUser>;
  teamMembers: readonly { accountId: string; userId: string; accountAccess: 'read' | 'edit'; contactAccess: TeamAccess; opportunityAccess: TeamAccess }[];
  queueMembers: readonly { queueId: string; userId: string }[];
  /** A record by object and id (parents: accounts, opportunities, contacts, leads). */
  record(objectName: string, id: string): CrmRecord | undefined;
}

export interface WorldUser {
  username: string;
  roleId: string | null;
  profileName: string;
  isActive: boolean;
  /** Partner users: the external sharing model (every shared object Private). */
  external?: boolean;
  permissions(object: string): ObjectPermissionRow;
}

export type AccessRule =
  | 'object-permission'
  | 'modify-all'
  | 'view-all'
  | 'owner'
  | 'org-wide-default'
  | 'role-hierarchy'
  | 'account-team'
  | 'parent-account'
  | 'parent-record'
  | 'queue'
  | 'inactive'
  | 'no-rule';

export interface AccessReason {
  rule: AccessRule;
  /** The access this reason grants. */
  grants: 'none' | 'read' | 'edit';
  text: string;
}

export interface AccessDecision {
  read: boolean;
  edit: boolean;
  reasons: AccessReason[];
}

const OWD_LABEL: Record<SharingLevel, string> = {
  private: 'Private',
  read: 'Public Read Only',
  'read-write': 'Public Read/Write',
  'controlled-by-parent': 'Controlled by Parent',
};

export function sharingLevelLabel(level: SharingLevel): string {
  return OWD_LABEL[level];
}

/** Whether `userId`'s role is above the role of the user `ownerId` (walking up from the owner). */
export function isAboveInHierarchy(world: SharingWorld, userId: string, ownerId: string): boolean {
  const actorRole = world.users.get(userId)?.roleId ?? null;
  const ownerRole = world.users.get(ownerId)?.roleId ?? null;
  if (actorRole === null || ownerRole === null) return false;
  const seen = new Set<string>();
  let current = world.roleParent.get(ownerRole) ?? null;
  while (current !== null && !seen.has(current)) {
    if (current === actorRole) return true;
    seen.add(current);
    current = world.roleParent.get(current) ?? null;
  }
  return false;
}

export function checkRecordAccess(world: SharingWorld, userId: string, objectName: string, record: CrmRecord): AccessDecision {
  const user = world.users.get(userId);
  if (!user) return { read: false, edit: false, reasons: [{ rule: 'no-rule', grants: 'none', text: `no user ${userId}` }] };
  if (!user.isActive) {
    return { read: false, edit: false, reasons: [{ rule: 'inactive', grants: 'none', text: `${user.username} is deactivated and cannot act` }] };
  }
  const perms = user.permissions(objectName);
  if (!perms.read) {
    return {
      read: false,
      edit: false,
      reasons: [{ rule: 'object-permission', grants: 'none', text: `the ${user.profileName} profile has no Read permission on ${objectName}` }],
    };
  }
  const mayEditObject = perms.edit || perms.modifyAll;
  const decision: AccessDecision = { read: false, edit: false, reasons: [] };
  const grant = (level: 'read' | 'edit', rule: AccessRule, text: string): void => {
    const granted = level === 'edit' && mayEditObject ? 'edit' : 'read';
    decision.read = true;
    if (granted === 'edit') decision.edit = true;
    decision.reasons.push({ rule, grants: granted, text: granted === level ? text : `${text} (read only: the profile lacks Edit on ${objectName})` });
  };

  if (perms.modifyAll) grant('edit', 'modify-all', `the ${user.profileName} profile has Modify All on ${objectName}`);
  else if (perms.viewAll) grant('read', 'view-all', `the ${user.profileName} profile has View All on ${objectName}`);

  if (isChildObject(objectName)) {
    checkChildRecord(world, userId, user, objectName, record, grant);
    if (!decision.read) decision.reasons.push({ rule: 'no-rule', grants: 'none', text: `${user.username} neither owns this ${objectName}, is above its owner, nor may see the record it belongs to` });
    else if (!decision.edit) decision.reasons.push({ rule: 'no-rule', grants: 'none', text: `nothing grants edit on this ${objectName} or on the record it belongs to` });
    return decision;
  }
  if (!isSharedObject(objectName)) {
    grant('edit', 'object-permission', `${objectName} is not restricted by sharing; the profile's object permissions decide`);
    return decision;
  }
  const ownerId = typeof record.OwnerId === 'string' ? record.OwnerId : null;
  const ownerName = ownerId === null ? '(nobody)' : (world.users.get(ownerId)?.username ?? ownerId);
  if (ownerId === userId) grant('edit', 'owner', `${user.username} owns the record`);
  const owd = user.external ? 'private' : world.owd[objectName];
  const aboveOwner = ownerId !== null && isAboveInHierarchy(world, userId, ownerId);
  const hierarchyText = `${user.username}'s role is above the role of the owner ${ownerName} in the role hierarchy`;

  if (objectName === 'Contact' && owd === 'controlled-by-parent') {
    const accountId = typeof record.AccountId === 'string' ? record.AccountId : null;
    if (accountId === null) {
      if (aboveOwner) grant('edit', 'role-hierarchy', `${hierarchyText} (the contact has no account, so it is private)`);
    } else {
      const account = world.record('Account', accountId);
      const parent = account ? checkRecordAccess(world, userId, 'Account', account) : undefined;
      if (parent?.read) {
        const via = parent.reasons.filter((r) => r.grants !== 'none').map((r) => r.text).join('; ');
        grant(parent.edit ? 'edit' : 'read', 'parent-account', `contacts are Controlled by Parent and ${user.username} may ${parent.edit ? 'edit' : 'read'} the account ${accountId} (${via})`);
      }
    }
  } else {
    if (owd === 'read-write' || owd === 'read') {
      grant(owd === 'read-write' ? 'edit' : 'read', 'org-wide-default', `the org-wide default for ${objectName} is ${OWD_LABEL[owd]}`);
    }
    if (aboveOwner) grant('edit', 'role-hierarchy', hierarchyText);
    const teamAccountId = objectName === 'Account' ? record.Id : record.AccountId;
    if (objectName !== 'Lead' && typeof teamAccountId === 'string') {
      for (const m of world.teamMembers) {
        if (m.userId !== userId || m.accountId !== teamAccountId) continue;
        const access: TeamAccess = objectName === 'Account' ? m.accountAccess : objectName === 'Contact' ? m.contactAccess : m.opportunityAccess;
        if (access === 'none') continue;
        const what = objectName === 'Account' ? 'the account' : `the ${objectName.toLowerCase()}s of the account`;
        grant(access, 'account-team', `${user.username} is on the account team of ${teamAccountId} with ${access === 'edit' ? 'Read/Write' : 'Read Only'} access to ${what}`);
      }
    }
    if (objectName === 'Lead' && ownerId !== null && world.queueMembers.some((q) => q.userId === userId && q.queueId === ownerId)) {
      grant('edit', 'queue', `the lead is owned by the queue ${ownerId}, which ${user.username} belongs to`);
    }
  }
  if (!decision.read) {
    decision.reasons.push({
      rule: 'no-rule',
      grants: 'none',
      text: `${objectName} is ${OWD_LABEL[owd]} and ${user.username} is not the owner (${ownerName}), not above the owner in the role hierarchy, and has no account team or View All access`,
    });
  } else if (!decision.edit) {
    decision.reasons.push({
      rule: 'no-rule',
      grants: 'none',
      text: mayEditObject
        ? `nothing grants edit: ${user.username} is not the owner (${ownerName}), not above the owner in the role hierarchy, has no account team edit access or Modify All, and ${objectName} is ${OWD_LABEL[owd]}`
        : `the ${user.profileName} profile has no Edit permission on ${objectName}`,
    });
  }
  return decision;
}

/** Tasks: owner and superiors, plus the same access as on a related record; contact roles: as their opportunity. */
function checkChildRecord(
  world: SharingWorld,
  userId: string,
  user: WorldUser,
  objectName: string,
  record: CrmRecord,
  grant: (level: 'read' | 'edit', rule: AccessRule, text: string) => void,
): void {
  if (objectName === 'Task' && typeof record.OwnerId === 'string') {
    if (record.OwnerId === userId) grant('edit', 'owner', `${user.username} owns the task`);
    else if (isAboveInHierarchy(world, userId, record.OwnerId)) {
      grant('edit', 'role-hierarchy', `${user.username}'s role is above the role of the task's owner ${world.users.get(record.OwnerId)?.username ?? record.OwnerId}`);
    }
  }
  for (const link of PARENT_LINKS[objectName] ?? []) {
    const parentId = record[link.field];
    if (typeof parentId !== 'string') continue;
    const parent = world.record(link.parent, parentId);
    if (!parent) continue;
    const access = checkRecordAccess(world, userId, link.parent, parent);
    if (access.read) grant(access.edit ? 'edit' : 'read', 'parent-record', `${user.username} may ${access.edit ? 'edit' : 'read'} the related ${link.parent} ${parentId}`);
  }
}
