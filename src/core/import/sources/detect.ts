import { CrmError } from '../../errors.js';
import type { FileFormat, SourceKind } from '../types.js';
import { ACT_HEADERS, ACT_MARKERS } from './act.js';
import { GOOGLE_LEGACY_FIXED, GOOGLE_LEGACY_MARKERS, GOOGLE_NEW_FIXED, GOOGLE_NEW_MARKERS, googleGroupRole } from './google.js';
import { headerKey } from './normalize.js';
import {
  GOOGLE_OUTLOOK_EXTRA,
  GOOGLE_OUTLOOK_MARKERS,
  OUTLOOK_COM_EXTRA,
  OUTLOOK_COM_MARKERS,
  OUTLOOK_DESKTOP_MARKERS,
  OUTLOOK_EN,
  OUTLOOK_LANGUAGES,
  type OutlookLanguage,
} from './outlook.js';
import type { HeaderTable } from './roles.js';

export interface Detection {
  source: SourceKind;
  /** Outlook UI language (en, de, fr, es, nl, pt-BR, ja) when the source is Outlook. */
  language?: string;
  /** 0..1: how sure the guess is (1 for vCard, which the reader identifies). */
  confidence: number;
  /** Human-readable evidence, e.g. `7 of 9 headers are German Outlook names ("Vorname", "Firma", ...)`. */
  reasons: string[];
  /** Set when the caller forced the source with --source. */
  forced?: boolean;
}

const keysOf = (table: HeaderTable): Set<string> => new Set(table.map(([h]) => headerKey(h)));
const keySet = (headers: readonly string[]): Set<string> => new Set(headers.map(headerKey));

const OUTLOOK_KEYS_BY_LANGUAGE = new Map<OutlookLanguage, Set<string>>(
  (Object.keys(OUTLOOK_LANGUAGES) as OutlookLanguage[]).map((lang) => [lang, keysOf(OUTLOOK_LANGUAGES[lang])]),
);
const ENGLISH_KEYS = keysOf(OUTLOOK_EN);
/** Keys a language adds over English: a German file is told by "vorname", not by "isdn". */
const LOCAL_KEYS_BY_LANGUAGE = new Map<OutlookLanguage, Set<string>>(
  [...OUTLOOK_KEYS_BY_LANGUAGE].map(([lang, keys]) => [lang, new Set([...keys].filter((k) => !ENGLISH_KEYS.has(k)))]),
);
const OUTLOOK_ALL_KEYS = new Set([...OUTLOOK_KEYS_BY_LANGUAGE.values()].flatMap((s) => [...s]));
const OUTLOOK_COM_KEYS = new Set([...ENGLISH_KEYS, ...keysOf(OUTLOOK_COM_EXTRA)]);
const GOOGLE_OUTLOOK_KEYS = new Set([...ENGLISH_KEYS, ...keysOf(GOOGLE_OUTLOOK_EXTRA)]);
const ACT_KEYS = keysOf(ACT_HEADERS);
const GOOGLE_NEW_KEYS = keysOf(GOOGLE_NEW_FIXED);
const GOOGLE_LEGACY_KEYS = keysOf(GOOGLE_LEGACY_FIXED);
const markers = (names: readonly string[]): Set<string> => new Set(names.map(headerKey));
const DESKTOP_MARKER_KEYS = markers(OUTLOOK_DESKTOP_MARKERS);
const OUTLOOK_COM_MARKER_KEYS = markers(OUTLOOK_COM_MARKERS);
const GOOGLE_OUTLOOK_MARKER_KEYS = markers(GOOGLE_OUTLOOK_MARKERS);
const GOOGLE_NEW_MARKER_KEYS = markers(GOOGLE_NEW_MARKERS);
const GOOGLE_LEGACY_MARKER_KEYS = markers(GOOGLE_LEGACY_MARKERS);
const ACT_MARKER_KEYS = markers(ACT_MARKERS);

const LANGUAGE_NAMES: Record<OutlookLanguage, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', nl: 'Dutch', 'pt-BR': 'Brazilian Portuguese', ja: 'Japanese' };

interface Candidate {
  source: SourceKind;
  language?: string;
  /** Headers of the file this source knows. */
  known: string[];
  /** Distinctive headers found. */
  marks: string[];
  label: string;
}

const sample = (names: string[]): string => names.slice(0, 4).map((n) => `"${n}"`).join(', ') + (names.length > 4 ? ', ...' : '');

/**
 * Decide which export a header row comes from. Matching is by name only (order, missing
 * optional columns, case, accents, trailing spaces and punctuation do not matter). A source
 * is chosen when distinctive headers of it are present and it explains the header row better
 * than the others; otherwise the file is a generic `csv`/`xlsx`.
 */
export function detectSource(headers: readonly string[], format: FileFormat): Detection {
  const generic: SourceKind = format === 'csv' ? 'csv' : 'xlsx';
  if (format === 'vcard') return { source: 'vcard', confidence: 1, reasons: ['the file is a vCard; its reader produces fixed columns'] };
  const present = headers.filter((h) => headerKey(h) !== '');
  if (present.length === 0) return { source: generic, confidence: 0, reasons: ['the header row is empty'] };
  const keys = keySet(present);
  const pick = (set: Set<string>) => present.filter((h) => set.has(headerKey(h)));
  const candidates: Candidate[] = [];

  // Outlook desktop: the language with the most names of its own (English when none).
  let bestLanguage: OutlookLanguage = 'en';
  let bestLocal = 0;
  for (const [lang, local] of LOCAL_KEYS_BY_LANGUAGE) {
    const hits = [...keys].filter((k) => local.has(k)).length;
    if (hits > bestLocal) [bestLanguage, bestLocal] = [lang, hits];
  }
  const outlookKnown = pick(OUTLOOK_ALL_KEYS);
  const localMarks = present.filter((h) => LOCAL_KEYS_BY_LANGUAGE.get(bestLanguage)!.has(headerKey(h)));
  candidates.push({
    source: 'outlook',
    language: bestLanguage,
    known: outlookKnown,
    marks: bestLanguage === 'en' ? pick(DESKTOP_MARKER_KEYS) : localMarks,
    label: `${LANGUAGE_NAMES[bestLanguage]} Outlook`,
  });
  // Google's "Outlook CSV" is Microsoft's names plus formatted-address columns: report it as Outlook CSV made by Google.
  candidates.push({ source: 'outlook', language: 'en', known: pick(GOOGLE_OUTLOOK_KEYS), marks: pick(GOOGLE_OUTLOOK_MARKER_KEYS), label: 'Google "Outlook CSV"' });
  candidates.push({ source: 'outlook-com', known: pick(OUTLOOK_COM_KEYS), marks: pick(OUTLOOK_COM_MARKER_KEYS), label: 'Outlook.com' });
  const googleGroups = present.filter((h) => googleGroupRole(h) !== undefined);
  candidates.push({
    source: 'google',
    known: [...pick(GOOGLE_NEW_KEYS), ...googleGroups],
    marks: [...pick(GOOGLE_NEW_MARKER_KEYS), ...googleGroups.filter((h) => / - label$/i.test(h.trim()))],
    label: 'Google Contacts (new format)',
  });
  candidates.push({
    source: 'google-legacy',
    known: [...pick(GOOGLE_LEGACY_KEYS), ...googleGroups],
    marks: [...pick(GOOGLE_LEGACY_MARKER_KEYS), ...googleGroups.filter((h) => / - type$/i.test(h.trim()))],
    label: 'Google CSV (Gmail-era format)',
  });
  candidates.push({ source: 'act', known: pick(ACT_KEYS), marks: pick(ACT_MARKER_KEYS), label: 'ACT!' });

  const score = (c: Candidate) => (c.marks.length === 0 ? 0 : new Set(c.known).size + 2 * Math.min(new Set(c.marks).size, 5));
  const ranked = candidates.filter((c) => c.marks.length > 0).sort((a, b) => score(b) - score(a));
  const best = ranked[0];
  if (best) {
    const coverage = new Set(best.known.map(headerKey)).size / keys.size;
    const markCount = new Set(best.marks.map(headerKey)).size;
    // Enough evidence: most of the row is explained, or several distinctive names appear. Two marks
    // alone are not enough: Thunderbird's CSV also has "Home Address" and "Home Country".
    if (coverage >= 0.5 || markCount >= 3 || (markCount >= 1 && coverage >= 0.35)) {
      const confidence = Math.min(1, Math.round((0.6 * coverage + 0.4 * Math.min(markCount, 3) / 3) * 100) / 100);
      const reasons = [
        `${best.known.length} of ${present.length} headers are ${best.label} names`,
        `distinctive: ${sample(best.marks)}`,
      ];
      const runnerUp = ranked[1];
      if (runnerUp && score(runnerUp) === score(best)) reasons.push(`${runnerUp.label} fits equally well; pass --source to choose`);
      return { source: best.source, ...(best.language ? { language: best.language } : {}), confidence, reasons };
    }
  }
  return {
    source: generic,
    confidence: 0,
    reasons: [best ? `only ${best.known.length} of ${present.length} headers look like ${best.label}; treated as a generic ${generic.toUpperCase()}` : `no known export's headers; treated as a generic ${generic.toUpperCase()}`],
  };
}

export const SOURCE_KINDS: readonly SourceKind[] = ['outlook', 'outlook-com', 'google', 'google-legacy', 'act', 'vcard', 'csv', 'xlsx'];

/**
 * `--source outlook` or `--source outlook:de` overrides detection; for Outlook the language
 * defaults to the detected one (else English).
 */
export function forcedSource(option: string, detected: Detection): Detection {
  const [kind, language] = option.trim().toLowerCase().split(':') as [string, string | undefined];
  const source = SOURCE_KINDS.find((k) => k === kind);
  if (!source) {
    throw new CrmError('USAGE', `--source ${option}: unknown source.`, { hint: `Use one of: ${SOURCE_KINDS.join(', ')} (Outlook may name a language: outlook:de).` });
  }
  let lang: string | undefined;
  if (source === 'outlook') {
    lang = language === undefined ? (detected.source === 'outlook' ? (detected.language ?? 'en') : 'en') : normaliseLanguage(language);
    if (!(lang in OUTLOOK_LANGUAGES)) {
      throw new CrmError('USAGE', `--source ${option}: no Outlook header table for language "${language}".`, { hint: `Use one of: ${Object.keys(OUTLOOK_LANGUAGES).map((l) => `outlook:${l}`).join(', ')}.` });
    }
  }
  return { source, ...(lang ? { language: lang } : {}), confidence: 1, reasons: [`--source ${option} given`], forced: true };
}

function normaliseLanguage(code: string): string {
  return code === 'pt-br' || code === 'pt_br' || code === 'pt' ? 'pt-BR' : code;
}
