import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import type { CrmRecord } from '../store/records.js';
import { createLeadAssigner } from './assignment.js';
import { notifyLeadOwners, type LeadNotification } from './notify.js';

export interface ImportLeadAssigner {
  /** For the import engine: the owner the rules choose for a new lead's values. */
  assignOwner(values: Readonly<CrmRecord>): string | undefined;
  /** After a committed import: e-mail the owners whose rule says --notify; returns the outbox files. */
  notify(outboxDir?: string): string[];
}

/**
 * `import --assign`: the lead assignment rules pick owners inside the import's
 * transaction; notifications wait until the import has committed.
 */
export function leadImportAssigner(session: OrgSession, objectName: string): ImportLeadAssigner {
  if (session.objects.get(objectName).name !== 'Lead') {
    throw new CrmError('USAGE', '--assign applies to leads: assignment rules choose lead owners.', { hint: 'Drop --assign, or import with --object lead.' });
  }
  const assign = createLeadAssigner(session);
  const pending: { values: Readonly<CrmRecord>; owner: LeadNotification['owner'] }[] = [];
  return {
    assignOwner(values) {
      const assignment = assign({ ...values });
      // The engine stamps Id on this same object when it inserts the row; rows rejected later never get one.
      if (assignment?.notify) pending.push({ values, owner: assignment.owner });
      return assignment?.owner.id;
    },
    notify(outboxDir) {
      const inserted = pending.filter((p) => typeof p.values.Id === 'string').map((p) => ({ lead: { ...p.values }, owner: p.owner }));
      pending.length = 0;
      return notifyLeadOwners(session, inserted, outboxDir);
    },
  };
}
