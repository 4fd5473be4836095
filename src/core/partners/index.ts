import { CrmError } from '../errors.js';
import { usernameProblem } from '../org/init.js';
import type { OrgSession } from '../org/session.js';
import { readVisibleRecord } from '../records/service.js';
import { requireAdministrator } from '../security/admin.js';
import { auditSetupChange } from '../security/audit.js';
import { outboxDirFor, writeOutboxMessage } from '../security/outbox.js';
import { generateTemporaryPassword, hashPassword, OWASP_SCRYPT_COST, type ScryptCost } from '../security/passwords.js';
import { refreshAccess } from '../security/sharing-policy.js';
import { insertUserRow } from '../security/user-records.js';
import { inTransaction } from '../store/database.js';
import { findPartnerAccount, insertPartnerAccount, insertStandardProfile } from '../store/leads.js';
import { findRoleByName, insertRole, listRoles } from '../store/security.js';
import { findProfileByName, findUserById, findUserByUsername, listUsers, type ObjectPermissionRow } from '../store/users.js';
import { PARTNER_USER_TYPE } from './field-access.js';
import { markPartnerChannelEnabled, partnerChannelEnabledAt, writeClaimLimit } from './settings.js';

export const PARTNER_PROFILE_NAME = 'Partner Community User';
export type PartnerLevel = 'user' | 'manager' | 'executive';
const LEVEL_ROLE: Record<PartnerLevel, string> = { executive: 'Partner Executive', manager: 'Partner Manager', user: 'Partner User' };

const p = (read: boolean, create: boolean, edit: boolean): ObjectPermissionRow => ({ read, create, edit, delete: false, viewAll: false, modifyAll: false });
/** Read, create and edit (their own, by sharing) leads and opportunities; read accounts; nothing else. */
const PARTNER_PERMISSIONS: Record<string, ObjectPermissionRow> = {
  Lead: p(true, true, true),
  Opportunity: p(true, true, true),
  Account: p(true, false, false),
};

function requireChannelEnabled(session: OrgSession): void {
  if (!partnerChannelEnabledAt(session.db)) {
    throw new CrmError('CONFLICT', 'Partner relationship management is not enabled in this org.', { hint: 'Enable it (irreversible): crmctl partner enable --yes' });
  }
}

export interface PartnerEnableResult {
  enabledAt: string;
  alreadyEnabled: boolean;
  profile: string;
  /** Said every time: there is no way back. */
  irreversible: true;
}

/** Enable the partner channel. Irreversible: the caller has confirmed (--yes, and the company name on a terminal). */
export function enablePartners(session: OrgSession): PartnerEnableResult {
  requireAdministrator(session, 'enable partner relationship management');
  const existing = partnerChannelEnabledAt(session.db);
  if (existing) return { enabledAt: existing, alreadyEnabled: true, profile: PARTNER_PROFILE_NAME, irreversible: true };
  const now = session.now().toISOString();
  inTransaction(session.db, () => {
    if (!findProfileByName(session.db, PARTNER_PROFILE_NAME)) {
      insertStandardProfile(session.db, PARTNER_PROFILE_NAME, 'Partner users: their own and their team’s leads and opportunities, and the lead queues they belong to.', 'Partner Community', now, PARTNER_PERMISSIONS);
    }
    markPartnerChannelEnabled(session.db, now);
    auditSetupChange(session, 'partner.enable', session.org.company, null, { enabledAt: now });
  });
  return { enabledAt: now, alreadyEnabled: false, profile: PARTNER_PROFILE_NAME, irreversible: true };
}

export interface PartnerAccountResult {
  accountId: string;
  account: string;
  channelManager: string;
  roles: { executive: string; manager: string; user: string };
}

const roleNameFor = (accountName: string, level: PartnerLevel): string => `${accountName.slice(0, 80 - LEVEL_ROLE[level].length - 1)} ${LEVEL_ROLE[level]}`;

/** Make an account a partner account: three partner roles under its owner's (the channel manager's) role. */
export function enablePartnerAccount(session: OrgSession, accountId: string): PartnerAccountResult {
  requireAdministrator(session, 'enable partner accounts');
  requireChannelEnabled(session);
  const account = readVisibleRecord(session, session.objects.get('Account'), accountId);
  const name = String(account.Name);
  if (findPartnerAccount(session.db, String(account.Id))) throw new CrmError('CONFLICT', `${name} is a partner account already.`, { hint: 'Add its people: crmctl partner user add <contact-id>' });
  const manager = typeof account.OwnerId === 'string' ? findUserById(session.db, account.OwnerId) : undefined;
  if (!manager || manager.roleId === null) {
    throw new CrmError('CONFLICT', `The account owner (the channel manager${manager ? `, ${manager.username}` : ''}) has no role, so the partner roles have nowhere to go.`, {
      hint: 'Give the owner a role first: crmctl user update <owner> --role "<role>"',
    });
  }
  const names = { executive: roleNameFor(name, 'executive'), manager: roleNameFor(name, 'manager'), user: roleNameFor(name, 'user') };
  for (const n of Object.values(names)) if (findRoleByName(session.db, n)) throw new CrmError('CONFLICT', `A role called "${n}" exists already.`, { hint: 'Rename or remove it first: crmctl role tree' });
  const now = session.now().toISOString();
  inTransaction(session.db, () => {
    const executive = insertRole(session.db, names.executive, manager.roleId, now);
    const managerRole = insertRole(session.db, names.manager, executive, now);
    const userRole = insertRole(session.db, names.user, managerRole, now);
    insertPartnerAccount(session.db, { accountId: String(account.Id), executiveRoleId: executive, managerRoleId: managerRole, userRoleId: userRole, enabledAt: now });
    auditSetupChange(session, 'partner.account-enable', name, null, { accountId: account.Id, channelManager: manager.username, roles: names });
  });
  refreshAccess(session.access);
  return { accountId: String(account.Id), account: name, channelManager: manager.username, roles: names };
}

export interface PartnerUserInput {
  contactId: string;
  level?: PartnerLevel | undefined;
  /** Default: the contact's e-mail address. */
  username?: string | undefined;
  notify: boolean;
}

export interface PartnerUserResult {
  id: string;
  username: string;
  contactId: string;
  account: string;
  profile: string;
  role: string;
  temporaryPassword?: string;
  notification?: { file: string };
}

/** Give a partner account's contact a login: Partner Community User profile, a partner role, a temporary password. */
export async function addPartnerUser(session: OrgSession, input: PartnerUserInput, options: { cost?: ScryptCost; outboxDir?: string } = {}): Promise<PartnerUserResult> {
  requireAdministrator(session, 'add partner users');
  requireChannelEnabled(session);
  const level = input.level ?? 'user';
  if (!(level in LEVEL_ROLE)) throw new CrmError('USAGE', `--level ${String(level)}: expected user, manager or executive.`, { hint: 'Example: --level manager' });
  const contact = readVisibleRecord(session, session.objects.get('Contact'), input.contactId);
  const accountId = typeof contact.AccountId === 'string' ? contact.AccountId : '';
  const partnerAccount = accountId ? findPartnerAccount(session.db, accountId) : undefined;
  if (!partnerAccount) {
    throw new CrmError('CONFLICT', `Contact ${input.contactId} does not belong to a partner account.`, { hint: accountId ? `Enable the account first: crmctl partner account enable ${accountId}` : 'Link the contact to a partner account first.' });
  }
  const email = typeof contact.Email === 'string' ? contact.Email : '';
  if (!email) throw new CrmError('CONFLICT', `Contact ${input.contactId} has no e-mail address for the login.`, { hint: `Add one: crmctl record update contact ${input.contactId} --set Email=<address>` });
  if (listUsers(session.db).some((u) => u.contactId === contact.Id)) throw new CrmError('CONFLICT', `Contact ${input.contactId} has a partner user already.`, { hint: 'Try: crmctl user list' });
  const username = (input.username ?? email).trim();
  const problem = usernameProblem(username);
  if (problem) throw new CrmError('USAGE', problem, { hint: 'Pass --username <name>.' });
  if (findUserByUsername(session.db, username)) throw new CrmError('CONFLICT', `The username "${username}" is taken.`, { hint: 'Pass --username <another name>.' });
  const profile = findProfileByName(session.db, PARTNER_PROFILE_NAME);
  if (!profile) throw new CrmError('NOT_FOUND', `The ${PARTNER_PROFILE_NAME} profile is missing.`, { hint: 'crmctl partner enable --yes creates it.' });
  const roleId = level === 'executive' ? partnerAccount.executiveRoleId : level === 'manager' ? partnerAccount.managerRoleId : partnerAccount.userRoleId;
  const roleName = listRoles(session.db).find((r) => r.id === roleId)?.name ?? roleId;
  const account = session.objects.get('Account');
  const accountName = String(readVisibleRecord(session, account, accountId).Name);

  const temporaryPassword = generateTemporaryPassword();
  const hash = await hashPassword(temporaryPassword, options.cost ?? OWASP_SCRYPT_COST);
  const now = session.now().toISOString();
  let file: string | undefined;
  const id = inTransaction(session.db, () => {
    const newId = insertUserRow(
      session.db,
      {
        username,
        firstName: typeof contact.FirstName === 'string' ? contact.FirstName : null,
        lastName: String(contact.LastName),
        email,
        profileId: profile.id,
        roleId,
        userType: PARTNER_USER_TYPE,
        contactId: String(contact.Id),
        title: typeof contact.Title === 'string' ? contact.Title : null,
      },
      hash,
      now,
      session.actor.id,
    );
    auditSetupChange(session, 'partner.user-add', username, null, { contactId: contact.Id, account: accountName, role: roleName, level });
    if (input.notify) {
      const fullName = [contact.FirstName, contact.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
      file = writeOutboxMessage(
        options.outboxDir ?? outboxDirFor(session.db.path),
        {
          from: { name: [session.actor.firstName, session.actor.lastName].filter(Boolean).join(' '), address: session.actor.email },
          to: { name: fullName, address: email },
          subject: `Your partner login for ${session.org.company}`,
          body: [
            `Hello ${fullName},`,
            '',
            `${accountName} is now a partner of ${session.org.company}, and you have a login:`,
            '',
            `Login name:          ${username}`,
            `Temporary password:  ${temporaryPassword}`,
            '',
            `At first login you must choose a new password: crmctl login ${username}`,
            'You will see your leads and opportunities and the lead queues you belong to.',
            'Please delete this message afterwards.',
          ].join('\n'),
          date: session.now(),
        },
        { username, kind: 'partner-welcome' },
      ).file;
    }
    return newId;
  });
  return {
    id,
    username,
    contactId: String(contact.Id),
    account: accountName,
    profile: PARTNER_PROFILE_NAME,
    role: roleName,
    ...(input.notify ? { notification: { file: file! } } : { temporaryPassword }),
  };
}

/** The most open leads a partner user may hold when claiming from queues (0 = no limit). */
export function setClaimLimit(session: OrgSession, limit: number): { claimLimit: number | null } {
  requireAdministrator(session, 'change the partner claim limit');
  requireChannelEnabled(session);
  if (!Number.isInteger(limit) || limit < 0) throw new CrmError('USAGE', `claim-limit ${limit}: expected a whole number (0 = no limit).`, { hint: 'Example: crmctl partner set claim-limit 5' });
  const value = limit === 0 ? null : limit;
  inTransaction(session.db, () => {
    writeClaimLimit(session.db, value);
    auditSetupChange(session, 'partner.set', 'claim-limit', null, { claimLimit: value });
  });
  return { claimLimit: value };
}
