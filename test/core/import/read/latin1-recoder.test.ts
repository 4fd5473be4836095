import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Parser } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fastFieldText } from '../../../../src/core/import/read/csv.js';
import { latin1Recoder, type TextEncoding } from '../../../../src/core/import/read/encoding.js';

const named = (decoder: string, bomBytes = 0): TextEncoding => ({ label: decoder, decoder, bomBytes, detected: false });
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));

describe('parsing single-byte code pages as Latin-1 and recoding cells', () => {
  it.each(['windows-1252', 'windows-1257', 'windows-1250', 'iso-8859-2', 'iso-8859-15', 'koi8-r', 'cp437'])('%s: every byte comes out as iconv-lite decodes it', (decoder) => {
    const recoder = latin1Recoder(named(decoder))!;
    expect(recoder).toBeDefined();
    const latin1 = ALL_BYTES.toString('latin1');
    expect(recoder.recode(latin1)).toBe(iconv.decode(ALL_BYTES, decoder));
    // The filter finds exactly the characters whose byte means something else.
    for (let byte = 0; byte < 256; byte++) {
      const differs = iconv.decode(ALL_BYTES.subarray(byte, byte + 1), decoder) !== String.fromCharCode(byte);
      expect(recoder.differs?.test(String.fromCharCode(byte)) ?? false).toBe(differs);
    }
  });

  it('recodes any run of bytes exactly as iconv-lite decodes it (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('windows-1252', 'windows-1257', 'iso-8859-2'), fc.uint8Array({ maxLength: 64 }), (decoder, bytes) => {
        const buffer = Buffer.from(bytes);
        const recoder = latin1Recoder(named(decoder))!;
        const latin1 = buffer.toString('latin1');
        const text = recoder.differs?.test(latin1) ? recoder.recode(latin1) : latin1;
        expect(text).toBe(iconv.decode(buffer, decoder));
      }),
    );
  });

  it('Latin-1 itself needs no recoding', () => {
    expect(latin1Recoder(named('latin1'))?.differs).toBeUndefined();
    expect(latin1Recoder(named('binary'))?.differs).toBeUndefined();
  });

  it('is not used for UTF-8, UTF-16/32, or multi-byte code pages, whose bytes are not one character each', () => {
    for (const decoder of ['utf-8', 'utf-16le', 'utf-16be', 'utf-32le', 'shift_jis', 'gbk', 'big5', 'euc-kr']) expect(latin1Recoder(named(decoder))).toBeUndefined();
    expect(latin1Recoder(named('utf-8', 3))).toBeUndefined();
  });
});

describe("csv-parse's field text, decoded in place", () => {
  it('applies to the installed csv-parse (if this fails after an upgrade, the reader is slower but still correct)', () => {
    const parser = new Parser({});
    expect(fastFieldText((parser as unknown as { state: unknown }).state)).toBe(true);
    // The reader also resets this after each record, so rows shorter than the header cost no error object each.
    expect((parser as unknown as { api: { state: object } }).api.state).toHaveProperty('expectedRecordLength');
  });

  it('leaves anything else alone', () => {
    expect(fastFieldText(undefined)).toBe(false);
    expect(fastFieldText({ field: { buf: 'not a buffer', length: 0, toString: () => '' } })).toBe(false);
  });

  it('gives the same records as stock csv-parse (property)', async () => {
    const cellText = fc.array(fc.constantFrom('a', 'ä', '王', '😀', '"', ',', '\n', '\r\n', ' ', ''), { maxLength: 8 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), fc.constantFrom('utf8', 'latin1'), async (rows, encoding) => {
        const csv = rows.map((row) => row.map((v) => `"${v.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        const bytes = encoding === 'utf8' ? Buffer.from(csv, 'utf8') : Buffer.from(csv, 'latin1');
        const options = { relax_column_count: true, encoding } as const;
        const parser = new Parser(options);
        expect(fastFieldText((parser as unknown as { state: unknown }).state)).toBe(true);
        const records: string[][] = [];
        parser.on('data', (record: string[]) => records.push(record));
        const done = new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
        // Byte by byte: fields cut across chunks must come out whole.
        for (let i = 0; i < bytes.length; i += 3) parser.write(bytes.subarray(i, i + 3));
        parser.end();
        await done;
        expect(records).toEqual(parseSync(bytes, options));
      }),
      { numRuns: 150 },
    );
  });
});
