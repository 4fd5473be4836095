import { describe, expect, it } from 'vitest';
import { countryToDefaultPhoneRegion, phoneRegionOfLocale, standardizeCountry } from '../../../src/core/clean/countries.js';

describe('standardizeCountry', () => {
  it.each([
    // United States in many spellings and languages
    ...['USA', 'US', 'us', 'U.S.A.', 'U.S.', 'United States', 'United States of America', 'UNITED STATES', 'Vereinigte Staaten', 'États-Unis', 'Etats-Unis', 'Estados Unidos', 'EUA', 'ASV', 'Amerikas Savienotās Valstis', 'Yhdysvallat', 'Bandaríkin', '美国', '美國', 'USA ', 'usa.'].map((raw) => [raw, 'United States', 'US']),
    ...['UK', 'Great Britain', 'United Kingdom', 'England', 'Scotland', 'GB', 'GBR', 'Vereinigtes Königreich', 'Lielbritānija', 'Reino Unido', '英国'].map((raw) => [raw, 'United Kingdom', 'GB']),
    ...['Germany', 'Deutschland', 'Allemagne', 'Alemanha', 'Saksa', 'Vācija', 'Þýskaland', 'Niemcy', 'DE', 'deu', '德国'].map((raw) => [raw, 'Germany', 'DE']),
    ...['Latvia', 'Latvija', 'LATVIJA', 'latvija', 'Lettland', 'Lettonie', 'LV', 'LVA'].map((raw) => [raw, 'Latvia', 'LV']),
    ...['Finland', 'Suomi', 'SUOMI', 'Finnland', 'Somija', 'FI', 'FIN'].map((raw) => [raw, 'Finland', 'FI']),
    ...['Iceland', 'Ísland', 'Island', 'ISLAND', 'Islande', 'IS', 'ISL'].map((raw) => [raw, 'Iceland', 'IS']),
    ...['Brazil', 'Brasil', 'Brésil', 'BR', 'BRA'].map((raw) => [raw, 'Brazil', 'BR']),
    ...['Portugal', 'PT', 'PRT'].map((raw) => [raw, 'Portugal', 'PT']),
    ...['China', '中国', '中國', '中华人民共和国', "People's Republic of China", 'PRC', 'Kina', 'Ķīna', 'CN', 'CHN'].map((raw) => [raw, 'China', 'CN']),
    ...['Russia', 'Russian Federation', 'Россия', 'Krievija', 'RU'].map((raw) => [raw, 'Russia', 'RU']),
    ...['Netherlands', 'The Netherlands', 'Holland', 'Nederland', 'Pays-Bas', 'NL'].map((raw) => [raw, 'Netherlands', 'NL']),
    ...['Czechia', 'Czech Republic', 'Česko', 'Tschechien'].map((raw) => [raw, 'Czechia', 'CZ']),
    ...["Côte d'Ivoire", 'Cote d’Ivoire', 'Ivory Coast', 'Elfenbeinküste'].map((raw) => [raw, "Côte d'Ivoire", 'CI']),
    ['Sverige', 'Sweden', 'SE'],
    ['Norge', 'Norway', 'NO'],
    ['Eesti', 'Estonia', 'EE'],
    ['Lietuva', 'Lithuania', 'LT'],
    ['Polska', 'Poland', 'PL'],
    ['España', 'Spain', 'ES'],
    ['Schweiz', 'Switzerland', 'CH'],
    ['Suisse', 'Switzerland', 'CH'],
    ['Österreich', 'Austria', 'AT'],
    ['日本', 'Japan', 'JP'],
    ['South Korea', 'South Korea', 'KR'],
  ])('%s → %s', (raw, name, code) => {
    expect(standardizeCountry(raw)).toEqual({ name, code });
  });

  it('gives null for unknown, ambiguous or empty input', () => {
    for (const raw of ['', '   ', 'Atlantis', 'Congo', 'Korea', 'XX', 'Europe', 'Nordic']) expect(standardizeCountry(raw)).toBeNull();
    expect(standardizeCountry(null)).toBeNull();
  });

  it('returns a name that standardises to itself for every country', () => {
    const seen = new Set<string>();
    for (const code of ['US', 'GB', 'CN', 'RU', 'KR', 'TW', 'IR', 'VA', 'CI', 'CD', 'CG', 'VG', 'VI', 'FK', 'TR', 'LV', 'AX']) {
      const result = standardizeCountry(code)!;
      expect(result.code).toBe(code);
      expect(standardizeCountry(result.name)).toEqual(result);
      seen.add(result.name);
    }
    expect(seen.size).toBe(17);
  });
});

describe('countryToDefaultPhoneRegion', () => {
  it('maps a country cell to the region for local phone numbers', () => {
    expect(countryToDefaultPhoneRegion('Suomi')).toBe('FI');
    expect(countryToDefaultPhoneRegion('Latvija')).toBe('LV');
    expect(countryToDefaultPhoneRegion('Brasil')).toBe('BR');
    expect(countryToDefaultPhoneRegion('Atlantis')).toBeUndefined();
    // Antarctica has no phone numbering plan of its own.
    expect(countryToDefaultPhoneRegion('Antarctica')).toBeUndefined();
  });
});

describe('phoneRegionOfLocale', () => {
  it('takes the region of a locale tag, and nothing from a tag without one', () => {
    expect(phoneRegionOfLocale('lv-LV')).toBe('LV');
    expect(phoneRegionOfLocale('pt-BR')).toBe('BR');
    expect(phoneRegionOfLocale('zh-CN')).toBe('CN');
    expect(phoneRegionOfLocale('is')).toBeUndefined();
    // A UN M.49 area is no country to dial.
    expect(phoneRegionOfLocale('es-419')).toBeUndefined();
  });
});
