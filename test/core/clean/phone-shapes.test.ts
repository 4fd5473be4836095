import fc from 'fast-check';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { cleanPhone } from '../../../src/core/clean/phones.js';

/** Local and international ways people type numbers, per country: [country, prefix, digits to add]. */
const SHAPES: [CountryCode, string, number][] = [
  ['LV', '67 ', 6],
  ['LV', '+371 29 ', 6],
  ['FI', '040 ', 7],
  ['FI', '09 ', 7],
  ['IS', '+354 5', 6],
  ['BR', '(11) 3', 7],
  ['BR', '+55 11 9', 8],
  ['DE', '+49 89 ', 7],
  ['DE', '030 ', 7],
  ['US', '(212) 3', 6],
  ['GB', '+44 7911 ', 6],
  ['GB', '020 7', 7],
  ['CN', '+86 138 ', 8],
  ['PT', '+351 91', 7],
];

describe('phone shape templates', () => {
  it('give exactly what libphonenumber gives for every number of a learned shape', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHAPES), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }), ([country, prefix, n], digits) => {
        const raw = prefix + digits.slice(0, n).join('');
        const cleaned = cleanPhone(raw, country);
        const parsed = parsePhoneNumberFromString(raw, country);
        if (parsed?.isValid()) {
          expect(cleaned.problem).toBeUndefined();
          expect(cleaned.value).toBe(parsed.formatInternational());
        } else {
          expect(cleaned.value).toBe(raw.trim());
        }
      }),
      { numRuns: 3000 },
    );
  });
});
