import type { FieldDef, PicklistValueDef } from '../schema/types.js';
import type { RecordValue } from '../store/records.js';

/** The outcome of turning one raw text value into a stored value. */
export type Coerced = { ok: true; value: RecordValue } | { ok: false; message: string };

const ok = (value: RecordValue): Coerced => ({ ok: true, value });
const fail = (message: string): Coerced => ({ ok: false, message });

// Pragmatic address check (RFC 5322 is far wider than what mail systems accept):
// one @, no spaces, a dotted domain with a 2+ letter TLD, Unicode letters allowed.
const EMAIL = /^[^\s@<>(),;:"[\]]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,}$/u;

export function isValidEmail(value: string): boolean {
  if (value.length > 254) return false;
  const local = value.slice(0, value.lastIndexOf('@'));
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return EMAIL.test(value);
}

const PHONE = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:x|ext\.?|extension|#|p|w|,)\s*\d+)?$/i;

const isRealDate = (y: number, m: number, d: number): boolean => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/**
 * Turn a raw text value into the value stored for a field, or say why it is
 * invalid. Empty text means null. Picklist matching ignores case and returns
 * the org's spelling. Locale-aware cleaning (phones, day-first dates) happens
 * earlier, in import; this is the strict gate every write passes.
 */
export function coerceValue(field: FieldDef, raw: RecordValue | undefined, picklist?: readonly PicklistValueDef[]): Coerced {
  if (raw === null || raw === undefined) return ok(null);
  if (typeof raw === 'boolean') {
    if (field.type === 'checkbox') return ok(raw);
    raw = String(raw);
  }
  if (typeof raw === 'number') {
    if (['number', 'currency', 'percent'].includes(field.type)) return checkNumber(field, raw);
    raw = String(raw);
  }
  const text = field.type === 'textarea' ? raw.replace(/^\s+|\s+$/g, '') : raw.trim();
  if (text === '') return ok(null);
  switch (field.type) {
    case 'id':
    case 'reference':
      return /^[0-9A-Za-z]{15}$/.test(text) ? ok(text) : fail(`"${text}" is not a record id (15 letters and digits)`);
    case 'text':
    case 'textarea': {
      if (field.length !== undefined && text.length > field.length) {
        return fail(`is ${text.length} characters long; the limit is ${field.length}`);
      }
      return ok(text);
    }
    case 'email': {
      // Mail systems treat the domain case-insensitively; keep the local part as written.
      const at = text.lastIndexOf('@');
      const value = at > 0 ? text.slice(0, at) + '@' + text.slice(at + 1).toLowerCase() : text;
      return isValidEmail(value) ? ok(value) : fail(`"${text}" is not a valid e-mail address`);
    }
    case 'phone':
      if (text.length > 40) return fail(`"${text}" is too long for a phone number (40 characters at most)`);
      return PHONE.test(text) ? ok(text) : fail(`"${text}" is not a phone number`);
    case 'url': {
      const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
      try {
        const url = new URL(candidate);
        if (!['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.')) throw new Error('bad');
        return text.length > 255 ? fail('is longer than 255 characters') : ok(text);
      } catch {
        return fail(`"${text}" is not a web address`);
      }
    }
    case 'picklist': {
      const match = matchPicklist(text, picklist ?? []);
      return match === undefined ? fail(`"${text}" is not a value of this picklist (allowed: ${(picklist ?? []).map((v) => v.value).join(', ')})`) : ok(match);
    }
    case 'multipicklist': {
      const parts = text.split(';').map((s) => s.trim()).filter(Boolean);
      const matched: string[] = [];
      for (const part of parts) {
        const match = matchPicklist(part, picklist ?? []);
        if (match === undefined) return fail(`"${part}" is not a value of this picklist (allowed: ${(picklist ?? []).map((v) => v.value).join(', ')})`);
        if (!matched.includes(match)) matched.push(match);
      }
      return ok(matched.join(';'));
    }
    case 'number':
    case 'currency':
    case 'percent': {
      const cleaned = text.replace(/[\s_]/g, '').replace(/%$/, '');
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return fail(`"${text}" is not a number`);
      return checkNumber(field, Number(cleaned));
    }
    case 'checkbox': {
      const lower = text.toLowerCase();
      if (['true', 'yes', 'y', '1', 'x', 'on'].includes(lower)) return ok(true);
      if (['false', 'no', 'n', '0', 'off'].includes(lower)) return ok(false);
      return fail(`"${text}" is not true or false`);
    }
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!)) return fail(`"${text}" is not a date as YYYY-MM-DD`);
      return ok(text);
    }
    case 'datetime': {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
      if (!m || !isRealDate(+m[1]!, +m[2]!, +m[3]!)) return fail(`"${text}" is not a date-time as YYYY-MM-DDThh:mm:ssZ`);
      const parsed = new Date(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}T00:00:00Z` : text.replace(' ', 'T') + (m[7] ? '' : 'Z'));
      return Number.isNaN(parsed.getTime()) ? fail(`"${text}" is not a valid date-time`) : ok(parsed.toISOString());
    }
  }
}

function checkNumber(field: FieldDef, n: number): Coerced {
  if (!Number.isFinite(n)) return fail(`"${n}" is not a finite number`);
  const scale = field.scale;
  const value = scale === undefined ? n : Number(n.toFixed(scale));
  if (field.precision !== undefined) {
    const integerDigits = Math.trunc(Math.abs(value)).toString().length;
    if (integerDigits > field.precision - (scale ?? 0)) {
      return fail(`${n} has too many digits (at most ${field.precision - (scale ?? 0)} before the decimal point)`);
    }
  }
  if (field.type === 'percent' && field.name === 'Probability' && (value < 0 || value > 100)) {
    return fail(`${n} is not a percentage between 0 and 100`);
  }
  return ok(value);
}

export function matchPicklist(text: string, values: readonly PicklistValueDef[]): string | undefined {
  const exact = values.find((v) => v.value === text);
  if (exact) return exact.value;
  const folded = text.toLocaleLowerCase();
  return values.find((v) => v.value.toLocaleLowerCase() === folded)?.value;
}
