import type { OrgDb } from '../store/database.js';
import { getRecord } from '../store/records.js';
import { ACCOUNT, CONTACT, LEAD, OPPORTUNITY } from '../schema/standard-objects.js';
import { allObjectPermissions, allTeamMembers, listRoles } from '../store/security.js';
import { listUsers, type ObjectPermissionRow } from '../store/users.js';
import { queueIdsOf } from './queues.js';
import { isPartnerUser } from '../partners/field-access.js';
import type { SharingWorld, WorldUser } from './reference-checker.js';
import { readOrgWideDefaults } from './visibility.js';

const PARENT_OBJECTS = [ACCOUNT, CONTACT, LEAD, OPPORTUNITY];

const NO_PERMISSIONS: ObjectPermissionRow = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

/** The whole org's sharing setup as plain data, for the reference checker (explanations, tests). */
export function loadSharingWorld(db: OrgDb): SharingWorld {
  const permissions = allObjectPermissions(db);
  const users = new Map<string, WorldUser>();
  const queueMembers: { queueId: string; userId: string }[] = [];
  for (const u of listUsers(db)) {
    const byObject = permissions.get(u.profileId);
    users.set(u.id, {
      username: u.username,
      roleId: u.roleId,
      profileName: u.profileName,
      isActive: u.isActive,
      external: isPartnerUser(u),
      permissions: (object) => byObject?.get(object) ?? NO_PERMISSIONS,
    });
    for (const queueId of queueIdsOf(db, u.id)) queueMembers.push({ queueId, userId: u.id });
  }
  return {
    owd: readOrgWideDefaults(db),
    roleParent: new Map(listRoles(db).map((r) => [r.id, r.parentId])),
    users,
    teamMembers: allTeamMembers(db),
    queueMembers,
    record: (objectName, id) => {
      const object = PARENT_OBJECTS.find((o) => o.name === objectName);
      return object ? getRecord(db, object, id) : undefined;
    },
  };
}
