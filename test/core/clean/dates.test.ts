import { describe, expect, it } from 'vitest';
import { cleanDate, dateOrderForLocale, detectDateOrder, expandTwoDigitYear, formatDate, monthFromName, parseDate } from '../../../src/core/clean/dates.js';

const today = new Date('2026-11-23T10:00:00Z');

describe('parseDate', () => {
  it.each([
    // All-number dates in each order and separator
    ['3/5/2026', 'MDY', '2026-03-05'],
    ['3/5/2026', 'DMY', '2026-05-03'],
    ['03/05/2026', 'MDY', '2026-03-05'],
    ['05.03.2026', 'DMY', '2026-03-05'],
    ['5.3.2026', 'DMY', '2026-03-05'],
    ['05-03-2026', 'DMY', '2026-03-05'],
    ['05 03 2026', 'DMY', '2026-03-05'],
    ['2026/03/05', 'YMD', '2026-03-05'],
    ['2026.03.05.', 'YMD', '2026-03-05'],
    ['26/03/05', 'YMD', '2026-03-05'],
    // Four-digit-first is year-first whatever the column order says
    ['2026-03-05', 'MDY', '2026-03-05'],
    ['2026-3-5', 'DMY', '2026-03-05'],
    ['2026-03-05T23:30:00-05:00', 'DMY', '2026-03-05'],
    ['2026-03-05 10:00:00', 'MDY', '2026-03-05'],
    ['19800322', 'MDY', '1980-03-22'],
    // Times after the date
    ['3/5/2026 10:30 AM', 'MDY', '2026-03-05'],
    ['05.03.2026 14:00', 'DMY', '2026-03-05'],
    // Two-digit years (today is 2026-11-23)
    ['3/5/26', 'MDY', '2026-03-05'],
    ['3/5/27', 'MDY', '2027-03-05'],
    ['3/5/28', 'MDY', '1928-03-05'],
    ['05.03.45', 'DMY', '1945-03-05'],
    // Month names in several languages
    ['5 March 2026', 'MDY', '2026-03-05'],
    ['March 5, 2026', 'DMY', '2026-03-05'],
    ['Thursday, March 5, 2026', 'MDY', '2026-03-05'],
    ['5-Mar-26', 'DMY', '2026-03-05'],
    ['13 Sept 2026', 'DMY', '2026-09-13'],
    ['Jan 2, 2026', 'DMY', '2026-01-02'],
    ['5. März 2026', 'DMY', '2026-03-05'],
    ['5. Mrz. 2026', 'DMY', '2026-03-05'],
    ['05-janv.-2026', 'DMY', '2026-01-05'],
    ['5 mars 2026', 'DMY', '2026-03-05'],
    ['5 de mayo de 2026', 'DMY', '2026-05-05'],
    ['5 de maio de 2026', 'DMY', '2026-05-05'],
    ['1. tammikuuta 2026', 'DMY', '2026-01-01'],
    ['tammikuu 5 2026', 'DMY', '2026-01-05'],
    ['5. janvāris 2026', 'DMY', '2026-01-05'],
    ['2026. gada 5. marts', 'DMY', '2026-03-05'],
    ['5. mars 2026', 'DMY', '2026-03-05'],
    ['5 maart 2026', 'DMY', '2026-03-05'],
    ['5 marca 2026', 'DMY', '2026-03-05'],
    ['2026 m. kovo 5 d.', 'YMD', '2026-03-05'],
    ['5 марта 2026', 'DMY', '2026-03-05'],
    ['5. desember 2026', 'DMY', '2026-12-05'],
    // Chinese, Japanese, Korean
    ['2026年3月5日', 'DMY', '2026-03-05'],
    ['2026年03月05日', 'MDY', '2026-03-05'],
    ['2026년 3월 5일', 'DMY', '2026-03-05'],
  ] as const)('%s (%s) → %s', (raw, order, iso) => {
    expect(parseDate(raw, order, { today })).toBe(iso);
  });

  it.each(['0/0/00', '0.0.00', '00.00.0000', '0000-00-00', '00000000', '1/1/4501', '4501-01-01', '01.01.1601', '', '   '])(
    'reads the placeholder %j as empty, not as a problem',
    (raw) => {
      expect(cleanDate(raw, 'MDY', { today })).toEqual({ value: null });
    },
  );

  it('says why an invalid date is not a date', () => {
    expect(cleanDate('31/02/2020', 'DMY')).toEqual({ value: null, problem: '"31/02/2020" is not a real date (February 2020 has no day 31)' });
    expect(cleanDate('29.02.2023', 'DMY').problem).toMatch(/February 2023 has no day 29/);
    expect(cleanDate('29.02.2024', 'DMY').value).toBe('2024-02-29');
    expect(cleanDate('03/25/2026', 'DMY').problem).toMatch(/no month 25.*month-first\?/);
    expect(cleanDate('25/03/2026', 'MDY').problem).toMatch(/no month 25.*day-first\?/);
    expect(cleanDate('--04-14', 'DMY')).toEqual({ value: null, warning: '"--04-14" is a birthday without a year; a date field needs one, so it was left empty' });
    expect(cleanDate('--0414', 'DMY').warning).toMatch(/without a year/);
    expect(cleanDate('next tuesday', 'DMY').problem).toMatch(/not a date/);
    expect(cleanDate('05/03/2026', 'YMD').problem).toMatch(/year-first/);
    expect(cleanDate('45000', 'DMY').problem).toMatch(/Excel serial/);
  });

  it('reads Excel serial numbers only when asked', () => {
    expect(parseDate('45000', 'DMY', { excelSerial: true })).toBe('2023-03-15');
    expect(parseDate('1', 'DMY', { excelSerial: true })).toBe('1900-01-01');
    expect(parseDate('59', 'DMY', { excelSerial: true })).toBe('1900-02-28');
    expect(parseDate('61', 'DMY', { excelSerial: true })).toBe('1900-03-01');
    expect(parseDate('46086.75', 'DMY', { excelSerial: true })).toBe('2026-03-05');
    expect(cleanDate('60', 'DMY', { excelSerial: true }).problem).toMatch(/29 February 1900/);
    expect(cleanDate('0', 'DMY', { excelSerial: true })).toEqual({ value: null });
  });

  it('keeps birthdays out of the future', () => {
    expect(parseDate('3/5/26', 'MDY', { birthday: true, today })).toBe('2026-03-05');
    expect(parseDate('3/5/27', 'MDY', { birthday: true, today })).toBe('1927-03-05');
    expect(cleanDate('2027-01-01', 'YMD', { birthday: true, today }).problem).toMatch(/future/);
  });

  it('expands two-digit years around this year', () => {
    expect(expandTwoDigitYear(27, { today })).toBe(2027);
    expect(expandTwoDigitYear(28, { today })).toBe(1928);
    expect(expandTwoDigitYear(0, { today })).toBe(2000);
    expect(expandTwoDigitYear(99, { today })).toBe(1999);
  });

  it('knows month names across languages', () => {
    expect(monthFromName('März')).toBe(3);
    expect(monthFromName('tammikuuta')).toBe(1);
    expect(monthFromName('janvāris')).toBe(1);
    expect(monthFromName('maio')).toBe(5);
    expect(monthFromName('Dez.')).toBe(12);
    expect(monthFromName('október')).toBe(10);
    expect(monthFromName('Monday')).toBeUndefined();
  });

  it('formats ISO dates back in a column order', () => {
    expect(formatDate('2026-03-05', 'DMY', '.')).toBe('05.03.2026');
    expect(formatDate('2026-03-05', 'MDY')).toBe('03/05/2026');
    expect(formatDate('2026-03-05', 'YMD', '-')).toBe('2026-03-05');
  });
});

describe('detectDateOrder', () => {
  it('is confident when a value proves the order', () => {
    expect(detectDateOrder(['3/5/2026', '25/12/2025', ''])).toEqual({ order: 'DMY', confident: true, evidence: '"25/12/2025" starts with a number above 12, so the day comes first' });
    expect(detectDateOrder(['3/5/2026', '12/25/2025'])).toMatchObject({ order: 'MDY', confident: true });
    expect(detectDateOrder(['2026-03-05', '2025-12-31', '0/0/00'])).toMatchObject({ order: 'YMD', confident: true });
    expect(detectDateOrder(['0.0.00', '24.12.1980', '1.2.1975'])).toMatchObject({ order: 'DMY', confident: true });
  });

  it('is not confident when the values fit both orders or contradict each other', () => {
    expect(detectDateOrder(['3/5/2026', '1/2/2025'], 'DMY')).toMatchObject({ order: 'DMY', confident: false });
    expect(detectDateOrder(['3/5/2026', '1/2/2025'], 'MDY')).toMatchObject({ order: 'MDY', confident: false });
    const conflict = detectDateOrder(['13/1/2026', '1/13/2026']);
    expect(conflict.confident).toBe(false);
    expect(conflict.evidence).toMatch(/conflicting.*13\/1\/2026.*1\/13\/2026/);
    // Dots are a hint, not proof.
    expect(detectDateOrder(['3.5.2026', '1.2.2025'])).toMatchObject({ order: 'DMY', confident: false });
    expect(detectDateOrder([])).toMatchObject({ confident: false, evidence: 'no all-number dates to decide from' });
  });
});

describe('dateOrderForLocale', () => {
  it.each([
    ['en-US', 'MDY'], ['en-GB', 'DMY'], ['de-DE', 'DMY'], ['fi-FI', 'DMY'], ['lv-LV', 'DMY'], ['is-IS', 'DMY'], ['pt-BR', 'DMY'], ['pt-PT', 'DMY'],
    ['zh-CN', 'YMD'], ['ja-JP', 'YMD'], ['ko-KR', 'YMD'], ['sv-SE', 'YMD'], ['lt-LT', 'YMD'], ['not a locale!', 'DMY'],
  ])('%s → %s', (locale, order) => {
    expect(dateOrderForLocale(locale)).toBe(order);
  });
});
