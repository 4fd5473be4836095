import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';
import type { MigrationResult } from '../../src/core/migrate/run.js';
import type { MigrationUndoResult, MigrationView } from '../../src/core/migrate/jobs.js';

const FIXTURES = new URL('../../fixtures/migrate/', import.meta.url);

async function orgWithFixtures(): Promise<{ dir: string; db: string }> {
  const dir = tempDir('crmctl-migrate-cmd-');
  cpSync(FIXTURES, dir, { recursive: true });
  const db = join(dir, 'crm.db');
  expect((await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', '--json'], { cwd: dir })).code).toBe(0);
  return { dir, db };
}

describe('crmctl migrate (in-process)', () => {
  it('--json prints one document for CI; a run, a re-run, list, show and undo', async () => {
    const { dir, db } = await orgWithFixtures();
    const run = await cli(['--db', db, 'migrate', 'plan.yaml', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = run.json<MigrationResult>();
    expect(result).toMatchObject({ migration: 'mig-1', dryRun: false, status: 'completed', totals: { rows: 22, inserted: 22, rejected: 0 } });
    expect(result.steps.map((s) => s.successFile)).toEqual(['accounts', 'contacts', 'opportunities', 'tasks'].map((s) => join(dir, 'results', `${s}.success.csv`)));

    const again = (await cli(['--db', db, 'migrate', 'run', 'plan.yaml', '--json'], { cwd: dir })).json<MigrationResult>();
    expect(again.totals).toMatchObject({ inserted: 0, updated: 22 });
    const records = await cli(['--db', db, 'record', 'list', 'task', '--json'], { cwd: dir });
    expect((records.json<{ records: unknown[] }>()).records).toHaveLength(6);

    const list = (await cli(['--db', db, 'migrate', 'list', '--json'], { cwd: dir })).json<{ migrations: MigrationView[] }>();
    expect(list.migrations.map((m) => [m.migration, m.status, m.steps.length])).toEqual([
      ['mig-2', 'completed', 4],
      ['mig-1', 'completed', 4],
    ]);
    const show = (await cli(['--db', db, 'migrate', 'show', 'mig-1', '--json'], { cwd: dir })).json<MigrationView>();
    expect(show.steps.map((s) => [s.step, s.object, s.inserted])).toEqual([
      ['accounts', 'Account', 5],
      ['contacts', 'Contact', 6],
      ['opportunities', 'Opportunity', 5],
      ['tasks', 'Task', 6],
    ]);
    // Without a terminal the confirmation cannot be asked: --yes is needed.
    const refused = await cli(['--db', db, 'migrate', 'undo', 'mig-2'], { cwd: dir });
    expect(refused.code).toBe(2);
    const undo = await cli(['--db', db, 'migrate', 'undo', 'mig-2', '--yes', '--json'], { cwd: dir });
    expect(undo.code).toBe(0);
    expect(undo.json<MigrationUndoResult>().steps.map((s) => s.step)).toEqual(['tasks', 'opportunities', 'contacts', 'accounts']);
    const undo1 = (await cli(['--db', db, 'migrate', 'undo', 'mig-1', '--yes', '--json'], { cwd: dir })).json<MigrationUndoResult>();
    expect(undo1.deleted).toEqual({ Task: 6, Opportunity: 5, Contact: 6, Account: 5 });
    const audit = await cli(['--db', db, 'audit', '--json'], { cwd: dir });
    expect(audit.stdout).toContain('migrate.undo');
  });

  it('exits 3 when a row was rejected, and the human summary names the error file', async () => {
    const { dir, db } = await orgWithFixtures();
    writeFileSync(join(dir, 'tasks.csv'), readFileSync(join(dir, 'tasks.csv'), 'utf8').replace('gudrun@gudmundsson.is', 'nobody@example.com'));
    const json = await cli(['--db', db, 'migrate', 'plan.yaml', '--dry-run', '--json'], { cwd: dir });
    expect(json.code).toBe(3);
    expect(json.json<MigrationResult>().steps[3]).toMatchObject({ rejected: 1, lookupMisses: 1 });
    const human = await cli(['--db', db, 'migrate', 'plan.yaml', '--dry-run'], { cwd: dir });
    expect(human.code).toBe(3);
    expect(human.stdout).toContain('Dry run (nothing was changed)');
    expect(human.stdout).toContain(`tasks: 1 rejected — see ${join(dir, 'results', 'tasks.errors.csv')}`);
    expect(readFileSync(join(dir, 'results', 'tasks.errors.csv'), 'utf8')).toContain('WhoId: lookup found no Contact with Email = ""nobody@example.com"" (column ""Contact Email"")');
    expect((await cli(['--db', db, 'record', 'list', 'account', '--json'], { cwd: dir })).json<{ records: unknown[] }>().records).toEqual([]);
  });

  it('on a terminal, one progress bar for the whole plan names step k of n, with rows/s and an ETA', async () => {
    const { dir, db } = await orgWithFixtures();
    const run = await cli(['--db', db, 'migrate', 'plan.yaml'], { cwd: dir, tty: true });
    expect(run.code).toBe(0);
    for (const [k, step] of [[1, 'accounts (Account)'], [2, 'contacts (Contact)'], [3, 'opportunities (Opportunity)'], [4, 'tasks (Task)']] as const) {
      expect(run.stderr).toContain(`Step ${k} of 4: ${step} [`);
    }
    // The bar counts the whole plan's 22 rows: after step 1, at least its 5 are done.
    expect(run.stderr).toMatch(/Step 1 of 4: accounts \(Account\) \[[█░]+\] \d+% 0\/22 [\d,]+ rows\/s ETA \d+s/);
    expect(run.stderr).toMatch(/Step 4 of 4: tasks \(Task\) \[[█░]+\] \d+% 16\/22 [\d,]+ rows\/s ETA \d+s/);
    expect(run.stdout).toContain('Migration mig-1');
  });

  it('a plan with problems exits 1 listing every path: message', async () => {
    const { dir, db } = await orgWithFixtures();
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nsteps:\n  - { name: a, file: accounts.csv, mode: upsert }\n');
    const bad = await cli(['--db', db, 'migrate', 'bad.yaml', '--json'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('steps[0].object: is required');
    expect(bad.stderr).toContain('steps[0].matchOn: mode upsert needs matchOn');
    expect(bad.json<{ error: { code: string; details: { problems: string[] } } }>().error).toMatchObject({
      code: 'BAD_INPUT_FILE',
      details: { problems: ['steps[0].object: is required', 'steps[0].matchOn: mode upsert needs matchOn (Email, Id or an external id field)'] },
    });
    const missing = await cli(['--db', db, 'migrate', 'nope.yaml'], { cwd: dir });
    expect(missing.code).toBe(5);
  });

  it('migrate init writes plan.yaml in the current folder and reports it as `plan`', async () => {
    const { dir, db } = await orgWithFixtures();
    rmSync(join(dir, 'plan.yaml'));
    const work = tempDir('crmctl-migrate-work-');
    const init = await cli(['--db', db, 'migrate', 'init', dir, '--json'], { cwd: work });
    expect(init.code).toBe(0);
    const result = init.json<{ plan: string; steps: { name: string }[] }>();
    expect(result.plan).toBe(join(work, 'plan.yaml'));
    expect(result.steps.map((s) => s.name)).toEqual(['accounts', 'contacts', 'opportunities', 'tasks']);
    expect(init.json<{ skipped: { file: string }[] }>().skipped.map((s) => s.file)).toEqual(expect.arrayContaining(['crm.db', 'make-fixtures.mjs']));
    const run = await cli(['--db', db, 'migrate', 'plan.yaml', '--json'], { cwd: work });
    expect(run.json<MigrationResult>().totals).toMatchObject({ inserted: 22, rejected: 0 });
    expect((await cli(['--db', db, 'migrate', 'init', dir], { cwd: work })).code).toBe(1);
  });
});
