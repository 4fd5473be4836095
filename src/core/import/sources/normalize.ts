/**
 * Header comparison keys. Exports differ in case, trailing spaces (French Outlook's "Société "),
 * NBSP (Exchange's Bulgarian map), compatibility forms (full-width letters) and punctuation
 * (ACT! turns "Phone Ext." into "Phone Ext-"), so headers are compared by a folded key.
 */

/** Trim, NFKC, NBSP → space, collapse whitespace, lower-case: `"  Société\u00a0"` → `"société"`. */
export function foldHeader(header: string): string {
  return header.normalize('NFKC').replace(/[\s\u00a0\u2007\u202f\ufeff]+/gu, ' ').trim().toLowerCase();
}

/**
 * A looser key: accents removed and every run of punctuation or space made one space, so
 * "E-mail Address", "e‑mail  address" and "E-mail-Address" meet, and "Phone Ext." = "Phone Ext-".
 * Letters of every script are kept ("姓", "Uzvārds" → "uzvards").
 */
export function headerKey(header: string): string {
  return foldHeader(header)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same key with no spaces at all: "E-Mail-Adresse" = "EMailAdresse" = "email adresse". */
export function compactKey(header: string): string {
  return headerKey(header).replace(/ /g, '');
}
