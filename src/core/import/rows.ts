import type { RowProblem, SourceRow } from './types.js';

export type ReadRow = SourceRow & { problem?: RowProblem };

/**
 * Rows that can be looked at before the import starts (date-order detection,
 * the wizard's preview) without reading the file twice: peeked rows are
 * replayed first, then the stream continues.
 */
export class PeekableRows implements AsyncIterable<ReadRow> {
  private readonly buffer: ReadRow[] = [];
  private readonly iterator: AsyncIterator<ReadRow>;
  private done = false;
  private consumed = false;

  constructor(rows: AsyncIterable<ReadRow>) {
    this.iterator = rows[Symbol.asyncIterator]();
  }

  /** Up to `n` rows from the start of the file. */
  async peek(n: number): Promise<ReadRow[]> {
    while (!this.done && this.buffer.length < n) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else this.buffer.push(next.value);
    }
    return this.buffer.slice(0, n);
  }

  /** Stop reading (the file is read again elsewhere, e.g. by a worker thread). */
  async close(): Promise<void> {
    this.done = true;
    this.consumed = true;
    // Up to 500 peeked rows of ~100 cells would otherwise stay in memory for the whole import.
    this.buffer.length = 0;
    await this.iterator.return?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ReadRow> {
    if (this.consumed) throw new Error('rows can be read only once');
    this.consumed = true;
    yield* this.buffer.splice(0);
    if (this.done) return;
    for (;;) {
      const next = await this.iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
}
