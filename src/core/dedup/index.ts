/**
 * Duplicate matching over plain records: used by `crmctl dupes find`, by
 * import's duplicate check and by `crmctl find`. No SQL and no store access:
 * callers load the rows and pass them in.
 *
 *   const matcher = buildMatcher(contacts);                 // person mode (contacts, leads)
 *   matcher.findGroups();                                   // DuplicateGroup[] for `dupes find`
 *   matcher.candidatesFor({ FirstName: 'Bob', LastName: 'Smith', Email: 'bob@x.com' }, 5);
 *   matcher.comparePair(a, b);                              // one pair with field-by-field evidence
 *   matcher.stats();                                        // comparisons made, blocks skipped for size
 *
 *   buildAccountMatcher(accounts)                           // account mode for `dupes find account`
 *
 * How it works (details in the modules):
 * - normalize.ts: folding (Bērziņš = Berzins, Þórsdóttir = Thorsdottir), e-mail,
 *   phone-digit, date, street and domain keys.
 * - person.ts / account.ts: the per-field comparisons and their Fellegi-Sunter
 *   weights, with term-frequency adjustment from the data set itself.
 * - engine.ts: blocking (never all pairs), each pair scored once, and grouping
 *   by average linkage so one weak link cannot chain unrelated records.
 * Scores are probabilities in 0..1; the default threshold is 0.5. Results are
 * the same for any input order (records are processed in id order).
 */
import { AccountModel } from './account.js';
import { createMatcher } from './engine.js';
import { PersonModel } from './person.js';
import type { AccountMatchRecord, Matcher, MatcherOptions, MatchRecord } from './types.js';

export type {
  AccountMatchRecord, Agreement, DuplicateGroup, FieldEvidence, MatchCandidate, MatchPair, Matcher, MatcherOptions, MatcherStats,
  MatchRecord, SkippedBlock,
} from './types.js';
export { MAX_RECORDS } from './engine.js';

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MAX_BLOCK_SIZE = 25;

function engineOptions(options: MatcherOptions | undefined) {
  return {
    threshold: options?.threshold ?? DEFAULT_THRESHOLD,
    maxBlockSize: options?.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
  };
}

/** A matcher over people (contacts, leads). `kind: 'account'` is accepted for symmetry but use buildAccountMatcher for typed account records. */
export function buildMatcher(records: Iterable<MatchRecord>, options?: MatcherOptions & { kind?: 'person' }): Matcher<MatchRecord>;
export function buildMatcher(records: Iterable<AccountMatchRecord>, options: MatcherOptions & { kind: 'account' }): Matcher<AccountMatchRecord>;
export function buildMatcher(
  records: Iterable<MatchRecord> | Iterable<AccountMatchRecord>,
  options?: MatcherOptions,
): Matcher<MatchRecord> | Matcher<AccountMatchRecord> {
  if (options?.kind === 'account') return createMatcher(new AccountModel(), records as Iterable<AccountMatchRecord>, engineOptions(options));
  return createMatcher(new PersonModel(), records as Iterable<MatchRecord>, engineOptions(options));
}

/** A matcher over accounts: Name (company key, fuzzy), Website domain, Phone, billing address. */
export function buildAccountMatcher(records: Iterable<AccountMatchRecord>, options?: Omit<MatcherOptions, 'kind'>): Matcher<AccountMatchRecord> {
  return createMatcher(new AccountModel(), records, engineOptions(options));
}

export { areNicknames, nicknamePairCount } from './nicknames.js';
export { digitsKey, emailKey, fold } from './normalize.js';
export { jaroWinkler } from './similarity.js';
