import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NAME_PARTS, SPLITTERS } from '../../../../src/core/import/mapping/types.js';
import { SOURCE_KINDS } from '../../../../src/core/import/sources/index.js';
import { compactKey, foldHeader, headerKey } from '../../../../src/core/import/sources/normalize.js';
import { OUTLOOK_COM_HEADERS, OUTLOOK_EN, OUTLOOK_LANGUAGES } from '../../../../src/core/import/sources/outlook.js';
import { SYNONYMS } from '../../../../src/core/import/sources/synonyms.js';

describe('header tables', () => {
  it('header keys ignore case, accents, NBSP, trailing spaces and punctuation', () => {
    expect(foldHeader('  Société\u00a0')).toBe('société');
    expect(headerKey('Société ')).toBe('societe');
    expect(headerKey('Phone Ext.')).toBe(headerKey('Phone Ext-'));
    expect(headerKey('E-MAIL  Address')).toBe('e mail address');
    expect(headerKey('Straße geschäftlich')).toBe('strasse geschaftlich');
    expect(headerKey('Ｅメール')).toBe('eメール');
    expect(headerKey('姓')).toBe('姓');
    expect(compactKey('E-Mail-Adresse')).toBe('emailadresse');
  });

  it('English desktop Outlook has its 92 columns and Outlook.com its 61', () => {
    expect(OUTLOOK_EN).toHaveLength(92);
    expect(new Set(OUTLOOK_EN.map(([h]) => headerKey(h))).size).toBe(92);
    expect(OUTLOOK_COM_HEADERS).toHaveLength(61);
  });

  it('within one Outlook language a header means one thing, except by occurrence (French "Titre")', () => {
    for (const [language, table] of Object.entries(OUTLOOK_LANGUAGES)) {
      const roles = new Map<string, Set<string | null>>();
      for (const [header, role] of table) roles.set(headerKey(header), (roles.get(headerKey(header)) ?? new Set()).add(role));
      const repeated = [...roles].filter(([, r]) => r.size > 1).map(([k]) => k);
      expect({ language, repeated }).toEqual({ language, repeated: language === 'fr' ? ['titre'] : [] });
    }
  });

  it('no synonym is listed for two meanings', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [role, words] of Object.entries(SYNONYMS)) {
      for (const word of words) {
        const previous = seen.get(headerKey(word));
        if (previous !== undefined && previous !== role) clashes.push(`${word}: ${previous} / ${role}`);
        seen.set(headerKey(word), role);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('schemas/mapping.schema.json agrees with the code on sources, splitters and name parts', () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../schemas/mapping.schema.json', import.meta.url)), 'utf8'));
    expect(schema.properties.source.enum).toEqual([...SOURCE_KINDS]);
    const split = schema.properties.splits.items.properties;
    expect(split.splitter.enum).toEqual(Object.keys(SPLITTERS));
    expect(Object.keys(split.into.properties)).toEqual([...NAME_PARTS]);
  });
});
