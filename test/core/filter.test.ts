import { describe, expect, it } from 'vitest';
import { evaluateFilter, parseFilter } from '../../src/core/query/filter.js';
import { CrmError } from '../../src/core/errors.js';

describe('filter language', () => {
  it('parses AND/OR/NOT with parentheses and IN lists', () => {
    const f = parseFilter("Country = 'Germany' AND (LeadSource = 'Web' OR LeadSource IN ('Trade Show', 'Other')) AND NOT IsConverted = true");
    expect(f.kind).toBe('and');
    expect(evaluateFilter(f, { Country: 'germany', LeadSource: 'Other', IsConverted: false })).toBe(true);
    expect(evaluateFilter(f, { Country: 'Germany', LeadSource: 'Phone', IsConverted: false })).toBe(false);
  });

  it('folds case for non-Latin letters too and supports LIKE', () => {
    expect(evaluateFilter(parseFilter("City = 'MÜNCHEN'"), { City: 'München' })).toBe(true);
    expect(evaluateFilter(parseFilter("Email LIKE '%@ACME.com'"), { Email: 'jd@acme.com' })).toBe(true);
    expect(evaluateFilter(parseFilter("Email NOT LIKE '%@acme.com'"), { Email: 'jd@acme.com' })).toBe(false);
  });

  it('treats null comparisons like SOQL', () => {
    expect(evaluateFilter(parseFilter('Phone = null'), { Phone: null })).toBe(true);
    expect(evaluateFilter(parseFilter('Phone != null'), { Phone: '+1 555' })).toBe(true);
    expect(evaluateFilter(parseFilter("Phone != '1'"), {})).toBe(true);
  });

  it('reads dates as text and numbers as numbers', () => {
    expect(evaluateFilter(parseFilter('CloseDate >= 2026-04-01 AND Amount > 999.5'), { CloseDate: '2026-05-01', Amount: 1000 })).toBe(true);
  });

  it('reports where a bad filter goes wrong', () => {
    expect(() => parseFilter("LastName = 'Doe")).toThrow(/never closed/);
    expect(() => parseFilter('LastName = Doe')).toThrow(/quote text values/);
    try {
      parseFilter('LastName ~ 1');
    } catch (e) {
      expect(e).toBeInstanceOf(CrmError);
      expect((e as CrmError).code).toBe('BAD_FILTER');
    }
  });
});
