import { isValidEmail } from '../records/values.js';
import { cleanText } from './text.js';

/** A cleaned e-mail cell: the address to store, why it could not be used, and any further addresses found in the same cell. */
export interface CleanedEmail {
  value: string | null;
  problem?: string;
  /** The address is usable, but the cell held more text the admin should know about. */
  warning?: string;
  /** More valid addresses from the same cell (Google's " ::: ", "a@x; b@y"): the pipeline may put them into Email 2/3 or a note. */
  others?: string[];
}

// No separators, brackets, quotes, spaces or colons, and no trailing dot: such a cell is its own address.
const BARE_ADDRESS = /^[A-Za-z0-9_%+-][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;

// "Name <addr>", "<addr>", "addr (Name)", "Name (addr)" (Outlook's EX display names).
const ANGLE = /<([^<>\s]+@[^<>\s]+)>/;
const PAREN = /\(([^()\s]+@[^()\s]+)\)/;

/** Lower-case the domain (mail systems treat it case-insensitively); the local part stays as written. */
function normaliseAddress(address: string): string {
  let text = address.trim().replace(/^mailto:/i, '').replace(/^["'<(\[]+|["'>)\].,;:]+$/g, '');
  const query = text.indexOf('?');
  if (query > 0) text = text.slice(0, query); // mailto:a@x?subject=...
  const at = text.lastIndexOf('@');
  return at > 0 ? text.slice(0, at) + '@' + text.slice(at + 1).toLowerCase() : text;
}

/** Pull the address out of one entry: "Jane Doe <Jane@X.com>", "jane@x.com (Jane)", "mailto:jane@x.com", "* jane@x.com". */
function extractOne(entry: string): string {
  const text = entry.trim().replace(/^\*\s+/, ''); // Google marks the primary value with "* "
  const angle = ANGLE.exec(text);
  if (angle) return normaliseAddress(angle[1]!);
  const paren = PAREN.exec(text);
  if (paren) return normaliseAddress(paren[1]!);
  // "jane@x.com (Jane Doe)": the address is the token with an @.
  const token = text.split(/\s+/).find((t) => t.includes('@'));
  return normaliseAddress(token ?? text);
}

/** An Exchange X.500 distinguished name ("/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=..."): not an e-mail address. */
export function isExchangeDn(value: string): boolean {
  return /^\/o=[^/]+\/(?:ou|cn)=/i.test(value.trim());
}

/**
 * One e-mail cell → the address to store. Several addresses (separated by " ::: ", ";" or ",")
 * give the first valid one as `value` and the rest in `others`. A cell with no valid
 * address gives `value: null` and says why in `problem`, so a bad address never reaches
 * the record silently; invalid extras next to a valid one are named in `warning`.
 */
export function cleanEmail(raw: string | null | undefined): CleanedEmail {
  const text = cleanText(raw);
  if (text === null) return { value: null };
  // Most cells hold one bare ASCII address: nothing to split, extract or strip, only the domain to lower-case.
  if (BARE_ADDRESS.test(text)) {
    const at = text.lastIndexOf('@');
    const address = text.slice(0, at + 1) + text.slice(at + 1).toLowerCase();
    if (isValidEmail(address)) return { value: address };
  }
  if (isExchangeDn(text)) {
    return { value: null, problem: `"${shorten(text)}" is an Exchange directory name, not an e-mail address (take the address from the E-mail Display Name column)` };
  }
  // Split on list separators but not inside "Doe, Jane <jane@x.com>": a comma separates
  // addresses only when both sides contain an @.
  const entries = splitEntries(text);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    const address = extractOne(entry);
    if (address === '') continue;
    if (isValidEmail(address)) {
      if (!valid.includes(address)) valid.push(address);
    } else {
      invalid.push(entry.trim());
    }
  }
  if (valid.length === 0) return { value: null, problem: `"${shorten(text)}" is not a valid e-mail address` };
  const result: CleanedEmail = { value: valid[0]! };
  if (valid.length > 1) result.others = valid.slice(1);
  if (invalid.length > 0) result.warning = `the cell also contained text that is not an e-mail address: ${invalid.map((s) => `"${shorten(s)}"`).join(', ')}`;
  return result;
}

function splitEntries(text: string): string[] {
  const parts = text.split(/\s*:::\s*|\s*;\s*/).filter((p) => p.trim() !== '');
  const entries: string[] = [];
  for (const part of parts) {
    const pieces = part.split(/\s*,\s*/);
    if (pieces.length > 1 && pieces.filter((p) => p.includes('@')).length > 1) {
      // "a@x.com, b@y.com" or "Doe, Jane <a@x.com>, b@y.com": join pieces without @ to the next one.
      let pending = '';
      for (const piece of pieces) {
        pending = pending ? `${pending}, ${piece}` : piece;
        if (piece.includes('@')) {
          entries.push(pending);
          pending = '';
        }
      }
      if (pending) entries.push(pending);
    } else {
      entries.push(part);
    }
  }
  return entries;
}

/**
 * Outlook's "E-mail Address" + "E-mail Type" (+ "E-mail Display Name"): with type "EX" the
 * address column holds an X.500 DN and the SMTP address is inside the display name,
 * e.g. "Jane Doe (jane@x.com)". Call with the display name and type when type is EX;
 * with "SMTP" (or no type) the display name is just cleaned like any e-mail cell.
 */
export function exchangeAddress(displayName: string | null | undefined, type: string | null | undefined): CleanedEmail {
  const text = cleanText(displayName);
  if (text === null) return { value: null, problem: type?.trim().toUpperCase() === 'EX' ? 'Exchange contact without a display name: no SMTP address to take' : undefined };
  const inParens = PAREN.exec(text) ?? ANGLE.exec(text);
  if (inParens) {
    const address = normaliseAddress(inParens[1]!);
    if (isValidEmail(address)) return { value: address };
  }
  const cleaned = cleanEmail(text);
  if (cleaned.value === null) {
    return { value: null, problem: `the Exchange display name "${shorten(text)}" holds no SMTP address` };
  }
  return cleaned;
}

const shorten = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);
