import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/org.js';
import { readAll } from './read-helpers.js';

/**
 * Extends roundtrip.property.test.ts (issue 9): hostile header names, encodings named with --encoding
 * (Baltic and Central European code pages, UTF-16BE), and the physical line every row starts on — the
 * line the error file reports, which must point at the right place even after cells spanning lines.
 */
const DELIMITERS = [',', ';', '\t', '|'] as const;
const HOSTILE = ['"', ',', ';', '\t', '|', '\n', '\r\n', '\r', ' ', "'", '=', '_', '(', ')'];
const ASCII = ['a', 'b', 'Z', '0', '7', '@', '.', '-', '+'];

interface Charset {
  /** What the file is written in. */
  encoding: string;
  /** --encoding as the admin types it; undefined = detected (a BOM). */
  option: string | undefined;
  /** The label the reader reports. */
  label: string;
  bom: Buffer;
  letters: string[];
}
const CHARSETS: Charset[] = [
  // Latvian and Lithuanian exports from Windows.
  { encoding: 'windows-1257', option: 'windows-1257', label: 'windows-1257', bom: Buffer.alloc(0), letters: ['ā', 'č', 'ē', 'ģ', 'ī', 'ķ', 'ļ', 'ņ', 'š', 'ū', 'ž', 'Ā', 'Ž', 'ų', 'ė'] },
  // Western European Windows, with the bytes 0x80-0x9F where it differs from Latin-1 (€, curly quotes, dashes, Š, œ).
  // Only bytes 0x80-0xBF: with a lead byte (é is 0xE9) a random file can be valid UTF-8, which --encoding rightly refuses.
  { encoding: 'windows-1252', option: 'windows-1252', label: 'windows-1252', bom: Buffer.alloc(0), letters: ['€', '“', '”', '‘', '–', '—', 'Š', 'ž', 'œ', 'Ÿ', '£', '©', '°'] },
  // Polish and Czech.
  { encoding: 'iso-8859-2', option: 'iso-8859-2', label: 'iso-8859-2', bom: Buffer.alloc(0), letters: ['ą', 'ę', 'ł', 'ń', 'ś', 'ź', 'ż', 'č', 'ř', 'ů', 'Ł', 'Ž'] },
  { encoding: 'utf-16be', option: undefined, label: 'utf-16be', bom: Buffer.from([0xfe, 0xff]), letters: ['ā', 'þ', 'ð', '王', '明', '€', '😀', 'ç'] },
  { encoding: 'utf-8', option: 'utf-8', label: 'utf-8', bom: Buffer.alloc(0), letters: ['ā', 'þ', 'ð', '王', '明', '€', '😀', 'ç', 'ő'] },
];

const cell = (alphabet: string[], minLength = 0) => fc.array(fc.constantFrom(...alphabet), { minLength, maxLength: 10 }).map((parts) => parts.join(''));
const headerKey = (name: string) => name.trim().normalize('NFC').toLowerCase();

/** Header names as spreadsheets allow them: anything, but non-blank and unique (the reader renames others, with a warning). */
const headers = (alphabet: string[]) =>
  fc
    .uniqueArray(cell(alphabet, 1).filter((h) => h.trim() !== '' && !/^sep=/i.test(h)), { minLength: 1, maxLength: 5, selector: headerKey })
    .filter((hs) => new Set(hs.map(headerKey)).size === hs.length);

const table = (alphabet: string[]) =>
  headers(alphabet).chain((hs) =>
    fc.record({
      headers: fc.constant(hs),
      rows: fc.array(fc.array(cell(alphabet), { minLength: hs.length, maxLength: hs.length }).filter((row) => row.some((v) => v !== '')), { maxLength: 12 }),
    }),
  );

function toCsv(rows: string[][], delimiter: string, newline: string): string {
  const quote = (value: string) => (/[",;\t|\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

/** Line breaks inside a record's cells: CRLF, CR and LF each end one physical line. */
const breaksIn = (row: string[]): number => row.reduce((n, value) => n + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

describe('CSV reading (property): hostile headers, named encodings, line numbers', () => {
  it('reads back headers and cells exactly and reports the physical line each row starts on', async () => {
    const dir = tempDir();
    let n = 0;
    const scenario = fc.constantFrom(...CHARSETS).chain((charset) =>
      fc.record({
        charset: fc.constant(charset),
        delimiter: fc.constantFrom(...DELIMITERS),
        newline: fc.constantFrom('\n', '\r\n'),
        table: table([...HOSTILE, ...ASCII, ...charset.letters]),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ charset, delimiter, newline, table: t }) => {
        const file = join(dir, `t-${n++}.csv`);
        writeFileSync(file, Buffer.concat([charset.bom, iconv.encode(toCsv([t.headers, ...t.rows], delimiter, newline), charset.encoding)]));
        const { source, rows } = await readAll(file, { ...(charset.option ? { encoding: charset.option } : {}), delimiter });
        expect(source.headers).toEqual(t.headers);
        expect(source.encoding).toBe(charset.label);
        expect(rows.map((r) => r.values)).toEqual(t.rows);
        expect(rows.map((r) => r.row)).toEqual(t.rows.map((_, i) => i + 1));
        let line = 2 + breaksIn(t.headers);
        const expectedLines = t.rows.map((row) => {
          const start = line;
          line += 1 + breaksIn(row);
          return start;
        });
        expect(rows.map((r) => r.line)).toEqual(expectedLines);
      }),
      { numRuns: 150 },
    );
  });
});
