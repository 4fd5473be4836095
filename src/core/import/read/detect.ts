import { extname } from 'node:path';
import { CrmError } from '../../errors.js';
import type { FileFormat } from '../types.js';
import { decodeHead, detectEncoding, looksBinary } from './encoding.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (head: Buffer, magic: number[]): boolean => head.length >= magic.length && magic.every((byte, i) => head[i] === byte);

/** Well-known binary signatures, to tell the user what they gave us instead of a contact export. */
const OTHER_BINARIES: Array<{ magic: number[]; what: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

/** What the first bytes say the file is; 'binary' = not something we can read. */
export type SniffedKind = FileFormat | 'binary';

export interface Sniffed {
  kind: SniffedKind;
  /** Human description for messages, e.g. "a ZIP archive (Excel .xlsx)". */
  what: string;
  /** Set for text spreadsheets (kind 'xls'): an HTML table or Excel 2003 XML saved with an .xls name. */
  markup?: 'html' | 'spreadsheetml';
}

/** Detects the format from content (magic bytes, then text), never from the name alone. */
export function sniffFormat(head: Buffer, complete: boolean): Sniffed {
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return { kind: 'xlsx', what: 'a ZIP archive (Excel .xlsx workbook)' };
  if (startsWith(head, OLE2)) return { kind: 'xls', what: 'an OLE2 compound file (Excel 97-2003 .xls workbook)' };
  const other = OTHER_BINARIES.find((candidate) => startsWith(head, candidate.magic));
  if (other) return { kind: 'binary', what: other.what };
  if (looksBinary(head)) return { kind: 'binary', what: 'binary data (it contains NUL bytes)' };
  const text = decodeHead(head.subarray(0, 4096), detectEncoding(head, complete), complete && head.length <= 4096);
  // Web apps and report tools save an HTML table (or Excel 2003 XML) as ".xls"; Excel opens them, so do we.
  const start = text.replace(/^[\s\uFEFF]+/, '').slice(0, 2048);
  if (/^<\?xml[^>]*>\s*(<\?mso-application[^>]*>\s*)?<(\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/i.test(start)) {
    return { kind: 'xls', what: 'an Excel 2003 XML spreadsheet', markup: 'spreadsheetml' };
  }
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|table)\b/i.test(start)) {
    return { kind: 'xls', what: 'an HTML table (a web page saved as a spreadsheet)', markup: 'html' };
  }
  // Some exporters put blank lines, a stray BOM or a line of junk ("ENCODING:UTF-8") before the first card;
  // a line that is exactly BEGIN:VCARD never starts a CSV record.
  if (/(^|[\r\n])[ \t\uFEFF]*begin:vcard[ \t]*(\r|\n|$)/i.test(text)) return { kind: 'vcard', what: 'vCard text' };
  return { kind: 'csv', what: 'delimited text' };
}

const EXTENSION_FORMAT = new Map<string, FileFormat>([
  ['.csv', 'csv'],
  ['.tsv', 'csv'],
  ['.txt', 'csv'],
  ['.xlsx', 'xlsx'],
  ['.xlsm', 'xlsx'],
  ['.xls', 'xls'],
  ['.vcf', 'vcard'],
  ['.vcard', 'vcard'],
]);

export interface FormatDecision {
  format: FileFormat;
  /** The file is a text spreadsheet (HTML table, Excel 2003 XML): decode it, then parse it as a workbook. */
  markup?: 'html' | 'spreadsheetml';
  warnings: string[];
}

/**
 * Decides the format: content wins over the file name; a `--format` override is honoured only when the
 * content agrees (a workbook read as CSV would be garbage, so that is an error naming what the file is).
 */
export function decideFormat(file: string, head: Buffer, complete: boolean, override?: FileFormat): FormatDecision {
  if (head.length === 0) {
    throw new CrmError('BAD_INPUT_FILE', `${file}: the file is empty`, { hint: 'Try: export the contacts again, or check that you picked the right file', details: { file } });
  }
  const sniffed = sniffFormat(head, complete);
  if (sniffed.kind === 'binary') {
    throw new CrmError('BAD_INPUT_FILE', `${file} is not a contact export: it looks like ${sniffed.what}`, {
      hint: 'Try: export the contacts as CSV, Excel (.xlsx/.xls) or vCard (.vcf) and import that file',
      details: { file, looksLike: sniffed.what },
    });
  }
  const warnings: string[] = [];
  if (override && override !== sniffed.kind) {
    const textual = (f: SniffedKind) => f === 'csv' || f === 'vcard';
    // vCard text read as CSV (or the reverse) is a legitimate user choice; binary vs text never is.
    // Markup can be read as xls or xlsx (both go to the workbook reader), never as CSV.
    const spreadsheet = (f: SniffedKind) => f === 'xls' || f === 'xlsx';
    if (sniffed.markup && spreadsheet(override)) return { format: 'xls', markup: sniffed.markup, warnings };
    if (sniffed.markup || !(textual(override) && textual(sniffed.kind))) {
      throw new CrmError('BAD_INPUT_FILE', `${file} cannot be read as ${override}: it looks like ${sniffed.what}`, {
        hint: `Try: --format ${sniffed.kind} (or leave --format out to detect it)`,
        details: { file, declared: override, looksLike: sniffed.kind },
      });
    }
    return { format: override, warnings };
  }
  const byName = EXTENSION_FORMAT.get(extname(file).toLowerCase());
  if (byName && byName !== sniffed.kind && !(byName === 'xls' && sniffed.kind === 'xlsx')) {
    warnings.push(`${file} is named like ${byName} but its content is ${sniffed.what}; it was read as ${sniffed.kind}`);
  }
  return sniffed.markup ? { format: sniffed.kind, markup: sniffed.markup, warnings } : { format: sniffed.kind, warnings };
}
