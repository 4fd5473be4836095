import type { OrgSession } from '../org/session.js';
import { objectPermissions } from '../store/users.js';
import { permissionDenied } from './access.js';

/** Administrators are users whose profile may modify all users (System Administrator and its clones). */
export function isAdministrator(session: OrgSession): boolean {
  return objectPermissions(session.db, session.actor.profileId, 'User').modifyAll;
}

export function requireAdministrator(session: OrgSession, what: string): void {
  if (!isAdministrator(session)) {
    throw permissionDenied(session.actor, what, 'Only System Administrators change setup; run as one with --as <admin>.');
  }
}
