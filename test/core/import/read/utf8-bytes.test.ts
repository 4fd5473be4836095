import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { utf8Bytes, type TextEncoding } from '../../../../src/core/import/read/encoding.js';

const detected: TextEncoding = { label: 'utf-8', decoder: 'utf-8', bomBytes: 0, detected: true };
const withBom: TextEncoding = { label: 'utf-8-bom', decoder: 'utf-8', bomBytes: 3, detected: true };

async function* pieces(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= at || cut >= bytes.length) continue;
    yield bytes.subarray(at, cut);
    at = cut;
  }
  yield bytes.subarray(at);
}

async function collect(bytes: Buffer, cuts: number[], encoding = detected, onFallback?: (line: number) => void): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const part of utf8Bytes('f.csv', pieces(bytes, cuts), encoding, onFallback)) out.push(part);
  return Buffer.concat(out);
}

describe('UTF-8 passed to csv-parse as checked bytes', () => {
  it('passes any UTF-8 text through unchanged however the reads cut its characters (property)', async () => {
    const text = fc.array(fc.constantFrom('a', ',', '\r\n', 'ā', 'þ', '王', '€', '😀', '"'), { maxLength: 40 }).map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 200 }), { maxLength: 8 }), async (value, cuts) => {
        const bytes = Buffer.from(value, 'utf8');
        expect((await collect(bytes, cuts)).equals(bytes)).toBe(true);
        const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
        expect((await collect(bom, cuts.map((c) => c + 1), withBom)).equals(bytes)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('names the line of a byte that is not UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from('Name\nĀris\nBērziņš\n', 'utf8'), Buffer.from([0x4a, 0xe9, 0x0a])]);
    for (const cut of [3, 9, 20, 21, 22]) await expect(collect(bytes, [cut])).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: 'f.csv: line 4 has bytes that are not valid UTF-8' });
  });

  it('refuses a file that ends in the middle of a character', async () => {
    await expect(collect(Buffer.from([0x41, 0x0a, 0xe2, 0x82]), [])).rejects.toMatchObject({ message: 'f.csv: the file ends in the middle of a UTF-8 character' });
  });

  it('switches to Windows-1252 after a plain-ASCII start, keeping a legacy byte that ended the previous read', async () => {
    const legacy = iconv.encode('Jérôme “Jé”\n', 'windows-1252');
    const bytes = Buffer.concat([Buffer.from('Name\nAnna\n', 'ascii'), legacy]);
    // Cut right after the é (0xE9), which alone looks like the start of a 3-byte character.
    const cut = 10 + 2;
    const lines: number[] = [];
    const out = await collect(bytes, [cut], detected, (line) => lines.push(line));
    expect(out.toString('utf8')).toBe('Name\nAnna\nJérôme “Jé”\n');
    expect(lines).toEqual([3]);
  });
});
