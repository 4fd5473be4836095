import type { ObjectDef } from '../../schema/types.js';
import type { SourceKind } from '../types.js';
import { sourceLabel, sourceTable } from '../sources/index.js';
import { compactKey, headerKey } from '../sources/normalize.js';
import type { Role } from '../sources/roles.js';
import { SYNONYMS } from '../sources/synonyms.js';
import { GOOGLE_NEW_FIXED } from '../sources/google.js';
import { OUTLOOK_COM_EXTRA, OUTLOOK_EN } from '../sources/outlook.js';
import { VCARD_HEADERS } from '../sources/vcard.js';
import { ColumnIndex } from './columns.js';
import { planRules, roleForField, type ColumnUse } from './plan.js';
import { ACCOUNT_NAME_FIELD, MAPPING_VERSION, OWNER_FIELD, type Mapping } from './types.js';
import { mappableField } from './validate.js';

export interface ColumnSuggestion {
  column: string;
  /** 0-based position in the header row. */
  index: number;
  /** The field this column feeds (the first, when a split feeds several). */
  field?: string;
  /** How: column, join, firstOf, split:name, exchange-type, exchange-display-name, label. */
  rule?: ColumnUse['rule'];
  /** All fields it feeds, when more than one (a full-name split). */
  fields?: string[];
  confidence: number;
  reason: string;
}

export interface Suggestion {
  mapping: Mapping;
  columns: ColumnSuggestion[];
  /** Columns that feed no field. */
  unmapped: string[];
}

export interface SuggestOptions {
  language?: string;
  /** Fuzzy matches below this similarity (0..1) are not proposed. Default 0.8. */
  fuzzyThreshold?: number;
}

interface Match {
  index: number;
  column: string;
  confidence: number;
  reason: string;
  role?: Role | null;
  field?: string;
  /** The synonym key matched, for ambiguous words like "Name". */
  key?: string;
}

/**
 * Synonym key → role, built once: the multilingual list first, then the English names of the
 * known exports (a spreadsheet someone assembled by hand often reuses "E-mail 2 Address" or "Email 1").
 */
const SYNONYM_ROLE = new Map<string, Role>();
for (const [role, words] of Object.entries(SYNONYMS)) for (const w of words) if (!SYNONYM_ROLE.has(headerKey(w))) SYNONYM_ROLE.set(headerKey(w), role);
for (const table of [OUTLOOK_EN, OUTLOOK_COM_EXTRA, GOOGLE_NEW_FIXED, VCARD_HEADERS]) {
  for (const [header, role] of table) if (role !== null && !SYNONYM_ROLE.has(headerKey(header))) SYNONYM_ROLE.set(headerKey(header), role);
}

/**
 * Words that mean the whole name alone but one part of it next to another name column:
 * German "Name" beside "Vorname" is the surname; Italian/Portuguese "Nome" beside "Cognome" is the first name.
 */
const AMBIGUOUS_NAME_KEYS = new Set(['name', 'nome', 'naam', 'navn', 'namn', 'nimi', 'nafn', 'vards', 'имя', '名字']);

const WIDE_EXPORT_COLUMNS = 30;

function bigrams(text: string): string[] {
  const t = ` ${text} `;
  const out: string[] = [];
  for (let i = 0; i < t.length - 1; i++) out.push(t.slice(i, i + 2));
  return out;
}

interface Gram {
  counts: Map<string, number>;
  size: number;
}

function gramOf(text: string): Gram {
  const counts = new Map<string, number>();
  const list = bigrams(text);
  for (const g of list) counts.set(g, (counts.get(g) ?? 0) + 1);
  return { counts, size: list.length };
}

/** Dice of two precomputed bigram bags. */
function dice(a: Gram, b: Gram): number {
  let common = 0;
  for (const [g, n] of a.counts) {
    const m = b.counts.get(g);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (a.size + b.size);
}

/** Sørensen–Dice similarity of character bigrams: tolerant of typos and small additions ("E-mail addr"). */
export function similarity(a: string, b: string): number {
  return a === b ? 1 : dice(gramOf(a), gramOf(b));
}

/** Synonym keys with their bigrams, computed once for fuzzy matching. */
const SYNONYM_GRAMS: Array<{ word: string; role: Role; gram: Gram }> = [...SYNONYM_ROLE].map(([word, role]) => ({ word, role, gram: gramOf(word) }));

/**
 * Propose a mapping of `headers` onto `object`. Order of evidence:
 * 1. the detected export's own table (confidence 1; French "Titre" by occurrence),
 * 2. the object's API names (1) and labels (0.95), e.g. a column literally called "LastName",
 * 3. multilingual synonyms (0.9),
 * 4. fuzzy similarity to synonyms and labels (below 0.8 × similarity, only above the threshold).
 * One column per meaning: a second column with the same meaning is left unmapped (phones and
 * e-mails of different kinds become alternatives through their roles, never by accident).
 */
export function suggestMapping(headers: readonly string[], object: ObjectDef, source: SourceKind, options: SuggestOptions = {}): Suggestion {
  const threshold = options.fuzzyThreshold ?? 0.8;
  const table = sourceTable(source, options.language);
  const columns = new ColumnIndex(headers);
  const occurrences = new Map<string, number>();
  const matches: Match[] = [];
  const skipped: Array<{ index: number; reason: string }> = [];

  const writable = object.fields.filter((f) => mappableField(object, f.name).ok);
  const byApiName = new Map<string, string>();
  for (const f of writable) byApiName.set(compactKey(f.name), f.name);
  for (const pseudo of [ACCOUNT_NAME_FIELD, OWNER_FIELD]) if (mappableField(object, pseudo).ok) byApiName.set(compactKey(pseudo), pseudo);
  const byLabel = new Map<string, string>();
  for (const f of writable) if (!byLabel.has(headerKey(f.label))) byLabel.set(headerKey(f.label), f.name);
  const label = sourceLabel(source, options.language);
  /** Outlook and Google exports have 44-92 columns; fewer means someone cut the file down by hand. */
  const wideExport = headers.length >= WIDE_EXPORT_COLUMNS;
  const fieldOrRole = (field: string): { role: Role } | { field: string } => {
    const role = roleForField(object, field);
    return role ? { role } : { field };
  };

  headers.forEach((header, index) => {
    let key = headerKey(header);
    let lookupName = header;
    const column = columns.nameOf(index);
    if (key === '') return skipped.push({ index, reason: 'empty header' });
    // The readers keep a repeated header as "Titre (2)": look it up as the 2nd "Titre".
    const renamed = /^(.*\S) \((\d+)\)$/.exec(header.trim());
    if (renamed && occurrences.has(headerKey(renamed[1]!))) {
      lookupName = renamed[1]!;
      key = headerKey(lookupName);
    }
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const hit = table?.lookup(lookupName, occurrence);
    if (hit && hit.role !== null) {
      const nth = occurrence > 1 ? ` (occurrence ${occurrence})` : '';
      return matches.push({ index, column, confidence: 1, role: hit.role, reason: `${label} column${nth}` });
    }
    const api = byApiName.get(compactKey(header));
    if (api) return matches.push({ index, column, confidence: 1, ...fieldOrRole(api), reason: `the API name of ${object.name}.${api}` });
    const byFieldLabel = byLabel.get(key);
    if (byFieldLabel) return matches.push({ index, column, confidence: 0.95, ...fieldOrRole(byFieldLabel), reason: `the label of ${object.name}.${byFieldLabel}` });
    // In a real export a known column without a field means just that (French Outlook's "Responsable"
    // is the manager, not the owner). In a narrow hand-made sheet that merely resembles one ("Name;
    // Vorname;Firma;Ort"), the common meaning of the word is the better guess, at low confidence.
    if (hit && wideExport) return skipped.push({ index, reason: `known ${label} column with no CRM field` });
    const synonym = SYNONYM_ROLE.get(key);
    if (synonym) return matches.push({ index, column, confidence: hit ? 0.5 : 0.9, role: synonym, key, reason: `"${header.trim()}" is a common name for it` });
    if (hit) return skipped.push({ index, reason: `known ${label} column with no CRM field` });
    let best: { score: number; role?: Role; field?: string; word: string } = { score: 0, word: '' };
    const gram = gramOf(key);
    // Dice cannot exceed 2·min/(sum) of the bag sizes: skip candidates too short or too long to reach the threshold.
    const reachable = (other: Gram) => (2 * Math.min(gram.size, other.size)) / (gram.size + other.size) >= threshold;
    for (const candidate of SYNONYM_GRAMS) {
      if (!reachable(candidate.gram)) continue;
      const score = dice(gram, candidate.gram);
      if (score > best.score) best = { score, role: candidate.role, word: candidate.word };
    }
    for (const [word, field] of byLabel) {
      const score = similarity(key, word);
      if (score > best.score) best = { score, field, word };
    }
    if (best.score >= threshold) {
      return matches.push({
        index,
        column,
        confidence: Math.round(best.score * 0.8 * 100) / 100,
        ...(best.role ? { role: best.role } : fieldOrRole(best.field!)),
        reason: `looks like "${best.word}" (similarity ${best.score.toFixed(2)})`,
      });
    }
    return skipped.push({ index, reason: 'no known column name matches' });
  });

  // One column per role and per direct field, strongest evidence first.
  const roles = new Map<Role, string>();
  const direct = new Map<string, string>();
  const taken = new Map<number, Match>();
  const duplicate = new Map<number, string>();
  const ordered = [...matches].sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  for (const m of ordered) {
    if (m.role) {
      const holder = roles.get(m.role);
      if (holder) duplicate.set(m.index, `same meaning as column "${holder}"`);
      else {
        roles.set(m.role, m.column);
        taken.set(m.index, m);
      }
    } else if (m.field) {
      const holder = direct.get(m.field);
      if (holder) duplicate.set(m.index, `${m.field} already comes from column "${holder}"`);
      else {
        direct.set(m.field, m.column);
        taken.set(m.index, m);
      }
    }
  }
  // "Name" beside "Vorname" is the surname; "Nome" beside "Cognome" the first name.
  const fullColumn = roles.get('fullName');
  const fullMatch = [...taken.values()].find((m) => m.column === fullColumn);
  if (fullColumn && fullMatch?.key && AMBIGUOUS_NAME_KEYS.has(fullMatch.key)) {
    const other = roles.has('firstName') && !roles.has('lastName') ? 'lastName' : roles.has('lastName') && !roles.has('firstName') ? 'firstName' : undefined;
    if (other) {
      roles.delete('fullName');
      roles.set(other, fullColumn);
      fullMatch.role = other;
      fullMatch.confidence = 0.7;
      fullMatch.reason = `"${fullMatch.column}" next to a ${other === 'lastName' ? 'first' : 'last'}-name column means the ${other === 'lastName' ? 'surname' : 'first name'}`;
    }
  }

  const plan = planRules(object, roles, source);
  const fields = plan.fields;
  // Fields matched by API name or label that no role feeds (custom X__c, ShippingCity, ReportsToId...).
  for (const [field, column] of direct) {
    if (fields[field] !== undefined) {
      plan.unused.set(column, `${field} already comes from another column`);
      continue;
    }
    fields[field] = column;
    plan.uses.set(column, [{ field, rule: 'column' }]);
  }

  const report: ColumnSuggestion[] = [];
  const ignore: string[] = [];
  const unmapped: string[] = [];
  headers.forEach((header, index) => {
    const column = columns.nameOf(index);
    const match = taken.get(index);
    const uses = plan.uses.get(column);
    if (match && uses && uses.length > 0) {
      const fieldList = [...new Set(uses.map((u) => u.field))];
      report.push({
        column,
        index,
        field: fieldList[0]!,
        rule: uses[0]!.rule,
        ...(fieldList.length > 1 ? { fields: fieldList } : {}),
        confidence: match.confidence,
        reason: match.reason,
      });
      return;
    }
    const why = duplicate.get(index) ?? (match ? plan.unused.get(column) ?? 'not needed by this object' : skipped.find((s) => s.index === index)?.reason ?? 'no match');
    report.push({ column, index, confidence: 0, reason: why });
    if (headerKey(header) === '') return;
    if (why.startsWith('known ')) ignore.push(column);
    else unmapped.push(column);
  });

  const mapping: Mapping = {
    version: MAPPING_VERSION,
    object: object.name,
    source,
    ...(options.language ? { language: options.language } : {}),
    fields: { ...fields },
    ...(plan.splits.length > 0 ? { splits: plan.splits } : {}),
    ...(ignore.length > 0 ? { ignore } : {}),
    ...(unmapped.length > 0 ? { unmapped } : {}),
  };
  return { mapping, columns: report, unmapped: [...ignore, ...unmapped].sort((a, b) => columns.find(a) - columns.find(b)) };
}
