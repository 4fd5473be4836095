import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../../../src/core/import/read/spreadsheet.js';
import { tempDir } from '../../../helpers/org.js';
import { fixture, readAll } from './read-helpers.js';

const ACT_HEADERS = ['Contact', 'Company', 'First Name', 'Last Name', 'Address 1', 'City', 'ZIP Code', 'Country', 'Phone', 'Mobile Phone', 'E-mail', 'ID/Status', 'Birth Date', 'Create Date', 'Revenue', 'Customer Number', 'Active'];

describe.each([
  ['act-export.xlsx', 'xlsx'],
  ['act-export-97-2003.xls', 'xls'],
] as const)('spreadsheet reader on %s', (name, format) => {
  it('skips the empty cover sheet and reads values as the user saw them', async () => {
    const result = await readAll(fixture(name));
    expect(result.source).toMatchObject({ format, sheet: 'Kontakti', headers: ACT_HEADERS });
    expect(result.source.encoding).toBeUndefined();
    // Row 4 of the sheet is empty: skipped, and line numbers stay sheet row numbers.
    expect(result.rows.map((row) => [row.row, row.line])).toEqual([
      [1, 2],
      [2, 3],
      [3, 5],
    ]);
    expect(result.cell(0, 'Contact')).toBe('Jānis Bērziņš');
    expect(result.cell(0, 'Company')).toBe('Ķekava Ģimenes Ārsti');
    expect(result.cell(0, 'Phone')).toBe('+371 6700 0000');
    expect(result.cell(0, 'Birth Date')).toBe('1980-03-21');
    expect(result.cell(0, 'Create Date')).toBe('2026-11-23T14:30:00');
    expect(result.cell(0, 'Revenue')).toBe('1250.5');
    // A General-format number shows as 4.93012E+12 in Excel; the digits matter more than that.
    expect(result.cell(0, 'Customer Number')).toBe('4930123456789');
    expect(result.cell(0, 'Active')).toBe('TRUE');
    // ZIP with format 00000 keeps its leading zero.
    expect(result.cell(1, 'ZIP Code')).toBe('00120');
    expect(result.cell(1, 'Revenue')).toBe('0.3');
    expect(result.cell(1, 'Create Date')).toBe('2025-01-05');
    expect(result.cell(1, 'Active')).toBe('FALSE');
    expect(result.cell(2, 'Contact')).toBe('王小明');
    expect(result.cell(2, 'ZIP Code')).toBe('100022');
    expect(result.cell(2, 'Mobile Phone')).toBe('');
    expect(result.rows.every((row) => row.values.length === ACT_HEADERS.length && !row.problem)).toBe(true);
  });

  it('selects a sheet by name (any case) or 1-based position', async () => {
    const byName = await readAll(fixture(name), { sheet: 'grupas' });
    expect(byName.source.sheet).toBe('Grupas');
    expect(byName.source.headers).toEqual(['Group', 'Members']);
    expect(byName.rows.map((row) => row.values)).toEqual([['Rīga', '2']]);
    const byIndex = await readAll(fixture(name), { sheet: '3' });
    expect(byIndex.source.sheet).toBe('Grupas');
  });

  it('names the sheets when --sheet is wrong, and explains an empty sheet', async () => {
    const file = fixture(name);
    await expect(readAll(file, { sheet: 'Contacts' })).rejects.toMatchObject({ code: 'USAGE', message: `${file} has no sheet "Contacts"`, hint: 'Try: --sheet with one of: "Cover", "Kontakti", "Grupas" (or a number 1-3)' });
    await expect(readAll(file, { sheet: 'Cover' })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file}: sheet "Cover" is empty (no header row)` });
  });
});

describe('spreadsheet reader safety', () => {
  it('passes prototype-pollution headers through as plain text and leaves Object.prototype clean', async () => {
    const result = await readAll(fixture('prototype-pollution-headers.xlsx'));
    expect(result.source.sheet).toBe('__proto__');
    expect(result.source.headers).toEqual(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'Name']);
    expect(result.rows[0]!.values).toEqual(['{"polluted":"yes"}', 'Object', 'x', 'no', 'tostring', 'Þóra']);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function');
  });

  it('refuses a zip bomb that lies about its uncompressed size', async () => {
    const file = fixture('zip-bomb.xlsx');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'BAD_INPUT_FILE',
      message: `${file} is not safe to read: xl/worksheets/sheet1.xml expands to more than the 1 KiB its ZIP directory declares (a zip bomb or a damaged file)`,
    });
  });

  it('refuses a workbook whose declared size is over the limit, before inflating anything', async () => {
    const file = fixture('zip-bomb-declared-size.xlsx');
    await expect(readAll(file)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file} would expand to 2.8 GiB, more than the 512 MiB allowed for a workbook (it may be a zip bomb)` });
    // The same guard with a small limit stops an honest but large workbook.
    const act = fixture('act-export.xlsx');
    await expect(readAll(act, { maxUncompressedBytes: 10_000 })).rejects.toMatchObject({ message: expect.stringMatching(/would expand to .* more than the 9\.8 KiB allowed/) });
  });

  it('refuses a sheet that declares an absurd dimension', async () => {
    const file = fixture('absurd-dimension.xlsx');
    await expect(readAll(file)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file}: xl/worksheets/sheet1.xml declares a 1,048,576 × 16,384 cell range, too large to be a contact list` });
  });

  it('refuses a workbook over maxFileBytes, from a file and from stdin', async () => {
    const file = fixture('act-export.xlsx');
    await expect(readAll(file, { maxFileBytes: 1024 })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file} is larger than the 1 KiB allowed for a spreadsheet` });
    const bytes = readFileSync(file);
    await expect(readAll('-', { maxFileBytes: 1024 }, Readable.from([bytes]))).rejects.toMatchObject({ message: '- is larger than the 1 KiB allowed for a spreadsheet' });
  });

  it('detects a workbook by content even when it is named .csv, and warns about the name', async () => {
    const dir = tempDir();
    const file = join(dir, 'contacts.csv');
    copyFileSync(fixture('act-export.xlsx'), file);
    const result = await readAll(file, { encoding: 'utf-8' });
    expect(result.source.format).toBe('xlsx');
    expect(result.cell(0, 'Last Name')).toBe('Bērziņš');
    expect(result.source.warnings).toEqual([`${file} is named like csv but its content is a ZIP archive (Excel .xlsx workbook); it was read as xlsx`, '--encoding does not apply to xlsx files and was ignored']);
  });

  it('reads a workbook from stdin', async () => {
    const result = await readAll('-', {}, Readable.from([readFileSync(fixture('act-export.xlsx'))]));
    expect(result.source).toMatchObject({ file: '-', format: 'xlsx', sheet: 'Kontakti' });
    expect(result.cell(2, 'City')).toBe('北京');
  });
});

describe('text spreadsheets (HTML tables and Excel 2003 XML saved as .xls)', () => {
  it('reads an HTML table named .xls as a spreadsheet, keeping leading zeros as text', async () => {
    const result = await readAll(fixture('html-table-saved-as.xls'));
    expect(result.source).toMatchObject({ format: 'xls', encoding: 'utf-8', sheet: 'Sheet1', headers: ['Vārds', 'Uzvārds', 'Pasta indekss', 'Tālrunis', 'Piezīmes'] });
    expect(result.rows.map((row) => row.values)).toEqual([
      ['Jānis', 'Bērziņš', '01234', '0049301234', 'Zvanīt & rakstīt'],
      ['小明', '王', '100022', '+86 10 6552 9988', ''],
    ]);
  });

  it('reads Excel 2003 XML', async () => {
    const result = await readAll(fixture('excel-2003-xml-spreadsheet.xml'));
    expect(result.source).toMatchObject({ format: 'xls', sheet: 'Yhteystiedot', headers: ['Etunimi', 'Sukunimi', 'Postinumero'] });
    expect(result.rows.map((row) => row.values)).toEqual([['Eero', 'Mäkelä', '00120']]);
  });

  it('refuses to read an HTML table as CSV', async () => {
    const file = fixture('html-table-saved-as.xls');
    await expect(readAll(file, { format: 'csv' })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file} cannot be read as csv: it looks like an HTML table (a web page saved as a spreadsheet)`, hint: 'Try: --format xls (or leave --format out to detect it)' });
  });
});

describe('cellText', () => {
  it('formats numbers, dates and booleans as text without losing digits', () => {
    expect(cellText({ t: 'n', v: 120, z: '00000', w: '00120' })).toBe('00120');
    expect(cellText({ t: 'n', v: 4930123456789, z: 'General', w: '4.93012E+12' })).toBe('4930123456789');
    expect(cellText({ t: 'n', v: 0.1 + 0.2, z: 'General' })).toBe('0.3');
    expect(cellText({ t: 'n', v: 29301, z: 'm/d/yy' })).toBe('1980-03-21');
    expect(cellText({ t: 'n', v: 0.75, z: 'h:mm' })).toBe('18:00:00');
    // 1904 date system (old Mac Excel): the same serial is four years later.
    expect(cellText({ t: 'n', v: 29301, z: 'yyyy-mm-dd' }, true)).toBe('1984-03-22');
    expect(cellText({ t: 's', v: '+371 2912 3456' })).toBe('+371 2912 3456');
    expect(cellText({ t: 'e', v: 42, w: '#N/A' })).toBe('#N/A');
    expect(cellText(undefined)).toBe('');
  });
});
