import { fileURLToPath } from 'node:url';
import { openRowSource, type ReadOptions } from '../../../../src/core/import/read/index.js';
import type { RowProblem, RowSource, SourceRow } from '../../../../src/core/import/types.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`../../../../fixtures/import/${name}`, import.meta.url));

export interface ReadResult {
  source: RowSource;
  rows: Array<SourceRow & { problem?: RowProblem }>;
  /** Cell by header name, for readable assertions. */
  cell(rowIndex: number, header: string): string;
}

/** Opens a file and drains its rows (warnings are complete only after that). */
export async function readAll(file: string, options: ReadOptions = {}, stdin?: NodeJS.ReadableStream): Promise<ReadResult> {
  const source = await openRowSource(file, options, stdin);
  const rows: ReadResult['rows'] = [];
  for await (const row of source.rows) rows.push(row);
  return {
    source,
    rows,
    cell(rowIndex, header) {
      const column = source.headers.indexOf(header);
      if (column < 0) throw new Error(`no header ${header} in ${source.headers.join(', ')}`);
      const row = rows[rowIndex];
      if (!row) throw new Error(`no row ${rowIndex} (there are ${rows.length})`);
      return row.values[column]!;
    },
  };
}

/** Opens a file and drains it run by run (`batches`), as the import's read worker does. */
export async function readAllInRuns(file: string, options: ReadOptions = {}): Promise<{ source: RowSource; rows: ReadResult['rows']; runs: number }> {
  const source = await openRowSource(file, options);
  if (!source.batches) throw new Error(`${file}: the reader gives no runs`);
  const rows: ReadResult['rows'] = [];
  let runs = 0;
  for await (const run of source.batches) {
    runs++;
    rows.push(...run);
  }
  return { source, rows, runs };
}
