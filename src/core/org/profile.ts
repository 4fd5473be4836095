import { CrmError } from '../errors.js';
import { requireAdministrator } from '../security/admin.js';
import { countRecords } from '../store/records.js';
import { appendAudit, readOrg, updateOrg, type OrgProfile } from '../store/org.js';
import { fiscalYear, type FiscalPeriod } from './fiscal.js';
import type { OrgSession } from './session.js';
import { validateCompanySettings, type CompanySettingsInput } from './settings.js';

export interface OrgDescription extends Omit<OrgProfile, 'fiscalStartMonth'> {
  fiscalYear: { type: 'standard'; startMonth: number; current: FiscalPeriod };
  counts: { users: number; accounts: number; contacts: number; leads: number; opportunities: number };
}

export function describeOrg(session: OrgSession): OrgDescription {
  const { fiscalStartMonth, ...rest } = readOrg(session.db)!;
  const count = (name: string): number => countRecords(session.db, session.objects.get(name));
  return {
    ...rest,
    fiscalYear: { type: 'standard', startMonth: fiscalStartMonth, current: fiscalYear(session.now(), fiscalStartMonth) },
    counts: {
      users: count('User'),
      accounts: count('Account'),
      contacts: count('Contact'),
      leads: count('Lead'),
      opportunities: count('Opportunity'),
    },
  };
}

export interface OrgUpdateResult {
  changed: Record<string, { from: unknown; to: unknown }>;
  org: OrgDescription;
}

/** Change the company profile; administrators only, every change audited. */
export function updateOrgProfile(session: OrgSession, input: CompanySettingsInput & { company?: string | undefined }): OrgUpdateResult {
  requireAdministrator(session, 'change the company profile');
  const settings = validateCompanySettings(input);
  const current = readOrg(session.db)!;
  const next: OrgProfile = { ...current, ...settings };
  if (input.company !== undefined) {
    if (input.company.trim() === '') throw new CrmError('USAGE', 'The company name is empty.', { hint: 'Pass --company "<name>".' });
    next.company = input.company.trim();
  }
  const changed: OrgUpdateResult['changed'] = {};
  for (const key of ['company', 'timezone', 'locale', 'currency', 'fiscalStartMonth'] as const) {
    if (current[key] !== next[key]) changed[key] = { from: current[key], to: next[key] };
  }
  if (Object.keys(changed).length > 0) {
    const at = session.now().toISOString();
    session.db
      .transaction(() => {
        updateOrg(session.db, next);
        for (const [key, change] of Object.entries(changed)) {
          appendAudit(session.db, { at, actorId: session.actor.id, action: `org.${key}`, target: 'org', oldValue: String(change.from), newValue: String(change.to) });
        }
      })
      .immediate();
  }
  return { changed, org: describeOrg(session) };
}
