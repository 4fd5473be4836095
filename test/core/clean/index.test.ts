import { describe, expect, it } from 'vitest';
import { cleanValueForField, type CleanContext } from '../../../src/core/clean/index.js';
import { coerceValue } from '../../../src/core/records/values.js';
import { ACCOUNT, CONTACT, LEAD, STANDARD_PICKLISTS } from '../../../src/core/schema/standard-objects.js';
import type { FieldDef, ObjectDef } from '../../../src/core/schema/types.js';

const OBJECTS = { Contact: CONTACT, Account: ACCOUNT, Lead: LEAD };
const today = new Date('2026-11-23T10:00:00Z');
const field = (object: ObjectDef, name: string): FieldDef => {
  const found = object.fields.find((f) => f.name === name);
  if (!found) throw new Error(`${object.name}.${name} is not a field`);
  return found;
};

/** Clean, then pass the strict gate exactly as the import pipeline will. */
function cleanAndCoerce(object: ObjectDef, name: string, raw: string, ctx: CleanContext = {}) {
  const def = field(object, name);
  const cleaned = cleanValueForField(def, raw, { today, ...ctx });
  const coerced = coerceValue(def, cleaned.value, STANDARD_PICKLISTS[`${object.name}.${name}`]);
  return { cleaned, coerced };
}

describe('cleanValueForField', () => {
  it.each([
    // [object, field, raw, context, stored value]
    ['Contact', 'Email', ' Jane Doe <Jane.Doe@Example.COM> ', {}, 'Jane.Doe@example.com'],
    ['Contact', 'Phone', '29 123 456', { defaultCountry: 'LV' }, '+371 29 123 456'],
    ['Contact', 'MobilePhone', '040 1234567', { defaultCountry: 'FI' }, '+358 40 1234567'],
    ['Contact', 'HomePhone', '(11) 3456-7890', { defaultCountry: 'BR' }, '+55 11 3456 7890'],
    ['Account', 'Phone', '+49 (0)30 1234567 Durchwahl 45', {}, '+49 30 1234567 ext. 45'],
    ['Contact', 'Birthdate', '24.12.1980', { dateOrder: 'DMY' }, '1980-12-24'],
    ['Contact', 'Birthdate', '12/24/80', { dateOrder: 'MDY' }, '1980-12-24'],
    ['Contact', 'Birthdate', '5. tammikuuta 1975', { locale: 'fi-FI' }, '1975-01-05'],
    ['Contact', 'Birthdate', '03/04/1990', { locale: 'pt-BR' }, '1990-04-03'],
    ['Contact', 'Birthdate', '03/04/1990', { locale: 'en-US' }, '1990-03-04'],
    ['Contact', 'Birthdate', '1990年3月4日', {}, '1990-03-04'],
    ['Contact', 'MailingCountry', 'Latvija', {}, 'Latvia'],
    ['Contact', 'MailingCountry', 'Vereinigte Staaten', {}, 'United States'],
    ['Lead', 'Country', '中国', {}, 'China'],
    ['Account', 'BillingCountry', 'Ísland', {}, 'Iceland'],
    ['Contact', 'MailingPostalCode', 'sw1a1aa', { defaultCountry: 'GB' }, 'SW1A 1AA'],
    ['Lead', 'PostalCode', '00100', { defaultCountry: 'FI' }, '00100'],
    ['Account', 'ShippingPostalCode', 'lv 1010', { defaultCountry: 'LV' }, 'LV-1010'],
    ['Contact', 'MailingState', 'ca', { defaultCountry: 'US' }, 'CA'],
    ['Contact', 'MailingStreet', 'Brīvības iela 1\r\n2. stāvs  \r\n', {}, 'Brīvības iela 1\n2. stāvs'],
    ['Contact', 'FirstName', 'JĀNIS', {}, 'Jānis'],
    ['Contact', 'LastName', 'VAN DER BERG', {}, 'van der Berg'],
    ['Lead', 'LastName', "o'brien", {}, "O'Brien"],
    ['Contact', 'Salutation', 'Herr', {}, 'Mr.'],
    ['Lead', 'Salutation', 'mrs', {}, 'Mrs.'],
    ['Contact', 'Salutation', 'Dr.', {}, 'Dr.'],
    ['Account', 'Website', 'WWW.Acme.LV', {}, 'www.acme.lv'],
    ['Account', 'Name', '  Acme\u00A0 SIA\u200B ', {}, 'Acme SIA'],
    ['Account', 'AnnualRevenue', '€ 1.234.567,00', { locale: 'de-DE' }, 1234567],
    ['Account', 'AnnualRevenue', '$1,234,567', { locale: 'en-US' }, 1234567],
    ['Account', 'AnnualRevenue', '1 234 567', { locale: 'lv-LV' }, 1234567],
    ['Account', 'NumberOfEmployees', '1.200', { locale: 'de-DE' }, 1200],
    ['Account', 'NumberOfEmployees', '1,200', { locale: 'en-US' }, 1200],
    ['Lead', 'AnnualRevenue', '(2,500)', { locale: 'en-US' }, -2500],
    ['Lead', 'Industry', '* Technology', {}, 'Technology'],
  ] as const)('%s.%s %j', (objectName, name, raw, ctx, stored) => {
    const { cleaned, coerced } = cleanAndCoerce(OBJECTS[objectName], name, raw, ctx as CleanContext);
    expect(cleaned.problem).toBeUndefined();
    expect(coerced).toEqual({ ok: true, value: stored });
  });

  it('reports problems and warnings without losing the text', () => {
    const email = cleanAndCoerce(CONTACT, 'Email', 'a@x.com ::: b@y.com');
    expect(email.cleaned).toEqual({ value: 'a@x.com', warning: 'the cell also held b@y.com, which was not imported into Email' });
    expect(cleanValueForField(field(CONTACT, 'Email'), '/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=x').problem).toMatch(/Exchange/);

    const phone = cleanValueForField(field(CONTACT, 'Phone'), '029 123 4567', { defaultCountry: 'LV' });
    expect(phone).toEqual({ value: '029 123 4567', warning: '"029 123 4567" is not a valid LV phone number (too long)' });

    const date = cleanValueForField(field(CONTACT, 'Birthdate'), '31/02/2020', { dateOrder: 'DMY' });
    expect(date).toEqual({ value: null, problem: '"31/02/2020" is not a real date (February 2020 has no day 31)' });
    expect(cleanValueForField(field(CONTACT, 'Birthdate'), '0/0/00', { dateOrder: 'MDY' })).toEqual({ value: null });

    expect(cleanValueForField(field(CONTACT, 'MobilePhone'), '0171 2345678 ::: 030 1234567', { defaultCountry: 'DE' })).toEqual({
      value: '+49 171 2345678',
      warning: 'the cell also held +49 30 1234567, which was not imported into MobilePhone',
    });
    // A Google birthday without a year: the contact is fine, the date cannot be stored.
    expect(cleanValueForField(field(CONTACT, 'Birthdate'), '--04-14', { dateOrder: 'DMY' })).toEqual({ value: null, warning: '"--04-14" is a birthday without a year; a date field needs one, so it was left empty' });

    const country = cleanValueForField(field(CONTACT, 'MailingCountry'), 'Atlantis');
    expect(country).toEqual({ value: 'Atlantis', warning: '"Atlantis" is not a country name this importer knows; kept as written' });
  });

  it('treats empty cells as null for every field type', () => {
    for (const def of [...CONTACT.fields, ...ACCOUNT.fields]) {
      expect(cleanValueForField(def, '  ')).toEqual({ value: null });
    }
  });

  it('reads yes/no words of several languages for checkboxes', () => {
    const checkbox: FieldDef = { name: 'Private__c', label: 'Private', type: 'checkbox', custom: true };
    for (const yes of ['Ein', 'Ja', 'kyllä', 'Jā', 'Sim', 'oui', 'Yes', '是']) expect(cleanValueForField(checkbox, yes).value).toBe('true');
    for (const no of ['Aus', 'Nein', 'ei', 'Nē', 'Não', 'non', 'No', '否']) expect(cleanValueForField(checkbox, no).value).toBe('false');
  });

  it('turns Google and Outlook category lists into a multi-select value', () => {
    const tags: FieldDef = { name: 'Tags__c', label: 'Tags', type: 'multipicklist', custom: true };
    expect(cleanValueForField(tags, '* myContacts ::: * starred ::: Suppliers').value).toBe('myContacts;starred;Suppliers');
    expect(cleanValueForField(tags, 'VIP; Kunden').value).toBe('VIP;Kunden');
  });

  it('reads date-times with a time of day', () => {
    const when: FieldDef = { name: 'LastMeeting__c', label: 'Last Meeting', type: 'datetime', custom: true };
    expect(cleanValueForField(when, '3/5/2026 10:30 PM', { dateOrder: 'MDY' }).value).toBe('2026-03-05T22:30:00');
    expect(cleanValueForField(when, '05.03.2026 09:15', { dateOrder: 'DMY' }).value).toBe('2026-03-05T09:15:00');
    expect(cleanValueForField(when, '2026-03-05T10:00:00Z').value).toBe('2026-03-05T10:00:00Z');
    expect(cleanValueForField(when, '2026-03-05 10:00:00+02:00').value).toBe('2026-03-05T10:00:00+02:00');
    expect(cleanValueForField(when, '05.03.2026', { dateOrder: 'DMY' }).value).toBe('2026-03-05T00:00:00');
    expect(cleanValueForField(when, '3/5/2026 10:30 CET', { dateOrder: 'MDY' })).toEqual({ value: null, problem: '"3/5/2026 10:30 CET" is not a date' });
    expect(cleanValueForField(when, '3/5/2026 25:30', { dateOrder: 'MDY' }).problem).toMatch(/no valid time/);
    expect(cleanValueForField(when, '12/1/2026 12:05 AM', { dateOrder: 'MDY' }).value).toBe('2026-12-01T00:05:00');
    expect(coerceValue(when, '2026-03-05T22:30:00')).toEqual({ ok: true, value: '2026-03-05T22:30:00.000Z' });
  });
});
