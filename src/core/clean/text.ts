/**
 * Plain-text cleaning shared by every field: what a careful admin does by eye
 * before pasting a value into a CRM (trim, one space between words, no
 * invisible characters), plus URLs, postal codes and states.
 */

// Zero-width space/joiners, word joiner, BOM, soft hyphen and NUL: invisible, and they
// break matching ("Acme\u200B" ≠ "Acme"). ZWJ (U+200D) is kept: emoji and some scripts need it.
const INVISIBLE = /[\u0000\u00AD\u200B\u200C\u2060\uFEFF]/g;
// Every horizontal space, including NBSP, ideographic and thin spaces.
const SPACES = /[\t\v\f \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
// Other C0/C1 controls (not \n, \r, \t) that exports leak, e.g. Outlook's \x0B in notes.
const CONTROLS = /[\u0001-\u0008\u000E-\u001F\u007F-\u009F]/g;

// Printable ASCII, no leading, trailing or double space: nothing for cleanText to change.
const PLAIN_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** One-line text: trim, NFC, drop invisible characters, collapse every run of spaces and line breaks to one space. '' → null. */
export function cleanText(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  // Most cells are plain ASCII with single spaces, which cleaning leaves as they are.
  if (PLAIN_ASCII.test(raw)) return raw;
  const text = raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(SPACES, ' ')
    .trim();
  return text === '' ? null : text;
}

/**
 * Multi-line text (notes, descriptions, streets): keeps line breaks but normalises
 * CRLF/CR to \n, trims trailing spaces of each line, and drops leading/trailing blank lines.
 * Indentation inside the text is kept: notes may hold lists.
 */
export function cleanNotes(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  const text = raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(CONTROLS, '')
    .replace(/\v/g, '\n') // Outlook writes vertical tabs for line breaks in some fields
    .split('\n')
    .map((line) => line.replace(/[\t \u00A0\u3000]+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
  return text.trim() === '' ? null : text;
}

export interface CleanResult {
  value: string | null;
  /** The value is unusable as it stands (the pipeline decides whether to reject the row). */
  problem?: string;
  /** The value was kept or repaired, but the admin should know. */
  warning?: string;
}

/**
 * Web addresses: trims, removes the vCard over-escaping `http\://`, angle brackets and a
 * trailing full stop, lower-cases scheme and host (paths are case-sensitive, so they stay).
 * A missing scheme is NOT added: the address is stored as the admin's source wrote it.
 */
export function cleanUrl(raw: string | null | undefined): CleanResult {
  let text = cleanText(raw);
  if (text === null) return { value: null };
  text = text.replace(/\\([:;,])/g, '$1').replace(/^<(.*)>$/, '$1').replace(/\.$/, '').trim();
  if (/\s/.test(text)) return { value: text, problem: `"${text}" contains spaces, so it is not one web address` };
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#]+)(.*)$/i.exec(text);
  if (!match) return { value: text, problem: `"${text}" is not a web address` };
  const scheme = match[1]?.toLowerCase() ?? '';
  if (scheme && scheme !== 'http://' && scheme !== 'https://') return { value: text, problem: `"${text}" is not an http(s) address` };
  const host = match[2]!.toLowerCase();
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.')) return { value: text, problem: `"${text}" has no domain name` };
  return { value: scheme + host + match[3] };
}

/**
 * Postal codes are text, never numbers: leading zeros stay ("00100" Helsinki, "01310-100" São Paulo).
 * Letters are upper-cased and the spacing made standard where one format is known:
 * GB/IE/CA/NL spacing, US ZIP+4, BR CEP, LV "LV-1010", PT "1000-001".
 * A 4-digit US ZIP or 7-digit BR CEP is what Excel leaves after eating the leading zero:
 * it is padded back, with a warning.
 */
export function cleanPostalCode(raw: string | null | undefined, countryCode?: string): CleanResult {
  const text = cleanText(raw);
  if (text === null) return { value: null };
  const upper = text.toUpperCase();
  const compact = upper.replace(/[\s-]/g, '');
  switch (countryCode?.toUpperCase()) {
    case 'US': {
      if (/^\d{5}$/.test(compact)) return { value: compact };
      if (/^\d{9}$/.test(compact)) return { value: `${compact.slice(0, 5)}-${compact.slice(5)}` };
      if (/^\d{4}$/.test(compact)) return { value: `0${compact}`, warning: `ZIP code "${text}" had lost its leading zero (a spreadsheet treated it as a number); stored as 0${compact}` };
      if (/^\d{8}$/.test(compact)) return { value: `0${compact.slice(0, 4)}-${compact.slice(4)}`, warning: `ZIP+4 "${text}" had lost its leading zero; stored as 0${compact.slice(0, 4)}-${compact.slice(4)}` };
      break;
    }
    case 'GB':
    case 'IE':
    case 'CA': {
      // Outward and inward codes: the inward part is always the last three characters.
      if (/^[A-Z0-9]{5,7}$/.test(compact) && /\d[A-Z]{2}$|[A-Z]\d[A-Z]\d$|^[A-Z]\d{2}[A-Z0-9]{4}$/.test(compact)) {
        const cut = countryCode.toUpperCase() === 'IE' ? 3 : compact.length - 3;
        return { value: `${compact.slice(0, cut)} ${compact.slice(cut)}` };
      }
      break;
    }
    case 'NL':
      if (/^\d{4}[A-Z]{2}$/.test(compact)) return { value: `${compact.slice(0, 4)} ${compact.slice(4)}` };
      break;
    case 'BR':
      if (/^\d{8}$/.test(compact)) return { value: `${compact.slice(0, 5)}-${compact.slice(5)}` };
      if (/^\d{7}$/.test(compact)) return { value: `0${compact.slice(0, 4)}-${compact.slice(4)}`, warning: `CEP "${text}" had lost its leading zero; stored as 0${compact.slice(0, 4)}-${compact.slice(4)}` };
      break;
    case 'PT':
      if (/^\d{7}$/.test(compact)) return { value: `${compact.slice(0, 4)}-${compact.slice(4)}` };
      break;
    case 'LV':
      if (/^(?:LV)?\d{4}$/.test(compact)) return { value: `LV-${compact.slice(-4)}` };
      break;
  }
  return { value: upper.replace(/\s*-\s*/g, '-') };
}

// Countries whose state/province field normally holds a short code (CA, NSW, SP).
const CODED_STATES = new Set(['US', 'CA', 'AU', 'BR', 'MX', 'IN', 'MY']);

/**
 * State/province/region: one-line text; a 2–3 letter abbreviation is upper-cased where
 * states are usually written as codes ("ca" → "CA", "nsw" → "NSW"). Names stay as written.
 */
export function cleanState(raw: string | null | undefined, countryCode?: string): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const coded = countryCode === undefined || CODED_STATES.has(countryCode.toUpperCase());
  if (coded && /^[\p{L}]{2,3}\.?$/u.test(text) && (countryCode !== undefined || text.length === 2)) {
    return text.replace(/\.$/, '').toUpperCase();
  }
  return text;
}
