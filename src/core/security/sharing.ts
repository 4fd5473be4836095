import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { inTransaction } from '../store/database.js';
import { writeSharingDefault } from '../store/security.js';
import { SHARED_OBJECTS, type SharedObject, type SharingLevel } from '../store/visibility-sql.js';
import { requireAdministrator } from './admin.js';
import { auditSetupChange } from './audit.js';
import { refreshAccess } from './sharing-policy.js';
import { sharingLevelLabel } from './reference-checker.js';
import { DEFAULT_SHARING_LEVEL, readOrgWideDefaults } from './visibility.js';

export interface SharingDefault {
  object: SharedObject;
  access: SharingLevel;
  label: string;
}

const LEVELS: SharingLevel[] = ['private', 'read', 'read-write', 'controlled-by-parent'];

export function showSharing(session: OrgSession): { defaults: SharingDefault[]; newOrgDefault: SharingLevel } {
  const owd = readOrgWideDefaults(session.db);
  return { defaults: SHARED_OBJECTS.map((object) => ({ object, access: owd[object], label: sharingLevelLabel(owd[object]) })), newOrgDefault: DEFAULT_SHARING_LEVEL };
}

/** Parse `account=private contact=controlled-by-parent ...`; reports every bad pair at once. */
export function parseSharingAssignments(pairs: string[]): Map<SharedObject, SharingLevel> {
  const out = new Map<SharedObject, SharingLevel>();
  const problems: string[] = [];
  for (const pair of pairs) {
    const [rawObject, rawLevel, ...rest] = pair.split('=');
    const object = SHARED_OBJECTS.find((o) => o.toLowerCase() === rawObject?.trim().toLowerCase());
    const level = LEVELS.find((l) => l === rawLevel?.trim().toLowerCase().replace('public-', '').replace('readwrite', 'read-write'));
    if (rest.length > 0 || !object) problems.push(`${pair}: expected <object>=<level> with object one of ${SHARED_OBJECTS.map((o) => o.toLowerCase()).join(', ')}`);
    else if (!level) problems.push(`${pair}: level must be private, read or read-write${object === 'Contact' ? ' (or controlled-by-parent)' : ''}`);
    else if (level === 'controlled-by-parent' && object !== 'Contact') problems.push(`${pair}: only contact can be controlled-by-parent`);
    else out.set(object, level);
  }
  if (problems.length > 0 || out.size === 0) {
    throw new CrmError('USAGE', problems.length > 0 ? problems.join('; ') : 'Nothing to set.', {
      hint: 'Example: crmctl sharing set account=private contact=controlled-by-parent opportunity=private lead=read-write',
    });
  }
  return out;
}

export function setSharing(session: OrgSession, pairs: string[]): { changed: { object: string; from: SharingLevel; to: SharingLevel }[]; defaults: SharingDefault[] } {
  requireAdministrator(session, 'change org-wide sharing defaults');
  const wanted = parseSharingAssignments(pairs);
  const before = readOrgWideDefaults(session.db);
  const changed: { object: string; from: SharingLevel; to: SharingLevel }[] = [];
  inTransaction(session.db, () => {
    for (const [object, level] of wanted) {
      // Stored and audited even when unchanged: choosing the default explicitly is a setup decision the guide tracks.
      writeSharingDefault(session.db, object, level, session.now().toISOString());
      auditSetupChange(session, 'sharing.set', object, before[object], level);
      if (before[object] !== level) changed.push({ object, from: before[object], to: level });
    }
  });
  refreshAccess(session.access);
  return { changed, defaults: showSharing(session).defaults };
}
