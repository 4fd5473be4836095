import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, TEST_SCRYPT_COST } from '../helpers/org.js';
import { openOrgDb } from '../../src/core/store/database.js';
import { initOrg } from '../../src/core/org/init.js';
import { sessionFor } from '../../src/core/org/session.js';
import { addUser } from '../../src/core/security/users.js';

/** An org file with an admin and three reps (cheap password hashing; the CLI itself always uses OWASP's). */
async function orgFile(): Promise<{ dir: string; db: string; run: (...args: string[]) => ReturnType<typeof cli> }> {
  const dir = tempDir();
  const path = join(dir, 'crm.db');
  const db = openOrgDb(path, { create: true });
  await initOrg(db, { company: 'Acme', admin: 'admin' }, { cost: TEST_SCRYPT_COST });
  const session = sessionFor(db);
  for (const name of ['anna', 'bob', 'carl']) {
    await addUser(session, { username: name, name: `${name} Rep`, email: `${name}@example.com`, profile: 'Standard User', notify: false }, { cost: TEST_SCRYPT_COST });
  }
  db.close();
  return { dir, db: path, run: (...args: string[]) => cli(['--db', path, ...args], { cwd: dir }) };
}

describe('lead commands', () => {
  it('queue add, member add, list; assignment-rule add, list, remove (JSON)', async () => {
    const { run } = await orgFile();
    expect((await run('queue', 'add', 'EMEA Leads', '--object', 'lead', '--json')).json()).toMatchObject({ name: 'EMEA Leads', object: 'Lead', id: expect.stringMatching(/^00G/) });
    expect((await run('queue', 'member', 'add', 'EMEA Leads', 'bob', '--json')).json()).toMatchObject({ added: true, queue: { members: [{ kind: 'user', name: 'bob' }] } });
    const listed = (await run('queue', 'list', '--json')).json<{ queues: { name: string }[] }>();
    expect(listed.queues.map((q) => q.name)).toEqual(['EMEA Leads']);
    const rule = await run('assignment-rule', 'add', 'lead', '--order', '10', '--when', "Country = 'Germany'", '--to', 'queue:EMEA Leads', '--json');
    expect(rule.code).toBe(0);
    expect(rule.json()).toMatchObject({ order: 10, when: "Country = 'Germany'", to: 'queue:EMEA Leads', notify: false });
    expect((await run('assignment-rule', 'add', 'lead', '--order', '20', '--to', 'round-robin:anna,carl', '--json')).code).toBe(0);
    const rules = (await run('assignment-rule', 'list', '--json')).json<{ rules: { to: string }[] }>();
    expect(rules.rules.map((r) => r.to)).toEqual(['queue:EMEA Leads', 'round-robin:anna,carl']);
    const bad = await run('assignment-rule', 'add', 'lead', '--order', '30', '--to', 'somebody');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected user:<username>');
    expect((await run('assignment-rule', 'remove', 'lead', '20', '--json')).json()).toMatchObject({ removed: { order: 20 } });
    const asRep = await run('--as', 'anna', 'queue', 'add', 'Mine', '--json');
    expect(asRep.code).toBe(4);
  });

  it('web-to-lead form writes labelled fields, required markers, retURL and a honeypot; refuses a form without the required fields', async () => {
    const { run, dir } = await orgFile();
    const out = join(dir, 'form.html');
    const made = await run('web-to-lead', 'form', '--fields', 'FirstName,LastName,Email,Company,Country,Industry', '--return-url', 'https://www.example.com/kiitos', '--out', out, '--json');
    expect(made.code).toBe(0);
    expect(made.json()).toMatchObject({ file: out, action: 'http://127.0.0.1:8080/', returnUrl: 'https://www.example.com/kiitos' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<form action="http://127.0.0.1:8080/" method="POST"');
    expect(html).toContain('<input type="hidden" name="retURL" value="https://www.example.com/kiitos">');
    expect(html).toContain('name="contact_me_by_fax_only" tabindex="-1"');
    expect(html).toContain('<label for="f_LastName">Last Name <span class="req" aria-hidden="true">*</span></label>');
    expect(html).toContain('<input id="f_Email" name="Email" type="email" autocomplete="email">');
    expect(html).toContain('<option value="Banking">Banking</option>');
    const missing = await run('web-to-lead', 'form', '--fields', 'LastName,Email', '--return-url', 'https://www.example.com/');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Company');
    const js = await run('web-to-lead', 'form', '--fields', 'LastName,Company', '--return-url', 'javascript:alert(1)');
    expect(js.code).toBe(2);
    expect(js.stderr).toContain('only http and https');
    expect((await run('web-to-lead', 'form', '--fields', 'LastName,Company,OwnerId', '--return-url', 'https://x.example/')).code).toBe(2);
    // A field the page layout requires must be on the form, and is marked required.
    expect((await run('layout', 'set', 'lead', '--required', 'Email')).code).toBe(0);
    const noEmail = await run('web-to-lead', 'form', '--fields', 'LastName,Company', '--return-url', 'https://x.example/');
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain('Email');
    const withEmail = await run('web-to-lead', 'form', '--fields', 'LastName,Company,Email', '--return-url', 'https://x.example/', '--json');
    expect(withEmail.json<{ fields: { name: string; required: boolean }[] }>().fields.find((f) => f.name === 'Email')?.required).toBe(true);
  });

  it('reassign, assign, convert, and a converted lead refuses updates', async () => {
    const { run, dir } = await orgFile();
    const created = (await run('record', 'create', 'lead', '--set', 'LastName=Bērziņš', '--set', 'Company=Laima', '--set', 'Country=Latvia', '--json')).json<{ id: string }>();
    const moved = await run('lead', 'reassign', created.id, '--to', 'user:anna', '--notify', '--json');
    expect(moved.code).toBe(0);
    const result = moved.json<{ assigned: { to: string }[]; notifications: string[] }>();
    expect(result.assigned[0]!.to).toBe('anna');
    expect(result.notifications[0]!.startsWith(join(dir, 'outbox'))).toBe(true);
    expect(existsSync(result.notifications[0]!)).toBe(true);
    await run('assignment-rule', 'add', 'lead', '--order', '1', '--when', "Country = 'Latvija'", '--to', 'user:carl');
    expect((await run('lead', 'assign', '--json')).json()).toMatchObject({ assigned: [{ id: created.id, from: 'anna', to: 'carl', rule: 1 }], unmatched: [] });
    const converted = await run('lead', 'convert', created.id, '--no-opportunity', '--json');
    expect(converted.code).toBe(0);
    expect(converted.json()).toMatchObject({ leadId: created.id, status: 'Closed - Converted', account: { name: 'Laima', reused: false }, opportunity: null });
    const update = await run('record', 'update', 'lead', created.id, '--set', 'Title=CEO');
    expect(update.code).toBe(1);
    expect(update.stderr).toContain('converted and is read-only');
    const both = await run('lead', 'convert', created.id, '--where', "Company = 'x'");
    expect(both.code).toBe(2);
  });

  it('partner enable demands --yes and says it is irreversible; claim-limit needs it enabled', async () => {
    const { run } = await orgFile();
    expect((await run('partner', 'set', 'claim-limit', '3')).code).toBe(1);
    const refused = await run('partner', 'enable');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot be disabled');
    const enabled = await run('partner', 'enable', '--yes', '--json');
    expect(enabled.code).toBe(0);
    expect(enabled.json()).toMatchObject({ alreadyEnabled: false, irreversible: true, profile: 'Partner Community User', note: expect.stringContaining('cannot be disabled') });
    const human = await run('partner', 'enable', '--yes');
    expect(human.stdout + human.stderr).toContain('cannot be disabled');
    expect((await run('partner', 'set', 'claim-limit', '3', '--json')).json()).toEqual({ claimLimit: 3 });
    expect((await run('profile', 'list', '--json')).stdout).toContain('Partner Community User');
  });
});

describe('import --assign', () => {
  it('runs the lead assignment rules on imported rows (countries standardised first: Deutschland → Germany)', async () => {
    const { run, dir } = await orgFile();
    await run('queue', 'add', 'EMEA Leads');
    await run('queue', 'member', 'add', 'EMEA Leads', 'bob');
    await run('assignment-rule', 'add', 'lead', '--order', '1', '--when', "Country = 'Germany'", '--to', 'queue:EMEA Leads', '--notify');
    await run('assignment-rule', 'add', 'lead', '--order', '2', '--to', 'round-robin:anna,carl');
    const fixture = fileURLToPath(new URL('../../fixtures/leads/trade-show-leads-mixed-countries.csv', import.meta.url));
    const imported = await run('import', fixture, '--object', 'lead', '--assign', '--success', join(dir, 'ok.csv'), '--errors', join(dir, 'bad.csv'), '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ inserted: 5, rejected: 0 });
    // One e-mail to the queue's member, after the import committed, listing both German leads.
    const notifications = imported.json<{ assignmentNotifications: string[] }>().assignmentNotifications;
    expect(notifications).toHaveLength(1);
    const mail = readFileSync(notifications[0]!, 'utf8');
    expect(mail).toContain('To: "bob Rep" <bob@example.com>');
    expect(mail).toMatch(/00Q\S+  Jürgen Groß \(Müller GmbH, Germany, jg@mueller.example\)/);
    expect(mail).toContain('Klaus Weiß (Siemens AG, Germany');
    const leads = (await run('record', 'list', 'lead', '--fields', 'LastName,Country,OwnerId', '--json')).json<{ records: { LastName: string; Country: string; OwnerId: string }[] }>().records;
    const queueId = (await run('queue', 'list', '--json')).json<{ queues: { id: string }[] }>().queues[0]!.id;
    const users = (await run('user', 'list', '--json')).json<{ id: string; username: string }[] | { users: { id: string; username: string }[] }>();
    const list = Array.isArray(users) ? users : users.users;
    const nameOf = (id: string) => (id === queueId ? 'EMEA Leads' : list.find((u) => u.id === id)!.username);
    expect(leads.map((l) => [l.LastName, l.Country, nameOf(l.OwnerId)])).toEqual([
      ['Groß', 'Germany', 'EMEA Leads'],
      ['Virtanen', 'Finland', 'anna'],
      ['Bērziņa', 'Latvia', 'carl'],
      ['Weiß', 'Germany', 'EMEA Leads'],
      ['Jónsdóttir', 'Iceland', 'anna'],
    ]);
    const contacts = await run('import', fixture, '--object', 'contact', '--assign');
    expect(contacts.code).toBe(2);
    expect(contacts.stderr).toContain('--assign applies to leads');
  });
});

describe('partner enable on a terminal', () => {
  it('asks for the company name even with --yes, and changes nothing on a wrong answer', async () => {
    const { run, db } = await orgFile();
    const wrong = await cli(['--db', db, 'partner', 'enable', '--yes'], { tty: true, stdin: 'Acne\n' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"Acne" is not the company name; nothing was changed');
    expect((await run('partner', 'set', 'claim-limit', '2')).code).toBe(1);
    const right = await cli(['--db', db, 'partner', 'enable', '--yes'], { tty: true, stdin: 'Acme\n' });
    expect(right.code).toBe(0);
    expect(right.stdout + right.stderr).toContain('cannot be disabled');
    expect((await run('partner', 'set', 'claim-limit', '2')).code).toBe(0);
  });
});
