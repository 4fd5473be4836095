import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { formatFromPath, sheetName, writeCsvTable, writeXlsxTables } from '../../../src/core/export/table-file.js';
import { tempDir } from '../../helpers/org.js';

const DANGEROUS = /^[=+\-@\t\r\n\u0000]/;

describe('spreadsheet-safe table files', () => {
  it('property: any text comes back from CSV and XLSX either unchanged or with one leading quote, never formula-like', () => {
    const dir = tempDir();
    let n = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom('=1+1', '-2', '@A1', '\tx', '\rx', '\nx', '\u0000x', '+x')), { minLength: 1, maxLength: 6 }), (cells) => {
        const csv = join(dir, `t${++n}.csv`);
        writeCsvTable(csv, cells.map((_, i) => `c${i}`), [cells]);
        const [row] = parse(readFileSync(csv), { bom: true, relax_column_count: true }).slice(1) as string[][];
        const xlsx = join(dir, `t${n}.xlsx`);
        writeXlsxTables(xlsx, [{ name: 'T', headers: cells.map((_, i) => `c${i}`), rows: [cells] }]);
        const sheet = XLSX.read(readFileSync(xlsx), { cellFormula: true }).Sheets.T!;
        cells.forEach((original, i) => {
          const expected = DANGEROUS.test(original) ? `'${original}` : original;
          expect(row![i]).toBe(expected);
          const cell = sheet[XLSX.utils.encode_cell({ r: 1, c: i })];
          if (original === '') return;
          expect(cell).toMatchObject({ t: 's', v: expected });
          expect(cell?.f).toBeUndefined();
        });
      }),
      { numRuns: 60 },
    );
  });

  it('keeps numbers and booleans typed, nulls empty', () => {
    const dir = tempDir();
    writeCsvTable(join(dir, 'n.csv'), ['a', 'b', 'c', 'd'], [[-250.5, true, null, 'x']]);
    expect(readFileSync(join(dir, 'n.csv'), 'utf8')).toBe('\uFEFFa,b,c,d\r\n-250.5,true,,x\r\n');
    writeXlsxTables(join(dir, 'n.xlsx'), [{ name: 'N', headers: ['a', 'b', 'c'], rows: [[-250.5, true, null]] }]);
    const sheet = XLSX.read(readFileSync(join(dir, 'n.xlsx'))).Sheets.N!;
    expect(sheet.A2).toMatchObject({ t: 'n', v: -250.5 });
    expect(sheet.B2).toMatchObject({ t: 'b', v: true });
    expect(sheet.C2).toBeUndefined();
  });

  it('cuts text longer than an Excel cell holds, and says so', () => {
    const dir = tempDir();
    const written = writeXlsxTables(join(dir, 'long.xlsx'), [{ name: 'L', headers: ['note'], rows: [['x'.repeat(40_000)], ['short']] }]);
    expect(written).toEqual({ rows: 2, truncatedCells: 1 });
    const sheet = XLSX.read(readFileSync(join(dir, 'long.xlsx'))).Sheets.L!;
    expect(String(sheet.A2!.v)).toHaveLength(32_767);
    expect(writeCsvTable(join(dir, 'long.csv'), ['note'], [['x'.repeat(40_000)]])).toEqual({ rows: 1, truncatedCells: 0 });
  });

  it('names sheets and formats safely', () => {
    expect(sheetName('Q1/Q2: [draft]?')).toBe('Q1_Q2_ _draft__');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(formatFromPath('/tmp/a.XLSX')).toBe('xlsx');
    expect(() => formatFromPath('a.xls')).toThrow(/\.csv or \.xlsx/);
  });
});
