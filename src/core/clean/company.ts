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
  'sp z o o', 'sp zoo', 'sro', 's r o', 'as', 'kft', 'zrt', 'nyrt', 'doo', 'd o o', 'ooo', 'zao', 'oao', 'pao',
  // Chinese and Japanese (written forms)
  '有限公司', '股份有限公司', '有限责任公司', '集团', '株式会社', '有限会社',
];

const SUFFIX_SET = new Set(LEGAL_SUFFIXES);
const MAX_SUFFIX_WORDS = Math.max(...LEGAL_SUFFIXES.map((s) => s.split(' ').length));

/** Strip accents, punctuation, case and legal-form suffixes: "Müller GmbH & Co. KG" → "muller". */
export function companyKey(name: string | null | undefined): string {
  if (!name) return '';
  let text = name.normalize('NFKC').trim();
  for (const cjk of ['股份有限公司', '有限责任公司', '有限公司', '株式会社', '有限会社', '集团']) {
    if (text.endsWith(cjk) && text.length > cjk.length) text = text.slice(0, -cjk.length);
  }
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' & ')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  // A leading legal form too ("SIA Rīgas Ūdens", "AS Latvenergo", "Oy Abc Ab").
  while (words.length > 1 && SUFFIX_SET.has(words[0]!)) words.shift();
  for (let changed = true; changed && words.length > 1; ) {
    changed = false;
    for (let n = Math.min(MAX_SUFFIX_WORDS, words.length - 1); n >= 1; n--) {
      const tail = words.slice(-n).join(' ');
      if (SUFFIX_SET.has(tail) || SUFFIX_SET.has(tail.replace(/ /g, ''))) {
        words.splice(-n, n);
        changed = true;
        break;
      }
    }
    while (words.length > 1 && words.at(-1) === '&') words.pop();
  }
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ').replace(/ & /g, ' and ');
}
