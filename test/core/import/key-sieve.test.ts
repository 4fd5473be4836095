import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeySieve } from '../../../src/core/import/key-sieve.js';

describe('KeySieve', () => {
  it('never forgets a key it was given, through every resize', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 3000 }), (keys) => {
        const sieve = new KeySieve();
        keys.forEach((key) => sieve.add(key));
        for (const key of keys) expect(sieve.mayContain(key)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('answers no for nearly every key it was not given', () => {
    const sieve = new KeySieve();
    for (let i = 0; i < 100_000; i++) sieve.add(`person.${i}@example.com`);
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (sieve.mayContain(`someone.${i}@example.org`)) falsePositives++;
    // 32-bit hashes: about 100,000 / 2^32 per lookup, so a handful at most.
    expect(falsePositives).toBeLessThan(20);
  });
});
