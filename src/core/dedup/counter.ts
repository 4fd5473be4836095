/**
 * Counts of string values by their 32-bit hash, in typed arrays: term
 * frequencies of a million e-mail addresses and phone numbers without a
 * million-entry Map of strings. Two values with one hash share a count; at
 * a million distinct values that happens about a hundred times and only
 * nudges a frequency, which is all the counts are used for.
 */
export class HashCounter {
  private keys = new Int32Array(1 << 12);
  private counts = new Int32Array(1 << 12);
  private used = 0;

  add(value: string): void {
    if (value === '') return;
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const slot = this.slotOf(hashOf(value));
    if (this.counts[slot] === 0) this.used++;
    this.counts[slot]!++;
  }

  get(value: string): number {
    if (value === '') return 0;
    return this.counts[this.slotOf(hashOf(value))]!;
  }

  /** Open addressing with linear probing; a slot is free when its count is 0. */
  private slotOf(hash: number): number {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    while (this.counts[slot] !== 0 && this.keys[slot] !== hash) slot = (slot + 1) & mask;
    this.keys[slot] = hash;
    return slot;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.counts = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldCounts[i] !== 0) this.counts[this.slotOf(oldKeys[i]!)] = oldCounts[i]!;
    }
  }
}

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
