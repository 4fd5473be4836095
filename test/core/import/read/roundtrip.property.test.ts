import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/org.js';
import { readAll } from './read-helpers.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1252';
const ENCODINGS: Encoding[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'];

// Characters that break naive CSV handling, plus the scripts crmctl's users write in.
const HOSTILE = ['"', ',', ';', '\t', '|', '\n', '\r\n', '\r', ' ', "'", '='];
const UNICODE = ['ā', 'č', 'ē', 'ģ', 'ī', 'ķ', 'ļ', 'ņ', 'š', 'ū', 'ž', 'ä', 'ö', 'þ', 'ð', 'ã', 'ç', '王', '小', '明', '€', '“', '”', '😀'];
// Windows-1252 only where the bytes stay >= 0xC0: such bytes can never form valid UTF-8 by accident,
// so detection is deterministic (€ and curly quotes are 0x80-0x9F and are covered by the Outlook fixture).
const CP1252 = ['é', 'ü', 'ß', 'ä', 'ö', 'þ', 'ð', 'ã', 'ç', 'Ä', 'Ö', 'Ø'];
const ASCII = ['a', 'b', 'Z', '0', '7', '@', '.', '-', '+', '(', ')'];

const cell = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((parts) => parts.join(''));

const tableFor = (alphabet: string[]) =>
  fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.array(
      // Rows with no value at all are blank lines to the reader (skipped), so every row carries one.
      fc.array(cell(alphabet), { minLength: width, maxLength: width }).filter((row) => row.some((value) => value !== '')),
      { minLength: 0, maxLength: 15 },
    ).map((rows) => ({ headers: Array.from({ length: width }, (_, i) => `Lauks ${i + 1} ä`), rows })),
  );

/** Writes CSV as spreadsheet programs do: a cell is quoted only when it must be. */
function toCsv(table: string[][], delimiter: string, newline: string): string {
  const quote = (value: string) => (/[",;\t|\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return table.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'windows-1252':
      return iconv.encode(text, 'windows-1252');
  }
}

describe('CSV round trip (property)', () => {
  it('reads back any table written with any supported delimiter and encoding, detecting both', async () => {
    const dir = tempDir();
    let n = 0;
    const scenario = fc.constantFrom(...ENCODINGS).chain((encoding) =>
      fc.record({
        encoding: fc.constant(encoding),
        delimiter: fc.constantFrom(...DELIMITERS),
        newline: fc.constantFrom('\n', '\r\n'),
        table: tableFor(encoding === 'windows-1252' ? [...HOSTILE, ...ASCII, ...CP1252] : [...HOSTILE, ...ASCII, ...UNICODE]),
      }),
    );
    await fc.assert(
      fc.asyncProperty(scenario, async ({ encoding, delimiter, newline, table }) => {
        const file = join(dir, `table-${n++}.csv`);
        writeFileSync(file, encode(toCsv([table.headers, ...table.rows], delimiter, newline), encoding));
        const { source, rows } = await readAll(file);
        expect(source.headers).toEqual(table.headers);
        expect(rows.map((row) => row.values)).toEqual(table.rows);
        expect(rows.every((row) => !row.problem)).toBe(true);
        if (table.headers.length > 1) expect(source.delimiter).toBe(delimiter);
        const expectedEncoding = encoding === 'utf-16le' ? 'utf-16le' : encoding === 'utf-8-bom' ? 'utf-8-bom' : encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
        // The header always has "ä", so even an otherwise ASCII file is detectably Windows-1252.
        expect(source.encoding).toBe(expectedEncoding);
      }),
      { numRuns: 200 },
    );
  });
});
