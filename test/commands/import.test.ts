import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
type Rec = Record<string, unknown>;

/** A fresh org in a temp folder with the fixture copied in (result files are written next to it). */
async function importFixture(fixture: string, args: string[] = [], init: string[] = []) {
  const dir = tempDir();
  const db = join(dir, 'org.db');
  await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', ...init]);
  copyFileSync(join(FIXTURES, fixture), join(dir, fixture));
  const result = await cli(['--db', db, 'import', fixture, '--object', 'contact', '--json', ...args], { cwd: dir });
  const list = async (object: string) => (await cli(['--db', db, 'record', 'list', object, '--json'])).json<{ records: Rec[] }>().records;
  return { dir, db, result, summary: result.json<Rec>(), contacts: await list('contact'), accounts: await list('account'), list };
}

const accountName = (accounts: Rec[], id: unknown) => accounts.find((a) => a.Id === id)?.Name;

describe('crmctl import on real-format fixtures', () => {
  it('Outlook, Windows-1252, multi-line notes: names, accents, €, curly quotes and placeholders stored right', async () => {
    const { result, summary, contacts, accounts } = await importFixture('outlook-2016-windows-1252-multiline-notes.csv');
    expect(result.code).toBe(0);
    expect(summary).toMatchObject({ source: 'outlook', encoding: 'windows-1252', rows: 4, inserted: 4, rejected: 0 });
    const jerome = contacts.find((c) => c.FirstName === 'Jérôme')!;
    expect(jerome).toMatchObject({ LastName: 'Müller', Email: 'jerome.mueller@example.ch', Phone: '+41 44 123 45 67', Title: 'Geschäftsführer', MailingStreet: 'Bahnhofstraße 12', MailingCity: 'Zürich', MailingPostalCode: '8001', MailingCountry: 'Switzerland', Birthdate: null });
    expect(jerome.Description).toBe('Deposit paid: €250 – see ‘Angebot’\nSecond line: Šibenik trip, žurnal');
    expect(accountName(accounts, jerome.AccountId)).toBe('Café “Zürich” GmbH');
    expect(contacts.find((c) => c.LastName === 'Guðmundsson')).toMatchObject({ FirstName: 'Þórður', Email: 'thordur@example.is', MobilePhone: '+354 555 1234' });
  });

  it('Google CSV, UTF-8 with BOM: first column maps, ::: multi-values take the primary, year-less birthday dropped', async () => {
    const { summary, contacts, accounts } = await importFixture('google-contacts-utf8-bom.csv');
    expect(summary).toMatchObject({ source: 'google', encoding: 'utf-8-bom', rows: 2, inserted: 2, rejected: 0 });
    const janis = contacts.find((c) => c.FirstName === 'Jānis')!;
    expect(janis).toMatchObject({ LastName: 'Bērziņš', Email: 'janis@example.lv', MobilePhone: '+371 29 123 456', MailingStreet: 'Brīvības iela 1', MailingCity: 'Rīga', MailingPostalCode: 'LV-1010', MailingCountry: 'Latvia', Birthdate: null });
    expect(accountName(accounts, janis.AccountId)).toBe('Ķekava Ģimenes Ārsti, SIA');
    expect(contacts.find((c) => c.LastName === '王')).toMatchObject({ FirstName: '小明', Email: 'wang.xiaoming@example.cn', Phone: '+86 10 6552 9988', Description: '喜欢喝茶' });
  });

  it('ACT! as text (tab, Latin-1, "Phone Ext-"): extension kept, country spelled once, ZIP leading zero kept', async () => {
    const { summary, contacts, accounts } = await importFixture('tab-delimited-act-latin1.txt');
    expect(summary).toMatchObject({ source: 'act', delimiter: '\t', rows: 2, inserted: 2 });
    const soren = contacts.find((c) => c.FirstName === 'Søren')!;
    expect(soren).toMatchObject({ LastName: 'Ærø', Phone: '+45 62 53 10 00 ext. 12', MailingPostalCode: '05960', MailingCountry: 'Denmark', Email: 'soren@example.dk' });
    expect(accountName(accounts, soren.AccountId)).toBe('Ærø Fiskeri A/S');
    expect(contacts.find((c) => c.FirstName === 'Inês')).toMatchObject({ LastName: 'Simões', MailingCountry: 'Brazil', MailingState: 'SP', MailingPostalCode: '01310-100', Phone: '+55 11 3333 4444' });
  });

  it('ACT! as .xlsx: the full-name "Contact" column and typed cells are stored as text', async () => {
    const { summary, contacts } = await importFixture('act-export.xlsx');
    expect(summary).toMatchObject({ source: 'act', format: 'xlsx', rows: 3, inserted: 3, rejected: 0 });
    expect(contacts.find((c) => c.LastName === 'Bērziņš')).toMatchObject({ FirstName: 'Jānis', Email: 'janis@example.lv', MailingPostalCode: 'LV-1010', MailingCountry: 'Latvia', Birthdate: '1980-03-21' });
    expect(contacts.find((c) => c.LastName === 'Äijälä')).toMatchObject({ FirstName: 'Matti', MailingPostalCode: '00120', Birthdate: '1975-12-01' });
  });

  it('semicolon-delimited European CSV with Finnish headers: day-first dates detected, local phones use the org country', async () => {
    const { summary, contacts, accounts } = await importFixture('semicolon-delimited-european.csv', [], ['--locale', 'fi-FI']);
    expect(summary).toMatchObject({ delimiter: ';', rows: 3, inserted: 3 });
    const matti = contacts.find((c) => c.FirstName === 'Matti')!;
    expect(matti).toMatchObject({ LastName: 'Äijälä', Phone: '+358 40 1234567', Birthdate: '1980-11-23' });
    expect(accountName(accounts, matti.AccountId)).toBe('Virtanen, Oy');
    expect(contacts.find((c) => c.FirstName === 'Sören')).toMatchObject({ LastName: 'Öhman', Phone: '+358 40 7654321', Birthdate: '1975-02-01' });
    expect(contacts.find((c) => c.FirstName === 'Līga')).toMatchObject({ LastName: 'Kalniņa', Birthdate: '1990-06-15' });
  });

  it('vCard 2.1 quoted-printable and 3.0 with Apple groups', async () => {
    const v21 = await importFixture('vcard-2.1-quoted-printable.vcf');
    expect(v21.summary).toMatchObject({ source: 'vcard', rows: 3, inserted: 2, rejected: 1 });
    expect(v21.contacts.find((c) => c.LastName === 'Bērziņš')).toMatchObject({ FirstName: 'Jānis', Salutation: 'Dr.', Email: 'janis@example.lv', Phone: '+371 67 000 000', MobilePhone: '+371 29 123 456', MailingCity: 'Rīga', MailingPostalCode: 'LV-1010', Birthdate: '1980-03-21' });
    const errors = readFileSync(join(v21.dir, 'vcard-2.1-quoted-printable.errors.csv'), 'utf8');
    expect(errors).toContain('EMPTY_CARD');
    const v30 = await importFixture('vcard-3.0-apple-groups.vcf');
    expect(v30.summary).toMatchObject({ source: 'vcard', rows: 2, inserted: 2 });
    const maria = v30.contacts.find((c) => c.FirstName === 'Maria')!;
    expect(maria).toMatchObject({ MiddleName: 'da Conceição', LastName: 'Gonçalves', Email: 'maria@example.pt', MobilePhone: '+351 912 345 678', Title: 'Diretora', Birthdate: '1975-06-30' });
    expect(String(maria.Description)).toContain('Likes fado, port wine; call on Fridays.\nSecond line');
  });

  it('a malformed file is refused with file and line, exit 1, and the org unchanged', async () => {
    const { result, contacts } = await importFixture('unterminated-quote.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unterminated-quote\.csv.*line 5/);
    expect(result.json()).toMatchObject({ error: { code: 'BAD_INPUT_FILE' } });
    expect(contacts).toEqual([]);
  });

  it('ragged rows are rejected with their reason, the rest imported, exit 3, every row in exactly one result file', async () => {
    const { dir, result, summary, contacts } = await importFixture('ragged-rows.csv');
    expect(result.code).toBe(3);
    const rows = summary.rows as number;
    const success = readFileSync(join(dir, 'ragged-rows.success.csv'), 'utf8').trim().split('\r\n').slice(1);
    const errors = readFileSync(join(dir, 'ragged-rows.errors.csv'), 'utf8').trim().split('\r\n').slice(1);
    expect(success.length + errors.length).toBe(rows);
    expect((summary.inserted as number) + (summary.rejected as number)).toBe(rows);
    expect(errors.find((e) => e.includes('RAGGED_ROW'))).toContain('extra cells: extra cell | another');
    expect(contacts.map((c) => c.LastName)).toContain('Ozola');
  });
});

describe('dry runs, test imports and undo', () => {
  const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('--dry-run reports what would happen and leaves the org file byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const db = join(dir, 'org.db');
    await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
    copyFileSync(join(FIXTURES, 'outlook-2016-windows-1252-multiline-notes.csv'), join(dir, 'in.csv'));
    const before = sha(db);
    const dry = await cli(['--db', db, 'import', 'in.csv', '--object', 'contact', '--dry-run', '--json'], { cwd: dir });
    expect(dry.json()).toMatchObject({ job: null, dryRun: true, inserted: 4 });
    expect(sha(db)).toBe(before);
  });

  it('--sample imports the first rows as a test job that import undo removes exactly', async () => {
    const dir = tempDir();
    const db = join(dir, 'org.db');
    await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
    await cli(['--db', db, 'record', 'create', 'contact', '--set', 'LastName=Kept']);
    copyFileSync(join(FIXTURES, 'outlook-2016-windows-1252-multiline-notes.csv'), join(dir, 'in.csv'));
    const test = (await cli(['--db', db, 'import', 'in.csv', '--object', 'contact', '--sample', '2', '--json'], { cwd: dir })).json<{ job: string; test: boolean; rows: number; inserted: number }>();
    expect(test).toMatchObject({ test: true, rows: 2, inserted: 2 });
    const listed = (await cli(['--db', db, 'import', 'list', '--json'])).json<{ jobs: { job: string; test: boolean }[] }>();
    expect(listed.jobs[0]).toMatchObject({ job: test.job, test: true });
    const shown = (await cli(['--db', db, 'import', 'show', test.job, '--json'])).json<{ created: { object: string; count: number }[] }>();
    expect(shown.created).toEqual(expect.arrayContaining([expect.objectContaining({ object: 'Contact', count: 2 }), expect.objectContaining({ object: 'Account', count: 2 })]));
    const undo = await cli(['--db', db, 'import', 'undo', test.job, '--yes', '--json']);
    expect(undo.json()).toMatchObject({ deleted: { Contact: 2, Account: 2 } });
    const left = (await cli(['--db', db, 'record', 'list', 'contact', '--json'])).json<{ records: Rec[] }>().records;
    expect(left.map((c) => c.LastName)).toEqual(['Kept']);
    expect((await cli(['--db', db, 'record', 'list', 'account', '--json'])).json<{ count: number }>().count).toBe(0);
  });

  it('upsert on e-mail updates instead of duplicating, and a mapping can be saved and reused', async () => {
    const dir = tempDir();
    const db = join(dir, 'org.db');
    await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
    copyFileSync(join(FIXTURES, 'google-contacts-utf8-bom.csv'), join(dir, 'g.csv'));
    const first = await cli(['--db', db, 'import', 'g.csv', '--object', 'contact', '--save-mapping', 'g.mapping.json', '--json'], { cwd: dir });
    expect(first.json()).toMatchObject({ inserted: 2 });
    const mapping = JSON.parse(readFileSync(join(dir, 'g.mapping.json'), 'utf8')) as { object: string; fields: Record<string, unknown> };
    expect(mapping.object).toBe('Contact');
    expect(JSON.stringify(mapping.fields.FirstName)).toContain('First Name');
    const again = await cli(['--db', db, 'import', 'g.csv', '--object', 'contact', '--mapping', 'g.mapping.json', '--mode', 'upsert', '--match-on', 'Email', '--json'], { cwd: dir });
    expect(again.json()).toMatchObject({ inserted: 0, updated: 2, rejected: 0 });
    expect((await cli(['--db', db, 'record', 'list', 'contact', '--json'])).json<{ count: number }>().count).toBe(2);
  });
});
