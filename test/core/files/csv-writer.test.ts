import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFileWriter } from '../../../src/core/files/csv-writer.js';
import { tempDir } from '../../helpers/org.js';

describe('CsvFileWriter', () => {
  it('writes exactly what csv-stringify writes, whether rows need quotes or not, in order', () => {
    const dir = tempDir('crmctl-csv-writer-');
    const cell = fc.oneof(fc.constantFrom('', 'plain', 'a,b', 'say "hi"', 'line\r\nbreak', 'lf\nonly', 'Jānis', '=1+2', ' spaced '), fc.string({ maxLength: 6 }));
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 1200 }), (rows) => {
        const path = join(dir, `f${n++}.csv`);
        const writer = new CsvFileWriter(path, ['a', 'b']);
        for (const row of rows) writer.write(row);
        writer.commit();
        expect(readFileSync(path, 'utf8')).toBe(stringify([['a', 'b'], ...rows], { record_delimiter: 'windows' }));
      }),
      { numRuns: 60 },
    );
  });
});
