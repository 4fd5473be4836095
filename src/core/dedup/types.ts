/**
 * Public shapes of the duplicate-matching engine. Plain records in, plain
 * data out: no SQL, no store, so `dupes`, import's duplicate check and
 * `find` can all feed it whatever rows they hold.
 */

/** A contact, lead or person-like row, with Salesforce-style field names. */
export interface MatchRecord {
  id: string;
  FirstName?: string | null;
  LastName?: string | null;
  Email?: string | null;
  Phone?: string | null;
  MobilePhone?: string | null;
  /** Account name for a contact, Company for a lead. */
  Company?: string | null;
  Street?: string | null;
  City?: string | null;
  PostalCode?: string | null;
  Country?: string | null;
  /** ISO yyyy-mm-dd preferred; yyyymmdd and dd.mm.yyyy are also read. */
  Birthdate?: string | null;
  Title?: string | null;
}

/** An account row for `kind: 'account'`. */
export interface AccountMatchRecord {
  id: string;
  Name?: string | null;
  Website?: string | null;
  Phone?: string | null;
  BillingStreet?: string | null;
  BillingCity?: string | null;
  BillingPostalCode?: string | null;
  BillingCountry?: string | null;
}

export type Agreement = 'exact' | 'strong' | 'weak' | 'disagree' | 'blank';

/** How one field of a pair compared, and how much that moved the score (log2 likelihood ratio). */
export interface FieldEvidence {
  field: string;
  /** e.g. 'exact', 'jaro-winkler 0.93', 'nickname Bob=Robert', 'phonetic', 'swap'. */
  comparison: string;
  weight: number;
  agreement: Agreement;
}

export interface MatchPair {
  a: string;
  b: string;
  /** Match probability in 0..1. */
  score: number;
  evidence: FieldEvidence[];
}

export interface DuplicateGroup {
  /** Sorted ids; the group's first id is not a suggested survivor, just the smallest. */
  ids: string[];
  /** Mean score of the group's pairs. */
  score: number;
  /** Human sentences, e.g. 'same e-mail jd@x.com', 'first names Bob/Robert are nicknames'. */
  reasons: string[];
  /** Every pair inside the group that was scored, best first. */
  pairs: MatchPair[];
}

export interface MatchCandidate {
  id: string;
  score: number;
  evidence: FieldEvidence[];
}

/** A blocking key whose block was too big even after splitting, so its pairs were not compared. */
export interface SkippedBlock {
  key: string;
  size: number;
}

export interface MatcherStats {
  records: number;
  blocks: number;
  /** Pairs scored (each pair at most once). */
  comparisons: number;
  /** Pairs at or above the threshold. */
  matches: number;
  skippedBlocks: SkippedBlock[];
}

export interface MatcherOptions {
  /** Pairs scoring at or above this are duplicates (default 0.5 for both kinds). */
  threshold?: number;
  kind?: 'person' | 'account';
  /** Largest block compared pair-wise; bigger blocks are split by a second key, then skipped (default 25). */
  maxBlockSize?: number;
}

export interface Matcher<R extends { id: string } = MatchRecord> {
  /** Duplicate groups over all records, ordered by their smallest id. Deterministic for any input order. */
  findGroups(): DuplicateGroup[];
  /**
   * Existing records that may be the same as `query` (search-before-create, import's
   * duplicate check), best first; only those scoring at least `minScore` (default: half the threshold).
   */
  candidatesFor(query: Partial<R>, limit?: number, minScore?: number): MatchCandidate[];
  /** Score any two records with full evidence; symmetric in a and b apart from the a/b ids. */
  comparePair(a: R, b: R): MatchPair;
  /** What the last findGroups() did; blocks skipped for size are listed so callers can report them. */
  stats(): MatcherStats;
}
