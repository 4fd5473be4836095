import { parentPort, workerData } from 'node:worker_threads';
import { openRowSource } from './read/index.js';
import { errorMessage, packCells, type CreditMessage, type ReaderMessage, type ReadJob, type RowBatch, type StartMessage, type WorkerPortData } from './worker-protocol.js';

/**
 * First stage of a parallel import: reads and parses the file and posts rows, in batches, to the
 * clean worker. Credits bound how far it may run ahead, so memory stays flat on any file size.
 */
const port = (workerData as WorkerPortData).port;
let credits = 0;
let wake: (() => void) | undefined;
port.on('message', (message: CreditMessage) => {
  if (message.type === 'credit') {
    credits++;
    wake?.();
  }
});

const post = (message: ReaderMessage): void => port.postMessage(message);

async function run(data: ReadJob): Promise<void> {
  credits += data.maxBatchesAhead;
  const source = await openRowSource(data.file, data.read);
  let batch: RowBatch = { type: 'rows', rowLines: [], cells: [] };
  const send = async (): Promise<void> => {
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post(batch);
    batch = { type: 'rows', rowLines: [], cells: [] };
  };
  // Runs of rows where the reader has them (one await per run, not per row).
  const runs = source.batches ?? oneByOne(source.rows);
  reading: for await (const run of runs) {
    for (const row of run) {
      if (data.sample !== undefined && row.row > data.sample) break reading;
      if (row.problem) (batch.problems ??= {})[batch.cells.length] = row.problem;
      batch.rowLines.push(row.row, row.line);
      batch.cells.push(packCells(row.values));
      if (batch.cells.length >= data.batchSize) await send();
    }
  }
  if (batch.cells.length > 0) await send();
  post({ type: 'end', warnings: source.warnings });
}

async function* oneByOne<T>(rows: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const row of rows) yield [row];
}

parentPort!.once('message', (message: StartMessage<ReadJob>) => {
  run(message.job).catch((error: unknown) => post(errorMessage(error)));
});
