import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';

const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));

describe('sharing with the real binary', () => {
  const dir = tempDir();
  const db = join(dir, 'org.db');
  /** Every byte crmctl printed, except the one --json document meant to carry a temporary password. */
  const captured: string[] = [];

  function crmctl(args: string[], options: { as?: string; stdin?: string; keepOutput?: boolean } = {}) {
    const argv = [BIN, '--db', db, ...(options.as ? ['--as', options.as] : []), ...args];
    const r = spawnSync(process.execPath, argv, { cwd: dir, encoding: 'utf8', input: options.stdin ?? '', env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' } });
    if (options.keepOutput !== false) captured.push(r.stdout);
    captured.push(r.stderr);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, json: <T>() => JSON.parse(r.stdout) as T };
  }
  const ok = (args: string[], as?: string) => {
    const r = crmctl(args, { as });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return r;
  };
  const contactNames = (as: string) =>
    ok(['record', 'list', 'contact', '--json'], as)
      .json<{ records: { LastName: string }[] }>()
      .records.map((r) => r.LastName)
      .sort();

  let secret = '';
  const ids: Record<string, string> = {};

  beforeAll(() => {
    ok(['init', '--company', 'Lisboa Vinhos Lda', '--admin', 'admin', '--json']);
    ok(['role', 'add', 'Diretor']);
    ok(['role', 'add', 'Gerente', '--parent', 'Diretor']);
    ok(['role', 'add', 'Vendedor', '--parent', 'Gerente']);
    ok(['role', 'add', 'Vendedor Norte', '--parent', 'Diretor']);
    ok(['profile', 'clone', 'Standard User', 'Auditor']);
    ok(['profile', 'set', 'Auditor', 'contact', '--view-all']);
    const add = (username: string, profile: string, role?: string) =>
      ok(['user', 'add', username, '--name', username, '--email', `${username}@vinhos.pt`, '--profile', profile, ...(role ? ['--role', role] : []), '--no-notify']);
    add('gerente', 'Standard User', 'Gerente');
    add('peer', 'Standard User', 'Vendedor Norte');
    add('auditor', 'Auditor');
    const rep = crmctl(['user', 'add', 'rep', '--name', 'João Conceição', '--email', 'joao@vinhos.pt', '--profile', 'Standard User', '--role', 'Vendedor', '--no-notify', '--json'], { keepOutput: false });
    expect(rep.code).toBe(0);
    secret = rep.json<{ temporaryPassword: string }>().temporaryPassword;
    ok(['sharing', 'set', 'account=private', 'contact=private', 'opportunity=private', 'lead=private']);
    ids.account = ok(['record', 'create', 'account', '--set', 'Name=Quinta do Vale', '--json'], 'rep').json<{ id: string }>().id;
    ids.repContact = ok(['record', 'create', 'contact', '--set', 'LastName=Magalhães', '--set', `AccountId=${ids.account}`, '--json'], 'rep').json<{ id: string }>().id;
    ok(['record', 'create', 'contact', '--set', 'LastName=Araújo', '--json'], 'peer');
  });

  it('with OWD Private a rep sees only their contacts, their manager sees them too, a peer does not', () => {
    expect(contactNames('rep')).toEqual(['Magalhães']);
    expect(contactNames('gerente')).toEqual(['Magalhães']);
    expect(contactNames('peer')).toEqual(['Araújo']);
    const hidden = crmctl(['record', 'get', 'contact', ids.repContact!], { as: 'peer' });
    expect(hidden.code).toBe(5);
  });

  it('a View All profile sees everything', () => {
    expect(contactNames('auditor')).toEqual(['Araújo', 'Magalhães']);
  });

  it('Public Read Only lets the peer read but not edit (exit 4 with the reason)', () => {
    ok(['sharing', 'set', 'contact=read']);
    expect(contactNames('peer')).toEqual(['Araújo', 'Magalhães']);
    const denied = crmctl(['record', 'update', 'contact', ids.repContact!, '--set', 'Title=Enólogo'], { as: 'peer' });
    expect(denied.code).toBe(4);
    expect(denied.stderr).toContain('peer (Standard User) may not edit Contact');
    expect(ok(['record', 'update', 'contact', ids.repContact!, '--set', 'Title=Enólogo', '--json'], 'gerente').json()).toMatchObject({ changed: { Title: { to: 'Enólogo' } } });
  });

  it('an account team member with edit access can update the account', () => {
    expect(crmctl(['record', 'update', 'account', ids.account!, '--set', 'Phone=+351 21 000 0000'], { as: 'peer' }).code).toBe(5);
    ok(['team', 'enable']);
    ok(['team', 'add', ids.account!, 'peer', '--team-role', 'Sales Rep', '--account-access', 'edit'], 'rep');
    const updated = ok(['record', 'update', 'account', ids.account!, '--set', 'Phone=+351 21 000 0000', '--json'], 'peer');
    expect(updated.json()).toMatchObject({ changed: { Phone: { to: '+351 21 000 0000' } } });
    const explained = ok(['access', 'explain', 'peer', 'account', ids.account!, '--json']).json<{ read: boolean; edit: boolean; reasons: { rule: string }[] }>();
    expect(explained).toMatchObject({ read: true, edit: true, reasons: [{ rule: 'account-team' }] });
  });

  it('no plain-text password in the database file or any output or the audit trail', () => {
    const audit = ok(['audit', '--json']).stdout;
    expect(audit).toContain('"action": "user.add"');
    expect(secret).toMatch(/^[A-Za-z2-9]{14}$/);
    for (const file of [db, `${db}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(secret, 'utf8')), file).toBe(false);
    }
    expect(captured.join('\n')).not.toContain(secret);
    expect(existsSync(join(dir, 'outbox'))).toBe(false);
  });
});
