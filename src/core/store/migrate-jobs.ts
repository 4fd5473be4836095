import type { OrgDb } from './database.js';
import { cachedStatement } from './records.js';
import { quoteIdent } from './sql.js';

/** Repository for crmctl migrate: one migrate_job per plan run, one migrate_step per committed step. */
export type MigrationStatus = 'running' | 'failed' | 'completed' | 'undone';

export interface MigrationRow {
  id: string;
  planFile: string;
  planSha256: string;
  planName: string | null;
  userId: string;
  startedAt: string;
  finishedAt: string | null;
  status: MigrationStatus;
  error: string | null;
  undoneAt: string | null;
}

export interface MigrationStepRow {
  migrationId: string;
  stepIndex: number;
  stepName: string;
  importJobId: string;
  summary: Record<string, unknown>;
  finishedAt: string;
}

interface RawMigration {
  id: string;
  plan_file: string;
  plan_sha256: string;
  plan_name: string | null;
  user_id: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  error: string | null;
  undone_at: string | null;
}

const toMigration = (r: RawMigration): MigrationRow => ({
  id: r.id,
  planFile: r.plan_file,
  planSha256: r.plan_sha256,
  planName: r.plan_name,
  userId: r.user_id,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  status: r.status as MigrationStatus,
  error: r.error,
  undoneAt: r.undone_at,
});

/** Next migration id, `mig-N` (its own sequence, so `crmctl migrate undo mig-2` is short). */
export function nextMigrationId(db: OrgDb): string {
  const row = cachedStatement(
    db,
    `INSERT INTO id_sequence (object, next_value) VALUES ('MigrateJob', 2)
     ON CONFLICT(object) DO UPDATE SET next_value = next_value + 1 RETURNING next_value`,
  ).get() as { next_value: number };
  return `mig-${row.next_value - 1}`;
}

export function insertMigration(db: OrgDb, m: Pick<MigrationRow, 'id' | 'planFile' | 'planSha256' | 'planName' | 'userId' | 'startedAt'>): void {
  cachedStatement(
    db,
    `INSERT INTO migrate_job (id, plan_file, plan_sha256, plan_name, user_id, started_at, status) VALUES (?, ?, ?, ?, ?, ?, 'running')`,
  ).run(m.id, m.planFile, m.planSha256, m.planName, m.userId, m.startedAt);
}

export function setMigrationStatus(db: OrgDb, id: string, status: MigrationStatus, at: string, error: string | null = null): void {
  const column = status === 'undone' ? 'undone_at' : 'finished_at';
  cachedStatement(db, `UPDATE migrate_job SET status = ?, error = ?, ${quoteIdent(column)} = ? WHERE id = ?`).run(status, error, at, id);
}

/** A run restarted with --resume is running again and has not finished. */
export function markMigrationRunning(db: OrgDb, id: string): void {
  cachedStatement(db, "UPDATE migrate_job SET status = 'running', error = NULL, finished_at = NULL WHERE id = ?").run(id);
}

export function getMigration(db: OrgDb, id: string): MigrationRow | undefined {
  const row = cachedStatement(db, 'SELECT * FROM migrate_job WHERE id = ?').get(id) as RawMigration | undefined;
  return row ? toMigration(row) : undefined;
}

/** The newest run of this plan file that did not finish (interrupted or failed): what --resume continues. */
export function latestUnfinishedMigration(db: OrgDb, planFile: string): MigrationRow | undefined {
  const row = cachedStatement(
    db,
    "SELECT * FROM migrate_job WHERE plan_file = ? AND status IN ('running', 'failed') ORDER BY started_at DESC, rowid DESC LIMIT 1",
  ).get(planFile) as RawMigration | undefined;
  return row ? toMigration(row) : undefined;
}

export function listMigrations(db: OrgDb): MigrationRow[] {
  return (db.prepare('SELECT * FROM migrate_job ORDER BY started_at DESC, rowid DESC').all() as RawMigration[]).map(toMigration);
}

/** Called inside the step's own transaction, so a step is recorded as done exactly when its rows commit. */
export function insertMigrationStep(db: OrgDb, step: MigrationStepRow): void {
  cachedStatement(
    db,
    'INSERT INTO migrate_step (migration_id, step_index, step_name, import_job_id, summary, finished_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(step.migrationId, step.stepIndex, step.stepName, step.importJobId, JSON.stringify(step.summary), step.finishedAt);
}

export function migrationSteps(db: OrgDb, migrationId: string): MigrationStepRow[] {
  return (
    cachedStatement(db, 'SELECT * FROM migrate_step WHERE migration_id = ? ORDER BY step_index').all(migrationId) as {
      migration_id: string;
      step_index: number;
      step_name: string;
      import_job_id: string;
      summary: string;
      finished_at: string;
    }[]
  ).map((r) => ({
    migrationId: r.migration_id,
    stepIndex: r.step_index,
    stepName: r.step_name,
    importJobId: r.import_job_id,
    summary: JSON.parse(r.summary) as Record<string, unknown>,
    finishedAt: r.finished_at,
  }));
}
