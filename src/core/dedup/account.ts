/**
 * Account matching for `dupes find account`: the same Fellegi-Sunter scheme
 * as person.ts over company name (companyKey, then fuzzy), web-site domain,
 * phone and billing address. Shared buildings and switchboards are capped like
 * households are for people: two different names at one address stay apart.
 */
import { companyKey } from '../clean/company.js';
import type { Explanation, Features, KeySink, MatchModel } from './model.js';
import { roundWeight } from './model.js';
import { compactKey, digitsKey, domainKey, houseNumber, phonesAgree, streetKey, words } from './normalize.js';
import { editSimilarity, jaroWinkler, phonetic } from './similarity.js';
import type { AccountMatchRecord, Agreement, FieldEvidence } from './types.js';

export interface AccountFeatures extends Features {
  record: AccountMatchRecord;
  name: string;
  /** Name words without spaces, so "Art's Deli" and "Arts Deli" agree. */
  nameCompact: string;
  nameWords: string[];
  namePhon: string;
  domain: string;
  phone: string;
  street: string;
  house: string;
  city: string;
  postal: string;
  country: string;
}

const BLANK = 0, EXACT = 1, STRONG = 2, WEAK = 3, DISAGREE = 4;

const M_NAME_EXACT = 0.75, U_NAME_DEFAULT = 0.0005;
const W_NAME = { strong: 7.0, weak: 2.0, disagree: -7.0 };
const M_DOMAIN = 0.8, U_DOMAIN_FLOOR = 1e-4;
const W_DOMAIN_DISAGREE = -1.5;
const M_PHONE = 0.7, U_PHONE_FLOOR = 1e-4;
const W_PHONE_DISAGREE = -1.5;
const W_STREET = { exact: 7.0, fuzzy: 5.0, disagree: -2.5 };
// Listings name the district or the city ("W. Hollywood" / "Los Angeles"): a different city is weak evidence.
const W_CITY = { exact: 1.5, fuzzy: 0.5, disagree: -1.5 };
const W_POSTAL = { exact: 2.5, fuzzy: 1.0, disagree: -2.0 };
const LOCATION_CAP = 12;
const SHARED_CAP = 3;
/** As in person.ts: log2(1/N), with small sets treated as 1,024 records. */
const MIN_PRIOR_RECORDS = 1024;
const TF_PSEUDO_RECORDS = 1000;
const U_FLOOR = 5e-5;

export class AccountModel implements MatchModel<AccountMatchRecord, AccountFeatures> {
  readonly keySlots = 8;
  private total = 0;
  private prior = -Math.log2(MIN_PRIOR_RECORDS);
  private readonly nameCounts = new Map<string, number>();
  private readonly domainCounts = new Map<string, number>();
  private readonly phoneCounts = new Map<string, number>();

  prepare(record: AccountMatchRecord, index: number): AccountFeatures {
    const name = companyKey(record.Name);
    const nameWords = name.split(' ').filter((w) => w.length > 0);
    const street = streetKey(record.BillingStreet);
    return {
      index,
      id: record.id,
      record,
      name,
      nameCompact: name.replace(/[^\p{L}\p{N}]+/gu, ''),
      nameWords,
      namePhon: phonetic(nameWords[0] ?? '')[0],
      domain: domainKey(record.Website),
      phone: digitsKey(record.Phone),
      street,
      house: houseNumber(street),
      city: compactKey(record.BillingCity),
      postal: compactKey(record.BillingPostalCode),
      country: words(record.BillingCountry).join(''),
    };
  }

  learn(all: readonly AccountFeatures[]): void {
    this.total = all.length;
    this.prior = -Math.log2(Math.max(MIN_PRIOR_RECORDS, all.length));
    const bump = (map: Map<string, number>, key: string) => {
      if (key !== '') map.set(key, (map.get(key) ?? 0) + 1);
    };
    for (const f of all) {
      bump(this.nameCounts, f.nameCompact);
      bump(this.domainCounts, f.domain);
      bump(this.phoneCounts, f.phone);
    }
  }

  /** u for exact agreement: share of the other records holding `key`, smoothed towards `prior` (as in person.ts). */
  private frequency(map: Map<string, number>, key: string, prior: number): number {
    const others = Math.max(0, (map.get(key) ?? 0) - 2);
    return Math.max(U_FLOOR, (others + TF_PSEUDO_RECORDS * prior) / (this.total + TF_PSEUDO_RECORDS));
  }

  blockingKeys(f: AccountFeatures, out: KeySink): void {
    if (f.nameCompact !== '') out.add('n', f.nameCompact);
    if (f.namePhon !== '') out.add('s', f.namePhon, f.city);
    // Each longer name word with the city: "Art's Deli" meets "Art's Delicatessen".
    for (const w of f.nameWords.slice(0, 3)) if (w.length >= 4) out.add('w', w, f.city);
    if (f.domain !== '') out.add('d', f.domain);
    if (f.phone !== '') out.add('p', f.phone.slice(-7));
    if (f.street !== '' && f.house !== '') out.add('a', `${f.postal || f.city}|${f.house}`, f.street.replace(/\d+/g, '').trim().slice(0, 3));
  }

  splitKeys(f: AccountFeatures, out: string[]): void {
    out.push(f.city, f.postal, f.namePhon);
  }

  private nameLevel(a: AccountFeatures, b: AccountFeatures): number {
    if (a.nameCompact === '' || b.nameCompact === '') return BLANK;
    if (a.nameCompact === b.nameCompact) return EXACT;
    const jw = jaroWinkler(a.nameCompact, b.nameCompact);
    if (jw >= 0.92) return STRONG;
    // One name is the other's start: "Art's Deli" / "Art's Delicatessen", "Acme" / "Acme Europe".
    const shorter = a.nameCompact.length <= b.nameCompact.length ? a.nameCompact : b.nameCompact;
    const longer = shorter === a.nameCompact ? b.nameCompact : a.nameCompact;
    if (shorter.length >= 4 && longer.startsWith(shorter)) return STRONG;
    if (jw >= 0.82 || sameWords(a.nameWords, b.nameWords)) return WEAK;
    return DISAGREE;
  }

  weight(a: AccountFeatures, b: AccountFeatures): number {
    return this.evaluate(a, b, null);
  }

  explain(a: AccountFeatures, b: AccountFeatures): Explanation {
    const evidence: FieldEvidence[] = [];
    const reasons: Array<[number, string]> = [];
    const weight = this.evaluate(a, b, { evidence, reasons });
    reasons.sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    return { weight, evidence, reasons: reasons.map((r) => r[1]) };
  }

  private evaluate(a: AccountFeatures, b: AccountFeatures, sink: { evidence: FieldEvidence[]; reasons: Array<[number, string]> } | null): number {
    let total = this.prior;
    const nameLevel = this.nameLevel(a, b);
    const nameW = nameLevel === EXACT
      ? Math.log2(M_NAME_EXACT / this.frequency(this.nameCounts, a.nameCompact, U_NAME_DEFAULT))
      : nameLevel === STRONG ? W_NAME.strong : nameLevel === WEAK ? W_NAME.weak : nameLevel === DISAGREE ? W_NAME.disagree : 0;
    total += nameW;

    const domainLevel = a.domain === '' || b.domain === '' ? BLANK : a.domain === b.domain ? EXACT : DISAGREE;
    const domainW = domainLevel === EXACT
      ? Math.log2(M_DOMAIN / Math.max(U_DOMAIN_FLOOR, this.frequency(this.domainCounts, a.domain, U_DOMAIN_FLOOR)))
      : domainLevel === DISAGREE ? W_DOMAIN_DISAGREE : 0;
    const phoneLevel = a.phone === '' || b.phone === '' ? BLANK : phonesAgree(a.phone, b.phone) ? EXACT : DISAGREE;
    const phoneW = phoneLevel === EXACT
      ? Math.log2(M_PHONE / Math.max(U_PHONE_FLOOR, this.frequency(this.phoneCounts, a.phone, U_PHONE_FLOOR), this.frequency(this.phoneCounts, b.phone, U_PHONE_FLOOR)))
      : phoneLevel === DISAGREE ? W_PHONE_DISAGREE : 0;
    total += domainW;

    let streetLevel = BLANK;
    if (a.street !== '' && b.street !== '') {
      if (a.street === b.street) streetLevel = EXACT;
      else if (a.house !== '' && b.house !== '' && a.house !== b.house) streetLevel = DISAGREE;
      // One address written longer: "2450 broadway between 90th and 91st sts." / "2450 broadway".
      else if (a.street.startsWith(b.street) || b.street.startsWith(a.street)) streetLevel = STRONG;
      else streetLevel = editSimilarity(a.street, b.street) >= 0.75 ? STRONG : DISAGREE;
    }
    const streetW = streetLevel === EXACT ? W_STREET.exact : streetLevel === STRONG ? W_STREET.fuzzy : streetLevel === DISAGREE ? W_STREET.disagree : 0;
    const cityLevel = a.city === '' || b.city === '' ? BLANK : a.city === b.city ? EXACT : jaroWinkler(a.city, b.city) >= 0.9 ? STRONG : DISAGREE;
    const cityW = cityLevel === EXACT ? W_CITY.exact : cityLevel === STRONG ? W_CITY.fuzzy : cityLevel === DISAGREE ? W_CITY.disagree : 0;
    const postalLevel = a.postal === '' || b.postal === '' ? BLANK : a.postal === b.postal ? EXACT : DISAGREE;
    const postalW = postalLevel === EXACT ? W_POSTAL.exact : postalLevel === DISAGREE ? W_POSTAL.disagree : 0;
    const positive = pos(phoneW) + pos(streetW) + pos(cityW) + pos(postalW);
    const negative = neg(phoneW) + neg(streetW) + neg(cityW) + neg(postalW);
    const cap = nameLevel === DISAGREE ? SHARED_CAP : LOCATION_CAP;
    total += Math.min(positive, cap) + negative;

    if (sink !== null) {
      const { evidence, reasons } = sink;
      const ra = a.record;
      const rb = b.record;
      evidence.push({ field: 'Name', comparison: nameLevel === EXACT ? 'company key' : nameLevel === STRONG || nameLevel === WEAK ? `jaro-winkler ${jaroWinkler(a.nameCompact, b.nameCompact).toFixed(2)}` : levelName(nameLevel), weight: roundWeight(nameW), agreement: agreementOf(nameLevel) });
      if (nameLevel === EXACT) reasons.push([nameW, `same company name ${show(ra.Name)}`]);
      else if (nameLevel === STRONG) reasons.push([nameW, `similar names ${show(ra.Name)}/${show(rb.Name)}`]);
      evidence.push({ field: 'Website', comparison: levelName(domainLevel), weight: roundWeight(domainW), agreement: agreementOf(domainLevel) });
      if (domainLevel === EXACT) reasons.push([domainW, `same web domain ${a.domain}`]);
      evidence.push({ field: 'Phone', comparison: phoneLevel === EXACT ? 'digits' : levelName(phoneLevel), weight: roundWeight(phoneW), agreement: agreementOf(phoneLevel) });
      if (phoneLevel === EXACT) reasons.push([phoneW, `same phone number …${a.phone.slice(-6)}`]);
      evidence.push({ field: 'BillingStreet', comparison: streetLevel === STRONG ? 'edit distance' : levelName(streetLevel), weight: roundWeight(streetW), agreement: agreementOf(streetLevel) });
      if (streetLevel === EXACT || streetLevel === STRONG) reasons.push([streetW, `same address ${show(ra.BillingStreet)}`]);
      evidence.push({ field: 'BillingCity', comparison: cityLevel === STRONG ? 'jaro-winkler' : levelName(cityLevel), weight: roundWeight(cityW), agreement: agreementOf(cityLevel) });
      evidence.push({ field: 'BillingPostalCode', comparison: levelName(postalLevel), weight: roundWeight(postalW), agreement: agreementOf(postalLevel) });
      if (positive > cap) evidence.push({ field: 'Location', comparison: `shared phone/address capped at ${cap}`, weight: roundWeight(cap - positive), agreement: 'weak' });
    }
    return total;
  }
}

/** Same words in another order: "Bank of Riga" / "Riga Bank of". */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || a.length !== b.length) return false;
  const sortedA = [...a].sort().join(' ');
  const sortedB = [...b].sort().join(' ');
  return sortedA === sortedB;
}

const pos = (w: number) => (w > 0 ? w : 0);
const neg = (w: number) => (w < 0 ? w : 0);

function show(value: string | null | undefined): string {
  return (value ?? '').trim();
}

function levelName(level: number): string {
  return level === BLANK ? 'blank' : level === EXACT ? 'exact' : level === DISAGREE ? 'different' : 'similar';
}

function agreementOf(level: number): Agreement {
  switch (level) {
    case BLANK: return 'blank';
    case EXACT: return 'exact';
    case STRONG: return 'strong';
    case WEAK: return 'weak';
    default: return 'disagree';
  }
}
