import { spawn, spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';

/** Spawned runs of the built binary (npm run build first): interruption with SIGKILL, resume, re-runs. */
const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));
const FIXTURES = new URL('../../fixtures/migrate/', import.meta.url);
const ENV = { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' };

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function query<T>(db: string, sql: string): T {
  const connection = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return connection.prepare(sql).get() as T;
  } finally {
    connection.close();
  }
}

// Large enough that step 2 runs for a second or more, so the kill lands inside it.
const CONTACT_ROWS = 40_000;

describe('crmctl migrate, the real binary', () => {
  it('killed during step 2 after step 1 committed, --resume loads exactly the file rows once', async () => {
    const dir = tempDir('crmctl-migrate-e2e-');
    const db = join(dir, 'crm.db');
    expect(run(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', '--json'], dir).code).toBe(0);
    let accounts = '\ufeffLegacy ID,Account Name\r\n';
    for (let i = 0; i < 40; i++) accounts += `A-${i},Uzņēmums ${i} SIA\r\n`;
    writeFileSync(join(dir, 'accounts.csv'), accounts);
    const contacts = ['\ufeffFirst Name;Last Name;Email;Company ID'];
    for (let i = 0; i < CONTACT_ROWS; i++) contacts.push(`Jānis ${i};Bērziņš;janis.${i}@example.lv;a-${i % 40}`);
    writeFileSync(join(dir, 'contacts.csv'), contacts.join('\r\n') + '\r\n');
    writeFileSync(
      join(dir, 'plan.yaml'),
      `version: 1
fields: [{ object: Account, label: Legacy Id, type: text, externalId: true }]
steps:
  - { name: accounts, file: accounts.csv, object: Account, mode: upsert, matchOn: Legacy_Id__c, mapping: { Legacy_Id__c: Legacy ID, Name: Account Name } }
  - name: contacts
    file: contacts.csv
    object: Contact
    mode: upsert
    matchOn: Email
    mapping: { FirstName: First Name, LastName: Last Name, Email: Email }
    lookups: [{ field: AccountId, column: Company ID, object: Account, matchOn: Legacy_Id__c }]
`,
    );

    const child = spawn(process.execPath, [BIN, '--db', db, 'migrate', 'plan.yaml', '--json'], { cwd: dir, env: ENV, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Poll the org until step 1 is recorded as committed, then kill the process mid-step 2.
    for (let tries = 0; tries < 2000; tries++) {
      if (query<{ n: number }>(db, 'SELECT count(*) AS n FROM migrate_step').n >= 1) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM migrate_step').n).toBe(1);
    expect(query<{ status: string }>(db, 'SELECT status FROM migrate_job').status).toBe('running');
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM "Account"').n).toBe(40);
    // Step 2's transaction never committed: not one contact.
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM "Contact"').n).toBe(0);

    const resumed = run(['--db', db, 'migrate', 'plan.yaml', '--resume', '--json'], dir);
    expect(resumed.code).toBe(0);
    const result = JSON.parse(resumed.stdout) as { migration: string; resumed: boolean; steps: { name: string; status: string; inserted: number }[] };
    expect(result).toMatchObject({ migration: 'mig-1', resumed: true });
    expect(result.steps.map((s) => [s.name, s.status, s.inserted])).toEqual([
      ['accounts', 'already-done', 40],
      ['contacts', 'done', CONTACT_ROWS],
    ]);
    const loaded = () => query<{ n: number; emails: number; linked: number; accounts: number }>(db, 'SELECT count(*) AS n, count(DISTINCT "Email") AS emails, count("AccountId") AS linked, (SELECT count(*) FROM "Account") AS accounts FROM "Contact"');
    expect(loaded()).toEqual({ n: CONTACT_ROWS, emails: CONTACT_ROWS, linked: CONTACT_ROWS, accounts: 40 });
    expect(query<{ AccountId: string; legacy: string }>(db, `SELECT c."AccountId", a."Legacy_Id__c" AS legacy FROM "Contact" c JOIN "Account" a ON a."Id" = c."AccountId" WHERE c."Email" = 'janis.41@example.lv'`).legacy).toBe('A-1');

    // Running the plan again updates: still exactly the file's rows.
    const again = run(['--db', db, 'migrate', 'plan.yaml', '--json'], dir);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { totals: { inserted: number; updated: number } }).totals).toMatchObject({ inserted: 0, updated: CONTACT_ROWS + 40 });
    expect(loaded()).toEqual({ n: CONTACT_ROWS, emails: CONTACT_ROWS, linked: CONTACT_ROWS, accounts: 40 });
  });

  it('the fixture plan: dry run changes nothing, two runs duplicate nothing, undo empties the org', () => {
    const dir = tempDir('crmctl-migrate-e2e-');
    cpSync(FIXTURES, dir, { recursive: true });
    const db = join(dir, 'crm.db');
    expect(run(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', '--json'], dir).code).toBe(0);
    const total = () => query<{ n: number }>(db, 'SELECT (SELECT count(*) FROM "Account") + (SELECT count(*) FROM "Contact") + (SELECT count(*) FROM "Opportunity") + (SELECT count(*) FROM "Task") AS n').n;
    expect(run(['--db', db, 'migrate', 'plan.yaml', '--dry-run', '--json'], dir).code).toBe(0);
    expect(total()).toBe(0);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM field_def').n).toBe(0);
    expect(run(['--db', db, 'migrate', 'plan.yaml', '--json'], dir).code).toBe(0);
    expect(run(['--db', db, 'migrate', 'plan.yaml', '--json'], dir).code).toBe(0);
    expect(total()).toBe(22);
    expect(run(['--db', db, 'migrate', 'undo', 'mig-2', '--yes', '--json'], dir).code).toBe(0);
    expect(run(['--db', db, 'migrate', 'undo', 'mig-1', '--yes', '--json'], dir).code).toBe(0);
    expect(total()).toBe(0);
  });
});
