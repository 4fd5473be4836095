import { CrmError } from '../errors.js';
import { isValidEmail } from '../records/values.js';
import { generateTemporaryPassword, hashPassword, OWASP_SCRYPT_COST, type ScryptCost } from '../security/passwords.js';
import { insertUserRow } from '../security/user-records.js';
import type { OrgDb } from '../store/database.js';
import { appendAudit, insertOrg, readOrg, writeSetting, type OrgProfile } from '../store/org.js';
import { SYSTEM_ADMINISTRATOR_PROFILE_ID } from '../store/seed-profiles.js';
import { systemTimezone, validateCompanySettings } from './settings.js';

export interface InitInput {
  company: string;
  admin: string;
  adminEmail?: string | undefined;
  adminName?: string | undefined;
  timezone?: string | undefined;
  locale?: string | undefined;
  currency?: string | undefined;
  fiscalStartMonth?: number | string | undefined;
  isDemo?: boolean;
}

export interface InitResult {
  org: OrgProfile;
  admin: { id: string; username: string; email: string; profile: string; temporaryPassword: string; mustChangePassword: true };
}

const USERNAME = /^[\p{L}\p{N}._@+-]{2,80}$/u;

export function usernameProblem(username: string): string | undefined {
  return USERNAME.test(username) ? undefined : `"${username}" is not a valid username (2-80 letters, digits, . _ @ + -)`;
}

/** Create the org and its first System Administrator. Refuses, changing nothing, if the file already holds an org. */
export async function initOrg(db: OrgDb, input: InitInput, options: { cost?: ScryptCost; now?: Date } = {}): Promise<InitResult> {
  const existing = readOrg(db);
  if (existing) throw orgExists(db, existing);
  const company = input.company.trim();
  if (!company) throw new CrmError('USAGE', 'The company name is empty.', { hint: 'Pass --company "<name>".' });
  const username = input.admin.trim();
  const problem = usernameProblem(username);
  if (problem) throw new CrmError('USAGE', `--admin: ${problem}.`, { hint: 'Pass --admin with a login name such as admin or jane.doe@acme.com.' });
  const email = (input.adminEmail ?? (username.includes('@') ? username : `${username}@${slug(company)}.invalid`)).trim();
  if (!isValidEmail(email)) {
    throw new CrmError('USAGE', `--admin-email: "${email}" is not a valid e-mail address.`, { hint: 'Pass --admin-email you@company.com.' });
  }
  const settings = validateCompanySettings({
    timezone: input.timezone ?? systemTimezone(),
    locale: input.locale ?? 'en-US',
    currency: input.currency ?? 'USD',
    fiscalStartMonth: input.fiscalStartMonth ?? 1,
  });
  const now = (options.now ?? new Date()).toISOString();
  const org: OrgProfile = {
    company,
    timezone: settings.timezone!,
    locale: settings.locale!,
    currency: settings.currency!,
    fiscalStartMonth: settings.fiscalStartMonth!,
    isDemo: input.isDemo === true,
    createdAt: now,
  };
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword, options.cost ?? OWASP_SCRYPT_COST);
  const adminName = (input.adminName ?? username.split('@')[0]!).trim();
  const id = db
    .transaction(() => {
      const again = readOrg(db);
      if (again) throw orgExists(db, again);
      insertOrg(db, org);
      const userId = insertUserRow(
        db,
        { username, lastName: adminName.charAt(0).toUpperCase() + adminName.slice(1), email, profileId: SYSTEM_ADMINISTRATOR_PROFILE_ID },
        passwordHash,
        now,
        null,
      );
      // The guide counts the profile and fiscal year as set only when chosen, not defaulted.
      if (input.timezone !== undefined || input.locale !== undefined || input.currency !== undefined) writeSetting(db, 'profile.confirmed', now);
      if (input.fiscalStartMonth !== undefined) writeSetting(db, 'fiscal.confirmed', now);
      appendAudit(db, { at: now, actorId: userId, action: 'org.init', target: company, oldValue: null, newValue: JSON.stringify(org) });
      return userId;
    })
    .immediate();
  return {
    org,
    admin: { id, username, email, profile: 'System Administrator', temporaryPassword, mustChangePassword: true },
  };
}

function orgExists(db: OrgDb, org: OrgProfile): CrmError {
  return new CrmError('ORG_EXISTS', `${db.path} already holds the org "${org.company}"; nothing was changed.`, {
    hint: 'Use another --db file for a new org, or change this one with crmctl org set.',
    details: { db: db.path, company: org.company },
  });
}

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'org';
}
