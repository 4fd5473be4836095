import { MessageChannel, Worker } from 'node:worker_threads';
import type { MappedRow } from './engine.js';
import type { ReadRow } from './rows.js';
import type { RowProblem } from './types.js';
import {
  errorFromMessage,
  unpackCells,
  unslim,
  type CleanJob,
  type CleanerMessage,
  type CreditMessage,
  type ReadJob,
  type SlimMappedRow,
  type StartMessage,
  type WorkerPortData,
} from './worker-protocol.js';

/**
 * A large import runs as a pipeline of three threads: a worker reads and parses the file, a second
 * maps and cleans the rows (phone numbers above all), and this thread writes the org. Parsing,
 * cleaning and writing each cost about a third, so on two cores the file flows at close to the speed
 * of its slowest stage instead of the sum of all three.
 */
export interface ParallelRows extends AsyncIterable<ReadRow & { mapped?: MappedRow }> {
  /** The reader's warnings, complete once iteration has finished. */
  readonly warnings: string[];
  close(): Promise<void>;
}

const READ_WORKER_URL = new URL('./read-worker.js', import.meta.url);
const CLEAN_WORKER_URL = new URL('./clean-worker.js', import.meta.url);

/** Rows per message between the threads, and how many messages each stage may run ahead of the next. */
export const PARALLEL_BATCH_SIZE = 128;
const READ_AHEAD = 4;
const CLEAN_AHEAD = 8;

/** Worker threads need the compiled workers next to this file (dist/); under a TS test runner this returns false. */
export function parallelImportAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

/** A row as the writing thread receives it: its cells are parsed only if the row ends in the error file. */
class ParallelRow implements ReadRow {
  declare problem?: RowProblem;
  declare mapped?: MappedRow;
  private cells: string[] | undefined;
  constructor(
    readonly row: number,
    readonly line: number,
    private readonly packedCells: string,
  ) {}
  get values(): string[] {
    return (this.cells ??= unpackCells(this.packedCells));
  }
}

interface WorkerPair {
  reader: Worker;
  cleaner: Worker;
  /** Set if either stopped before it was given work. */
  failure?: Error;
}

/**
 * Spawns the reader and the cleaner, connected by a channel, waiting for their 'start' messages.
 * Heap limits make the workers collect garbage early, so memory stays flat on any file size. Young
 * generations trade memory for time: a million-row import spent 23 s in the workers' scavenges with
 * 8 MB (reader) and 4 MB (cleaner); the cleaner at 8 MB and reads in 16 KiB chunks cut that by
 * about a third. V8 sizes semi-spaces in steps: the cleaner's scavenges of 200k rows took 523, 266,
 * 266 and 142 pauses (0.97, 0.86, 0.86 and 0.49 s) at 8, 16, 24 and 32 MB, so it gets 32, which
 * raises peak RSS at 1M rows from ~214 to ~240 MB (the target is 256). The reader's old generation
 * must hold the largest record allowed (8 MiB of one-character cells: an array of 4M cells, copied
 * as it grows) long enough to refuse it cleanly: 96 MB was just enough, so it gets 128; the cap
 * costs nothing on ordinary files (~20 MB live).
 */
function spawnWorkers(): WorkerPair {
  const channel = new MessageChannel();
  const reader = new Worker(READ_WORKER_URL, {
    workerData: { port: channel.port1 } satisfies WorkerPortData,
    transferList: [channel.port1],
    resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 8 },
  });
  const cleaner = new Worker(CLEAN_WORKER_URL, {
    workerData: { port: channel.port2 } satisfies WorkerPortData,
    transferList: [channel.port2],
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 },
  });
  return { reader, cleaner };
}

let warm: WorkerPair | undefined;

/**
 * Starts the workers of a parallel import before it is planned: their modules (the CSV parser, phone
 * metadata, country tables) load on the other core while this thread reads the header, suggests the
 * mapping and opens the job, instead of after (about 0.4 s of a 200k-row import's ~8). Unreferenced
 * until used, so an import that stops early (a usage error, a refused file) still exits at once.
 */
export function prewarmImportWorkers(): void {
  if (warm || !parallelImportAvailable()) return;
  const pair = spawnWorkers();
  for (const worker of [pair.reader, pair.cleaner]) {
    worker.unref();
    worker.on('error', (error) => (pair.failure ??= error));
    worker.on('exit', (code) => (pair.failure ??= new Error(`an import worker stopped with code ${code} before it was used`)));
  }
  warm = pair;
}

export function parallelRows(data: { file: string; read: ReadJob['read']; config: CleanJob['config']; sample?: number | undefined }): ParallelRows {
  let pair = warm;
  warm = undefined;
  if (pair?.failure) {
    void pair.reader.terminate();
    void pair.cleaner.terminate();
    pair = undefined;
  }
  pair ??= spawnWorkers();
  const { reader, cleaner } = pair;
  for (const worker of [reader, cleaner]) {
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.ref();
  }
  reader.postMessage({
    type: 'start',
    job: { file: data.file, read: data.read, sample: data.sample, batchSize: PARALLEL_BATCH_SIZE, maxBatchesAhead: READ_AHEAD },
  } satisfies StartMessage<ReadJob>);
  cleaner.postMessage({ type: 'start', job: { config: data.config, maxBatchesAhead: CLEAN_AHEAD } } satisfies StartMessage<CleanJob>);
  const queue: CleanerMessage[] = [];
  let notify: (() => void) | undefined;
  let failure: Error | undefined;
  const warnings: string[] = [];
  cleaner.on('message', (message: CleanerMessage) => {
    queue.push(message);
    notify?.();
  });
  for (const [worker, name] of [
    [reader, 'read'],
    [cleaner, 'clean'],
  ] as const) {
    worker.on('error', (error) => {
      failure ??= error;
      notify?.();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`the import's ${name} worker stopped with code ${code}`);
      notify?.();
    });
  }
  const next = async (): Promise<CleanerMessage> => {
    for (;;) {
      const message = queue.shift();
      if (message) return message;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (notify = resolve));
      notify = undefined;
    }
  };
  const close = async (): Promise<void> => {
    await Promise.all([reader.terminate(), cleaner.terminate()]);
  };
  return {
    warnings,
    close,
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const message = await next();
          if (message.type === 'end') {
            warnings.push(...message.warnings);
            return;
          }
          if (message.type === 'error') throw errorFromMessage(message);
          cleaner.postMessage({ type: 'credit' } satisfies CreditMessage);
          const mapped = JSON.parse(message.mapped) as (SlimMappedRow | null)[];
          const rows: ParallelRow[] = new Array(message.cells.length);
          for (let i = 0; i < rows.length; i++) {
            const row = new ParallelRow(message.rowLines[2 * i]!, message.rowLines[2 * i + 1]!, message.cells[i]!);
            const problem = message.problems?.[i];
            if (problem) row.problem = problem;
            else row.mapped = unslim(mapped[i]!);
            rows[i] = row;
          }
          yield* rows;
        }
      } finally {
        await close();
      }
    },
  };
}
