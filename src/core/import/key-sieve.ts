/**
 * A set that can answer "maybe" for a key never added (about one key in a hundred), never "no" for
 * one that was. An import uses it to know that an e-mail is certainly new without asking the
 * database: a million-row file would otherwise cost a million index lookups, and a Set of a million
 * strings would cost ~80 MB where this costs ~4.
 *
 * It is a scalable Bloom filter (Almeida et al., "Scalable Bloom Filters", 2007): when a filter is
 * full, a new one twice its size with a stricter false-positive rate is added, so the overall rate
 * stays under 1% however many keys arrive, and nothing is ever rehashed. (A hash table of the keys'
 * 32-bit hashes needed 8 MB at a million keys, plus 4 more while it doubled, and that doubling
 * came at the peak of an import's memory.)
 */
export class KeySieve {
  private readonly filters: BloomFilter[] = [];

  add(key: string): void {
    hashKey(key);
    let filter = this.filters[this.filters.length - 1];
    if (!filter || filter.count >= filter.capacity) {
      const level = this.filters.length;
      filter = new BloomFilter(FIRST_CAPACITY * 2 ** level, FIRST_ERROR_RATE * TIGHTENING ** level);
      this.filters.push(filter);
    }
    filter.add(hashes[0]!, hashes[1]!);
  }

  mayContain(key: string): boolean {
    hashKey(key);
    for (const filter of this.filters) if (filter.has(hashes[0]!, hashes[1]!)) return true;
    return false;
  }
}

const FIRST_CAPACITY = 1 << 14;
// The rates form a geometric series: 0.25% × (1 + 0.75 + 0.75² + …) stays under 1% in all.
const FIRST_ERROR_RATE = 0.0025;
const TIGHTENING = 0.75;

class BloomFilter {
  count = 0;
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private readonly probes: number;

  constructor(
    readonly capacity: number,
    errorRate: number,
  ) {
    // m/n = -ln p / (ln 2)², k = (m/n) ln 2: the sizes that give rate p at n keys.
    const bitsPerKey = -Math.log(errorRate) / Math.LN2 ** 2;
    const size = 2 ** Math.ceil(Math.log2(capacity * bitsPerKey));
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
    this.probes = Math.max(1, Math.round(bitsPerKey * Math.LN2));
  }

  add(h1: number, h2: number): void {
    // Kirsch–Mitzenmacher: probe i is h1 + i·h2; h2 is odd, so the probes differ in a power-of-two table.
    for (let i = 0, at = h1; i < this.probes; i++, at = (at + h2) | 0) {
      const bit = at & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.count++;
  }

  has(h1: number, h2: number): boolean {
    for (let i = 0, at = h1; i < this.probes; i++, at = (at + h2) | 0) {
      const bit = at & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** The two hashes of the last key hashed (one shared array: no allocation per key). */
const hashes = new Int32Array(2);

/** Two 32-bit hashes in one pass over the UTF-16 code units: FNV-1a and a multiply-rotate hash, each finalised (murmur3's fmix32). */
function hashKey(key: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  hashes[0] = mix(a);
  hashes[1] = mix(b ^ key.length) | 1;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
