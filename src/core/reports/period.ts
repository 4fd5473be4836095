import { CrmError } from '../errors.js';
import { fiscalQuarter, fiscalQuarterByNumber, fiscalYear, fiscalYearByNumber, nextFiscalQuarter, type FiscalPeriod } from '../org/fiscal.js';
import type { OrgSession } from '../org/session.js';
import type { ReportPeriod } from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date (YYYY-MM-DD) in the org's time zone: a Riga org's "today" starts at Riga midnight. */
export function orgToday(session: OrgSession): string {
  return localDate(session.now(), session.org.timezone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (UTC if the zone is unknown). */
export function localDate(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    }
    formatters.set(timeZone, format);
  }
  return format.format(instant);
}

/** A date or date-time value as the org's calendar date, for period tests. */
export function dateOf(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (ISO_DATE.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : localDate(instant, timeZone);
}

export const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export function addDays(iso: string, days: number): string {
  const d = utcDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (dates or date-times, compared as org calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}

export function inPeriod(date: string | null, period: ReportPeriod): boolean {
  if (period.from === null && period.to === null) return true;
  if (date === null) return false;
  return (period.from === null || date >= period.from) && (period.to === null || date <= period.to);
}

const fromFiscal = (name: string, p: FiscalPeriod): ReportPeriod => ({ name, from: p.start, to: p.end });

export const PERIOD_HELP =
  'this-quarter, last-quarter, next-quarter, this-fiscal-year, last-fiscal-year, next-fiscal-year, this-month, last-n-days:N, next-n-days:N, FY2027, FY2027-Q1, YYYY-MM-DD:YYYY-MM-DD or all';

/**
 * Parse --period. Quarters and years follow the org's fiscal year start
 * month; "today" is the org's calendar date.
 */
export function parsePeriod(session: OrgSession, text: string | undefined, fallback: string): ReportPeriod {
  const name = (text ?? fallback).trim().toLowerCase();
  const today = orgToday(session);
  const todayDate = utcDate(today);
  const start = session.org.fiscalStartMonth;
  if (name === 'all') return { name, from: null, to: null };
  if (name === 'this-quarter') return fromFiscal(name, fiscalQuarter(todayDate, start));
  if (name === 'next-quarter') return fromFiscal(name, nextFiscalQuarter(todayDate, start));
  if (name === 'last-quarter') return fromFiscal(name, fiscalQuarter(utcDate(addDays(fiscalQuarter(todayDate, start).start, -1)), start));
  if (name === 'this-fiscal-year') return fromFiscal(name, fiscalYear(todayDate, start));
  if (name === 'last-fiscal-year') return fromFiscal(name, fiscalYearByNumber(fiscalYear(todayDate, start).fiscalYear - 1, start));
  if (name === 'next-fiscal-year') return fromFiscal(name, fiscalYearByNumber(fiscalYear(todayDate, start).fiscalYear + 1, start));
  if (name === 'this-month') {
    const first = `${today.slice(0, 7)}-01`;
    const d = utcDate(first);
    d.setUTCMonth(d.getUTCMonth() + 1, 0);
    return { name, from: first, to: d.toISOString().slice(0, 10) };
  }
  const nDays = /^(last|next)-n-days:(\d{1,5})$/.exec(name);
  if (nDays) {
    const n = Number(nDays[2]);
    if (n < 1) throw badPeriod(text ?? fallback);
    return nDays[1] === 'last' ? { name, from: addDays(today, -(n - 1)), to: today } : { name, from: today, to: addDays(today, n - 1) };
  }
  const fy = /^fy(\d{4})(?:-?q([1-4]))?$/.exec(name);
  if (fy) {
    const year = Number(fy[1]);
    return fy[2] ? fromFiscal(name, fiscalQuarterByNumber(year, Number(fy[2]), start)) : fromFiscal(name, fiscalYearByNumber(year, start));
  }
  const range = /^(\d{4}-\d{2}-\d{2})?:(\d{4}-\d{2}-\d{2})?$/.exec(name);
  if (range && (range[1] || range[2])) {
    const [from, to] = [range[1] ?? null, range[2] ?? null];
    for (const d of [from, to]) if (d !== null && utcDate(d).toISOString().slice(0, 10) !== d) throw badPeriod(text ?? fallback);
    if (from !== null && to !== null && from > to) throw badPeriod(text ?? fallback, 'the start is after the end');
    return { name, from, to };
  }
  throw badPeriod(text ?? fallback);
}

function badPeriod(text: string, why?: string): CrmError {
  return new CrmError('USAGE', `--period ${text}: ${why ?? 'not a period crmctl knows'}.`, { hint: `Use one of: ${PERIOD_HELP}.` });
}
