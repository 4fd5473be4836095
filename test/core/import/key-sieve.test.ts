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

  it('keeps every key when it has grown to many filters', () => {
    const sieve = new KeySieve();
    const keys = Array.from({ length: 300_000 }, (_, i) => `Person.${i}@Example.com`);
    for (const key of keys) sieve.add(key);
    expect(keys.filter((key) => !sieve.mayContain(key))).toEqual([]);
  });

  it('answers no for nearly every key it was not given, at every size', () => {
    for (const size of [1_000, 20_000, 300_000]) {
      const sieve = new KeySieve();
      for (let i = 0; i < size; i++) sieve.add(`person.${i}@example.com`);
      let falsePositives = 0;
      for (let i = 0; i < 100_000; i++) if (sieve.mayContain(`someone.${i}@example.org`)) falsePositives++;
      // The filters are sized for under 1% in all; each false positive only costs one index lookup.
      expect(falsePositives, `${size} keys`).toBeLessThan(1_000);
    }
  });
});
