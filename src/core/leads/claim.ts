import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { claimLimit } from '../partners/settings.js';
import { isPartnerUser } from '../partners/field-access.js';
import { permissionDenied } from '../security/access.js';
import { auditSetupChange } from '../security/audit.js';
import { queueIdsOf } from '../security/queues.js';
import { inTransaction } from '../store/database.js';
import { claimLeadRow, countOpenLeadsOwnedBy } from '../store/leads.js';
import { findQueueById } from '../store/queues.js';
import { getRecord } from '../store/records.js';

export interface ClaimResult {
  leadId: string;
  queue: string;
  owner: string;
  /** Open leads the claimer owns now, this one included. */
  openLeadsOwned: number;
  claimLimit: number | null;
}

/**
 * Take a lead out of a queue the acting user belongs to, first come first
 * served: BEGIN IMMEDIATE serialises claimers, and the UPDATE only matches
 * while the queue still owns the lead, so of two simultaneous claims exactly
 * one wins and the other is told so.
 */
export function claimLead(session: OrgSession, leadId: string): ClaimResult {
  const lead = session.objects.get('Lead');
  session.access.requireObject(lead, 'edit');
  const user = session.actor;
  return inTransaction(session.db, () => {
    const record = getRecord(session.db, lead, leadId);
    if (!record) throw new CrmError('NOT_FOUND', `No Lead with id ${leadId}.`, { hint: 'Try: crmctl record list lead' });
    const ownerId = typeof record.OwnerId === 'string' ? record.OwnerId : '';
    if (!ownerId.startsWith('00G')) {
      const mine = ownerId === user.id;
      throw new CrmError('CONFLICT', mine ? `You own lead ${leadId} already.` : `Lead ${leadId} is not in a queue any more: someone else claimed it first.`, {
        hint: mine ? 'Nothing to do.' : 'Pick another lead from your queues: crmctl record list lead --where "OwnerId LIKE \'00G%\'"',
        details: { leadId, claimedBy: mine ? user.username : undefined },
      });
    }
    const queue = findQueueById(session.db, ownerId);
    if (!queueIdsOf(session.db, user.id).includes(ownerId)) {
      throw permissionDenied(user, `claim lead ${leadId}: it waits in the queue "${queue?.name ?? ownerId}", which ${user.username} does not belong to`, 'Ask an administrator: crmctl queue member add "<queue>" <username>');
    }
    if (record.IsConverted === true) throw new CrmError('CONFLICT', `Lead ${leadId} was converted and is read-only.`, { hint: 'Pick another lead.' });
    const limit = isPartnerUser(user) ? claimLimit(session.db) : null;
    const owned = countOpenLeadsOwnedBy(session.db, user.id);
    if (limit !== null && owned >= limit) {
      throw new CrmError('CONFLICT', `${user.username} owns ${owned} open leads; the claim limit for partners is ${limit}.`, {
        hint: 'Work or convert some of your open leads first, or ask the channel manager to raise it: crmctl partner set claim-limit <n>',
        details: { owned, limit },
      });
    }
    const now = session.now().toISOString();
    if (!claimLeadRow(session.db, leadId, ownerId, user.id, now)) {
      throw new CrmError('CONFLICT', `Lead ${leadId} is not in a queue any more: someone else claimed it first.`, { hint: 'Pick another lead from your queues.' });
    }
    auditSetupChange(session, 'lead.claim', leadId, { owner: queue?.name ?? ownerId }, { owner: user.username });
    return { leadId, queue: queue?.name ?? ownerId, owner: user.username, openLeadsOwned: owned + 1, claimLimit: limit };
  });
}
