import { USER } from '../schema/standard-objects.js';
import { allocateIds, insertRecord } from '../store/records.js';
import type { OrgDb } from '../store/database.js';
import { setCredential } from '../store/users.js';

export interface NewUserRow {
  username: string;
  firstName?: string | null;
  lastName: string;
  email: string;
  profileId: string;
  roleId?: string | null;
  managerId?: string | null;
  userType?: string;
  contactId?: string | null;
  title?: string | null;
}

/**
 * Insert a user and their password hash (validated input, inside the caller's
 * transaction). The temporary password must be changed at first login.
 */
export function insertUserRow(db: OrgDb, user: NewUserRow, passwordHash: string, now: string, createdById: string | null): string {
  const [id] = allocateIds(db, USER, 1) as [string];
  const alias = (user.firstName?.[0] ?? '') + user.lastName.replace(/\s+/g, '');
  insertRecord(db, USER, {
    Id: id,
    Username: user.username,
    FirstName: user.firstName ?? null,
    LastName: user.lastName,
    Email: user.email,
    Alias: alias.slice(0, 8).toLowerCase(),
    Title: user.title ?? null,
    ProfileId: user.profileId,
    UserRoleId: user.roleId ?? null,
    ManagerId: user.managerId ?? null,
    IsActive: true,
    UserType: user.userType ?? 'Standard',
    ContactId: user.contactId ?? null,
    CreatedDate: now,
    CreatedById: createdById ?? id,
    LastModifiedDate: now,
    LastModifiedById: createdById ?? id,
  });
  setCredential(db, id, passwordHash, true, now);
  return id;
}

/** Split "Jane Q. Doe" into first and last name for a user record. */
export function splitUserName(name: string): { firstName: string | null; lastName: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return { firstName: null, lastName: parts[0] ?? '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1)! };
}
