import { describe, expect, it } from 'vitest';
import { CrmError } from '../../../src/core/errors.js';
import { buildAccountMatcher, buildMatcher, type MatchRecord } from '../../../src/core/dedup/index.js';
// The benchmark's generator: deterministic address books with known duplicates.
import { generatePeople } from '../../../bench/data/generate-people.mjs';

const idsOf = (groups: { ids: string[] }[]) => groups.map((g) => g.ids);

// Sixty surnames that no rule confuses with one another.
const SURNAMES = [
  'Abernathy', 'Bjørnstad', 'Castellanos', 'Dąbrowski', 'Eriksson', 'Fitzpatrick', 'Gallagher', 'Hämäläinen', 'Ibrahimović', 'Jankowski',
  'Kowalczyk', 'Lindqvist', 'Montgomery', 'Nakamura', 'Oyelaran', 'Papadopoulos', 'Quintero', 'Rasmussen', 'Szabó', 'Tanaka',
  'Urquhart', 'Vasquez', 'Wojcik', 'Xiong', 'Yamamoto', 'Zielinski', 'Achterberg', 'Bouchard', 'Cederlund', 'Delacroix',
  'Eisenhauer', 'Fontaine', 'Grönholm', 'Hargreaves', 'Iglesias', 'Jovanović', 'Kristiansen', 'Lefebvre', 'Matsumoto', 'Nordström',
  'Okonkwo', 'Pellegrino', 'Rautiainen', 'Sandoval', 'Thorvaldsen', 'Uchida', 'Valdivia', 'Wainwright', 'Yilmaz', 'Zimmerli',
  'Almeida', 'Brankovic', 'Carvalho', 'Donnelly', 'Esposito', 'Fujimoto', 'Gutowski', 'Halvorsen', 'Ishikawa', 'Kaczmarek',
];

/** Unrelated people so that frequencies are those of a data set. */
const crowd = (n: number, lastName = (i: number) => SURNAMES[i % SURNAMES.length]!): MatchRecord[] =>
  Array.from({ length: n }, (_, i) => ({ id: `z${String(i).padStart(4, '0')}`, FirstName: ['Anna', 'Peter', 'Maria', 'Juha', 'Wei', 'Laura', 'Tomás'][i % 7], LastName: lastName(i), City: ['Rīga', 'Boston', 'Porto'][i % 3] }));

describe('duplicate groups', () => {
  it('finds nothing among clearly different people', () => {
    expect(buildMatcher(crowd(60)).findGroups()).toEqual([]);
  });

  it('groups one person written three ways by three address books', () => {
    const records: MatchRecord[] = [
      { id: 'outlook-1', FirstName: 'Robert', LastName: 'Bērziņš', Email: 'robert.berzins@latvijaskoks.lv', Phone: '+371 6712 3456', Company: 'SIA Latvijas Koks', City: 'Rīga' },
      { id: 'phone-7', FirstName: 'Bob', LastName: 'Berzins', MobilePhone: '29 123 456', Email: 'Robert.Berzins@LatvijasKoks.lv' },
      { id: 'sheet-3', FirstName: 'Robert', LastName: 'BERZINS', MobilePhone: '+371 29123456', Company: 'Latvijas Koks', City: 'Riga' },
      ...crowd(40),
    ];
    const groups = buildMatcher(records).findGroups();
    expect(idsOf(groups)).toEqual([['outlook-1', 'phone-7', 'sheet-3']]);
    const [group] = groups;
    expect(group!.pairs).toHaveLength(3);
    expect(group!.reasons).toContain('same e-mail robert.berzins@latvijaskoks.lv');
    expect(group!.reasons).toContain('first names Robert/Bob are nicknames');
    expect(group!.score).toBeGreaterThan(0.9);
  });

  it('does not group colleagues who share a surname, switchboard and office', () => {
    const office = { Company: 'Acme GmbH', Phone: '+49 30 1234567', Street: 'Hauptstraße 5', City: 'Berlin' };
    const records: MatchRecord[] = [
      { id: 'c1', FirstName: 'Thomas', LastName: 'Müller', Email: 'thomas.mueller@acme.de', ...office },
      { id: 'c2', FirstName: 'Sabine', LastName: 'Müller', Email: 'sabine.mueller@acme.de', ...office },
      { id: 'c3', FirstName: 'Jürgen', LastName: 'Müller', ...office },
      ...crowd(40),
    ];
    expect(buildMatcher(records).findGroups()).toEqual([]);
  });

  it('does not group father and son (Jr.) at one address, nor spouses sharing a home phone', () => {
    const home = { Street: '5 Oak Road', City: 'Denver', PostalCode: '80203', Phone: '303 555 0142' };
    const records: MatchRecord[] = [
      { id: 'f', FirstName: 'Robert', LastName: 'Miller', ...home },
      { id: 's', FirstName: 'Robert', LastName: 'Miller Jr.', ...home },
      { id: 'w', FirstName: 'Helen', LastName: 'Miller', ...home },
      ...crowd(40),
    ];
    expect(buildMatcher(records).findGroups()).toEqual([]);
  });

  it('does not chain: A~B strongly and B~C weakly do not pull a clearly different C in', () => {
    const a: MatchRecord = { id: 'a', FirstName: 'John', LastName: 'Smith', Email: 'j.smith@initech.com', Birthdate: '1980-01-01', City: 'Austin' };
    const b: MatchRecord = { id: 'b', FirstName: 'J.', LastName: 'Smith', Email: 'J.Smith@initech.com', MobilePhone: '512 555 0199' };
    const c: MatchRecord = { id: 'c', FirstName: 'Jane', LastName: 'Smith', MobilePhone: '+1 512 555 0199', Birthdate: '1975-05-05', City: 'Austin' };
    const matcher = buildMatcher([a, b, c, ...crowd(40)]);
    // The premise: B~C alone would pass the threshold, A~C clearly differ.
    expect(matcher.comparePair(b, c).score).toBeGreaterThanOrEqual(0.5);
    expect(matcher.comparePair(a, c).score).toBeLessThan(0.01);
    expect(idsOf(matcher.findGroups())).toEqual([['a', 'b']]);
  });

  it('weighs a common surname less than a rare one (frequencies from the data set)', () => {
    const smiths = crowd(60, () => 'Smith');
    // Surname and city only, so the full-name cap does not come into play.
    const records: MatchRecord[] = [
      ...smiths,
      { id: 'r1', LastName: 'Bērziņa', City: 'Cēsis' },
      { id: 'r2', LastName: 'Berzina', City: 'Cesis' },
      { id: 's1', LastName: 'Smith', City: 'Cēsis' },
      { id: 's2', LastName: 'Smith', City: 'Cesis' },
    ];
    const matcher = buildMatcher(records);
    const byId = new Map(records.map((r) => [r.id, r]));
    const rare = matcher.comparePair(byId.get('r1')!, byId.get('r2')!);
    const common = matcher.comparePair(byId.get('s1')!, byId.get('s2')!);
    const lastWeight = (p: typeof rare) => p.evidence.find((e) => e.field === 'LastName')!.weight;
    expect(lastWeight(rare)).toBeGreaterThan(lastWeight(common) + 3);
    expect(rare.score).toBeGreaterThan(common.score);
  });

  it('never puts a record in a group with itself or in two groups', () => {
    const { records } = generatePeople({ n: 400, seed: 31 });
    const groups = buildMatcher(records).findGroups();
    const seen = new Set<string>();
    expect(groups.length).toBeGreaterThan(20);
    for (const g of groups) {
      expect(g.ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(g.ids).size).toBe(g.ids.length);
      for (const id of g.ids) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
      for (const p of g.pairs) expect(p.a).not.toBe(p.b);
    }
  });

  it('finds most generated duplicates and few false ones (regression guard for tuning)', () => {
    const { records, truth } = generatePeople({ n: 1500, seed: 33 });
    const truthOf = new Map(records.map((r, i) => [r.id, truth[i]]));
    const groups = buildMatcher(records).findGroups();
    let predicted = 0;
    let correct = 0;
    for (const g of groups) {
      for (let x = 0; x < g.ids.length; x++) {
        for (let y = x + 1; y < g.ids.length; y++) {
          predicted++;
          if (truthOf.get(g.ids[x]!) === truthOf.get(g.ids[y]!)) correct++;
        }
      }
    }
    const counts = new Map<number, number>();
    for (const t of truth) counts.set(t, (counts.get(t) ?? 0) + 1);
    let truePairs = 0;
    for (const c of counts.values()) truePairs += (c * (c - 1)) / 2;
    expect(correct / predicted).toBeGreaterThan(0.92);
    expect(correct / truePairs).toBeGreaterThan(0.85);
  });

  it('reports blocks too big to compare instead of comparing all their pairs', () => {
    const same = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, FirstName: 'Wei', LastName: 'Wang', City: 'Beijing' }));
    const matcher = buildMatcher(same, { maxBlockSize: 10 });
    matcher.findGroups();
    const stats = matcher.stats();
    expect(stats.records).toBe(30);
    expect(stats.comparisons).toBe(0);
    expect(stats.skippedBlocks.length).toBeGreaterThan(0);
    expect(stats.skippedBlocks[0]).toMatchObject({ size: 30 });
    expect(stats.skippedBlocks[0]!.key).toMatch(/^n\|/);
  });

  it('finds candidates for a new record, best first, for search-before-create', () => {
    const records: MatchRecord[] = [
      { id: 'x1', FirstName: 'Robert', LastName: 'Whitfield', Email: 'rw@initech.com', Company: 'Initech' },
      { id: 'x2', FirstName: 'Rebecca', LastName: 'Whitfield', Company: 'Globex' },
      ...crowd(30),
    ];
    const matcher = buildMatcher(records);
    const found = matcher.candidatesFor({ FirstName: 'Bob', LastName: 'Whitfield', Company: 'Initech LLC' }, 5);
    expect(found[0]).toMatchObject({ id: 'x1' });
    expect(found[0]!.score).toBeGreaterThan(0.5);
    expect(found.map((c) => c.id)).not.toContain('x2');
    expect(matcher.candidatesFor({ Email: 'RW@Initech.com' }, 5, 0.01)[0]?.id).toBe('x1');
  });

  it('rejects the same id twice', () => {
    expect(() => buildMatcher([{ id: 'a', LastName: 'X' }, { id: 'a', LastName: 'Y' }])).toThrow(CrmError);
  });
});

describe('account duplicates', () => {
  it('groups one company written with different legal forms, sites and phones', () => {
    const matcher = buildAccountMatcher([
      { id: 'a1', Name: 'Müller GmbH & Co. KG', Website: 'https://www.mueller-werke.de', Phone: '+49 89 1234567', BillingCity: 'München' },
      { id: 'a2', Name: 'MÜLLER', Website: 'mueller-werke.de/kontakt', BillingCity: 'Muenchen' },
      { id: 'a3', Name: 'Art’s Deli', BillingStreet: '12224 Ventura Blvd.', BillingCity: 'Studio City' },
      { id: 'a4', Name: "Art's Delicatessen", BillingStreet: '12224 Ventura Boulevard', BillingCity: 'Studio City' },
      { id: 'a5', Name: 'Ventura Dental Care', BillingStreet: '12224 Ventura Blvd.', BillingCity: 'Studio City' },
      { id: 'a6', Name: 'Acme Inc.', Phone: '555 010 0000', BillingCity: 'Boston' },
      { id: 'a7', Name: 'Globex Corporation', Phone: '555 010 0001', BillingCity: 'Boston' },
    ]);
    expect(idsOf(matcher.findGroups())).toEqual([['a1', 'a2'], ['a3', 'a4']]);
  });
});
