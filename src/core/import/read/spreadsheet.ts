import * as XLSX from '@e965/xlsx';
import { CrmError } from '../../errors.js';
import type { RowProblem, RowSource, SourceRow } from '../types.js';
import { decodeHead, type TextEncoding } from './encoding.js';
import { uniqueHeaders } from './headers.js';
import { formatBytes, readAllBytes, type ByteInput } from './input.js';
import { guardZip } from './zip-guard.js';

export interface SpreadsheetReadOptions {
  sheet?: string;
  /** Set for HTML tables / Excel 2003 XML: the bytes are text in this encoding. */
  markup?: { kind: 'html' | 'spreadsheetml'; encoding: TextEncoding };
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxCellBytes: number;
}

type Cell = XLSX.CellObject | undefined | null;

/**
 * Reads .xlsx/.xls into rows of text as the user saw them: strings raw, numbers with an explicit
 * format (ZIP "00000", phone formats) as displayed, General numbers in full (never "4.93E+12"),
 * real dates as ISO. Formulas and HTML are off; rows are arrays, never objects keyed by header.
 */
export async function openSpreadsheet(input: ByteInput, format: 'xlsx' | 'xls', options: SpreadsheetReadOptions): Promise<RowSource> {
  const { file } = input;
  const bytes = await readAllBytes(input, options.maxFileBytes, 'a spreadsheet');
  if (format === 'xlsx') guardZip(bytes, file, options.maxUncompressedBytes);
  let workbook: XLSX.WorkBook;
  const markup = options.markup;
  try {
    // Markup is decoded with our detected encoding; `raw` stops SheetJS turning "01234" in an HTML cell into 1234.
    workbook = XLSX.read(markup ? decodeHead(bytes, markup.encoding, true) : bytes, {
      type: markup ? 'string' : 'buffer',
      raw: Boolean(markup),
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellNF: true,
      cellText: true,
      cellStyles: false,
      cellDates: false,
      sheetStubs: false,
      bookVBA: false,
      bookDeps: false,
      WTF: false,
    });
  } catch (error) {
    const what = markup?.kind === 'html' ? 'an HTML table' : markup ? 'an Excel 2003 XML spreadsheet' : `an Excel ${format === 'xlsx' ? '.xlsx' : '97-2003 .xls'} workbook`;
    throw new CrmError('BAD_INPUT_FILE', `${file} cannot be read as ${what}: ${(error as Error).message}`, {
      hint: 'Try: open it in Excel or LibreOffice and save it again (or save it as CSV)',
      details: { file },
      cause: error,
    });
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheetName = chooseSheet(file, workbook, options.sheet);
  const data = denseData(workbook.Sheets[sheetName]);

  const headerIndex = data.findIndex((row) => rowTexts(row, date1904).some((text) => text !== ''));
  if (headerIndex < 0) {
    throw new CrmError('BAD_INPUT_FILE', `${file}: sheet "${sheetName}" is empty (no header row)`, {
      hint: workbook.SheetNames.length > 1 ? `Try: --sheet with one of: ${workbook.SheetNames.join(', ')}` : 'Try: export the contacts again with a header row',
      details: { file, sheet: sheetName },
    });
  }
  const headerCells = trimTrailingEmpty(rowTexts(data[headerIndex], date1904));
  const { headers, warnings } = uniqueHeaders(headerCells, file);
  const width = headers.length;
  const check = (cells: string[], line: number) => {
    cells.forEach((cell, i) => {
      if (cell.length * 3 > options.maxCellBytes && Buffer.byteLength(cell, 'utf8') > options.maxCellBytes) {
        throw new CrmError('BAD_INPUT_FILE', `${file}: sheet "${sheetName}" row ${line}, column "${headers[i] ?? `Column ${i + 1}`}" holds more than the ${formatBytes(options.maxCellBytes)} a cell may hold`, {
          hint: 'Try: shorten that cell in Excel and save again',
          details: { file, sheet: sheetName, line, column: headers[i] },
        });
      }
    });
  };
  check(headerCells, headerIndex + 1);

  async function* rows(): AsyncGenerator<SourceRow & { problem?: RowProblem }> {
    let row = 0;
    for (let index = headerIndex + 1; index < data.length; index++) {
      const cells = trimTrailingEmpty(rowTexts(data[index], date1904));
      if (cells.length === 0) continue;
      const line = index + 1;
      check(cells, line);
      row++;
      if (cells.length > width) {
        yield { row, line, values: cells, problem: { row, line, code: 'RAGGED_ROW', message: `row ${line} has ${cells.length} cells but the header has ${width} columns` } };
        continue;
      }
      yield { row, line, values: cells.concat(Array<string>(width - cells.length).fill('')) };
    }
  }
  return { file, format, ...(markup ? { encoding: markup.encoding.label } : {}), sheet: sheetName, headers, rows: rows(), warnings };
}

/** `--sheet` by exact name, then case-insensitive name, then 1-based position; default: first non-empty visible sheet. */
function chooseSheet(file: string, workbook: XLSX.WorkBook, wanted: string | undefined): string {
  const names = workbook.SheetNames;
  if (names.length === 0) throw new CrmError('BAD_INPUT_FILE', `${file}: the workbook has no sheets`, { details: { file } });
  if (wanted !== undefined) {
    const exact = names.find((name) => name === wanted) ?? names.find((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (exact) return exact;
    if (/^\d+$/.test(wanted.trim())) {
      const position = Number(wanted.trim());
      if (position >= 1 && position <= names.length) return names[position - 1]!;
    }
    throw new CrmError('USAGE', `${file} has no sheet "${wanted}"`, { hint: `Try: --sheet with one of: ${names.map((name) => JSON.stringify(name)).join(', ')} (or a number 1-${names.length})`, details: { file, sheet: wanted, sheets: names } });
  }
  const hidden = (i: number) => Boolean(workbook.Workbook?.Sheets?.[i]?.Hidden);
  const nonEmpty = (name: string) => denseData(workbook.Sheets[name]).some((row) => (row ?? []).some((cell) => cell != null && cell.t !== 'z' && cell.v !== '' && cell.v !== undefined));
  return names.find((name, i) => !hidden(i) && nonEmpty(name)) ?? names.find(nonEmpty) ?? names[0]!;
}

function denseData(sheet: XLSX.WorkSheet | undefined): Array<Cell[] | undefined> {
  return ((sheet as { '!data'?: Array<Cell[] | undefined> } | undefined)?.['!data'] ?? []) as Array<Cell[] | undefined>;
}

function rowTexts(row: Cell[] | undefined, date1904: boolean): string[] {
  if (!row) return [];
  const texts: string[] = [];
  for (let i = 0; i < row.length; i++) texts.push(cellText(row[i], date1904));
  return texts;
}

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** The text of one cell; exported for tests of the number/date rules. */
export function cellText(cell: Cell, date1904 = false): string {
  if (cell == null || cell.v === undefined || cell.v === null) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v);
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? isoFromDate(cell.v) : String(cell.v);
    case 'n': {
      const value = cell.v as number;
      const numberFormat = typeof cell.z === 'string' ? cell.z : 'General';
      if (XLSX.SSF.is_date(numberFormat)) return isoFromSerial(value, numberFormat, date1904) ?? cell.w ?? String(value);
      // An explicit format is what the user saw and relies on (ZIP "00000", "+49 000 000"); General is shown shortened.
      if (numberFormat !== 'General' && cell.w !== undefined) return cell.w;
      return plainNumber(value);
    }
    default:
      return cell.w ?? String(cell.v);
  }
}

/** Full digits for integers, and no binary float noise (0.1+0.2) for fractions: Excel keeps 15 significant digits. */
function plainNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return String(Number(value.toPrecision(15)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoFromSerial(serial: number, numberFormat: string, date1904: boolean): string | undefined {
  const parts = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parts) return undefined;
  // Strip quoted literals and [colour]/[locale] sections before looking for date tokens.
  const tokens = numberFormat.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  const hasDate = /[dy]/i.test(tokens) || (/m/i.test(tokens) && !/[hs]/i.test(tokens));
  const hasTime = /[hs]/i.test(tokens) || parts.H + parts.M + parts.S > 0;
  const time = `${pad(parts.H)}:${pad(parts.M)}:${pad(parts.S)}`;
  if (!hasDate) return time;
  const date = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
  return hasTime && parts.H + parts.M + parts.S > 0 ? `${date}T${time}` : date;
}

function isoFromDate(date: Date): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return seconds === 0 ? day : `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}
