/**
 * A set of 32-bit string hashes: `mayContain` can answer yes for a key never added (rarely: about
 * one key in 4,000 at a million keys), never no for one that was. An import uses it to know that an
 * e-mail is certainly new without asking the database: a million-row file would otherwise cost a
 * million index lookups, and a Set of a million strings would cost ~80 MB where this costs 8.
 */
export class KeySieve {
  private slots = new Uint32Array(1 << 12);
  private size = 0;

  add(key: string): void {
    if (this.size * 2 >= this.slots.length) this.grow();
    if (this.insert(this.slots, hashKey(key))) this.size++;
  }

  mayContain(key: string): boolean {
    const hash = hashKey(key);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return false;
      if (slot === hash) return true;
    }
  }

  private insert(slots: Uint32Array, hash: number): boolean {
    const mask = slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = slots[i]!;
      if (slot === hash) return false;
      if (slot === 0) {
        slots[i] = hash;
        return true;
      }
    }
  }

  private grow(): void {
    const bigger = new Uint32Array(this.slots.length * 2);
    for (const hash of this.slots) if (hash !== 0) this.insert(bigger, hash);
    this.slots = bigger;
  }
}

/** FNV-1a over UTF-16 code units, then mixed so the low bits index well; 0 marks an empty slot. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0 || 1;
}
