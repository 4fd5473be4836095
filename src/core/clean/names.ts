import { cleanText } from './text.js';

/**
 * Person names: split a one-column full name (ACT!'s "Contact", a vCard FN without N) into
 * the Salesforce name fields, and fix the case of names typed in ALL CAPS or all lower case.
 */

export interface PersonName {
  /** A value of the org's Salutation picklist: Mr., Ms., Mrs., Mx., Dr., Prof. */
  Salutation?: string;
  FirstName?: string;
  MiddleName?: string;
  LastName?: string;
  Suffix?: string;
  /** Titles found in front of the name that are not (or no longer) the Salutation: "Rev.", "Sir", or "Dr." next to "Prof.". Kept so nothing typed is lost. */
  Honorific?: string;
  /** A nickname written in quotes or parentheses: William "Bill" Gates, Robert (Bob) Smith. */
  Nickname?: string;
}

export interface SplitNameOptions {
  /** Order of Latin-script names. Chinese, Japanese and Korean script is always family-first. Default given-first. */
  order?: 'given-first' | 'family-first';
  /** Spanish/Portuguese convention: the last two words are both surnames ("García López"). */
  doubleSurname?: boolean;
}

const key = (word: string): string => word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');

// Titles in front of a name → the Salutation picklist value they correspond to ('' = no
// corresponding value, kept as Honorific). Married-woman forms (Mrs, Mme, Sra., Rouva, Fru)
// → Mrs.; forms for any woman (Ms, Frau, Kundze, Pani, Mevrouw, Doña) and "Miss" forms → Ms.
// Maps, not objects: lookups are keyed by untrusted words ("constructor", "__proto__").
const TITLES = new Map<string, string>(Object.entries({
  mr: 'Mr.', mister: 'Mr.', herr: 'Mr.', hr: 'Mr.', monsieur: 'Mr.', sr: 'Mr.', senor: 'Mr.', sig: 'Mr.', signor: 'Mr.',
  dhr: 'Mr.', meneer: 'Mr.', herra: 'Mr.', kungs: 'Mr.', ponas: 'Mr.', harra: 'Mr.', senhor: 'Mr.', 'г-н': 'Mr.',
  mrs: 'Mrs.', mme: 'Mrs.', madame: 'Mrs.', sra: 'Mrs.', senora: 'Mrs.', senhora: 'Mrs.', 'sig.ra': 'Mrs.', signora: 'Mrs.', rouva: 'Mrs.', fru: 'Mrs.',
  ms: 'Ms.', frau: 'Ms.', kundze: 'Ms.', kdz: 'Ms.', mevr: 'Ms.', mevrouw: 'Ms.', dna: 'Ms.', proua: 'Ms.', ponia: 'Ms.',
  miss: 'Ms.', mlle: 'Ms.', mademoiselle: 'Ms.', srta: 'Ms.', senorita: 'Ms.', 'sig.na': 'Ms.', signorina: 'Ms.', fraulein: 'Ms.', frl: 'Ms.', neiti: 'Ms.', froken: 'Ms.', 'г-жа': 'Ms.',
  mx: 'Mx.', m: 'Mr.',
  dr: 'Dr.', doctor: 'Dr.', doktor: 'Dr.', dra: 'Dr.', tohtori: 'Dr.', 'dr.med': 'Dr.', 'dr.-ing': 'Dr.', 'dr.rer.nat': 'Dr.',
  prof: 'Prof.', professor: 'Prof.', profesor: 'Prof.', professeur: 'Prof.', 'prof.dr': 'Prof.', profesora: 'Prof.',
  // "Fr." is Frau in German lists but Father in English ones: kept, not guessed.
  rev: '', revd: '', fr: '', father: '', sir: '', dame: '', lord: '', lady: '', hon: '', rt: '', 'dipl.-ing': '', ing: '', mag: '', sen: '', rep: '', capt: '', col: '', gen: '', lt: '', sgt: '',
}));
// When several titles precede a name, the academic one is the Salutation ("Herr Prof. Dr." → Prof.).
const RANK: Record<string, number> = { 'Prof.': 3, 'Dr.': 2, 'Mx.': 1, 'Mr.': 1, 'Mrs.': 1, 'Ms.': 1 };

// Suffixes after a name, written in their usual form.
const SUFFIXES = new Map<string, string>(Object.entries({
  jr: 'Jr.', junior: 'Jr.', sr: 'Sr.', senior: 'Sr.', ii: 'II', iii: 'III', iv: 'IV',
  phd: 'PhD', 'ph.d': 'PhD', md: 'MD', 'm.d': 'MD', esq: 'Esq.', dds: 'DDS', dmd: 'DMD', cpa: 'CPA', mba: 'MBA', jd: 'JD', 'j.d': 'JD',
  rn: 'RN', dvm: 'DVM', obe: 'OBE', mbe: 'MBE', cbe: 'CBE', kbe: 'KBE', qc: 'QC', kc: 'KC', frcs: 'FRCS',
}));

// Words that belong to the surname that follows them (van der Berg, da Silva, von Trapp, Ortega y Gasset).
const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'degli', 'di', 'da', 'das', 'do', 'dos', 'du', 'des', 'la', 'le', 'los', 'las',
  'ter', 'ten', 'te', 'zu', 'zum', 'zur', 'af', 'av', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'st', 'saint', 'mac', 'mc', 'y', 'e', 'i',
]);
// "y"/"e"/"i" join two surnames only when written in lower case ("Ortega y Gasset"); capitalised they may be initials.
const LOWERCASE_ONLY_PARTICLES = new Set(['y', 'e', 'i']);
// Particles cleanNamePart does not lower-case: name prefixes (Mac, St.) and one-letter words that may be initials.
const NOT_LOWERED = new Set(['mac', 'mc', 'st', 'saint', 'y', 'e', 'i']);

// Two-character Chinese family names (simplified and traditional) that must not be split.
const COMPOUND_CHINESE_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '司徒', '东方', '独孤', '南宫', '万俟', '闻人', '夏侯', '皇甫', '尉迟', '公羊', '澹台', '公冶', '宗政', '濮阳',
  '淳于', '单于', '太叔', '申屠', '公孙', '仲孙', '轩辕', '令狐', '钟离', '宇文', '长孙', '慕容', '鲜于', '闾丘', '司空', '亓官', '司寇', '子车',
  '颛孙', '端木', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '拓跋', '夹谷', '宰父', '谷梁', '段干', '百里', '东郭', '南门', '呼延', '羊舌',
  '梁丘', '左丘', '东门', '西门', '第五', '歐陽', '司馬', '諸葛', '東方', '獨孤', '南宮', '尉遲', '鍾離', '長孫', '閭丘', '軒轅', '澹臺', '呼延',
]);
// Korean two-syllable family names.
const COMPOUND_KOREAN_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '어금', '망절']);

// Common Japanese two-kanji family names: a kanji-only name starting with one is split after
// two characters ("田中太郎" → 田中 / 太郎) instead of the Chinese one-character default.
const JAPANESE_SURNAMES = new Set([
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '山口', '松本', '井上', '木村', '斎藤', '清水',
  '山崎', '池田', '橋本', '阿部', '石川', '山下', '中島', '石井', '小川', '前田', '岡田', '藤田', '後藤', '近藤', '村上', '遠藤', '青木', '坂本',
  '斉藤', '福田', '太田', '西村', '藤井', '岡本', '藤原', '中野', '三浦', '原田', '中川', '松田', '竹内', '小野', '田村', '中山', '和田', '石田',
  '森田', '上田', '内田', '柴田', '酒井', '宮崎', '横山', '高木', '安藤', '宮本', '大野', '小島', '谷口', '今井', '工藤', '高田', '増田', '丸山',
  '杉山', '村田', '大塚', '新井', '小山', '平野', '藤本', '河野', '上野', '野口', '武田', '松井', '千葉', '岩崎', '菅原', '木下', '久保', '佐野',
  '野村', '松尾', '市川', '菊地', '杉本', '古川', '大西', '島田', '水野', '桜井', '高野', '渡部', '吉川', '山内', '西田', '飯田', '菊池', '西川',
]);

// Titles written after a CJK name, longest first; '' = no Salutation value (kept as Honorific).
const CJK_HONORIFICS: [string, string][] = [
  ['先生', 'Mr.'], ['女士', 'Ms.'], ['小姐', 'Ms.'], ['太太', 'Mrs.'], ['夫人', 'Mrs.'], ['博士', 'Dr.'], ['医生', 'Dr.'], ['醫生', 'Dr.'],
  ['教授', 'Prof.'], ['様', ''], ['さん', ''], ['氏', ''], ['님', ''], ['씨', ''],
];

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;

// Mac-names that are really "Mac" + capitalised name; others (Mack, Macy, Machado, Macias) are not.
const MAC_NAMES = new Set([
  'macdonald', 'macleod', 'mackenzie', 'macgregor', 'macarthur', 'macmillan', 'macintyre', 'mackay', 'maclean', 'macneil', 'macpherson',
  'macaulay', 'macinnes', 'mackinnon', 'maclachlan', 'maccallum', 'macfarlane', 'macrae', 'macqueen', 'macdougall', 'macgillivray',
  'maclennan', 'macintosh', 'mackintosh', 'macdonell', 'macewan', 'macnamara', 'macbride', 'macalister', 'macaskill', 'macdowell',
]);

function capitalise(word: string): string {
  if (word === '') return word;
  const lower = word.toLocaleLowerCase();
  const first = [...lower][0]!;
  let out = first.toLocaleUpperCase() + lower.slice(first.length);
  if (/^mc\p{L}{2,}/u.test(lower)) out = 'Mc' + lower[2]!.toLocaleUpperCase() + lower.slice(3);
  else if (MAC_NAMES.has(lower)) out = 'Mac' + lower[3]!.toLocaleUpperCase() + lower.slice(4);
  return out;
}

/**
 * One name part as a careful admin would store it: trimmed, single spaces, and — only when
 * the whole value is in ONE case (ALL CAPS or all lower) — title case that respects
 * O'Brien, McDonald, MacLeod, d'Artagnan, hyphens and surname particles ("VAN DER BERG" →
 * "van der Berg"). Mixed case ("deWitt", "McKenzie-Smith") is kept as written.
 */
export function cleanNamePart(raw: string | null | undefined): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const hasUpper = /\p{Lu}/u.test(text);
  const hasLower = /\p{Ll}/u.test(text);
  if ((hasUpper && hasLower) || (!hasUpper && !hasLower)) return text;
  if ([...text.replace(/[^\p{L}]/gu, '')].length < 2) return hasLower ? text.toLocaleUpperCase() : text;
  const words = text.split(' ');
  return words
    .map((word, i) => {
      const k = key(word);
      // A particle stays lower case when a name follows it; on its own ("DE") it is a name.
      if (PARTICLES.has(k) && i < words.length - 1 && !NOT_LOWERED.has(k)) return word.toLocaleLowerCase();
      return word
        .split(/([-'’])/)
        .map((piece, j, pieces) => {
          // d'Artagnan, dell'Orto: an elided particle before an apostrophe stays lower case.
          // As the first word it is capitalised like any name ("D'Angelo").
          if (i > 0 && j === 0 && pieces[1] && /['’]/.test(pieces[1]) && /^(d|dell|l)$/i.test(piece) && pieces.length > 2) return piece.toLocaleLowerCase();
          return /['’-]/.test(piece) ? piece : capitalise(piece);
        })
        .join('');
    })
    .join(' ');
}

/** Map one title word to the Salutation picklist ("Herr" → "Mr.", "Mme" → "Mrs."); undefined when it is not a title. */
export function salutationFor(title: string): string | undefined {
  const value = TITLES.get(key(title));
  return value === undefined || value === '' ? undefined : value;
}

// Abbreviations that are also names or words ("Sen", "Gen", "Col", "Hon", "Sr"): titles only with their full stop.
const DOT_REQUIRED = new Set(['m', 'sr', 'sra', 'srta', 'dra', 'dna', 'hr', 'fr', 'sen', 'rep', 'gen', 'col', 'lt', 'capt', 'sgt', 'hon', 'rt', 'mag', 'ing', 'sig', 'kdz', 'frl']);
const isTitle = (word: string): boolean => TITLES.has(key(word)) && (!DOT_REQUIRED.has(key(word)) || word.endsWith('.'));
const suffixOf = (word: string): string | undefined => SUFFIXES.get(key(word.replace(/,$/, '')));

function splitCjk(name: string): PersonName {
  // "王 伟" / "김 민준": a space separates family and given name.
  const spaced = name.split(' ');
  if (spaced.length >= 2) return { LastName: spaced[0]!, FirstName: spaced.slice(1).join(' ') };
  const chars = [...name];
  if (chars.length === 1) return { LastName: name };
  const two = chars.slice(0, 2).join('');
  const compound = HANGUL.test(name) ? COMPOUND_KOREAN_SURNAMES.has(two) : COMPOUND_CHINESE_SURNAMES.has(two) || JAPANESE_SURNAMES.has(two);
  if (compound && chars.length === 2) return { LastName: name }; // the family name alone: 田中様, 欧阳先生
  const familyLength = compound ? 2 : 1;
  return { LastName: chars.slice(0, familyLength).join(''), FirstName: chars.slice(familyLength).join('') };
}

/**
 * Split a full name into Salutation / FirstName / MiddleName / LastName / Suffix:
 * "Dr. Hans-Peter van der Berg Jr." → Dr. / Hans-Peter / – / van der Berg / Jr.;
 * "Smith, John Paul" → John / Paul / Smith; "Maria da Silva Santos" → Maria / da Silva Santos;
 * "王伟" → LastName 王, FirstName 伟; "欧阳娜娜" → 欧阳 / 娜娜; "约翰·史密斯" → 约翰 / 史密斯;
 * "Guðrún Þórsdóttir" → Guðrún / Þórsdóttir; a single word → LastName. Parts in one case
 * are title-cased (cleanNamePart).
 */
export function splitPersonName(full: string | null | undefined, options: SplitNameOptions = {}): PersonName {
  let text = cleanText(full);
  if (text === null) return {};
  const result: PersonName = {};
  // An address after the name ("Jane Doe <jane@x.com>", vCard FN fallbacks) is not part of it.
  text = text.replace(/\s*<[^<>]*@[^<>]*>\s*$/, '').trim();
  // A nickname in double quotes or parentheses is not a middle name.
  const nickname = /\s*(?:"([^"]+)"|“([^”]+)”|„([^“”]+)[“”]|\(([^()]+)\))\s*/.exec(text);
  if (nickname && text.replace(nickname[0], ' ').trim() !== '') {
    result.Nickname = (nickname[1] ?? nickname[2] ?? nickname[3] ?? nickname[4]!).trim();
    text = text.replace(nickname[0], ' ').trim();
  }
  if (text === '') return result;

  // Transliterated foreign names in Chinese/Japanese use a middle dot between given and family name.
  if (/[·・•]/.test(text) && HAN_OR_KANA.test(text)) {
    const parts = text.split(/\s*[·・•]\s*/).filter(Boolean);
    if (parts.length >= 2) return { ...result, FirstName: parts[0]!, ...(parts.length > 2 ? { MiddleName: parts.slice(1, -1).join(' ') } : {}), LastName: parts.at(-1)! };
  }
  if ((HAN_OR_KANA.test(text) || HANGUL.test(text)) && !/\p{Script=Latin}/u.test(text)) {
    // Chinese/Japanese/Korean titles follow the name: 王先生, 李女士, 张教授, 田中様, 김민준 씨.
    for (const [honorific, salutation] of CJK_HONORIFICS) {
      if (text.endsWith(honorific) && text.length > honorific.length) {
        const name = splitCjk(text.slice(0, -honorific.length).trim());
        return salutation ? { ...result, Salutation: salutation, ...name } : { ...result, Honorific: honorific, ...name };
      }
    }
    return { ...result, ...splitCjk(text) };
  }

  let words = text.replace(/\s*,\s*/g, ', ').split(' ');
  // Titles in front.
  const titles: string[] = [];
  while (words.length > 1 && isTitle(words[0]!.replace(/,$/, ''))) {
    // "M." is Monsieur only before a full name ("M. Jean Dupont"); in "M. Dupont" it may be an initial.
    if (key(words[0]!) === 'm' && (words[0] !== 'M.' || words.length < 3)) break;
    titles.push(words[0]!.replace(/,$/, ''));
    words = words.slice(1);
  }
  // Suffixes at the end ("Jr.", "PhD", "III"), also after a comma: "John Smith, Jr., PhD".
  const suffixes: string[] = [];
  while (words.length > 1) {
    const last = words.at(-1)!;
    const suffix = suffixOf(last);
    if (suffix === undefined || (suffix === 'Sr.' && words.length < 3 && !words.at(-2)!.endsWith(','))) break;
    suffixes.unshift(suffix);
    words = words.slice(0, -1);
    if (words.length > 0) words[words.length - 1] = words.at(-1)!.replace(/,$/, '');
  }

  let first: string[];
  let last: string[];
  const commaAt = words.findIndex((w) => w.endsWith(','));
  if (commaAt >= 0) {
    // "Last, First Middle": everything before the comma is the family name.
    last = words.slice(0, commaAt + 1).map((w) => w.replace(/,$/, ''));
    first = words.slice(commaAt + 1).map((w) => w.replace(/,$/, ''));
    // "Smith Jr., John"
    while (last.length > 1 && suffixOf(last.at(-1)!) !== undefined) suffixes.unshift(suffixOf(last.pop()!)!);
  } else if (words.length === 1) {
    first = [];
    last = words;
  } else if (options.order === 'family-first' && !/(?:dóttir|dottir)$/i.test(words.at(-1)!)) {
    last = words.slice(0, 1);
    first = words.slice(1);
  } else {
    // The surname starts at the first particle after the given name ("Maria da Silva Santos"),
    // or is the last word (two last words for Spanish/Portuguese double surnames).
    const particleAt = words.findIndex(
      (w, i) => i > 0 && i < words.length - 1 && PARTICLES.has(key(w)) && (!LOWERCASE_ONLY_PARTICLES.has(key(w)) || w === w.toLowerCase()) && !['mac', 'mc', 'st', 'saint'].includes(key(w)),
    );
    let cut = words.length - 1;
    if (options.doubleSurname && words.length >= 3) cut = words.length - 2;
    if (particleAt > 0) {
      // "Ludwig van Beethoven", and "Maria da Silva Santos": a particle before the chosen cut moves it left;
      // "y"/"e"/"i" join two surnames, so the word before them is a surname too ("Ortega y Gasset").
      const joins = LOWERCASE_ONLY_PARTICLES.has(key(words[particleAt]!));
      cut = Math.min(cut, joins ? Math.max(1, particleAt - 1) : particleAt);
    }
    // A capitalised particle right before the last word ("Jan De Vries") still belongs to it.
    while (cut > 1 && PARTICLES.has(key(words[cut - 1]!)) && !LOWERCASE_ONLY_PARTICLES.has(key(words[cut - 1]!))) cut--;
    first = words.slice(0, cut);
    last = words.slice(cut);
  }

  // Case is fixed only when the whole name is in one case: "jean DUPONT" (the French way of
  // marking the surname) is mixed, so every part stays as written.
  const nameText = [...first, ...last].join(' ');
  const fixCase = !(/\p{Lu}/u.test(nameText) && /\p{Ll}/u.test(nameText));
  const part = (words: string[]): string | null => (fixCase ? cleanNamePart(words.join(' ')) : cleanText(words.join(' ')));
  const given = first.length > 0 ? part(first.slice(0, 1)) : null;
  const middle = first.length > 1 ? part(first.slice(1)) : null;
  const family = part(last);
  // Pick the highest-ranking title as Salutation; the rest stay visible as Honorific.
  const mapped = titles.map((t) => ({ t, s: salutationFor(t) }));
  const best = mapped.filter((m) => m.s !== undefined).sort((a, b) => (RANK[b.s!] ?? 0) - (RANK[a.s!] ?? 0))[0];
  if (best) result.Salutation = best.s!;
  const rest = titles.filter((t) => t !== best?.t);
  if (rest.length > 0) result.Honorific = rest.join(' ');
  if (given) result.FirstName = given;
  if (middle) result.MiddleName = middle;
  if (family) result.LastName = family;
  if (suffixes.length > 0) result.Suffix = suffixes.join(', ');
  return result;
}
