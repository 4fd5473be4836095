import { Readable } from 'node:stream';
import { Parser, type CsvError, type Options as CsvParseOptions } from 'csv-parse';
import { CrmError } from '../../errors.js';
import type { RowProblem, RowSource, SourceRow } from '../types.js';
import { sniffDelimiter } from './delimiter.js';
import { countLineBreaks, decodeChunks, decodeHead, latin1Recoder, LEGACY_FALLBACK, utf8Bytes, type TextEncoding } from './encoding.js';
import { formatBytes, type ByteInput } from './input.js';
import { uniqueHeaders } from './headers.js';

export interface CsvReadOptions {
  delimiter?: string;
  maxCellBytes: number;
  maxRecordBytes: number;
}

/** Rows missing more cells than this (against the header) earn a warning; Outlook's 92/89 does not. */
const FEW_MISSING_CELLS = 3;

type Row = SourceRow & { problem?: RowProblem };
interface ParsedRecord {
  cells: string[];
  /** Physical line where the record starts. */
  line: number;
}

/**
 * Streams a delimited text file: bytes → decoder → csv-parse, with line numbers where each record
 * starts, ragged rows reported, and fatal errors (unclosed quote, oversized cell) naming file and line.
 */
export async function openCsv(input: ByteInput, encoding: TextEncoding, options: CsvReadOptions): Promise<RowSource> {
  const { file } = input;
  const headText = decodeHead(input.head, encoding, input.complete);
  // Excel writes (and honours) a first line "sep=;" naming the delimiter; it is not the header.
  const sepLine = /^\uFEFF?sep=([^\r\n])(\r\n|\r|\n)/i.exec(headText);
  const delimiter = options.delimiter ?? sepLine?.[1] ?? sniffDelimiter(headText, input.complete);
  // Physical line where the next record starts, counted as csv-parse produces records (its own count treats a
  // CRLF inside quotes as two lines). Counted at production, not by the consumer: on a parse error the stream
  // drops records it had buffered, and the error must still name the line where the bad record starts.
  let nextLine = sepLine ? 2 : 1;
  // csv-parse's own line count moves by exactly one for a record without line breaks inside: only
  // other records need their cells scanned (that saves looking at every cell of every row).
  let parserLines = nextLine - 1;
  // A single-byte code page is parsed as raw bytes read as Latin-1 (delimiter, quotes and line breaks are
  // the same ASCII bytes in it); cells with other characters are recoded.
  const recoder = delimiter.charCodeAt(0) < 0x80 ? latin1Recoder(encoding) : undefined;
  const differs = recoder?.differs;
  const rawUtf8 = encoding.decoder === 'utf-8';
  const numberRecord = (record: string[], parserLinesNow: number): ParsedRecord => {
    const line = nextLine;
    let breaks = 0;
    if (parserLinesNow !== parserLines + 1) for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) breaks += countLineBreaks(cell);
    parserLines = parserLinesNow;
    nextLine += 1 + breaks;
    if (differs) for (let i = 0; i < record.length; i++) if (record[i]!.length > 0 && differs.test(record[i]!)) record[i] = recoder!.recode(record[i]!);
    return { cells: record, line };
  };
  const parser = new LineNumberingParser(
    {
      delimiter,
      bom: true,
      // Values stay strings: cast would turn ZIP 00123 into 123 and drop a phone's '+'.
      cast: false,
      relax_column_count: true,
      // Real exports contain unquoted fields like  Bob "Bobby" Smith ; keep the quotes as text.
      relax_quotes: true,
      // Blank lines are handled here: csv-parse would also drop a 1-column row whose value is empty.
      skip_empty_lines: false,
      max_record_size: options.maxRecordBytes,
      from_line: sepLine ? 2 : 1,
      encoding: recoder ? 'latin1' : 'utf8',
    },
    numberRecord,
  );
  // The decoder may switch to Windows-1252 mid-stream (ASCII head, legacy bytes later), possibly while
  // the header is still being read, before the RowSource exists.
  let source: RowSource | undefined;
  let fallbackLine: number | undefined;
  const applyFallback = (target: RowSource, line: number) => {
    target.encoding = LEGACY_FALLBACK;
    target.warnings.push(`${file}: the start of the file is plain ASCII but line ${line} is not UTF-8; the file was read as ${LEGACY_FALLBACK}. If letters look wrong, name its code page with --encoding`);
  };
  const onFallback = (line: number) => {
    if (source) applyFallback(source, line);
    else fallbackLine = line;
  };
  // csv-parse reads UTF-8 bytes (or, with the recoder, Latin-1 bytes); other encodings are decoded to text first.
  const text = Readable.from(
    recoder ? input.chunks() : rawUtf8 ? utf8Bytes(file, input.chunks(), encoding, onFallback) : decodeChunks(file, input.chunks(), encoding, onFallback),
  );
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  const takeRecords = bufferedRecords(parser);
  // Records come in runs (all that one chunk of the file held): one await per run, not per record.
  let pending: ParsedRecord[] = [];
  let taken = 0;
  const next = async (): Promise<ParsedRecord | undefined> => {
    if (taken === pending.length) {
      try {
        pending = (await takeRecords()) ?? [];
      } catch (error) {
        throw csvFailure(file, error, nextLine, options.maxRecordBytes);
      }
      taken = 0;
      if (pending.length === 0) return undefined;
    }
    return pending[taken++];
  };
  const isBlank = (cells: string[]) => cells.every((cell) => cell === '');

  let first = await next();
  while (first && isBlank(first.cells)) first = await next();
  if (!first) {
    parser.destroy();
    throw new CrmError('BAD_INPUT_FILE', `${file}: the file is empty (no header line)`, { hint: 'Try: export the contacts again with a header row', details: { file } });
  }
  const header = first;
  const { headers, warnings } = uniqueHeaders(header.cells, file);
  checkCells(file, header.cells, header.line, headers, options.maxCellBytes);
  const width = headers.length;

  let row = 0;
  let warnedMissing = false;
  // In a one-column file an empty line is an empty value, except trailing blank lines at the end.
  const pendingBlank: number[] = [];
  /** The rows a run of records makes, appended to `out` (blank lines wait until a row follows them). */
  const shape = (records: readonly ParsedRecord[], from: number, out: Row[]): void => {
    for (let i = from; i < records.length; i++) {
      const { cells, line } = records[i]!;
      if (isBlank(cells)) {
        if (width === 1 && cells.length === 1) pendingBlank.push(line);
        continue;
      }
      for (const blankLine of pendingBlank.splice(0)) out.push({ row: ++row, line: blankLine, values: [''] });
      checkCells(file, cells, line, headers, options.maxCellBytes);
      row++;
      if (cells.length > width) {
        const extra = cells.slice(width);
        // A trailing delimiter after the last column is common and carries no data.
        if (extra.every((cell) => cell === '')) {
          out.push({ row, line, values: cells.slice(0, width) });
          continue;
        }
        out.push({
          row,
          line,
          values: cells,
          problem: { row, line, code: 'RAGGED_ROW', message: `line ${line} has ${cells.length} cells but the header has ${width} columns` },
        });
        continue;
      }
      if (cells.length < width) {
        if (!warnedMissing && width - cells.length > FEW_MISSING_CELLS) {
          warnedMissing = true;
          warnings.push(`${file}: line ${line} has ${cells.length} cells but the header has ${width} columns; the missing cells were read as empty`);
        }
        out.push({ row, line, values: cells.concat(Array<string>(width - cells.length).fill('')) });
        continue;
      }
      out.push({ row, line, values: cells });
    }
  };

  // Rows in runs, as the parser produces them (one run per chunk read): a consumer that takes runs
  // awaits once per run instead of once per row.
  async function* batches(): AsyncGenerator<Row[]> {
    try {
      let out: Row[] = [];
      // The rest of the run the header came in.
      shape(pending, taken, out);
      taken = pending.length;
      for (;;) {
        if (out.length > 0) {
          yield out;
          out = [];
        }
        let run: ParsedRecord[] | undefined;
        try {
          run = await takeRecords();
        } catch (error) {
          throw csvFailure(file, error, nextLine, options.maxRecordBytes);
        }
        if (!run) return;
        shape(run, 0, out);
      }
    } finally {
      parser.destroy();
      text.destroy();
    }
  }

  const runs = batches();
  async function* rows(): AsyncGenerator<Row> {
    for await (const run of runs) yield* run;
  }

  source = { file, format: 'csv', encoding: encoding.label, delimiter, headers, rows: rows(), batches: runs, warnings };
  if (fallbackLine !== undefined) applyFallback(source, fallbackLine);
  return source;
}

/**
 * csv-parse's stream parser, handing each record to `numberRecord` with csv-parse's line count at the
 * moment the record is produced. (Its `on_record` option would do the same but builds a context object
 * per record, which costs a quarter of the parse time.)
 */
class LineNumberingParser extends Parser {
  constructor(
    options: CsvParseOptions,
    private readonly numberRecord: (cells: string[], parserLines: number) => ParsedRecord,
  ) {
    super(options);
    fastFieldText(this.parseState);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    // csv-parse builds an error object (then ignored, with relax_column_count) for every record whose
    // length differs from the first one's: for each row of an export whose rows are shorter than its
    // header (German Outlook 2013: 92 and 89). Ragged rows are found here, against the header.
    const state = this.parseState;
    if (state) state.expectedRecordLength = (record as string[]).length;
    return super.push(this.numberRecord(record as string[], this.info.lines), encoding);
  }

  private get parseState(): { expectedRecordLength?: number } | undefined {
    return (this as unknown as { api?: { state?: { expectedRecordLength?: number } } }).api?.state;
  }
}

/**
 * csv-parse turns each field's bytes into a string by slicing its buffer (a new Buffer object) and
 * decoding the slice, also for the empty cells that make up most of an Outlook export: about a third
 * of its parse time. Decoding the bytes in place gives the same string without the slice. Applied only
 * when the parser's field buffer has the shape this relies on; the tests check it still does.
 */
export function fastFieldText(state: unknown): boolean {
  const field = (state as { field?: { buf?: unknown; length?: unknown; toString?: unknown } } | undefined)?.field;
  if (!field || !Buffer.isBuffer(field.buf) || typeof field.length !== 'number' || typeof field.toString !== 'function') return false;
  const bytes = field as { buf: Buffer; length: number; toString(encoding?: BufferEncoding): unknown };
  const original = bytes.toString;
  bytes.toString = function (encoding?: BufferEncoding) {
    if (!encoding) return original.call(this);
    return this.length === 0 ? '' : this.buf.toString(encoding, 0, this.length);
  };
  return true;
}

/** Takes every record the parser has buffered; waits only when it has none. undefined at the end. */
function bufferedRecords(parser: LineNumberingParser): () => Promise<ParsedRecord[] | undefined> {
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  parser.on('readable', signal);
  parser.on('end', () => {
    ended = true;
    signal();
  });
  parser.on('error', (error) => {
    failure ??= error;
    signal();
  });
  return async () => {
    for (;;) {
      const records: ParsedRecord[] = [];
      for (let record = parser.read() as ParsedRecord | null; record !== null; record = parser.read() as ParsedRecord | null) records.push(record);
      if (records.length > 0) return records;
      if (failure !== undefined) throw failure;
      if (ended) return undefined;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
}

/** A cell larger than the limit is fatal: it is almost always a broken file, and it would be truncated data. */
function checkCells(file: string, cells: string[], line: number, headers: string[], maxCellBytes: number): void {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    // Cheap prefilter: a UTF-8 character is at most 3 bytes per UTF-16 unit.
    if (cell.length * 3 <= maxCellBytes || Buffer.byteLength(cell, 'utf8') <= maxCellBytes) continue;
    const column = headers[i] ?? `Column ${i + 1}`;
    throw new CrmError('BAD_INPUT_FILE', `${file}: line ${line}, column "${column}" holds ${formatBytes(Buffer.byteLength(cell, 'utf8'))}, more than the ${formatBytes(maxCellBytes)} a cell may hold`, {
      hint: 'Try: check that line for a missing closing quote, or shorten that cell',
      details: { file, line, column },
    });
  }
}

function csvFailure(file: string, error: unknown, startLine: number, maxRecordBytes: number): unknown {
  if (error instanceof CrmError) return error;
  const code = (error as Partial<CsvError>).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new CrmError('BAD_INPUT_FILE', `${file}: line ${startLine} opens a quoted field that is never closed, so the rest of the file cannot be read`, {
      hint: `Try: fix the quotes in line ${startLine} (a quote inside a quoted field must be doubled: "")`,
      details: { file, line: startLine },
      cause: error,
    });
  }
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new CrmError('BAD_INPUT_FILE', `${file}: the record starting at line ${startLine} is longer than ${formatBytes(maxRecordBytes)}, usually because of a quote that is never closed`, {
      hint: `Try: fix the quotes in line ${startLine} (a quote inside a quoted field must be doubled: "")`,
      details: { file, line: startLine },
      cause: error,
    });
  }
  if (code) {
    return new CrmError('BAD_INPUT_FILE', `${file}: cannot read the record starting at line ${startLine}: ${(error as Error).message}`, { details: { file, line: startLine, code }, cause: error });
  }
  return error;
}
