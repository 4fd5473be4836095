import { CrmError } from '../errors.js';
import type { AccessPolicy } from '../security/access.js';
import { SharingAccessPolicy } from '../security/sharing-policy.js';
import { openOrgDb, type OrgDb } from '../store/database.js';
import { readOrg, type OrgProfile } from '../store/org.js';
import { findUserByUsername, firstAdministrator, type UserSummary } from '../store/users.js';
import { ObjectRegistry } from './objects.js';

/**
 * Everything a core operation needs: the org store, its metadata, who is
 * acting and what they may do, and a clock (injected so tests are repeatable).
 */
export interface OrgSession {
  readonly db: OrgDb;
  readonly org: OrgProfile;
  readonly objects: ObjectRegistry;
  readonly actor: UserSummary;
  readonly access: AccessPolicy;
  now(): Date;
}

export interface SessionOptions {
  /** Username to act as; default the org's first administrator. */
  as?: string | undefined;
  now?: () => Date;
  /** Builds the access policy; the sharing model plugs in here. */
  accessPolicy?: (db: OrgDb, user: UserSummary) => AccessPolicy;
}

// The full sharing model (OWD, roles, teams, queues) is every session's policy unless a caller passes its own.
let defaultPolicyFactory: (db: OrgDb, user: UserSummary) => AccessPolicy = (db, user) => new SharingAccessPolicy(db, user);

/** Let the security module install the full sharing model as the default policy. */
export function setDefaultAccessPolicy(factory: (db: OrgDb, user: UserSummary) => AccessPolicy): void {
  defaultPolicyFactory = factory;
}

export function requireOrg(db: OrgDb): OrgProfile {
  const org = readOrg(db);
  if (!org) {
    throw new CrmError('NO_ORG', `${db.path} holds no org yet.`, {
      hint: 'Try: crmctl init --company "<name>" --admin <username>',
    });
  }
  return org;
}

export function resolveActor(db: OrgDb, as: string | undefined): UserSummary {
  if (as === undefined) {
    const admin = firstAdministrator(db);
    if (!admin) {
      throw new CrmError('NOT_FOUND', 'The org has no active System Administrator to act as.', {
        hint: 'Pass --as <username> with an active user.',
      });
    }
    return admin;
  }
  const user = findUserByUsername(db, as);
  if (!user) {
    throw new CrmError('NOT_FOUND', `No user "${as}" in this org (from --as).`, {
      hint: 'Try: crmctl user list to see usernames.',
      details: { username: as },
    });
  }
  if (!user.isActive) {
    throw new CrmError('INACTIVE_USER', `User ${user.username} is deactivated and cannot act.`, {
      hint: `Reactivate with: crmctl user update ${user.username} --active, or choose another --as.`,
    });
  }
  return user;
}

/** A session over an open connection (tests use ':memory:' databases). */
export function sessionFor(db: OrgDb, options: SessionOptions = {}): OrgSession {
  const org = requireOrg(db);
  const actor = resolveActor(db, options.as);
  const factory = options.accessPolicy ?? defaultPolicyFactory;
  return {
    db,
    org,
    objects: new ObjectRegistry(db),
    actor,
    access: factory(db, actor),
    now: options.now ?? (() => new Date()),
  };
}

export function openSession(path: string, options: SessionOptions = {}): OrgSession {
  const db = openOrgDb(path);
  try {
    return sessionFor(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}
