import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeImport, prepareImport } from '../../../src/core/import/run.js';
import { countRecordsFor } from '../../../src/core/records/service.js';
import { memoryOrg, tempDir } from '../../helpers/org.js';

/**
 * Row accounting (issue 9), as a property over generated files of good, bad, duplicate and ragged
 * rows, in every mode: each row ends in exactly one outcome, the success and error files hold each
 * row number once, and the org gains exactly the inserted records.
 */
const HEADERS = ['First Name', 'Last Name', 'E-mail Address', 'Company', 'Birthday'];

const rowArbitrary = fc.oneof(
  // A good row; e-mails from a small pool so duplicates (in the file and in the org) happen.
  fc.record({ first: fc.constantFrom('Jānis', 'Päivi', 'Þóra', '王', ''), last: fc.constantFrom('Bērziņš', 'Mäkelä', 'Guðmundsdóttir', '明', ''), email: fc.constantFrom('', 'a@example.lv', 'b@example.fi', 'c@example.is', 'not-an-email'), company: fc.constantFrom('', 'Ozols SIA', 'Öljy Oy'), birthday: fc.constantFrom('', '1980-03-21', '31/02/1980', 'soon') })
    .map((r) => [r.first, r.last, r.email, r.company, r.birthday])
    // A line of nothing but delimiters (",,,,", as Excel leaves at the end of a sheet) holds no row; the reader skips it.
    .filter((r) => r.some((v) => v !== '')),
  // A ragged row with extra data cells.
  fc.constant(['Extra', 'Cells', 'x@example.com', 'Co', '', 'surplus']),
);

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('row accounting (property)', () => {
  it('every generated row ends in exactly one of inserted / updated / skipped / rejected', async () => {
    const { session } = await memoryOrg();
    const dir = tempDir('crmctl-accounting-property-');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { minLength: 1, maxLength: 25 }),
        fc.constantFrom('create', 'skip', 'update') as fc.Arbitrary<'create' | 'skip' | 'update'>,
        fc.constantFrom('insert', 'upsert') as fc.Arbitrary<'insert' | 'upsert'>,
        async (rows, onDuplicate, mode) => {
          const file = join(dir, `f${n++}.csv`);
          writeFileSync(file, [HEADERS, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');
          const before = countRecordsFor(session, 'Contact');
          const prepared = await prepareImport(session, { file, object: 'Contact', onDuplicate, mode, ...(mode === 'upsert' ? { matchOn: 'Email' } : {}) });
          const summary = await executeImport(session, prepared, dir);

          expect(summary.rows).toBe(rows.length);
          expect(summary.inserted + summary.updated + summary.skipped + summary.rejected).toBe(rows.length);
          const successes = (parse(readFileSync(summary.successFile)) as string[][]).slice(1);
          const errors = (parse(readFileSync(summary.errorsFile), { relax_column_count: true }) as string[][]).slice(1);
          const numbers = [...successes.map((s) => Number(s[0])), ...errors.map((e) => Number(e.at(-4)))].sort((a, b) => a - b);
          expect(numbers).toEqual(rows.map((_, i) => i + 1));
          // Row i is on line i + 2 (no cell spans lines here).
          for (const e of errors) expect(Number(e.at(-3))).toBe(Number(e.at(-4)) + 1);
          expect(successes.filter((s) => s[2] === 'inserted')).toHaveLength(summary.inserted);
          expect(successes.filter((s) => s[2] === 'updated')).toHaveLength(summary.updated);
          expect(successes.filter((s) => s[2] === 'skipped')).toHaveLength(summary.skipped);
          expect(countRecordsFor(session, 'Contact')).toBe(before + summary.inserted);
          // The ragged row is always rejected for its extra cells, never imported with them dropped.
          const ragged = rows.flatMap((r, i) => (r.length > HEADERS.length ? [String(i + 1)] : []));
          expect(errors.filter((e) => e.at(-2) === 'RAGGED_ROW').map((e) => e.at(-4))).toEqual(ragged);
        },
      ),
      { numRuns: 40 },
    );
  });
});
