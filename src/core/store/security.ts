import type { OrgDb } from './database.js';
import { allocateIds, cachedStatement } from './records.js';
import type { ObjectPermissionRow } from './users.js';

/**
 * Repository functions for the security setup: roles, profiles and their
 * object permissions, org-wide sharing defaults and account teams.
 */

// ---------------------------------------------------------------- roles

export interface RoleRow {
  id: string;
  name: string;
  parentId: string | null;
}

export function listRoles(db: OrgDb): RoleRow[] {
  const rows = cachedStatement(db, 'SELECT "Id", "Name", "ParentRoleId" FROM "UserRole" ORDER BY "CreatedDate", "Id"').all() as {
    Id: string;
    Name: string;
    ParentRoleId: string | null;
  }[];
  return rows.map((r) => ({ id: r.Id, name: r.Name, parentId: r.ParentRoleId }));
}

export function findRoleByName(db: OrgDb, name: string): RoleRow | undefined {
  const row = cachedStatement(db, 'SELECT "Id", "Name", "ParentRoleId" FROM "UserRole" WHERE "Name" = ? COLLATE NOCASE').get(name) as
    | { Id: string; Name: string; ParentRoleId: string | null }
    | undefined;
  return row ? { id: row.Id, name: row.Name, parentId: row.ParentRoleId } : undefined;
}

export function insertRole(db: OrgDb, name: string, parentId: string | null, now: string): string {
  const [id] = allocateIds(db, { name: 'UserRole', keyPrefix: '00E' }, 1) as [string];
  cachedStatement(db, 'INSERT INTO "UserRole" ("Id", "Name", "ParentRoleId", "CreatedDate") VALUES (?, ?, ?, ?)').run(id, name, parentId, now);
  return id;
}

export function setRoleParent(db: OrgDb, roleId: string, parentId: string | null): void {
  cachedStatement(db, 'UPDATE "UserRole" SET "ParentRoleId" = ? WHERE "Id" = ?').run(parentId, roleId);
}

export function deleteRole(db: OrgDb, roleId: string): void {
  cachedStatement(db, 'DELETE FROM "UserRole" WHERE "Id" = ?').run(roleId);
}

/** Every user (active or not) with their role: the input to the role hierarchy. */
export function userRoleAssignments(db: OrgDb): { id: string; username: string; roleId: string | null; isActive: boolean }[] {
  const rows = cachedStatement(db, 'SELECT "Id", "Username", "UserRoleId", "IsActive" FROM "User" ORDER BY "CreatedDate", "Id"').all() as {
    Id: string;
    Username: string;
    UserRoleId: string | null;
    IsActive: number | null;
  }[];
  return rows.map((r) => ({ id: r.Id, username: r.Username, roleId: r.UserRoleId, isActive: r.IsActive !== 0 }));
}

// ---------------------------------------------------------------- profiles

export interface ProfileRow {
  id: string;
  name: string;
  description: string | null;
  isCustom: boolean;
  license: string;
  userCount: number;
}

export function listProfiles(db: OrgDb): ProfileRow[] {
  const rows = db
    .prepare(
      `SELECT p."Id", p."Name", p."Description", p."IsCustom", p."UserLicense", (SELECT count(*) FROM "User" u WHERE u."ProfileId" = p."Id") AS users
       FROM "Profile" p ORDER BY p."IsCustom", p."CreatedDate", p."Id"`,
    )
    .all() as { Id: string; Name: string; Description: string | null; IsCustom: number; UserLicense: string; users: number }[];
  return rows.map((r) => ({ id: r.Id, name: r.Name, description: r.Description, isCustom: r.IsCustom === 1, license: r.UserLicense, userCount: r.users }));
}

/** Insert a custom profile with a fresh id (ids never collide with the seeded standard profiles). */
export function insertCustomProfile(db: OrgDb, name: string, description: string | null, license: string, now: string): string {
  let id: string;
  do {
    [id] = allocateIds(db, { name: 'Profile', keyPrefix: '00e' }, 1) as [string];
  } while (cachedStatement(db, 'SELECT 1 FROM "Profile" WHERE "Id" = ?').get(id) !== undefined);
  cachedStatement(db, 'INSERT INTO "Profile" ("Id", "Name", "Description", "IsCustom", "UserLicense", "CreatedDate") VALUES (?, ?, ?, 1, ?, ?)').run(
    id,
    name,
    description,
    license,
    now,
  );
  return id;
}

interface PermissionDbRow {
  profile_id: string;
  object: string;
  can_read: number;
  can_create: number;
  can_edit: number;
  can_delete: number;
  view_all: number;
  modify_all: number;
}

const toPermission = (r: PermissionDbRow): ObjectPermissionRow => ({
  read: r.can_read === 1,
  create: r.can_create === 1,
  edit: r.can_edit === 1,
  delete: r.can_delete === 1,
  viewAll: r.view_all === 1,
  modifyAll: r.modify_all === 1,
});

/** Every profile's object permissions: profile id → object → permissions. */
export function allObjectPermissions(db: OrgDb): Map<string, Map<string, ObjectPermissionRow>> {
  const out = new Map<string, Map<string, ObjectPermissionRow>>();
  for (const row of db.prepare('SELECT * FROM profile_object_permission ORDER BY profile_id, object').all() as PermissionDbRow[]) {
    let byObject = out.get(row.profile_id);
    if (!byObject) out.set(row.profile_id, (byObject = new Map()));
    byObject.set(row.object, toPermission(row));
  }
  return out;
}

export function writeObjectPermissions(db: OrgDb, profileId: string, object: string, p: ObjectPermissionRow): void {
  cachedStatement(
    db,
    `INSERT INTO profile_object_permission (profile_id, object, can_read, can_create, can_edit, can_delete, view_all, modify_all)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(profile_id, object) DO UPDATE SET can_read = excluded.can_read, can_create = excluded.can_create,
       can_edit = excluded.can_edit, can_delete = excluded.can_delete, view_all = excluded.view_all, modify_all = excluded.modify_all`,
  ).run(profileId, object, +p.read, +p.create, +p.edit, +p.delete, +p.viewAll, +p.modifyAll);
}

export function copyObjectPermissions(db: OrgDb, fromProfileId: string, toProfileId: string): void {
  cachedStatement(
    db,
    `INSERT INTO profile_object_permission (profile_id, object, can_read, can_create, can_edit, can_delete, view_all, modify_all)
     SELECT ?, object, can_read, can_create, can_edit, can_delete, view_all, modify_all FROM profile_object_permission WHERE profile_id = ?`,
  ).run(toProfileId, fromProfileId);
}

// ---------------------------------------------------------------- org-wide defaults

export function readSharingDefaults(db: OrgDb): Map<string, string> {
  const rows = cachedStatement(db, 'SELECT object, access FROM sharing_default').all() as { object: string; access: string }[];
  return new Map(rows.map((r) => [r.object, r.access]));
}

export function writeSharingDefault(db: OrgDb, object: string, access: string, now: string): void {
  cachedStatement(
    db,
    `INSERT INTO sharing_default (object, access, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(object) DO UPDATE SET access = excluded.access, updated_at = excluded.updated_at`,
  ).run(object, access, now);
}

// ---------------------------------------------------------------- account teams

export type TeamAccess = 'none' | 'read' | 'edit';

export interface TeamMemberRow {
  accountId: string;
  userId: string;
  username: string;
  teamRole: string;
  accountAccess: 'read' | 'edit';
  opportunityAccess: TeamAccess;
  contactAccess: TeamAccess;
  addedAt: string;
}

const SELECT_MEMBER = `SELECT m.account_id, m.user_id, u."Username" AS username, m.team_role, m.account_access, m.opportunity_access, m.contact_access, m.added_at
  FROM account_team_member m JOIN "User" u ON u."Id" = m.user_id`;

interface MemberDbRow {
  account_id: string;
  user_id: string;
  username: string;
  team_role: string;
  account_access: 'read' | 'edit';
  opportunity_access: TeamAccess;
  contact_access: TeamAccess;
  added_at: string;
}

const toMember = (r: MemberDbRow): TeamMemberRow => ({
  accountId: r.account_id,
  userId: r.user_id,
  username: r.username,
  teamRole: r.team_role,
  accountAccess: r.account_access,
  opportunityAccess: r.opportunity_access,
  contactAccess: r.contact_access,
  addedAt: r.added_at,
});

export function teamMembersOfAccount(db: OrgDb, accountId: string): TeamMemberRow[] {
  return (cachedStatement(db, `${SELECT_MEMBER} WHERE m.account_id = ? ORDER BY m.added_at, u."Username"`).all(accountId) as MemberDbRow[]).map(toMember);
}

export function teamMembershipsOfUser(db: OrgDb, userId: string): TeamMemberRow[] {
  return (cachedStatement(db, `${SELECT_MEMBER} WHERE m.user_id = ? ORDER BY m.account_id`).all(userId) as MemberDbRow[]).map(toMember);
}

export function allTeamMembers(db: OrgDb): TeamMemberRow[] {
  return (db.prepare(`${SELECT_MEMBER} ORDER BY m.account_id, m.user_id`).all() as MemberDbRow[]).map(toMember);
}

export function upsertTeamMember(db: OrgDb, m: Omit<TeamMemberRow, 'username'>, addedBy: string | null): void {
  cachedStatement(
    db,
    `INSERT INTO account_team_member (account_id, user_id, team_role, account_access, opportunity_access, contact_access, added_at, added_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(account_id, user_id) DO UPDATE SET team_role = excluded.team_role, account_access = excluded.account_access,
       opportunity_access = excluded.opportunity_access, contact_access = excluded.contact_access`,
  ).run(m.accountId, m.userId, m.teamRole, m.accountAccess, m.opportunityAccess, m.contactAccess, m.addedAt, addedBy);
}

export function deleteTeamMember(db: OrgDb, accountId: string, userId: string): boolean {
  return cachedStatement(db, 'DELETE FROM account_team_member WHERE account_id = ? AND user_id = ?').run(accountId, userId).changes > 0;
}

export function listTeamRoles(db: OrgDb): string[] {
  return (cachedStatement(db, 'SELECT name FROM account_team_role ORDER BY created_at, name').all() as { name: string }[]).map((r) => r.name);
}

export function insertTeamRole(db: OrgDb, name: string, now: string): boolean {
  return cachedStatement(db, 'INSERT INTO account_team_role (name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING').run(name, now).changes > 0;
}
