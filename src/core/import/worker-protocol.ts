import type { MessagePort } from 'node:worker_threads';
import { CrmError, type ErrorCode } from '../errors.js';
import type { ReadOptions } from './read/index.js';
import type { MappedRow } from './engine.js';
import type { RowProblem } from './types.js';
import type { TransformConfig } from './transform.js';

/**
 * Messages between the three threads of a parallel import:
 *   read worker (bytes → rows) → clean worker (rows → mapped, cleaned rows) → this thread (writes the org).
 * Rows travel as text, not objects: one string per row's cells (unpacked again by the writer only if
 * the row ends in the error file) and one JSON string per batch of mapped rows. Copying a few strings
 * between threads is far cheaper than cloning ~100 small strings per row, and the writing thread's
 * heap stays small.
 */
export interface RowBatch {
  type: 'rows';
  /** Data row number and physical line of each row, interleaved: [row0, line0, row1, line1, ...]. */
  rowLines: number[];
  /** Each row's cells, packed into one string by `packCells`. */
  cells: string[];
  /** Rows the reader could not split into cells, by index in the batch. */
  problems?: Record<number, RowProblem>;
}

export interface CleanedBatch extends RowBatch {
  /** JSON of (SlimMappedRow | null)[]: null where the row has a problem and was not mapped. */
  mapped: string;
}

/** A MappedRow without its empty parts: no owner, problems or warnings on most rows (less JSON to write and read). */
export type SlimMappedRow = Pick<MappedRow, 'fields' | 'account'> & Partial<Pick<MappedRow, 'owner' | 'problems' | 'warnings'>>;

export function slim(row: MappedRow): SlimMappedRow {
  const out: SlimMappedRow = { fields: row.fields, account: row.account ?? null };
  if (row.owner != null) out.owner = row.owner;
  if (row.problems.length > 0) out.problems = row.problems;
  if (row.warnings !== undefined && row.warnings.length > 0) out.warnings = row.warnings;
  return out;
}

const NO_PROBLEMS: MappedRow['problems'] = Object.freeze([]) as unknown as MappedRow['problems'];

export function unslim(row: SlimMappedRow): MappedRow {
  (row as MappedRow).problems ??= NO_PROBLEMS;
  return row as MappedRow;
}

export interface EndMessage {
  type: 'end';
  warnings: string[];
}

export interface ErrorMessage {
  type: 'error';
  error: { message: string; code?: string; hint?: string; details?: Record<string, unknown>; crm: boolean };
}

/** Sent upstream: the receiver took one batch, so the sender may send another. */
export interface CreditMessage {
  type: 'credit';
}

export type ReaderMessage = RowBatch | EndMessage | ErrorMessage;
export type CleanerMessage = CleanedBatch | EndMessage | ErrorMessage;

/** What the read worker reads; sent in its 'start' message. */
export interface ReadJob {
  file: string;
  read: ReadOptions;
  sample?: number | undefined;
  batchSize: number;
  maxBatchesAhead: number;
}

/** How the clean worker maps and cleans; sent in its 'start' message. */
export interface CleanJob {
  config: TransformConfig;
  maxBatchesAhead: number;
}

/**
 * Workers are spawned before the import is planned (their modules load while this thread reads the
 * header and suggests the mapping) and told what to do once it is: the first message from the parent.
 */
export interface StartMessage<Job> {
  type: 'start';
  job: Job;
}

/** workerData of both workers: the port between them (reader → cleaner). */
export interface WorkerPortData {
  port: MessagePort;
}

/** An error thrown in a worker, as plain data (CrmError's code, hint and details survive the trip). */
export function errorMessage(error: unknown): ErrorMessage {
  const crm = error instanceof CrmError;
  return {
    type: 'error',
    error: {
      message: (error as Error)?.message ?? String(error),
      crm,
      ...(crm ? { code: error.code, ...(error.hint ? { hint: error.hint } : {}), ...(error.details ? { details: error.details } : {}) } : {}),
    },
  };
}

export function errorFromMessage({ error: e }: ErrorMessage): Error {
  return e.crm
    ? new CrmError((e.code ?? 'FAILURE') as ErrorCode, e.message, { ...(e.hint ? { hint: e.hint } : {}), ...(e.details ? { details: e.details } : {}) })
    : new Error(e.message);
}

/** Joins a row's cells; a control character no export uses. */
const CELL_SEPARATOR = '\u0001';
/** Marks a row packed as JSON because a cell holds the separator itself (binary junk in a file). */
const JSON_MARK = '\u0002';

/** A row's cells as one string (joining is several times cheaper than JSON for ~100 mostly empty cells). */
export function packCells(cells: readonly string[]): string {
  let plain = cells.length > 0 && !cells[0]!.startsWith(JSON_MARK);
  for (let i = 0; plain && i < cells.length; i++) if (cells[i]!.length > 0 && cells[i]!.includes(CELL_SEPARATOR)) plain = false;
  return plain ? cells.join(CELL_SEPARATOR) : JSON_MARK + JSON.stringify(cells);
}

export function unpackCells(packed: string): string[] {
  return packed.startsWith(JSON_MARK) ? (JSON.parse(packed.slice(JSON_MARK.length)) as string[]) : packed.split(CELL_SEPARATOR);
}
