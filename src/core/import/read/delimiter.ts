import { CrmError } from '../../errors.js';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

// A Map, not an object literal: the key is user input ("constructor" must not find Object).
const NAMED = new Map<string, string>([
  ['comma', ','],
  ['semicolon', ';'],
  ['tab', '\t'],
  ['\\t', '\t'],
  ['pipe', '|'],
]);

/** Accepts ',', ';', '|', a real tab or the words/escapes people type for them ("tab", "\t"). */
export function parseDelimiterOption(value: string): string {
  const delimiter = NAMED.get(value.toLowerCase()) ?? value;
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new CrmError('USAGE', `cannot use ${JSON.stringify(value)} as the delimiter`, { hint: 'Try: --delimiter ";" (or "," "|" "tab")', details: { delimiter: value } });
  }
  return delimiter;
}

/**
 * Splits the start of a CSV into records, counting each candidate delimiter outside quotes.
 * Quoted fields may span lines; an unfinished last record is dropped (the sniffed text is cut off).
 */
function countPerRecord(text: string, complete: boolean, maxRecords: number): Array<Map<string, number>> {
  const records: Array<Map<string, number>> = [];
  let counts = new Map<string, number>();
  let inQuotes = false;
  let blank = true;
  for (let i = 0; i < text.length && records.length < maxRecords; i++) {
    const c = text[i]!;
    if (c === '"') {
      inQuotes = !inQuotes;
      blank = false;
    } else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (!blank) records.push(counts);
      counts = new Map();
      blank = true;
    } else {
      if (!inQuotes && (DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
      if (c !== ' ' && c !== '\uFEFF') blank = false;
    }
  }
  if (complete && !blank && !inQuotes && records.length < maxRecords) records.push(counts);
  return records;
}

/**
 * Picks the delimiter whose count per record is most consistent (Outlook's ragged rows still agree
 * among themselves), preferring more columns on ties. A file with none of them is one column: ','.
 */
export function sniffDelimiter(text: string, complete: boolean): string {
  const records = countPerRecord(text, complete, 50);
  if (records.length === 0) return ',';
  let best: { delimiter: string; score: number; columns: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = records.map((record) => record.get(delimiter) ?? 0);
    if (counts[0] === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const rows = counts.slice(1);
    const [mode, modeCount] = [...frequency.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const consistency = modeCount / counts.length;
    const present = rows.length === 0 ? 1 : rows.filter((count) => count > 0).length / rows.length;
    const score = consistency * present;
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && mode > best.columns)) best = { delimiter, score, columns: mode };
  }
  return best?.delimiter ?? ',';
}
