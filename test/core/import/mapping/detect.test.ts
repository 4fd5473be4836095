import { describe, expect, it } from 'vitest';
import { detectSource, forcedSource } from '../../../../src/core/import/sources/index.js';
import { VCARD_HEADERS } from '../../../../src/core/import/sources/vcard.js';
import { isCrmError } from '../../../../src/core/errors.js';
import { readFixture } from './fixture.js';

describe('detectSource', () => {
  it.each([
    ['outlook-english-exchange-contact.csv', 'utf-8', ',', 'outlook', 'en'],
    ['outlook-german-headers.csv', 'windows-1252', ',', 'outlook', 'de'],
    ['outlook-french-trailing-spaces.csv', 'windows-1252', ',', 'outlook', 'fr'],
    ['outlook-spanish-mixed-headers.csv', 'windows-1252', ',', 'outlook', 'es'],
    ['outlook-dutch-headers.csv', 'utf-8', ';', 'outlook', 'nl'],
    ['outlook-brazilian-portuguese-headers.csv', 'utf-8', ',', 'outlook', 'pt-BR'],
    ['outlook-japanese-shift-jis.csv', 'shift_jis', ',', 'outlook', 'ja'],
    ['google-outlook-csv.csv', 'utf-8', ',', 'outlook', 'en'],
  ])('%s is Outlook in language %s', (file, encoding, delimiter, source, language) => {
    const { headers } = readFixture(file, encoding, delimiter);
    const found = detectSource(headers, 'csv');
    expect(found.source).toBe(source);
    expect(found.language).toBe(language);
    expect(found.confidence).toBeGreaterThan(0.5);
    expect(found.reasons.join(' ')).toMatch(/headers are .*Outlook/);
  });

  it('tells Outlook.com (61 columns) from desktop Outlook', () => {
    const { headers } = readFixture('outlook-com-61-columns.csv');
    expect(headers).toHaveLength(61);
    const found = detectSource(headers, 'csv');
    expect(found.source).toBe('outlook-com');
    expect(found.language).toBeUndefined();
  });

  it('tells the new Google format from the Gmail-era one', () => {
    expect(detectSource(readFixture('google-new-sparse.csv').headers, 'csv').source).toBe('google');
    expect(detectSource(readFixture('google-legacy-gmail-era.csv').headers, 'csv').source).toBe('google-legacy');
  });

  it('detects ACT! with hyphenated field names, tab-delimited', () => {
    const found = detectSource(readFixture('act-text-hyphen-periods.txt', 'windows-1252', '\t').headers, 'csv');
    expect(found.source).toBe('act');
    expect(found.reasons[1]).toContain('"Contact"');
  });

  it('vCard is decided by the format alone', () => {
    expect(detectSource(VCARD_HEADERS.map(([h]) => h), "vcard")).toMatchObject({ source: 'vcard', confidence: 1 });
  });

  it('is robust to reordering, case, NBSP, trailing spaces and missing optional columns', () => {
    const { headers } = readFixture('outlook-german-headers.csv', 'windows-1252');
    const mangled = [...headers].reverse().slice(0, 40).map((h, i) => (i % 3 === 0 ? ` ${h.toUpperCase()}\u00a0` : h));
    const found = detectSource(mangled, 'csv');
    expect(found).toMatchObject({ source: 'outlook', language: 'de' });
  });

  it('still detects a partial header row when distinctive headers are present', () => {
    expect(detectSource(['Contact', 'Company', 'ZIP Code', 'Customer Since', 'Favourite Colour', 'Region Code'], 'csv').source).toBe('act');
    expect(detectSource(['Vorname', 'Nachname', 'E-Mail-Adresse', 'Kundennummer', 'Umsatz 2024'], 'xlsx')).toMatchObject({ source: 'outlook', language: 'de' });
    expect(detectSource(['First Name', 'Last Name', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'Internal Id'], 'csv').source).toBe('outlook');
  });

  it('falls back to generic csv/xlsx for a plain spreadsheet', () => {
    const plain = ['First Name', 'Last Name', 'Email', 'Company', 'Phone', 'City'];
    expect(detectSource(plain, 'csv')).toMatchObject({ source: 'csv', confidence: 0 });
    expect(detectSource(plain, 'xlsx').source).toBe('xlsx');
    expect(detectSource(readFixture('generic-latvian-headers.csv').headers, 'csv').source).toBe('csv');
    expect(detectSource([], 'csv').source).toBe('csv');
  });

  it('--source overrides detection, with an optional Outlook language', () => {
    const detected = detectSource(['First Name', 'Last Name'], 'csv');
    expect(forcedSource('outlook:de', detected)).toMatchObject({ source: 'outlook', language: 'de', forced: true, confidence: 1 });
    expect(forcedSource('outlook', detected)).toMatchObject({ source: 'outlook', language: 'en' });
    expect(forcedSource('google', detected)).toMatchObject({ source: 'google' });
    expect(forcedSource('outlook:pt-br', detected).language).toBe('pt-BR');
    try {
      forcedSource('lotus', detected);
      expect.unreachable();
    } catch (e) {
      expect(isCrmError(e) && e.code).toBe('USAGE');
    }
    expect(() => forcedSource('outlook:xx', detected)).toThrow(/no Outlook header table/);
  });
});
