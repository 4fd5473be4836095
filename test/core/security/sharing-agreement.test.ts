import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryOrg } from '../../helpers/org.js';
import { sessionFor } from '../../../src/core/org/session.js';
import { createRecord, updateRecord } from '../../../src/core/records/service.js';
import { isCrmError } from '../../../src/core/errors.js';
import { ACCOUNT, CONTACT, LEAD, OPPORTUNITY, OPPORTUNITY_CONTACT_ROLE, TASK } from '../../../src/core/schema/standard-objects.js';
import { insertRecord, allocateIds } from '../../../src/core/store/records.js';
import { insertCustomProfile, insertRole, upsertTeamMember, writeObjectPermissions, writeSharingDefault } from '../../../src/core/store/security.js';
import { idsMatchingPredicate, sharingPredicate, type SharingLevel } from '../../../src/core/store/visibility-sql.js';
import { READ_ONLY_PROFILE_ID, STANDARD_USER_PROFILE_ID, SYSTEM_ADMINISTRATOR_PROFILE_ID } from '../../../src/core/store/seed-profiles.js';
import { insertUserRow } from '../../../src/core/security/user-records.js';
import { describeVisibility } from '../../../src/core/security/visibility.js';
import { checkRecordAccess } from '../../../src/core/security/reference-checker.js';
import { loadSharingWorld } from '../../../src/core/security/sharing-world.js';
import { setQueueMembershipSource } from '../../../src/core/security/queues.js';
import { findUserById } from '../../../src/core/store/users.js';
import type { ObjectDef } from '../../../src/core/schema/types.js';

const OBJECTS: ObjectDef[] = [ACCOUNT, CONTACT, OPPORTUNITY, LEAD, OPPORTUNITY_CONTACT_ROLE, TASK];
const QUEUES = ['00G000000000001', '00G000000000002'];
const NOW = '2026-11-23T10:00:00.000Z';

const permsArb = fc.record({
  read: fc.boolean(),
  create: fc.boolean(),
  edit: fc.boolean(),
  delete: fc.boolean(),
  viewAll: fc.boolean(),
  modifyAll: fc.boolean(),
});
const teamAccess = fc.constantFrom('none' as const, 'read' as const, 'edit' as const);

/** A random org: a role forest, users with roles and profiles, records with owners, teams, queues and OWD. */
const orgArb = fc.record({
  roleParents: fc.array(fc.nat(), { minLength: 0, maxLength: 5 }),
  // One custom profile with random (possibly inconsistent) permissions per object.
  customPerms: fc.record({ Account: permsArb, Contact: permsArb, Opportunity: permsArb, Lead: permsArb, OpportunityContactRole: permsArb, Task: permsArb }),
  users: fc.array(fc.record({ role: fc.nat(), hasRole: fc.boolean(), profile: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 6 }),
  owd: fc.record({
    Account: fc.constantFrom<SharingLevel>('private', 'read', 'read-write'),
    Contact: fc.constantFrom<SharingLevel>('private', 'read', 'read-write', 'controlled-by-parent'),
    Opportunity: fc.constantFrom<SharingLevel>('private', 'read', 'read-write'),
    Lead: fc.constantFrom<SharingLevel>('private', 'read', 'read-write'),
  }),
  accounts: fc.array(fc.record({ owner: fc.nat() }), { maxLength: 4 }),
  contacts: fc.array(fc.record({ owner: fc.nat(), account: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 6 }),
  opportunities: fc.array(fc.record({ owner: fc.nat(), account: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 4 }),
  leads: fc.array(fc.record({ owner: fc.nat(), byQueue: fc.boolean() }), { maxLength: 4 }),
  teams: fc.array(
    fc.record({ account: fc.nat(), user: fc.nat(), accountAccess: fc.constantFrom('read' as const, 'edit' as const), contactAccess: teamAccess, opportunityAccess: teamAccess }),
    { maxLength: 5 },
  ),
  contactRoles: fc.array(fc.record({ opportunity: fc.nat(), contact: fc.nat() }), { maxLength: 3 }),
  tasks: fc.array(fc.record({ owner: fc.nat(), what: fc.option(fc.nat(), { nil: undefined }), who: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 5 }),
  queueMembers: fc.array(fc.record({ queue: fc.nat({ max: 1 }), user: fc.nat() }), { maxLength: 4 }),
});

type OrgSpec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

async function buildOrg(spec: OrgSpec) {
  const org = await memoryOrg();
  const db = org.db;
  const roleIds: string[] = [];
  spec.roleParents.forEach((p, i) => roleIds.push(insertRole(db, `Role ${i}`, i === 0 || p % (i + 1) === i ? null : roleIds[p % i]!, NOW)));
  const customId = insertCustomProfile(db, 'Random', null, 'Salesforce', NOW);
  for (const [object, p] of Object.entries(spec.customPerms)) writeObjectPermissions(db, customId, object, p);
  const profiles = [SYSTEM_ADMINISTRATOR_PROFILE_ID, STANDARD_USER_PROFILE_ID, READ_ONLY_PROFILE_ID, customId];
  const userIds = spec.users.map((u, i) =>
    insertUserRow(
      db,
      {
        username: `user${i}`,
        lastName: `User ${i}`,
        email: `user${i}@example.com`,
        profileId: profiles[u.profile]!,
        roleId: u.hasRole && roleIds.length > 0 ? roleIds[u.role % roleIds.length]! : null,
      },
      'scrypt$1024$8$1$c2FsdA==$aGFzaA==',
      NOW,
      null,
    ),
  );
  const pickUser = (n: number) => userIds[n % userIds.length]!;
  for (const [object, level] of Object.entries(spec.owd)) writeSharingDefault(db, object, level, NOW);
  const insert = (object: ObjectDef, values: Record<string, string | null>) => {
    const [id] = allocateIds(db, object, 1) as [string];
    insertRecord(db, object, { Id: id, CreatedDate: NOW, ...values });
    return id;
  };
  const accountIds = spec.accounts.map((a, i) => insert(ACCOUNT, { Name: `Account ${i}`, OwnerId: pickUser(a.owner) }));
  const pickAccount = (n: number | undefined) => (n === undefined || accountIds.length === 0 ? null : accountIds[n % accountIds.length]!);
  const contactIds = spec.contacts.map((c, i) => insert(CONTACT, { LastName: `C${i}`, OwnerId: pickUser(c.owner), AccountId: pickAccount(c.account) }));
  const opportunityIds = spec.opportunities.map((o, i) => insert(OPPORTUNITY, { Name: `O${i}`, StageName: 'Prospecting', CloseDate: '2026-12-31', OwnerId: pickUser(o.owner), AccountId: pickAccount(o.account) }));
  const leadIds = spec.leads.map((l, i) => insert(LEAD, { LastName: `L${i}`, Company: 'X', Status: 'Open - Not Contacted', OwnerId: l.byQueue ? QUEUES[l.owner % 2]! : pickUser(l.owner) }));
  const whats = [...accountIds, ...opportunityIds];
  const whos = [...contactIds, ...leadIds];
  if (opportunityIds.length > 0 && contactIds.length > 0) {
    spec.contactRoles.forEach((r) => insert(OPPORTUNITY_CONTACT_ROLE, { OpportunityId: opportunityIds[r.opportunity % opportunityIds.length]!, ContactId: contactIds[r.contact % contactIds.length]! }));
  }
  spec.tasks.forEach((t, i) =>
    insert(TASK, {
      Subject: `T${i}`,
      OwnerId: pickUser(t.owner),
      WhatId: t.what === undefined || whats.length === 0 ? null : whats[t.what % whats.length]!,
      WhoId: t.who === undefined || whos.length === 0 ? null : whos[t.who % whos.length]!,
    }),
  );
  if (accountIds.length > 0) {
    for (const t of spec.teams) {
      upsertTeamMember(db, { accountId: accountIds[t.account % accountIds.length]!, userId: pickUser(t.user), teamRole: 'Sales Rep', accountAccess: t.accountAccess, contactAccess: t.contactAccess, opportunityAccess: t.opportunityAccess, addedAt: NOW }, null);
    }
  }
  const membership = spec.queueMembers.map((q) => ({ queueId: QUEUES[q.queue]!, userId: pickUser(q.user) }));
  setQueueMembershipSource((_db, userId) => [...new Set(membership.filter((m) => m.userId === userId).map((m) => m.queueId))]);
  return { org, userIds, profiles };
}

afterEach(() => setQueueMembershipSource(() => []));

describe('sharing: SQL predicates and the reference checker', () => {
  it('agree on read and edit for every user and record of random orgs', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const { org, userIds } = await buildOrg(spec);
        const world = loadSharingWorld(org.db);
        for (const userId of userIds) {
          const desc = describeVisibility(org.db, findUserById(org.db, userId)!);
          for (const object of OBJECTS) {
            const all = idsMatchingPredicate(org.db, object.name, undefined);
            const records = all.map((id) => org.db.prepare(`SELECT * FROM "${object.name}" WHERE "Id" = ?`).get(id) as Record<string, string | null>);
            for (const mode of ['read', 'edit'] as const) {
              const bySql = idsMatchingPredicate(org.db, object.name, sharingPredicate(desc, object.name, mode));
              const byChecker = records.filter((r) => checkRecordAccess(world, userId, object.name, r)[mode]).map((r) => r.Id);
              expect(bySql, `${mode} ${object.name} as ${userId}`).toEqual(byChecker);
            }
          }
        }
        org.db.close();
      }),
      { numRuns: 150 },
    );
  });

  it('never lets a Read Only user write', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, async (spec) => {
        const { org, userIds, profiles } = await buildOrg({ ...spec, users: [...spec.users, { role: 0, hasRole: true, profile: 2 }] });
        const readOnly = userIds.filter((_, i) => [...spec.users, { profile: 2 }][i]!.profile === 2);
        expect(profiles[2]).toBe(READ_ONLY_PROFILE_ID);
        for (const userId of readOnly) {
          const session = sessionFor(org.db, { as: findUserById(org.db, userId)!.username });
          expect(() => createRecord(session, 'Contact', { LastName: 'Nope' })).toThrow(/may not create/);
          for (const object of OBJECTS) {
            expect(sharingPredicate(describeVisibility(org.db, session.actor), object.name, 'edit')?.sql).toBe('0');
            for (const id of idsMatchingPredicate(org.db, object.name, undefined)) {
              let code: string | undefined;
              try {
                updateRecord(session, object.name, id, { Description: 'changed' });
              } catch (error) {
                code = isCrmError(error) ? error.code : 'OTHER';
              }
              // Either the record is invisible (NOT_FOUND) or the write is refused.
              expect(['PERMISSION_DENIED', 'NOT_FOUND']).toContain(code);
            }
          }
        }
        org.db.close();
      }),
      { numRuns: 40 },
    );
  });
});
