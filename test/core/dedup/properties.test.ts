import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAccountMatcher, buildMatcher, type MatchRecord } from '../../../src/core/dedup/index.js';
import { generatePeople } from '../../../bench/data/generate-people.mjs';

// Small pools so that random records often look alike: the interesting case.
const FIRST = ['John', 'Jon', 'J.', 'Bob', 'Robert', 'Jānis', 'Janis', 'Anna', 'Ana', '伟', 'Wei', '', 'Sepp', 'Josef'];
const LAST = ['Smith', 'Smyth', 'Bērziņš', 'Berzins', 'Meyer', 'Maier', 'Wang', '王', 'Þórsdóttir', 'Thorsdottir', '', 'Smith Jr.'];
const EMAIL = ['', 'js@acme.com', 'JS@ACME.COM', 'j.smith@gmail.com', 'jsmith@gmail.com', 'info@acme.com'];
const PHONE = ['', '+371 2912 3456', '29123456', '030 1234567', '+49 30 1234567', '555 0100'];
const COMPANY = ['', 'Acme Inc.', 'ACME', 'Globex GmbH', 'SIA Rīgas Ūdens'];
const CITY = ['', 'Rīga', 'Riga', 'Berlin', 'Austin'];
const DOB = ['', '1980-01-01', '01.01.1980', '1975-05-05'];

const recordArb = fc.record({
  FirstName: fc.constantFrom(...FIRST),
  LastName: fc.constantFrom(...LAST),
  Email: fc.constantFrom(...EMAIL),
  Phone: fc.constantFrom(...PHONE),
  MobilePhone: fc.constantFrom(...PHONE),
  Company: fc.constantFrom(...COMPANY),
  City: fc.constantFrom(...CITY),
  Birthdate: fc.constantFrom(...DOB),
});
const recordsArb = fc.array(recordArb, { minLength: 2, maxLength: 40 }).map((rows) => rows.map((r, i): MatchRecord => ({ id: `r${String(i).padStart(3, '0')}`, ...r })));

const canonical = (groups: { ids: string[]; score: number }[]) => groups.map((g) => `${g.ids.join(',')}@${g.score}`);

describe('matching properties', () => {
  it('groups do not depend on the order of the input', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer(), (records, seed) => {
        const shuffled = [...records];
        let state = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(canonical(buildMatcher(shuffled).findGroups())).toEqual(canonical(buildMatcher(records).findGroups()));
      }),
      { numRuns: 150 },
    );
  });

  it('groups do not depend on order on realistic data either', () => {
    const { records } = generatePeople({ n: 800, seed: 41 });
    const reversed = [...records].reverse();
    const groups = buildMatcher(records).findGroups();
    expect(groups.length).toBeGreaterThan(50);
    expect(canonical(buildMatcher(reversed).findGroups())).toEqual(canonical(groups));
  });

  it('scores are symmetric and in 0..1', () => {
    const matcher = buildMatcher(generatePeople({ n: 200, seed: 43 }).records);
    fc.assert(
      fc.property(recordArb, recordArb, (x, y) => {
        const a = { id: 'a', ...x };
        const b = { id: 'b', ...y };
        const ab = matcher.comparePair(a, b);
        const ba = matcher.comparePair(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
        expect(ab.evidence.map((e) => [e.field, e.weight])).toEqual(ba.evidence.map((e) => [e.field, e.weight]));
      }),
      { numRuns: 300 },
    );
  });

  it('a record is never grouped with itself, and each record is in at most one group', () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const seen = new Set<string>();
        for (const g of buildMatcher(records).findGroups()) {
          expect(g.ids.length).toBeGreaterThanOrEqual(2);
          for (const id of g.ids) {
            expect(seen.has(id)).toBe(false);
            seen.add(id);
          }
          for (const p of g.pairs) expect(p.a).not.toBe(p.b);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('account groups do not depend on input order', () => {
    const names = ['Acme Inc.', 'ACME', 'Acme Europe', 'Globex GmbH', 'Globex', 'Art’s Deli', "Art's Delicatessen", ''];
    const accountArb = fc.array(
      fc.record({ Name: fc.constantFrom(...names), Website: fc.constantFrom('', 'acme.com', 'www.globex.de'), BillingCity: fc.constantFrom('', 'Boston', 'Berlin') }),
      { minLength: 2, maxLength: 25 },
    );
    fc.assert(
      fc.property(accountArb, (rows) => {
        const records = rows.map((r, i) => ({ id: `a${String(i).padStart(3, '0')}`, ...r }));
        expect(canonical(buildAccountMatcher([...records].reverse()).findGroups())).toEqual(canonical(buildAccountMatcher(records).findGroups()));
      }),
      { numRuns: 100 },
    );
  });
});
