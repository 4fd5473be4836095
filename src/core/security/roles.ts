import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { inTransaction } from '../store/database.js';
import { deleteRole, findRoleByName, insertRole, listRoles, setRoleParent, userRoleAssignments, type RoleRow } from '../store/security.js';
import { requireAdministrator } from './admin.js';
import { auditSetupChange } from './audit.js';
import { refreshAccess } from './sharing-policy.js';
import { rolesBelow } from './visibility.js';

export interface RoleNode {
  id: string;
  name: string;
  users: string[];
  children: RoleNode[];
}

export function requireRole(session: OrgSession, name: string): RoleRow {
  const role = findRoleByName(session.db, name.trim());
  if (!role) {
    throw new CrmError('NOT_FOUND', `No role called "${name}".`, { hint: 'Try: crmctl role tree to see the roles.', details: { role: name } });
  }
  return role;
}

export function addRole(session: OrgSession, name: string, parentName?: string): RoleRow {
  requireAdministrator(session, 'add roles');
  const clean = name.trim();
  if (clean === '' || clean.length > 80) throw new CrmError('USAGE', 'A role name needs 1-80 characters.', { hint: 'Example: crmctl role add "Sales Rep" --parent "Sales Manager"' });
  if (findRoleByName(session.db, clean)) {
    throw new CrmError('CONFLICT', `A role called "${clean}" already exists.`, { hint: 'Choose another name, or move it with crmctl role move.' });
  }
  const parent = parentName === undefined ? null : requireRole(session, parentName);
  const id = inTransaction(session.db, () => {
    const created = insertRole(session.db, clean, parent?.id ?? null, session.now().toISOString());
    auditSetupChange(session, 'role.add', clean, null, { parent: parent?.name ?? null });
    return created;
  });
  return { id, name: clean, parentId: parent?.id ?? null };
}

/** The role hierarchy as a forest, with the usernames holding each role. */
export function roleTree(session: OrgSession): RoleNode[] {
  const roles = listRoles(session.db);
  const holders = new Map<string, string[]>();
  for (const u of userRoleAssignments(session.db)) {
    if (u.roleId === null) continue;
    holders.set(u.roleId, [...(holders.get(u.roleId) ?? []), u.username]);
  }
  const build = (role: RoleRow): RoleNode => ({
    id: role.id,
    name: role.name,
    users: holders.get(role.id) ?? [],
    children: roles.filter((r) => r.parentId === role.id).map(build),
  });
  return roles.filter((r) => r.parentId === null).map(build);
}

/** Move a role under another (or to the top with no parent); refuses to create a cycle. */
export function moveRole(session: OrgSession, name: string, parentName: string | undefined): { role: string; from: string | null; to: string | null } {
  requireAdministrator(session, 'move roles');
  const role = requireRole(session, name);
  const parent = parentName === undefined ? null : requireRole(session, parentName);
  const roles = listRoles(session.db);
  if (parent && (parent.id === role.id || rolesBelow(roles, role.id).has(parent.id))) {
    throw new CrmError('CONFLICT', `Cannot move "${role.name}" under "${parent.name}": ${parent.name} is ${parent.id === role.id ? 'the role itself' : 'below it'}.`, {
      hint: `Move "${parent.name}" elsewhere first, or choose a parent outside "${role.name}"'s branch.`,
    });
  }
  const from = roles.find((r) => r.id === role.parentId)?.name ?? null;
  inTransaction(session.db, () => {
    setRoleParent(session.db, role.id, parent?.id ?? null);
    auditSetupChange(session, 'role.move', role.name, { parent: from }, { parent: parent?.name ?? null });
  });
  refreshAccess(session.access);
  return { role: role.name, from, to: parent?.name ?? null };
}

/** Remove a role; refused while users hold it or roles sit below it. */
export function removeRole(session: OrgSession, name: string): { removed: string } {
  requireAdministrator(session, 'remove roles');
  const role = requireRole(session, name);
  const holders = userRoleAssignments(session.db).filter((u) => u.roleId === role.id);
  if (holders.length > 0) {
    const names = holders.map((u) => u.username);
    throw new CrmError('CONFLICT', `The role "${role.name}" is held by ${holders.length} user(s): ${names.join(', ')}; it was not removed.`, {
      hint: `Give them another role first: crmctl user update ${names[0]} --role "<role>"`,
      details: { role: role.name, users: names },
    });
  }
  const children = listRoles(session.db).filter((r) => r.parentId === role.id);
  if (children.length > 0) {
    throw new CrmError('CONFLICT', `Roles sit below "${role.name}" (${children.map((c) => c.name).join(', ')}); it was not removed.`, {
      hint: `Move them first: crmctl role move "${children[0]!.name}" --parent "<role>"`,
    });
  }
  inTransaction(session.db, () => {
    deleteRole(session.db, role.id);
    auditSetupChange(session, 'role.remove', role.name, { parent: role.parentId }, null);
  });
  return { removed: role.name };
}
