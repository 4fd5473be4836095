import { CrmError } from '../errors.js';
import type { UserSummary } from '../store/users.js';

/** Salesforce's user type for partner community users. */
export const PARTNER_USER_TYPE = 'PowerPartner';

/** What a partner may change on the opportunities they can edit: their deal's progress, nothing else. */
export const PARTNER_EDITABLE_OPPORTUNITY_FIELDS: readonly string[] = ['StageName', 'Amount', 'CloseDate', 'NextStep', 'Probability'];

export const isPartnerUser = (user: Pick<UserSummary, 'userType'>): boolean => user.userType === PARTNER_USER_TYPE;

/**
 * Field-level security for partner users on existing opportunities (exit 4
 * on anything outside the allowed fields). Other users pass unchanged.
 */
export function requirePartnerFieldEdit(user: UserSummary, objectName: string, fieldNames: readonly string[]): void {
  if (!isPartnerUser(user) || objectName !== 'Opportunity') return;
  const denied = fieldNames.filter((f) => !PARTNER_EDITABLE_OPPORTUNITY_FIELDS.includes(f));
  if (denied.length === 0) return;
  throw new CrmError('PERMISSION_DENIED', `${user.username} (partner user) may not change ${denied.join(', ')} on opportunities.`, {
    hint: `Partners may change only ${PARTNER_EDITABLE_OPPORTUNITY_FIELDS.join(', ')}; ask the channel manager for other changes.`,
    details: { user: user.username, fields: denied },
  });
}
