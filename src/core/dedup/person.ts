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
import { HashCounter } from './counter.js';
import type { Explanation, Features, KeySink, MatchModel } from './model.js';
import { roundWeight } from './model.js';
import { areNicknames, nameFamilies, nicknameInitials } from './nicknames.js';
import {
  compactKey, dateKey, romanizeHan, digitsKey, emailKey, emailLocal, givenNameParts, houseNumber, phonesAgree, streetKey, surnameParts, type NameParts,
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
  /** The surname read as a given name: its nickname family or itself (for the swapped-names key). */
  lastCanon: string;
  lastPhon: readonly [string, string];
  email: string;
  emailLocal: string;
  emailGeneric: boolean;
  /** Phone (may be a switchboard or home line shared with others). */
  phone: string;
  /** MobilePhone: personal. */
  mobile: string;
  /** Domain of a company mailbox (not a free-mail provider), or ''. */
  emailCompanyDomain: string;
  /** Local part without dots (Gmail drops them): "john.doe" → "johndoe". */
  emailLocalBare: string;
  /** Local part without a trailing number: "maria.perez2" → "maria.perez". */
  emailStem: string;
  /** Interned ids of the given name (word, full, initial) and surname, for the comparison caches. */
  firstId: number;
  /** Interned given name alone (same id space as lastId, so swapped names meet). */
  firstPlainId: number;
  lastId: number;
  companyId: number;
  cityId: number;
  // Term frequencies (u) filled in by learn(): computed once per record, not per pair.
  uFirst: number;
  uLast: number;
  uFull: number;
  uFullReversed: number;
  uCompany: number;
  uEmail: number;
  uPhone: number;
  uMobile: number;
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
/** A typo or nickname is worth the more common of the two names' exact weight, less this. */
const FUZZY_MARGIN = 2;
const M_EMAIL_EXACT = 0.6, U_EMAIL_DEFAULT = 1e-5, U_EMAIL_FLOOR = 1e-4;
const W_EMAIL = { generic: 2.0, local: 1.5, typo: 3.0, disagree: -1.5, conflict: -10.0 };
// Providers where one person may hold several addresses and strangers hold look-alike ones.
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'yahoo.com', 'yahoo.es', 'yahoo.co.uk', 'yahoo.de', 'outlook.com', 'hotmail.com', 'hotmail.es', 'hotmail.co.uk', 'live.com',
  'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'gmx.at', 'web.de',
  't-online.de', 'inbox.lv', 'apollo.lv', 'one.lv', 'luukku.com', 'suomi24.fi', 'simnet.is', 'internet.is', 'sapo.pt', 'uol.com.br',
  'bol.com.br', 'terra.com.br', 'telefonica.net', 'qq.com', '163.com', '126.com', 'sina.com', 'yandex.ru', 'mail.ru', 'orange.fr', 'free.fr',
]);
const M_PHONE = 0.6, M_PHONE_LINE = 0.4, U_PHONE_FLOOR = 2e-4;
const W_PHONE_DISAGREE = -2.5;
const M_COMPANY_EXACT = 0.7, U_COMPANY_DEFAULT = 0.001;
const W_COMPANY = { fuzzy: 3.0, disagree: -2.5 };
const W_STREET = { exact: 6.0, fuzzy: 4.0, disagree: -2.0 };
const W_CITY = { exact: 2.0, fuzzy: 1.0, disagree: -1.5 };
const W_POSTAL = { exact: 3.0, fuzzy: 1.0, disagree: -1.5 };
const W_COUNTRY_EXACT = 0.3;
const W_DOB = { exact: 12.0, partial: 4.0, disagree: -8.0 };
// Someone wrote "Jr." on purpose: merging father and son is worse than missing one duplicate.
const W_GENERATION = { differ: -25, oneSided: -20 };
const HOUSEHOLD_CAP = 11;
/** The most an e-mail or a personal phone can add (their frequency floors). */
const MAX_EMAIL_WEIGHT = Math.log2(M_EMAIL_EXACT / U_EMAIL_FLOOR);
const MAX_PHONE_WEIGHT = Math.log2(M_PHONE / U_PHONE_FLOOR);
/** A Phone number held by more records than this is not used as a blocking key. */
const SWITCHBOARD_RECORDS = 8;
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
/**
 * No full name is taken as rarer than one person in 20,000: a bare name match
 * is worth at most about 14 bits however unusual the name, because namesakes
 * and shared family names are more common than name frequencies suggest.
 */
const U_FULL_NAME_FLOOR = 5e-5;

interface GivenInfo {
  parts: NameParts;
  phon: readonly [string, string];
  canon: string;
  id: number;
  plainId: number;
  latin: boolean;
}

interface SurnameInfo {
  key: string;
  canon: string;
  generation: string;
  phon: readonly [string, string];
  id: number;
  latin: boolean;
}

function log2(x: number): number {
  return Math.log2(x);
}

export class PersonModel implements MatchModel<MatchRecord, PersonFeatures> {
  readonly keySlots = 13;
  private total = 0;
  private prior = -Math.log2(MIN_PRIOR_RECORDS);
  private readonly firstCounts = new Map<number, number>();
  private readonly lastCounts = new Map<number, number>();
  private readonly companyCounts = new Map<string, number>();
  private readonly phoneCounts = new HashCounter();
  private readonly emailCounts = new HashCounter();
  private readonly fullNameCounts = new Map<number, number>();
  private learned = false;
  private readonly names = new Map<string, number>();
  private readonly givenInfos = new Map<string, GivenInfo>();
  private readonly surnameInfos = new Map<string, SurnameInfo>();
  private readonly companyInfos = new Map<string, { key: string; id: number }>();
  private readonly cityInfos = new Map<string, { key: string; id: number }>();
  // Name comparisons depend only on the two names, which repeat endlessly: cache their levels.
  private readonly firstLevels = new Map<number, number>();
  private readonly lastLevels = new Map<number, number>();
  private readonly crossLevels = new Map<number, number>();
  /** Company and city levels, keyed by interned ids (prefixed so they never meet name ids). */
  private readonly otherLevels = new Map<number, number>();

  prepare(record: MatchRecord, index: number): PersonFeatures {
    const given = this.givenInfo(record.FirstName);
    const sur = this.surnameInfo(record.LastName);
    const email = emailKey(record.Email);
    const local = emailLocal(email);
    const street = streetKey(record.Street);
    const company = this.valueInfo(this.companyInfos, 'c', record.Company, companyKey);
    const city = this.valueInfo(this.cityInfos, 't', record.City, cityKey);
    const features: PersonFeatures = {
      index,
      id: record.id,
      record,
      firstFull: given.parts.full,
      firstWord: given.parts.first,
      firstInitialOnly: given.parts.initialOnly,
      firstPhon: given.phon,
      firstCanon: given.canon,
      generation: given.parts.generation || sur.generation,
      last: sur.key,
      lastCanon: sur.canon,
      lastPhon: sur.phon,
      email,
      emailLocal: local,
      emailGeneric: GENERIC_LOCAL_PARTS.has(local),
      phone: digitsKey(record.Phone),
      mobile: digitsKey(record.MobilePhone),
      emailCompanyDomain: email !== '' && !FREE_MAIL_DOMAINS.has(email.slice(local.length + 1)) ? email.slice(local.length + 1) : '',
      emailLocalBare: local.includes('.') ? local.replace(/\./g, '') : local,
      emailStem: local.replace(/\d+$/, ''),
      firstId: given.id,
      firstPlainId: given.plainId,
      lastId: sur.id,
      companyId: company.id,
      cityId: city.id,
      uFirst: 0, uLast: 0, uFull: 0, uFullReversed: 0, uCompany: 0, uEmail: 0, uPhone: 0, uMobile: 0,
      latinName: given.latin && sur.latin,
      company: company.key,
      street,
      house: houseNumber(street),
      city: city.key,
      postal: memo(compactKeys, record.PostalCode, compactKey),
      country: memo(compactKeys, record.Country, compactKey),
      dob: dateKey(record.Birthdate),
    };
    if (this.learned) this.fillFrequencies(features);
    return features;
  }

  /** Everything about one written given name, worked out once per distinct spelling. */
  private givenInfo(raw: string | null | undefined): GivenInfo {
    const text = raw ?? '';
    let info = this.givenInfos.get(text);
    if (info === undefined) {
      const parts = text === '' ? EMPTY_GIVEN : givenNameParts(romanizeHan(text));
      const families = nameFamilies(parts.first);
      info = {
        parts,
        phon: phonetic(parts.first),
        canon: families.length > 0 ? `#${families[0]}` : parts.first,
        id: this.intern(`${parts.first}|${parts.full}|${parts.initialOnly ? 1 : 0}`),
        plainId: this.intern(parts.full),
        latin: isLatin(parts.full),
      };
      if (this.givenInfos.size >= CACHE_LIMIT) this.givenInfos.clear();
      this.givenInfos.set(text, info);
    }
    return info;
  }

  private surnameInfo(raw: string | null | undefined): SurnameInfo {
    const text = raw ?? '';
    let info = this.surnameInfos.get(text);
    if (info === undefined) {
      const parts = text === '' ? EMPTY_SURNAME : surnameParts(romanizeHan(text, true));
      const families = nameFamilies(parts.key);
      info = {
        key: parts.key, generation: parts.generation, phon: phonetic(parts.key), id: this.intern(parts.key), latin: isLatin(parts.key),
        canon: families.length > 0 ? `#${families[0]}` : parts.key,
      };
      if (this.surnameInfos.size >= CACHE_LIMIT) this.surnameInfos.clear();
      this.surnameInfos.set(text, info);
    }
    return info;
  }

  /** Key and interned id of a company or city as written. */
  private valueInfo(cache: Map<string, { key: string; id: number }>, kind: string, raw: string | null | undefined, compute: (v: string) => string) {
    const text = raw ?? '';
    let info = cache.get(text);
    if (info === undefined) {
      const key = text === '' ? '' : compute(text);
      info = { key, id: this.intern(`${kind}|${key}`) };
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, info);
    }
    return info;
  }

  private intern(key: string): number {
    let id = this.names.get(key);
    if (id === undefined) {
      id = this.names.size + 1;
      this.names.set(key, id);
    }
    return id;
  }

  private fillFrequencies(f: PersonFeatures): void {
    f.uFirst = this.frequency(this.firstCounts, f.firstPlainId, U_FIRST_DEFAULT);
    f.uLast = this.frequency(this.lastCounts, f.lastId, U_LAST_DEFAULT);
    f.uFull = this.fullNameFrequency(f.firstPlainId, f.lastId);
    f.uFullReversed = this.fullNameFrequency(f.lastId, f.firstPlainId);
    f.uCompany = this.frequency(this.companyCounts, f.company, U_COMPANY_DEFAULT);
    f.uEmail = Math.max(U_EMAIL_FLOOR, this.frequency(this.emailCounts, f.email, U_EMAIL_DEFAULT));
    f.uPhone = Math.max(U_PHONE_FLOOR, this.frequency(this.phoneCounts, f.phone, U_PHONE_FLOOR));
    f.uMobile = Math.max(U_PHONE_FLOOR, this.frequency(this.phoneCounts, f.mobile, U_PHONE_FLOOR));
  }

  learn(all: readonly PersonFeatures[]): void {
    this.total = all.length;
    this.prior = -Math.log2(Math.max(MIN_PRIOR_RECORDS, all.length));
    const bump = (map: Map<string, number>, key: string) => {
      if (key !== '') map.set(key, (map.get(key) ?? 0) + 1);
    };
    for (const f of all) {
      if (f.firstFull !== '') bumpId(this.firstCounts, f.firstPlainId);
      if (f.last !== '') bumpId(this.lastCounts, f.lastId);
      if (f.firstFull !== '' && f.last !== '') bumpId(this.fullNameCounts, f.firstPlainId * NAME_ID_SPACE + f.lastId);
      bump(this.companyCounts, f.company);
      this.phoneCounts.add(f.phone);
      if (f.mobile !== f.phone) this.phoneCounts.add(f.mobile);
      this.emailCounts.add(f.email);
    }
    this.learned = true;
    for (const f of all) this.fillFrequencies(f);
  }

  /**
   * u for exact agreement on `key`: the share of OTHER records holding it (the
   * two being compared are not evidence that the value is common), smoothed
   * towards `prior` so a handful of records cannot swing the weight.
   */
  private frequency<K>(map: { get(key: K): number | undefined }, key: K, prior: number): number {
    const others = Math.max(0, (map.get(key) ?? 0) - 2);
    return Math.max(U_FLOOR, (others + TF_PSEUDO_RECORDS * prior) / (this.total + TF_PSEUDO_RECORDS));
  }

  blockingKeys(f: PersonFeatures, out: KeySink): void {
    if (f.email !== '') out.add('e', f.email);
    // A Phone held by many records is a switchboard: it would make big blocks of colleagues and proves little.
    if (f.phone !== '' && (this.phoneCounts.get(f.phone) ?? 0) <= SWITCHBOARD_RECORDS) out.add('p', f.phone.slice(-7));
    if (f.mobile !== '') out.add('p', f.mobile.slice(-7));
    // Surname sound with the given name's nickname family (Bob meets Robert). A key with the given name's
    // sound as well was tried: it found no extra duplicates on the benchmarks and doubled the work on
    // common names. An initial alone ("J. Smith") only meets by e-mail, phone, company or address: a key of surname and
    // initial would put every J. Smith, John and James Smith in one block.
    if (f.last !== '') {
      const given = f.firstInitialOnly ? f.firstWord : f.firstCanon;
      out.add('n', f.lastPhon[0], given);
      if (f.lastPhon[1] !== f.lastPhon[0]) out.add('n', f.lastPhon[1], given);
    }
    // The same key with the name parts swapped meets a record whose first and last names were exchanged.
    if (f.firstWord !== '' && f.last !== '' && !f.firstInitialOnly) out.add('n', f.firstPhon[0], f.lastCanon);
    // Surname typos that change its sound: given name with date of birth, company or address.
    if (f.firstWord !== '' && f.dob !== '') out.add('d', f.firstCanon, f.dob);
    if (f.dob !== '' && f.last !== '') out.add('b', f.dob, f.last.slice(0, 1));
    if (f.firstWord !== '' && f.company !== '') out.add('c', f.firstCanon, f.company);
    // Surname at a company also meets records without a given name.
    if (f.last !== '' && f.company !== '') out.add('k', f.lastPhon[0], f.company);
    // An address is shared by households and offices: a key only for records with no e-mail or phone to meet by.
    if (f.email === '' && f.phone === '' && f.mobile === '') {
      if (f.postal !== '' && f.house !== '') out.add('a', f.postal, f.house);
      else if (f.city !== '' && f.street !== '') out.add('a', f.city, f.street);
    }
  }

  splitKeys(f: PersonFeatures, out: string[]): void {
    out.push(f.firstCanon, f.lastPhon[0], f.city, f.postal, f.dob.slice(0, 4));
  }

  // ---- field comparisons: each returns a level; weights come from the tables above ----

  private firstLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.firstFull === '' || b.firstFull === '' || a.latinName !== b.latinName) return BLANK;
    if (a.firstId === b.firstId) return EXACT;
    const key = pairKey(a.firstId, b.firstId);
    let level = this.firstLevels.get(key);
    if (level === undefined) {
      level = givenNameLevel(a.firstFull, a.firstWord, a.firstInitialOnly, a.firstPhon, b.firstFull, b.firstWord, b.firstInitialOnly, b.firstPhon);
      remember(this.firstLevels, key, level);
    }
    return level;
  }

  private lastLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.last === '' || b.last === '' || a.latinName !== b.latinName) return BLANK;
    if (a.last === b.last) return EXACT;
    const key = pairKey(a.lastId, b.lastId);
    let level = this.lastLevels.get(key);
    if (level === undefined) {
      level = surnameLevel(a, b);
      remember(this.lastLevels, key, level);
    }
    return level;
  }

  /** Given name read against a surname (for swaps), cached like the other name levels. */
  private crossLevel(given: PersonFeatures, surname: PersonFeatures): number {
    const key = given.firstId * NAME_ID_SPACE + surname.lastId;
    let level = this.crossLevels.get(key);
    if (level === undefined) {
      level = givenNameLevel(given.firstFull, given.firstWord, given.firstInitialOnly, given.firstPhon, surname.last, surname.last, false, surname.lastPhon);
      remember(this.crossLevels, key, level);
    }
    return level;
  }


  /** Whether first and last names were exchanged: A's first ≈ B's last and A's last ≈ B's first. */
  private swapped(a: PersonFeatures, b: PersonFeatures): boolean {
    if (a.firstFull === '' || b.firstFull === '' || a.last === '' || b.last === '' || a.latinName !== b.latinName) return false;
    // A's given name read as B's surname, and A's surname as B's given name (nicknames and typos allowed).
    const givenOk = this.crossLevel(b, a);
    const givenOk2 = this.crossLevel(a, b);
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
    if (!a.emailGeneric && a.emailLocalBare === b.emailLocalBare && a.emailLocalBare.length >= 5) return STRONG;
    const sameCompanyDomain = a.emailCompanyDomain !== '' && a.emailCompanyDomain === b.emailCompanyDomain;
    const numberedMailbox = a.emailStem === b.emailStem;
    if (!numberedMailbox && a.email.length >= 8 && Math.abs(a.email.length - b.email.length) <= 3 && editSimilarity(a.email, b.email) >= 0.85) return WEAK;
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
    if (phonesAgree(a.phone, b.phone)) u = Math.max(u, a.uPhone, b.uPhone);
    if (phonesAgree(a.phone, b.mobile)) u = Math.max(u, a.uPhone, b.uMobile);
    if (phonesAgree(a.mobile, b.phone)) u = Math.max(u, a.uMobile, b.uPhone);
    if (phonesAgree(a.mobile, b.mobile)) u = Math.max(u, a.uMobile, b.uMobile);
    return u;
  }

  private companyLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.company === '' || b.company === '') return BLANK;
    if (a.company === b.company) return EXACT;
    const key = pairKey(a.companyId, b.companyId);
    let level = this.otherLevels.get(key);
    if (level === undefined) {
      level = jaroWinkler(a.company, b.company) >= 0.92 ? STRONG : DISAGREE;
      remember(this.otherLevels, key, level);
    }
    return level;
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
    const key = pairKey(a.cityId, b.cityId);
    let level = this.otherLevels.get(key);
    if (level === undefined) {
      level = jaroWinkler(a.city, b.city) >= 0.9 ? STRONG : DISAGREE;
      remember(this.otherLevels, key, level);
    }
    return level;
  }

  private postalLevel(a: PersonFeatures, b: PersonFeatures): number {
    if (a.postal === '' || b.postal === '') return BLANK;
    if (a.postal === b.postal) return EXACT;
    if (a.postal.length < 4 || Math.abs(a.postal.length - b.postal.length) > 1) return DISAGREE;
    return editDistance(a.postal, b.postal) <= 1 ? STRONG : DISAGREE;
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
    const uFirst = Math.max(a.uFirst, b.uFirst);
    const uLast = Math.max(a.uLast, b.uLast);
    const uFull = Math.max(a.uFull, b.uFull, a.uFullReversed, b.uFullReversed);
    return log2((M_FIRST_EXACT * M_LAST_EXACT) / Math.max(uFirst * uLast, uFull)) - SWAP_PENALTY;
  }

  /**
   * Given names and surnames are not independent (Icelandic given names go with
   * Icelandic patronymics, "Wei Wang" is one of the most common names on earth),
   * so the product of the two frequencies can make a common full name look rare.
   * The frequency of the full name in the data set is a floor for that product.
   */
  private fullNameFrequency(firstPlainId: number, lastId: number): number {
    // A full name is mostly held by copies of one person: the first few holders are not namesakes.
    const others = Math.max(0, (this.fullNameCounts.get(firstPlainId * NAME_ID_SPACE + lastId) ?? 0) - 2 - FULL_NAME_OWN_COPIES);
    return Math.max(U_FULL_NAME_FLOOR, (others + TF_PSEUDO_RECORDS * U_FIRST_DEFAULT * U_LAST_DEFAULT) / (this.total + TF_PSEUDO_RECORDS));
  }

  private firstWeight(level: number, a: PersonFeatures, b: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_FIRST_EXACT / a.uFirst);
      // A typo or nickname of a rare name says more than one of a common name: the rarer reading counts, less a margin.
      case STRONG: return Math.max(W_FIRST.strong, log2(M_FIRST_EXACT / Math.max(a.uFirst, b.uFirst)) - FUZZY_MARGIN);
      case INITIAL: return W_FIRST.initial;
      case WEAK: return W_FIRST.weak;
      case DISAGREE: return W_FIRST.disagree;
      default: return 0;
    }
  }

  private lastWeight(level: number, a: PersonFeatures, b: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_LAST_EXACT / a.uLast);
      case STRONG: return Math.max(W_LAST.strong, log2(M_LAST_EXACT / Math.max(a.uLast, b.uLast)) - FUZZY_MARGIN);
      case PHONETIC: return W_LAST.phonetic;
      case WEAK: return W_LAST.weak;
      case DISAGREE: return W_LAST.disagree;
      default: return 0;
    }
  }

  private emailWeight(level: number, a: PersonFeatures): number {
    switch (level) {
      case EXACT: return log2(M_EMAIL_EXACT / a.uEmail);
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
      case EXACT: return log2(M_COMPANY_EXACT / a.uCompany);
      case STRONG: return W_COMPANY.fuzzy;
      case DISAGREE: return W_COMPANY.disagree;
      default: return 0;
    }
  }

  weight(a: PersonFeatures, b: PersonFeatures): number {
    return this.evaluate(a, b, null, -Infinity);
  }

  weightAtLeast(a: PersonFeatures, b: PersonFeatures, cutoff: number): number {
    return this.evaluate(a, b, null, cutoff);
  }

  explain(a: PersonFeatures, b: PersonFeatures): Explanation {
    const evidence: FieldEvidence[] = [];
    const reasons: Array<[number, string]> = [];
    const weight = this.evaluate(a, b, { evidence, reasons }, -Infinity);
    reasons.sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    return { weight, evidence, reasons: reasons.map((r) => r[1]) };
  }

  /**
   * The one scoring routine, so the explained score is exactly the score used
   * for grouping. With `sink` null (the hot path) nothing is allocated.
   */
  /**
   * With a finite `cutoff` (pair screening) it may stop after the names and
   * return an upper bound below the cutoff when the other fields present could
   * not lift the pair to it: most blocked pairs are clearly different people.
   */
  private evaluate(a: PersonFeatures, b: PersonFeatures, sink: { evidence: FieldEvidence[]; reasons: Array<[number, string]> } | null, cutoff: number): number {
    let total = this.prior;
    let firstLevel = this.firstLevel(a, b);
    let lastLevel = this.lastLevel(a, b);
    let swap = false;
    // A given name may look like the other's surname by chance ("William" / "Williams"), so only an exact
    // given name rules a swap out.
    if (firstLevel !== EXACT && firstLevel !== BLANK && (lastLevel === DISAGREE || lastLevel === WEAK || lastLevel === PHONETIC) && this.swapped(a, b)) {
      swap = true;
      firstLevel = SWAP;
      lastLevel = SWAP;
    }
    let names: number;
    let firstW = 0;
    let lastW = 0;
    if (swap) names = this.swapWeight(a, b);
    else {
      firstW = this.firstWeight(firstLevel, a, b);
      lastW = this.lastWeight(lastLevel, a, b);
      names = firstW + lastW;
      if (firstLevel === EXACT && lastLevel === EXACT) {
        const uFull = a.uFull;
        const uProduct = a.uFirst * a.uLast;
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
    if (cutoff > -Infinity) {
      const hasEmails = a.email !== '' && b.email !== '';
      const hasPhones = (a.phone !== '' || a.mobile !== '') && (b.phone !== '' || b.mobile !== '');
      const best = total
        + (hasEmails ? MAX_EMAIL_WEIGHT : 0)
        + (hasPhones ? MAX_PHONE_WEIGHT : 0)
        + (namesConflict ? SHARED_CAP : HOUSEHOLD_CAP) + W_COUNTRY_EXACT
        + (a.dob !== '' && b.dob !== '' ? W_DOB.exact : 0);
      if (best < cutoff) return best;
    }

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
      evidence.push({ field: 'Email', comparison: emailLevel === STRONG ? 'local part' : emailLevel === WEAK ? 'edit distance' : emailLevel === GENERIC ? 'exact (shared mailbox)' : emailLevel === CONFLICT ? 'different (same company domain)' : levelName(emailLevel), weight: roundWeight(emailW), agreement: agreementOf(emailLevel === GENERIC ? WEAK : emailLevel) });
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

const NAME_ID_SPACE = 2 ** 24;

function bumpId(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

// Names, companies, streets and cities repeat across a data set: work each value out once.
const compactKeys = new Map<string, string>();
const EMPTY_GIVEN: NameParts = { full: '', first: '', generation: '', initialOnly: false };
const EMPTY_SURNAME = { key: '', generation: '' };

/** City key: folded letters, Chinese city names in pinyin (北京 = Beijing). */
function cityKey(city: string): string {
  return compactKey(romanizeHan(city));
}

/** Folded Latin text is ASCII letters and digits only. */
function isLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
function memo(cache: Map<string, string>, value: string | null | undefined, compute: (v: string) => string): string {
  if (!value) return '';
  let key = cache.get(value);
  if (key === undefined) {
    key = compute(value);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(value, key);
  }
  return key;
}
const CACHE_LIMIT = 1_000_000;

/** Order-free key of two interned name ids. */
function pairKey(x: number, y: number): number {
  return x < y ? x * NAME_ID_SPACE + y : y * NAME_ID_SPACE + x;
}

function remember(cache: Map<number, number>, key: number, level: number): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, level);
}

const pos = (w: number) => (w > 0 ? w : 0);
const neg = (w: number) => (w < 0 ? w : 0);

/** Surname agreement: a typo is STRONG, sounding alike or a double-barrelled part PHONETIC, look-alike WEAK. */
function surnameLevel(a: PersonFeatures, b: PersonFeatures): number {
  // A typo; two edits are not ("Pereira"/"Ferreira" are two families).
  if (isTypo(a.last, b.last)) return STRONG;
  if (phoneticAgree(a.lastPhon, b.lastPhon)) return PHONETIC;
  // Double-barrelled and married names: "Garcia Lopez" / "Garcia" (as weak as sounding alike).
  if (Math.min(a.last.length, b.last.length) >= 4 && (a.last.startsWith(b.last) || b.last.startsWith(a.last) || a.last.endsWith(b.last) || b.last.endsWith(a.last))) return PHONETIC;
  if (jaroWinkler(a.last, b.last) >= 0.88) return WEAK;
  return DISAGREE;
}

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
  // Sounding alike is not enough for given names ("John"/"Jane" are both JN): it must also look alike.
  const jw = jaroWinkler(fullA, fullB);
  if (jw >= 0.85 || (jw >= 0.75 && phoneticAgree(phonA, phonB))) return WEAK;
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
