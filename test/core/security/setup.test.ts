import { describe, expect, it } from 'vitest';
import { memoryOrg, TEST_SCRYPT_COST } from '../../helpers/org.js';
import { addRole, moveRole, removeRole, roleTree } from '../../../src/core/security/roles.js';
import { cloneProfile, setProfilePermissions, showProfile, withDependencies } from '../../../src/core/security/profiles.js';
import { parseSharingAssignments, setSharing, showSharing } from '../../../src/core/security/sharing.js';
import { addTeamMember, addTeamRole, enableTeams, listTeam, removeTeamMember } from '../../../src/core/security/teams.js';
import { addUser } from '../../../src/core/security/users.js';
import { auditTrail } from '../../../src/core/security/audit.js';
import { createRecord } from '../../../src/core/records/service.js';
import { encodeHeaderWords, formatAddress } from '../../../src/core/security/outbox.js';

describe('roles', () => {
  it('builds a tree, moves roles, refuses cycles and removing held roles', async () => {
    const org = await memoryOrg();
    addRole(org.session, 'CEO');
    addRole(org.session, 'Sales Manager', 'CEO');
    addRole(org.session, 'Sales Rep', 'Sales Manager');
    addRole(org.session, 'Support');
    expect(() => moveRole(org.session, 'CEO', 'Sales Rep')).toThrow(/below it/);
    moveRole(org.session, 'Support', 'CEO');
    await addUser(org.session, { username: 'rep', name: 'Rep', email: 'r@example.com', profile: 'Standard User', role: 'Sales Rep', notify: false }, { cost: TEST_SCRYPT_COST });
    const tree = roleTree(org.session);
    expect(tree.map((n) => n.name)).toEqual(['CEO']);
    expect(tree[0]!.children.map((n) => n.name)).toEqual(['Sales Manager', 'Support']);
    expect(tree[0]!.children[0]!.children[0]).toMatchObject({ name: 'Sales Rep', users: ['rep'] });
    expect(() => removeRole(org.session, 'Sales Rep')).toThrow('The role "Sales Rep" is held by 1 user(s): rep; it was not removed.');
    expect(() => removeRole(org.session, 'Sales Manager')).toThrow(/Roles sit below/);
    removeRole(org.session, 'Support');
    expect(auditTrail(org.session).map((e) => e.action).slice(0, 3)).toEqual(['role.remove', 'user.add', 'role.move']);
  });
});

describe('profiles', () => {
  it('clones a standard profile and changes the clone with permission dependencies', async () => {
    const org = await memoryOrg();
    cloneProfile(org.session, 'Standard User', 'Sales Rep');
    expect(() => setProfilePermissions(org.session, 'Standard User', 'lead', { viewAll: true })).toThrow(/standard profile/);
    const r = setProfilePermissions(org.session, 'Sales Rep', 'lead', { modifyAll: true });
    expect(r.to).toEqual({ read: true, create: true, edit: true, delete: true, viewAll: true, modifyAll: true });
    setProfilePermissions(org.session, 'Sales Rep', 'lead', { edit: false });
    const lead = showProfile(org.session, 'Sales Rep').permissions.find((p) => p.object === 'Lead')!;
    expect(lead).toMatchObject({ read: true, edit: false, delete: false, viewAll: true, modifyAll: false });
    expect(withDependencies({ read: true, create: true, edit: true, delete: true, viewAll: false, modifyAll: false }, { read: false })).toEqual({
      read: false, create: false, edit: false, delete: false, viewAll: false, modifyAll: false,
    });
    const audit = auditTrail(org.session).find((e) => e.action === 'profile.set')!;
    expect(audit.target).toBe('Sales Rep/Lead');
    expect(JSON.parse(audit.oldValue!)).toMatchObject({ edit: true, modifyAll: true });
  });
});

describe('org-wide defaults', () => {
  it('start Public Read/Write and change with an audit entry per object', async () => {
    const org = await memoryOrg();
    expect(showSharing(org.session).defaults.map((d) => d.access)).toEqual(['read-write', 'read-write', 'read-write', 'read-write']);
    const r = setSharing(org.session, ['account=private', 'Contact=controlled-by-parent', 'lead=read-write']);
    expect(r.changed).toEqual([
      { object: 'Account', from: 'read-write', to: 'private' },
      { object: 'Contact', from: 'read-write', to: 'controlled-by-parent' },
    ]);
    expect(auditTrail(org.session).filter((e) => e.action === 'sharing.set').map((e) => `${e.target}:${e.oldValue}->${e.newValue}`)).toEqual([
      'Lead:read-write->read-write',
      'Contact:read-write->controlled-by-parent',
      'Account:read-write->private',
    ]);
    expect(() => parseSharingAssignments(['account=controlled-by-parent', 'case=private', 'lead=open'])).toThrow(/only contact can be controlled-by-parent.*case=private.*lead=open/);
  });
});

describe('account teams', () => {
  it('need enabling, then add, list and remove members with audit entries', async () => {
    const org = await memoryOrg();
    await addUser(org.session, { username: 'kari', name: 'Kari Nordmann', email: 'k@example.no', profile: 'Standard User', notify: false }, { cost: TEST_SCRYPT_COST });
    const { id } = createRecord(org.session, 'Account', { Name: 'Fjord AS' });
    const input = { teamRole: 'Sales Rep', accountAccess: 'edit', opportunityAccess: 'read', contactAccess: 'none' };
    expect(() => addTeamMember(org.session, id, 'kari', input)).toThrow(/not enabled/);
    enableTeams(org.session);
    addTeamRole(org.session, 'Solution Engineer');
    expect(() => addTeamMember(org.session, id, 'kari', { ...input, accountAccess: 'none' })).toThrow(/--account-access none: expected read or edit/);
    const member = addTeamMember(org.session, id, 'kari', { ...input, teamRole: 'solution engineer' });
    expect(member).toMatchObject({ username: 'kari', teamRole: 'Solution Engineer', accountAccess: 'edit', opportunityAccess: 'read', contactAccess: 'none' });
    expect(listTeam(org.session, id)).toMatchObject({ accountName: 'Fjord AS', members: [{ username: 'kari' }] });
    removeTeamMember(org.session, id, 'kari');
    expect(listTeam(org.session, id).members).toEqual([]);
    expect(auditTrail(org.session).map((e) => e.action).slice(0, 4)).toEqual(['team.remove', 'team.add', 'team.role.add', 'team.enable']);
  });
});

describe('outbox headers', () => {
  it('encodes non-ASCII words within 75 characters and strips header injection', () => {
    const long = 'Þórunn Guðmundsdóttir Ólafsdóttir Kristjánsdóttir Sigurðardóttir';
    const words = encodeHeaderWords(long).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    for (const w of words) expect(w.length).toBeLessThanOrEqual(75);
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('');
    expect(decoded).toBe(long);
    expect(formatAddress({ name: 'Eve\r\nBcc: all@example.com', address: 'eve@example.com' })).toBe('"Eve Bcc: all@example.com" <eve@example.com>');
  });
});
