import { describe, expect, it } from 'vitest';
import { cleanNotes, cleanPostalCode, cleanState, cleanText, cleanUrl } from '../../../src/core/clean/text.js';

describe('cleanText', () => {
  it.each([
    ['  Acme   Ltd  ', 'Acme Ltd'],
    ['Rīga\u00A0\u00A0centrs', 'Rīga centrs'],
    ['Acme\u200B', 'Acme'],
    ['\uFEFFAcme', 'Acme'],
    ['A\u0000B', 'AB'],
    ['Line one\r\nLine two', 'Line one Line two'],
    ['Tab\there', 'Tab here'],
    ['北京\u3000朝阳区', '北京 朝阳区'],
    // NFD (macOS) → NFC: the same letters compare equal afterwards
    ['Mu\u0308ller', 'Müller'],
    ['Bera\u0304', 'Berā'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });

  it('turns empty and invisible-only text into null', () => {
    expect(cleanText('')).toBeNull();
    expect(cleanText(' \u200B\u00A0 ')).toBeNull();
    expect(cleanText(null)).toBeNull();
  });
});

describe('cleanNotes', () => {
  it('keeps line breaks, normalises CRLF and trims trailing spaces', () => {
    expect(cleanNotes('\r\nFirst line   \r\n  - item\r\n\r\nLast\u00A0 \r\n\r\n')).toBe('First line\n  - item\n\nLast');
    expect(cleanNotes('Old Mac\rline')).toBe('Old Mac\nline');
    expect(cleanNotes('Outlook\u000Bbreak')).toBe('Outlook\nbreak');
    expect(cleanNotes('\r\n')).toBeNull();
    expect(cleanNotes('Mu\u0308ller\u200B')).toBe('Müller');
  });
});

describe('cleanUrl', () => {
  it.each([
    ['www.Example.COM', 'www.example.com'],
    ['HTTPS://WWW.Example.com/Path/Page', 'https://www.example.com/Path/Page'],
    ['http\\://example.com', 'http://example.com'],
    ['<https://example.lv>', 'https://example.lv'],
    ['https://uzņēmums.lv/', 'https://uzņēmums.lv/'],
    ['example.com.', 'example.com'],
  ])('%s → %s', (raw, value) => {
    expect(cleanUrl(raw)).toEqual({ value });
  });

  it('flags what is not a web address', () => {
    expect(cleanUrl('see our site').problem).toMatch(/spaces/);
    expect(cleanUrl('ftp://example.com').problem).toMatch(/http/);
    expect(cleanUrl('localhost').problem).toMatch(/domain/);
    expect(cleanUrl('')).toEqual({ value: null });
  });
});

describe('cleanPostalCode', () => {
  it.each([
    ['00100', 'FI', '00100'],
    ['02134', 'US', '02134'],
    ['021341234', 'US', '02134-1234'],
    ['02134-1234', 'US', '02134-1234'],
    ['sw1a1aa', 'GB', 'SW1A 1AA'],
    ['SW1A  1AA', 'GB', 'SW1A 1AA'],
    ['m11ae', 'GB', 'M1 1AE'],
    ['k1a0b1', 'CA', 'K1A 0B1'],
    ['d02x285', 'IE', 'D02 X285'],
    ['1234ab', 'NL', '1234 AB'],
    ['01310100', 'BR', '01310-100'],
    ['01310-100', 'BR', '01310-100'],
    ['1000001', 'PT', '1000-001'],
    ['1000-001', 'PT', '1000-001'],
    ['LV-1010', 'LV', 'LV-1010'],
    ['lv 1010', 'LV', 'LV-1010'],
    ['1010', 'LV', 'LV-1010'],
    ['101', 'IS', '101'],
    ['100020', 'CN', '100020'],
    ['LV-1010', undefined, 'LV-1010'],
    ['10115', 'DE', '10115'],
  ])('%s (%s) → %s', (raw, country, value) => {
    expect(cleanPostalCode(raw, country)).toEqual({ value });
  });

  it('puts back a leading zero a spreadsheet ate, with a warning', () => {
    expect(cleanPostalCode('2134', 'US')).toEqual({ value: '02134', warning: 'ZIP code "2134" had lost its leading zero (a spreadsheet treated it as a number); stored as 02134' });
    expect(cleanPostalCode('1310100', 'BR')).toMatchObject({ value: '01310-100' });
    expect(cleanPostalCode('', 'US')).toEqual({ value: null });
  });
});

describe('cleanState', () => {
  it('upper-cases state codes where codes are the norm and keeps names', () => {
    expect(cleanState('ca', 'US')).toBe('CA');
    expect(cleanState('nsw', 'AU')).toBe('NSW');
    expect(cleanState('sp', 'BR')).toBe('SP');
    expect(cleanState('ny')).toBe('NY');
    expect(cleanState('California', 'US')).toBe('California');
    expect(cleanState(' Uusimaa ', 'FI')).toBe('Uusimaa');
    expect(cleanState('by', 'DE')).toBe('by');
    expect(cleanState('')).toBeNull();
  });
});
