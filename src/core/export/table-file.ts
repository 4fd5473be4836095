import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { CrmError } from '../errors.js';
import { CsvFileWriter, neutralizeFormula } from '../files/csv-writer.js';

/** One cell of an exported table: numbers and booleans keep their type, text is neutralised. */
export type TableCell = string | number | boolean | null | undefined;

export type TableFormat = 'csv' | 'xlsx';

/** What a table file write produced: data rows written and cells Excel could not hold whole. */
export interface TableWrite {
  rows: number;
  /** Text cells longer than Excel's 32,767-character limit, cut to fit (XLSX only). */
  truncatedCells: number;
}

/** Excel refuses longer cells (the file opens as "needs repair"). */
export const XLSX_CELL_LIMIT = 32_767;

/** The format a file name asks for (.csv or .xlsx), or a usage error. */
export function formatFromPath(path: string): TableFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new CrmError('USAGE', `${path}: crmctl writes .csv or .xlsx files.`, { hint: 'Name the file e.g. contacts.csv or contacts.xlsx.' });
}

/**
 * Text for a spreadsheet cell: anything a spreadsheet could run as a formula
 * (= + - @ tab CR LF NUL first) gets a leading quote (OWASP CSV injection).
 * Numbers are written as numbers, so a negative amount stays a number.
 */
function csvCell(value: TableCell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return neutralizeFormula(value);
}

/**
 * Write a CSV that Excel and LibreOffice open cleanly: UTF-8 with BOM, CRLF,
 * formula-like text neutralised, written to a .partial file and renamed into place.
 */
export function writeCsvTable(path: string, headers: string[], rows: Iterable<TableCell[]>): TableWrite {
  // Text is neutralised here rather than by the writer so that numbers (e.g. -250.5) stay numbers.
  const writer = new CsvFileWriter(path, headers.map(neutralizeFormula), { bom: true, neutralizeFormulas: false });
  try {
    for (const row of rows) writer.write(row.map(csvCell));
    writer.commit();
  } catch (error) {
    writer.discard();
    throw error;
  }
  return { rows: writer.rowCount, truncatedCells: 0 };
}

export interface Sheet {
  name: string;
  headers: string[];
  rows: Iterable<TableCell[]>;
}

/** Build a worksheet cell by cell with explicit types: text cells are always strings, never formulas. */
function worksheet(headers: string[], rows: Iterable<TableCell[]>): { sheet: XLSX.WorkSheet; count: number; truncated: number } {
  const sheet: XLSX.WorkSheet = {};
  let r = 0;
  let width = headers.length;
  let truncated = 0;
  // Column widths in characters, so the file opens readable (capped: notes can be long).
  const chars: number[] = [];
  const put = (row: number, values: TableCell[]): void => {
    values.forEach((value, c) => {
      if (value === null || value === undefined) return;
      chars[c] = Math.min(60, Math.max(chars[c] ?? 8, String(value).length + 2));
      const address = XLSX.utils.encode_cell({ r: row, c });
      if (typeof value === 'number') {
        if (Number.isFinite(value)) sheet[address] = { t: 'n', v: value };
      } else if (typeof value === 'boolean') {
        sheet[address] = { t: 'b', v: value };
      } else {
        let text = neutralizeFormula(value);
        if (text.length > XLSX_CELL_LIMIT) {
          text = text.slice(0, XLSX_CELL_LIMIT);
          truncated++;
        }
        sheet[address] = { t: 's', v: text };
      }
    });
    width = Math.max(width, values.length);
  };
  put(r++, headers);
  for (const row of rows) put(r++, row);
  sheet['!cols'] = Array.from({ length: width }, (_, c) => ({ wch: chars[c] ?? 8 }));
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, r - 1), c: Math.max(0, width - 1) } });
  return { sheet, count: r - 1, truncated };
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** Write an .xlsx with one or more sheets; counts the data rows of the first. Atomic like the CSV writer. */
export function writeXlsxTables(path: string, sheets: Sheet[]): TableWrite {
  const book = XLSX.utils.book_new();
  let first = -1;
  let truncatedCells = 0;
  const used = new Set<string>();
  for (const s of sheets) {
    let name = sheetName(s.name);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${sheetName(s.name).slice(0, 28)} ${n}`;
    used.add(name.toLowerCase());
    const { sheet, count, truncated } = worksheet(s.headers, s.rows);
    if (first < 0) first = count;
    truncatedCells += truncated;
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  const data = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const partial = `${path}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { rows: Math.max(0, first), truncatedCells };
}
