/**
 * Person matching (contacts and leads): a Fellegi-Sunter model. Each field
 * compares to an agreement level; each level has a weight log2(m/u), where m is
 * how often true duplicates show that level and u how often different people
 * do. m and u are priors from experience with address-book merges, tuned on the
 * generated benchmark (bench/dedup); u for exact agreement on names, companies,
 * phones and e-mails comes from the data set itself (term frequency), so two
 * "Smith"s count for less than two "Bērziņš"es.
 *
 * Two corrections to the independence assumption, both because fields move
 * together in real data:
 * - Household and workplace fields (phone, company, street, city, postcode)
 *   are shared by spouses, parents and colleagues. Together they add at most
 *   HOUSEHOLD_CAP, and only SHARED_CAP when the names clearly disagree, so a
 *   shared switchboard never makes two colleagues one person.
 * - A generation marker (Jr., Sr., III) on one side only, or different ones,
 *   is strong evidence of two people (father and son at one address).
 */
import { companyKey } from '../clean/company.js';
import type { Explanation, Features, MatchModel } from './model.js';
import { roundWeight } from './model.js';
import { areNicknames, nameFamilies, nicknameInitials } from './nicknames.js';
import {
  compactKey, dateKey, digitsKey, emailKey, emailLocal, givenNameParts, houseNumber, phonesAgree, streetKey, surnameParts,
} from './normalize.js';
import { editDistance, editSimilarity, jaroWinkler, phonetic, phoneticAgree } from './similarity.js';
import type { Agreement, FieldEvidence, MatchRecord } from './types.js';

export interface PersonFeatures extends Features {
  record: MatchRecord;
  firstFull: string;
  firstWord: string;
  firstInitialOnly: boolean;
  firstPhon: readonly [string, string];
  /** Smallest nickname family of the first word, or the word itself: one key for Bob and Robert. */
  firstCanon: string;
  generation: string;
  last: string;
  lastPhon: readonly [string, string];
  email: string;
  emailLocal: string;
  emailGeneric: boolean;
  /** Phone (may be a switchboard or home line shared with others). */
  phone: string;
  /** MobilePhone: personal. */
  mobile: string;
  /** Whether the name is written in Latin letters (after folding); names in different scripts cannot be compared. */
  latinName: boolean;
  company: string;
  street: string;
  house: string;
  city: string;
  postal: string;
  country: string;
  dob: string;
}

// Local parts that belong to a mailbox, not a person: colleagues share them.
const GENERIC_LOCAL_PARTS = new Set([
  'info', 'office', 'sales', 'contact', 'contacts', 'admin', 'kontakt', 'buero', 'buro', 'post', 'postmaster', 'mail', 'email', 'hello',
  'hallo', 'support', 'team', 'service', 'billing', 'accounts', 'accounting', 'hr', 'jobs', 'careers', 'reception', 'firma', 'toimisto',
  'myynti', 'info.lv', 'birojs', 'pasts', 'skrifstofa', 'geral', 'comercial', 'ventas', 'contato', 'contacto', 'vendas', 'noreply',
  'no-reply', 'enquiries', 'inquiries', 'marketing', 'orders', 'invoice', 'invoices', 'rechnung', 'verwaltung', 'zentrale', 'family', 'home',
]);

/** Level codes shared by all fields; not every field uses every level. */
const BLANK = 0, EXACT = 1, STRONG = 2, PHONETIC = 3, INITIAL = 4, WEAK = 5, DISAGREE = 6, SWAP = 7, GENERIC = 8, SHARED_LINE = 9, CONFLICT = 10;

// Weights, log2(m/u). Exact levels of TF-adjusted fields are computed from m and the value's frequency.
const M_FIRST_EXACT = 0.8, U_FIRST_DEFAULT = 0.005;
const W_FIRST = { strong: 4.0, initial: 1.0, weak: 0, disagree: -6.5 };
const M_LAST_EXACT = 0.85, U_LAST_DEFAULT = 0.001;
const W_LAST = { strong: 5.5, phonetic: 3.5, weak: 0, disagree: -6.0 };
/** Exchanged name parts cost this much against the same names in place. */
const SWAP_PENALTY = 2;
const M_EMAIL_EXACT = 0.6, U_EMAIL_DEFAULT = 1e-5, U_EMAIL_FLOOR = 1e-4;
const W_EMAIL = { generic: 2.0, local: 1.5, typo: 3.0, disagree: -1.0, conflict: -6.0 };
// Providers where one person may hold several addresses and strangers hold look-alike ones.
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'yahoo.com', 'yahoo.es', 'yahoo.co.uk', 'yahoo.de', 'outlook.com', 'hotmail.com', 'hotmail.es', 'hotmail.co.uk', 'live.com',
  'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'gmx.at', 'web.de',
  't-online.de', 'inbox.lv', 'apollo.lv', 'one.lv', 'luukku.com', 'suomi24.fi', 'simnet.is', 'internet.is', 'sapo.pt', 'uol.com.br',
  'bol.com.br', 'terra.com.br', 'telefonica.net', 'qq.com', '163.com', '126.com', 'sina.com', 'yandex.ru', 'mail.ru', 'orange.fr', 'free.fr',
]);
const M_PHONE = 0.6, M_PHONE_LINE = 0.4, U_PHONE_FLOOR = 2e-4;
const W_PHONE_DISAGREE = -2.0;
const M_COMPANY_EXACT = 0.7, U_COMPANY_DEFAULT = 0.001;
const W_COMPANY = { fuzzy: 3.0, disagree: -1.5 };
const W_STREET = { exact: 6.0, fuzzy: 4.0, disagree: -2.0 };
const W_CITY = { exact: 2.0, fuzzy: 1.0, disagree: -1.5 };
const W_POSTAL = { exact: 3.0, fuzzy: 1.0, disagree: -1.5 };
const W_COUNTRY_EXACT = 0.3;
const W_DOB = { exact: 12.0, partial: 4.0, disagree: -8.0 };
const W_GENERATION = { differ: -14, oneSided: -12 };
const HOUSEHOLD_CAP = 11;
const SHARED_CAP = 2;
/**
 * Prior log2 odds that two records are one person: about one other record per
 * person among N, so log2(1/N). It grows with N because the name frequencies
 * (u) are per record: in a million contacts there are more John Smiths to
 * confuse. Small sets use N = MIN_PRIOR_RECORDS so a handful of records does not
 * make a bare name match.
 */
const MIN_PRIOR_RECORDS = 4096;

/** Smoothing so that frequencies from a handful of records do not swing weights. */
const TF_PSEUDO_RECORDS = 1000;
/** Records of one full name taken to be further copies of the same person before any counts as a namesake. */
const FULL_NAME_OWN_COPIES = 2;
/** No exact agreement is rarer than this, whatever the data set says: caps any one field at about 14 bits. */
const U_FLOOR = 5e-5;

function log2(x: number): number {
  return Math.log2(x);
}

export class PersonModel implements MatchModel<MatchRecord, PersonFeatures> {
  readonly keySlots = 12;
  private total = 0;
  private prior = -Math.log2(MIN_PRIOR_RECORDS);
  private readonly firstCounts = new Map<string, number>();
  private readonly lastCounts = new Map<string, number>();
  private readonly companyCounts = new Map<string, number>();
  private readonly phoneCounts = new Map<string, number>();
  private readonly emailCounts = new Map<string, number>();
  private readonly fullNameCounts = new Map<string, number>();

  prepare(record: MatchRecord, index: number): PersonFeatures {
    const given = givenNameParts(record.FirstName);
    const sur = surnameParts(record.LastName);
    const email = emailKey(record.Email);
    const local = emailLocal(email);
    const phone = digitsKey(record.Phone);
    const mobile = digitsKey(record.MobilePhone);
    const street = streetKey(record.Street);
    const families = nameFamilies(given.first);
    return {
      index,
      id: record.id,
      record,
      firstFull: given.full,
      firstWord: given.first,
      firstInitialOnly: given.initialOnly,
      firstPhon: phonetic(given.first),
      firstCanon: families.length > 0 ? `#${families[0]}` : given.first,
      generation: given.generation || sur.generation,
      last: sur.key,
      lastPhon: phonetic(sur.key),
      email,
      emailLocal: local,
      emailGeneric: GENERIC_LOCAL_PARTS.has(local),
      phone,
      mobile,
      latinName: !/[^a-z0-9]/.test(given.full + sur.key),
      company: companyKey(record.Company),
      street,
      house: houseNumber(street),
      city: compactKey(record.City),
      postal: compactKey(record.PostalCode),
      country: compactKey(record.Country),
      dob: dateKey(record.Birthdate),
    };
  }

  learn(all: readonly PersonFeatures[]): void {
    this.total = all.length;
    this.prior = -Math.log2(Math.max(MIN_PRIOR_RECORDS, all.length));
    const bump = (map: Map<string, number>, key: string) => {
      if (key !== '') map.set(key, (map.get(key) ?? 0) + 1);
    };
    for (const f of all) {
      bump(this.firstCounts, f.firstFull);
      bump(this.lastCounts, f.last);
      if (f.firstFull !== '' && f.last !== '') bump(this.fullNameCounts, `${f.firstFull}|${f.last}`);
      bump(this.companyCounts, f.company);
      bump(this.phoneCounts, f.phone);
      if (f.mobile !== f.phone) bump(this.phoneCounts, f.mobile);
      bump(this.emailCounts, f.email);
    }
  }

  /**
   * u for exact agreement on `key`: the share of OTHER records holding it (the
   * two being compared are not evidence that the value is common), smoothed
   * towards `prior` so a handful of records cannot swing the weight.
   */
  private frequency(map: Map<string, number>, key: string, prior: number): number {
    const others = Math.max(0, (map.get(key) ?? 0) - 2);
    return Math.max(U_FLOOR, (others + TF_PSEUDO_RECORDS * prior) / (this.total + TF_PSEUDO_RECORDS));
  }

  blockingKeys(f: PersonFeatures, out: string[]): void {
    if (f.email !== '') out.push(`e|${f.email}`);
    if (f.phone !== '') out.push(`p|${f.phone.slice(-7)}`);
    if (f.mobile !== '') out.push(`p|${f.mobile.slice(-7)}`);
    const initial = f.firstWord.slice(0, 1);
    if (f.last !== '') {
      out.push(`n|${f.lastPhon[0]}|${initial}`);
      if (f.lastPhon[1] !== f.lastPhon[0]) out.push(`n|${f.lastPhon[1]}|${initial}`);
    }
    // The same key with the name parts swapped meets a record whose first and last names were exchanged.
    if (f.firstWord !== '' && f.last !== '' && !f.firstInitialOnly) out.push(`n|${f.firstPhon[0]}|${f.last.slice(0, 1)}`);
    // Surname typos that change its sound: given name with date of birth, company or address.
    if (f.firstWord !== '' && f.dob !== '') out.push(`d|${f.firstCanon}|${f.dob}`);
    if (f.dob !== '' && f.last !== '') out.push(`b|${f.dob}|${f.last.slice(0, 1)}`);
    if (f.firstWord !== '' && f.company !== '') out.push(`c|${f.firstCanon}|${f.company}`);
    // Surname at a company also meets records without a given name.
    if (f.last !== '' && f.company !== '') out.push(`k|${f.lastPhon[0]}|${f.company}`);
    if (f.postal !== '' && f.house !== '') out.push(`a|${f.postal}|${f.house}`);
    else if (f.city !== '' && f.street !== '') out.push(`a|${f.city}|${f.street}`);
  }

  splitKeys(f: PersonFeatures, out: string[]): void {
    out.push(f.firstCanon, f.lastPhon[0], f.city, f.postal, f.dob.slice(0, 4));
  }

  // ---- field comparisons: each returns a level; weights come from the tables above ----

  private firstLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.firstFull === '' || b.firstFull === '' || a.latinName !== b.latinName) return BLANK;
    return givenNameLevel(a.firstFull, a.firstWord, a.firstInitialOnly, a.firstPhon, b.firstFull, b.firstWord, b.firstInitialOnly, b.firstPhon);
  }

  private lastLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.last === '' || b.last === '' || a.latinName !== b.latinName) return BLANK;
    if (a.last === b.last) return EXACT;
    // A typo; two edits are not ("Pereira"/"Ferreira" are two families).
    if (isTypo(a.last, b.last)) return STRONG;
    if (phoneticAgree(a.lastPhon, b.lastPhon)) return PHONETIC;
    // Double-barrelled and married names: "Garcia Lopez" / "Garcia" (as weak as sounding alike).
    if (Math.min(a.last.length, b.last.length) >= 4 && (a.last.startsWith(b.last) || b.last.startsWith(a.last) || a.last.endsWith(b.last) || b.last.endsWith(a.last))) return PHONETIC;
    if (jaroWinkler(a.last, b.last) >= 0.88) return WEAK;
    return DISAGREE;
  }

  /** Whether first and last names were exchanged: A's first ≈ B's last and A's last ≈ B's first. */
  private swapped(a: PersonFeatures, b: PersonFeatures): boolean {
    if (a.firstFull === '' || b.firstFull === '' || a.last === '' || b.last === '' || a.latinName !== b.latinName) return false;
    // A's given name read as B's surname, and A's surname as B's given name (nicknames and typos allowed).
    const givenOk = givenNameLevel(a.last, a.last, false, a.lastPhon, b.firstFull, b.firstWord, b.firstInitialOnly, b.firstPhon);
    const givenOk2 = givenNameLevel(a.firstFull, a.firstWord, a.firstInitialOnly, a.firstPhon, b.last, b.last, false, b.lastPhon);
    return (givenOk <= INITIAL && givenOk !== BLANK) && (givenOk2 <= INITIAL && givenOk2 !== BLANK);
  }

  /**
   * Same address; STRONG for the same name at another domain; WEAK for a typo.
   * Two different addresses at one company domain are two people (a person has
   * one work address): CONFLICT. "maria.perez" and "maria.perez2" are
   * different mailboxes, not a typo.
   */
  private emailLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.email === '' || b.email === '') return BLANK;
    if (a.email === b.email) return a.emailGeneric ? GENERIC : EXACT;
    if (!a.emailGeneric && a.emailLocal === b.emailLocal && a.emailLocal.length >= 5) return STRONG;
    const domainA = a.email.slice(a.emailLocal.length + 1);
    const sameCompanyDomain = domainA === b.email.slice(b.emailLocal.length + 1) && !FREE_MAIL_DOMAINS.has(domainA);
    const numberedMailbox = a.emailLocal.replace(/\d+$/, '') === b.emailLocal.replace(/\d+$/, '');
    if (!numberedMailbox && a.email.length >= 8 && editSimilarity(a.email, b.email) >= 0.85) return WEAK;
    return sameCompanyDomain && !a.emailGeneric && !b.emailGeneric ? CONFLICT : DISAGREE;
  }

  /**
   * EXACT when a mobile number is shared (personal), SHARED_LINE when only the
   * Phone fields agree (a switchboard or home line: household evidence).
   */
  private phoneLevel(a: PersonFeatures, b: PersonFeatures): number {
    if ((a.phone === '' && a.mobile === '') || (b.phone === '' && b.mobile === '')) return BLANK;
    if (phonesAgree(a.mobile, b.mobile) || phonesAgree(a.mobile, b.phone) || phonesAgree(a.phone, b.mobile)) return EXACT;
    if (phonesAgree(a.phone, b.phone)) return SHARED_LINE;
    return DISAGREE;
  }

  /** The number the two records share, for reasons. */
  private sharedPhone(a: PersonFeatures, b: PersonFeatures): string {
    if (phonesAgree(a.mobile, b.mobile) || phonesAgree(a.mobile, b.phone)) return a.mobile;
    return a.phone;
  }

  /** Frequency of the shared number: the larger over all agreeing pairs, so that the score is symmetric. */
  private sharedPhoneFrequency(a: PersonFeatures, b: PersonFeatures): number {
    let u = U_PHONE_FLOOR;
    const consider = (x: string, y: string) => {
      if (phonesAgree(x, y)) {
        u = Math.max(u, this.frequency(this.phoneCounts, x, U_PHONE_FLOOR), this.frequency(this.phoneCounts, y, U_PHONE_FLOOR));
      }
    };
    consider(a.phone, b.phone);
    consider(a.phone, b.mobile);
    consider(a.mobile, b.phone);
    consider(a.mobile, b.mobile);
    return u;
  }

  private companyLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.company === '' || b.company === '') return BLANK;
    if (a.company === b.company) return EXACT;
    if (jaroWinkler(a.company, b.company) >= 0.92) return STRONG;
    return DISAGREE;
  }

  private streetLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.street === '' || b.street === '') return BLANK;
    if (a.street === b.street) return EXACT;
    if (a.house !== b.house && a.house !== '' && b.house !== '') return DISAGREE;
    return editSimilarity(a.street, b.street) >= 0.75 ? STRONG : DISAGREE;
  }

  private cityLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.city === '' || b.city === '') return BLANK;
    if (a.city === b.city) return EXACT;
    return jaroWinkler(a.city, b.city) >= 0.9 ? STRONG : DISAGREE;
  }

  private postalLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.postal === '' || b.postal === '') return BLANK;
    if (a.postal === b.postal) return EXACT;
    return a.postal.length >= 4 && editDistance(a.postal, b.postal) <= 1 ? STRONG : DISAGREE;
  }

  private dobLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.dob === '' || b.dob === '') return BLANK;
    if (a.dob === b.dob) return EXACT;
    // Day and month exchanged (US vs European entry), or one mistyped digit.
    const swappedDayMonth = a.dob.slice(0, 4) === b.dob.slice(0, 4) && a.dob.slice(4, 6) === b.dob.slice(6, 8) && a.dob.slice(6, 8) === b.dob.slice(4, 6);
    if (swappedDayMonth || editDistance(a.dob, b.dob) <= 1) return STRONG;
    return DISAGREE;
  }

  /** Weight of names found swapped: like two exact names (the more common reading counts), less a penalty. */
  private swapWeight(a: PersonFeatures, b: PersonFeatures): number {
    const uFirst = Math.max(this.frequency(this.firstCounts, a.firstFull, U_FIRST_DEFAULT), this.frequency(this.firstCounts, b.firstFull, U_FIRST_DEFAULT));
    const uLast = Math.max(this.frequency(this.lastCounts, a.last, U_LAST_DEFAULT), this.frequency(this.lastCounts, b.last, U_LAST_DEFAULT));
    const uFull = Math.max(
      this.fullNameFrequency(a.firstFull, a.last), this.fullNameFrequency(b.firstFull, b.last),
      this.fullNameFrequency(a.last, a.firstFull), this.fullNameFrequency(b.last, b.firstFull),
    );
    return log2((M_FIRST_EXACT * M_LAST_EXACT) / Math.max(uFirst * uLast, uFull)) - SWAP_PENALTY;
  }

  /**
   * Given names and surnames are not independent (Icelandic given names go with
   * Icelandic patronymics, "Wei Wang" is one of the most common names on earth),
   * so the product of the two frequencies can make a common full name look rare.
   * The frequency of the full name in the data set is a floor for that product.
   */
  private fullNameFrequency(first: string, last: string): number {
    // A full name is mostly held by copies of one person: the first few holders are not namesakes.
    const others = Math.max(0, (this.fullNameCounts.get(`${first}|${last}`) ?? 0) - 2 - FULL_NAME_OWN_COPIES);
    return Math.max(U_FLOOR, (others + TF_PSEUDO_RECORDS * U_FIRST_DEFAULT * U_LAST_DEFAULT) / (this.total + TF_PSEUDO_RECORDS));
  }

  private firstWeight(level: number, a: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_FIRST_EXACT / this.frequency(this.firstCounts, a.firstFull, U_FIRST_DEFAULT));
      case STRONG: return W_FIRST.strong;
      case INITIAL: return W_FIRST.initial;
      case WEAK: return W_FIRST.weak;
      case DISAGREE: return W_FIRST.disagree;
      default: return 0;
    }
  }

  private lastWeight(level: number, a: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_LAST_EXACT / this.frequency(this.lastCounts, a.last, U_LAST_DEFAULT));
      case STRONG: return W_LAST.strong;
      case PHONETIC: return W_LAST.phonetic;
      case WEAK: return W_LAST.weak;
      case DISAGREE: return W_LAST.disagree;
      default: return 0;
    }
  }

  private emailWeight(level: number, a: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_EMAIL_EXACT / Math.max(U_EMAIL_FLOOR, this.frequency(this.emailCounts, a.email, U_EMAIL_DEFAULT)));
      case GENERIC: return W_EMAIL.generic;
      case STRONG: return W_EMAIL.local;
      case WEAK: return W_EMAIL.typo;
      case DISAGREE: return W_EMAIL.disagree;
      case CONFLICT: return W_EMAIL.conflict;
      default: return 0;
    }
  }

  private phoneWeight(level: number, a: PersonFeatures, b: PersonFeatures): number {
    if (level === EXACT) return log2(M_PHONE / this.sharedPhoneFrequency(a, b));
    if (level === SHARED_LINE) return log2(M_PHONE_LINE / this.sharedPhoneFrequency(a, b));
    return level === DISAGREE ? W_PHONE_DISAGREE : 0;
  }

  private companyWeight(level: number, a: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_COMPANY_EXACT / this.frequency(this.companyCounts, a.company, U_COMPANY_DEFAULT));
      case STRONG: return W_COMPANY.fuzzy;
      case DISAGREE: return W_COMPANY.disagree;
      default: return 0;
    }
  }

  weight(a: PersonFeatures, b: PersonFeatures): number {
    return this.evaluate(a, b, null);
  }

  explain(a: PersonFeatures, b: PersonFeatures): Explanation {
    const evidence: FieldEvidence[] = [];
    const reasons: Array<[number, string]> = [];
    const weight = this.evaluate(a, b, { evidence, reasons });
    reasons.sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    return { weight, evidence, reasons: reasons.map((r) => r[1]) };
  }

  /**
   * The one scoring routine, so the explained score is exactly the score used
   * for grouping. With `sink` null (the hot path) nothing is allocated.
   */
  private evaluate(a: PersonFeatures, b: PersonFeatures, sink: { evidence: FieldEvidence[]; reasons: Array<[number, string]> } | null): number {
    let total = this.prior;
    let firstLevel = this.firstLevel(a, b);
    let lastLevel = this.lastLevel(a, b);
    let swap = false;
    if ((firstLevel === DISAGREE || firstLevel === WEAK) && (lastLevel === DISAGREE || lastLevel === WEAK || lastLevel === PHONETIC) && this.swapped(a, b)) {
      swap = true;
      firstLevel = SWAP;
      lastLevel = SWAP;
    }
    let names: number;
    let firstW = 0;
    let lastW = 0;
    if (swap) names = this.swapWeight(a, b);
    else {
      firstW = this.firstWeight(firstLevel, a);
      lastW = this.lastWeight(lastLevel, a);
      names = firstW + lastW;
      if (firstLevel === EXACT && lastLevel === EXACT) {
        const uFull = this.fullNameFrequency(a.firstFull, a.last);
        const uProduct = this.frequency(this.firstCounts, a.firstFull, U_FIRST_DEFAULT) * this.frequency(this.lastCounts, a.last, U_LAST_DEFAULT);
        if (uFull > uProduct) {
          // Shown as the surname's share of the correction.
          const correction = log2(uProduct / uFull);
          lastW += correction;
          names += correction;
        }
      }
    }
    total += names;
    const namesConflict = firstLevel === DISAGREE || lastLevel === DISAGREE;

    const emailLevel = this.emailLevel(a, b);
    const emailW = this.emailWeight(emailLevel, a);
    total += emailW;

    // Household and workplace evidence, capped (see the module comment).
    const phoneLevel = this.phoneLevel(a, b);
    const phoneW = this.phoneWeight(phoneLevel, a, b);
    const companyLevel = this.companyLevel(a, b);
    const companyW = this.companyWeight(companyLevel, a);
    const streetLevel = this.streetLevel(a, b);
    const streetW = streetLevel === EXACT ? W_STREET.exact : streetLevel === STRONG ? W_STREET.fuzzy : streetLevel === DISAGREE ? W_STREET.disagree : 0;
    const cityLevel = this.cityLevel(a, b);
    const cityW = cityLevel === EXACT ? W_CITY.exact : cityLevel === STRONG ? W_CITY.fuzzy : cityLevel === DISAGREE ? W_CITY.disagree : 0;
    const postalLevel = this.postalLevel(a, b);
    const postalW = postalLevel === EXACT ? W_POSTAL.exact : postalLevel === STRONG ? W_POSTAL.fuzzy : postalLevel === DISAGREE ? W_POSTAL.disagree : 0;
    const countryW = a.country !== '' && a.country === b.country ? W_COUNTRY_EXACT : 0;
    const personalPhoneW = phoneLevel === EXACT ? phoneW : 0;
    total += personalPhoneW;
    const lineW = phoneLevel === EXACT ? 0 : phoneW;
    const positive = pos(lineW) + pos(companyW) + pos(streetW) + pos(cityW) + pos(postalW) + pos(countryW);
    const negative = neg(lineW) + neg(companyW) + neg(streetW) + neg(cityW) + neg(postalW);
    const cap = namesConflict ? SHARED_CAP : HOUSEHOLD_CAP;
    const household = Math.min(positive, cap) + negative;
    total += household;

    const dobLevel = this.dobLevel(a, b);
    const dobW = dobLevel === EXACT ? W_DOB.exact : dobLevel === STRONG ? W_DOB.partial : dobLevel === DISAGREE ? W_DOB.disagree : 0;
    total += dobW;

    let generationW = 0;
    if (a.generation !== b.generation) generationW = a.generation !== '' && b.generation !== '' ? W_GENERATION.differ : W_GENERATION.oneSided;
    total += generationW;

    if (sink !== null) {
      const { evidence, reasons } = sink;
      const r = (w: number, text: string) => reasons.push([w, text]);
      const ra = a.record;
      const rb = b.record;
      if (swap) {
 evidence.push({ field: 'FirstName', comparison: 'swap', weight: roundWeight(names / 2), agreement: 'strong' });
        evidence.push({ field: 'LastName', comparison: 'swap', weight: roundWeight(names / 2), agreement: 'strong' });
        r(names, `first and last names swapped: ${show(ra.FirstName)} ${show(ra.LastName)} / ${show(rb.FirstName)} ${show(rb.LastName)}`);
      } else {
        evidence.push({ field: 'FirstName', comparison: this.firstComparison(firstLevel, a, b), weight: roundWeight(firstW), agreement: agreementOf(firstLevel) });
        evidence.push({ field: 'LastName', comparison: this.lastComparison(lastLevel, a, b), weight: roundWeight(lastW), agreement: agreementOf(lastLevel) });
        if (firstLevel === EXACT) r(firstW, `same first name ${show(ra.FirstName)}`);
        else if (firstLevel === STRONG && areNicknames(a.firstWord, b.firstWord)) r(firstW, `first names ${show(ra.FirstName)}/${show(rb.FirstName)} are nicknames`);
        else if (firstLevel === STRONG) r(firstW, `similar first names ${show(ra.FirstName)}/${show(rb.FirstName)}`);
        else if (firstLevel === INITIAL) r(firstW, `initial ${show(ra.FirstName)}/${show(rb.FirstName)} fits`);
        if (lastLevel === EXACT) r(lastW, `same last name ${show(ra.LastName)}`);
        else if (lastLevel === STRONG) r(lastW, `similar last names ${show(ra.LastName)}/${show(rb.LastName)}`);
        else if (lastLevel === PHONETIC) r(lastW, `last names ${show(ra.LastName)}/${show(rb.LastName)} sound alike`);
      }
      evidence.push({ field: 'Email', comparison: emailLevel === STRONG ? 'local part' : emailLevel === WEAK ? 'edit distance' : emailLevel === GENERIC ? 'exact (shared mailbox)' : levelName(emailLevel), weight: roundWeight(emailW), agreement: agreementOf(emailLevel === GENERIC ? WEAK : emailLevel) });
      if (emailLevel === EXACT) r(emailW, `same e-mail ${a.email}`);
      else if (emailLevel === STRONG) r(emailW, `same e-mail name ${a.emailLocal}@…`);
      else if (emailLevel === WEAK) r(emailW, `e-mails ${show(ra.Email)}/${show(rb.Email)} differ by a typo`);
      evidence.push({ field: 'Phone', comparison: phoneLevel === EXACT ? 'digits (mobile)' : phoneLevel === SHARED_LINE ? 'digits (shared line)' : levelName(phoneLevel), weight: roundWeight(phoneW), agreement: agreementOf(phoneLevel === SHARED_LINE ? EXACT : phoneLevel) });
      if (phoneLevel === EXACT || phoneLevel === SHARED_LINE) r(phoneW, `same phone number …${this.sharedPhone(a, b).slice(-6)}`);
      evidence.push({ field: 'Company', comparison: companyLevel === STRONG ? 'jaro-winkler' : companyLevel === EXACT ? 'company key' : levelName(companyLevel), weight: roundWeight(companyW), agreement: agreementOf(companyLevel) });
      if (companyLevel === EXACT) r(companyW, `same company ${show(ra.Company)}`);
      else if (companyLevel === STRONG) r(companyW, `similar companies ${show(ra.Company)}/${show(rb.Company)}`);
      evidence.push({ field: 'Street', comparison: streetLevel === STRONG ? 'edit distance' : levelName(streetLevel), weight: roundWeight(streetW), agreement: agreementOf(streetLevel) });
      if (streetLevel === EXACT || streetLevel === STRONG) r(streetW, `same street address ${show(ra.Street)}`);
      evidence.push({ field: 'City', comparison: cityLevel === STRONG ? 'jaro-winkler' : levelName(cityLevel), weight: roundWeight(cityW), agreement: agreementOf(cityLevel) });
      evidence.push({ field: 'PostalCode', comparison: postalLevel === STRONG ? 'edit distance' : levelName(postalLevel), weight: roundWeight(postalW), agreement: agreementOf(postalLevel) });
      if (positive > cap) {
        evidence.push({ field: 'Household', comparison: `shared phone/company/address capped at ${cap}`, weight: roundWeight(cap - positive), agreement: 'weak' });
      }
      evidence.push({ field: 'Birthdate', comparison: dobLevel === STRONG ? 'one digit or day/month swapped' : levelName(dobLevel), weight: roundWeight(dobW), agreement: agreementOf(dobLevel) });
      if (dobLevel === EXACT) r(dobW, `same birth date ${show(ra.Birthdate)}`);
      if (generationW !== 0) {
        evidence.push({ field: 'Generation', comparison: `${a.generation || 'none'}/${b.generation || 'none'}`, weight: roundWeight(generationW), agreement: 'disagree' });
      }
    }
    return total;
  }

  private firstComparison(level: number, a: PersonFeatures, b: PersonFeatures): string {
    if (level === STRONG) {
      if (a.firstWord === b.firstWord) return 'first word';
      if (areNicknames(a.firstWord, b.firstWord)) return `nickname ${cap(a.firstWord)}=${cap(b.firstWord)}`;
      return `jaro-winkler ${jaroWinkler(a.firstFull, b.firstFull).toFixed(2)}`;
    }
    if (level === INITIAL) return 'initial';
    if (level === WEAK) return `jaro-winkler ${jaroWinkler(a.firstFull, b.firstFull).toFixed(2)}`;
    return levelName(level);
  }

  private lastComparison(level: number, a: PersonFeatures, b: PersonFeatures): string {
    if (level === STRONG) return `edit distance ${editDistance(a.last, b.last)}`;
    if (level === PHONETIC) return `phonetic ${a.lastPhon[0]}`;
    if (level === WEAK) return `jaro-winkler ${jaroWinkler(a.last, b.last).toFixed(2)}`;
    return levelName(level);
  }
}

const pos = (w: number) => (w > 0 ? w : 0);
const neg = (w: number) => (w < 0 ? w : 0);

/**
 * Given-name agreement: exact; STRONG for a nickname (Bob/Robert), the same
 * first word ("Jean-Pierre"/"Jean") or a typo (one edit, or two letters
 * exchanged); INITIAL when an initial fits the name or any of its nickname
 * forms ("B." / "Robert"); WEAK when they merely sound or look alike ("Maria" /
 * "Mariana" are different names, so only weak).
 */
function givenNameLevel(
  fullA: string, wordA: string, initialA: boolean, phonA: readonly [string, string],
  fullB: string, wordB: string, initialB: boolean, phonB: readonly [string, string],
): number {
  if (fullA === fullB) return EXACT;
  if (initialA || initialB) {
    const initial = initialA ? wordA.charCodeAt(0) : wordB.charCodeAt(0);
    const name = initialA ? wordB : wordA;
    if (name.charCodeAt(0) === initial) return INITIAL;
    return nicknameInitials(name).includes(String.fromCharCode(initial)) ? INITIAL : DISAGREE;
  }
  if (wordA === wordB) return STRONG;
  if (areNicknames(wordA, wordB)) return STRONG;
  if (isTypo(fullA, fullB)) return STRONG;
  if (jaroWinkler(fullA, fullB) >= 0.85 || phoneticAgree(phonA, phonB)) return WEAK;
  return DISAGREE;
}

/** One edit, or two neighbouring letters exchanged ("Heikki"/"Heikik"), in names of 4+ letters. */
function isTypo(x: string, y: string): boolean {
  if (Math.max(x.length, y.length) < 4 || Math.abs(x.length - y.length) > 1) return false;
  const d = editDistance(x, y);
  if (d <= 1) return true;
  if (d !== 2 || x.length !== y.length) return false;
  let i = 0;
  while (i < x.length && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function show(value: string | null | undefined): string {
  return (value ?? '').trim();
}

function levelName(level: number): string {
  switch (level) {
    case BLANK: return 'blank';
    case EXACT: return 'exact';
    case DISAGREE: return 'different';
    default: return 'similar';
  }
}

function agreementOf(level: number): Agreement {
  switch (level) {
    case BLANK: return 'blank';
    case EXACT: return 'exact';
    case STRONG: case SWAP: return 'strong';
    case PHONETIC: case INITIAL: case WEAK: case GENERIC: return 'weak';
    default: return 'disagree';
  }
}
