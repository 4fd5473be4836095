import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryOrg, tempDir, TEST_SCRYPT_COST } from '../../helpers/org.js';
import { addUser, authenticate, changeOwnPassword, deactivateUser, recordLogin, resetPassword, showUser, updateUser } from '../../../src/core/security/users.js';
import { addRole } from '../../../src/core/security/roles.js';
import { auditTrail } from '../../../src/core/security/audit.js';
import { readCredential } from '../../../src/core/store/users.js';
import { sessionFor } from '../../../src/core/org/session.js';

const cost = { cost: TEST_SCRYPT_COST };

describe('users', () => {
  it('adds a user with only a scrypt hash stored and the temporary password returned once', async () => {
    const org = await memoryOrg();
    addRole(org.session, 'Sales');
    const result = await addUser(org.session, { username: 'anna.berzina', name: 'Anna Bērziņa', email: 'anna@piens.lv', profile: 'standard user', role: 'sales', notify: false }, cost);
    expect(result.user).toMatchObject({ username: 'anna.berzina', name: 'Anna Bērziņa', profile: 'Standard User', role: 'Sales', isActive: true, mustChangePassword: true });
    expect(result.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const stored = readCredential(org.db, result.user.id)!;
    expect(stored.passwordHash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(stored.passwordHash).not.toContain(result.temporaryPassword!);
    const audit = auditTrail(org.session).filter((e) => e.action === 'user.add');
    expect(audit[0]).toMatchObject({ actor: 'admin', target: 'anna.berzina' });
    expect(JSON.stringify(auditTrail(org.session))).not.toContain(result.temporaryPassword!);
  });

  it('writes the welcome e-mail to an owner-only outbox by default, with RFC 5322 headers', async () => {
    const org = await memoryOrg({ company: 'Rīgas Piens' });
    const outbox = join(tempDir(), 'outbox');
    const result = await addUser(org.session, { username: 'wang.fang', name: '王 芳', email: 'wang@example.cn', profile: 'Standard User', notify: true }, { ...cost, outboxDir: outbox });
    expect(result.temporaryPassword).toBeUndefined();
    const file = result.notification!.file;
    expect(file).toMatch(/outbox\/20261123-100000-wang\.fang-welcome\.eml$/);
    expect(statSync(outbox).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const eml = readFileSync(file, 'utf8');
    const head = eml.slice(0, eml.indexOf('\r\n\r\n'));
    const body = eml.slice(eml.indexOf('\r\n\r\n') + 4);
    expect(head).toContain('To: =?UTF-8?B?546LIOiKsw==?= <wang@example.cn>');
    expect(head).toContain('Date: Mon, 23 Nov 2026 10:00:00 +0000');
    expect(head).toContain('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit');
    expect(head).toMatch(/^From: "Admin" <admin@rigas-piens\.invalid>\r\n/);
    expect(body.startsWith('Hello 王 芳,\r\n')).toBe(true);
    expect(body).toContain('Login name:          wang.fang');
    expect(body).toMatch(/Temporary password: {2}[A-Za-z2-9]{14}\r\n/);
    expect(body).toContain('crmctl login wang.fang');
    expect(auditTrail(org.session).map((e) => e.action)).toContain('user.notify');
  });

  it('refuses bad input, duplicates and non-administrators', async () => {
    const org = await memoryOrg();
    await expect(addUser(org.session, { username: 'x y', name: 'X', email: 'nope', profile: 'Standard User', notify: false }, cost)).rejects.toThrow(/not a valid username.*not a valid e-mail/);
    await expect(addUser(org.session, { username: 'admin', name: 'X', email: 'x@example.com', profile: 'Standard User', notify: false }, cost)).rejects.toThrow(/taken/);
    await expect(addUser(org.session, { username: 'bob', name: 'Bob', email: 'b@example.com', profile: 'Nope', notify: false }, cost)).rejects.toThrow(/No profile/);
    await addUser(org.session, { username: 'rep', name: 'Rep', email: 'rep@example.com', profile: 'Standard User', notify: false }, cost);
    await expect(addUser(org.as('rep'), { username: 'eve', name: 'Eve', email: 'e@example.com', profile: 'System Administrator', notify: false }, cost)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
  });

  it('deactivated users keep their records but cannot act; the last administrator stays', async () => {
    const org = await memoryOrg();
    await addUser(org.session, { username: 'rep', name: 'Rep One', email: 'rep@example.com', profile: 'Standard User', notify: false }, cost);
    const { id } = (await import('../../../src/core/records/service.js')).createRecord(org.as('rep'), 'Contact', { LastName: 'Kask' });
    deactivateUser(org.session, 'rep');
    expect(() => sessionFor(org.db, { as: 'rep' })).toThrow(/deactivated/);
    expect(org.db.prepare('SELECT "OwnerId" FROM "Contact" WHERE "Id" = ?').get(id)).toEqual({ OwnerId: showUser(org.session, 'rep').id });
    expect(() => deactivateUser(org.session, 'admin')).toThrow(/yourself/);
    expect(() => updateUser(org.session, 'admin', { profile: 'Standard User' })).toThrow(/only active administrator/);
    updateUser(org.session, 'rep', { active: true });
    expect(showUser(org.session, 'rep').isActive).toBe(true);
    expect(auditTrail(org.session).map((e) => e.action)).toEqual(expect.arrayContaining(['user.deactivate', 'user.update']));
  });

  it('logs in, forces a new password at first login, and audits failures without the password', async () => {
    const org = await memoryOrg();
    const added = await addUser(org.session, { username: 'rep', name: 'Rep', email: 'rep@example.com', profile: 'Standard User', notify: false }, cost);
    const temp = added.temporaryPassword!;
    await expect(authenticate(org.db, 'rep', 'wrong-password1', new Date())).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    const { user, mustChangePassword } = await authenticate(org.db, 'rep', temp, new Date());
    expect(mustChangePassword).toBe(true);
    await expect(changeOwnPassword(org.db, user, temp, 'short', new Date(), TEST_SCRYPT_COST)).rejects.toThrow(/at least 10/);
    await changeOwnPassword(org.db, user, temp, 'Ziemassvētki2026', new Date(), TEST_SCRYPT_COST);
    recordLogin(org.db, user, new Date());
    expect((await authenticate(org.db, 'rep', 'Ziemassvētki2026', new Date())).mustChangePassword).toBe(false);
    const trail = auditTrail(org.session);
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['user.failed-login', 'user.passwd', 'user.login']));
    expect(JSON.stringify(trail)).not.toMatch(/wrong-password1|Ziemassvētki2026/);
    const reset = await resetPassword(org.session, 'rep', false, cost);
    expect((await authenticate(org.db, 'rep', reset.temporaryPassword!, new Date())).mustChangePassword).toBe(true);
  });
});
