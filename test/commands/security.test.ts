import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

describe('security commands (in-process)', () => {
  let db: string;
  let dir: string;
  let repPassword: string;
  const run = (args: string[], options: { stdin?: string } = {}) => cli(['--db', db, ...args], { cwd: dir, ...options });

  beforeAll(async () => {
    dir = tempDir();
    db = join(dir, 'crm.db');
    expect((await run(['init', '--company', 'Hafnarfjörður ehf', '--admin', 'admin', '--json'])).code).toBe(0);
    expect((await run(['role', 'add', 'Sölustjóri'])).code).toBe(0);
    expect((await run(['role', 'add', 'Sölumaður', '--parent', 'Sölustjóri'])).code).toBe(0);
    const added = await run(['user', 'add', 'sigga', '--name', 'Sigríður Þórsdóttir', '--email', 'sigga@example.is', '--profile', 'Standard User', '--role', 'Sölumaður', '--no-notify', '--json']);
    expect(added.code).toBe(0);
    repPassword = added.json<{ temporaryPassword: string }>().temporaryPassword;
  });

  it('user add --no-notify --json carries the one-time password; by default an .eml goes to the outbox', async () => {
    expect(repPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const r = await run(['user', 'add', 'jon', '--name', 'Jón Jónsson', '--email', 'jon@example.is', '--profile', 'Read Only', '--json']);
    expect(r.code).toBe(0);
    const result = r.json<{ temporaryPassword?: string; notification: { file: string } }>();
    expect(result.temporaryPassword).toBeUndefined();
    expect(readdirSync(join(dir, 'outbox'))).toEqual([result.notification.file.split('/').at(-1)]);
    expect(readFileSync(result.notification.file, 'utf8')).toContain('Login name:          jon');
  });

  it('user add without --profile and without a terminal is a usage error naming the flag', async () => {
    const r = await run(['user', 'add', 'bob', '--name', 'Bob', '--email', 'bob@example.is', '--json']);
    expect(r.code).toBe(2);
    expect(r.json<{ error: { hint: string } }>().error.hint).toBe('Pass --profile <profile>.');
  });

  it('a Standard User may not change setup: exit 4 with the reason', async () => {
    const r = await run(['--as', 'sigga', 'sharing', 'set', 'account=private', '--json']);
    expect(r.code).toBe(4);
    expect(r.json<{ error: { code: string; message: string } }>().error).toMatchObject({ code: 'PERMISSION_DENIED', message: expect.stringContaining('sigga (Standard User) may not change org-wide sharing defaults') });
  });

  it('role remove is refused while users hold the role, saying who', async () => {
    const r = await run(['role', 'remove', 'Sölumaður']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The role "Sölumaður" is held by 1 user(s): sigga');
  });

  it('profile clone and set with --no-edit; profile show --json', async () => {
    expect((await run(['profile', 'clone', 'Standard User', 'Sölufólk'])).code).toBe(0);
    const r = await run(['profile', 'set', 'Sölufólk', 'lead', '--no-edit', '--view-all', '--json']);
    expect(r.code).toBe(0);
    expect(r.json<{ to: Record<string, boolean> }>().to).toEqual({ read: true, create: true, edit: false, delete: false, viewAll: true, modifyAll: false });
    const shown = (await run(['profile', 'show', 'Sölufólk', '--json'])).json<{ permissions: { object: string; edit: boolean }[] }>();
    expect(shown.permissions.find((p) => p.object === 'Lead')!.edit).toBe(false);
  });

  it('login reads passwords from stdin, forces a new one at first login; passwd under --yes without stdin is a usage error', async () => {
    const missing = await run(['--yes', 'passwd', 'sigga']);
    expect(missing.code).toBe(2);
    const noNew = await run(['login', 'sigga', '--json'], { stdin: `${repPassword}\n` });
    expect(noNew.code).toBe(2);
    expect(noNew.json<{ error: { message: string } }>().error.message).toContain('A new password (required at first login');
    const wrong = await run(['login', 'sigga'], { stdin: 'not-the-password\n' });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).not.toContain('not-the-password');
    const ok = await run(['login', 'sigga', '--json'], { stdin: `${repPassword}\nNýttLykilorð2026\n` });
    expect(ok.code).toBe(0);
    expect(ok.json()).toEqual({ username: 'sigga', loggedIn: true, passwordChanged: true });
    const again = await run(['login', 'sigga', '--json'], { stdin: 'NýttLykilorð2026\n' });
    expect(again.json()).toEqual({ username: 'sigga', loggedIn: true, passwordChanged: false });
    const audit = (await run(['audit', '--json', '--action', 'user'])).json<{ entries: { action: string; actor: string }[] }>();
    expect(audit.entries.slice(0, 4).map((e) => e.action)).toEqual(['user.login', 'user.login', 'user.passwd', 'user.failed-login']);
    expect(JSON.stringify(audit)).not.toMatch(/NýttLykilorð2026|not-the-password/);
  });

  it('access explain --json gives read, edit and reasons', async () => {
    const created = await run(['--as', 'sigga', 'record', 'create', 'contact', '--set', 'LastName=Guðmundsdóttir', '--json']);
    const id = created.json<{ id: string }>().id;
    const r = await run(['access', 'explain', 'sigga', 'contact', id, '--json']);
    expect(r.code).toBe(0);
    const body = r.json<{ read: boolean; edit: boolean; reasons: { rule: string }[] }>();
    expect(body).toMatchObject({ read: true, edit: true });
    expect(body.reasons.map((x) => x.rule)).toEqual(['owner', 'org-wide-default']);
    const denied = await run(['--as', 'sigga', 'access', 'explain', 'jon', 'contact', id]);
    expect(denied.code).toBe(4);
  });

  it('team commands: enable, add with access levels, list', async () => {
    const account = (await run(['record', 'create', 'account', '--set', 'Name=Marel hf', '--json'])).json<{ id: string }>().id;
    expect((await run(['team', 'add', account, 'sigga', '--team-role', 'Sales Rep'])).code).toBe(1);
    expect((await run(['team', 'enable'])).code).toBe(0);
    const added = await run(['team', 'add', account, 'sigga', '--team-role', 'Sales Rep', '--account-access', 'edit', '--contact-access', 'read', '--json']);
    expect(added.json()).toMatchObject({ username: 'sigga', accountAccess: 'edit', contactAccess: 'read', opportunityAccess: 'none' });
    const listed = await run(['team', 'list', account, '--json']);
    expect(listed.json<{ members: { username: string }[] }>().members.map((m) => m.username)).toEqual(['sigga']);
  });
});
