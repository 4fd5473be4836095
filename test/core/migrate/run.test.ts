import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryOrg, tempDir, type TestOrg } from '../../helpers/org.js';
import { runMigration } from '../../../src/core/migrate/run.js';
import { listMigrationRuns, undoMigration } from '../../../src/core/migrate/jobs.js';
import { initPlan } from '../../../src/core/migrate/init.js';
import type { CrmError } from '../../../src/core/errors.js';
import { addUser } from '../../../src/core/security/users.js';
import { setSharing } from '../../../src/core/security/sharing.js';
import { createRecord } from '../../../src/core/records/service.js';
import { TEST_SCRYPT_COST } from '../../helpers/org.js';

const FIXTURES = new URL('../../../fixtures/migrate/', import.meta.url);

/** The fixture folder copied to a temporary one (result files are written beside the plan). */
function fixtureCopy(): string {
  const dir = tempDir('crmctl-migrate-');
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

const rows = (org: TestOrg, sql: string, ...params: unknown[]) => org.db.prepare(sql).all(...params) as Record<string, unknown>[];
const count = (org: TestOrg, table: string) => (org.db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
const counts = (org: TestOrg) => ({ Account: count(org, 'Account'), Contact: count(org, 'Contact'), Opportunity: count(org, 'Opportunity'), Task: count(org, 'Task') });

describe('crmctl migrate: the four related fixture files', () => {
  it('resolves every reference: contacts by legacy id, opportunities by account name, tasks by e-mail', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    const result = await runMigration(org.session, join(dir, 'plan.yaml'));
    expect(result.migration).toBe('mig-1');
    expect(result.fieldsCreated).toEqual(['Account.Legacy_Id__c', 'Opportunity.Migration_Key__c', 'Task.Migration_Key__c']);
    expect(result.steps.map((s) => [s.name, s.inserted, s.rejected, s.lookupMisses])).toEqual([
      ['accounts', 5, 0, 0],
      ['contacts', 6, 0, 0],
      ['opportunities', 5, 0, 0],
      ['tasks', 6, 0, 0],
    ]);
    expect(counts(org)).toEqual({ Account: 5, Contact: 6, Opportunity: 5, Task: 6 });

    // "a-1001" (typed in lower case) finds A-1001 like "A-1001" does.
    expect(rows(org, 'SELECT c."LastName", a."Legacy_Id__c" FROM "Contact" c JOIN "Account" a ON a."Id" = c."AccountId" ORDER BY c."Email"')).toEqual([
      { LastName: 'Mäkinen', Legacy_Id__c: 'A-1002' },
      { LastName: 'Jónsdóttir', Legacy_Id__c: 'A-1003' },
      { LastName: 'Bērziņš', Legacy_Id__c: 'A-1001' },
      { LastName: 'Gonçalves', Legacy_Id__c: 'A-1004' },
      { LastName: 'Ozoliņa', Legacy_Id__c: 'A-1001' },
      { LastName: '王', Legacy_Id__c: 'A-1005' },
    ]);
    // "MÄKINEN OY" and "gonçalves & filhos, lda" find their accounts; decimal commas and day-first dates.
    expect(rows(org, 'SELECT o."Name", a."Name" AS account, o."Amount", o."CloseDate", o."StageName" FROM "Opportunity" o JOIN "Account" a ON a."Id" = o."AccountId" ORDER BY o."CloseDate"')).toEqual([
      { Name: 'Loja online Porto', account: 'Gonçalves & Filhos, Lda', Amount: 3990.9, CloseDate: '2026-01-13', StageName: 'Closed Won' },
      { Name: '华东区分销协议', account: '上海华丰贸易有限公司', Amount: 150000, CloseDate: '2026-02-28', StageName: 'Qualification' },
      { Name: 'Rīgas birojs — licences', account: 'Bērziņš & Partneri SIA', Amount: 12500, CloseDate: '2026-03-31', StageName: 'Proposal/Price Quote' },
      { Name: 'Tampere factory retrofit', account: 'Mäkinen Oy', Amount: 48000.5, CloseDate: '2026-04-15', StageName: 'Negotiation/Review' },
      { Name: 'Harbour logistics pilot', account: 'Guðmundsson ehf.', Amount: 7250, CloseDate: '2026-06-30', StageName: 'Prospecting' },
    ]);
    expect(rows(org, 'SELECT t."Subject", c."Email", t."ActivityDate", t."Status", t."Priority" FROM "Task" t JOIN "Contact" c ON c."Id" = t."WhoId" ORDER BY t."ActivityDate"')).toEqual([
      { Subject: 'Ligar sobre a encomenda', Email: 'joao.goncalves@goncalves.pt', ActivityDate: '2026-01-10', Status: 'Completed', Priority: 'Normal' },
      { Subject: '发送报价单', Email: 'wang.fang@huafeng.cn', ActivityDate: '2026-02-20', Status: 'Not Started', Priority: 'High' },
      { Subject: 'Rēķinu saskaņošana', Email: 'liga.ozolina@berzins.lv', ActivityDate: '2026-03-01', Status: 'Deferred', Priority: 'Low' },
      { Subject: 'Nosūtīt piedāvājumu', Email: 'janis.berzins@berzins.lv', ActivityDate: '2026-03-24', Status: 'Not Started', Priority: 'High' },
      { Subject: 'Soita: jälkiseuranta', Email: 'aino.makinen@makinen.fi', ActivityDate: '2026-04-02', Status: 'In Progress', Priority: 'Normal' },
      { Subject: 'Senda samning', Email: 'gudrun@gudmundsson.is', ActivityDate: '2026-05-15', Status: 'Not Started', Priority: 'Low' },
    ]);
    // Contacts with an AccountId lookup are not also linked (or accounts created) by company name.
    expect(result.steps[1]!.accountsCreated).toBe(0);
    expect(readFileSync(join(dir, 'results', 'tasks.success.csv'), 'utf8').trim().split('\n')).toHaveLength(7);
    expect(rows(org, "SELECT action, target FROM audit_log WHERE action LIKE 'migrate.%'")).toEqual([{ action: 'migrate.run', target: 'mig-1' }]);
  });

  it('runs twice without duplicates: the second run updates every row', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    await runMigration(org.session, join(dir, 'plan.yaml'));
    const ids = rows(org, 'SELECT "Id" FROM "Task" ORDER BY "Id"');
    const second = await runMigration(org.session, join(dir, 'plan.yaml'));
    expect(second.migration).toBe('mig-2');
    expect(second.fieldsCreated).toEqual([]);
    expect(second.totals).toMatchObject({ rows: 22, inserted: 0, updated: 22, rejected: 0 });
    expect(counts(org)).toEqual({ Account: 5, Contact: 6, Opportunity: 5, Task: 6 });
    expect(rows(org, 'SELECT "Id" FROM "Task" ORDER BY "Id"')).toEqual(ids);
  });

  it('--dry-run runs every step (lookups see earlier steps) and leaves the org unchanged', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    const before = { counts: counts(org), fields: count(org, 'field_def'), jobs: count(org, 'import_job'), sequence: rows(org, 'SELECT * FROM id_sequence ORDER BY object') };
    const result = await runMigration(org.session, join(dir, 'plan.yaml'), { dryRun: true });
    expect(result).toMatchObject({ migration: null, dryRun: true, status: 'dry-run' });
    expect(result.steps.map((s) => [s.inserted, s.rejected])).toEqual([[5, 0], [6, 0], [5, 0], [6, 0]]);
    expect({ counts: counts(org), fields: count(org, 'field_def'), jobs: count(org, 'import_job'), sequence: rows(org, 'SELECT * FROM id_sequence ORDER BY object') }).toEqual(before);
    expect(org.session.objects.get('Account').fields.some((f) => f.name === 'Legacy_Id__c')).toBe(false);
    expect(listMigrationRuns(org.session)).toEqual([]);
    // The real run afterwards creates the fields the dry run rolled back.
    expect((await runMigration(org.session, join(dir, 'plan.yaml'))).fieldsCreated).toHaveLength(3);
  });

  it('a lookup that finds nothing rejects the row with the column, value and field searched', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    const contacts = readFileSync(join(dir, 'contacts.csv'), 'utf8').replace('a-1001', 'A-9999');
    writeFileSync(join(dir, 'contacts.csv'), contacts);
    const result = await runMigration(org.session, join(dir, 'plan.yaml'));
    expect(result.steps[1]).toMatchObject({ inserted: 5, rejected: 1, lookupMisses: 1 });
    const errors = readFileSync(join(dir, 'results', 'contacts.errors.csv'), 'utf8');
    expect(errors).toContain('AccountId: lookup found no Account with Legacy_Id__c = ""A-9999"" (column ""Company ID"")');
    expect(errors).toContain('Līga');
    // Her task then has no contact to point at: rejected too, not linked to someone else.
    expect(result.steps[3]).toMatchObject({ inserted: 5, rejected: 1, lookupMisses: 1 });
    expect(result.totals.rejected).toBe(2);
  });

  it('onMissing: create makes the parent account, and undo removes it with the rest', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    const plan = readFileSync(join(dir, 'plan.yaml'), 'utf8').replace('{ field: AccountId, column: Account Name, object: Account, matchOn: Name }', '{ field: AccountId, column: Account Name, object: Account, matchOn: Name, onMissing: create }');
    writeFileSync(join(dir, 'plan.yaml'), plan);
    writeFileSync(join(dir, 'opportunities.csv'), readFileSync(join(dir, 'opportunities.csv'), 'utf8') + 'Þjónusta samningur;Hafnarfjörður Fiskur hf.;Prospecting;900,00;01.12.2026\r\n');
    const result = await runMigration(org.session, join(dir, 'plan.yaml'));
    expect(result.steps[2]).toMatchObject({ inserted: 6, rejected: 0, parentsCreated: { Account: 1 } });
    expect(rows(org, 'SELECT a."Name" FROM "Opportunity" o JOIN "Account" a ON a."Id" = o."AccountId" WHERE o."Name" = ?', 'Þjónusta samningur')).toEqual([{ Name: 'Hafnarfjörður Fiskur hf.' }]);
    const undone = undoMigration(org.session, result.migration!);
    expect(undone.deleted).toEqual({ Task: 6, Opportunity: 6, Account: 6, Contact: 6 });
    expect(counts(org)).toEqual({ Account: 0, Contact: 0, Opportunity: 0, Task: 0 });
  });

  it('an interrupted run resumes at the step that did not commit, with no row done twice', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    const tasks = readFileSync(join(dir, 'tasks.csv'), 'utf8');
    // An unterminated quote is fatal for the file: the tasks step fails after three steps committed.
    writeFileSync(join(dir, 'tasks.csv'), tasks + 'x@y.z,"never closed,01/01/2026\r\n');
    const failed = await runMigration(org.session, join(dir, 'plan.yaml')).catch((e: CrmError) => e);
    expect((failed as CrmError).details?.migration).toBe('mig-1');
    expect((failed as CrmError).details?.step).toBe('tasks');
    expect((failed as CrmError).message).toMatch(/^steps\[3\] \(tasks\): [\s\S]*\nmig-1 stopped there; 3 step\(s\) before it are committed\.$/);
    expect((failed as CrmError).hint).toMatch(/continue with: crmctl migrate .*plan\.yaml --resume$/);
    expect(counts(org)).toEqual({ Account: 5, Contact: 6, Opportunity: 5, Task: 0 });
    expect(listMigrationRuns(org.session)[0]).toMatchObject({ migration: 'mig-1', status: 'failed' });

    writeFileSync(join(dir, 'tasks.csv'), tasks);
    const resumed = await runMigration(org.session, join(dir, 'plan.yaml'), { resume: true });
    expect(resumed).toMatchObject({ migration: 'mig-1', resumed: true, status: 'completed' });
    expect(resumed.steps.map((s) => [s.name, s.status, s.inserted])).toEqual([
      ['accounts', 'already-done', 5],
      ['contacts', 'already-done', 6],
      ['opportunities', 'already-done', 5],
      ['tasks', 'done', 6],
    ]);
    expect(counts(org)).toEqual({ Account: 5, Contact: 6, Opportunity: 5, Task: 6 });
    expect(listMigrationRuns(org.session)[0]!.steps.map((s) => s.step)).toEqual(['accounts', 'contacts', 'opportunities', 'tasks']);
    await expect(runMigration(org.session, join(dir, 'plan.yaml'), { resume: true })).rejects.toThrow(/No unfinished run/);
  });

  it('undo restores what a re-run updated, in one transaction, and refuses twice', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    await runMigration(org.session, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'accounts.csv'), readFileSync(join(dir, 'accounts.csv'), 'utf8').replace('Mäkinen Oy', 'Mäkinen Group Oy'));
    const second = await runMigration(org.session, join(dir, 'plan.yaml'), { only: 'accounts' });
    expect(second.steps.map((s) => s.name)).toEqual(['accounts']);
    expect(rows(org, 'SELECT "Name" FROM "Account" WHERE "Legacy_Id__c" = ?', 'A-1002')).toEqual([{ Name: 'Mäkinen Group Oy' }]);
    const dry = undoMigration(org.session, 'mig-2', { dryRun: true });
    expect(dry.restored).toBe(1);
    expect(rows(org, 'SELECT "Name" FROM "Account" WHERE "Legacy_Id__c" = ?', 'A-1002')).toEqual([{ Name: 'Mäkinen Group Oy' }]);
    expect(undoMigration(org.session, 'mig-2')).toMatchObject({ restored: 1, deleted: {} });
    expect(rows(org, 'SELECT "Name" FROM "Account" WHERE "Legacy_Id__c" = ?', 'A-1002')).toEqual([{ Name: 'Mäkinen Oy' }]);
    expect(() => undoMigration(org.session, 'mig-2')).toThrow(/already undone/);
    expect(undoMigration(org.session, '1').deleted).toEqual({ Task: 6, Opportunity: 5, Contact: 6, Account: 5 });
    expect(rows(org, "SELECT action, target FROM audit_log WHERE action LIKE 'migrate.%' ORDER BY id")).toEqual([
      { action: 'migrate.run', target: 'mig-1' },
      { action: 'migrate.run', target: 'mig-2' },
      { action: 'migrate.undo', target: 'mig-2' },
      { action: 'migrate.undo', target: 'mig-1' },
    ]);
  });

  it('--from runs the named step and the rest; plan problems name the path', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    await runMigration(org.session, join(dir, 'plan.yaml'), { only: 'accounts' });
    const rest = await runMigration(org.session, join(dir, 'plan.yaml'), { from: 'contacts' });
    expect(rest.steps.map((s) => s.name)).toEqual(['contacts', 'opportunities', 'tasks']);
    await expect(runMigration(org.session, join(dir, 'plan.yaml'), { only: 'deals' })).rejects.toThrow(/--only deals: the plan has no such step/);
    writeFileSync(join(dir, 'bad.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace('column: Company ID', 'column: Firma ID').replace('Title: Job Title', 'Titel: Job Title'));
    const error = (await runMigration(org.session, join(dir, 'bad.yaml'), { only: 'contacts' }).catch((e: CrmError) => e)) as CrmError;
    expect(error.details?.problems).toEqual(['steps[1].mapping.Titel: Contact has no field Titel']);
    writeFileSync(join(dir, 'bad.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace('column: Company ID', 'column: Firma ID'));
    const lookupError = (await runMigration(org.session, join(dir, 'bad.yaml'), { only: 'contacts' }).catch((e: CrmError) => e)) as CrmError;
    expect(lookupError.details?.problems).toEqual(['steps[1].lookups[0].column: column "Firma ID" is not in the file']);
  });

  it('a __proto__ key in a plan is a plain unknown field, never a prototype', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    writeFileSync(join(dir, 'proto.yaml'), 'version: 1\nsteps:\n  - name: accounts\n    file: accounts.csv\n    object: Account\n    mapping:\n      Name: Account Name\n      __proto__: { polluted: Legacy ID }\n');
    const error = (await runMigration(org.session, join(dir, 'proto.yaml')).catch((e: CrmError) => e)) as CrmError;
    expect(error.details?.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^steps\[0\]\.mapping\.__proto__: /)]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(count(org, 'Account')).toBe(0);
  });

  it('opportunity contact roles: both references looked up', async () => {
    const org = await memoryOrg();
    const dir = fixtureCopy();
    await runMigration(org.session, join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'contact-roles.csv'), '\ufeffOpportunity;Contact Email;Role;Primary\r\nTampere factory retrofit;aino.makinen@makinen.fi;Decision Maker;yes\r\nRīgas birojs — licences;LIGA.OZOLINA@berzins.lv;Economic Buyer;no\r\nNo such deal;aino.makinen@makinen.fi;Other;no\r\n');
    writeFileSync(
      join(dir, 'roles.yaml'),
      `version: 1
steps:
  - name: roles
    file: contact-roles.csv
    object: OpportunityContactRole
    mapping: { Role: Role, IsPrimary: Primary }
    lookups:
      - { field: OpportunityId, column: Opportunity, object: Opportunity, matchOn: Name }
      - { field: ContactId, column: Contact Email, object: Contact, matchOn: Email }
`,
    );
    const result = await runMigration(org.session, join(dir, 'roles.yaml'));
    expect(result.steps[0]).toMatchObject({ inserted: 2, rejected: 1, lookupMisses: 1 });
    expect(rows(org, 'SELECT o."Name" AS opportunity, c."LastName", r."Role", r."IsPrimary" FROM "OpportunityContactRole" r JOIN "Opportunity" o ON o."Id" = r."OpportunityId" JOIN "Contact" c ON c."Id" = r."ContactId" ORDER BY c."LastName"')).toEqual([
      { opportunity: 'Tampere factory retrofit', LastName: 'Mäkinen', Role: 'Decision Maker', IsPrimary: 1 },
      { opportunity: 'Rīgas birojs — licences', LastName: 'Ozoliņa', Role: 'Economic Buyer', IsPrimary: 0 },
    ]);
  });
});

describe('lookups and sharing', () => {
  it('a lookup finds only accounts the acting user can read (Private sharing)', async () => {
    const org = await memoryOrg();
    for (const username of ['rep', 'peer']) {
      await addUser(org.session, { username, name: username, email: `${username}@example.com`, profile: 'Standard User', notify: false }, { cost: TEST_SCRYPT_COST });
    }
    setSharing(org.session, ['account=private', 'contact=private']);
    createRecord(org.as('rep'), 'Account', { Name: 'Valio Oy' });
    createRecord(org.as('peer'), 'Account', { Name: 'Fazer Oyj' });
    const dir = tempDir('crmctl-migrate-sharing-');
    writeFileSync(join(dir, 'contacts.csv'), 'Last Name,Email,Company\r\nVirtanen,virtanen@valio.fi,valio oy\r\nKorhonen,korhonen@fazer.fi,Fazer Oyj\r\n');
    writeFileSync(
      join(dir, 'plan.yaml'),
      'version: 1\nsteps:\n  - name: contacts\n    file: contacts.csv\n    object: Contact\n    mapping: { LastName: Last Name, Email: Email }\n    lookups: [{ field: AccountId, column: Company, object: Account, matchOn: Name }]\n',
    );
    const result = await runMigration(org.as('rep'), join(dir, 'plan.yaml'));
    expect(result.steps[0]).toMatchObject({ inserted: 1, rejected: 1, lookupMisses: 1 });
    expect(readFileSync(join(dir, 'contacts.errors.csv'), 'utf8')).toContain('lookup found no Account with Name = ""Fazer Oyj""');
    expect(rows(org, 'SELECT c."LastName", a."Name" FROM "Contact" c JOIN "Account" a ON a."Id" = c."AccountId"')).toEqual([{ LastName: 'Virtanen', Name: 'Valio Oy' }]);
  });
});

describe('crmctl migrate init', () => {
  it('writes a plan from the folder that runs twice without duplicating anything', async () => {
    const org = await memoryOrg();
    const dir = tempDir('crmctl-migrate-init-');
    cpSync(FIXTURES, join(dir, 'exports'), { recursive: true });
    rmSync(join(dir, 'exports', 'plan.yaml'));
    writeFileSync(join(dir, 'exports', 'notes.md'), 'not data');
    const planFile = join(dir, 'plan.yaml');
    const init = await initPlan(org.session, join(dir, 'exports'), planFile);
    expect(init.plan).toBe(planFile);
    expect(init.steps.map((s) => [s.name, s.object, s.matchOn])).toEqual([
      ['accounts', 'Account', 'Legacy_ID__c'],
      ['contacts', 'Contact', 'Email'],
      ['opportunities', 'Opportunity', 'Migration_Key__c'],
      ['tasks', 'Task', 'Migration_Key__c'],
    ]);
    expect(init.steps.map((s) => s.lookups)).toEqual([
      [],
      ['AccountId ← "Company ID" = Account.Legacy_ID__c'],
      ['AccountId ← "Account Name" = Account.Name'],
      ['WhoId ← "Contact Email" = Contact.Email'],
    ]);
    expect(init.skipped.map((s) => s.file)).toEqual(['make-fixtures.mjs', 'notes.md']);
    const text = readFileSync(planFile, 'utf8');
    expect(text).toMatch(/^# crmctl migration plan, written by crmctl migrate init exports/);
    expect(text).toContain('# contacts.csv: csv export, 6 row(s) → Contacts; upsert on Email');
    await expect(initPlan(org.session, join(dir, 'exports'), planFile)).rejects.toThrow(/already exists/);

    const first = await runMigration(org.session, planFile);
    expect(first.totals).toMatchObject({ inserted: 22, rejected: 0 });
    const second = await runMigration(org.session, planFile);
    expect(second.totals).toMatchObject({ inserted: 0, updated: 22, rejected: 0 });
    expect(counts(org)).toEqual({ Account: 5, Contact: 6, Opportunity: 5, Task: 6 });
    expect(rows(org, 'SELECT count(*) AS n FROM "Contact" WHERE "AccountId" IS NULL')).toEqual([{ n: 0 }]);
    expect(rows(org, 'SELECT count(*) AS n FROM "Task" WHERE "WhoId" IS NULL')).toEqual([{ n: 0 }]);
  });

  it('without an accounts file, an opportunities file finds or creates its accounts by name, once', async () => {
    const org = await memoryOrg();
    const dir = tempDir('crmctl-migrate-init-');
    writeFileSync(join(dir, 'pipeline.csv'), '\ufeffDeal;Company;Stage;Close Date;Amount\r\nLicences 2027;Mäkinen Oy;Prospecting;31.01.2027;1.200,00\r\nSupport;MÄKINEN OY;Closed Won;15.02.2027;300,00\r\n');
    const init = await initPlan(org.session, dir, join(dir, 'plan.yaml'));
    expect(init.steps).toMatchObject([{ object: 'Opportunity', matchOn: 'Migration_Key__c', key: 'natural key (Company + Deal)', lookups: ['AccountId ← "Company" = Account.Name'] }]);
    await runMigration(org.session, join(dir, 'plan.yaml'));
    await runMigration(org.session, join(dir, 'plan.yaml'));
    expect(rows(org, 'SELECT o."Name", a."Name" AS account, o."Amount" FROM "Opportunity" o JOIN "Account" a ON a."Id" = o."AccountId" ORDER BY o."Name"')).toEqual([
      { Name: 'Licences 2027', account: 'Mäkinen Oy', Amount: 1200 },
      { Name: 'Support', account: 'Mäkinen Oy', Amount: 300 },
    ]);
    expect(count(org, 'Account')).toBe(1);
  });
});
