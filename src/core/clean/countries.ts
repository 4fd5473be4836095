import { createRequire } from 'node:module';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/**
 * Country names in many languages → one spelling per country (the English short name)
 * plus the ISO 3166-1 alpha-2 code, using i18n-iso-countries' name tables.
 */

interface LocaleData {
  locale: string;
  countries: Record<string, string | string[]>;
}
interface CountriesLib {
  registerLocale(data: LocaleData): void;
  getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  getAlpha2Codes(): Record<string, string>;
  getAlpha3Codes(): Record<string, string>;
}

// The package is CommonJS and its ESM-less entry registers all 78 locales on load; the core
// entry plus only the locales our admins write in keeps start-up cheap.
const require = createRequire(import.meta.url);

/** Languages whose country names are recognised (exports come from admins in these countries). */
export const COUNTRY_NAME_LOCALES = [
  'en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'fi', 'sv', 'da', 'no', 'nb', 'is', 'lv', 'lt', 'et', 'pl', 'cs', 'ru', 'uk', 'zh', 'ja',
] as const;

// Names the tables lack or that admins type anyway. Constituent countries map to the UK.
const ALIASES: Record<string, string> = {
  'etats unis': 'US', 'etats unis damerique': 'US', eua: 'US', asv: 'US', america: 'US', 'u s of a': 'US', usa: 'US',
  '美國': 'US', '美利坚合众国': 'US',
  england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', britain: 'GB', 'united kingdom of great britain and northern ireland': 'GB',
  '英國': 'GB', '联合王国': 'GB',
  brd: 'DE', 'bundesrepublik deutschland': 'DE', '德國': 'DE',
  prc: 'CN', 'p r china': 'CN', 'pr china': 'CN', 'mainland china': 'CN', '中华人民共和国': 'CN', '中國': 'CN', '中国大陆': 'CN',
  '香港': 'HK', '台湾': 'TW', '臺灣': 'TW', '台灣': 'TW',
  holland: 'NL', 'the netherlands': 'NL',
  cesko: 'CZ', 'czech republic': 'CZ', 'slovak republic': 'SK',
  eire: 'IE', 'republic of ireland': 'IE',
  macedonia: 'MK', 'viet nam': 'VN', 'russian federation': 'RU',
  uae: 'AE', 'kingdom of saudi arabia': 'SA', ksa: 'SA',
  suisse: 'CH', svizzera: 'CH', 'schweizerische eidgenossenschaft': 'CH',
};

// Where the English table's first name is a long official form, the name admins use instead.
const DISPLAY_NAMES: Record<string, string> = {
  US: 'United States', CN: 'China', RU: 'Russia', KR: 'South Korea', KP: 'North Korea', TW: 'Taiwan', IR: 'Iran', SY: 'Syria',
  LA: 'Laos', MD: 'Moldova', MK: 'North Macedonia', TZ: 'Tanzania', VA: 'Vatican City', FM: 'Micronesia', PS: 'Palestine',
  GM: 'Gambia', CZ: 'Czechia', CI: "Côte d'Ivoire", FK: 'Falkland Islands', VG: 'British Virgin Islands',
  VI: 'U.S. Virgin Islands', BO: 'Bolivia', VE: 'Venezuela', BN: 'Brunei', CG: 'Republic of the Congo', CD: 'Democratic Republic of the Congo',
};

/** Fold case, accents, punctuation and "the": "U.S.A." → "usa", "Côte d’Ivoire" → "cote divoire", "ÍSLAND" → "island". */
export function countryKey(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[.'’`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

interface CountryIndex {
  byKey: Map<string, string | null>; // null = ambiguous ("Congo")
  names: Map<string, string>; // alpha-2 → display name
}
let index: CountryIndex | undefined;

function buildIndex(): CountryIndex {
  const lib = require('i18n-iso-countries/index.js') as CountriesLib;
  for (const locale of COUNTRY_NAME_LOCALES) lib.registerLocale(require(`i18n-iso-countries/langs/${locale}.json`) as LocaleData);
  const english = lib.getNames('en', { select: 'all' });
  const names = new Map<string, string>();
  for (const [code, list] of Object.entries(english)) names.set(code, DISPLAY_NAMES[code] ?? list[0]!);

  const byKey = new Map<string, string | null>();
  // Tiers in priority order: a key set by an earlier tier is never overridden; a key that
  // means different countries within one tier is ambiguous and maps to null.
  const addTier = (entries: Iterable<[string, string]>): void => {
    const tier = new Map<string, Set<string>>();
    for (const [name, code] of entries) {
      const key = countryKey(name);
      if (key === '' || byKey.has(key)) continue;
      let codes = tier.get(key);
      if (!codes) tier.set(key, (codes = new Set()));
      codes.add(code);
    }
    for (const [key, codes] of tier) byKey.set(key, codes.size === 1 ? [...codes][0]! : null);
  };
  addTier([...names].map(([code, name]) => [name, code] as [string, string]));
  addTier(Object.entries(ALIASES).map(([name, code]) => [name, code] as [string, string]));
  addTier([...names.keys()].map((code) => [code, code] as [string, string]));
  addTier(Object.entries(lib.getAlpha3Codes()).map(([alpha3, code]) => [alpha3, code] as [string, string]));
  const localeEntries = (locale: string): [string, string][] =>
    Object.entries(lib.getNames(locale, { select: 'all' })).flatMap(([code, list]) => list.map((name) => [name, code] as [string, string]));
  addTier(localeEntries('en'));
  addTier(COUNTRY_NAME_LOCALES.filter((l) => l !== 'en').flatMap(localeEntries));
  return { byKey, names };
}

/** Builds the country-name index now rather than on the first country read (~0.1 s). */
export function loadCountryIndex(): void {
  index ??= buildIndex();
}

/**
 * "USA", "Vereinigte Staaten", "美国", "Latvija", "lva", "ÍSLAND" → `{ name: 'United States', code: 'US' }` etc.:
 * one English spelling per country plus its ISO alpha-2 code. Unknown or ambiguous names
 * ("Congo", "Korea") → null: the pipeline keeps the original text and warns.
 */
export function standardizeCountry(raw: string | null | undefined): { name: string; code: string } | null {
  if (raw == null) return null;
  index ??= buildIndex();
  const key = countryKey(raw);
  if (key === '') return null;
  const code = index.byKey.get(key);
  if (!code) return null;
  return { name: index.names.get(code)!, code };
}

/** The phone region of a locale such as "lv-LV" or "pt-BR"; undefined when it names no country. */
export function phoneRegionOfLocale(locale: string): CountryCode | undefined {
  const region = locale.split('-')[1];
  if (!region) return undefined;
  // Usually already an ISO code: no need to build the country-name index for it.
  return isSupportedCountry(region) ? region : countryToDefaultPhoneRegion(region);
}

/** The libphonenumber region for a country cell, to read local phone numbers in that row: "Suomi" → "FI". */
export function countryToDefaultPhoneRegion(raw: string | null | undefined): CountryCode | undefined {
  const country = standardizeCountry(raw);
  return country && isSupportedCountry(country.code) ? (country.code as CountryCode) : undefined;
}
