import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { readVisibleRecord } from '../records/service.js';
import { inTransaction } from '../store/database.js';
import { readSetting, writeSetting } from '../store/org.js';
import { deleteTeamMember, insertTeamRole, listTeamRoles, teamMembersOfAccount, upsertTeamMember, type TeamAccess, type TeamMemberRow } from '../store/security.js';
import type { CrmRecord } from '../store/records.js';
import { findUserByUsername, objectPermissions, type UserSummary } from '../store/users.js';
import { permissionDenied } from './access.js';
import { isAboveInHierarchy } from './reference-checker.js';
import { loadSharingWorld } from './sharing-world.js';
import { requireAdministrator } from './admin.js';
import { auditSetupChange } from './audit.js';
import { refreshAccess } from './sharing-policy.js';

const ENABLED_KEY = 'team.enabled';

/** Salesforce's standard account team roles, seeded when teams are enabled. */
export const STANDARD_TEAM_ROLES = ['Account Manager', 'Channel Manager', 'Executive Sponsor', 'Lead Qualifier', 'Pre-Sales Consultant', 'Sales Manager', 'Sales Rep', 'Technical Sales Manager'];

export function teamsEnabled(session: OrgSession): boolean {
  return readSetting(session.db, ENABLED_KEY) !== undefined;
}

export function enableTeams(session: OrgSession): { enabled: true; alreadyEnabled: boolean; teamRoles: string[] } {
  requireAdministrator(session, 'enable account teams');
  const alreadyEnabled = teamsEnabled(session);
  if (!alreadyEnabled) {
    inTransaction(session.db, () => {
      const now = session.now().toISOString();
      writeSetting(session.db, ENABLED_KEY, now);
      for (const role of STANDARD_TEAM_ROLES) insertTeamRole(session.db, role, now);
      auditSetupChange(session, 'team.enable', 'Account', false, true);
    });
  }
  return { enabled: true, alreadyEnabled, teamRoles: listTeamRoles(session.db) };
}

function requireTeams(session: OrgSession): void {
  if (!teamsEnabled(session)) {
    throw new CrmError('CONFLICT', 'Account teams are not enabled in this org.', { hint: 'Try: crmctl team enable' });
  }
}

export function teamRoles(session: OrgSession): string[] {
  requireTeams(session);
  return listTeamRoles(session.db);
}

export function addTeamRole(session: OrgSession, name: string): { teamRole: string; teamRoles: string[] } {
  requireAdministrator(session, 'add account team roles');
  requireTeams(session);
  const clean = name.trim();
  if (clean === '' || clean.length > 80) throw new CrmError('USAGE', 'A team role name needs 1-80 characters.', { hint: 'Example: crmctl team roles add "Solution Engineer"' });
  inTransaction(session.db, () => {
    if (!insertTeamRole(session.db, clean, session.now().toISOString())) {
      throw new CrmError('CONFLICT', `The team role "${clean}" already exists.`, { hint: 'See them with: crmctl team roles list' });
    }
    auditSetupChange(session, 'team.role.add', clean, null, clean);
  });
  return { teamRole: clean, teamRoles: listTeamRoles(session.db) };
}

export interface TeamMemberInput {
  teamRole: string;
  accountAccess: string;
  opportunityAccess: string;
  contactAccess: string;
}

function parseAccess(flag: string, value: string, allowNone: boolean): TeamAccess {
  const v = value.trim().toLowerCase();
  if (v === 'read' || v === 'edit' || (allowNone && v === 'none')) return v;
  throw new CrmError('USAGE', `${flag} ${value}: expected ${allowNone ? 'none, read or edit' : 'read or edit'}.`, { hint: `Example: ${flag} ${allowNone ? 'none' : 'read'}` });
}

function requireActiveUser(session: OrgSession, username: string): UserSummary {
  const user = findUserByUsername(session.db, username);
  if (!user) throw new CrmError('NOT_FOUND', `No user "${username}".`, { hint: 'Try: crmctl user list' });
  if (!user.isActive) throw new CrmError('CONFLICT', `${user.username} is deactivated and cannot join a team.`, { hint: `Reactivate first: crmctl user update ${user.username} --active` });
  return user;
}

/**
 * Salesforce lets the account's owner, users above the owner in the role
 * hierarchy and profiles with Modify All manage its team; edit access alone
 * is not enough (a member could otherwise widen their own access).
 */
function requireAccountControl(session: OrgSession, account: CrmRecord): void {
  const owner = typeof account.OwnerId === 'string' ? account.OwnerId : null;
  if (owner === session.actor.id || objectPermissions(session.db, session.actor.profileId, 'Account').modifyAll) return;
  if (owner !== null && isAboveInHierarchy(loadSharingWorld(session.db), session.actor.id, owner)) return;
  throw permissionDenied(
    session.actor,
    `manage the team of account ${String(account.Id)}: only its owner, users above the owner in the role hierarchy and administrators may`,
    'Ask the account owner or an administrator to change the team.',
  );
}

/** Add (or change) a team member. */
export function addTeamMember(session: OrgSession, accountId: string, username: string, input: TeamMemberInput): TeamMemberRow {
  requireTeams(session);
  const object = session.objects.get('Account');
  const account = readVisibleRecord(session, object, accountId);
  session.access.requireRecordEdit(object, account);
  requireAccountControl(session, account);
  const user = requireActiveUser(session, username);
  const role = listTeamRoles(session.db).find((r) => r.toLowerCase() === input.teamRole.trim().toLowerCase());
  if (!role) {
    throw new CrmError('USAGE', `--team-role ${input.teamRole}: no such account team role.`, { hint: `Use one of: ${listTeamRoles(session.db).join(', ')}, or add it with crmctl team roles add.` });
  }
  const accountAccess = parseAccess('--account-access', input.accountAccess, false) as 'read' | 'edit';
  const member = {
    accountId: String(account.Id),
    userId: user.id,
    teamRole: role,
    accountAccess,
    opportunityAccess: parseAccess('--opportunity-access', input.opportunityAccess, true),
    contactAccess: parseAccess('--contact-access', input.contactAccess, true),
    addedAt: session.now().toISOString(),
  };
  inTransaction(session.db, () => {
    const before = teamMembersOfAccount(session.db, member.accountId).find((m) => m.userId === user.id);
    upsertTeamMember(session.db, member, session.actor.id);
    const describe = (m: Omit<TeamMemberRow, 'username' | 'addedAt' | 'accountId' | 'userId'>) => ({
      teamRole: m.teamRole,
      accountAccess: m.accountAccess,
      opportunityAccess: m.opportunityAccess,
      contactAccess: m.contactAccess,
    });
    auditSetupChange(session, 'team.add', `${member.accountId}/${user.username}`, before ? describe(before) : null, describe(member));
  });
  refreshAccess(session.access);
  return teamMembersOfAccount(session.db, member.accountId).find((m) => m.userId === user.id)!;
}

export function listTeam(session: OrgSession, accountId: string): { accountId: string; accountName: string; members: TeamMemberRow[] } {
  const account = readVisibleRecord(session, session.objects.get('Account'), accountId);
  return { accountId: String(account.Id), accountName: String(account.Name ?? ''), members: teamMembersOfAccount(session.db, String(account.Id)) };
}

export function removeTeamMember(session: OrgSession, accountId: string, username: string): { accountId: string; removed: string } {
  const object = session.objects.get('Account');
  const account = readVisibleRecord(session, object, accountId);
  session.access.requireRecordEdit(object, account);
  requireAccountControl(session, account);
  const user = findUserByUsername(session.db, username);
  const before = user ? teamMembersOfAccount(session.db, String(account.Id)).find((m) => m.userId === user.id) : undefined;
  if (!user || !before) {
    throw new CrmError('NOT_FOUND', `${username} is not on the team of account ${accountId}.`, { hint: `See the team: crmctl team list ${accountId}` });
  }
  inTransaction(session.db, () => {
    deleteTeamMember(session.db, String(account.Id), user.id);
    auditSetupChange(session, 'team.remove', `${String(account.Id)}/${user.username}`, { teamRole: before.teamRole, accountAccess: before.accountAccess }, null);
  });
  refreshAccess(session.access);
  return { accountId: String(account.Id), removed: user.username };
}
