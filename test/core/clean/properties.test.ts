import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode, type Examples } from 'libphonenumber-js/max';
import { companyKey, isLegalForm } from '../../../src/core/clean/company.js';
import { COUNTRY_NAME_LOCALES, standardizeCountry } from '../../../src/core/clean/countries.js';
import { dateOrderForLocale, formatDate, parseDate, type DateOrder } from '../../../src/core/clean/dates.js';
import { cleanPhone } from '../../../src/core/clean/phones.js';
import { splitPersonName } from '../../../src/core/clean/names.js';

const require = createRequire(import.meta.url);
const examples = require('libphonenumber-js/examples.mobile.json') as Examples;
const digits = (s: string): string => s.replace(/\D/g, '');

describe('cleanPhone properties', () => {
  const countries: CountryCode[] = ['LV', 'FI', 'IS', 'PT', 'BR', 'CN', 'US', 'GB', 'DE', 'FR', 'SE', 'EE', 'LT', 'PL', 'ES', 'IT', 'NL'];

  // Valid numbers: a country's example mobile number with random last digits, kept only if still valid.
  const validNumber = fc
    .record({ country: fc.constantFrom(...countries), tail: fc.integer({ min: 0, max: 9999 }), style: fc.constantFrom('national', 'e164', 'intl', 'idd', 'dashes', 'dots') })
    .map(({ country, tail, style }) => {
      const example = getExampleNumber(country, examples)!;
      const nsn = example.nationalNumber.slice(0, -4) + String(tail).padStart(4, '0');
      return { country, nsn, style };
    })
    .filter(({ country, nsn }) => parsePhoneNumberFromString(nsn, country)?.isValid() === true);

  it('never loses the digits of a valid number, however it is written', () => {
    fc.assert(
      fc.property(validNumber, ({ country, nsn, style }) => {
        const parsed = parsePhoneNumberFromString(nsn, country)!;
        const written =
          style === 'national' ? parsed.formatNational()
          : style === 'e164' ? parsed.number
          : style === 'intl' ? parsed.formatInternational()
          : style === 'idd' ? `00${parsed.countryCallingCode} ${nsn}`
          : style === 'dashes' ? parsed.formatNational().replace(/\s/g, '-')
          : parsed.formatNational().replace(/\s/g, '.');
        const result = cleanPhone(written, country);
        expect(result.problem).toBeUndefined();
        expect(digits(result.value!).endsWith(nsn)).toBe(true);
        expect(result.value).toBe(parsed.formatInternational());
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the typed text, or only digits that were typed, for any input', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9 +()\-./x]{0,24}$/), fc.constantFrom<CountryCode | undefined>(undefined, 'LV', 'US', 'DE'), (raw, country) => {
        const result = cleanPhone(raw, country);
        const trimmed = raw.replace(/\s+/g, ' ').trim();
        if (trimmed === '') {
          expect(result.value).toBeNull();
          return;
        }
        if (result.problem !== undefined) {
          expect(result.value).toBe(trimmed);
          return;
        }
        // Reformatted: its national number must be made of the typed digits, in order, at the end.
        const reparsed = parsePhoneNumberFromString(result.value!.replace(/ ext\. \d+$/, ''))!;
        const typed = digits(result.extension ? raw.slice(0, raw.lastIndexOf(result.extension)) : raw);
        expect(typed.endsWith(reparsed.nationalNumber)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseDate properties', () => {
  const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('round-trips every date written in any order with any separator', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom<DateOrder>('MDY', 'DMY', 'YMD'), fc.constantFrom('/', '.', '-', ' '), (iso, order, separator) => {
        expect(parseDate(formatDate(iso, order, separator), order)).toBe(iso);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads long dates as Intl writes them in every supported locale', () => {
    const locales = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pt-PT', 'pt-BR', 'it-IT', 'nl-NL', 'fi-FI', 'sv-SE', 'da-DK', 'nb-NO', 'is-IS', 'lv-LV', 'lt-LT', 'et-EE', 'pl-PL', 'cs-CZ', 'ru-RU', 'uk-UA', 'zh-CN', 'ja-JP', 'ko-KR'];
    fc.assert(
      fc.property(isoDate, fc.constantFrom(...locales), fc.constantFrom<'long' | 'short'>('long', 'short'), (iso, locale, month) => {
        const written = new Intl.DateTimeFormat(locale, { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
        expect({ written, parsed: parseDate(written, dateOrderForLocale(locale)) }).toEqual({ written, parsed: iso });
      }),
      { numRuns: 1500 },
    );
  });
});

describe('standardizeCountry properties', () => {
  const names: string[] = [];
  for (const locale of COUNTRY_NAME_LOCALES) {
    const data = require(`i18n-iso-countries/langs/${locale}.json`) as { countries: Record<string, string | string[]> };
    for (const value of Object.values(data.countries)) names.push(...(Array.isArray(value) ? value : [value]));
  }

  it('is idempotent for every name of every supported locale', () => {
    let recognised = 0;
    for (const name of names) {
      const first = standardizeCountry(name);
      if (first === null) continue; // ambiguous across languages
      recognised++;
      expect(standardizeCountry(first.name)).toEqual(first);
      expect(standardizeCountry(first.code)).toEqual(first);
    }
    // Nearly every name is recognised; the few left out mean different countries in different languages.
    expect(recognised / names.length).toBeGreaterThan(0.99);
  });

  it('ignores case, surrounding spaces and dots', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('upper', 'lower', 'padded', 'dotted'), (name, change) => {
        const changed = change === 'upper' ? name.toUpperCase() : change === 'lower' ? name.toLowerCase() : change === 'padded' ? `  ${name}\u00A0` : `${name}.`;
        expect(standardizeCountry(changed)).toEqual(standardizeCountry(name));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('companyKey properties', () => {
  const word = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]{2,10}$/).filter((w) => !isLegalForm(w) && w.toLowerCase() !== 'the');
  const name = fc.array(word, { minLength: 1, maxLength: 4 });
  const legalForm = fc.constantFrom('Inc.', 'GmbH', 'GmbH & Co. KG', 'S.A.', 'SIA', 'Oy', 'hf.', 'Ltda.', 'Lda.', 'Sp. z o.o.', 'AB', 'A/S', 'LLC', 'plc', 'B.V.', 'Co., Ltd.');

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(companyKey(companyKey(text))).toBe(companyKey(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(name, legalForm, (words, form) => {
      const key = companyKey(`${words.join(' ')} ${form}`);
      expect(companyKey(key)).toBe(key);
    }));
  });

  it('ignores case, punctuation and a legal form', () => {
    fc.assert(
      fc.property(name, legalForm, fc.constantFrom(' ', ', ', ' - ', '. ', ' / '), (words, form, separator) => {
        const plain = words.join(' ');
        const key = companyKey(plain);
        expect(companyKey(plain.toUpperCase())).toBe(key);
        expect(companyKey(plain.toLowerCase())).toBe(key);
        expect(companyKey(words.join(separator))).toBe(key);
        expect(companyKey(`${plain} ${form}`)).toBe(key);
        expect(companyKey(`${plain}, ${form}`)).toBe(key);
        expect(companyKey(`The ${plain}`)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitPersonName properties', () => {
  // Capitalised words in several scripts; one-case words would be re-cased, so mixed case is kept.
  const word = fc.stringMatching(/^[A-ZÁÉÍÓÚÞÆÖĀĒĪŪŠŽČ][a-záéíóúðþæöāēīūšžčņļķģ]{2,9}$/);

  it('keeps every word of a name in the first, middle or last name, in order', () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom<'given-first' | 'family-first'>('given-first', 'family-first'), fc.boolean(), (words, order, doubleSurname) => {
        const parts = splitPersonName(words.join(' '), { order, doubleSurname });
        const given = [parts.FirstName, parts.MiddleName].filter(Boolean).join(' ');
        const rebuilt = (order === 'family-first' ? [parts.LastName, given] : [given, parts.LastName]).filter(Boolean).join(' ');
        const titlesOrSuffixes = [parts.Salutation, parts.Honorific, parts.Suffix].filter(Boolean);
        // A word that is a title or suffix ("Herra", "Junior") may move there; otherwise nothing is lost or moved.
        if (titlesOrSuffixes.length === 0) expect(rebuilt).toBe(words.join(' '));
        expect(parts.LastName).toBeTruthy();
      }),
      { numRuns: 1000 },
    );
  });
});
