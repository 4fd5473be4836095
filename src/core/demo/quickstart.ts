import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CrmError } from '../errors.js';
import { guideStatus, type GuideStatus } from '../guide/status.js';
import { initOrg, type InitInput } from '../org/init.js';
import { sessionFor, type OrgSession } from '../org/session.js';
import { createRecord } from '../records/service.js';
import { openOrgDb, type OrgDb } from '../store/database.js';
import { readOrg } from '../store/org.js';

/** Files shipped with crmctl that the demonstration org is built from. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

interface DemoFile {
  org: InitInput;
  accounts: Record<string, string>[];
  contacts: (Record<string, string> & { account: number })[];
  opportunities: (Record<string, string | number> & { account: number })[];
  leads: Record<string, string>[];
}

export interface QuickstartStep {
  step: string;
  summary: string;
  details?: Record<string, unknown>;
}

export interface QuickstartResult {
  db: string;
  company: string;
  admin: { username: string; temporaryPassword: string };
  steps: QuickstartStep[];
  guide: GuideStatus;
}

/** Remove a previous demonstration org at this path; refuse to touch a real one. */
function clearPreviousDemo(path: string): void {
  if (!existsSync(path)) return;
  let db: OrgDb | undefined;
  try {
    db = openOrgDb(path, { readonly: true });
    const org = readOrg(db);
    if (org && !org.isDemo) {
      throw new CrmError('ORG_EXISTS', `${path} holds the real org "${org.company}"; quickstart will not overwrite it.`, {
        hint: 'Run quickstart with another file: crmctl quickstart --db demo.db',
      });
    }
  } catch (error) {
    if (error instanceof CrmError && error.code === 'ORG_EXISTS') throw error;
    throw new CrmError('CONFLICT', `${path} exists and is not a crmctl demonstration org; quickstart will not overwrite it.`, {
      hint: 'Run quickstart with another file: crmctl quickstart --db demo.db',
    });
  } finally {
    db?.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

const daysFromNow = (now: Date, offset: string): string => {
  const d = new Date(now.getTime() + Number(offset) * 86_400_000);
  return d.toISOString().slice(0, 10);
};

/**
 * Build a demonstration org from fixtures/quickstart and run the main job on it.
 * `onStep` reports progress as each step finishes.
 */
export async function runQuickstart(path: string, onStep: (step: QuickstartStep) => void = () => {}): Promise<QuickstartResult> {
  clearPreviousDemo(path);
  const demo = JSON.parse(readFileSync(`${FIXTURES_DIR}quickstart/demo-org.json`, 'utf8')) as DemoFile;
  const steps: QuickstartStep[] = [];
  const record = (step: QuickstartStep): void => {
    steps.push(step);
    onStep(step);
  };
  const db = openOrgDb(path, { create: true });
  try {
    const init = await initOrg(db, { ...demo.org, isDemo: true });
    record({
      step: 'init',
      summary: `Created the org "${init.org.company}" (${init.org.timezone}, ${init.org.locale}, ${init.org.currency}, fiscal year from month ${init.org.fiscalStartMonth}) with administrator ${init.admin.username}`,
    });
    const session: OrgSession = sessionFor(db);
    const accountIds = demo.accounts.map((a) => createRecord(session, 'Account', a).id);
    const contactIds = demo.contacts.map(({ account, ...c }) => createRecord(session, 'Contact', { ...c, AccountId: accountIds[account]! }).id);
    const opportunityIds = demo.opportunities.map(({ account, CloseDate, ...o }) =>
      createRecord(session, 'Opportunity', { ...o, Amount: Number(o.Amount), AccountId: accountIds[account]!, CloseDate: daysFromNow(session.now(), String(CloseDate)) }).id,
    );
    const leadIds = demo.leads.map((l) => createRecord(session, 'Lead', l).id);
    record({
      step: 'records',
      summary: `Created ${accountIds.length} accounts, ${contactIds.length} contacts, ${opportunityIds.length} opportunities and ${leadIds.length} leads`,
      details: { accounts: accountIds.length, contacts: contactIds.length, opportunities: opportunityIds.length, leads: leadIds.length },
    });
    const guide = guideStatus(session);
    record({ step: 'guide', summary: `Guide checklist: ${guide.done} of ${guide.total} steps done` });
    return { db: path, company: init.org.company, admin: { username: init.admin.username, temporaryPassword: init.admin.temporaryPassword }, steps, guide };
  } finally {
    db.close();
  }
}
