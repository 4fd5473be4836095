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
 *   buildAccountMatcher(accounts)                           // account mode for `dupes find account`
 *
 * Modules: normalize.ts (folding: Bērziņš = Berzins, Þórsdóttir = Thorsdottir;
 * e-mail, phone-digit, date, street, domain keys), nicknames.ts (about 200 name families, 880 pairs),
 * similarity.ts (Jaro-Winkler, edit distance, Double Metaphone),
 * person.ts / account.ts (comparisons and weights), engine.ts (blocking,
 * scoring once per pair, grouping), counter.ts (typed frequency counts).
 *
 * Design decisions
 * - Scoring is Fellegi-Sunter: each field compares to a level (exact, strong,
 *   weak, disagree, blank) worth log2(m/u) bits; blank is always 0. u for exact
 *   names, companies, e-mails and phones is the value's frequency in the data
 *   set (two Smiths count less than two Bērziņšes), smoothed for small sets,
 *   and a full name's own frequency floors the product of given-name and
 *   surname frequencies. The prior is log2(1/N): more records, more namesakes.
 *   The score is the posterior probability, 2^w / (1 + 2^w).
 * - Two dependence corrections: household/workplace fields (shared phone line,
 *   company, street, city, postcode) add at most 11 bits together, and only 2
 *   when the names clearly disagree (colleagues, spouses); a generation marker
 *   (Jr., Sr., III) on one side costs 20 bits (father and son).
 * - Blocking never compares all pairs: e-mail, phone tail, surname sound with
 *   given-name family or sound (and swapped), given name with birth date or
 *   company, surname sound with company, birth date with initial, and the
 *   address for records with no e-mail or phone. Blocks over maxBlockSize are
 *   split by secondary keys, then skipped and listed in stats().skippedBlocks.
 * - Grouping is greedy average linkage, not connected components: groups merge
 *   best pair first only if the mean probability over all their cross pairs
 *   reaches the threshold and no cross pair is a contradiction (< 0.001). One
 *   weak link cannot chain two different people together. Rejected: connected
 *   components (chains), complete linkage (splits real groups whose members
 *   share different fields).
 * - Results do not depend on input order: records are processed in id order,
 *   ties broken by index. Duplicate ids are a usage error.
 * - Group pairs and reasons are computed on first access (enumerable getters):
 *   explaining every pair of a million-record run costs more than finding it.
 *
 * Chinese names and cities in Han characters are compared through toneless
 * pinyin (pinyin-pro), so 王伟 meets Wang Wei.
 *
 * Limits: at most MAX_RECORDS (4,194,304) records per matcher; names in other
 * scripts with no romanisation here (Cyrillic, Greek, Arabic...) are not
 * compared with Latin spellings (blank, neither for nor against); Country is
 * only a small bonus when equal (country names differ by language).
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
// digitsKey is our own because src/core/clean/phones.ts did not exist when this was written.
export { digitsKey, emailKey, fold } from './normalize.js';
export { jaroWinkler } from './similarity.js';
