import { CrmError, ValidationError, type FieldProblem } from '../errors.js';

/** Checks for the company profile: IANA time zone, BCP 47 locale, ISO 4217 currency, fiscal start month. */
export function timezoneProblem(value: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return undefined;
  } catch {
    return `"${value}" is not an IANA time zone (e.g. Europe/Riga, America/Sao_Paulo, Asia/Shanghai)`;
  }
}

export function canonicalLocale(value: string): string | undefined {
  try {
    const [locale] = Intl.getCanonicalLocales(value.replace('_', '-'));
    return locale;
  } catch {
    return undefined;
  }
}

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function currencyProblem(value: string): string | undefined {
  return CURRENCIES.has(value.toUpperCase()) ? undefined : `"${value}" is not an ISO 4217 currency code (e.g. EUR, USD, BRL, CNY, ISK)`;
}

export function systemTimezone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface CompanySettingsInput {
  timezone?: string | undefined;
  locale?: string | undefined;
  currency?: string | undefined;
  fiscalStartMonth?: number | string | undefined;
}

export interface CompanySettings {
  timezone?: string;
  locale?: string;
  currency?: string;
  fiscalStartMonth?: number;
}

/** Validate the settings given, collecting every problem; returns them in canonical form. */
export function validateCompanySettings(input: CompanySettingsInput): CompanySettings {
  const problems: FieldProblem[] = [];
  const out: CompanySettings = {};
  if (input.timezone !== undefined) {
    const problem = timezoneProblem(input.timezone);
    if (problem) problems.push({ field: 'timezone', message: problem });
    else out.timezone = input.timezone;
  }
  if (input.locale !== undefined) {
    const locale = canonicalLocale(input.locale);
    if (!locale) problems.push({ field: 'locale', message: `"${input.locale}" is not a BCP 47 locale (e.g. lv-LV, fi-FI, is-IS, pt-BR, zh-CN)` });
    else out.locale = locale;
  }
  if (input.currency !== undefined) {
    const problem = currencyProblem(input.currency);
    if (problem) problems.push({ field: 'currency', message: problem });
    else out.currency = input.currency.toUpperCase();
  }
  if (input.fiscalStartMonth !== undefined) {
    const month = Number(input.fiscalStartMonth);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      problems.push({ field: 'fiscalStartMonth', message: `"${input.fiscalStartMonth}" is not a month number from 1 to 12` });
    } else out.fiscalStartMonth = month;
  }
  if (problems.length > 0) throw new ValidationError('Org', problems, 'Fix the values named above and run the command again.');
  return out;
}

export function requireNonEmpty(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === '') {
    throw new CrmError('USAGE', `${what} is required.`, { hint: `Pass ${flag} <value>.`, details: { flag } });
  }
  return value.trim();
}
