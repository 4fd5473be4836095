import { describe, expect, it } from 'vitest';
import { cleanNamePart, salutationFor, splitPersonName } from '../../../src/core/clean/names.js';

describe('splitPersonName', () => {
  it.each([
    // English, with titles and suffixes
    ['Dr. Hans-Peter van der Berg Jr.', { Salutation: 'Dr.', FirstName: 'Hans-Peter', LastName: 'van der Berg', Suffix: 'Jr.' }],
    ['Mr. John Paul Smith', { Salutation: 'Mr.', FirstName: 'John', MiddleName: 'Paul', LastName: 'Smith' }],
    ['Mrs Jane Doe', { Salutation: 'Mrs.', FirstName: 'Jane', LastName: 'Doe' }],
    ['Ms. Jane Doe III', { Salutation: 'Ms.', FirstName: 'Jane', LastName: 'Doe', Suffix: 'III' }],
    ['John Smith, Jr., PhD', { FirstName: 'John', LastName: 'Smith', Suffix: 'Jr., PhD' }],
    ['Jane Roe MD', { FirstName: 'Jane', LastName: 'Roe', Suffix: 'MD' }],
    ['Robert Brown Esq.', { FirstName: 'Robert', LastName: 'Brown', Suffix: 'Esq.' }],
    ['Rev. Martin Luther King Jr.', { Honorific: 'Rev.', FirstName: 'Martin', MiddleName: 'Luther', LastName: 'King', Suffix: 'Jr.' }],
    ['Sir Elton John', { Honorific: 'Sir', FirstName: 'Elton', LastName: 'John' }],
    // "Last, First Middle"
    ['Smith, John Paul', { FirstName: 'John', MiddleName: 'Paul', LastName: 'Smith' }],
    ['Smith Jr., John', { FirstName: 'John', LastName: 'Smith', Suffix: 'Jr.' }],
    ['Bērziņš, Jānis', { FirstName: 'Jānis', LastName: 'Bērziņš' }],
    ['van der Berg, Anna', { FirstName: 'Anna', LastName: 'van der Berg' }],
    // German, French, Nordic, Baltic titles
    ['Herr Prof. Dr. Hans Müller', { Salutation: 'Prof.', Honorific: 'Herr Dr.', FirstName: 'Hans', LastName: 'Müller' }],
    ['Frau Anna Schmidt', { Salutation: 'Ms.', FirstName: 'Anna', LastName: 'Schmidt' }],
    ['Herr Müller', { Salutation: 'Mr.', LastName: 'Müller' }],
    ['Mme Élise Dupont', { Salutation: 'Mrs.', FirstName: 'Élise', LastName: 'Dupont' }],
    ['M. Jean Dupont', { Salutation: 'Mr.', FirstName: 'Jean', LastName: 'Dupont' }],
    ['Kungs Jānis Bērziņš', { Salutation: 'Mr.', FirstName: 'Jānis', LastName: 'Bērziņš' }],
    ['Kundze Anna Ozola', { Salutation: 'Ms.', FirstName: 'Anna', LastName: 'Ozola' }],
    ['Herra Matti Virtanen', { Salutation: 'Mr.', FirstName: 'Matti', LastName: 'Virtanen' }],
    ['Rouva Liisa Korhonen', { Salutation: 'Mrs.', FirstName: 'Liisa', LastName: 'Korhonen' }],
    ['Fru Anna Andersson', { Salutation: 'Mrs.', FirstName: 'Anna', LastName: 'Andersson' }],
    ['Hr. Lars Hansen', { Salutation: 'Mr.', FirstName: 'Lars', LastName: 'Hansen' }],
    // Iberian
    ['Sr. João Silva', { Salutation: 'Mr.', FirstName: 'João', LastName: 'Silva' }],
    ['Dña. Carmen Ruiz', { Salutation: 'Ms.', FirstName: 'Carmen', LastName: 'Ruiz' }],
    ['Maria da Silva Santos', { FirstName: 'Maria', LastName: 'da Silva Santos' }],
    ['João Pedro dos Santos', { FirstName: 'João', MiddleName: 'Pedro', LastName: 'dos Santos' }],
    ['José Ortega y Gasset', { FirstName: 'José', LastName: 'Ortega y Gasset' }],
    // Particles
    ['Ludwig van Beethoven', { FirstName: 'Ludwig', LastName: 'van Beethoven' }],
    ['Jan De Vries', { FirstName: 'Jan', LastName: 'De Vries' }],
    ['Ursula von der Leyen', { FirstName: 'Ursula', LastName: 'von der Leyen' }],
    ['Mary St. John', { FirstName: 'Mary', LastName: 'St. John' }],
    ['Leonardo di Caprio', { FirstName: 'Leonardo', LastName: 'di Caprio' }],
    // Icelandic patronymics
    ['Guðrún Þórsdóttir', { FirstName: 'Guðrún', LastName: 'Þórsdóttir' }],
    ['Guðrún Helga Þórsdóttir', { FirstName: 'Guðrún', MiddleName: 'Helga', LastName: 'Þórsdóttir' }],
    ['Jón Einarsson', { FirstName: 'Jón', LastName: 'Einarsson' }],
    // Chinese, Korean, Japanese script
    ['王伟', { LastName: '王', FirstName: '伟' }],
    ['李小龙', { LastName: '李', FirstName: '小龙' }],
    ['欧阳娜娜', { LastName: '欧阳', FirstName: '娜娜' }],
    ['司马光', { LastName: '司马', FirstName: '光' }],
    ['歐陽修', { LastName: '歐陽', FirstName: '修' }],
    ['王 伟', { LastName: '王', FirstName: '伟' }],
    ['约翰·史密斯', { FirstName: '约翰', LastName: '史密斯' }],
    ['김민준', { LastName: '김', FirstName: '민준' }],
    ['남궁민', { LastName: '남궁', FirstName: '민' }],
    ['田中太郎', { LastName: '田中', FirstName: '太郎' }],
    // Titles after CJK names
    ['王伟先生', { Salutation: 'Mr.', LastName: '王', FirstName: '伟' }],
    ['李女士', { Salutation: 'Ms.', LastName: '李' }],
    ['张教授', { Salutation: 'Prof.', LastName: '张' }],
    ['田中様', { Honorific: '様', LastName: '田中' }],
    ['김민준 씨', { Honorific: '씨', LastName: '김', FirstName: '민준' }],
    // Nicknames and addresses next to the name
    ['William "Bill" Gates', { Nickname: 'Bill', FirstName: 'William', LastName: 'Gates' }],
    ['Robert (Bob) Smith Jr.', { Nickname: 'Bob', FirstName: 'Robert', LastName: 'Smith', Suffix: 'Jr.' }],
    ['Johann „Hansi“ Müller', { Nickname: 'Hansi', FirstName: 'Johann', LastName: 'Müller' }],
    ['王伟 (David)', { Nickname: 'David', LastName: '王', FirstName: '伟' }],
    ['Jane Doe <jane@example.com>', { FirstName: 'Jane', LastName: 'Doe' }],
    // One word, case fixes
    ['Madonna', { LastName: 'Madonna' }],
    ['王', { LastName: '王' }],
    ['JOHN MCDONALD', { FirstName: 'John', LastName: 'McDonald' }],
    ["mary o'brien", { FirstName: 'Mary', LastName: "O'Brien" }],
    ['Dr. JOHN SMITH', { Salutation: 'Dr.', FirstName: 'John', LastName: 'Smith' }],
    ['ANNE-MARIE LEBLANC', { FirstName: 'Anne-Marie', LastName: 'Leblanc' }],
    // Mixed case is how the admin wrote it (French lists capitalise the surname): kept.
    ['  Anne-Marie   LEBLANC ', { FirstName: 'Anne-Marie', LastName: 'LEBLANC' }],
  ])('%s', (full, expected) => {
    expect(splitPersonName(full)).toEqual(expected);
  });

  it('keeps "M." as an initial when only a surname follows, and names that look like titles as names', () => {
    expect(splitPersonName('M. Dupont')).toEqual({ FirstName: 'M.', LastName: 'Dupont' });
    expect(splitPersonName('Don Johnson')).toEqual({ FirstName: 'Don', LastName: 'Johnson' });
    expect(splitPersonName('Sen Gupta')).toEqual({ FirstName: 'Sen', LastName: 'Gupta' });
  });

  it('reads family-first order when asked (Hungarian, romanised Chinese) but not for Icelandic patronymics', () => {
    expect(splitPersonName('Wang Wei', { order: 'family-first' })).toEqual({ LastName: 'Wang', FirstName: 'Wei' });
    expect(splitPersonName('Nagy János Péter', { order: 'family-first' })).toEqual({ LastName: 'Nagy', FirstName: 'János', MiddleName: 'Péter' });
    expect(splitPersonName('Guðrún Þórsdóttir', { order: 'family-first' })).toEqual({ FirstName: 'Guðrún', LastName: 'Þórsdóttir' });
  });

  it('takes the last two words as surnames for Spanish/Portuguese double surnames', () => {
    expect(splitPersonName('Sra. Ana María García López', { doubleSurname: true })).toEqual({ Salutation: 'Mrs.', FirstName: 'Ana', MiddleName: 'María', LastName: 'García López' });
    expect(splitPersonName('Gabriel García Márquez', { doubleSurname: true })).toEqual({ FirstName: 'Gabriel', LastName: 'García Márquez' });
    expect(splitPersonName('Maria da Silva Santos', { doubleSurname: true })).toEqual({ FirstName: 'Maria', LastName: 'da Silva Santos' });
    expect(splitPersonName('Gabriel García Márquez')).toEqual({ FirstName: 'Gabriel', MiddleName: 'García', LastName: 'Márquez' });
  });

  it('is not fooled by words that are names of object properties', () => {
    expect(splitPersonName('Constructor Smith')).toEqual({ FirstName: 'Constructor', LastName: 'Smith' });
    expect(splitPersonName('John toString')).toEqual({ FirstName: 'John', LastName: 'toString' });
    expect(splitPersonName('__proto__ Smith')).toEqual({ FirstName: '__proto__', LastName: 'Smith' });
    expect(salutationFor('constructor')).toBeUndefined();
  });

  it('returns nothing for empty input', () => {
    expect(splitPersonName('')).toEqual({});
    expect(splitPersonName('   ')).toEqual({});
    expect(splitPersonName(null)).toEqual({});
  });
});

describe('cleanNamePart', () => {
  it.each([
    ['VAN DER BERG', 'van der Berg'],
    ['MACDONALD', 'MacDonald'],
    ['MCKENZIE-SMITH', 'McKenzie-Smith'],
    ['MACHADO', 'Machado'],
    ['MACK', 'Mack'],
    ["D'ANGELO", "D'Angelo"],
    ["GISCARD D'ESTAING", "Giscard d'Estaing"],
    ["o'neill", "O'Neill"],
    ['ÞÓRSDÓTTIR', 'Þórsdóttir'],
    ['jānis', 'Jānis'],
    ['BĒRZIŅŠ', 'Bērziņš'],
    ['ÅSA STRÖM', 'Åsa Ström'],
    ['anna-lena', 'Anna-Lena'],
    ['j', 'J'],
    ['DE', 'De'],
    ['DA SILVA', 'da Silva'],
    // Mixed case is the admin's choice: kept.
    ['deWitt', 'deWitt'],
    ['McKenzie', 'McKenzie'],
    ['LeBlanc', 'LeBlanc'],
    ['van Gogh', 'van Gogh'],
    // Scripts without case: kept.
    ['王伟', '王伟'],
    ['  Anna   Maria ', 'Anna Maria'],
  ])('%s → %s', (raw, expected) => {
    expect(cleanNamePart(raw)).toBe(expected);
  });

  it('gives null for empty text', () => {
    expect(cleanNamePart(' \u200B ')).toBeNull();
  });
});

describe('salutationFor', () => {
  it.each([
    ['Mr', 'Mr.'], ['herr', 'Mr.'], ['Kungs', 'Mr.'], ['Herra', 'Mr.'], ['Sr.', 'Mr.'],
    ['Mme', 'Mrs.'], ['Sra.', 'Mrs.'], ['Rouva', 'Mrs.'], ['Frau', 'Ms.'], ['Kundze', 'Ms.'], ['Miss', 'Ms.'], ['Mlle', 'Ms.'],
    ['Dr', 'Dr.'], ['Dra.', 'Dr.'], ['Prof', 'Prof.'], ['Professor', 'Prof.'], ['Mx.', 'Mx.'],
  ])('%s → %s', (title, value) => {
    expect(salutationFor(title)).toBe(value);
  });

  it('has no picklist value for other titles', () => {
    expect(salutationFor('Rev.')).toBeUndefined();
    expect(salutationFor('Sir')).toBeUndefined();
    expect(salutationFor('Anna')).toBeUndefined();
  });
});
