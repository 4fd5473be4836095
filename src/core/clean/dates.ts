import { cleanText } from './text.js';

/**
 * Dates as exports write them → ISO `YYYY-MM-DD`. The day/month order is decided per
 * column (detectDateOrder), never per value: "03/04/2026" must mean the same in every row.
 */

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

export interface ParseDateOptions {
  /** Read bare numbers as Excel serial dates (1900 date system): only for spreadsheet cells Excel typed as dates. */
  excelSerial?: boolean;
  /** The value is a birth date: two-digit years never land in the future, and future dates are a problem. */
  birthday?: boolean;
  /** "Today" for the two-digit-year pivot (tests pass a fixed date). */
  today?: Date;
}

export interface CleanedDate {
  /** ISO date, or null when the cell is empty or holds an "empty" placeholder. */
  value: string | null;
  /** Why a non-empty cell gave no date. */
  problem?: string;
  /** The cell held something a date field cannot store (a birthday without a year): dropped, and the admin should know. */
  warning?: string;
}

// Locales whose month and weekday names are recognised; names come from the ICU data built
// into Node (Intl), so spelling matches what Windows/Excel print for those locales.
const NAME_LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'fi', 'sv', 'da', 'nb', 'is', 'lv', 'lt', 'et', 'pl', 'cs', 'ru', 'uk'];

// Words between the parts of written dates: "5 de maio de 2026", "2026. gada 5. marts", "the 5th of March".
const FILLER = new Set(['de', 'del', 'da', 'do', 'of', 'the', 'gada', 'den', 'der', 'd', 'm', 'g', 'goda', 'года', 'г', 'р', 'y', 'st', 'nd', 'rd', 'th', 'er', 'o', 'a', 'º', 'ª', 'le', 'el', 'il', 'am', 'on']);

const nameKey = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');

interface NameTables {
  months: Map<string, number>;
  weekdays: Set<string>;
}
let tables: NameTables | undefined;

function buildTables(): NameTables {
  const months = new Map<string, number | null>();
  const add = (name: string, month: number): void => {
    const key = nameKey(name);
    if (key === '' || /\d/.test(key)) return;
    const known = months.get(key);
    // A word that names different months in two languages is not trusted at all.
    if (known === undefined) months.set(key, month);
    else if (known !== month) months.set(key, null);
  };
  const weekdays = new Set<string>();
  for (const locale of NAME_LOCALES) {
    for (let m = 1; m <= 12; m++) {
      const date = new Date(Date.UTC(2026, m - 1, 15));
      for (const style of ['long', 'short'] as const) {
        // Stand-alone forms ("tammikuu", "janvāris") and forms inside a date ("tammikuuta", "5. marts").
        add(new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(date), m);
        const part = new Intl.DateTimeFormat(locale, { day: 'numeric', month: style, timeZone: 'UTC' }).formatToParts(date).find((p) => p.type === 'month');
        if (part) add(part.value, m);
      }
    }
    for (let d = 0; d < 7; d++) {
      const date = new Date(Date.UTC(2026, 0, 4 + d));
      for (const style of ['long', 'short'] as const) weekdays.add(nameKey(new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' }).format(date)));
    }
  }
  // Common abbreviations ICU does not print.
  const extra: [string, number][] = [['sept', 9], ['mrz', 3], ['maerz', 3], ['juin', 6], ['juil', 7], ['janv', 1], ['febr', 2], ['dez', 12], ['okt', 10], ['mai', 5], ['tammi', 1]];
  for (const [name, month] of extra) add(name, month);
  const trusted = new Map<string, number>();
  for (const [key, month] of months) if (month !== null) trusted.set(key, month);
  for (const key of trusted.keys()) weekdays.delete(key);
  return { months: trusted, weekdays };
}

/** The month number for a month name or abbreviation in any supported language ("März" → 3, "tammikuuta" → 1). */
export function monthFromName(word: string): number | undefined {
  tables ??= buildTables();
  return tables.months.get(nameKey(word));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Outlook writes "0/0/00" (en) or "0.0.00" (de) for "no date"; other tools write all-zero
// dates; 1601-01-01 (FILETIME zero) and 4501-01-01 (Outlook's internal "None") also mean empty.
const ZERO_DATE = /^0{1,4}[./\- ]0{1,2}[./\- ]0{1,4}$|^0{8}$/;
const NONE_DATE = /^(?:0?1[./\-]0?1[./\-](?:1601|4501)|(?:1601|4501)[./\-]0?1[./\-]0?1)(?:[ T].*)?$/;

/** True for the values exports write instead of an empty date. */
export function isEmptyDatePlaceholder(text: string): boolean {
  const t = text.trim();
  return ZERO_DATE.test(t) || NONE_DATE.test(t);
}

/**
 * Two-digit years: 20yy unless that is after next year (after this year for birthdays),
 * then 19yy. In 2026: "27" → 2027 but "28" → 1928; a birthday "26" → 2026, "27" → 1927.
 */
export function expandTwoDigitYear(yy: number, options: ParseDateOptions = {}): number {
  const now = (options.today ?? new Date()).getUTCFullYear();
  const limit = options.birthday ? now : now + 1;
  return 2000 + yy > limit ? 1900 + yy : 2000 + yy;
}

/** Excel's 1900 date system, including its phantom 29 February 1900 (serial 60). */
function fromExcelSerial(serial: number): CleanedDate {
  const day = Math.floor(serial);
  if (day === 0) return { value: null };
  if (day === 60) return { value: null, problem: `${serial} is Excel's non-existent 29 February 1900` };
  if (day < 1 || day > 2958465) return { value: null, problem: `${serial} is outside Excel's date range` };
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + day * 86_400_000);
  return { value: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` };
}

function build(y: number, m: number, d: number, text: string, options: ParseDateOptions, yearDigits: number): CleanedDate {
  const year = yearDigits <= 2 ? expandTwoDigitYear(y, options) : y;
  if (yearDigits === 3 || year < 1000 || year > 9999) return { value: null, problem: `"${text}" has no usable year` };
  if (m < 1 || m > 12) return { value: null, problem: `"${text}" has no month ${m}` };
  if (d < 1 || d > daysIn(year, m)) return { value: null, problem: `"${text}" is not a real date (${MONTH_NAMES[m - 1]} ${year} has no day ${d})` };
  const iso = `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
  if (options.birthday) {
    const today = options.today ?? new Date();
    const todayIso = today.toISOString().slice(0, 10);
    if (iso > todayIso) return { value: null, problem: `"${text}" is a birth date in the future` };
  }
  return { value: iso };
}

// A time after the date: "3/5/2026 10:30 AM", "05.03.2026 14:00:00", "2026-03-05T10:00:00Z".
const TIME_SUFFIX = /[ T,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:z|utc|gmt|[+-]\d{2}:?\d{2})?$/i;

/**
 * One date cell → ISO date, or why not. `order` says how to read all-number dates
 * ("03/04/2026"); four-digit-first dates are always year-first, and dates with a month name
 * need no order. Empty placeholders ("0/0/00", "0.0.00", "00.00.0000", 1/1/4501) give
 * `{ value: null }` without a problem.
 */
export function cleanDate(raw: string | null | undefined, order: DateOrder, options: ParseDateOptions = {}): CleanedDate {
  const text = cleanText(raw);
  if (text === null) return { value: null };
  if (isEmptyDatePlaceholder(text)) return { value: null };
  // Google and vCard write birthdays without a year as --MM-DD / --MMDD: nothing is wrong with the
  // contact, but a date field needs a year, so the value is left empty with a warning.
  if (/^--\d{2}-?\d{2}$/.test(text)) return { value: null, warning: `"${text}" is a birthday without a year; a date field needs one, so it was left empty` };
  if (/^\d+(?:[.,]\d+)?$/.test(text) && !/^\d{8}$/.test(text)) {
    if (options.excelSerial) return fromExcelSerial(Number(text.replace(',', '.')));
    return { value: null, problem: `"${text}" is a number, not a date${/^\d{5}$/.test(text) ? ' (an Excel serial date? the file was read as text)' : ''}` };
  }
  // ISO date or date-time, and the basic form YYYYMMDD (vCard 2.1, old ACT! tables).
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (iso) return build(+iso[1]!, +iso[2]!, +iso[3]!, text, options, 4);
  // Chinese, Japanese and Korean: 2026年3月5日, 2026년 3월 5일.
  const cjk = /^(\d{2,4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일号號]?/.exec(text);
  if (cjk) return build(+cjk[1]!, +cjk[2]!, +cjk[3]!, text, options, cjk[1]!.length);

  const withoutTime = text.replace(TIME_SUFFIX, '').trim();
  const tokens = withoutTime.match(/\p{L}+\.?|\d+/gu) ?? [];
  if (/[^\p{L}\p{N}\s./\-,'’º]/u.test(withoutTime)) return { value: null, problem: `"${text}" is not a date` };
  const numbers: string[] = [];
  let month: number | undefined;
  for (const token of tokens) {
    if (/^\d/.test(token)) {
      numbers.push(token);
      continue;
    }
    // Built on the first date with a word in it: all-number dates never need it (and it costs ~0.2 s).
    tables ??= buildTables();
    const key = nameKey(token);
    const named = tables.months.get(key);
    if (named !== undefined) {
      if (month !== undefined) return { value: null, problem: `"${text}" names two months` };
      month = named;
    } else if (!FILLER.has(key) && !tables.weekdays.has(key)) {
      return { value: null, problem: `"${text}" is not a date ("${token}" is not a month name this importer knows)` };
    }
  }
  if (month !== undefined) {
    if (numbers.length !== 2) return { value: null, problem: `"${text}" needs a day and a year next to the month name` };
    const [a, b] = numbers as [string, string];
    const aIsYear = a.length >= 3 || +a > 31;
    const bIsYear = b.length >= 3 || +b > 31;
    if (aIsYear && !bIsYear) return build(+a, month, +b, text, options, a.length);
    if (bIsYear && !aIsYear) return build(+b, month, +a, text, options, b.length);
    if (aIsYear && bIsYear) return { value: null, problem: `"${text}" has two years` };
    // "05-Mar-26": both could be the day; year-first only in a year-first column.
    return order === 'YMD' ? build(+a, month, +b, text, options, a.length) : build(+b, month, +a, text, options, b.length);
  }
  if (numbers.length !== 3) return { value: null, problem: `"${text}" is not a date` };
  const [p, q, r] = numbers as [string, string, string];
  if (p.length === 4) return build(+p, +q, +r, text, options, 4);
  if (order === 'YMD') {
    if (r.length === 4) return { value: null, problem: `"${text}" ends with the year, but the column was read as year-first (YMD)` };
    return build(+p, +q, +r, text, options, p.length);
  }
  const result = order === 'DMY' ? build(+r, +q, +p, text, options, r.length) : build(+r, +p, +q, text, options, r.length);
  if (result.problem && (order === 'DMY' ? +q > 12 && +p <= 12 : +p > 12 && +q <= 12)) {
    result.problem += `; the column is read as ${order === 'DMY' ? 'day-first (DMY)' : 'month-first (MDY)'} — is this value ${order === 'DMY' ? 'month-first' : 'day-first'}?`;
  }
  return result;
}

/** `cleanDate(...).value`: the ISO date, or null when empty, a placeholder or unreadable. */
export function parseDate(raw: string | null | undefined, order: DateOrder, options: ParseDateOptions = {}): string | null {
  return cleanDate(raw, order, options).value;
}

/** Format an ISO date the way a column with this order writes it ("2026-03-05", 'DMY', '.' → "05.03.2026"). */
export function formatDate(iso: string, order: DateOrder, separator = '/'): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  return order === 'YMD' ? [y, m, d].join(separator) : order === 'DMY' ? [d, m, y].join(separator) : [m, d, y].join(separator);
}

export interface DetectedDateOrder {
  order: DateOrder;
  /** True when the samples prove the order (a part above 12, or year-first values only). */
  confident: boolean;
  /** A sentence for the admin: which value decided, or why nothing did. */
  evidence: string;
}

/**
 * Decide a column's day/month order from its values: a first part above 12 proves day-first,
 * a second part above 12 proves month-first, four-digit-first values are year-first. When the
 * samples prove nothing (or contradict each other) the result is not confident and `order`
 * is `fallback`, which the pipeline should take from --date-format or the org's locale
 * (dateOrderForLocale).
 */
export function detectDateOrder(samples: readonly string[], fallback: DateOrder = 'MDY'): DetectedDateOrder {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let yearFirst: string | undefined;
  let numeric = 0;
  let dotted = 0;
  for (const sample of samples) {
    const text = cleanText(sample);
    if (text === null || isEmptyDatePlaceholder(text)) continue;
    if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}/.test(text) || /^\d{4}\s*年/.test(text)) {
      yearFirst ??= text;
      continue;
    }
    const m = /^(\d{1,2})([./\-])(\d{1,2})\2(\d{2,4})\b/.exec(text);
    if (!m) continue;
    numeric++;
    if (m[2] === '.') dotted++;
    const a = +m[1]!;
    const b = +m[3]!;
    if (a > 12 && a <= 31 && b <= 12) dayFirst ??= text;
    if (b > 12 && b <= 31 && a <= 12) monthFirst ??= text;
  }
  if (dayFirst && monthFirst) {
    return { order: fallback, confident: false, evidence: `conflicting values: "${dayFirst}" is day-first but "${monthFirst}" is month-first` };
  }
  if (dayFirst) return { order: 'DMY', confident: true, evidence: `"${dayFirst}" starts with a number above 12, so the day comes first` };
  if (monthFirst) return { order: 'MDY', confident: true, evidence: `"${monthFirst}" has a number above 12 in the middle, so the month comes first` };
  if (yearFirst && numeric === 0) return { order: 'YMD', confident: true, evidence: `values such as "${yearFirst}" start with a four-digit year` };
  if (numeric > 0 && dotted === numeric) {
    return { order: 'DMY', confident: false, evidence: `no day above 12 in ${numeric} values; dots ("${samples.find((s) => s.includes('.'))?.trim()}") are usually day-first` };
  }
  return {
    order: fallback,
    confident: false,
    evidence: numeric === 0 ? 'no all-number dates to decide from' : `every day and month in ${numeric} values is 12 or less, so either order fits`,
  };
}

const localeOrders = new Map<string, DateOrder>();

/**
 * The short-date order a locale writes, from Node's ICU data: en-US → MDY; en-GB, de, fi,
 * lv, is, pt-BR → DMY; zh-CN, ja, ko, lt, sv → YMD. An unknown locale gives DMY, the order
 * most of the world uses.
 */
export function dateOrderForLocale(locale: string): DateOrder {
  const known = localeOrders.get(locale);
  if (known) return known;
  let order: DateOrder = 'DMY';
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2026, 2, 5)))
      .map((p) => p.type)
      .filter((t) => t === 'year' || t === 'month' || t === 'day');
    const key = parts.map((t) => t[0]!.toUpperCase()).join('');
    if (key === 'MDY' || key === 'DMY' || key === 'YMD') order = key;
  } catch {
    // RangeError for a malformed tag: keep the default.
  }
  localeOrders.set(locale, order);
  return order;
}
