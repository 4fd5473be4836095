import { inflateRawSync } from 'node:zlib';
import { CrmError } from '../../errors.js';
import { formatBytes } from './input.js';

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/** Reads a ZIP's central directory (the table of contents at its end) without decompressing anything. */
export function readZipDirectory(zip: Buffer, file: string): ZipEntryInfo[] {
  const broken = (why: string) =>
    new CrmError('BAD_INPUT_FILE', `${file} is not a readable Excel workbook: ${why}`, {
      hint: 'Try: open it in Excel or LibreOffice and save it again as .xlsx (or as CSV)',
      details: { file },
    });
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw broken('the ZIP directory is missing (the file is truncated or not a ZIP)');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw broken('it uses ZIP64, which no contact workbook needs');
  if (offset + size > zip.length) throw broken('the ZIP directory points outside the file');
  const entries: ZipEntryInfo[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) throw broken('the ZIP directory is damaged');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      uncompressedSize: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Cells a worksheet may declare in its <dimension>; Excel's own maximum sheet is 17 billion. */
export const MAX_DECLARED_CELLS = 50_000_000;

/**
 * Refuses a workbook that would expand beyond `maxUncompressedBytes`: first by the sizes the ZIP
 * declares, then by inflating each entry with an output cap (a zip bomb can lie about its sizes).
 * Also refuses a worksheet whose declared dimension is absurd. Inflating here costs one extra pass
 * but keeps SheetJS from ever seeing an oversized entry.
 */
export function guardZip(zip: Buffer, file: string, maxUncompressedBytes: number): void {
  const entries = readZipDirectory(zip, file);
  const hint = 'Try: open it in Excel, remove unused sheets, rows and columns, and save again (or save it as CSV)';
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxUncompressedBytes) {
    throw new CrmError('BAD_INPUT_FILE', `${file} would expand to ${formatBytes(declared)}, more than the ${formatBytes(maxUncompressedBytes)} allowed for a workbook (it may be a zip bomb)`, {
      hint,
      details: { file, declaredBytes: declared, maxUncompressedBytes },
    });
  }
  if (!entries.some((entry) => /^xl\/workbook\.(xml|bin)$/i.test(entry.name))) {
    throw new CrmError('BAD_INPUT_FILE', `${file} is a ZIP archive but not an Excel workbook (it has no xl/workbook part)`, {
      hint: 'Try: export the contacts as .xlsx, .csv or .vcf; unpack other archives first',
      details: { file, entries: entries.slice(0, 10).map((entry) => entry.name) },
    });
  }
  for (const entry of entries) {
    const local = entry.localHeaderOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new CrmError('BAD_INPUT_FILE', `${file} is damaged: ${entry.name} is not where the ZIP directory says`, { hint, details: { file, entry: entry.name } });
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const compressed = zip.subarray(dataStart, dataStart + entry.compressedSize);
    let content: Buffer;
    if (entry.method === 0) content = compressed;
    else if (entry.method === 8) {
      try {
        // maxOutputLength makes zlib stop (RangeError) instead of allocating what a lying entry expands to.
        content = inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new CrmError('BAD_INPUT_FILE', `${file} is not safe to read: ${entry.name} expands to more than the ${formatBytes(entry.uncompressedSize)} its ZIP directory declares (a zip bomb or a damaged file)`, {
            hint,
            details: { file, entry: entry.name },
          });
        }
        throw new CrmError('BAD_INPUT_FILE', `${file} is damaged: ${entry.name} cannot be decompressed`, { hint, details: { file, entry: entry.name }, cause: error });
      }
    } else {
      throw new CrmError('BAD_INPUT_FILE', `${file} uses a ZIP compression method (${entry.method}) that Excel never writes`, { hint, details: { file, entry: entry.name } });
    }
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name)) checkDimension(file, entry.name, content.toString('utf8', 0, Math.min(content.length, 4096)), hint);
  }
}

function checkDimension(file: string, entry: string, xmlHead: string, hint: string): void {
  const ref = /<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/i.exec(xmlHead);
  if (!ref) return;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const rows = Number(ref[4] ?? ref[2]) - Number(ref[2]) + 1;
  const columns = column(ref[3] ?? ref[1]!) - column(ref[1]!) + 1;
  if (rows * columns > MAX_DECLARED_CELLS || rows > 1_048_576 || columns > 16_384) {
    throw new CrmError('BAD_INPUT_FILE', `${file}: ${entry} declares a ${rows.toLocaleString('en')} × ${columns.toLocaleString('en')} cell range, too large to be a contact list`, {
      hint,
      details: { file, entry, rows, columns },
    });
  }
}
