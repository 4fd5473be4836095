import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMapping, parseMapping, saveMapping } from '../../../../src/core/import/mapping/file.js';
import { suggestMapping } from '../../../../src/core/import/mapping/suggest.js';
import type { ColumnRef, FieldRule, Mapping } from '../../../../src/core/import/mapping/types.js';
import { mappableField, validateMapping } from '../../../../src/core/import/mapping/validate.js';
import { detectSource } from '../../../../src/core/import/sources/index.js';
import { CONTACT, STANDARD_OBJECTS } from '../../../../src/core/schema/standard-objects.js';
import { isCrmError, type CrmError } from '../../../../src/core/errors.js';
import { tempDir } from '../../../helpers/org.js';
import { readFixture } from './fixture.js';

describe('validateMapping', () => {
  it('reports every problem at once as path: message', () => {
    const headers = ['Mail', 'Company', 'E-mail Type', 'Contact'];
    const check = validateMapping(
      {
        version: 2,
        object: 'Contact',
        colour: 'blue',
        fields: {
          Foo: 'Mail',
          Email: 'E-mail',
          Phone: { join: [], firstOf: ['x'] },
          Id: 'Mail',
          'Account.Name': { column: 'Company', exchangeTypeColumn: 'E-mail Type' },
          LeadSource: { constant: 7 },
        },
        splits: [{ column: 'Contact', splitter: 'initials', into: { first: 'Nope', given: 'FirstName' } }],
        ignore: ['Hobby', ''],
      },
      STANDARD_OBJECTS,
      headers,
    );
    expect(check.mapping).toBeUndefined();
    expect(check.problems).toEqual([
      'colour: unknown property',
      'version: must be 1',
      'fields.Foo: Contact has no field Foo',
      'fields.Email: column "E-mail" is not in the file',
      'fields.Phone: needs exactly one of column, join, firstOf, constant (found join, firstOf)',
      'fields.Id: Contact.Id is set by the system and cannot be imported',
      'fields.Account.Name: exchangeTypeColumn and displayNameColumn go together',
      'fields.LeadSource.constant: must be text',
      'splits[0].splitter: must be one of: name',
      'splits[0].into.first: Contact has no field Nope',
      'splits[0].into.given: unknown part (the name splitter gives: salutation, first, middle, last, suffix)',
      'ignore[1]: must be a column name',
    ]);
  });

  it('checks the object, pseudo-fields per object and rule shapes', () => {
    expect(validateMapping({ version: 1, object: 'Widget', fields: {} }, STANDARD_OBJECTS).problems).toEqual([
      'object: there is no object Widget (use one of: User, Account, Contact, Lead, Opportunity, OpportunityContactRole, Task)',
    ]);
    expect(validateMapping({ version: 1, object: 'lead', fields: { 'Account.Name': 'Firm' } }, STANDARD_OBJECTS).problems).toEqual([
      'object: write the API name "Lead"',
      'fields.Account.Name: Lead has no Account to link (Account.Name is for contacts)',
    ]);
    expect(validateMapping({ version: 1, object: 'Contact', fields: { Email: { firstOf: [{ column: 'A', colour: 1 }], labels: 'x' }, Title: 5, Department: { join: ['a'], exchangeTypeColumn: 'b' } } }, STANDARD_OBJECTS).problems).toEqual([
      'fields.Email.firstOf[0].colour: unknown property',
      'fields.Email.labels: must be a list of labels',
      'fields.Title: must be a column name, "=constant", or a rule object',
      'fields.Department.exchangeTypeColumn: not allowed with join',
    ]);
    expect(validateMapping([], STANDARD_OBJECTS).problems).toEqual(['(root): a mapping must be a JSON object']);
    expect(mappableField(CONTACT, 'Owner')).toEqual({ ok: true });
  });

  it('a "__proto__" key is reported, never merged into an object prototype', () => {
    const parsed = JSON.parse('{"version":1,"object":"Contact","fields":{"__proto__":"Mail","Email":"Mail"},"splits":[{"column":"Mail","splitter":"name","into":{"__proto__":"LastName"}}]}');
    expect(validateMapping(parsed, STANDARD_OBJECTS).problems).toEqual([
      'fields.__proto__: Contact has no field __proto__',
      'splits[0].into.__proto__: unknown part (the name splitter gives: salutation, first, middle, last, suffix)',
    ]);
    expect(({} as Record<string, unknown>).Mail).toBeUndefined();
  });

  it('accepts a column named by occurrence (Titre#2) only when the file has that many', () => {
    const headers = ['Titre', 'Prénom', 'Titre'];
    expect(validateMapping({ version: 1, object: 'Contact', fields: { Title: 'Titre#2' } }, STANDARD_OBJECTS, headers).problems).toEqual([]);
    expect(validateMapping({ version: 1, object: 'Contact', fields: { Title: 'Titre#3' } }, STANDARD_OBJECTS, headers).problems).toEqual(['fields.Title: column "Titre#3" is not in the file']);
  });
});

describe('saveMapping / loadMapping', () => {
  it('round-trips the suggestion for every fixture unchanged', async () => {
    const dir = tempDir();
    const cases: Array<[string, string, string]> = [
      ['outlook-english-exchange-contact.csv', 'utf-8', ','],
      ['outlook-french-trailing-spaces.csv', 'windows-1252', ','],
      ['google-new-sparse.csv', 'utf-8', ','],
      ['act-text-hyphen-periods.txt', 'windows-1252', '\t'],
    ];
    for (const [fixture, encoding, delimiter] of cases) {
      const { headers } = readFixture(fixture, encoding, delimiter);
      const found = detectSource(headers, 'csv');
      const { mapping } = suggestMapping(headers, CONTACT, found.source, found.language ? { language: found.language } : {});
      const file = join(dir, `${fixture}.json`);
      await saveMapping(file, mapping);
      expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
      expect(await loadMapping(file, STANDARD_OBJECTS, headers)).toEqual(mapping);
    }
  });

  it('a broken file is BAD_INPUT_FILE listing every problem; bad JSON says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'mapping.json');
    writeFileSync(file, JSON.stringify({ version: 1, object: 'Contact', fields: { Email: 'Mail', Nope: 'E-mail' } }));
    const error = (await loadMapping(file, STANDARD_OBJECTS, ['E-mail']).catch((e: unknown) => e)) as CrmError;
    expect(isCrmError(error) && error.code).toBe('BAD_INPUT_FILE');
    expect((error as CrmError).details?.problems).toEqual(['fields.Email: column "Mail" is not in the file', 'fields.Nope: Contact has no field Nope']);
    expect((error as CrmError).message).toContain('has 2 problems');
    expect(() => parseMapping('{"version": 1,', 'm.json', STANDARD_OBJECTS)).toThrow(/m\.json is not valid JSON/);
    const missing = (await loadMapping(join(dir, 'absent.json'), STANDARD_OBJECTS).catch((e: unknown) => e)) as CrmError;
    expect(missing.code).toBe('USAGE');
  });

  it('property: any valid mapping survives save → load unchanged', async () => {
    const dir = tempDir();
    const fields = CONTACT.fields.filter((f) => mappableField(CONTACT, f.name).ok).map((f) => f.name).concat(['Account.Name', 'Owner']);
    const column = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' && !s.startsWith('='));
    const ref: fc.Arbitrary<ColumnRef> = fc.oneof(
      column,
      fc.record({ column }, { requiredKeys: ['column'] }),
      fc.record({ column, exchangeTypeColumn: column, displayNameColumn: column }),
      fc.record({ column, labelColumn: column }),
    );
    const rule: fc.Arbitrary<FieldRule> = fc.oneof(
      column,
      fc.string().map((s) => `=${s}`),
      fc.record({ constant: fc.string() }),
      fc.record({ column, multiValue: fc.boolean() }, { requiredKeys: ['column'] }),
      fc.record({ column, exchangeTypeColumn: column, displayNameColumn: column }),
      fc.record({ join: fc.array(column, { minLength: 1, maxLength: 4 }), separator: fc.constantFrom(' ', '\n', ', ') }, { requiredKeys: ['join'] }),
      fc.record({ firstOf: fc.array(ref, { minLength: 1, maxLength: 4 }), labels: fc.array(fc.string(), { maxLength: 3 }), multiValue: fc.boolean() }, { requiredKeys: ['firstOf'] }),
    );
    const mapping: fc.Arbitrary<Mapping> = fc.record(
      {
        version: fc.constant(1 as const),
        object: fc.constant('Contact'),
        source: fc.constantFrom('outlook', 'google', 'act', 'csv' as const),
        language: fc.constantFrom('en', 'de', 'fr'),
        fields: fc.dictionary(fc.constantFrom(...fields), rule, { maxKeys: 8 }),
        splits: fc.array(
          fc.record({ column, splitter: fc.constant('name' as const), into: fc.record({ first: fc.constant('FirstName'), last: fc.constant('LastName') }, { requiredKeys: ['last'] }) }),
          { maxLength: 2 },
        ),
        ignore: fc.array(column, { maxLength: 3 }),
        unmapped: fc.array(column, { maxLength: 3 }),
      },
      { requiredKeys: ['version', 'object', 'fields'] },
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mapping, async (m) => {
        expect(validateMapping(m, STANDARD_OBJECTS).problems).toEqual([]);
        const file = join(dir, `m${n++}.json`);
        await saveMapping(file, m);
        expect(await loadMapping(file, STANDARD_OBJECTS)).toEqual(m);
      }),
      { numRuns: 200 },
    );
  });
});
