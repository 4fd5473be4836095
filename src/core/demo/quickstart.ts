import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDuplicates, mergeAllDuplicates } from '../dupes/service.js';
import { CrmError } from '../errors.js';
import { guideStatus, type GuideStatus } from '../guide/status.js';
import { executeImport, prepareImport, type ImportResult } from '../import/run.js';
import { initOrg, type InitInput } from '../org/init.js';
import { sessionFor, type OrgSession } from '../org/session.js';
import { createRecord } from '../records/service.js';
import { runReport } from '../reports/engine.js';
import { openOrgDb, type OrgDb } from '../store/database.js';
import { readOrg } from '../store/org.js';

/** Files shipped with crmctl that the demonstration org is built from. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

interface DemoFile {
  org: InitInput;
  accounts: Record<string, string>[];
  opportunities: (Record<string, string | number> & { account: number })[];
  leads: Record<string, string>[];
  imports: string[];
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

const money = (session: OrgSession, amount: unknown): string =>
  typeof amount === 'number' ? new Intl.NumberFormat(session.org.locale, { style: 'currency', currency: session.org.currency, maximumFractionDigits: 0 }).format(amount) : String(amount ?? 0);

const daysFromNow = (now: Date, offset: string): string => new Date(now.getTime() + Number(offset) * 86_400_000).toISOString().slice(0, 10);

const importSummary = (r: ImportResult): Record<string, unknown> => ({
  file: r.file,
  source: r.source,
  encoding: r.encoding,
  rows: r.rows,
  inserted: r.inserted,
  rejected: r.rejected,
  duplicates: r.duplicates,
  accountsCreated: r.accountsCreated,
  errorsFile: r.errorsFile,
});

/**
 * Build a demonstration org from fixtures/quickstart and run the main job on it:
 * set-up, a dry-run import, the real imports from two address books, duplicates
 * found and merged, a pipeline report, and the guide's checklist.
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
  const results = join(dirname(path), 'quickstart-results');
  mkdirSync(results, { recursive: true });
  try {
    const init = await initOrg(db, { ...demo.org, isDemo: true });
    record({
      step: 'init',
      summary: `Created the org "${init.org.company}" (${init.org.timezone}, ${init.org.locale}, ${init.org.currency}, fiscal year from month ${init.org.fiscalStartMonth}) with administrator ${init.admin.username}`,
    });
    const session: OrgSession = sessionFor(db);
    const accountIds = demo.accounts.map((a) => createRecord(session, 'Account', a).id);
    const opportunityIds = demo.opportunities.map(({ account, CloseDate, ...o }) =>
      createRecord(session, 'Opportunity', { ...o, Amount: Number(o.Amount), AccountId: accountIds[account]!, CloseDate: daysFromNow(session.now(), String(CloseDate)) }).id,
    );
    const leadIds = demo.leads.map((l) => createRecord(session, 'Lead', l).id);
    record({
      step: 'records',
      summary: `Created ${accountIds.length} accounts, ${opportunityIds.length} opportunities and ${leadIds.length} leads`,
      details: { accounts: accountIds.length, opportunities: opportunityIds.length, leads: leadIds.length },
    });

    const importFile = async (name: string, dryRun: boolean): Promise<ImportResult> => {
      const stem = name.replace(/\.[^.]+$/, '');
      const prepared = await prepareImport(session, {
        file: `${FIXTURES_DIR}quickstart/${name}`,
        object: 'contact',
        dryRun,
        successFile: join(results, `${stem}${dryRun ? '.dry-run' : ''}.success.csv`),
        errorsFile: join(results, `${stem}${dryRun ? '.dry-run' : ''}.errors.csv`),
      });
      return executeImport(session, prepared, results);
    };
    const [first, second] = demo.imports as [string, string];
    const dry = await importFile(first, true);
    record({ step: 'import-dry-run', summary: `Dry run of ${first} (${dry.source}, ${dry.encoding}): ${dry.inserted} would be imported, ${dry.rejected} rejected; nothing was changed`, details: importSummary(dry) });
    for (const name of [first, second]) {
      const real = await importFile(name, false);
      record({
        step: 'import',
        summary: `Imported ${name} (${real.source}): ${real.inserted} contacts, ${real.accountsCreated} new accounts, ${real.duplicates} duplicate(s) flagged, ${real.rejected} rejected (see ${real.errorsFile})`,
        details: importSummary(real),
      });
    }

    const found = findDuplicates(session, 'contact');
    record({
      step: 'dupes-find',
      summary: `Found ${found.groups.length} group(s) of duplicate contacts: ${found.groups.map((g) => g.reasons.slice(0, 2).join(', ')).join(' | ')}`,
      details: { groups: found.groups.map((g) => ({ ids: g.ids, score: Math.round(g.score * 100) / 100 })) },
    });
    const merged = mergeAllDuplicates(session, 'contact', { rule: 'most-complete' });
    record({ step: 'dupes-merge', summary: `Merged ${merged.merged} duplicate(s) into their most complete record (undo any with crmctl merge undo)`, details: { merged: merged.merged, groups: merged.groups } });

    const pipeline = runReport(session, 'opportunity-pipeline');
    record({
      step: 'report',
      summary: `Opportunity pipeline: ${pipeline.rows.length} open opportunities worth ${money(session, pipeline.totals.Amount)} (weighted by stage probability: ${money(session, pipeline.totals.Weighted)})`,
      details: { report: pipeline.name, totals: pipeline.totals },
    });

    const guide = guideStatus(session);
    record({ step: 'guide', summary: `Guide checklist: ${guide.done} of ${guide.total} steps done` });
    return { db: path, company: init.org.company, admin: { username: init.admin.username, temporaryPassword: init.admin.temporaryPassword }, steps, guide };
  } finally {
    db.close();
  }
}
