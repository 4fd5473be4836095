import type { OrgDb } from '../store/database.js';
import { listRoles, readSharingDefaults, teamMembershipsOfUser, userRoleAssignments, type RoleRow } from '../store/security.js';
import { objectPermissions, type ObjectPermissionRow, type UserSummary } from '../store/users.js';
import { SHARED_OBJECTS, type SharedObject, type SharingLevel, type VisibilityDescription } from '../store/visibility-sql.js';
import { queueIdsOf } from './queues.js';
import { isPartnerUser } from '../partners/field-access.js';

/**
 * Salesforce's default for a new org is public: every shared object starts
 * Public Read/Write until an administrator runs `crmctl sharing set`.
 */
export const DEFAULT_SHARING_LEVEL: SharingLevel = 'read-write';

export function readOrgWideDefaults(db: OrgDb): Record<SharedObject, SharingLevel> {
  const stored = readSharingDefaults(db);
  const out = {} as Record<SharedObject, SharingLevel>;
  for (const object of SHARED_OBJECTS) out[object] = (stored.get(object) as SharingLevel | undefined) ?? DEFAULT_SHARING_LEVEL;
  return out;
}

/**
 * Partner users get the external sharing model: every shared object is
 * Private for them, whatever the internal defaults, so they see only what they
 * own, what their subordinates own and the queues they belong to.
 */
export function effectiveOrgWideDefaults(db: OrgDb, user: Pick<UserSummary, 'userType'>): Record<SharedObject, SharingLevel> {
  const owd = readOrgWideDefaults(db);
  if (!isPartnerUser(user)) return owd;
  for (const object of SHARED_OBJECTS) owd[object] = 'private';
  return owd;
}

/** Ids of the roles strictly below `roleId`, at any depth. */
export function rolesBelow(roles: readonly RoleRow[], roleId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const role of roles) {
    if (role.parentId === null) continue;
    const list = children.get(role.parentId) ?? [];
    list.push(role.id);
    children.set(role.parentId, list);
  }
  const below = new Set<string>();
  const queue = [...(children.get(roleId) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (below.has(next) || next === roleId) continue;
    below.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return below;
}

/** Compute what the SQL sharing predicates need to know about one user. */
export function describeVisibility(db: OrgDb, user: UserSummary): VisibilityDescription {
  let subordinateUserIds: string[] = [];
  if (user.roleId !== null) {
    const below = rolesBelow(listRoles(db), user.roleId);
    subordinateUserIds = userRoleAssignments(db)
      .filter((u) => u.roleId !== null && below.has(u.roleId))
      .map((u) => u.id);
  }
  const cache = new Map<string, ObjectPermissionRow>();
  return {
    userId: user.id,
    subordinateUserIds,
    queueIds: queueIdsOf(db, user.id),
    owd: effectiveOrgWideDefaults(db, user),
    teams: teamMembershipsOfUser(db, user.id).map((m) => ({
      accountId: m.accountId,
      accountAccess: m.accountAccess,
      contactAccess: m.contactAccess,
      opportunityAccess: m.opportunityAccess,
    })),
    permissions(object: string): ObjectPermissionRow {
      let p = cache.get(object);
      if (!p) cache.set(object, (p = objectPermissions(db, user.profileId, object)));
      return p;
    },
  };
}
