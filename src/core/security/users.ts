import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { usernameProblem } from '../org/init.js';
import { isValidEmail } from '../records/values.js';
import { USER } from '../schema/standard-objects.js';
import type { OrgDb } from '../store/database.js';
import { inTransaction } from '../store/database.js';
import { appendAudit } from '../store/org.js';
import { getRecord, updateRecordFields, type CrmRecord } from '../store/records.js';
import { allObjectPermissions, listRoles } from '../store/security.js';
import { findProfileByName, findUserByUsername, listUsers, readCredential, setCredential, type UserSummary } from '../store/users.js';
import { requireAdministrator } from './admin.js';
import { auditSetupChange } from './audit.js';
import { refreshAccess } from './sharing-policy.js';
import { outboxDirFor, writeOutboxMessage } from './outbox.js';
import { generateTemporaryPassword, hashPassword, OWASP_SCRYPT_COST, passwordProblems, verifyPassword, type ScryptCost } from './passwords.js';
import { requireRole } from './roles.js';
import { insertUserRow, splitUserName } from './user-records.js';

export interface UserView {
  id: string;
  username: string;
  name: string;
  email: string;
  profile: string;
  role: string | null;
  manager: string | null;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLogin: string | null;
}

export interface HashingOptions {
  /** scrypt cost; tests pass a cheap one, the CLI always uses OWASP's. */
  cost?: ScryptCost;
  /** Where notification e-mails go; default `<db-dir>/outbox`. */
  outboxDir?: string;
}

function viewOf(db: OrgDb, user: UserSummary): UserView {
  const roles = listRoles(db);
  const record = getRecord(db, USER, user.id);
  return {
    id: user.id,
    username: user.username,
    name: [user.firstName, user.lastName].filter(Boolean).join(' '),
    email: user.email,
    profile: user.profileName,
    role: roles.find((r) => r.id === user.roleId)?.name ?? null,
    manager: user.managerId === null ? null : (listUsers(db).find((u) => u.id === user.managerId)?.username ?? null),
    isActive: user.isActive,
    mustChangePassword: readCredential(db, user.id)?.mustChange ?? true,
    lastLogin: typeof record?.LastLoginDate === 'string' ? record.LastLoginDate : null,
  };
}

export function requireUser(db: OrgDb, username: string): UserSummary {
  const user = findUserByUsername(db, username.trim());
  if (!user) throw new CrmError('NOT_FOUND', `No user "${username}".`, { hint: 'Try: crmctl user list', details: { username } });
  return user;
}

export function userList(session: OrgSession): UserView[] {
  session.access.requireObject(USER, 'read');
  return listUsers(session.db).map((u) => viewOf(session.db, u));
}

export function showUser(session: OrgSession, username: string): UserView {
  session.access.requireObject(USER, 'read');
  return viewOf(session.db, requireUser(session.db, username));
}

function isAdminProfile(db: OrgDb, profileId: string): boolean {
  return allObjectPermissions(db).get(profileId)?.get('User')?.modifyAll === true;
}

function welcomeMessage(session: OrgSession, user: UserSummary, temporaryPassword: string, reason: 'welcome' | 'reset'): { subject: string; body: string } {
  const company = session.org.company;
  // The full name: which part is the given name differs between cultures (王 芳, Bērziņa Anna).
  const greeting = `Hello ${[user.firstName, user.lastName].filter(Boolean).join(' ')},`;
  const intro =
    reason === 'welcome'
      ? `an account has been created for you in the ${company} CRM.`
      : `your password for the ${company} CRM has been reset.`;
  return {
    subject: reason === 'welcome' ? `Your login for the ${company} CRM` : `Your new temporary password for the ${company} CRM`,
    body: [
      greeting,
      '',
      intro,
      '',
      `Login name:          ${user.username}`,
      `Temporary password:  ${temporaryPassword}`,
      '',
      'At first login you must choose a new password:',
      `  crmctl login ${user.username}`,
      '',
      'crmctl asks for the temporary password and then for your new one (at least',
      '10 characters, letters and digits). Please delete this message afterwards.',
      '',
      `${session.actor.firstName ?? ''} ${session.actor.lastName}`.trim(),
      `${company} CRM administrator`,
    ].join('\n'),
  };
}

function notify(session: OrgSession, user: UserSummary, temporaryPassword: string, reason: 'welcome' | 'reset', outboxDir: string | undefined): string {
  const { subject, body } = welcomeMessage(session, user, temporaryPassword, reason);
  const { file } = writeOutboxMessage(
    outboxDir ?? outboxDirFor(session.db.path),
    {
      from: { name: `${session.actor.firstName ?? ''} ${session.actor.lastName}`.trim(), address: session.actor.email },
      to: { name: [user.firstName, user.lastName].filter(Boolean).join(' '), address: user.email },
      subject,
      body,
      date: session.now(),
    },
    { username: user.username, kind: reason === 'welcome' ? 'welcome' : 'password-reset' },
  );
  auditSetupChange(session, 'user.notify', user.username, null, { kind: reason, file });
  return file;
}

export interface AddUserInput {
  username: string;
  name: string;
  email: string;
  profile: string;
  role?: string | undefined;
  manager?: string | undefined;
  /** Write the welcome e-mail now (default) or defer it (`--no-notify`, as the guide advises). */
  notify: boolean;
}

export interface AddUserResult {
  user: UserView;
  /** Only when the welcome e-mail was deferred: shown once, never stored. */
  temporaryPassword?: string;
  notification?: { file: string };
}

export async function addUser(session: OrgSession, input: AddUserInput, options: HashingOptions = {}): Promise<AddUserResult> {
  requireAdministrator(session, 'add users');
  const username = input.username.trim();
  const problems: string[] = [];
  const nameProblem = usernameProblem(username);
  if (nameProblem) problems.push(nameProblem);
  if (findUserByUsername(session.db, username)) throw new CrmError('CONFLICT', `The username "${username}" is taken.`, { hint: 'Usernames are unique; choose another.' });
  const email = input.email.trim();
  if (!isValidEmail(email)) problems.push(`--email: "${email}" is not a valid e-mail address`);
  const { firstName, lastName } = splitUserName(input.name);
  if (!lastName) problems.push('--name is empty');
  if (problems.length > 0) throw new CrmError('USAGE', problems.join('; '), { hint: 'Example: crmctl user add jane.doe --name "Jane Doe" --email jane@acme.com --profile "Standard User"' });
  const profile = findProfileByName(session.db, input.profile.trim());
  if (!profile) throw new CrmError('NOT_FOUND', `No profile called "${input.profile}".`, { hint: 'Try: crmctl profile list' });
  const role = input.role === undefined ? undefined : requireRole(session, input.role);
  const manager = input.manager === undefined ? undefined : requireUser(session.db, input.manager);

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword, options.cost ?? OWASP_SCRYPT_COST);
  const now = session.now().toISOString();
  let notification: { file: string } | undefined;
  const id = inTransaction(session.db, () => {
    const newId = insertUserRow(
      session.db,
      { username, firstName, lastName, email, profileId: profile.id, roleId: role?.id ?? null, managerId: manager?.id ?? null },
      passwordHash,
      now,
      session.actor.id,
    );
    auditSetupChange(session, 'user.add', username, null, { name: input.name.trim(), email, profile: profile.name, role: role?.name ?? null, manager: manager?.username ?? null });
    if (input.notify) notification = { file: notify(session, requireUser(session.db, username), temporaryPassword, 'welcome', options.outboxDir) };
    return newId;
  });
  const user = viewOf(session.db, findUserByUsername(session.db, username)!);
  void id;
  return { user, ...(input.notify ? { notification: notification! } : { temporaryPassword }) };
}

export interface UserChanges {
  name?: string | undefined;
  email?: string | undefined;
  profile?: string | undefined;
  /** A role name, or '' for no role. */
  role?: string | undefined;
  /** A username, or '' for no manager. */
  manager?: string | undefined;
  active?: boolean | undefined;
}

/** Refuse a change that would leave the org without an active administrator. */
function keepAnAdministrator(db: OrgDb, user: UserSummary, stillAdmin: boolean): void {
  if (!isAdminProfile(db, user.profileId) || stillAdmin) return;
  const others = listUsers(db).filter((u) => u.id !== user.id && u.isActive && isAdminProfile(db, u.profileId));
  if (others.length === 0) {
    throw new CrmError('CONFLICT', `${user.username} is the org's only active administrator.`, { hint: 'Make another user a System Administrator first.' });
  }
}

export function updateUser(session: OrgSession, username: string, changes: UserChanges): { user: UserView; changed: Record<string, { from: unknown; to: unknown }> } {
  requireAdministrator(session, 'change users');
  const user = requireUser(session.db, username);
  const before = viewOf(session.db, user);
  const fields: CrmRecord = {};
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (changes.name !== undefined) {
    const { firstName, lastName } = splitUserName(changes.name);
    if (!lastName) throw new CrmError('USAGE', '--name is empty.', { hint: 'Example: --name "Jane Doe"' });
    Object.assign(fields, { FirstName: firstName, LastName: lastName });
    changed.name = { from: before.name, to: changes.name.trim() };
  }
  if (changes.email !== undefined) {
    if (!isValidEmail(changes.email.trim())) throw new CrmError('USAGE', `--email: "${changes.email}" is not a valid e-mail address.`, { hint: 'Example: --email jane@acme.com' });
    fields.Email = changes.email.trim();
    changed.email = { from: before.email, to: fields.Email };
  }
  let newProfileId = user.profileId;
  if (changes.profile !== undefined) {
    const profile = findProfileByName(session.db, changes.profile.trim());
    if (!profile) throw new CrmError('NOT_FOUND', `No profile called "${changes.profile}".`, { hint: 'Try: crmctl profile list' });
    newProfileId = fields.ProfileId = profile.id;
    changed.profile = { from: before.profile, to: profile.name };
  }
  if (changes.role !== undefined) {
    const role = changes.role.trim() === '' ? null : requireRole(session, changes.role);
    fields.UserRoleId = role?.id ?? null;
    changed.role = { from: before.role, to: role?.name ?? null };
  }
  if (changes.manager !== undefined) {
    const manager = changes.manager.trim() === '' ? null : requireUser(session.db, changes.manager);
    if (manager?.id === user.id) throw new CrmError('USAGE', 'A user cannot be their own manager.', { hint: 'Pass another username to --manager.' });
    fields.ManagerId = manager?.id ?? null;
    changed.manager = { from: before.manager, to: manager?.username ?? null };
  }
  if (changes.active !== undefined) {
    fields.IsActive = changes.active;
    changed.isActive = { from: before.isActive, to: changes.active };
  }
  if (Object.keys(fields).length === 0) throw new CrmError('USAGE', 'Nothing to change.', { hint: 'Pass --name, --email, --profile, --role, --manager, --active or --inactive.' });
  keepAnAdministrator(session.db, user, (changes.active ?? user.isActive) && isAdminProfile(session.db, newProfileId));
  inTransaction(session.db, () => {
    updateRecordFields(session.db, USER, user.id, { ...fields, LastModifiedDate: session.now().toISOString(), LastModifiedById: session.actor.id });
    const from = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.from]));
    const to = Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.to]));
    auditSetupChange(session, 'user.update', user.username, from, to);
  });
  refreshAccess(session.access);
  return { user: viewOf(session.db, requireUser(session.db, user.username)), changed };
}

/** Deactivate a user: they keep their records (and stay their owner) but can no longer act. */
export function deactivateUser(session: OrgSession, username: string): { user: UserView; alreadyInactive: boolean } {
  requireAdministrator(session, 'deactivate users');
  const user = requireUser(session.db, username);
  if (user.id === session.actor.id) throw new CrmError('CONFLICT', 'You cannot deactivate yourself.', { hint: 'Ask another administrator, or act as one with --as.' });
  if (!user.isActive) return { user: viewOf(session.db, user), alreadyInactive: true };
  keepAnAdministrator(session.db, user, false);
  inTransaction(session.db, () => {
    updateRecordFields(session.db, USER, user.id, { IsActive: false, LastModifiedDate: session.now().toISOString(), LastModifiedById: session.actor.id });
    auditSetupChange(session, 'user.deactivate', user.username, { isActive: true }, { isActive: false });
  });
  return { user: viewOf(session.db, requireUser(session.db, user.username)), alreadyInactive: false };
}

/** A new temporary password, to be changed at next login; by default e-mailed via the outbox. */
export async function resetPassword(
  session: OrgSession,
  username: string,
  notifyUser: boolean,
  options: HashingOptions = {},
): Promise<{ user: UserView; temporaryPassword?: string; notification?: { file: string } }> {
  requireAdministrator(session, 'reset passwords');
  const user = requireUser(session.db, username);
  const temporaryPassword = generateTemporaryPassword();
  const hash = await hashPassword(temporaryPassword, options.cost ?? OWASP_SCRYPT_COST);
  let file: string | undefined;
  inTransaction(session.db, () => {
    setCredential(session.db, user.id, hash, true, session.now().toISOString());
    auditSetupChange(session, 'user.reset-password', user.username, null, { mustChangePassword: true, notified: notifyUser });
    if (notifyUser) file = notify(session, user, temporaryPassword, 'reset', options.outboxDir);
  });
  return { user: viewOf(session.db, user), ...(notifyUser ? { notification: { file: file! } } : { temporaryPassword }) };
}

// ---------------------------------------------------------------- login and passwd

const loginFailed = (username: string): CrmError =>
  new CrmError('PERMISSION_DENIED', `Login failed for ${username}: wrong username or password.`, {
    hint: 'Check the username and password; an administrator can issue a new one with crmctl user reset-password.',
  });

/** Check a user's password; failures are audited (without the password). */
export async function authenticate(db: OrgDb, username: string, password: string, now: Date): Promise<{ user: UserSummary; mustChangePassword: boolean }> {
  const user = findUserByUsername(db, username.trim());
  const credential = user ? readCredential(db, user.id) : undefined;
  const ok = credential !== undefined && (await verifyPassword(password, credential.passwordHash));
  if (!user || !ok) {
    appendAudit(db, { at: now.toISOString(), actorId: user?.id ?? null, action: 'user.failed-login', target: username.trim(), oldValue: null, newValue: null });
    throw loginFailed(username.trim());
  }
  if (!user.isActive) {
    throw new CrmError('INACTIVE_USER', `User ${user.username} is deactivated and cannot log in.`, { hint: 'Ask an administrator: crmctl user update <username> --active' });
  }
  return { user, mustChangePassword: credential.mustChange };
}

/** Set a user's own new password (after authenticate); checks the password rules. */
export async function changeOwnPassword(db: OrgDb, user: UserSummary, currentPassword: string, newPassword: string, now: Date, cost: ScryptCost = OWASP_SCRYPT_COST): Promise<void> {
  const problems = passwordProblems(newPassword, user.username);
  if (newPassword === currentPassword) problems.push('choose a password different from the current one');
  if (problems.length > 0) {
    throw new CrmError('VALIDATION', `The new password was not accepted: ${problems.join('; ')}.`, { hint: 'Choose at least 10 characters mixing letters and digits.' });
  }
  const hash = await hashPassword(newPassword, cost);
  inTransaction(db, () => {
    setCredential(db, user.id, hash, false, now.toISOString());
    appendAudit(db, { at: now.toISOString(), actorId: user.id, action: 'user.passwd', target: user.username, oldValue: null, newValue: JSON.stringify({ mustChangePassword: false }) });
  });
}

/** Record a successful login (after any required password change). */
export function recordLogin(db: OrgDb, user: UserSummary, now: Date): void {
  inTransaction(db, () => {
    updateRecordFields(db, USER, user.id, { LastLoginDate: now.toISOString() });
    appendAudit(db, { at: now.toISOString(), actorId: user.id, action: 'user.login', target: user.username, oldValue: null, newValue: null });
  });
}
