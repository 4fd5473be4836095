import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apiNameBase, deriveApiName } from '../../../src/core/customize/api-name.js';
import { addField, listFields, removeField, renameField } from '../../../src/core/customize/fields.js';
import { CrmError, ValidationError } from '../../../src/core/errors.js';
import { createRecord, getRecordById, listRecordsFor, updateRecord } from '../../../src/core/records/service.js';
import { readFieldBackup } from '../../../src/core/store/customize.js';
import { listAudit } from '../../../src/core/store/org.js';
import { memoryOrg } from '../../helpers/org.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as CrmError).code;
  }
  return undefined;
};

describe('custom field API names', () => {
  it('transliterates labels from many scripts to safe identifiers', () => {
    expect(deriveApiName('Customer Tier', [])).toBe('Customer_Tier__c');
    expect(deriveApiName('Größe "XL"', [])).toBe('Groesse_XL__c');
    expect(deriveApiName('Pārdošanas reģions', [])).toBe('Pardosanas_regions__c');
    expect(deriveApiName('Þjónustustig', [])).toBe('Thjonustustig__c');
    expect(deriveApiName('Órgão público?', [])).toBe('Orgao_publico__c');
    expect(deriveApiName('Категория клиента', [])).toBe('Kategoriya_klienta__c');
    expect(deriveApiName("'); DROP TABLE Contact;--", [])).toBe('DROP_TABLE_Contact__c');
    expect(deriveApiName('2024 budget', [])).toBe('X2024_budget__c');
  });

  it('gives labels with no Latin letters a numbered name and keeps names unique ignoring case', () => {
    expect(deriveApiName('客户等级', [])).toBe('Field_1__c');
    expect(deriveApiName('客户等级', ['Field_1__c'])).toBe('Field_2__c');
    expect(deriveApiName('Tier', ['tier__C'])).toBe('Tier_2__c');
    expect(deriveApiName('A'.repeat(60), [])).toBe(`${'A'.repeat(40)}__c`);
    expect(deriveApiName('A'.repeat(60), [`${'A'.repeat(40)}__c`])).toBe(`${'A'.repeat(38)}_2__c`);
  });

  it('always yields an identifier of letters, digits and single underscores starting with a letter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }), (label, taken) => {
        const name = deriveApiName(label, taken);
        expect(name).toMatch(/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*__c$/);
        expect(name.length).toBeLessThanOrEqual(43);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      }),
    );
    expect(apiNameBase('___')).toBe('');
  });
});

describe('field add / list / rename / remove', () => {
  it('adds a field whose label is full of quotes and SQL, usable in record create, list and filters', async () => {
    const { session, db } = await memoryOrg();
    const label = `'); DROP TABLE Contact;-- "Größe"`;
    const added = addField(session, { object: 'contact', label, type: 'text', length: 20 });
    expect(added.field).toMatchObject({ name: 'DROP_TABLE_Contact_Groesse__c', label, type: 'text', length: 20, custom: true });
    const { id } = createRecord(session, 'Contact', { LastName: 'Bērziņš', [label]: 'XL' });
    expect(getRecordById(session, 'contact', id).DROP_TABLE_Contact_Groesse__c).toBe('XL');
    expect(listRecordsFor(session, 'contact', { where: "DROP_TABLE_Contact_Groesse__c = 'xl'" }).map((r) => r.LastName)).toEqual(['Bērziņš']);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'Contact'").get()).toEqual({ n: 1 });
    const listed = listFields(session, 'contact').fields.find((f) => f.label === label);
    expect(listed?.name).toBe('DROP_TABLE_Contact_Groesse__c');
    expect(listAudit(db).find((a) => a.action === 'field.add')?.target).toBe('Contact.DROP_TABLE_Contact_Groesse__c');
    // The length limit is enforced like any standard field's.
    expect(() => createRecord(session, 'Contact', { LastName: 'X', DROP_TABLE_Contact_Groesse__c: 'y'.repeat(21) })).toThrow(/limit is 20/);
  });

  it('validates custom picklist values and keeps a CJK label verbatim', async () => {
    const { session } = await memoryOrg();
    const added = addField(session, { object: 'account', label: '客户等级', type: 'picklist', values: ['金', '银', 'Bronze'], defaultValue: '银' });
    expect(added.field.name).toBe('Field_1__c');
    expect(added.field.label).toBe('客户等级');
    expect(added.field.picklistValues?.map((v) => [v.value, v.isDefault])).toEqual([['金', false], ['银', true], ['Bronze', false]]);
    const ok = createRecord(session, 'Account', { Name: 'Acme', 客户等级: 'bronze' });
    expect(ok.record.Field_1__c).toBe('Bronze');
    expect(() => createRecord(session, 'Account', { Name: 'Acme', Field_1__c: 'Platinum' })).toThrow(ValidationError);
    // A default applies to new records left empty.
    expect(createRecord(session, 'Account', { Name: 'Beta' }).record.Field_1__c).toBe('银');
  });

  it('types numbers with precision and scale, checkbox defaults and external ids with an index', async () => {
    const { session, db } = await memoryOrg();
    createRecord(session, 'Contact', { LastName: 'Existing' });
    addField(session, { object: 'contact', label: 'Score', type: 'number', precision: 5, scale: 1 });
    addField(session, { object: 'contact', label: 'VIP', type: 'checkbox', defaultValue: 'false' });
    addField(session, { object: 'contact', label: 'Legacy Id', type: 'text', externalId: true });
    const { record } = createRecord(session, 'Contact', { LastName: 'Ozoliņa', Score__c: '12.34', Legacy_Id__c: '00123' });
    expect(record.Score__c).toBe(12.3);
    expect(record.Legacy_Id__c).toBe('00123');
    expect(record.VIP__c).toBe(false);
    expect(() => createRecord(session, 'Contact', { LastName: 'X', Score__c: 'lots' })).toThrow(/not a number/);
    expect(() => createRecord(session, 'Contact', { LastName: 'X', Score__c: '123456' })).toThrow(/too many digits/);
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'ix_Contact_Legacy_Id__c'").get() as { sql: string };
    expect(index.sql).toContain('"Legacy_Id__c"');
    expect(listRecordsFor(session, 'contact', { where: "LastName = 'Existing'" })[0]!.VIP__c).toBe(false);
  });

  it('refuses bad options, duplicate labels and non-administrators', async () => {
    const { session } = await memoryOrg();
    expect(codeOf(() => addField(session, { object: 'contact', label: 'Tier', type: 'colour' }))).toBe('USAGE');
    expect(codeOf(() => addField(session, { object: 'contact', label: 'Tier', type: 'picklist' }))).toBe('USAGE');
    expect(codeOf(() => addField(session, { object: 'contact', label: 'Tier', type: 'date', length: 3 }))).toBe('USAGE');
    expect(codeOf(() => addField(session, { object: 'contact', label: 'Last Name', type: 'text' }))).toBe('CONFLICT');
    expect(codeOf(() => addField(session, { object: 'contact', label: '  ', type: 'text' }))).toBe('USAGE');
    expect(codeOf(() => addField(session, { object: 'contact', label: 'When', type: 'date', defaultValue: '31/12/2026' }))).toBe('USAGE');
    expect(codeOf(() => addField(session, { object: 'nothing', label: 'When', type: 'date' }))).toBe('UNKNOWN_OBJECT');
    expect(codeOf(() => addField(session, { object: 'contact', label: 'Langs', type: 'multipicklist', values: ['lv', 'fi'], defaultValue: 'lv' }))).toBe('USAGE');
  });

  it('renames the label only and removes a field after backing up its values', async () => {
    const { session, db } = await memoryOrg();
    addField(session, { object: 'contact', label: 'Shoe size', type: 'number' });
    const a = createRecord(session, 'Contact', { LastName: 'A', Shoe_size__c: '42' }).id;
    createRecord(session, 'Contact', { LastName: 'B' });
    const renamed = renameField(session, 'contact', 'Shoe_size__c', 'Kurpju izmērs');
    expect(renamed).toMatchObject({ name: 'Shoe_size__c', oldLabel: 'Shoe size', label: 'Kurpju izmērs' });
    expect(getRecordById(session, 'contact', a).Shoe_size__c).toBe(42);
    expect(codeOf(() => renameField(session, 'contact', 'LastName', 'Surname'))).toBe('USAGE');

    const removed = removeField(session, 'contact', 'Kurpju izmērs');
    expect(removed.backup.values).toBe(1);
    expect(readFieldBackup(db, removed.backup.id)?.data).toEqual([[a, 42]]);
    const columns = (db.prepare('PRAGMA table_info("Contact")').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('Shoe_size__c');
    expect(listFields(session, 'contact').fields.some((f) => f.name === 'Shoe_size__c')).toBe(false);
    expect(getRecordById(session, 'contact', a).LastName).toBe('A');
    expect(listAudit(db).map((e) => e.action)).toEqual(expect.arrayContaining(['field.add', 'field.rename', 'field.remove']));
    expect(codeOf(() => removeField(session, 'contact', 'Email'))).toBe('USAGE');
    // Updating other fields still works against the rebuilt table.
    expect(updateRecord(session, 'contact', a, { LastName: 'Āboliņa' }).record.LastName).toBe('Āboliņa');
  });
});
