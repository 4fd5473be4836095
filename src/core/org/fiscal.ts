/**
 * Standard fiscal years: twelve calendar months starting in `startMonth`,
 * named (as Salesforce does by default) after the calendar year in which they end.
 */
export interface FiscalPeriod {
  /** e.g. "FY2027" or "FY2027 Q1". */
  name: string;
  fiscalYear: number;
  /** 1-4 for quarters. */
  quarter?: number;
  /** Inclusive ISO dates. */
  start: string;
  end: string;
}

const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Months since the fiscal year began (0-11) and the fiscal year's name, for a calendar date. */
function position(date: Date, startMonth: number): { fiscalYear: number; monthIndex: number } {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const monthIndex = (m - startMonth + 12) % 12;
  const startYear = m >= startMonth ? y : y - 1;
  const fiscalYear = startMonth === 1 ? startYear : startYear + 1;
  return { fiscalYear, monthIndex };
}

function startYearOf(fiscalYear: number, startMonth: number): number {
  return startMonth === 1 ? fiscalYear : fiscalYear - 1;
}

export function fiscalYear(date: Date, startMonth: number): FiscalPeriod {
  const { fiscalYear: fy } = position(date, startMonth);
  return fiscalYearByNumber(fy, startMonth);
}

export function fiscalYearByNumber(fy: number, startMonth: number): FiscalPeriod {
  const y = startYearOf(fy, startMonth);
  const endMonth = ((startMonth + 10) % 12) + 1;
  const endYear = startMonth === 1 ? y : y + 1;
  return { name: `FY${fy}`, fiscalYear: fy, start: iso(y, startMonth, 1), end: iso(endYear, endMonth, lastDay(endYear, endMonth)) };
}

export function fiscalQuarter(date: Date, startMonth: number): FiscalPeriod {
  const { fiscalYear: fy, monthIndex } = position(date, startMonth);
  return fiscalQuarterByNumber(fy, Math.floor(monthIndex / 3) + 1, startMonth);
}

export function fiscalQuarterByNumber(fy: number, quarter: number, startMonth: number): FiscalPeriod {
  const y = startYearOf(fy, startMonth);
  const firstMonthIndex = (quarter - 1) * 3;
  const sm = ((startMonth - 1 + firstMonthIndex) % 12) + 1;
  const sy = y + Math.floor((startMonth - 1 + firstMonthIndex) / 12);
  const em = ((sm + 1) % 12) + 1;
  const ey = sy + Math.floor((sm - 1 + 2) / 12);
  return { name: `FY${fy} Q${quarter}`, fiscalYear: fy, quarter, start: iso(sy, sm, 1), end: iso(ey, em, lastDay(ey, em)) };
}

/** The quarter after the one containing `date`. */
export function nextFiscalQuarter(date: Date, startMonth: number): FiscalPeriod {
  const current = fiscalQuarter(date, startMonth);
  const [y, m, d] = current.end.split('-').map(Number) as [number, number, number];
  return fiscalQuarter(new Date(Date.UTC(y, m - 1, d + 1)), startMonth);
}
