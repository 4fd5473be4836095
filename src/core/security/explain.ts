import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { getRecord } from '../store/records.js';
import { isAdministrator } from './admin.js';
import { permissionDenied } from './access.js';
import { checkRecordAccess, type AccessReason } from './reference-checker.js';
import { loadSharingWorld } from './sharing-world.js';
import { requireUser } from './users.js';

export interface AccessExplanation {
  username: string;
  object: string;
  id: string;
  read: boolean;
  edit: boolean;
  reasons: AccessReason[];
}

/** Why a user may (or may not) read and edit one record. Administrators ask about anyone; users about themselves. */
export function explainAccess(session: OrgSession, username: string, objectName: string, id: string): AccessExplanation {
  const user = requireUser(session.db, username);
  if (user.id !== session.actor.id && !isAdministrator(session)) {
    throw permissionDenied(session.actor, `see another user's access`, 'Only administrators explain other users’ access; run it as one with --as <admin>.');
  }
  const object = session.objects.get(objectName);
  const record = getRecord(session.db, object, id);
  if (!record) throw new CrmError('NOT_FOUND', `No ${object.name} with id ${id}.`, { hint: `Try: crmctl record list ${object.name.toLowerCase()}` });
  const decision = checkRecordAccess(loadSharingWorld(session.db), user.id, object.name, record);
  return { username: user.username, object: object.name, id, ...decision };
}
