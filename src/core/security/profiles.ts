import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { inTransaction } from '../store/database.js';
import { allObjectPermissions, copyObjectPermissions, insertCustomProfile, listProfiles, writeObjectPermissions, type ProfileRow } from '../store/security.js';
import { findProfileByName, type ObjectPermissionRow } from '../store/users.js';
import { requireAdministrator } from './admin.js';
import { auditSetupChange } from './audit.js';
import { refreshAccess } from './sharing-policy.js';

export type PermissionName = keyof ObjectPermissionRow;
export const PERMISSION_NAMES: PermissionName[] = ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll'];

const NONE: ObjectPermissionRow = { read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false };

export interface ProfileDetail extends ProfileRow {
  permissions: ({ object: string } & ObjectPermissionRow)[];
}

export function requireProfile(session: OrgSession, name: string): ProfileRow {
  const found = findProfileByName(session.db, name.trim());
  const row = found ? listProfiles(session.db).find((p) => p.id === found.id) : undefined;
  if (!row) {
    throw new CrmError('NOT_FOUND', `No profile called "${name}".`, { hint: 'Try: crmctl profile list', details: { profile: name } });
  }
  return row;
}

export function profileList(session: OrgSession): ProfileRow[] {
  return listProfiles(session.db);
}

export function showProfile(session: OrgSession, name: string): ProfileDetail {
  const profile = requireProfile(session, name);
  const byObject = allObjectPermissions(session.db).get(profile.id) ?? new Map<string, ObjectPermissionRow>();
  return {
    ...profile,
    permissions: session.objects.all().map((o) => ({ object: o.name, ...(byObject.get(o.name) ?? NONE) })),
  };
}

/** Clone a profile (standard or custom) with all its object permissions into a new custom profile. */
export function cloneProfile(session: OrgSession, sourceName: string, newName: string, description?: string): ProfileDetail {
  requireAdministrator(session, 'clone profiles');
  const source = requireProfile(session, sourceName);
  const name = newName.trim();
  if (name === '' || name.length > 80) throw new CrmError('USAGE', 'A profile name needs 1-80 characters.', { hint: 'Example: crmctl profile clone "Standard User" "Sales Rep"' });
  if (findProfileByName(session.db, name)) {
    throw new CrmError('CONFLICT', `A profile called "${name}" already exists.`, { hint: 'Choose another name, or change it with crmctl profile set.' });
  }
  inTransaction(session.db, () => {
    const id = insertCustomProfile(session.db, name, description ?? `Cloned from ${source.name}.`, source.license, session.now().toISOString());
    copyObjectPermissions(session.db, source.id, id);
    auditSetupChange(session, 'profile.clone', name, null, { from: source.name });
  });
  return showProfile(session, name);
}

/**
 * Apply Salesforce's dependencies between object permissions: what is
 * granted pulls in what it needs, what is removed takes away what needs it.
 */
export function withDependencies(current: ObjectPermissionRow, changes: Partial<ObjectPermissionRow>): ObjectPermissionRow {
  const p = { ...current, ...changes };
  const on = (name: PermissionName): boolean => changes[name] === true;
  const off = (name: PermissionName): boolean => changes[name] === false;
  if (on('modifyAll')) Object.assign(p, { read: true, edit: true, delete: true, viewAll: true });
  if (on('viewAll')) p.read = true;
  if (on('delete')) Object.assign(p, { read: true, edit: true });
  if (on('edit') || on('create')) p.read = true;
  if (off('read')) Object.assign(p, { create: false, edit: false, delete: false, viewAll: false, modifyAll: false });
  if (off('edit')) Object.assign(p, { delete: false, modifyAll: false });
  if (off('delete') || off('viewAll')) p.modifyAll = false;
  return p;
}

/** Change a custom profile's permissions on one object; standard profiles are fixed (clone them first). */
export function setProfilePermissions(
  session: OrgSession,
  profileName: string,
  objectName: string,
  changes: Partial<ObjectPermissionRow>,
): { profile: string; object: string; from: ObjectPermissionRow; to: ObjectPermissionRow } {
  requireAdministrator(session, 'change profiles');
  const profile = requireProfile(session, profileName);
  const object = session.objects.get(objectName);
  if (!profile.isCustom) {
    throw new CrmError('CONFLICT', `"${profile.name}" is a standard profile; its object permissions cannot be changed.`, {
      hint: `Clone it first: crmctl profile clone "${profile.name}" "<new name>", then change the clone.`,
    });
  }
  if (Object.keys(changes).length === 0) {
    throw new CrmError('USAGE', 'Nothing to change.', { hint: 'Pass --read, --create, --edit, --delete, --view-all, --modify-all (or --no-edit etc.).' });
  }
  const from = allObjectPermissions(session.db).get(profile.id)?.get(object.name) ?? NONE;
  const to = withDependencies(from, changes);
  inTransaction(session.db, () => {
    writeObjectPermissions(session.db, profile.id, object.name, to);
    auditSetupChange(session, 'profile.set', `${profile.name}/${object.name}`, { ...from }, { ...to });
  });
  refreshAccess(session.access);
  return { profile: profile.name, object: object.name, from, to };
}
