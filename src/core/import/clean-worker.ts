import { parentPort, workerData } from 'node:worker_threads';
import { loadCountryIndex } from '../clean/countries.js';
import { buildRowTransform } from './transform.js';
import type { RowMapper } from './engine.js';
import {
  errorMessage,
  slim,
  unpackCells,
  type CleanJob,
  type SlimMappedRow,
  type CleanerMessage,
  type CreditMessage,
  type ReaderMessage,
  type StartMessage,
  type WorkerPortData,
} from './worker-protocol.js';

/**
 * Second stage of a parallel import: maps and cleans each row the read worker parsed (phone numbers,
 * countries, dates, names...) and posts the batch on to the thread that writes the org. It takes a
 * batch from the reader only when the writer has room for one, so memory stays flat.
 */
// Usually spawned before the import is planned: build the country index while the parent reads the header.
loadCountryIndex();

const toWriter = parentPort!;
const fromReader = (workerData as WorkerPortData).port;
/** Set by the 'start' message; no batch arrives before it (the reader starts on the same message). */
let transform: RowMapper | undefined;

let writerCredits = 0;
const inbox: ReaderMessage[] = [];
let finished = false;

const post = (message: CleanerMessage): void => toWriter.postMessage(message);

/** The last message: the reader's 'end' or an error. Nothing is read or posted after it. */
const finish = (message: CleanerMessage): void => {
  post(message);
  finished = true;
  fromReader.close();
};

function pump(): void {
  while (transform && !finished && inbox.length > 0 && (writerCredits > 0 || inbox[0]!.type !== 'rows')) {
    const message = inbox.shift()!;
    if (message.type !== 'rows') {
      // 'end' and 'error' follow the batches before them, in order.
      finish(message);
      return;
    }
    try {
      const mapped: (SlimMappedRow | null)[] = new Array(message.cells.length);
      for (let i = 0; i < message.cells.length; i++) {
        mapped[i] = message.problems?.[i] ? null : slim(transform(unpackCells(message.cells[i]!)));
      }
      writerCredits--;
      post({ ...message, mapped: JSON.stringify(mapped) });
      fromReader.postMessage({ type: 'credit' } satisfies CreditMessage);
    } catch (error) {
      finish(errorMessage(error));
      return;
    }
  }
}

fromReader.on('message', (message: ReaderMessage) => {
  inbox.push(message);
  pump();
});
toWriter.on('message', (message: CreditMessage | StartMessage<CleanJob>) => {
  if (message.type === 'credit') {
    writerCredits++;
  } else if (message.type === 'start') {
    writerCredits += message.job.maxBatchesAhead;
    try {
      transform = buildRowTransform(message.job.config);
    } catch (error) {
      finish(errorMessage(error));
      return;
    }
  }
  pump();
});
