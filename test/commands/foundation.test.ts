import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('foundation commands in-process', () => {
  it('init → org show → record create/list, all as single JSON documents', async () => {
    const dir = tempDir();
    const db = join(dir, 'x.db');
    const init = await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', '--json']);
    expect(init.code).toBe(0);
    const initJson = init.json<{ org: { company: string }; admin: { username: string; temporaryPassword: string } }>();
    expect(initJson.org.company).toBe('Acme');
    expect(initJson.admin.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);

    const show = await cli(['--db', db, 'org', 'show', '--json']);
    expect(show.code).toBe(0);
    expect(show.json()).toMatchObject({ company: 'Acme', currency: 'USD', fiscalYear: { startMonth: 1 }, counts: { users: 1 } });

    const created = await cli(['--db', db, 'record', 'create', 'contact', '--set', 'LastName=Doe', '--set', 'Email=jd@example.com', '--json']);
    expect(created.code).toBe(0);
    const { id } = created.json<{ id: string }>();
    expect(id).toMatch(/^003/);

    const list = await cli(['record', 'list', 'contact', '--json'], { env: { CRMCTL_DB: db } });
    const listed = list.json<{ count: number; records: Record<string, unknown>[] }>();
    expect(listed.count).toBe(1);
    expect(listed.records[0]).toMatchObject({ Id: id, LastName: 'Doe', Email: 'jd@example.com', FirstName: null, MailingCountry: null });

    const got = await cli(['--db', db, 'record', 'get', 'contact', id, '--json']);
    expect(got.json()).toMatchObject({ Id: id, LastName: 'Doe' });
  });

  it('refuses a second init, leaving the file unchanged', async () => {
    const db = join(tempDir(), 'x.db');
    expect((await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', '--json'])).code).toBe(0);
    const before = sha(db);
    const again = await cli(['--db', db, 'init', '--company', 'Other', '--admin', 'root', '--json']);
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({ error: { code: 'ORG_EXISTS' } });
    expect(again.stderr).toContain('already holds the org "Acme"');
    expect(sha(db)).toBe(before);
  });

  it('names the bad field with a non-zero exit, and maps errors to the documented exit codes', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
    const bad = await cli(['--db', db, 'record', 'create', 'contact', '--set', 'Email=not-an-email', '--set', 'LastName=Doe']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Contact.Email');
    const unknownField = await cli(['--db', db, 'record', 'create', 'contact', '--set', 'Shoe=42']);
    expect(unknownField.code).toBe(2);
    expect(unknownField.stderr).toContain('Contact has no field "Shoe"');
    const missing = await cli(['--db', db, 'record', 'get', 'contact', '003000000000999']);
    expect(missing.code).toBe(5);
    const noOrg = await cli(['--db', join(tempDir(), 'none.db'), 'org', 'show']);
    expect(noOrg.code).toBe(5);
    expect(noOrg.stderr).toMatch(/hint.*crmctl init/);
    const unknownOption = await cli(['--db', db, 'record', 'list', 'contact', '--bogus']);
    expect(unknownOption.code).toBe(2);
    const badAs = await cli(['--db', db, '--as', 'nobody', 'record', 'list', 'contact']);
    expect(badAs.code).toBe(5);
  });

  it('never prompts without a terminal: a missing answer names its flag', async () => {
    const db = join(tempDir(), 'x.db');
    const result = await cli(['--db', db, 'init', '--admin', 'admin', '--json']);
    expect(result.code).toBe(2);
    expect(result.json()).toMatchObject({ error: { code: 'MISSING_ANSWER', hint: 'Pass --company <name>.' } });
  });

  it('guide status is derived from the org and guide done records manual steps', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin', '--fiscal-start-month', '4']);
    const status = (await cli(['--db', db, 'guide', 'status', '--json'])).json<{ chapters: { id: string; steps: { id: string; done: boolean }[] }[] }>();
    const steps = status.chapters.flatMap((c) => c.steps);
    expect(steps.find((s) => s.id === 'fiscal-year')?.done).toBe(true);
    expect(steps.find((s) => s.id === 'add-users')?.done).toBe(false);
    expect((await cli(['--db', db, 'guide', 'done', 'train-users', '--json'])).json()).toMatchObject({ id: 'train-users', done: true });
    // Without a terminal, `guide` shows the checklist instead of prompting.
    const walk = await cli(['--db', db, 'guide']);
    expect(walk.code).toBe(0);
    expect(walk.stdout).toContain('Set the fiscal year');
  });

  it('org set validates and reports changes', async () => {
    const db = join(tempDir(), 'x.db');
    await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
    const bad = await cli(['--db', db, 'org', 'set', '--currency', 'EURO', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    const ok = await cli(['--db', db, 'org', 'set', '--currency', 'eur', '--locale', 'lv-LV', '--json']);
    expect(ok.json()).toMatchObject({ changed: { currency: { from: 'USD', to: 'EUR' }, locale: { from: 'en-US', to: 'lv-LV' } } });
  });
});
