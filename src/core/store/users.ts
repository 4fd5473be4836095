import type { OrgDb } from './database.js';
import { cachedStatement } from './records.js';

export interface UserSummary {
  id: string;
  username: string;
  firstName: string | null;
  lastName: string;
  email: string;
  profileId: string;
  profileName: string;
  roleId: string | null;
  managerId: string | null;
  isActive: boolean;
  userType: string | null;
  contactId: string | null;
}

interface UserRow {
  Id: string;
  Username: string;
  FirstName: string | null;
  LastName: string;
  Email: string;
  ProfileId: string;
  ProfileName: string;
  UserRoleId: string | null;
  ManagerId: string | null;
  IsActive: number | null;
  UserType: string | null;
  ContactId: string | null;
}

const SELECT_USER = `SELECT u."Id", u."Username", u."FirstName", u."LastName", u."Email", u."ProfileId", p."Name" AS "ProfileName",
  u."UserRoleId", u."ManagerId", u."IsActive", u."UserType", u."ContactId"
  FROM "User" u JOIN "Profile" p ON p."Id" = u."ProfileId"`;

const toSummary = (r: UserRow): UserSummary => ({
  id: r.Id,
  username: r.Username,
  firstName: r.FirstName,
  lastName: r.LastName,
  email: r.Email,
  profileId: r.ProfileId,
  profileName: r.ProfileName,
  roleId: r.UserRoleId,
  managerId: r.ManagerId,
  isActive: r.IsActive !== 0,
  userType: r.UserType,
  contactId: r.ContactId,
});

export function findUserByUsername(db: OrgDb, username: string): UserSummary | undefined {
  const row = cachedStatement(db, `${SELECT_USER} WHERE u."Username" = ? COLLATE NOCASE`).get(username) as UserRow | undefined;
  return row ? toSummary(row) : undefined;
}

export function findUserById(db: OrgDb, id: string): UserSummary | undefined {
  const row = cachedStatement(db, `${SELECT_USER} WHERE u."Id" = ?`).get(id) as UserRow | undefined;
  return row ? toSummary(row) : undefined;
}

/** The org's first active System Administrator: who `--as` defaults to. */
export function firstAdministrator(db: OrgDb): UserSummary | undefined {
  const row = cachedStatement(
    db,
    `${SELECT_USER} WHERE p."Name" = 'System Administrator' AND COALESCE(u."IsActive", 1) = 1 ORDER BY u."CreatedDate", u."Id" LIMIT 1`,
  ).get() as UserRow | undefined;
  return row ? toSummary(row) : undefined;
}

export function listUsers(db: OrgDb): UserSummary[] {
  return (db.prepare(`${SELECT_USER} ORDER BY u."CreatedDate", u."Id"`).all() as UserRow[]).map(toSummary);
}

/** Find users by username, e-mail or full name (for owner columns in imports). */
export function findUsersByAnyName(db: OrgDb, text: string): UserSummary[] {
  const rows = cachedStatement(
    db,
    `${SELECT_USER} WHERE u."Username" = @text COLLATE NOCASE OR u."Email" = @text COLLATE NOCASE
       OR crm_fold(trim(COALESCE(u."FirstName", '') || ' ' || u."LastName")) = crm_fold(@text)
       OR crm_fold(u."LastName" || ', ' || COALESCE(u."FirstName", '')) = crm_fold(@text)`,
  ).all({ text: text.trim() }) as UserRow[];
  return rows.map(toSummary);
}

export function setCredential(db: OrgDb, userId: string, passwordHash: string, mustChange: boolean, at: string): void {
  cachedStatement(
    db,
    `INSERT INTO user_credential (user_id, password_hash, must_change, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET password_hash = excluded.password_hash, must_change = excluded.must_change, updated_at = excluded.updated_at`,
  ).run(userId, passwordHash, mustChange ? 1 : 0, at);
}

export function readCredential(db: OrgDb, userId: string): { passwordHash: string; mustChange: boolean } | undefined {
  const row = cachedStatement(db, 'SELECT password_hash, must_change FROM user_credential WHERE user_id = ?').get(userId) as
    | { password_hash: string; must_change: number }
    | undefined;
  return row ? { passwordHash: row.password_hash, mustChange: row.must_change === 1 } : undefined;
}

export interface ProfileSummary {
  id: string;
  name: string;
  isCustom: boolean;
}

export function findProfileByName(db: OrgDb, name: string): ProfileSummary | undefined {
  const row = cachedStatement(db, 'SELECT "Id", "Name", "IsCustom" FROM "Profile" WHERE "Name" = ? COLLATE NOCASE').get(name) as
    | { Id: string; Name: string; IsCustom: number }
    | undefined;
  return row ? { id: row.Id, name: row.Name, isCustom: row.IsCustom === 1 } : undefined;
}

export interface ObjectPermissionRow {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export function objectPermissions(db: OrgDb, profileId: string, object: string): ObjectPermissionRow {
  const row = cachedStatement(
    db,
    'SELECT can_read, can_create, can_edit, can_delete, view_all, modify_all FROM profile_object_permission WHERE profile_id = ? AND object = ?',
  ).get(profileId, object) as
    | { can_read: number; can_create: number; can_edit: number; can_delete: number; view_all: number; modify_all: number }
    | undefined;
  return {
    read: row?.can_read === 1,
    create: row?.can_create === 1,
    edit: row?.can_edit === 1,
    delete: row?.can_delete === 1,
    viewAll: row?.view_all === 1,
    modifyAll: row?.modify_all === 1,
  };
}
