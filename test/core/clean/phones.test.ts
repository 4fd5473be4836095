import { describe, expect, it } from 'vitest';
import { cleanPhone, phoneDigits } from '../../../src/core/clean/phones.js';

describe('cleanPhone', () => {
  it.each([
    // Local formats read with the default country
    ['29 123 456', 'LV', '+371 29 123 456', 'LV'],
    ['67 123 456', 'LV', '+371 67 123 456', 'LV'],
    ['(11) 3456-7890', 'BR', '+55 11 3456 7890', 'BR'],
    ['(21) 98765-4321', 'BR', '+55 21 98765 4321', 'BR'],
    ['040 1234567', 'FI', '+358 40 1234567', 'FI'],
    ['09 1234 5678', 'FI', '+358 9 12345678', 'FI'],
    ['551 2345', 'IS', '+354 551 2345', 'IS'],
    ['912 345 678', 'PT', '+351 912 345 678', 'PT'],
    ['138 1234 5678', 'CN', '+86 138 1234 5678', 'CN'],
    ['010-12345678', 'CN', '+86 10 1234 5678', 'CN'],
    ['(212) 555-0100', 'US', '+1 212 555 0100', 'US'],
    ['212.555.0100', 'US', '+1 212 555 0100', 'US'],
    ['020 7946 0958', 'GB', '+44 20 7946 0958', 'GB'],
    ['030 1234567', 'DE', '+49 30 1234567', 'DE'],
    ['8 (495) 123-45-67', 'RU', '+7 495 123 45 67', 'RU'],
    // International formats need no default country; a trunk "(0)" is dropped
    ['+49 (0)30 1234567', undefined, '+49 30 1234567', 'DE'],
    ['+44 (0)20 7946 0958', undefined, '+44 20 7946 0958', 'GB'],
    ['+371 67123456', undefined, '+371 67 123 456', 'LV'],
    ['00358 40 1234567', undefined, '+358 40 1234567', 'FI'],
    ['0049 30 1234567', 'DE', '+49 30 1234567', 'DE'],
    // A number from another country than the default one
    ['+354 551 2345', 'LV', '+354 551 2345', 'IS'],
    // Labels and full-width digits
    ['Tel.: +49 30 1234567', undefined, '+49 30 1234567', 'DE'],
    ['tel:+1-212-555-0100', undefined, '+1 212 555 0100', 'US'],
    ['０３０ １２３４５６７', 'DE', '+49 30 1234567', 'DE'],
  ] as const)('%s (%s) → %s', (raw, country, value, region) => {
    expect(cleanPhone(raw, country)).toEqual({ value, country: region });
  });

  it.each([
    ['(212) 555-0100 x12', 'US', '+1 212 555 0100 ext. 12', '12'],
    ['212-555-0100 ext. 45', 'US', '+1 212 555 0100 ext. 45', '45'],
    ['212 555 0100 extension 7', 'US', '+1 212 555 0100 ext. 7', '7'],
    ['030 1234567 #12', 'DE', '+49 30 1234567 ext. 12', '12'],
    ['030 1234567 Durchwahl 45', 'DE', '+49 30 1234567 ext. 45', '45'],
    ['030 1234567 DW 45', 'DE', '+49 30 1234567 ext. 45', '45'],
    ['(11) 3456-7890 ramal 210', 'BR', '+55 11 3456 7890 ext. 210', '210'],
    ['+33 1 23 45 67 89 poste 312', undefined, '+33 1 23 45 67 89 ext. 312', '312'],
  ] as const)('keeps the extension of %s', (raw, country, value, extension) => {
    expect(cleanPhone(raw, country)).toMatchObject({ value, extension });
  });

  it('takes the extension from a separate column (ACT! "Phone Ext.")', () => {
    expect(cleanPhone('(212) 555-0100', 'US', { extension: '204' })).toEqual({ value: '+1 212 555 0100 ext. 204', extension: '204', country: 'US' });
    expect(cleanPhone('(212) 555-0100 x204', 'US', { extension: '204' })).toEqual({ value: '+1 212 555 0100 ext. 204', extension: '204', country: 'US' });
    const clash = cleanPhone('(212) 555-0100 x204', 'US', { extension: '99' });
    expect(clash.value).toBe('(212) 555-0100 x204');
    expect(clash.problem).toMatch(/204.*99/);
  });

  it('keeps the trimmed original and says why when the number cannot be read', () => {
    expect(cleanPhone(' 029 123 4567 ', 'LV')).toEqual({ value: '029 123 4567', problem: '"029 123 4567" is not a valid LV phone number (too long)' });
    expect(cleanPhone('030 1234567')).toEqual({ value: '030 1234567', problem: '"030 1234567" has no country code and no default country was given' });
    expect(cleanPhone('1-800-FLOWERS', 'US').value).toBe('1-800-FLOWERS');
    expect(cleanPhone('1-800-FLOWERS', 'US').problem).toMatch(/letters/);
    expect(cleanPhone('ask reception', 'GB')).toMatchObject({ value: 'ask reception' });
    expect(cleanPhone('+1 (555) 010-2000').problem).toMatch(/not a valid \+1 phone number/);
    expect(cleanPhone('12', 'DE').problem).toMatch(/too short/);
    // A separate extension is not dropped even when the number is kept as written.
    expect(cleanPhone('call me', 'US', { extension: '5' })).toMatchObject({ value: 'call me ext. 5', extension: '5' });
  });

  it('takes the first of several numbers in a Google cell and cleans the rest into others', () => {
    expect(cleanPhone('+49 30 1234567 ::: 0171 2345678', 'DE')).toEqual({ value: '+49 30 1234567', country: 'DE', others: ['+49 171 2345678'] });
    expect(cleanPhone('29 123 456 ::: ', 'LV')).toEqual({ value: '+371 29 123 456', country: 'LV' });
  });

  it('treats empty input as no value', () => {
    expect(cleanPhone('', 'LV')).toEqual({ value: null });
    expect(cleanPhone('   ', 'LV')).toEqual({ value: null });
    expect(cleanPhone(null)).toEqual({ value: null });
  });

  it('gives the same answer again (from its cache or its shape template), per default country', () => {
    const first = cleanPhone('040 1234567', 'FI');
    expect(cleanPhone('040 1234567', 'FI')).toEqual(first);
    expect(cleanPhone('040 1234567', 'SE')).not.toEqual(first);
    const withExtension = cleanPhone('040 1234567', 'FI', { extension: '12' });
    expect(cleanPhone('040 1234567', 'FI', { extension: '12' })).toBe(withExtension);
  });
});

describe('phoneDigits', () => {
  it('gives one key for the same number however it is written', () => {
    const key = '5550102000';
    for (const raw of ['+1 (555) 010-2000', '555.010.2000', '1-555-010-2000', '(555) 010-2000 x12', '+1 555 010 2000']) {
      expect(phoneDigits(raw)).toBe(key);
    }
    for (const raw of ['+49 (0)30 1234567', '030 1234567', '0049 30 1234567', '+49 30 1234567 Durchwahl 45', '030/123 45 67']) {
      expect(phoneDigits(raw)).toBe('301234567');
    }
    expect(phoneDigits('29 123 456', 'LV')).toBe('29123456');
    expect(phoneDigits('+371 29 123 456')).toBe('29123456');
    expect(phoneDigits('8 (495) 123-45-67', 'RU')).toBe('4951234567');
    expect(phoneDigits('+49 30 1234567 ::: 0171 2345678')).toBe('301234567');
  });

  it('is empty without digits', () => {
    expect(phoneDigits('n/a')).toBe('');
    expect(phoneDigits(null)).toBe('');
  });
});
