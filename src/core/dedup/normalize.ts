import { createRequire } from 'node:module';

/**
 * Value keys for matching: the same value typed on a Latvian keyboard, an
 * English one or by a phone's autocorrect should give the same key.
 */

// Letters that Unicode decomposition leaves alone but that people transliterate
// when they lack the key: "Þórsdóttir" is typed "Thorsdottir", "Søren" "Soren".
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h', ŋ: 'ng', ŧ: 't', ĸ: 'k',
};
const TRANSLIT_RE = /[ßæœøđðþłıħŋŧĸ]/g;

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/** Lower case, accents removed, special letters transliterated: "Bērziņš" → "berzins". Other scripts are kept as they are. */
export function fold(value: string): string {
  const cached = foldCache.get(value);
  if (cached !== undefined) return cached;
  let out = value.toLowerCase();
  // Pure ASCII needs no decomposition, which is the slow part.
  if (/[^\x00-\x7f]/.test(out)) {
    out = out.normalize('NFKD').replace(/\p{M}/gu, '').replace(TRANSLIT_RE, (ch) => TRANSLITERATIONS[ch]!);
  }
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(value, out);
  return out;
}

/** Letters and digits only, folded: "O'Brien-Smith" → "obriensmith". */
export function compactKey(value: string | null | undefined): string {
  if (!value) return '';
  return fold(value).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Folded words: "Jean-Pierre  de la Cruz" → ["jean", "pierre", "de", "la", "cruz"]. */
export function words(value: string | null | undefined): string[] {
  if (!value) return [];
  return fold(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const GENERATION_WORDS = new Map<string, string>([
  ['jr', 'jr'], ['junior', 'jr'], ['jnr', 'jr'], ['sr', 'sr'], ['senior', 'sr'], ['snr', 'sr'],
  ['ii', 'ii'], ['iii', 'iii'], ['iv', 'iv'],
]);
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'herr', 'frau', 'fr', 'hr', 'mme', 'mlle', 'sr', 'sra', 'srta', 'dona', 'don', 'ing', 'dipl', 'mag',
]);

export interface NameParts {
  /** All words joined: "jeanpierre". */
  full: string;
  /** First word: "jean" (the given name people actually use). */
  first: string;
  /** Generation marker found in either name part ('jr', 'sr', 'iii'), or ''. */
  generation: string;
  /** Whether the first name is only an initial ("J." or "J"). */
  initialOnly: boolean;
}

/** Split a given name, dropping honorifics and generation markers ("Dr. John Jr." → john, generation jr). */
export function givenNameParts(value: string | null | undefined): NameParts {
  const { kept, generation } = withoutGeneration(words(value), (w, i, all) => i < all.length - 1 && HONORIFICS.has(w));
  const first = kept[0] ?? '';
  return { full: kept.join(''), first, generation, initialOnly: kept.length > 0 && kept.every((w) => w.length === 1) };
}

/** A surname key and generation marker: "Smith Jr." → smith / jr; "van der Berg" → vanderberg. */
export function surnameParts(value: string | null | undefined): { key: string; generation: string } {
  const { kept, generation } = withoutGeneration(words(value), () => false);
  return { key: kept.join(''), generation };
}

/**
 * Words of a name without its generation marker ("Jr.", "III"; never the first word) and without
 * leading words `dropLeading` rejects (honorifics count only in front of another word).
 */
function withoutGeneration(all: string[], dropLeading: (word: string, index: number, all: string[]) => boolean): { kept: string[]; generation: string } {
  let generation = '';
  const kept: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const w = all[i]!;
    const gen = GENERATION_WORDS.get(w);
    if (gen !== undefined && i > 0) {
      generation = gen;
      continue;
    }
    if (kept.length === 0 && dropLeading(w, i, all)) continue;
    kept.push(w);
  }
  return { kept, generation };
}

/**
 * E-mail key: trimmed, lower case, "+tag" removed, and for Gmail the dots
 * dropped (Gmail ignores them), so john.doe+crm@gmail.com = johndoe@gmail.com.
 */
export function emailKey(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.trim().toLowerCase().replace(/^mailto:/, '');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return '';
  let local = text.slice(0, at);
  let domain = text.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (domain === 'gmail.com') local = local.replace(/\./g, '');
  return `${local}@${domain}`;
}

/** The part before "@" of an e-mail key. */
export function emailLocal(key: string): string {
  const at = key.lastIndexOf('@');
  return at < 0 ? key : key.slice(0, at);
}

/** How many trailing digits identify a number once country code and trunk prefix are ignored. */
export const PHONE_SIGNIFICANT_DIGITS = 9;
const PHONE_MIN_DIGITS = 6;

/**
 * Phone digits for matching: formatting, "+", "00" and country code ignored by
 * keeping the last 9 digits ("+49 30 1234567" and "030 1234567" agree).
 * Written here because src/core/clean/phones.ts did not exist yet.
 */
export function digitsKey(value: string | null | undefined): string {
  if (!value) return '';
  // Extensions ("x12", "ext. 12", "Durchwahl") are not part of the line number.
  const main = /[a-z#]/i.test(value) ? (value.split(/\s*(?:x|ext\.?|extension|#|dw|durchwahl)\s*\d+\s*$/i)[0] ?? value) : value;
  const digits = main.replace(/\D+/g, '');
  if (digits.length < PHONE_MIN_DIGITS) return '';
  return digits.length > PHONE_SIGNIFICANT_DIGITS ? digits.slice(-PHONE_SIGNIFICANT_DIGITS) : digits;
}

/** Two phone keys agree if one ends with the other (a local number without area code still counts). */
export function phonesAgree(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  return a.length >= b.length ? a.endsWith(b) : b.endsWith(a);
}

/** Birthdate as yyyymmdd from ISO, yyyymmdd, dd.mm.yyyy or dd/mm/yyyy (day first, as most of the world writes); '' if unreadable. */
export function dateKey(value: string | null | undefined): string {
  if (!value) return '';
  const text = value.trim();
  let m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(text);
  if (m) return `${m[1]}${m[2]}${m[3]}`;
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (m) return `${m[3]}${m[2]!.padStart(2, '0')}${m[1]!.padStart(2, '0')}`;
  return '';
}

const STREET_ABBREVIATIONS = new Map<string, string>([
  ['street', 'st'], ['str', 'st'], ['strasse', 'st'], ['road', 'rd'], ['avenue', 'ave'], ['av', 'ave'], ['boulevard', 'blvd'], ['blv', 'blvd'],
  ['drive', 'dr'], ['lane', 'ln'], ['place', 'pl'], ['court', 'ct'], ['crescent', 'cres'], ['terrace', 'tce'], ['circuit', 'cct'],
  ['highway', 'hwy'], ['square', 'sq'], ['north', 'n'], ['south', 's'], ['east', 'e'], ['west', 'w'], ['iela', 'iela'], ['katu', 'katu'],
]);

/** Street key: folded words with common street-type words shortened ("12 Main Street" = "12 main st."). */
export function streetKey(value: string | null | undefined): string {
  const ws = words(value);
  if (ws.length === 0) return '';
  // German-style compounds: "Hauptstraße" → "hauptst" so it equals "Hauptstr.".
  return ws
    .map((w) => STREET_ABBREVIATIONS.get(w) ?? w.replace(/(strasse|str)$/, 'st'))
    .join(' ');
}

/** The first run of digits in a street, the house number: "Brīvības iela 12-4" → "12". */
export function houseNumber(street: string): string {
  const m = /\d+/.exec(street);
  return m ? m[0] : '';
}

/** Web site domain: "https://www.Acme.com/about" → "acme.com". */
export function domainKey(value: string | null | undefined): string {
  if (!value) return '';
  let text = value.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at >= 0) text = text.slice(at + 1);
  text = text.replace(/^[a-z]+:\/\//, '').replace(/[/?#:].*$/, '').replace(/^www\d*\./, '');
  return text.includes('.') ? text : '';
}

const HAN = /\p{Script=Han}/u;

type PinyinPro = typeof import('pinyin-pro');
let pinyinPro: PinyinPro | undefined;
/** pinyin-pro's dictionaries take ~0.1 s to load: loaded on the first Han name, not by every command that may compare names. */
const loadPinyin = (): PinyinPro => (pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro);

/**
 * Han characters to toneless pinyin, so 王伟 meets Wang Wei: address books hold
 * Chinese names in either script. Surnames use the surname readings (曾 → zeng,
 * not ceng). Text without Han characters is returned unchanged.
 */
export function romanizeHan(text: string | null | undefined, asSurname = false): string {
  if (!text || !HAN.test(text)) return text ?? '';
  return text
    .split(/\s+/)
    .map((part) => (HAN.test(part) ? loadPinyin().pinyin(part, { toneType: 'none', type: 'array', surname: asSurname ? 'head' : 'off' }).join('') : part))
    .join(' ');
}
