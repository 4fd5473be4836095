import { describe, expect, it } from 'vitest';
import { buildMatcher, type FieldEvidence, type MatchPair, type MatchRecord } from '../../../src/core/dedup/index.js';

/** Unrelated people, so term frequencies come from a data set and not from the two records alone. */
const BACKGROUND: MatchRecord[] = [
  ['Anna', 'Kalniņa', 'Rīga'], ['Peter', 'Wright', 'Boston'], ['Maria', 'Silva', 'Porto'], ['Juha', 'Korhonen', 'Espoo'],
  ['Sigrún', 'Einarsdóttir', 'Reykjavík'], ['Carlos', 'Pérez', 'Madrid'], ['Wei', 'Zhang', 'Beijing'], ['Laura', 'Ozola', 'Cēsis'],
  ['Thomas', 'Becker', 'Köln'], ['Sofia', 'Costa', 'Lisboa'], ['Mikko', 'Virtanen', 'Tampere'], ['Grace', 'Turner', 'Denver'],
].map(([FirstName, LastName, City], i) => ({ id: `bg${i}`, FirstName, LastName, City }));

const matcher = buildMatcher(BACKGROUND);
const compare = (a: Omit<MatchRecord, 'id'>, b: Omit<MatchRecord, 'id'>): MatchPair => matcher.comparePair({ id: 'a', ...a }, { id: 'b', ...b });
const field = (pair: MatchPair, name: string): FieldEvidence => {
  const found = pair.evidence.find((e) => e.field === name);
  if (!found) throw new Error(`no evidence for ${name}: ${JSON.stringify(pair.evidence)}`);
  return found;
};

describe('field comparison rules', () => {
  it('first names: nicknames count as strong agreement', () => {
    const pair = compare({ FirstName: 'Bob', LastName: 'Whitfield', Company: 'Initech' }, { FirstName: 'Robert', LastName: 'Whitfield', Company: 'Initech LLC' });
    expect(field(pair, 'FirstName')).toMatchObject({ comparison: 'nickname Bob=Robert', agreement: 'strong' });
    expect(field(pair, 'FirstName').weight).toBeGreaterThan(3);
    expect(pair.score).toBeGreaterThan(0.5);
    expect(field(compare({ FirstName: 'Liz', LastName: 'Hartley' }, { FirstName: 'Elizabeth', LastName: 'Hartley' }), 'FirstName').comparison).toBe('nickname Liz=Elizabeth');
    expect(field(compare({ FirstName: 'Sepp', LastName: 'Huber' }, { FirstName: 'Josef', LastName: 'Huber' }), 'FirstName').agreement).toBe('strong');
  });

  it('first names: an initial fits the name and its nicknames, a different initial disagrees', () => {
    const fits = compare({ FirstName: 'J.', LastName: 'Smith', Email: 'jsmith@initech.com' }, { FirstName: 'John', LastName: 'Smith', Email: 'JSmith@initech.com' });
    expect(field(fits, 'FirstName')).toMatchObject({ comparison: 'initial', agreement: 'weak' });
    expect(fits.score).toBeGreaterThan(0.9);
    expect(field(compare({ FirstName: 'B.', LastName: 'Smith' }, { FirstName: 'William', LastName: 'Smith' }), 'FirstName').agreement).toBe('weak');
    expect(field(compare({ FirstName: 'K.', LastName: 'Smith' }, { FirstName: 'John', LastName: 'Smith' }), 'FirstName').agreement).toBe('disagree');
  });

  it('first names: typos are strong, different names that look alike are not', () => {
    expect(field(compare({ FirstName: 'Heikki', LastName: 'Laine' }, { FirstName: 'Heikik', LastName: 'Laine' }), 'FirstName').agreement).toBe('strong');
    expect(field(compare({ FirstName: 'Maria', LastName: 'Costa' }, { FirstName: 'Mariana', LastName: 'Costa' }), 'FirstName').agreement).toBe('weak');
  });

  it('recognises first and last names written the other way round', () => {
    const pair = compare({ FirstName: 'Kalniņš', LastName: 'Edgars', MobilePhone: '+371 2912 3456' }, { FirstName: 'Edgars', LastName: 'Kalniņš', MobilePhone: '29123456' });
    expect(field(pair, 'FirstName').comparison).toBe('swap');
    expect(field(pair, 'LastName').comparison).toBe('swap');
    expect(pair.score).toBeGreaterThan(0.9);
  });

  it('last names: Meyer, Maier and Mayer sound alike; a one-letter typo is strong', () => {
    const pair = compare({ FirstName: 'Klaus', LastName: 'Meyer', City: 'Köln' }, { FirstName: 'Klaus', LastName: 'Maier', City: 'Koeln' });
    expect(field(pair, 'LastName')).toMatchObject({ comparison: 'phonetic MR', agreement: 'weak' });
    expect(field(compare({ FirstName: 'Klaus', LastName: 'Mayer' }, { FirstName: 'Klaus', LastName: 'Meier' }), 'LastName').comparison).toBe('phonetic MR');
    expect(field(compare({ FirstName: 'Ana', LastName: 'Ferreira' }, { FirstName: 'Ana', LastName: 'Ferriera' }), 'LastName').agreement).toBe('strong');
    // Two edits apart are two families, not a typo.
    expect(field(compare({ FirstName: 'Ana', LastName: 'Ferreira' }, { FirstName: 'Ana', LastName: 'Pereira' }), 'LastName').agreement).not.toBe('strong');
  });

  it('names with and without diacritics are the same name', () => {
    const lv = compare({ FirstName: 'Jānis', LastName: 'Bērziņš' }, { FirstName: 'Janis', LastName: 'Berzins' });
    expect(field(lv, 'FirstName').agreement).toBe('exact');
    expect(field(lv, 'LastName').agreement).toBe('exact');
    const is = compare({ FirstName: 'Sigríður', LastName: 'Þórsdóttir' }, { FirstName: 'Sigridur', LastName: 'Thorsdottir' });
    expect(field(is, 'LastName').agreement).toBe('exact');
    expect(is.score).toBeGreaterThan(0.5);
  });

  it('Chinese names in Han characters meet their pinyin (王伟 = Wang Wei, 曾 read as a surname)', () => {
    const pair = compare({ FirstName: '伟', LastName: '王', City: '北京' }, { FirstName: 'Wei', LastName: 'Wang', City: 'Beijing' });
    expect(field(pair, 'FirstName').agreement).toBe('exact');
    expect(field(pair, 'LastName').agreement).toBe('exact');
    expect(field(pair, 'City').agreement).toBe('exact');
    expect(field(compare({ LastName: '曾' }, { LastName: 'Zeng' }), 'LastName').agreement).toBe('exact');
  });

  it('names in other scripts without a romanisation are not compared (blank), so an e-mail can still match', () => {
    const pair = compare({ FirstName: 'Иван', LastName: 'Петров', Email: 'ivan.petrov@example.ru' }, { FirstName: 'Ivan', LastName: 'Petrov', Email: 'Ivan.Petrov@example.ru' });
    expect(field(pair, 'FirstName').agreement).toBe('blank');
    expect(field(pair, 'LastName').agreement).toBe('blank');
    expect(field(pair, 'Email').agreement).toBe('exact');
    expect(pair.score).toBeGreaterThan(0.5);
  });

  it('e-mail: same address in another case is exact; a numbered mailbox is someone else', () => {
    expect(field(compare({ LastName: 'Doe', Email: 'J.Doe@Example.com' }, { LastName: 'Doe', Email: 'j.doe@example.COM' }), 'Email').agreement).toBe('exact');
    expect(field(compare({ LastName: 'Doe', Email: 'john.doe@acme.com' }, { LastName: 'Doe', Email: 'john.doe@gmail.com' }), 'Email').comparison).toBe('local part');
    const numbered = compare({ FirstName: 'José', LastName: 'García', Email: 'jose.garcia@naranjas.es' }, { FirstName: 'José', LastName: 'García', Email: 'jose.garcia2@naranjas.es' });
    expect(field(numbered, 'Email')).toMatchObject({ agreement: 'disagree', comparison: 'different (same company domain)' });
    expect(field(numbered, 'Email').weight).toBeLessThan(-3);
  });

  it('phones agree whatever the formatting, with or without country code', () => {
    const pair = compare({ LastName: 'Ozola', MobilePhone: '+371 2912 3456' }, { LastName: 'Ozola', MobilePhone: '29 123 456' });
    expect(field(pair, 'Phone')).toMatchObject({ comparison: 'digits (mobile)', agreement: 'exact' });
    const de = compare({ LastName: 'Becker', Phone: '+49 (0)30 1234567' }, { LastName: 'Becker', Phone: '030-1234567' });
    expect(field(de, 'Phone').agreement).toBe('exact');
    expect(field(compare({ LastName: 'Becker', Phone: '030 1234567' }, { LastName: 'Becker', Phone: '030 7654321' }), 'Phone').agreement).toBe('disagree');
  });

  it('companies agree without legal suffixes, punctuation and case', () => {
    expect(field(compare({ LastName: 'Weber', Company: 'Müller GmbH & Co. KG' }, { LastName: 'Weber', Company: 'MUELLER' }), 'Company').agreement).not.toBe('exact');
    expect(field(compare({ LastName: 'Weber', Company: 'Müller GmbH & Co. KG' }, { LastName: 'Weber', Company: 'müller' }), 'Company')).toMatchObject({ comparison: 'company key', agreement: 'exact' });
    expect(field(compare({ LastName: 'Ozola', Company: 'SIA Rīgas Ūdens' }, { LastName: 'Ozola', Company: 'Rigas Udens' }), 'Company').agreement).toBe('exact');
    expect(field(compare({ LastName: 'Li', Company: '华为技术有限公司' }, { LastName: 'Li', Company: '华为技术' }), 'Company').agreement).toBe('exact');
  });

  it('addresses and cities compare by edit distance after abbreviations', () => {
    const pair = compare({ LastName: 'Turner', Street: '12 Main Street', City: 'Boston' }, { LastName: 'Turner', Street: '12 Main St.', City: 'Bostn' });
    expect(field(pair, 'Street').agreement).toBe('exact');
    expect(field(pair, 'City').agreement).toBe('strong');
    expect(field(compare({ LastName: 'Turner', Street: '12 Main Street' }, { LastName: 'Turner', Street: '14 Main Street' }), 'Street').agreement).toBe('disagree');
  });

  it('blank fields never count as agreement', () => {
    const pair = compare({ FirstName: 'Grace', LastName: 'Turner' }, { FirstName: 'Grace', LastName: 'Turner', Email: 'grace@x.com', Phone: '555 123 4567' });
    for (const name of ['Email', 'Phone', 'Company', 'Street', 'City', 'PostalCode', 'Birthdate']) {
      expect(field(pair, name)).toMatchObject({ agreement: 'blank', weight: 0 });
    }
    const empty = compare({ Email: '', Phone: '  ' }, { Email: null, Phone: null });
    expect(empty.evidence.every((e) => e.agreement === 'blank' && e.weight === 0)).toBe(true);
    expect(empty.score).toBeLessThan(0.01);
  });

  it('different birth dates and generation markers speak against a match', () => {
    const dob = compare({ FirstName: 'Wei', LastName: 'Zhang', Birthdate: '1970-03-01' }, { FirstName: 'Wei', LastName: 'Zhang', Birthdate: '23.11.1988' });
    expect(field(dob, 'Birthdate').agreement).toBe('disagree');
    expect(dob.score).toBeLessThan(0.05);
    expect(field(compare({ LastName: 'Zhang', Birthdate: '1970-03-01' }, { LastName: 'Zhang', Birthdate: '1970-03-07' }), 'Birthdate').agreement).toBe('strong');
    expect(field(compare({ LastName: 'Zhang', Birthdate: '1970-03-01' }, { LastName: 'Zhang', Birthdate: '01.03.1970' }), 'Birthdate').agreement).toBe('exact');
    const jr = compare({ FirstName: 'Robert', LastName: 'Miller', Street: '5 Oak Road' }, { FirstName: 'Robert', LastName: 'Miller Jr.', Street: '5 Oak Road' });
    expect(field(jr, 'Generation').weight).toBeLessThan(-10);
  });

  it('scores are symmetric', () => {
    const a = { id: 'x', FirstName: 'Bob', LastName: 'Smyth', Phone: '+1 555 123 4567', Company: 'Acme Inc.' };
    const b = { id: 'y', FirstName: 'Robert', LastName: 'Smith', MobilePhone: '(555) 123-4567', Company: 'ACME' };
    expect(matcher.comparePair(a, b).score).toBe(matcher.comparePair(b, a).score);
  });
});
