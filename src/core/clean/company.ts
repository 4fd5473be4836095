/**
 * Company-name keys: the same company written "ACME Inc.", "Acme, Inc" and
 * "acme incorporated" gets one key. Used to link contacts to accounts on
 * import and to block and compare accounts in duplicate detection.
 */
const LEGAL_SUFFIXES = [
  // English
  'incorporated', 'inc', 'corporation', 'corp', 'company', 'co', 'limited', 'ltd', 'llc', 'l l c', 'llp', 'lp', 'plc', 'pllc', 'pty', 'pty ltd',
  // German, Austrian, Swiss
  'gmbh', 'gmbh co kg', 'gmbh & co kg', 'ag', 'kg', 'ohg', 'ug', 'e v', 'ev', 'mbh',
  // French, Belgian
  'sa', 'sas', 'sasu', 'sarl', 'eurl', 'sci', 'snc', 'sprl', 'bv', 'bvba', 'nv',
  // Dutch, Nordic, Baltic
  'b v', 'n v', 'vof', 'ab', 'oy', 'oyj', 'as', 'asa', 'a s', 'aps', 'a/s', 'hf', 'ehf', 'ohf', 'sf', 'sia', 'as', 'uab', 'ou', 'oü', 'ab oy',
  // Iberian and Latin American
  'sl', 's l', 'slu', 'sa de cv', 's a de c v', 'ltda', 'lda', 'me', 'epp', 'eireli', 's a', 'spa', 's p a', 'srl', 's r l', 'sas',
  // Polish, Czech, others
  'sp z o o', 'sp zoo', 'sp z oo', 'sro', 's r o', 'as', 'kft', 'zrt', 'nyrt', 'doo', 'd o o', 'ooo', 'zao', 'oao', 'pao',
  // Chinese and Japanese (written forms)
  '有限公司', '股份有限公司', '有限责任公司', '集团', '株式会社', '有限会社',
];

const SUFFIX_SET = new Set(LEGAL_SUFFIXES);
const MAX_SUFFIX_WORDS = Math.max(...LEGAL_SUFFIXES.map((s) => s.split(' ').length));
// Written as prefix or suffix without spaces: 株式会社ソニー, 北京百度网讯科技有限公司.
const CJK_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '株式会社', '有限会社', '集团'];

// Letters NFKD does not take apart: "Møller-Mærsk" and "Moller-Maersk" get one key.
const FOLD: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

function strip(text: string): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const cjk of CJK_FORMS) {
      if (text.length <= cjk.length) continue;
      if (text.endsWith(cjk)) text = text.slice(0, -cjk.length).trim();
      else if (text.startsWith(cjk)) text = text.slice(cjk.length).trim();
      else continue;
      changed = true;
    }
  }
  return text;
}

/** Fold accents, case and punctuation into plain words; '&' stays a word of its own. */
function toWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßøæœłđðþıħ]/g, (c) => FOLD[c]!)
    .replace(/['’`´]/g, '') // "Jerry's" = "Jerrys"
    // Dotted initialisms are one word: "I.B.M." = "IBM", "S.A." = "SA", "A/S" = "AS".
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:[./]\p{L})+(?![\p{L}\p{N}])\.?/gu, (m) => m.replace(/[./]/g, ''))
    .replace(/&/g, ' & ')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
}

/** True when the text is a legal form by itself ("GmbH", "S.A.", "sp. z o.o."), compared the way companyKey compares words. */
export function isLegalForm(text: string): boolean {
  return isSuffix(toWords(text)) || CJK_FORMS.includes(text.trim());
}

const isSuffix = (words: string[]): boolean => {
  const joined = words.join(' ');
  // Spaced initialisms ("s a", "b v") also match their joined form; other words must match as written,
  // or a name ending in "E" would lose it before "hf" ("e hf" ≠ "ehf").
  return SUFFIX_SET.has(joined) || (words.every((w) => w.length === 1) && SUFFIX_SET.has(words.join('')));
};

/** Strip accents, punctuation, case and legal-form suffixes: "Müller GmbH & Co. KG" → "muller". */
export function companyKey(name: string | null | undefined): string {
  if (!name) return '';
  const text = strip(name.normalize('NFKC').trim());
  const words = toWords(text);
  // Only a written "The" is an article: "Þé" also folds to "the".
  let article = /^the(?![\p{L}\p{N}])/iu.test(text);
  for (let changed = true; changed && words.length > 1; ) {
    changed = false;
    if ((article && words[0] === 'the') || words[0] === '&') {
      if (words[0] === 'the') article = false;
      words.shift();
      changed = true;
      continue;
    }
    if (words.at(-1) === '&') {
      words.pop();
      changed = true;
      continue;
    }
    // A legal form in front ("SIA Rīgas Ūdens", "AS Latvenergo", "Oy Abc Ab") or at the end.
    for (let n = Math.min(MAX_SUFFIX_WORDS, words.length - 1); n >= 1 && !changed; n--) {
      if (isSuffix(words.slice(0, n))) {
        words.splice(0, n);
        changed = true;
      } else if (isSuffix(words.slice(-n))) {
        words.splice(-n, n);
        changed = true;
      }
    }
  }
  return words.map((w) => (w === '&' ? 'and' : w)).join(' ');
}
