import type { OrgDb } from '../store/database.js';
import { readSetting, writeSetting } from '../store/org.js';

const ENABLED_AT = 'partner.enabled-at';
const CLAIM_LIMIT = 'partner.claim-limit';

/** When partner relationship management was enabled (it cannot be disabled), or undefined. */
export function partnerChannelEnabledAt(db: OrgDb): string | undefined {
  return readSetting(db, ENABLED_AT);
}

export function markPartnerChannelEnabled(db: OrgDb, at: string): void {
  writeSetting(db, ENABLED_AT, at);
}

/** Most open leads a partner user may own when claiming from a queue; null = no limit. */
export function claimLimit(db: OrgDb): number | null {
  const raw = readSetting(db, CLAIM_LIMIT);
  return raw === undefined ? null : Number(raw);
}

export function writeClaimLimit(db: OrgDb, limit: number | null): void {
  writeSetting(db, CLAIM_LIMIT, limit === null ? null : String(limit));
}
