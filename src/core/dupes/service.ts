import { writeTransaction } from '../store/database.js';
import { CrmError } from '../errors.js';
import { buildAccountMatcher, buildMatcher, DEFAULT_THRESHOLD, type AccountMatchRecord, type DuplicateGroup, type MatchCandidate, type MatchRecord, type MatcherStats } from '../dedup/index.js';
import { applyMergePlan, planMerge, type MergePlan, type SurvivorshipRule } from '../merge/merge.js';
import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor } from '../records/service.js';
import type { CrmRecord } from '../store/records.js';

/**
 * `dupes find`, `dupes merge --all` and `find` over the org: load what the
 * acting user may read, hand it to the matching engine, merge by rule.
 */
export type DupeObject = 'Contact' | 'Lead' | 'Account';
const DUPE_OBJECTS: DupeObject[] = ['Contact', 'Lead', 'Account'];

export function dupeObject(session: OrgSession, name: string): DupeObject {
  const object = session.objects.get(name).name;
  if (!(DUPE_OBJECTS as string[]).includes(object)) {
    throw new CrmError('USAGE', `Duplicates are found among contacts, leads and accounts, not ${object}.`, { hint: 'Use contact, lead or account.' });
  }
  return object as DupeObject;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Account names by id, for the Company of contacts. */
export function accountNames(session: OrgSession): Map<string, string> {
  const names = new Map<string, string>();
  for (const a of iterateRecordsFor(session, 'Account', { fields: ['Name'] })) names.set(String(a.Id), String(a.Name ?? ''));
  return names;
}

/** The fields toPersonRecord and toAccountRecord read: a matcher loads only these. */
export const MATCH_FIELDS: Record<DupeObject, readonly string[]> = {
  Contact: ['FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'AccountId', 'MailingStreet', 'MailingCity', 'MailingPostalCode', 'MailingCountry', 'Birthdate', 'Title'],
  Lead: ['FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'Company', 'Street', 'City', 'PostalCode', 'Country', 'Title'],
  Account: ['Name', 'Website', 'Phone', 'BillingStreet', 'BillingCity', 'BillingPostalCode', 'BillingCountry'],
};

export function toPersonRecord(object: 'Contact' | 'Lead', r: CrmRecord, accounts?: Map<string, string>): MatchRecord {
  const contact = object === 'Contact';
  return {
    id: String(r.Id),
    FirstName: text(r.FirstName),
    LastName: text(r.LastName),
    Email: text(r.Email),
    Phone: text(r.Phone),
    MobilePhone: text(r.MobilePhone),
    Company: contact ? (typeof r.AccountId === 'string' ? (accounts?.get(r.AccountId) ?? null) : null) : text(r.Company),
    Street: text(contact ? r.MailingStreet : r.Street),
    City: text(contact ? r.MailingCity : r.City),
    PostalCode: text(contact ? r.MailingPostalCode : r.PostalCode),
    Country: text(contact ? r.MailingCountry : r.Country),
    Birthdate: contact ? text(r.Birthdate) : null,
    Title: text(r.Title),
  };
}

export function toAccountRecord(r: CrmRecord): AccountMatchRecord {
  return {
    id: String(r.Id),
    Name: text(r.Name),
    Website: text(r.Website),
    Phone: text(r.Phone),
    BillingStreet: text(r.BillingStreet),
    BillingCity: text(r.BillingCity),
    BillingPostalCode: text(r.BillingPostalCode),
    BillingCountry: text(r.BillingCountry),
  };
}

/** The records of an object the acting user may read, as the matcher takes them (a caller that already has `accountNames` passes them). */
export function* matchRecords(
  session: OrgSession,
  object: DupeObject,
  accounts = object === 'Contact' ? accountNames(session) : undefined,
): Generator<MatchRecord | AccountMatchRecord> {
  for (const r of iterateRecordsFor(session, object, { fields: MATCH_FIELDS[object] })) yield object === 'Account' ? toAccountRecord(r) : toPersonRecord(object, r, accounts);
}

export interface DupesFindResult {
  object: DupeObject;
  against?: DupeObject;
  threshold: number;
  groups: DuplicateGroup[];
  stats: MatcherStats;
}

export function findDuplicates(session: OrgSession, objectName: string, options: { threshold?: number | undefined; against?: string | undefined } = {}): DupesFindResult {
  const object = dupeObject(session, objectName);
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new CrmError('USAGE', `--threshold ${threshold}: expected a number between 0 and 1.`, { hint: 'Example: --threshold 0.7' });
  if (options.against !== undefined) return findAgainst(session, object, dupeObject(session, options.against), threshold);
  const matcher =
    object === 'Account'
      ? buildAccountMatcher(matchRecords(session, object) as Iterable<AccountMatchRecord>, { threshold })
      : buildMatcher(matchRecords(session, object) as Iterable<MatchRecord>, { threshold });
  const groups = matcher.findGroups();
  return { object, threshold, groups, stats: matcher.stats() };
}

/** Leads that are already contacts: each lead with the contacts it matches. */
function findAgainst(session: OrgSession, object: DupeObject, against: DupeObject, threshold: number): DupesFindResult {
  if (object === 'Account' || against === 'Account') throw new CrmError('USAGE', '--against compares people: leads against contacts.', { hint: 'Example: crmctl dupes find lead --against contact' });
  const matcher = buildMatcher(matchRecords(session, against) as Iterable<MatchRecord>, { threshold });
  const groups: DuplicateGroup[] = [];
  const accounts = object === 'Contact' ? accountNames(session) : undefined;
  for (const r of iterateRecordsFor(session, object, { fields: MATCH_FIELDS[object] })) {
    const query = toPersonRecord(object, r, accounts);
    const hits = matcher.candidatesFor(query, 5, threshold);
    if (hits.length === 0) continue;
    const target = new Map<string, MatchRecord>();
    for (const t of matchRecords(session, against) as Iterable<MatchRecord>) if (hits.some((h) => h.id === t.id)) target.set(t.id, t);
    const pairs = hits.map((h) => matcher.comparePair(query, target.get(h.id)!));
    groups.push({ ids: [query.id, ...hits.map((h) => h.id)], score: Math.max(...hits.map((h) => h.score)), reasons: reasonsOf(pairs), pairs });
  }
  return { object, against, threshold, groups, stats: matcher.stats() };
}

function reasonsOf(pairs: { evidence: { field: string; comparison: string; agreement: string }[] }[]): string[] {
  const reasons = new Set<string>();
  for (const p of pairs) for (const e of p.evidence) if (e.agreement === 'exact' || e.agreement === 'strong') reasons.add(`${e.field}: ${e.comparison}`);
  return [...reasons];
}

export interface MergeAllOptions {
  minScore?: number | undefined;
  rule?: SurvivorshipRule | undefined;
  prefer?: Record<string, SurvivorshipRule> | undefined;
  dryRun?: boolean | undefined;
}

export interface MergeAllResult {
  object: DupeObject;
  batch: string | null;
  dryRun: boolean;
  groups: number;
  merged: number;
  plans: (MergePlan & { score: number; merge?: string })[];
}

/** Merge every group found, by survivorship rules, in one transaction (a dry run rolls it back and is the printed plan). */
export function mergeAllDuplicates(session: OrgSession, objectName: string, options: MergeAllOptions = {}): MergeAllResult {
  const found = findDuplicates(session, objectName, { threshold: options.minScore });
  const batch = `batch-${session.now().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}`;
  const result: MergeAllResult = { object: found.object, batch: options.dryRun ? null : batch, dryRun: options.dryRun === true, groups: found.groups.length, merged: 0, plans: [] };
  const mergeEveryGroup = (): void => {
    for (const group of found.groups) {
      const plan = planMerge(session, { object: found.object, ids: group.ids, rule: options.rule, prefer: options.prefer });
      const applied = applyMergePlan(session, plan, { score: group.score, batchId: batch });
      result.plans.push({ ...plan, score: group.score, ...(options.dryRun ? {} : { merge: applied.merge }) });
      result.merged += plan.mergedIds.length;
    }
  };
  writeTransaction(session.db, mergeEveryGroup, { dryRun: options.dryRun });
  return result;
}

export interface FindHit {
  object: DupeObject;
  id: string;
  name: string;
  score: number;
  matched: string[];
  record: CrmRecord;
}

/** Search before create: fuzzy lookup by name, e-mail, phone or company across contacts, leads and accounts. */
export function searchRecords(session: OrgSession, query: string, options: { objects?: string[] | undefined; limit?: number | undefined } = {}): FindHit[] {
  const text = query.trim();
  if (!text) throw new CrmError('USAGE', 'Nothing to search for.', { hint: 'Example: crmctl find "Jānis Bērziņš" or crmctl find jd@example.com' });
  const objects = (options.objects ?? DUPE_OBJECTS).map((o) => dupeObject(session, o));
  const limit = options.limit ?? 10;
  const hits: FindHit[] = [];
  const isEmail = text.includes('@');
  const digits = text.replace(/\D/g, '');
  const isPhone = !isEmail && digits.length >= 6 && digits.length >= text.replace(/[\s()+.\-/]/g, '').length * 0.8;
  const words = text.split(/\s+/);
  for (const object of objects) {
    const records = new Map<string, CrmRecord>();
    const accounts = object === 'Contact' ? accountNames(session) : undefined;
    const source: (MatchRecord | AccountMatchRecord)[] = [];
    for (const r of iterateRecordsFor(session, object)) {
      records.set(String(r.Id), r);
      source.push(object === 'Account' ? toAccountRecord(r) : toPersonRecord(object, r, accounts));
    }
    let candidates: MatchCandidate[];
    if (object === 'Account') {
      const matcher = buildAccountMatcher(source as AccountMatchRecord[]);
      candidates = matcher.candidatesFor(isPhone ? { Phone: text } : isEmail ? { Website: text.split('@')[1] ?? '' } : { Name: text }, limit, 0.05);
    } else {
      const matcher = buildMatcher(source as MatchRecord[]);
      const queries: Partial<MatchRecord>[] = isEmail
        ? [{ Email: text }]
        : isPhone
          ? [{ Phone: text }, { MobilePhone: text }]
          : words.length > 1
            ? [
                { FirstName: words.slice(0, -1).join(' '), LastName: words.at(-1)! },
                { FirstName: words.slice(1).join(' '), LastName: words[0]! },
                { Company: text },
              ]
            : [{ LastName: text }, { FirstName: text }, { Company: text }];
      const best = new Map<string, MatchCandidate>();
      for (const q of queries) for (const c of matcher.candidatesFor(q, limit, 0.05)) if ((best.get(c.id)?.score ?? -1) < c.score) best.set(c.id, c);
      candidates = [...best.values()];
    }
    // Plain substring matches count too: "Acme" should find "Acme Holdings" whatever the model thinks.
    const folded = text.toLowerCase();
    for (const [id, r] of records) {
      if (candidates.some((c) => c.id === id)) continue;
      const haystack = [r.Name, r.FirstName, r.LastName, r.Email, r.Company].filter(Boolean).join(' ').toLowerCase();
      if (haystack.includes(folded)) candidates.push({ id, score: 0.5, evidence: [{ field: 'text', comparison: `contains "${text}"`, weight: 0, agreement: 'strong' }] });
    }
    for (const c of candidates) {
      const r = records.get(c.id)!;
      const name = object === 'Account' ? String(r.Name ?? '') : [r.FirstName, r.LastName].filter(Boolean).join(' ');
      hits.push({ object, id: c.id, name, score: c.score, matched: c.evidence.filter((e) => e.agreement === 'exact' || e.agreement === 'strong').map((e) => `${e.field}: ${e.comparison}`), record: r });
    }
  }
  return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}
