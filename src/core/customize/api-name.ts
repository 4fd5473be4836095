/**
 * API names for custom fields, derived from the admin's label the way
 * Salesforce does (`Größe "XL"` → `Groesse_XL__c`), but always a safe ASCII
 * identifier: letters, digits and single underscores, starting with a
 * letter, at most MAX_API_BASE characters before `__c`, unique per object
 * (SQLite column names ignore case, so uniqueness does too).
 */
export const MAX_API_BASE = 40;
export const CUSTOM_SUFFIX = '__c';

// Letters that Unicode decomposition does not reduce to ASCII.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'Th', ł: 'l', Ł: 'L', ı: 'i', ŋ: 'ng', Ŋ: 'Ng', ħ: 'h', Ħ: 'H', ĸ: 'k',
};

// German umlauts read better as ae/oe/ue than as bare vowels (Größe → Groesse).
const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

function transliterateChar(ch: string): string {
  if (ch in UMLAUTS) return UMLAUTS[ch]!;
  if (ch in SPECIAL_LETTERS) return SPECIAL_LETTERS[ch]!;
  const lower = ch.toLowerCase();
  const table = lower in CYRILLIC ? CYRILLIC : lower in GREEK ? GREEK : undefined;
  if (table) {
    const latin = table[lower]!;
    return ch === lower || latin === '' ? latin : latin[0]!.toUpperCase() + latin.slice(1);
  }
  // Strip accents: é → e + combining mark → e.
  return ch.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** The ASCII base of an API name for a label, or '' when nothing Latin remains (e.g. 客户等级). */
export function apiNameBase(label: string): string {
  const ascii = Array.from(label.normalize('NFC'), transliterateChar).join('');
  let base = ascii
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base !== '' && !/^[A-Za-z]/.test(base)) base = `X${base}`;
  return trimBase(base, MAX_API_BASE);
}

function trimBase(base: string, max: number): string {
  return base.slice(0, max).replace(/_+$/, '');
}

/**
 * A unique API name for a new custom field. `taken` holds the object's
 * existing field names; labels with no Latin letters get `Field_N__c`.
 */
export function deriveApiName(label: string, taken: Iterable<string>): string {
  const used = new Set(Array.from(taken, (n) => n.toLowerCase()));
  const base = apiNameBase(label) || 'Field';
  const first = `${base}${CUSTOM_SUFFIX}`;
  if (base !== 'Field' && !used.has(first.toLowerCase())) return first;
  for (let n = base === 'Field' ? 1 : 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${trimBase(base, MAX_API_BASE - suffix.length)}${suffix}${CUSTOM_SUFFIX}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
