/**
 * The contract between the import stages:
 *   read (bytes → RowSource) → detect source → map (headers → fields) → clean values → plan → apply.
 * Readers live in src/core/import/read/, sources and mappings in src/core/import/sources/ and
 * src/core/import/mapping/, value cleaning in src/core/clean/, plan/apply in src/core/import/.
 */

/** One data row as read from the file, before any mapping. */
export interface SourceRow {
  /** 1-based data row number (the header is not counted). */
  row: number;
  /** 1-based physical line in the file where this record starts (for error files and messages). */
  line: number;
  /** Cell values in header order, always strings ('' for empty); never cast. */
  values: string[];
}

/** A problem that makes one row unusable; the row goes to the error file with it. */
export interface RowProblem {
  row: number;
  line: number;
  code: string;
  message: string;
}

export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'vcard';

/** What a reader found out about a file, plus its rows as a stream. */
export interface RowSource {
  /** The file as given, for messages ("-" for stdin). */
  file: string;
  format: FileFormat;
  /** e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252' (text formats only). */
  encoding?: string;
  /** e.g. ',', ';', '\t', '|' (CSV only). */
  delimiter?: string;
  /** Sheet read (spreadsheets only). */
  sheet?: string;
  /** Header cells as in the file, trimmed of BOM; duplicates are reported, not merged. */
  headers: string[];
  /** Rows in file order. Rows the reader cannot split into cells (ragged) are yielded with `problem` set. */
  rows: AsyncIterable<SourceRow & { problem?: RowProblem }>;
  /**
   * The same rows in runs, where the reader has them that way (CSV: one run per chunk of the file).
   * Take either `rows` or `batches`, not both: they drain one reader.
   */
  batches?: AsyncIterable<(SourceRow & { problem?: RowProblem })[]>;
  /** Non-fatal observations, e.g. "header has 92 columns, rows have 89". */
  warnings: string[];
}

/** The known export formats `--source` can name. */
export type SourceKind = 'outlook' | 'outlook-com' | 'google' | 'google-legacy' | 'act' | 'vcard' | 'csv' | 'xlsx';
