import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { CrmError } from '../../errors.js';

/** How many bytes the readers sniff to detect format, encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Bytes per read while streaming a file. Each chunk becomes all its records at once (~50 Outlook rows
 * at 16 KiB), and they stay alive until passed on: at 64 KiB the read worker's garbage collector copied
 * four times as many of them and spent 30% more time.
 */
const READ_CHUNK_BYTES = 16 * 1024;

/**
 * A file or stdin opened for reading once: `head` is the first bytes (for sniffing), `chunks()`
 * streams the whole content from byte 0 (head included), so nothing is read into memory twice.
 */
export interface ByteInput {
  /** The file as given ("-" for stdin), for messages. */
  file: string;
  head: Buffer;
  /** True when `head` is the whole content. */
  complete: boolean;
  /** Size in bytes when known up front (regular files). */
  size: number | undefined;
  /** Streams the content from the start; can be called once. */
  chunks(): AsyncIterable<Buffer>;
}

export async function openByteInput(file: string, stdin?: NodeJS.ReadableStream): Promise<ByteInput> {
  if (file === '-') {
    if (!stdin) throw new CrmError('USAGE', 'reading from stdin ("-") but no input stream was given', { hint: 'Try: pass a file path instead of "-"' });
    return stdinInput(stdin);
  }
  return fileInput(file);
}

async function fileInput(file: string): Promise<ByteInput> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CrmError('BAD_INPUT_FILE', `${file} is a folder, not a file`, { hint: 'Try: give the path of the exported file itself', details: { file } });
    size = info.size;
  } catch (error) {
    if (error instanceof CrmError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CrmError('BAD_INPUT_FILE', `file not found: ${file}`, { hint: 'Try: check the path (use quotes if it contains spaces)', details: { file } });
    throw new CrmError('BAD_INPUT_FILE', `cannot read ${file}: ${(error as Error).message}`, { details: { file }, cause: error });
  }
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  return {
    file,
    head,
    complete: head.length >= size,
    size,
    chunks: () => createReadStream(file, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>,
  };
}

async function stdinInput(stdin: NodeJS.ReadableStream): Promise<ByteInput> {
  const iterator = (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    buffered.push(chunk);
    length += chunk.length;
  }
  const all = Buffer.concat(buffered);
  const head = all.subarray(0, SNIFF_BYTES);
  let used = false;
  return {
    file: '-',
    head,
    complete: done && all.length <= SNIFF_BYTES,
    size: done ? all.length : undefined,
    chunks: () => {
      if (used) throw new Error('stdin can be streamed only once');
      used = true;
      return (async function* () {
        if (all.length > 0) yield all;
        if (done) return;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
        }
      })();
    },
  };
}

/** Reads the whole input into memory, refusing more than `maxBytes` (spreadsheets need random access). */
export async function readAllBytes(input: ByteInput, maxBytes: number, what: string): Promise<Buffer> {
  const tooBig = () =>
    new CrmError('BAD_INPUT_FILE', `${input.file} is larger than the ${formatBytes(maxBytes)} allowed for ${what}`, {
      hint: 'Try: save the sheet as CSV (CSV files are read as a stream, without a size limit) and import that',
      details: { file: input.file, maxBytes },
    });
  if (input.size !== undefined && input.size > maxBytes) throw tooBig();
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of input.chunks()) {
    length += chunk.length;
    if (length > maxBytes) throw tooBig();
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}
