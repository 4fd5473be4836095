/**
 * String similarity for matching. Edit distance and Double Metaphone come from
 * maintained packages; Jaro-Winkler is written here because the maintained
 * candidate (@skyra/jaro-winkler 1.1.1) counts a 4-character common prefix as 5
 * (so "abcdx"/"abcdy" scores 0.933 instead of 0.92) and allocates per call, and
 * the `jaro-winkler` package has been unmaintained since 2017.
 */
import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';

export { distance as editDistance };

// Reused across calls: the hot loop compares millions of short names.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro-Winkler similarity in 0..1 (prefix scale 0.1, prefix up to 4), as in Winkler (1990). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  // Greedy character matching can depend on direction; a fixed order keeps the score symmetric.
  if (a > b) {
    const t = a;
    a = b;
    b = t;
  }
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length) flagsA = new Uint8Array(la * 2);
  if (lb > flagsB.length) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const start = i - window > 0 ? i - window : 0;
    const end = i + window + 1 < lb ? i + window + 1 : lb;
    const ch = a.charCodeAt(i);
    for (let j = start; j < end; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === ch) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) halfTranspositions++;
    j++;
  }
  const jaro = (matches / la + matches / lb + (matches - halfTranspositions / 2) / matches) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Edit distance scaled to 0..1 by the longer string (1 = equal). */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  return 1 - distance(a, b) / longer;
}

const metaphoneCache = new Map<string, readonly [string, string]>();
const METAPHONE_CACHE_LIMIT = 300_000;

/**
 * Double Metaphone codes of a folded name. Names in scripts it cannot spell
 * (Chinese, Cyrillic...) give their own text as code so they still block and match exactly.
 */
export function phonetic(name: string): readonly [string, string] {
  if (name === '') return ['', ''];
  let codes = metaphoneCache.get(name);
  if (codes === undefined) {
    const [primary, secondary] = doubleMetaphone(name);
    codes = primary === '' ? [name, name] : [primary, secondary || primary];
    if (metaphoneCache.size >= METAPHONE_CACHE_LIMIT) metaphoneCache.clear();
    metaphoneCache.set(name, codes);
  }
  return codes;
}

/** Whether any Double Metaphone code of one name equals any of the other's ("meyer"/"maier"). */
export function phoneticAgree(a: readonly [string, string], b: readonly [string, string]): boolean {
  return a[0] === b[0] || a[0] === b[1] || a[1] === b[0] || a[1] === b[1];
}
