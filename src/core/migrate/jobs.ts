import { writeTransaction } from '../store/database.js';
import { CrmError } from '../errors.js';
import { undoImportJob, type UndoResult } from '../import/jobs.js';
import type { OrgSession } from '../org/session.js';
import { requireAdministrator } from '../security/admin.js';
import { getJob } from '../store/import-jobs.js';
import { getMigration, listMigrations, migrationSteps, setMigrationStatus, type MigrationRow } from '../store/migrate-jobs.js';
import { appendAudit } from '../store/org.js';

export interface MigrationView {
  migration: string;
  plan: string;
  name: string | null;
  user: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  error: string | null;
  undoneAt: string | null;
  steps: { step: string; job: string; object: string; inserted: number; updated: number; rejected: number }[];
}

function view(session: OrgSession, m: MigrationRow): MigrationView {
  return {
    migration: m.id,
    plan: m.planFile,
    name: m.planName,
    user: m.userId,
    startedAt: m.startedAt,
    finishedAt: m.finishedAt,
    status: m.status,
    error: m.error,
    undoneAt: m.undoneAt,
    steps: migrationSteps(session.db, m.id).map((s) => {
      const job = getJob(session.db, s.importJobId);
      const summary = (job?.summary ?? {}) as Record<string, number>;
      return { step: s.stepName, job: s.importJobId, object: job?.object ?? '', inserted: summary.inserted ?? 0, updated: summary.updated ?? 0, rejected: summary.rejected ?? 0 };
    }),
  };
}

export function listMigrationRuns(session: OrgSession): MigrationView[] {
  return listMigrations(session.db).map((m) => view(session, m));
}

function requireMigration(session: OrgSession, id: string): MigrationRow {
  const m = getMigration(session.db, id) ?? (/^\d+$/.test(id) ? getMigration(session.db, `mig-${id}`) : undefined);
  if (!m) throw new CrmError('NOT_FOUND', `No migration "${id}".`, { hint: 'Try: crmctl migrate list to see migration ids.', details: { migration: id } });
  return m;
}

export function showMigration(session: OrgSession, id: string): MigrationView {
  return view(session, requireMigration(session, id));
}

export interface MigrationUndoResult {
  migration: string;
  dryRun: boolean;
  /** Each step's import undo, last step first. */
  steps: (UndoResult & { step: string })[];
  /** Steps whose job had already been undone on its own (crmctl import undo). */
  alreadyUndone: string[];
  deleted: Record<string, number>;
  restored: number;
}


/**
 * Undo a whole migration: every committed step's import job, last step first (children before
 * the parents they point at), in ONE transaction — if any step cannot be undone, nothing is.
 * Custom fields the plan created stay (they are setup, not data).
 */
export function undoMigration(session: OrgSession, id: string, options: { dryRun?: boolean } = {}): MigrationUndoResult {
  const m = requireMigration(session, id);
  if (m.status === 'undone') throw new CrmError('CONFLICT', `${m.id} was already undone at ${m.undoneAt}.`, { hint: `Nothing to do; see crmctl migrate show ${m.id}` });
  if (m.userId !== session.actor.id) requireAdministrator(session, `undo ${m.id}, which another user ran`);
  const result: MigrationUndoResult = { migration: m.id, dryRun: options.dryRun === true, steps: [], alreadyUndone: [], deleted: {}, restored: 0 };
  const work = (): void => {
    for (const step of migrationSteps(session.db, m.id).reverse()) {
      if (getJob(session.db, step.importJobId)?.status === 'undone') {
        result.alreadyUndone.push(step.stepName);
        continue;
      }
      const undone = undoImportJob(session, step.importJobId);
      result.steps.push({ ...undone, step: step.stepName });
      for (const [object, n] of Object.entries(undone.deleted)) result.deleted[object] = (result.deleted[object] ?? 0) + n;
      result.restored += undone.restored;
    }
    const at = session.now().toISOString();
    setMigrationStatus(session.db, m.id, 'undone', at);
    appendAudit(session.db, { at, actorId: session.actor.id, action: 'migrate.undo', target: m.id, oldValue: null, newValue: JSON.stringify({ deleted: result.deleted, restored: result.restored }) });
  };
  writeTransaction(session.db, work, { dryRun: options.dryRun });
  return result;
}
