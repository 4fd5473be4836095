import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fiscalQuarter, fiscalQuarterByNumber, fiscalYear, fiscalYearByNumber, nextFiscalQuarter } from '../../../src/core/org/fiscal.js';
import { dateOf, localDate, parsePeriod } from '../../../src/core/reports/period.js';
import { memoryOrg } from '../../helpers/org.js';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('fiscal helpers', () => {
  it('places May in Q1 of a fiscal year starting in April, named after the year it ends', () => {
    expect(fiscalQuarter(d('2026-05-20'), 4)).toEqual({ name: 'FY2027 Q1', fiscalYear: 2027, quarter: 1, start: '2026-04-01', end: '2026-06-30' });
    expect(fiscalYear(d('2026-05-20'), 4)).toEqual({ name: 'FY2027', fiscalYear: 2027, start: '2026-04-01', end: '2027-03-31' });
    expect(fiscalQuarter(d('2027-03-31'), 4).name).toBe('FY2027 Q4');
    expect(fiscalQuarter(d('2026-03-31'), 4).name).toBe('FY2026 Q4');
  });

  it('handles calendar years and quarters that straddle new year', () => {
    expect(fiscalQuarter(d('2026-11-23'), 1)).toMatchObject({ name: 'FY2026 Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(fiscalQuarter(d('2027-01-15'), 11)).toMatchObject({ name: 'FY2027 Q1', start: '2026-11-01', end: '2027-01-31' });
    expect(fiscalQuarterByNumber(2027, 4, 12)).toMatchObject({ start: '2027-09-01', end: '2027-11-30' });
    expect(fiscalYearByNumber(2028, 2)).toMatchObject({ start: '2027-02-01', end: '2028-01-31' });
    expect(nextFiscalQuarter(d('2026-12-31'), 1)).toMatchObject({ name: 'FY2027 Q1', start: '2027-01-01' });
    expect(fiscalQuarterByNumber(2024, 4, 12).end).toBe('2024-11-30');
    expect(fiscalQuarterByNumber(2024, 1, 12)).toMatchObject({ start: '2023-12-01', end: '2024-02-29' });
  });

  it('every date lies in its quarter and year, and quarters tile the year, for every start month', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), (date, start) => {
        const day = date.toISOString().slice(0, 10);
        const q = fiscalQuarter(d(day), start);
        const y = fiscalYear(d(day), start);
        expect(q.start <= day && day <= q.end).toBe(true);
        expect(y.start <= day && day <= y.end).toBe(true);
        expect(q.fiscalYear).toBe(y.fiscalYear);
        const quarters = [1, 2, 3, 4].map((n) => fiscalQuarterByNumber(y.fiscalYear, n, start));
        expect(quarters[0]!.start).toBe(y.start);
        expect(quarters[3]!.end).toBe(y.end);
        for (let i = 1; i < 4; i++) {
          const next = new Date(`${quarters[i - 1]!.end}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(quarters[i]!.start).toBe(next.toISOString().slice(0, 10));
        }
      }),
    );
  });
});

describe('report periods', () => {
  it('follows the org fiscal year and time zone', async () => {
    // 12:30 UTC on the 23rd is already 01:30 on the 24th in Auckland (UTC+13 in November).
    const { session } = await memoryOrg({ fiscalStartMonth: 4, timezone: 'Pacific/Auckland' }, new Date('2026-11-23T12:30:00Z'));
    expect(parsePeriod(session, 'last-n-days:7', 'all')).toEqual({ name: 'last-n-days:7', from: '2026-11-18', to: '2026-11-24' });
    expect(parsePeriod(session, 'this-quarter', 'all')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod(session, 'next-quarter', 'all')).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
    expect(parsePeriod(session, 'last-quarter', 'all')).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod(session, 'this-fiscal-year', 'all')).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
    expect(parsePeriod(session, 'FY2026-Q2', 'all')).toMatchObject({ from: '2025-07-01', to: '2025-09-30' });
    expect(parsePeriod(session, '2026-01-01:2026-02-28', 'all')).toMatchObject({ from: '2026-01-01', to: '2026-02-28' });
    expect(parsePeriod(session, ':2026-02-28', 'all')).toMatchObject({ from: null, to: '2026-02-28' });
    expect(parsePeriod(session, undefined, 'this-month')).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(() => parsePeriod(session, '2026-02-30:2026-03-01', 'all')).toThrow(/not a period/);
    expect(() => parsePeriod(session, '2026-03-01:2026-02-01', 'all')).toThrow(/start is after the end/);
  });

  it('reads date-times as the org calendar date', () => {
    expect(localDate(new Date('2026-03-31T22:30:00Z'), 'Europe/Riga')).toBe('2026-04-01');
    expect(dateOf('2026-03-31T22:30:00.000Z', 'Europe/Riga')).toBe('2026-04-01');
    expect(dateOf('2026-03-31', 'Europe/Riga')).toBe('2026-03-31');
    expect(dateOf(null, 'UTC')).toBeNull();
  });
});
