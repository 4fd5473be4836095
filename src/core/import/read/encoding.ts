import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { CrmError } from '../../errors.js';

/**
 * How a text file is decoded. `label` is what RowSource.encoding reports ('utf-8-bom', 'windows-1252'...),
 * `decoder` the codec used ('utf-8' via a fatal TextDecoder, 'binary' = byte-transparent, else an iconv-lite name),
 * `bomBytes` how many leading bytes to drop.
 */
export interface TextEncoding {
  label: string;
  decoder: string;
  bomBytes: number;
  /** True when the encoding was detected rather than declared (changes the advice in errors). */
  detected: boolean;
}

const BOMS: Array<{ bytes: number[]; label: string; decoder: string }> = [
  // UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
  { bytes: [0xff, 0xfe, 0x00, 0x00], label: 'utf-32le', decoder: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], label: 'utf-32be', decoder: 'utf-32be' },
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8-bom', decoder: 'utf-8' },
  { bytes: [0xff, 0xfe], label: 'utf-16le', decoder: 'utf-16le' },
  { bytes: [0xfe, 0xff], label: 'utf-16be', decoder: 'utf-16be' },
];

function bomOf(head: Buffer): (typeof BOMS)[number] | undefined {
  return BOMS.find((bom) => head.length >= bom.bytes.length && bom.bytes.every((byte, i) => head[i] === byte));
}

/** Guesses UTF-16 without a BOM from where the zero bytes fall (ASCII letters are 00 xx or xx 00). */
export function guessUtf16(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  const sample = head.subarray(0, Math.min(head.length, 4096) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 2) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  // Real UTF-16 text has zeros consistently on one side (newlines, delimiters, Latin letters) and almost never both.
  if (zeroOdd >= pairs * 0.1 && zeroEven <= zeroOdd * 0.05) return 'utf-16le';
  if (zeroEven >= pairs * 0.1 && zeroOdd <= zeroEven * 0.05) return 'utf-16be';
  return undefined;
}

/** Strict UTF-8 check; a multi-byte sequence cut off at the end of an incomplete head is allowed. */
export function isValidUtf8(bytes: Buffer, complete = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

const hasNonAscii = (bytes: Buffer): boolean => bytes.some((byte) => byte >= 0x80);

/** NUL bytes in the first KB that UTF-16/32 does not explain mean the file is not text. */
export function looksBinary(head: Buffer): boolean {
  if (bomOf(head)?.label.startsWith('utf-16') || bomOf(head)?.label.startsWith('utf-32')) return false;
  if (guessUtf16(head)) return false;
  return head.subarray(0, 1024).includes(0);
}

const isKana = (c: number) => c >= 0x3040 && c <= 0x30ff;
const isCjk = (c: number) => isKana(c) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e);

/**
 * Japanese Outlook writes Shift_JIS. Guessed only when every non-ASCII character decodes to Japanese
 * (kana, kanji, full-width forms) with some kana among them: Western text read as Shift_JIS always
 * yields half-width katakana, private-use or invalid characters somewhere, and has no kana.
 * GBK/Big5 are not guessed: accented Latin text decodes to plausible hanzi too easily.
 */
export function looksLikeShiftJis(head: Buffer, complete: boolean): boolean {
  const text = iconv.decode(complete ? head : head.subarray(0, Math.max(0, head.length - 2)), 'shift_jis');
  let kana = 0;
  let cjk = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if (c < 0x80) continue;
    if (!isCjk(c)) return false;
    cjk++;
    if (isKana(c)) kana++;
  }
  return kana >= 2 && cjk >= 8;
}

/** Encoding of a text file from its first bytes: BOM → UTF-16 guess → strict UTF-8 → Shift_JIS → Windows-1252. */
export function detectEncoding(head: Buffer, complete: boolean): TextEncoding {
  const bom = bomOf(head);
  if (bom) return { label: bom.label, decoder: bom.decoder, bomBytes: bom.bytes.length, detected: true };
  const utf16 = guessUtf16(head);
  if (utf16) return { label: utf16, decoder: utf16, bomBytes: 0, detected: true };
  if (isValidUtf8(head, complete)) return { label: 'utf-8', decoder: 'utf-8', bomBytes: 0, detected: true };
  if (looksLikeShiftJis(head, complete)) return { label: 'shift_jis', decoder: 'shift_jis', bomBytes: 0, detected: true };
  // Desktop Outlook and ACT! write the Windows ANSI code page; cp1252 is a superset of Latin-1's printable range.
  return { label: LEGACY_FALLBACK, decoder: LEGACY_FALLBACK, bomBytes: 0, detected: true };
}

const ENCODING_ALIASES = new Map<string, string>([
  ['utf8', 'utf-8'],
  ['utf16le', 'utf-16le'],
  ['utf16be', 'utf-16be'],
  ['utf16', 'utf-16'],
  ['ucs-2', 'utf-16le'],
  ['ucs2', 'utf-16le'],
  ['cp1252', 'windows-1252'],
  ['win-1252', 'windows-1252'],
  ['iso-8859-1', 'latin1'],
  ['iso8859-1', 'latin1'],
  ['binary', 'latin1'],
]);

/** Canonical lower-case name for a user-given encoding, or undefined when iconv-lite does not know it. */
export function canonicalEncoding(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  if (!iconv.encodingExists(lower)) return undefined;
  return ENCODING_ALIASES.get(lower) ?? lower;
}

const isWide = (name: string): boolean => /^utf-?(16|32)/.test(name);

/**
 * The encoding to decode with: the detected one, or the declared one after checking it is not
 * clearly wrong (UTF-16 declared for 8-bit bytes, UTF-8 declared for invalid bytes, an 8-bit code page
 * declared for UTF-8 or UTF-16 text). A wrong declaration would give silent mojibake, so it is an error.
 */
export function chooseEncoding(file: string, head: Buffer, complete: boolean, declared?: string): TextEncoding {
  const detected = detectEncoding(head, complete);
  if (declared === undefined || declared.trim() === '') return detected;
  const name = canonicalEncoding(declared);
  if (!name) {
    throw new CrmError('USAGE', `unknown encoding "${declared}"`, {
      hint: 'Try: --encoding utf-8, windows-1252, utf-16le, iso-8859-2, shift_jis (or leave it out to detect it)',
      details: { encoding: declared },
    });
  }
  const wrong = (why: string): CrmError =>
    new CrmError('BAD_INPUT_FILE', `${file} does not look like ${name}: ${why}`, {
      hint: `Try: --encoding ${detected.decoder} (or leave --encoding out to detect it)`,
      details: { file, declared: name, likely: detected.label },
    });
  const bom = bomOf(head);
  if (isWide(name)) {
    if (!isWide(detected.label)) throw wrong(`it is 8-bit text (likely ${detected.label})`);
    if (name === 'utf-16' || name === 'utf-32' || name === detected.decoder) return { ...detected, label: detected.label, detected: false };
    throw wrong(`its byte pattern says ${detected.label}`);
  }
  if (isWide(detected.label)) throw wrong(`it is ${detected.label} text`);
  if (name === 'utf-8') {
    if (!isValidUtf8(head.subarray(bom ? 3 : 0), complete)) throw wrong(`it has bytes that are not valid UTF-8 (likely ${detected.label})`);
    return { label: bom ? 'utf-8-bom' : 'utf-8', decoder: 'utf-8', bomBytes: bom ? 3 : 0, detected: false };
  }
  if (bom) throw wrong('it starts with a UTF-8 byte-order mark');
  // Legacy code pages almost never form valid multi-byte UTF-8 by chance, so valid UTF-8 with non-ASCII means UTF-8.
  if (hasNonAscii(head) && isValidUtf8(head, complete)) throw wrong('it is valid UTF-8 with non-ASCII characters, which would be garbled');
  return { label: name, decoder: name, bomBytes: 0, detected: false };
}

const countLineBreaks = (text: string): number => {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
};

/** The code page detection falls back to, also when a detected-UTF-8 stream turns out not to be UTF-8. */
export const LEGACY_FALLBACK = 'windows-1252';

/**
 * Decodes a byte stream to text chunks. UTF-8 is decoded strictly: a byte that is not UTF-8 is an error
 * naming the line (never U+FFFD mojibake), with a hint to declare the legacy code page. One exception:
 * when UTF-8 was only detected (no BOM, not declared) and everything before the bad byte was ASCII, the
 * head was simply ASCII and the file is Windows-1252, so decoding switches to it (ASCII decodes the same)
 * and `onFallback` is told the line.
 */
export async function* decodeChunks(file: string, chunks: AsyncIterable<Buffer>, encoding: TextEncoding, onFallback?: (line: number) => void): AsyncGenerator<string> {
  let skip = encoding.bomBytes;
  if (encoding.decoder === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const mayFallBack = encoding.detected && encoding.bomBytes === 0 && onFallback !== undefined;
    let fallback: ReturnType<typeof iconv.getDecoder> | undefined;
    let seenNonAscii = false;
    let lines = 1;
    for await (const raw of chunks) {
      const chunk = skip > 0 ? raw.subarray(Math.min(skip, raw.length)) : raw;
      skip = Math.max(0, skip - raw.length);
      if (fallback) {
        const text = fallback.write(chunk);
        if (text) yield text;
        continue;
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch (error) {
        const bad = firstInvalidUtf8(chunk, lines);
        if (mayFallBack && !seenNonAscii && bad.asciiBefore) {
          fallback = iconv.getDecoder(LEGACY_FALLBACK);
          onFallback(bad.line);
          const switched = fallback.write(chunk);
          if (switched) yield switched;
          continue;
        }
        throw notUtf8(file, bad.line, encoding, error);
      }
      lines += countLineBreaks(text);
      if (!seenNonAscii && /[^\x00-\x7f]/.test(text)) seenNonAscii = true;
      if (text) yield text;
    }
    if (fallback) {
      const rest = fallback.end();
      if (rest) yield rest;
      return;
    }
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (error) {
      throw new CrmError('BAD_INPUT_FILE', `${file}: the file ends in the middle of a UTF-8 character`, { details: { file }, cause: error });
    }
    return;
  }
  if (encoding.decoder === 'binary') {
    for await (const raw of chunks) yield raw.toString('latin1');
    return;
  }
  const decoder = iconv.getDecoder(encoding.decoder, { stripBOM: false });
  for await (const raw of chunks) {
    const chunk = skip > 0 ? raw.subarray(Math.min(skip, raw.length)) : raw;
    skip = Math.max(0, skip - raw.length);
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * A UTF-8 byte stream checked the way decodeChunks checks it (a byte that is not UTF-8 is an error
 * naming its line, or, for a detected file whose start was plain ASCII, a switch to Windows-1252),
 * but passed on as bytes: csv-parse works on UTF-8 bytes, so decoding to text first only made it
 * encode the text back. Without the BOM; after a switch, the rest is transcoded to UTF-8.
 */
export async function* utf8Bytes(file: string, chunks: AsyncIterable<Buffer>, encoding: TextEncoding, onFallback?: (line: number) => void): AsyncGenerator<Buffer> {
  let skip = encoding.bomBytes;
  const mayFallBack = encoding.detected && encoding.bomBytes === 0 && onFallback !== undefined;
  let fallback: ReturnType<typeof iconv.getDecoder> | undefined;
  let seenNonAscii = false;
  let lines = 1;
  // The start of a character cut off at the end of the previous chunk.
  let carried: Buffer | undefined;
  for await (const raw of chunks) {
    const chunk = skip > 0 ? raw.subarray(Math.min(skip, raw.length)) : raw;
    skip = Math.max(0, skip - raw.length);
    if (fallback) {
      const text = fallback.write(chunk);
      if (text) yield Buffer.from(text, 'utf8');
      continue;
    }
    const bytes = carried ? Buffer.concat([carried, chunk]) : chunk;
    const whole = completeUtf8Length(bytes);
    const body = bytes.subarray(0, whole);
    carried = whole < bytes.length ? Buffer.from(bytes.subarray(whole)) : undefined;
    if (!isUtf8(body)) {
      const bad = firstInvalidUtf8(body, lines);
      if (mayFallBack && !seenNonAscii && bad.asciiBefore) {
        fallback = iconv.getDecoder(LEGACY_FALLBACK);
        onFallback(bad.line);
        const text = fallback.write(bytes);
        carried = undefined;
        if (text) yield Buffer.from(text, 'utf8');
        continue;
      }
      throw notUtf8(file, bad.line, encoding);
    }
    lines += countLineBreakBytes(body);
    if (!seenNonAscii && !isAscii(body)) seenNonAscii = true;
    if (body.length > 0) yield body;
  }
  if (fallback) {
    const rest = fallback.end();
    if (rest) yield Buffer.from(rest, 'utf8');
    return;
  }
  if (carried) throw new CrmError('BAD_INPUT_FILE', `${file}: the file ends in the middle of a UTF-8 character`, { details: { file } });
}

/** Bytes up to a multi-byte character cut off at the end (its lead byte announces more bytes than follow). */
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needs > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}

/** Line breaks in bytes as countLineBreaks counts them in text: LF, and CR not followed by LF. */
function countLineBreakBytes(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) count++;
  for (let at = bytes.indexOf(13); at >= 0; at = bytes.indexOf(13, at + 1)) if (bytes[at + 1] !== 10) count++;
  return count;
}

/**
 * Turns text read byte-for-byte as Latin-1 into text in a single-byte code page: the characters to
 * look for, and how to replace them.
 */
export interface Latin1Recoder {
  /** Matches a character whose byte means something else in this code page; undefined when none does. */
  differs: RegExp | undefined;
  recode(latin1: string): string;
}

/**
 * For an ASCII-compatible single-byte code page (Windows-125x, ISO-8859-x, KOI8-R...), a recoder from
 * Latin-1; undefined for UTF-8, UTF-16/32 and multi-byte code pages. Such a file can be parsed as raw
 * bytes (every delimiter, quote and line break is the same ASCII byte in it) and only the few cells
 * holding non-ASCII bytes recoded, instead of decoding the whole stream to text and csv-parse encoding
 * it back to UTF-8 bytes. The table comes from iconv-lite, so the text is exactly what it decodes.
 */
export function latin1Recoder(encoding: TextEncoding): Latin1Recoder | undefined {
  if (encoding.bomBytes > 0) return undefined;
  if (encoding.decoder === 'binary' || encoding.decoder === 'latin1') return { differs: undefined, recode: (text) => text };
  if (encoding.decoder === 'utf-8' || isWide(encoding.decoder) || !iconv.encodingExists(encoding.decoder)) return undefined;
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
  const table = iconv.decode(bytes, encoding.decoder, { stripBOM: false });
  // One UTF-16 unit per byte, ASCII unchanged, and each byte alone decoding as it does in a run: a plain single-byte table.
  if (table.length !== 256) return undefined;
  for (let byte = 0; byte < 256; byte++) {
    if (byte < 0x80 && table.charCodeAt(byte) !== byte) return undefined;
    if (iconv.decode(bytes.subarray(byte, byte + 1), encoding.decoder, { stripBOM: false }) !== table[byte]) return undefined;
  }
  let differing = '';
  for (let byte = 0x80; byte < 256; byte++) if (table.charCodeAt(byte) !== byte) differing += `\\x${byte.toString(16)}`;
  if (differing === '') return { differs: undefined, recode: (text) => text };
  const everywhere = new RegExp(`[${differing}]`, 'g');
  return {
    differs: new RegExp(`[${differing}]`),
    recode: (text) => text.replace(everywhere, (char) => table[char.charCodeAt(0)]!),
  };
}

/** Decodes a small buffer whole (sniffing), with the same codecs as `decodeChunks` but lenient. */
export function decodeHead(head: Buffer, encoding: TextEncoding, complete: boolean): string {
  const body = head.subarray(encoding.bomBytes);
  if (encoding.decoder === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(body, { stream: !complete });
  if (encoding.decoder === 'binary') return body.toString('latin1');
  const decoder = iconv.getDecoder(encoding.decoder, { stripBOM: false });
  // Not calling end() leaves a cut-off trailing character out instead of turning it into U+FFFD.
  return complete ? decoder.write(body) + (decoder.end() ?? '') : decoder.write(body);
}

export { countLineBreaks };

/** The line of the first byte that is not UTF-8 (counted on from `linesBefore`), and whether all before it is ASCII. */
function firstInvalidUtf8(bytes: Uint8Array, linesBefore: number): { line: number; asciiBefore: boolean } {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
  return { line: linesBefore + countLineBreaks(before), asciiBefore: !/[^\x00-\x7f]/.test(before) };
}

function notUtf8(file: string, line: number, encoding: { detected: boolean }, cause?: unknown): CrmError {
  return new CrmError('BAD_INPUT_FILE', `${file}: line ${line} has bytes that are not valid UTF-8`, {
    hint: encoding.detected
      ? 'Try: --encoding windows-1252 (or the code page the file was saved in, e.g. iso-8859-2)'
      : 'Try: leave out --encoding to detect it, or name the code page the file was saved in (e.g. --encoding windows-1252)',
    details: { file, line },
    ...(cause === undefined ? {} : { cause }),
  });
}
