import { describe, expect, it } from 'vitest';
import { areNicknames, digitsKey, emailKey, fold, jaroWinkler, nicknamePairCount } from '../../../src/core/dedup/index.js';
import { dateKey, domainKey, givenNameParts, streetKey, surnameParts } from '../../../src/core/dedup/normalize.js';
import { phonetic, phoneticAgree } from '../../../src/core/dedup/similarity.js';

describe('value keys for matching', () => {
  it('folds diacritics and transliterates letters that do not decompose', () => {
    expect(fold('Bērziņš')).toBe('berzins');
    expect(fold('Þórsdóttir')).toBe('thorsdottir');
    expect(fold('Guðmundur')).toBe('gudmundur');
    expect(fold('Søren Æbeltoft')).toBe('soren aebeltoft');
    expect(fold('Müller-Groß')).toBe('muller-gross');
    expect(fold('王伟')).toBe('王伟');
  });

  it('splits given names from honorifics and generation markers', () => {
    expect(givenNameParts('Dr. John Jr.')).toEqual({ full: 'john', first: 'john', generation: 'jr', initialOnly: false });
    expect(givenNameParts('J.')).toMatchObject({ first: 'j', initialOnly: true });
    expect(givenNameParts('Jean-Pierre')).toMatchObject({ full: 'jeanpierre', first: 'jean' });
    expect(surnameParts('Smith III')).toEqual({ key: 'smith', generation: 'iii' });
    expect(surnameParts("O'Brien")).toEqual({ key: 'obrien', generation: '' });
  });

  it('normalises e-mail addresses: case, +tags, Gmail dots', () => {
    expect(emailKey(' John.Doe+crm@GMail.com ')).toBe('johndoe@gmail.com');
    expect(emailKey('J.Doe@Example.COM')).toBe('j.doe@example.com');
    expect(emailKey('not an address')).toBe('');
  });

  it('reduces phone numbers to their last nine digits whatever the format', () => {
    expect(digitsKey('+49 30 1234567')).toBe(digitsKey('030 1234567'));
    expect(digitsKey('+371 2912 3456')).toBe('129123456');
    expect(digitsKey('(555) 123-4567 ext. 12')).toBe('551234567');
    expect(digitsKey('0044 20 7946 0958')).toBe(digitsKey('+44 (0)20 7946 0958'));
    expect(digitsKey('112')).toBe('');
  });

  it('reads birth dates written day-first or ISO', () => {
    expect(dateKey('1981-02-13')).toBe('19810213');
    expect(dateKey('13.02.1981')).toBe('19810213');
    expect(dateKey('19810213')).toBe('19810213');
    expect(dateKey('soon')).toBe('');
  });

  it('shortens street types and web sites to comparable keys', () => {
    expect(streetKey('12 Main Street')).toBe(streetKey('12 main st.'));
    expect(streetKey('Hauptstraße 5')).toBe(streetKey('Hauptstr. 5'));
    expect(domainKey('https://www.Acme.com/about')).toBe('acme.com');
  });

  it('computes standard Jaro-Winkler values, symmetric in its arguments', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    // The prefix bonus stops at four characters (a maintained package counts five).
    expect(jaroWinkler('abcdx', 'abcdy')).toBeCloseTo(0.92, 4);
    expect(jaroWinkler('', 'a')).toBe(0);
    expect(jaroWinkler('crate', 'trace')).toBe(jaroWinkler('trace', 'crate'));
  });

  it('hears Meyer, Maier and Mayer as one name', () => {
    expect(phoneticAgree(phonetic('meyer'), phonetic('maier'))).toBe(true);
    expect(phoneticAgree(phonetic('mayer'), phonetic('meier'))).toBe(true);
    expect(phoneticAgree(phonetic('meyer'), phonetic('miller'))).toBe(false);
  });

  it('knows 150+ nickname pairs in English and European languages', () => {
    expect(nicknamePairCount()).toBeGreaterThanOrEqual(150);
    for (const [a, b] of [['bob', 'robert'], ['liz', 'elizabeth'], ['peggy', 'margaret'], ['hans', 'johannes'], ['sepp', 'josef'], ['ze', 'jose'], ['paco', 'francisco'], ['jukka', 'juha']]) {
      expect(areNicknames(a!, b!), `${a}/${b}`).toBe(true);
    }
    expect(areNicknames('robert', 'william')).toBe(false);
    expect(areNicknames('maria', 'mariana')).toBe(false);
  });
});
