import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CrmError } from '../errors.js';
import { addField } from '../customize/fields.js';
import { runImportEngine, type ImportSummary } from '../import/engine.js';
import { validateMapping } from '../import/mapping/validate.js';
import type { Mapping } from '../import/mapping/types.js';
import { openRowSource } from '../import/read/index.js';
import type { ReadRow } from '../import/rows.js';
import { buildRowMapper, prepareImport } from '../import/run.js';
import type { OrgSession } from '../org/session.js';
import { beginLongTransaction, inTransaction } from '../store/database.js';
import { getJob } from '../store/import-jobs.js';
import {
  insertMigration,
  insertMigrationStep,
  latestUnfinishedMigration,
  markMigrationRunning,
  migrationSteps,
  nextMigrationId,
  setMigrationStatus,
} from '../store/migrate-jobs.js';
import { appendAudit } from '../store/org.js';
import { findUserByUsername } from '../store/users.js';
import { lookupProblemsError, resolveLookups, withLookups } from './lookups.js';
import { effectiveStep, loadPlan, type LoadedPlan, type MigrationPlan, type PlanStep } from './plan.js';

/**
 * `crmctl migrate <plan>`: the plan's steps run in order as one migration. Each step is one
 * import job in its own transaction, and the step is recorded as done inside that transaction,
 * so an interrupted run resumes at the first step that did not commit and no row is written
 * twice. A dry run holds ONE transaction over every step (later steps' lookups see earlier
 * steps' rows) and rolls it all back.
 */
export const MIGRATABLE_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'OpportunityContactRole', 'Task'] as const;

export interface MigrateProgress {
  /** 1-based step number among the steps this run executes. */
  step: number;
  steps: number;
  name: string;
  object: string;
  rows: number;
  /** Rows in the step's file, when counted beforehand. */
  totalRows?: number | undefined;
  /** Rows this run has processed over all its steps so far. */
  planDone: number;
  /** Rows in all the files this run loads, when counted beforehand (for a bar and an ETA over the whole plan). */
  planRows?: number | undefined;
}

export interface MigrateOptions {
  dryRun?: boolean | undefined;
  /** Run just this step. */
  only?: string | undefined;
  /** Run this step and the ones after it. */
  from?: string | undefined;
  /** Continue this plan's newest unfinished run, skipping the steps it committed. */
  resume?: boolean | undefined;
  /** Count the files' rows before the run (one extra read of each) so progress can show an ETA for the whole plan. */
  countRows?: boolean | undefined;
  onProgress?: ((progress: MigrateProgress) => void) | undefined;
}

export interface StepResult {
  name: string;
  object: string;
  file: string;
  /** `done` now, or `already-done` by the run being resumed. */
  status: 'done' | 'already-done';
  job: string | null;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  rejected: number;
  duplicates: number;
  /** Rows whose lookup found no parent. */
  lookupMisses: number;
  /** Parents created by lookups with onMissing: create, per object. */
  parentsCreated: Record<string, number>;
  accountsCreated: number;
  rejectedByCode: Record<string, number>;
  successFile: string;
  errorsFile: string;
  warnings: string[];
  seconds: number;
}

export interface MigrationTotals {
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  rejected: number;
  lookupMisses: number;
  parentsCreated: number;
}

export interface MigrationResult {
  migration: string | null;
  plan: string;
  name: string | null;
  dryRun: boolean;
  resumed: boolean;
  status: 'completed' | 'dry-run';
  /** Custom fields the plan declared that did not exist yet (`Object.Field__c`). */
  fieldsCreated: string[];
  steps: StepResult[];
  totals: MigrationTotals;
  seconds: number;
  rowsPerSecond: number;
  warnings: string[];
}

/** Which steps to run, by --only / --from. */
function selectSteps(plan: MigrationPlan, options: MigrateOptions): number[] {
  const all = plan.steps.map((_, i) => i);
  const find = (flag: string, name: string): number => {
    const i = plan.steps.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new CrmError('USAGE', `${flag} ${name}: the plan has no such step.`, { hint: `Steps: ${plan.steps.map((s) => s.name).join(', ')}` });
    return i;
  };
  if (options.only !== undefined && options.from !== undefined) throw new CrmError('USAGE', '--only and --from cannot be combined.', { hint: 'Use one of them.' });
  if (options.resume && (options.only !== undefined || options.from !== undefined)) {
    throw new CrmError('USAGE', '--resume continues where the interrupted run stopped; it takes no --only or --from.', { hint: 'Drop --only/--from.' });
  }
  if (options.only !== undefined) return [find('--only', options.only)];
  if (options.from !== undefined) return all.slice(find('--from', options.from));
  return all;
}

/** Create the custom fields the plan declares and the org lacks; returns `Object.Field__c` of each created. */
function ensureFields(session: OrgSession, plan: MigrationPlan): string[] {
  const created: string[] = [];
  for (const [i, declared] of (plan.fields ?? []).entries()) {
    const object = session.objects.find(declared.object);
    if (!object) throw new CrmError('BAD_INPUT_FILE', `fields[${i}].object: there is no object ${declared.object}.`, { hint: `Use one of: ${session.objects.all().map((o) => o.name).join(', ')}` });
    const existing = object.fields.find((f) => f.label.toLowerCase() === declared.label.toLowerCase());
    if (existing) {
      if (declared.externalId && !existing.externalId) {
        throw new CrmError('CONFLICT', `fields[${i}]: ${object.name}.${existing.name} exists but is not an external id.`, { hint: 'Upserts and lookups need an external id: give the plan field another label.' });
      }
      continue;
    }
    const result = addField(session, { object: object.name, label: declared.label, type: declared.type, length: declared.length, values: declared.values, externalId: declared.externalId });
    created.push(`${result.object}.${result.field.name}`);
  }
  return created;
}

async function countFileRows(file: string, step: PlanStep): Promise<number> {
  const source = await openRowSource(file, { encoding: step.encoding, delimiter: step.delimiter, sheet: step.sheet });
  let n = 0;
  for await (const _row of source.rows) n++;
  return n;
}

async function countRows(loaded: LoadedPlan, selected: readonly number[], options: MigrateOptions): Promise<Map<number, number>> {
  const counted = new Map<number, number>();
  if (!options.countRows) return counted;
  for (const index of selected) {
    const step = effectiveStep(loaded.plan, loaded.plan.steps[index]!);
    counted.set(index, await countFileRows(resolve(loaded.folder, step.file), step));
  }
  return counted;
}

interface StepContext {
  session: OrgSession;
  loaded: LoadedPlan;
  migrationId: string | null;
  dryRun: boolean;
  output: string;
  position: number;
  steps: number;
  options: MigrateOptions;
  /** Rows counted per step index (countRows), and the rows earlier steps of this run processed. */
  counted: Map<number, number>;
  planDone: number;
}

async function runStep(ctx: StepContext, index: number): Promise<StepResult> {
  const { session, loaded } = ctx;
  const started = Date.now();
  const step = effectiveStep(loaded.plan, loaded.plan.steps[index]!);
  const path = `steps[${index}]`;
  const objectDef = session.objects.find(step.object);
  if (!objectDef || !(MIGRATABLE_OBJECTS as readonly string[]).includes(objectDef.name)) {
    throw new CrmError('BAD_INPUT_FILE', `${loaded.file}: ${path}.object: ${step.object} cannot be migrated.`, { hint: `Use one of: ${MIGRATABLE_OBJECTS.join(', ')}.` });
  }
  let mapping: Mapping | undefined;
  const mappingValue = step.mapping ? { version: 1, object: objectDef.name, fields: step.mapping } : undefined;
  const mappingProblems = (headers?: readonly string[]): string[] =>
    mappingValue ? validateMapping(mappingValue, session.objects.all(), headers).problems.map((p) => `${path}.mapping${p.startsWith('fields.') ? p.slice('fields'.length) : ': ' + p}`) : [];
  if (mappingValue) {
    const problems = mappingProblems();
    if (problems.length > 0) throw lookupProblemsError(loaded.file, problems);
    mapping = mappingValue as Mapping;
  }
  const matchOn = step.matchOn === undefined ? undefined : (session.objects.field(objectDef, step.matchOn)?.name ?? step.matchOn);
  const file = resolve(loaded.folder, step.file);
  const totalRows = ctx.counted.get(index);
  const planRows = ctx.counted.size > 0 ? [...ctx.counted.values()].reduce((a, b) => a + b, 0) : undefined;
  const prepared = await prepareImport(session, {
    file,
    object: objectDef.name,
    allowedObjects: MIGRATABLE_OBJECTS,
    source: step.source,
    encoding: step.encoding,
    delimiter: step.delimiter,
    sheet: step.sheet,
    mapping,
    mappingFile: step.mappingFile === undefined ? undefined : resolve(loaded.folder, step.mappingFile),
    mode: step.mode,
    matchOn,
    onDuplicate: step.onDuplicate,
    dateFormat: step.dateFormat,
    defaultCountry: step.defaultCountry,
  });
  const headers = prepared.source.headers;
  const { resolved, problems } = resolveLookups(session, objectDef, step.lookups ?? [], headers, path);
  problems.unshift(...mappingProblems(headers));
  if (problems.length > 0) throw lookupProblemsError(loaded.file, problems);

  let defaultOwnerId = session.actor.id;
  if (step.owner !== undefined) {
    const user = findUserByUsername(session.db, step.owner);
    if (!user || !user.isActive) throw new CrmError('BAD_INPUT_FILE', `${loaded.file}: ${path}.owner: no active user ${step.owner}.`, { hint: 'Try: crmctl user list' });
    defaultOwnerId = user.id;
  }
  const lookups = withLookups(session, buildRowMapper(session, prepared), resolved, defaultOwnerId);
  const successFile = resolve(ctx.output, `${step.name}.success.csv`);
  const errorsFile = resolve(ctx.output, `${step.name}.errors.csv`);
  const progress = (rows: number): void =>
    ctx.options.onProgress?.({ step: ctx.position, steps: ctx.steps, name: step.name, object: objectDef.name, rows, totalRows, planDone: ctx.planDone + rows, planRows });
  progress(0);
  const summary: ImportSummary = await runImportEngine(session, {
    object: prepared.object,
    headers,
    rows: prepared.rows as AsyncIterable<ReadRow>,
    mapper: lookups.mapper,
    mode: step.mode ?? 'insert',
    matchOn,
    onDuplicate: step.onDuplicate ?? 'create',
    dryRun: ctx.dryRun,
    defaultOwnerId,
    successFile,
    errorsFile,
    job: {
      file,
      fileSha256: null,
      source: prepared.detection.source,
      kind: 'migrate-step',
      options: { migration: ctx.migrationId, plan: loaded.file, step: step.name, mode: step.mode ?? 'insert', matchOn: matchOn ?? null, mapping: prepared.mapping, lookups: step.lookups ?? [] },
    },
    inCallerTransaction: ctx.dryRun,
    onProgress: progress,
    beforeCommit: (jobId) => {
      lookups.recordCreated(jobId);
      if (ctx.migrationId !== null && !ctx.dryRun) {
        insertMigrationStep(session.db, {
          migrationId: ctx.migrationId,
          stepIndex: index,
          stepName: step.name,
          importJobId: jobId,
          summary: { lookupMisses: lookups.stats.misses, parentsCreated: lookups.stats.parentsCreated },
          finishedAt: session.now().toISOString(),
        });
      }
    },
  });
  return {
    name: step.name,
    object: objectDef.name,
    file,
    status: 'done',
    job: summary.job,
    rows: summary.rows,
    inserted: summary.inserted,
    updated: summary.updated,
    skipped: summary.skipped,
    rejected: summary.rejected,
    duplicates: summary.duplicates,
    lookupMisses: lookups.stats.misses,
    parentsCreated: { ...lookups.stats.parentsCreated },
    accountsCreated: summary.accountsCreated,
    rejectedByCode: summary.rejectedByCode,
    successFile,
    errorsFile,
    warnings: [...summary.warnings, ...prepared.source.warnings],
    seconds: (Date.now() - started) / 1000,
  };
}

/** A step the resumed run had already committed, reported from its job. */
function alreadyDone(session: OrgSession, loaded: LoadedPlan, index: number, importJobId: string, stored: Record<string, unknown>): StepResult {
  const step = loaded.plan.steps[index]!;
  const s = (getJob(session.db, importJobId)?.summary ?? {}) as Partial<ImportSummary>;
  return {
    name: step.name,
    object: s.object ?? step.object,
    file: resolve(loaded.folder, step.file),
    status: 'already-done',
    job: importJobId,
    rows: s.rows ?? 0,
    inserted: s.inserted ?? 0,
    updated: s.updated ?? 0,
    skipped: s.skipped ?? 0,
    rejected: s.rejected ?? 0,
    duplicates: s.duplicates ?? 0,
    lookupMisses: Number(stored.lookupMisses ?? 0),
    parentsCreated: (stored.parentsCreated ?? {}) as Record<string, number>,
    accountsCreated: s.accountsCreated ?? 0,
    rejectedByCode: s.rejectedByCode ?? {},
    successFile: s.successFile ?? '',
    errorsFile: s.errorsFile ?? '',
    warnings: [],
    seconds: 0,
  };
}

function totalsOf(steps: readonly StepResult[]): MigrationTotals {
  const t: MigrationTotals = { rows: 0, inserted: 0, updated: 0, skipped: 0, rejected: 0, lookupMisses: 0, parentsCreated: 0 };
  for (const s of steps) {
    t.rows += s.rows;
    t.inserted += s.inserted;
    t.updated += s.updated;
    t.skipped += s.skipped;
    t.rejected += s.rejected;
    t.lookupMisses += s.lookupMisses;
    t.parentsCreated += Object.values(s.parentsCreated).reduce((a, b) => a + b, 0);
  }
  return t;
}

/** A step's error, saying which step failed, that the steps before it are kept, and how to continue. */
function stepFailure(error: unknown, loaded: LoadedPlan, migrationId: string, index: number | undefined, committed: number, planFile: string): unknown {
  if (!(error instanceof CrmError)) return error;
  const step = index === undefined ? undefined : loaded.plan.steps[index];
  const where = step ? `steps[${index}] (${step.name}): ` : '';
  const message = error.message.startsWith(loaded.file) || !step ? error.message : `${where}${error.message}`;
  return new CrmError(error.code, `${message}\n${migrationId} stopped there; ${committed} step(s) before it are committed.`, {
    hint: `${error.hint ? error.hint.replace(/\.?$/, '; then') : 'Fix it, then'} continue with: crmctl migrate ${planFile} --resume`,
    details: { ...(error.details ?? {}), migration: migrationId, ...(step ? { step: step.name } : {}) },
    cause: error,
  });
}

/** Run a migration plan (see the module comment); `planFile` is resolved against the process's folder by the caller. */
export async function runMigration(session: OrgSession, planFile: string, options: MigrateOptions = {}): Promise<MigrationResult> {
  const started = Date.now();
  const loaded = await loadPlan(planFile);
  const plan = loaded.plan;
  const dryRun = options.dryRun === true;
  if (dryRun && options.resume) throw new CrmError('USAGE', '--dry-run cannot --resume: a dry run commits nothing to continue from.', { hint: 'Drop one of them.' });
  let selected = selectSteps(plan, options);
  const output = resolve(loaded.folder, plan.output ?? '.');
  mkdirSync(output, { recursive: true });
  const warnings: string[] = [];
  const results: StepResult[] = [];
  const finish = (migration: string | null, fieldsCreated: string[], resumed: boolean): MigrationResult => {
    const seconds = (Date.now() - started) / 1000;
    const totals = totalsOf(results);
    const ranRows = results.filter((s) => s.status === 'done').reduce((a, s) => a + s.rows, 0);
    return {
      migration,
      plan: loaded.file,
      name: plan.name ?? null,
      dryRun,
      resumed,
      status: dryRun ? 'dry-run' : 'completed',
      fieldsCreated,
      steps: results,
      totals,
      seconds,
      rowsPerSecond: seconds > 0 ? Math.round(ranRows / seconds) : ranRows,
      warnings,
    };
  };

  if (dryRun) {
    const tx = beginLongTransaction(session.db);
    try {
      const fieldsCreated = ensureFields(session, plan);
      const counted = await countRows(loaded, selected, options);
      let planDone = 0;
      for (const [position, index] of selected.entries()) {
        const step = await runStep({ session, loaded, migrationId: null, dryRun, output, position: position + 1, steps: selected.length, options, counted, planDone }, index);
        planDone += step.rows;
        results.push(step);
      }
      return finish(null, fieldsCreated, false);
    } finally {
      tx.rollback();
      // Fields created inside the rolled-back transaction are gone again.
      session.objects.reload();
    }
  }

  let migrationId: string;
  const done = new Map<string, { index: number; job: string; summary: Record<string, unknown> }>();
  if (options.resume) {
    const unfinished = latestUnfinishedMigration(session.db, loaded.file);
    if (!unfinished) {
      throw new CrmError('NOT_FOUND', `No unfinished run of ${loaded.file} to resume.`, { hint: `Run it again without --resume (upserts make re-runs safe): crmctl migrate ${planFile}` });
    }
    if (unfinished.planSha256 !== loaded.sha256) warnings.push(`${loaded.file} changed since ${unfinished.id} started; its committed steps are kept and the rest run from the plan as it is now.`);
    migrationId = unfinished.id;
    for (const s of migrationSteps(session.db, migrationId)) done.set(s.stepName.toLowerCase(), { index: s.stepIndex, job: s.importJobId, summary: s.summary });
    markMigrationRunning(session.db, migrationId);
  } else {
    const unfinished = latestUnfinishedMigration(session.db, loaded.file);
    if (unfinished) warnings.push(`${unfinished.id} (an earlier run of this plan) did not finish; crmctl migrate ${planFile} --resume would have continued it.`);
    migrationId = inTransaction(session.db, () => {
      const id = nextMigrationId(session.db);
      insertMigration(session.db, { id, planFile: loaded.file, planSha256: loaded.sha256, planName: plan.name ?? null, userId: session.actor.id, startedAt: session.now().toISOString() });
      return id;
    });
  }
  let fieldsCreated: string[] = [];
  let failing: number | undefined;
  try {
    fieldsCreated = ensureFields(session, plan);
    selected = selected.filter((index) => {
      const previous = done.get(plan.steps[index]!.name.toLowerCase());
      if (previous) results.push(alreadyDone(session, loaded, index, previous.job, previous.summary));
      return !previous;
    });
    const counted = await countRows(loaded, selected, options);
    let planDone = 0;
    for (const [position, index] of selected.entries()) {
      failing = index;
      const step = await runStep({ session, loaded, migrationId, dryRun, output, position: position + 1, steps: selected.length, options, counted, planDone }, index);
      planDone += step.rows;
      results.push(step);
    }
  } catch (error) {
    setMigrationStatus(session.db, migrationId, 'failed', session.now().toISOString(), (error as Error).message);
    throw stepFailure(error, loaded, migrationId, failing, results.length, planFile);
  }
  const result = finish(migrationId, fieldsCreated, options.resume === true);
  inTransaction(session.db, () => {
    const at = session.now().toISOString();
    setMigrationStatus(session.db, migrationId, 'completed', at);
    appendAudit(session.db, {
      at,
      actorId: session.actor.id,
      action: 'migrate.run',
      target: migrationId,
      oldValue: null,
      newValue: JSON.stringify({ plan: loaded.file, resumed: result.resumed, steps: results.map((s) => ({ step: s.name, job: s.job, inserted: s.inserted, updated: s.updated, rejected: s.rejected })) }),
    });
  });
  return result;
}

