import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { askFieldsInLayoutOrder, type EntryPrompts } from '../../src/commands/layout/entry.js';
import { setLayout } from '../../src/core/customize/layouts.js';
import { addField } from '../../src/core/customize/fields.js';
import { createRecord } from '../../src/core/records/service.js';
import { openOrgDb } from '../../src/core/store/database.js';
import { listAudit } from '../../src/core/store/org.js';
import { cli, memoryOrg, tempDir } from '../helpers/org.js';
import { seededOrgFile } from '../core/reports/seed.js';

let db: string;
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  db = join(dir, 'org.db');
  await seededOrgFile(db);
});
const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });

const HOSTILE = `'); DROP TABLE Contact;-- "Größe" =1+1`;

describe('crmctl field / picklist / layout', () => {
  it('a custom field with a hostile label: add, list, set with record create, report on, export, rename, remove', async () => {
    const added = await run('field', 'add', 'contact', HOSTILE, '--type', 'text', '--length', '30', '--json');
    expect(added.code).toBe(0);
    const { field } = added.json<{ field: { name: string; label: string } }>();
    expect(field).toEqual(expect.objectContaining({ name: 'DROP_TABLE_Contact_Groesse_1_1__c', label: HOSTILE }));

    const list = (await run('field', 'list', 'contact', '--json')).json<{ fields: { name: string; label: string; type: string; custom: boolean }[] }>();
    expect(list.fields.find((f) => f.custom)).toEqual(expect.objectContaining({ name: field.name, label: HOSTILE, type: 'text' }));
    expect(list.fields.find((f) => f.name === 'LastName')).toEqual(expect.objectContaining({ required: true, custom: false }));

    const created = await run('record', 'create', 'contact', '--set', 'LastName=Sigurðsson', '--set', `${field.name}=XL "big"`, '--json');
    expect(created.code).toBe(0);
    const id = created.json<{ id: string }>().id;

    expect((await run('report', 'create', 'sizes', '--object', 'contact', '--columns', `LastName,${field.name}`, '--filter', `${field.name} != null`)).code).toBe(0);
    const report = (await run('report', 'run', 'sizes', '--json')).json<{ columns: { title: string }[]; rows: Record<string, unknown>[] }>();
    expect(report.columns.map((c) => c.title)).toEqual(['Last Name', HOSTILE]);
    expect(report.rows).toEqual([{ LastName: 'Sigurðsson', [field.name]: 'XL "big"' }]);

    const exported = await run('export', 'contact', '--out', 'c.csv', '--fields', `LastName,${field.name}`, '--where', `${field.name} != null`, '--json');
    expect(exported.json()).toMatchObject({ rows: 1, columns: ['Id', 'LastName', field.name] });

    const renamed = await run('field', 'rename', 'contact', field.name, 'Size', '--json');
    expect(renamed.json()).toMatchObject({ name: field.name, label: 'Size' });

    const refused = await run('field', 'remove', 'contact', 'Size');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    const removed = await run('field', 'remove', 'contact', 'Size', '--yes');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/Backup: 1 value\(s\) in table field_backup, id 1, of .*org\.db/);
    const got = (await run('record', 'get', 'contact', id, '--json')).json<Record<string, unknown>>();
    expect(got.LastName).toBe('Sigurðsson');
    expect(field.name in got).toBe(false);
    const check = openOrgDb(db);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE name = 'Contact'").get()).toEqual({ name: 'Contact' });
    expect(listAudit(check).map((a) => a.action)).toEqual(expect.arrayContaining(['field.add', 'field.rename', 'field.remove', 'report.create']));
    check.close();
  });

  it('picklist add-value / list / remove-value, and layout set enforcing required fields on record create', async () => {
    expect((await run('picklist', 'add-value', 'account', 'Rating', 'Lukewarm')).stdout).toContain('Added "Lukewarm" in Account.Rating');
    expect((await run('record', 'create', 'account', '--set', 'Name=Hlýr ehf', '--set', 'Rating=Lukewarm')).code).toBe(0);
    const listed = (await run('picklist', 'list', 'account', 'Rating', '--json')).json<{ values: { value: string; isActive: boolean }[] }>();
    expect(listed.values.map((v) => v.value)).toEqual(['Hot', 'Warm', 'Cold', 'Lukewarm']);
    const removed = (await run('picklist', 'remove-value', 'account', 'Rating', 'Lukewarm', '--json')).json();
    expect(removed).toMatchObject({ value: 'Lukewarm', recordsKeepingValue: 1 });
    const stage = await run('picklist', 'add-value', 'opportunity', 'StageName', 'Pilot', '--probability', '80');
    expect(stage.code).toBe(0);
    const stages = (await run('picklist', 'list', 'opportunity', 'StageName')).stdout;
    expect(stages).toMatch(/Pilot\s+active\s+80%\s+Pipeline/);

    const layout = await run('layout', 'set', 'contact', '--required', 'Email', '--section', 'Name:FirstName,LastName', '--section', 'Reach:Email,MobilePhone', '--json');
    expect(layout.json()).toMatchObject({ required: ['Email'], order: expect.arrayContaining(['FirstName', 'LastName', 'Email', 'MobilePhone']) });
    const missing = await run('record', 'create', 'contact', '--set', 'LastName=Nguyen');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Contact.Email: is required by the page layout');
    expect((await run('layout', 'show', 'contact')).stdout).toContain('Reach: Email, MobilePhone');
  });

  it('logs every command run with the acting user for the adoption dashboard', async () => {
    await run('report', 'list');
    await run('field', 'list', 'lead');
    const adoption = (await run('dashboard', 'adoption', '--json')).json<{ users: { username: string; commands: { total: number } }[]; neverStarted: string[] }>();
    // report list + field list (this dashboard run is logged after it answers).
    expect(adoption.users.find((u) => u.username === 'admin')?.commands.total).toBe(2);
    expect(adoption.neverStarted).toEqual(['rita']);
    const check = openOrgDb(db);
    expect(check.prepare('SELECT command FROM command_log ORDER BY id').all()).toEqual([{ command: 'report list' }, { command: 'field list' }, { command: 'dashboard adoption' }]);
    check.close();
  });
});

/** Answers prompts from a script, running each prompt's validation like the terminal would. */
class ScriptedPrompts implements EntryPrompts {
  readonly asked: string[] = [];
  readonly rejected: string[] = [];
  constructor(private readonly answers: (string | boolean)[]) {}
  async input(message: string, options: { validate?: (v: string) => true | string }): Promise<string> {
    this.asked.push(message);
    for (;;) {
      const answer = String(this.answers.shift());
      const verdict = options.validate ? options.validate(answer) : true;
      if (verdict === true) return answer;
      this.rejected.push(verdict);
    }
  }
  async select<T>(message: string, choices: { name: string; value: T }[]): Promise<T> {
    this.asked.push(message);
    const answer = this.answers.shift();
    return choices.find((c) => c.name === answer)!.value;
  }
  async confirm(message: string): Promise<boolean> {
    this.asked.push(message);
    return this.answers.shift() === true;
  }
}

describe('interactive record entry follows the page layout', () => {
  it('asks in layout order, insists on required fields and validates answers', async () => {
    const { session } = await memoryOrg();
    addField(session, { object: 'contact', label: 'Tier', type: 'picklist', values: ['Gold', 'Silver'] });
    setLayout(session, { object: 'contact', order: ['Email', 'LastName', 'Tier__c', 'Birthdate'], required: ['Email'] });
    const prompts = new ScriptedPrompts(['', 'not-mail', 'jon@example.is', 'Jónsdóttir', 'Silver', '24/12/1990', '1990-12-24']);
    const input = await askFieldsInLayoutOrder(prompts, session, 'contact');
    expect(prompts.asked).toEqual(['Email (Email) *', 'Last Name (LastName) *', 'Tier (Tier__c)', 'Birthdate (Birthdate) [YYYY-MM-DD]']);
    expect(prompts.rejected).toEqual(['Email is required', '"not-mail" is not a valid e-mail address', '"24/12/1990" is not a date as YYYY-MM-DD']);
    expect({ ...input }).toEqual({ Email: 'jon@example.is', LastName: 'Jónsdóttir', Tier__c: 'Silver', Birthdate: '1990-12-24' });
    expect(createRecord(session, 'contact', input).record).toMatchObject({ Tier__c: 'Silver', Birthdate: '1990-12-24' });
  });

  it('on update, offers current values and returns only the changed fields', async () => {
    const { session } = await memoryOrg();
    setLayout(session, { object: 'contact', order: ['LastName', 'Email'] });
    const { record } = createRecord(session, 'contact', { LastName: 'Lee', Email: 'lee@example.com' });
    const prompts = new ScriptedPrompts(['Lee', 'lee@example.cn']);
    expect({ ...(await askFieldsInLayoutOrder(prompts, session, 'contact', record)) }).toEqual({ Email: 'lee@example.cn' });
  });
});
