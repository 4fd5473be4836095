import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { openRowSource } from '../../../../src/core/import/read/index.js';
import { tempDir } from '../../../helpers/org.js';

const ROWS = 200_000;

describe('CSV streaming', () => {
  it('reads a generated 200k-row Windows-1252 CSV row by row with correct line numbers', async () => {
    const file = join(tempDir(), 'big.csv');
    const out = createWriteStream(file);
    out.write('Name;Email;Notes\r\n');
    for (let i = 1; i <= ROWS; i++) {
      // Every 1000th record has a two-line note, so line numbers drift from row numbers.
      const notes = i % 1000 === 0 ? `"first line\r\nsecond ${i}"` : `note ${i}`;
      const line = Buffer.from(`M\xfcller ${i};user${i}@example.com;${notes}\r\n`, 'latin1');
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const source = await openRowSource(file);
    expect(source).toMatchObject({ encoding: 'windows-1252', delimiter: ';', headers: ['Name', 'Email', 'Notes'] });
    let count = 0;
    let last: { row: number; line: number; values: string[] } | undefined;
    let sample: string[] | undefined;
    for await (const row of source.rows) {
      count++;
      if (row.row === 1000) sample = row.values;
      last = row;
    }
    expect(count).toBe(ROWS);
    expect(sample).toEqual(['Müller 1000', 'user1000@example.com', 'first line\r\nsecond 1000']);
    // The last record starts after the header and 199,999 records, 199 of which have a two-line note.
    expect(last).toEqual({ row: ROWS, line: 1 + (ROWS - 1) + (ROWS / 1000 - 1) + 1, values: [`Müller ${ROWS}`, `user${ROWS}@example.com`, `first line\r\nsecond ${ROWS}`] });
  });
});
