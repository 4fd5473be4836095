import { Worker } from 'node:worker_threads';
import { CrmError, type ErrorCode } from '../errors.js';
import type { MappedRow } from './engine.js';
import type { ReadRow } from './rows.js';
import type { TransformWorkerData, WorkerMessage } from './transform-worker.js';

/**
 * Rows read, mapped and cleaned in a worker thread, while this thread writes the
 * org: parsing and cleaning (phone numbers above all) cost more than the inserts,
 * and the machine has a second core for them.
 */
export interface ParallelRows extends AsyncIterable<ReadRow & { mapped?: MappedRow }> {
  /** The reader's warnings, complete once iteration has finished. */
  readonly warnings: string[];
  close(): Promise<void>;
}

const WORKER_URL = new URL('./transform-worker.js', import.meta.url);

/** Worker threads need the compiled worker next to this file (dist/); under a TS test runner this returns false. */
export function parallelImportAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

export function parallelRows(data: Omit<TransformWorkerData, 'batchSize' | 'maxBatchesAhead'>): ParallelRows {
  // A heap limit makes the worker collect garbage early, so memory stays flat on any file size; 96 MB
  // still holds the largest record allowed (8 MiB of tiny cells) long enough to refuse it cleanly.
  const worker = new Worker(WORKER_URL, {
    workerData: { ...data, batchSize: 128, maxBatchesAhead: 16 } satisfies TransformWorkerData,
    resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 },
  });
  const queue: WorkerMessage[] = [];
  let notify: (() => void) | undefined;
  let failure: Error | undefined;
  const warnings: string[] = [];
  worker.on('message', (message: WorkerMessage) => {
    queue.push(message);
    notify?.();
  });
  worker.on('error', (error) => {
    failure = error;
    notify?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the import worker stopped with code ${code}`);
    notify?.();
  });
  const next = async (): Promise<WorkerMessage | undefined> => {
    for (;;) {
      const message = queue.shift();
      if (message) return message;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (notify = resolve));
      notify = undefined;
    }
  };
  return {
    warnings,
    async close() {
      await worker.terminate();
    },
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const message = await next();
          if (!message) return;
          if (message.type === 'rows') {
            worker.postMessage({ type: 'credit' });
            yield* message.rows;
          } else if (message.type === 'end') {
            warnings.push(...message.warnings);
            return;
          } else {
            const e = message.error;
            throw e.crm
              ? new CrmError((e.code ?? 'FAILURE') as ErrorCode, e.message, { ...(e.hint ? { hint: e.hint } : {}), ...(e.details ? { details: e.details } : {}) })
              : new Error(e.message);
          }
        }
      } finally {
        await worker.terminate();
      }
    },
  };
}
