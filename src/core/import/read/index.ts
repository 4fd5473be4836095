import { CrmError } from '../../errors.js';
import type { FileFormat, RowSource } from '../types.js';
import { openCsv } from './csv.js';
import { parseDelimiterOption } from './delimiter.js';
import { decideFormat } from './detect.js';
import { chooseEncoding, decodeHead } from './encoding.js';
import { openByteInput } from './input.js';
import { openVcard } from './vcard.js';

export { VCARD_HEADERS } from './vcard.js';

/** SheetJS is loaded only for workbooks: it adds ~12 MB to every thread that reads a CSV otherwise. */
const spreadsheetReader = async () => (await import('./spreadsheet.js')).openSpreadsheet;

export interface ReadOptions {
  /** Override: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1' | 'iso-8859-2' | 'shift_jis' ... (anything iconv-lite knows). */
  encoding?: string;
  /** Override: ',' ';' '\t' '|' (also "tab", "semicolon"...). */
  delimiter?: string;
  /** xlsx/xls sheet name or 1-based index. */
  sheet?: string;
  /** Override detection. */
  format?: FileFormat;
  /** Default 1 MiB; a larger cell is a fatal error naming file, line and column. */
  maxCellBytes?: number;
  /** Default 8 MiB (CSV record, vCard card). */
  maxRecordBytes?: number;
  /** Spreadsheets: default 200 MiB. */
  maxFileBytes?: number;
  /** xlsx: total uncompressed size allowed (zip-bomb guard), default 512 MiB. */
  maxUncompressedBytes?: number;
}

const MiB = 1024 * 1024;
export const READ_DEFAULTS = {
  maxCellBytes: 1 * MiB,
  maxRecordBytes: 8 * MiB,
  maxFileBytes: 200 * MiB,
  maxUncompressedBytes: 512 * MiB,
} as const;

const FORMATS: readonly FileFormat[] = ['csv', 'xlsx', 'xls', 'vcard'];

/**
 * Opens a contact file (or stdin when `file` is "-") as a RowSource: format and encoding detected from
 * content, rows streamed. Headers and detection results are known on return; `warnings` keeps growing
 * while `rows` is iterated, so read it after the rows. Throws CrmError('BAD_INPUT_FILE') for unreadable
 * files and CrmError('USAGE') for bad options.
 */
export async function openRowSource(file: string, options: ReadOptions = {}, stdin?: NodeJS.ReadableStream): Promise<RowSource> {
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    throw new CrmError('USAGE', `unknown format "${options.format}"`, { hint: `Try: --format ${FORMATS.join(' | ')}`, details: { format: options.format } });
  }
  const delimiter = options.delimiter === undefined ? undefined : parseDelimiterOption(options.delimiter);
  const limits = {
    maxCellBytes: positive(options.maxCellBytes, READ_DEFAULTS.maxCellBytes),
    maxRecordBytes: positive(options.maxRecordBytes, READ_DEFAULTS.maxRecordBytes),
    maxFileBytes: positive(options.maxFileBytes, READ_DEFAULTS.maxFileBytes),
    maxUncompressedBytes: positive(options.maxUncompressedBytes, READ_DEFAULTS.maxUncompressedBytes),
  };
  const input = await openByteInput(file, stdin);
  const decision = decideFormat(file, input.head, input.complete, options.format);
  const ignored: string[] = [];
  let source: RowSource;
  if (decision.markup) {
    if (delimiter) ignored.push('--delimiter');
    const encoding = chooseEncoding(file, input.head, input.complete, options.encoding);
    source = await (await spreadsheetReader())(input, 'xls', { sheet: options.sheet, markup: { kind: decision.markup, encoding }, ...limits });
  } else if (decision.format === 'xlsx' || decision.format === 'xls') {
    if (options.encoding) ignored.push('--encoding');
    if (delimiter) ignored.push('--delimiter');
    source = await (await spreadsheetReader())(input, decision.format, { sheet: options.sheet, ...limits });
  } else {
    if (options.sheet) ignored.push('--sheet');
    const encoding = chooseEncoding(file, input.head, input.complete, options.encoding);
    if (decodeHead(input.head, encoding, input.complete).includes('\u0000')) {
      throw new CrmError('BAD_INPUT_FILE', `${file} has NUL characters when read as ${encoding.label}, so that is not its encoding`, {
        hint: 'Try: --encoding with the right one (utf-32le, utf-32be, utf-16le...), or save the file again as UTF-8',
        details: { file, encoding: encoding.label },
      });
    }
    if (encoding.detected && encoding.label === 'windows-1252') {
      decision.warnings.push(`${file} is not UTF-8; it was read as windows-1252 (the code page of English and Western European Windows). If letters look wrong, name the file's code page with --encoding (e.g. iso-8859-2, windows-1257, shift_jis)`);
    }
    if (decision.format === 'vcard') {
      if (delimiter) ignored.push('--delimiter');
      source = await openVcard(input, encoding, limits);
    } else {
      source = await openCsv(input, encoding, { delimiter, ...limits });
    }
  }
  if (ignored.length > 0) decision.warnings.push(`${ignored.join(' and ')} ${ignored.length === 1 ? 'does' : 'do'} not apply to ${decision.format} files and ${ignored.length === 1 ? 'was' : 'were'} ignored`);
  source.warnings.unshift(...decision.warnings);
  return source;
}

function positive(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new CrmError('USAGE', `a size limit must be a positive number, got ${value}`);
  return value;
}
