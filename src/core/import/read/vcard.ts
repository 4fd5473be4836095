import iconv from 'iconv-lite';
import { CrmError } from '../../errors.js';
import type { RowProblem, RowSource, SourceRow } from '../types.js';
import { canonicalEncoding, decodeChunks, isValidUtf8, type TextEncoding } from './encoding.js';
import { formatBytes, type ByteInput } from './input.js';

/** The fixed columns a vCard file is read into, so vCards map like any other tabular source. */
export const VCARD_HEADERS = [
  'Full Name',
  'Prefix',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Nickname',
  'Organization',
  'Department',
  'Title',
  'Email 1',
  'Email 2',
  'Email 3',
  'Business Phone',
  'Mobile Phone',
  'Home Phone',
  'Other Phone',
  'Business Fax',
  'Business Street',
  'Business City',
  'Business State',
  'Business Postal Code',
  'Business Country',
  'Home Street',
  'Home City',
  'Home State',
  'Home Postal Code',
  'Home Country',
  'Birthday',
  'Website',
  'Notes',
] as const;

export type VcardHeader = (typeof VCARD_HEADERS)[number];

export interface VcardReadOptions {
  maxCellBytes: number;
  maxRecordBytes: number;
}

/** One content line: `[group.]NAME;PARAM=a,b;BARE:value`. */
export interface VcardProperty {
  group: string | undefined;
  /** Upper-case property name. */
  name: string;
  /** Lower-case TYPE values, including 2.1 bare params (`TEL;WORK;VOICE`). */
  types: Set<string>;
  /** Lower is preferred: PREF=n, or 1 for TYPE=pref; 100 when absent. */
  pref: number;
  encoding: 'quoted-printable' | 'base64' | undefined;
  charset: string | undefined;
  /** Value text as on the line (not yet decoded or unescaped). */
  raw: string;
  /** Physical line where the property starts. */
  line: number;
}

/** Binary payloads we never decode; their folded continuation lines are dropped unread. */
const SKIPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

/**
 * Streams a .vcf file card by card into rows with VCARD_HEADERS. 8-bit files are split into lines
 * byte-transparently and each value is decoded on its own (CHARSET, else UTF-8 if valid, else the
 * fallback code page), because one file can mix raw UTF-8, quoted-printable Latin-2 and ASCII.
 */
export async function openVcard(input: ByteInput, encoding: TextEncoding, options: VcardReadOptions): Promise<RowSource> {
  const { file } = input;
  const wide = /^utf-(16|32)/.test(encoding.decoder);
  const lineDecoding: TextEncoding = wide ? encoding : { ...encoding, decoder: 'binary' };
  // A declared 8-bit --encoding names the code page of values that are not UTF-8 and declare no CHARSET.
  const fallback = !encoding.detected && !wide && encoding.decoder !== 'utf-8' ? encoding.decoder : 'windows-1252';
  const warnings: string[] = [];
  const text = decodeChunks(file, input.chunks(), lineDecoding);
  const context: DecodeContext = { byteMode: !wide, fallback };

  async function* rows(): AsyncGenerator<SourceRow & { problem?: RowProblem }> {
    let row = 0;
    let overflow = 0;
    let firstOverflowLine = 0;
    let outside = 0;
    let card: { line: number; properties: VcardProperty[]; depth: number; size: number; lastName: string } | undefined;
    const emit = (done: { line: number; properties: VcardProperty[] }, unterminated: boolean) => {
      row++;
      const built = buildRow(done.properties, context);
      if (built.overflow > 0) {
        overflow += built.overflow;
        firstOverflowLine ||= done.line;
      }
      built.values.forEach((value, i) => {
        if (value.length * 3 > options.maxCellBytes && Buffer.byteLength(value, 'utf8') > options.maxCellBytes) {
          throw new CrmError('BAD_INPUT_FILE', `${file}: the card at line ${done.line} has a "${VCARD_HEADERS[i]}" value over ${formatBytes(options.maxCellBytes)}`, {
            hint: 'Try: shorten that field in the address book and export again',
            details: { file, line: done.line, column: VCARD_HEADERS[i] },
          });
        }
      });
      const result: SourceRow & { problem?: RowProblem } = { row, line: done.line, values: built.values };
      if (unterminated) result.problem = { row, line: done.line, code: 'BROKEN_CARD', message: `the card starting at line ${done.line} has no END:VCARD` };
      else if (built.empty) result.problem = { row, line: done.line, code: 'EMPTY_CARD', message: `the card at line ${done.line} has no name, organization or e-mail address` };
      return result;
    };
    for await (const property of contentLines(file, text, options.maxRecordBytes)) {
      const isBegin = property.name === 'BEGIN' && property.raw.trim().toUpperCase() === 'VCARD';
      const isEnd = property.name === 'END' && property.raw.trim().toUpperCase() === 'VCARD';
      if (!card) {
        if (isBegin) card = { line: property.line, properties: [], depth: 1, size: 0, lastName: 'BEGIN' };
        else outside++;
        continue;
      }
      if (isBegin) {
        // A 2.1 "AGENT:" property embeds a whole card, which is not a contact of this file. Any other
        // BEGIN inside a card means the previous card lost its END: report it and start the new one.
        if (card.depth > 1 || card.lastName === 'AGENT') card.depth++;
        else {
          yield emit(card, true);
          card = { line: property.line, properties: [], depth: 1, size: 0, lastName: 'BEGIN' };
        }
        continue;
      }
      card.lastName = property.name;
      if (isEnd) {
        card.depth--;
        if (card.depth === 0) {
          yield emit(card, false);
          card = undefined;
        }
        continue;
      }
      if (card.depth > 1 || SKIPPED.has(property.name)) continue;
      card.size += property.raw.length;
      if (card.size > options.maxRecordBytes) {
        throw new CrmError('BAD_INPUT_FILE', `${file}: the card starting at line ${card.line} is larger than ${formatBytes(options.maxRecordBytes)}`, {
          hint: `Try: check that END:VCARD is present after line ${card.line}`,
          details: { file, line: card.line },
        });
      }
      card.properties.push(property);
    }
    if (card) yield emit(card, true);
    if (overflow > 0) warnings.push(`${file}: ${overflow} phone numbers, e-mail addresses or addresses did not fit the vCard columns and were left out (first in the card at line ${firstOverflowLine})`);
    if (outside > 0) warnings.push(`${file}: ${outside} line${outside === 1 ? '' : 's'} outside BEGIN:VCARD … END:VCARD ${outside === 1 ? 'was' : 'were'} ignored`);
    if (row === 0) warnings.push(`${file}: no BEGIN:VCARD … END:VCARD card was found`);
  }

  return { file, format: 'vcard', encoding: encoding.label, headers: [...VCARD_HEADERS], rows: rows(), warnings };
}

/** Splits decoded text into physical lines (CRLF, LF or CR), numbering them from 1. */
async function* physicalLines(file: string, chunks: AsyncIterable<string>, maxLineLength: number): AsyncGenerator<{ text: string; line: number }> {
  let buffer = '';
  let line = 1;
  for await (const chunk of chunks) {
    buffer += chunk;
    // A file without line breaks (or a huge unfolded PHOTO) must not grow this buffer without bound.
    if (buffer.length > maxLineLength && buffer.indexOf('\n') < 0 && buffer.indexOf('\r') < 0) {
      throw new CrmError('BAD_INPUT_FILE', `${file}: line ${line} is longer than ${formatBytes(maxLineLength)}`, {
        hint: 'Try: check that this is a vCard file; remove large photos before exporting',
        details: { file, line },
      });
    }
    let start = 0;
    for (;;) {
      const lf = buffer.indexOf('\n', start);
      const cr = buffer.indexOf('\r', start);
      const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      if (end < 0) break;
      // A CR at the very end of a chunk may be the first half of CRLF: wait for the next chunk.
      if (end === cr && cr === buffer.length - 1) break;
      yield { text: buffer.slice(start, end), line: line++ };
      start = end === cr && buffer[cr + 1] === '\n' ? cr + 2 : end + 1;
    }
    buffer = buffer.slice(start);
  }
  if (buffer.endsWith('\r')) buffer = buffer.slice(0, -1);
  if (buffer !== '') yield { text: buffer, line };
}

/**
 * Unfolds physical lines into content lines: a line starting with space/TAB continues the previous one
 * (3.0/4.0 drop that one whitespace, 2.1 keeps it); a quoted-printable value ending in "=" continues on
 * the next line whatever it starts with (2.1 soft line break).
 */
export async function* contentLines(file: string, chunks: AsyncIterable<string>, maxLineBytes: number): AsyncGenerator<VcardProperty> {
  let version = '3.0';
  let pending: { text: string; line: number; qp: boolean; skipped: boolean } | undefined;
  const flush = (): VcardProperty | undefined => {
    if (!pending) return undefined;
    const property = parseProperty(pending.text, pending.line);
    pending = undefined;
    if (property?.name === 'VERSION') version = property.raw.trim();
    if (property?.name === 'BEGIN') version = '3.0';
    return property;
  };
  for await (const { text, line } of physicalLines(file, chunks, maxLineBytes)) {
    if (pending && pending.qp && pending.text.endsWith('=')) {
      pending.text = pending.text.slice(0, -1) + text;
      continue;
    }
    if (pending && (text.startsWith(' ') || text.startsWith('\t'))) {
      if (!pending.skipped) pending.text += version === '2.1' ? text : text.slice(1);
      if (pending.text.length > maxLineBytes) {
        throw new CrmError('BAD_INPUT_FILE', `${file}: the property starting at line ${pending.line} is longer than ${formatBytes(maxLineBytes)}`, { details: { file, line: pending.line } });
      }
      continue;
    }
    const done = flush();
    if (done) yield done;
    if (text.trim() === '') continue;
    const head = text.slice(0, nameEnd(text));
    const nameWithGroup = head.split(';')[0]!;
    const propertyName = nameWithGroup.slice(nameWithGroup.lastIndexOf('.') + 1).trim().toUpperCase();
    pending = { text, line, qp: /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(head), skipped: SKIPPED.has(propertyName) };
  }
  const last = flush();
  if (last) yield last;
}

/** Index of the ':' that ends the property name and parameters (a ':' inside a quoted parameter does not). */
function nameEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return text.length;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = '';
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

const unquote = (value: string) => value.trim().replace(/^"(.*)"$/, '$1');

export function parseProperty(text: string, line: number): VcardProperty | undefined {
  const colon = nameEnd(text);
  const head = text.slice(0, colon);
  const raw = colon < text.length ? text.slice(colon + 1) : '';
  const [nameWithGroup = '', ...params] = splitOutsideQuotes(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).toLowerCase() : undefined;
  const name = nameWithGroup.slice(dot + 1).trim().toUpperCase();
  if (!name) return undefined;
  const types = new Set<string>();
  let pref = 100;
  let encoding: VcardProperty['encoding'];
  let charset: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = eq >= 0 ? param.slice(0, eq).trim().toUpperCase() : 'TYPE';
    // TYPE="voice,cell" (4.0) quotes a list, so split again after unquoting.
    const values = (eq >= 0 ? splitOutsideQuotes(param.slice(eq + 1), ',') : [param])
      .map(unquote)
      .flatMap((value) => (key === 'TYPE' ? value.split(',') : [value]))
      .map((value) => value.trim())
      .filter((value) => value !== '');
    for (const value of values) {
      const lower = value.toLowerCase();
      if (key === 'TYPE' && (lower === 'quoted-printable' || lower === 'base64' || lower === 'b')) encoding = lower === 'quoted-printable' ? 'quoted-printable' : 'base64';
      else if (key === 'TYPE') {
        types.add(lower);
        if (lower === 'pref') pref = Math.min(pref, 1);
      } else if (key === 'ENCODING') encoding = lower === 'quoted-printable' ? 'quoted-printable' : lower === 'b' || lower === 'base64' ? 'base64' : encoding;
      else if (key === 'CHARSET') charset = value;
      else if (key === 'PREF') pref = Math.min(pref, Number.parseInt(value, 10) || 1);
    }
  }
  return { group, name, types, pref, encoding, charset, raw, line };
}

interface DecodeContext {
  /** Lines were split byte-transparently (latin1): each value's bytes still need decoding. */
  byteMode: boolean;
  fallback: string;
}

const SINGLE_BYTE = /^(windows-125\d|cp125\d|iso-?8859-\d+|latin\d|us-ascii|ascii|koi8-[ru]|macintosh|cp850|cp437)$/i;

/** Turns value bytes into text: CHARSET when it fits the bytes, else UTF-8 when valid, else the fallback code page. */
export function decodeValueBytes(bytes: Buffer, charset: string | undefined, fallback: string): string {
  if (!bytes.some((byte) => byte >= 0x80)) return bytes.toString('latin1');
  const declared = charset ? canonicalEncoding(charset) : undefined;
  const utf8 = isValidUtf8(bytes);
  if (!declared || declared === 'utf-8' || declared === 'us-ascii' || declared === 'ascii') return utf8 ? bytes.toString('utf8') : iconv.decode(bytes, fallback);
  // A single-byte CHARSET on bytes that form valid multi-byte UTF-8 is a mislabelled UTF-8 value (Thunderbird, Android).
  if (SINGLE_BYTE.test(declared) && utf8) return bytes.toString('utf8');
  return iconv.decode(bytes, declared);
}

/** Quoted-printable to bytes; a malformed escape is kept as text rather than dropped. */
export function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return Buffer.from(bytes);
}

function valueText(property: VcardProperty, context: DecodeContext): string {
  let text: string;
  if (property.encoding === 'quoted-printable') text = decodeValueBytes(decodeQuotedPrintable(property.raw), property.charset, context.fallback);
  else if (context.byteMode) text = decodeValueBytes(Buffer.from(property.raw, 'latin1'), property.charset, context.fallback);
  else text = property.raw;
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Splits a structured value (N, ADR, ORG) on unescaped ';' and each component on unescaped ','
 * (3.0/4.0 lists), unescaping \\ \, \; \n \:. vCard 2.1 only escapes ';'.
 */
export function splitStructured(value: string, version21: boolean): string[][] {
  const components: string[][] = [];
  let list: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length && (!version21 || value[i + 1] === ';')) {
      const next = value[++i]!;
      current += next === 'n' || next === 'N' ? '\n' : next;
    } else if (c === ';') {
      list.push(current);
      components.push(list);
      list = [];
      current = '';
    } else if (c === ',' && !version21) {
      list.push(current);
      current = '';
    } else current += c;
  }
  list.push(current);
  components.push(list);
  return components;
}

export function unescapeText(value: string, version21: boolean): string {
  if (version21) return value.replace(/\\;/g, ';');
  return value.replace(/\\([\\;,nN:])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Apple's `itemN.X-ABLabel:_$!<Mobile>!$_` (or a custom label) as vCard TYPE words. */
function labelTypes(label: string): string[] {
  const word = label.replace(/^_\$!<(.*)>!\$_$/, '$1').toLowerCase();
  const types: string[] = [];
  if (word.includes('fax')) types.push('fax');
  if (/mobile|iphone|cell|handy/.test(word)) types.push('cell');
  if (/work|main|business|office/.test(word)) types.push('work');
  if (/home|private/.test(word)) types.push('home');
  if (/pager/.test(word)) types.push('pager');
  if (/other/.test(word)) types.push('other');
  return types;
}

/** Basic-format dates (2.1 `19800321`, Google `--0414`) to extended ISO; anything else as written. */
export function normaliseBirthday(value: string): string {
  const text = value.trim();
  let m = /^(\d{4})(\d{2})(\d{2})(?:T.*)?$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4}-\d{2}-\d{2})T00:00(:00)?(\.0+)?Z?$/.exec(text);
  if (m) return m[1]!;
  m = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (m) return `--${m[1]}-${m[2]}`;
  return text;
}

/** The column a typed TEL belongs in; undefined for untyped (or only voice/pref) numbers. */
function phoneColumn(types: Set<string>): VcardHeader | undefined {
  if (types.has('fax')) return types.has('home') ? 'Other Phone' : 'Business Fax';
  if (types.has('cell') || types.has('mobile') || types.has('iphone')) return 'Mobile Phone';
  if (types.has('pager') || types.has('other')) return 'Other Phone';
  if (types.has('work')) return 'Business Phone';
  if (types.has('home')) return 'Home Phone';
  return undefined;
}

interface BuiltRow {
  values: string[];
  empty: boolean;
  /** Values that had no free column. */
  overflow: number;
}

const COLUMN = new Map<string, number>(VCARD_HEADERS.map((header, i) => [header, i]));

function buildRow(properties: VcardProperty[], context: DecodeContext): BuiltRow {
  const values = VCARD_HEADERS.map(() => '');
  const set = (header: VcardHeader, value: string) => {
    values[COLUMN.get(header)!] = value;
  };
  const get = (header: VcardHeader) => values[COLUMN.get(header)!]!;
  const version21 = properties.some((p) => p.name === 'VERSION' && p.raw.trim() === '2.1');
  // Apple groups: itemN.X-ABLabel gives the type of itemN.TEL / itemN.EMAIL / itemN.ADR.
  const labels = new Map<string, string[]>();
  for (const p of properties) if (p.group && p.name === 'X-ABLABEL') labels.set(p.group, labelTypes(valueText(p, context)));
  const typesOf = (p: VcardProperty) => {
    const types = new Set(p.types);
    if (p.group) for (const t of labels.get(p.group) ?? []) types.add(t);
    return types;
  };
  const byPref = (list: VcardProperty[]) => list.map((p, order) => ({ p, order })).sort((a, b) => a.p.pref - b.p.pref || a.order - b.order).map(({ p }) => p);
  const text = (p: VcardProperty) => unescapeText(valueText(p, context), version21).trim();
  let overflow = 0;
  const notes: string[] = [];
  let hasName = false;

  for (const p of properties) {
    if (SKIPPED.has(p.name) || p.encoding === 'base64') continue;
    switch (p.name) {
      case 'FN':
        if (!get('Full Name')) set('Full Name', text(p));
        break;
      case 'N': {
        const [family, given, additional, prefix, suffix] = splitStructured(valueText(p, context), version21).map((list) => list.map((s) => s.trim()).filter(Boolean).join(' '));
        set('Last Name', family ?? '');
        set('First Name', given ?? '');
        set('Middle Name', additional ?? '');
        set('Prefix', prefix ?? '');
        set('Suffix', suffix ?? '');
        break;
      }
      case 'NICKNAME':
        if (!get('Nickname')) set('Nickname', splitStructured(valueText(p, context), version21).flat().map((s) => s.trim()).filter(Boolean).join(', '));
        break;
      case 'ORG': {
        if (get('Organization')) break;
        const [organization = '', ...units] = splitStructured(valueText(p, context), version21).map((list) => list.join(',').trim());
        set('Organization', organization);
        set('Department', units.filter(Boolean).join(', '));
        break;
      }
      case 'TITLE':
        if (!get('Title')) set('Title', text(p));
        break;
      case 'BDAY':
        if (!get('Birthday')) set('Birthday', normaliseBirthday(text(p)));
        break;
      case 'NOTE': {
        const note = text(p);
        if (note) notes.push(note);
        break;
      }
    }
  }
  hasName = [get('Full Name'), get('First Name'), get('Last Name'), get('Middle Name'), get('Organization')].some(Boolean);
  if (notes.length > 0) set('Notes', notes.join('\n'));

  const emails = byPref(properties.filter((p) => p.name === 'EMAIL'))
    .map((p) => text(p).replace(/^mailto:/i, ''))
    .filter(Boolean);
  emails.slice(0, 3).forEach((email, i) => set(`Email ${i + 1}` as VcardHeader, email));
  overflow += Math.max(0, emails.length - 3);

  const urls = byPref(properties.filter((p) => p.name === 'URL')).map(text).filter(Boolean);
  if (urls[0]) set('Website', urls[0]);

  // Typed numbers claim their columns first, so an untyped number never takes the work number's place.
  const phones = byPref(properties.filter((p) => p.name === 'TEL'))
    .map((p) => ({ number: text(p).replace(/^tel:/i, ''), wanted: phoneColumn(typesOf(p)) }))
    .filter((phone) => phone.number !== '');
  for (const phone of [...phones.filter((p) => p.wanted), ...phones.filter((p) => !p.wanted)]) {
    const wanted = phone.wanted ?? (get('Business Phone') ? 'Other Phone' : 'Business Phone');
    if (!get(wanted)) set(wanted, phone.number);
    else if (!get('Other Phone')) set('Other Phone', phone.number);
    else overflow++;
  }

  for (const p of byPref(properties.filter((p) => p.name === 'ADR'))) {
    const parts = splitStructured(valueText(p, context), version21).map((list) =>
      list
        .map((s) => s.trim())
        .filter(Boolean)
        .join(', '),
    );
    const [poBox = '', extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = parts;
    if (![poBox, extended, street, city, region, postalCode, country].some(Boolean)) continue;
    const types = typesOf(p);
    const free = (kind: 'Business' | 'Home') => ![`${kind} Street`, `${kind} City`, `${kind} Postal Code`, `${kind} Country`].some((h) => get(h as VcardHeader));
    let kind: 'Business' | 'Home' | undefined = types.has('work') ? 'Business' : types.has('home') ? 'Home' : undefined;
    if (kind && !free(kind)) kind = kind === 'Business' ? (free('Home') ? 'Home' : undefined) : free('Business') ? 'Business' : undefined;
    else if (!kind) kind = free('Business') ? 'Business' : free('Home') ? 'Home' : undefined;
    if (!kind) {
      overflow++;
      continue;
    }
    set(`${kind} Street`, [poBox, extended, street].filter(Boolean).join('\n'));
    set(`${kind} City`, city);
    set(`${kind} State`, region);
    set(`${kind} Postal Code`, postalCode);
    set(`${kind} Country`, country);
  }

  return { values, empty: !hasName && emails.length === 0, overflow };
}
