import type { FieldDef } from '../schema/types.js';
import { standardizeCountry } from './countries.js';
import { cleanDate, dateOrderForLocale, type DateOrder } from './dates.js';
import { cleanEmail } from './emails.js';
import { cleanNamePart, salutationFor } from './names.js';
import { cleanPhone, type CountryCode } from './phones.js';
import { cleanNotes, cleanPostalCode, cleanState, cleanText, cleanUrl, type CleanResult } from './text.js';

/**
 * The import pipeline's one entry point into value cleaning: raw cell text for a mapped
 * field → the text the strict validator (coerceValue) accepts, plus what the admin should hear.
 */

export { companyKey } from './company.js';
export { standardizeCountry, countryToDefaultPhoneRegion } from './countries.js';
export { cleanDate, parseDate, detectDateOrder, dateOrderForLocale, formatDate, type DateOrder } from './dates.js';
export { cleanEmail, exchangeAddress } from './emails.js';
export { cleanNamePart, splitPersonName, salutationFor, type PersonName } from './names.js';
export { cleanPhone, phoneDigits, type CountryCode } from './phones.js';
export { cleanNotes, cleanPostalCode, cleanState, cleanText, cleanUrl } from './text.js';

export interface CleanContext {
  /** Region for local phone numbers and postal-code formats: the row's country if known (countryToDefaultPhoneRegion), else the org's. */
  defaultCountry?: CountryCode;
  /** This column's day/month order (detectDateOrder, --date-format). */
  dateOrder?: DateOrder;
  /** The org's locale (e.g. "lv-LV"): the date order when the column's is unknown, and the decimal separator. */
  locale?: string;
  /** Date cells are Excel serial numbers (spreadsheet readers that do not convert dates). */
  excelSerial?: boolean;
  /** "Today" for two-digit years and birth-date checks; tests fix it. */
  today?: Date;
}

export type CleanedValue = CleanResult;

const NAME_FIELDS = new Set(['FirstName', 'MiddleName', 'LastName', 'Suffix']);

// "Yes"/"No" in the languages of our admins, and Outlook's German "Ein"/"Aus" for Private.
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'on', 'ja', 'ein', 'oui', 'si', 'sí', 'sim', 'kyllä', 'kylla', 'jā', 'já', 'tak', 'taip', 'jah', 'да', '是', 'checked', '✓', '✔']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'nein', 'aus', 'non', 'não', 'nao', 'ei', 'nē', 'ne', 'nei', 'nej', 'nie', 'нет', '否', 'unchecked']);

/**
 * Clean one raw value for one field. Dispatches on the field type, and for text fields on the
 * API name (…Country, …PostalCode, …State, name parts). `problem` means the value cannot be
 * used (the pipeline rejects or warns per its policy); `warning` means it was kept or repaired.
 */
export function cleanValueForField(field: FieldDef, raw: string | null | undefined, ctx: CleanContext = {}): CleanedValue {
  if (raw == null || raw.trim() === '') return { value: null };
  switch (field.type) {
    case 'email': {
      const email = cleanEmail(raw);
      // Most cells hold one plain address: no notes to build.
      if (email.warning === undefined && email.others === undefined) return email.problem ? { value: email.value, problem: email.problem } : { value: email.value };
      const notes = [email.warning, email.others?.length ? `the cell also held ${email.others.join(', ')}, which ${email.others.length === 1 ? 'was' : 'were'} not imported into ${field.name}` : undefined].filter(Boolean);
      return withWarning({ value: email.value, ...(email.problem ? { problem: email.problem } : {}) }, notes.join('; '));
    }
    case 'phone': {
      const phone = cleanPhone(raw, ctx.defaultCountry);
      if (phone.problem === undefined && phone.others === undefined) return { value: phone.value };
      // The original text is kept; coerceValue still decides whether it is a phone number at all.
      const notes = [phone.problem, phone.others?.length ? `the cell also held ${phone.others.join(', ')}, which ${phone.others.length === 1 ? 'was' : 'were'} not imported into ${field.name}` : undefined].filter(Boolean);
      return withWarning({ value: phone.value }, notes.join('; '));
    }
    case 'date': {
      const order = ctx.dateOrder ?? dateOrderForLocale(ctx.locale ?? 'en-US');
      const birthday = /birth/i.test(field.name);
      return cleanDate(raw, order, { excelSerial: ctx.excelSerial, birthday, today: ctx.today });
    }
    case 'datetime':
      return cleanDateTime(raw, ctx);
    case 'url':
      return cleanUrl(raw);
    case 'textarea':
      return { value: cleanNotes(raw) };
    case 'picklist': {
      // Google marks the primary value with "* ".
      const text = cleanText(raw)?.replace(/^\*\s+/, '') ?? null;
      if (text !== null && field.name === 'Salutation') return { value: salutationFor(text) ?? text };
      return { value: text };
    }
    case 'multipicklist': {
      // Google's "* myContacts ::: Suppliers" and Outlook's "A;B" both become "A;B".
      const parts = (cleanText(raw) ?? '').split(/\s*(?::::|;)\s*/).map((p) => p.replace(/^\*\s+/, '').trim()).filter(Boolean);
      return { value: parts.length > 0 ? parts.join(';') : null };
    }
    case 'checkbox': {
      const text = cleanText(raw);
      const lower = text?.toLocaleLowerCase();
      if (lower !== undefined && TRUE_WORDS.has(lower)) return { value: 'true' };
      if (lower !== undefined && FALSE_WORDS.has(lower)) return { value: 'false' };
      return { value: text };
    }
    case 'number':
    case 'currency':
    case 'percent':
      return cleanNumber(raw, ctx.locale);
    case 'text':
      return cleanTextField(field, raw, ctx);
    case 'id':
    case 'reference':
      return { value: cleanText(raw) };
  }
}

function withWarning(result: CleanedValue, warning: string | undefined): CleanedValue {
  return warning ? { ...result, warning } : result;
}

function cleanTextField(field: FieldDef, raw: string, ctx: CleanContext): CleanedValue {
  const name = field.name;
  if (/Country$/.test(name)) {
    const text = cleanText(raw);
    if (text === null) return { value: null };
    const country = standardizeCountry(text);
    return country ? { value: country.name } : { value: text, warning: `"${text}" is not a country name this importer knows; kept as written` };
  }
  if (/PostalCode$/.test(name)) return cleanPostalCode(raw, ctx.defaultCountry);
  if (/State$/.test(name)) return { value: cleanState(raw, ctx.defaultCountry) };
  if (NAME_FIELDS.has(name)) return { value: cleanNamePart(raw) };
  return { value: cleanText(raw) };
}

const TIME = /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap])?\.?\s*m?\.?\s*$/i;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/** ISO date-times pass through; "3/5/2026 10:30 PM" → "2026-03-05T22:30:00" (no zone: stored as UTC by coerceValue). */
function cleanDateTime(raw: string, ctx: CleanContext): CleanedValue {
  const text = cleanText(raw);
  if (text === null) return { value: null };
  if (ISO_DATETIME.test(text)) return { value: text.replace(' ', 'T') };
  const date = cleanDate(text, ctx.dateOrder ?? dateOrderForLocale(ctx.locale ?? 'en-US'), { excelSerial: ctx.excelSerial, today: ctx.today });
  if (date.value === null) return date;
  if (!/[\sT,]\d{1,2}[:.]\d{2}/.test(text)) return { value: `${date.value}T00:00:00` };
  const time = TIME.exec(text);
  if (!time) return { value: null, problem: `"${text}" has a time of day this importer cannot read` };
  let hour = +time[1]!;
  const marker = time[4]?.toLowerCase();
  if (marker === 'p' && hour < 12) hour += 12;
  if (marker === 'a' && hour === 12) hour = 0;
  if (hour > 23 || +time[2]! > 59 || +(time[3] ?? 0) > 59) return { value: null, problem: `"${text}" has no valid time of day` };
  return { value: `${date.value}T${String(hour).padStart(2, '0')}:${time[2]}:${time[3] ?? '00'}` };
}

const decimalSeparators = new Map<string, string>();
function decimalSeparatorFor(locale: string | undefined): string {
  const tag = locale ?? 'en-US';
  let separator = decimalSeparators.get(tag);
  if (separator === undefined) {
    try {
      separator = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    } catch {
      separator = '.';
    }
    decimalSeparators.set(tag, separator);
  }
  return separator;
}

/**
 * Numbers as people type them: "€ 1.234,50" (de), "1,234.50" (en), "1 234,50" (fi, lv, fr), "12 %".
 * When both "." and "," appear, the last one is the decimal point; a lone separator is read
 * with the locale's decimal separator. Output is plain "1234.5" text for coerceValue.
 */
function cleanNumber(raw: string, locale: string | undefined): CleanedValue {
  const text = cleanText(raw);
  if (text === null) return { value: null };
  let t = text
    .replace(/^\((.*)\)$/, '-$1') // accounting negatives
    .replace(/[\p{Sc}]|\b(?:EUR|USD|GBP|BRL|CNY|RMB|ISK|SEK|NOK|DKK|PLN|CHF|kr)\b\.?/gu, '')
    .replace(/[\s\u00A0\u202F'’_]/g, '')
    .replace(/%$/, '')
    .replace(/^\+/, '');
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    t = t.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    const groups = /^-?\d{1,3}(?:,\d{3})+$/.test(t);
    const decimalComma = decimalSeparatorFor(locale) === ',';
    if (groups && (!decimalComma || (t.match(/,/g) ?? []).length > 1)) t = t.replace(/,/g, '');
    else if ((t.match(/,/g) ?? []).length === 1) t = t.replace(',', '.');
  } else if (lastDot >= 0 && (t.match(/\./g) ?? []).length > 1) {
    t = t.replace(/\./g, ''); // "1.234.567" (de thousands)
  } else if (lastDot >= 0 && /^-?\d{1,3}\.\d{3}$/.test(t) && decimalSeparatorFor(locale) === ',') {
    t = t.replace('.', ''); // "1.234" in a decimal-comma locale is one thousand two hundred thirty-four
  }
  return { value: t === '' ? null : t };
}
