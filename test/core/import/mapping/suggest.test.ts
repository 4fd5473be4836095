import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../../src/core/import/mapping/suggest.js';
import { detectSource } from '../../../../src/core/import/sources/index.js';
import { VCARD_HEADERS } from '../../../../src/core/import/sources/vcard.js';
import { ACCOUNT, CONTACT, LEAD } from '../../../../src/core/schema/standard-objects.js';
import type { ObjectDef } from '../../../../src/core/schema/types.js';
import { readFixture } from './fixture.js';

function suggestFor(file: string, object: ObjectDef = CONTACT, encoding = 'utf-8', delimiter = ',') {
  const { headers } = readFixture(file, encoding, delimiter);
  const found = detectSource(headers, 'csv');
  return suggestMapping(headers, object, found.source, found.language ? { language: found.language } : {});
}

const ALL_NAME_PARTS = { salutation: 'Salutation', first: 'FirstName', middle: 'MiddleName', last: 'LastName', suffix: 'Suffix' };
const exchangeEmail = (address: string, type: string, display: string) => ({ column: address, exchangeTypeColumn: type, displayNameColumn: display });

describe('suggestMapping: Outlook', () => {
  it('English desktop export → Contact: names, company, phones, Exchange-aware e-mails, street lines', () => {
    const { mapping, columns } = suggestFor('outlook-english-exchange-contact.csv');
    expect(mapping).toMatchObject({ version: 1, object: 'Contact', source: 'outlook', language: 'en' });
    expect(mapping.fields).toMatchObject({
      Salutation: 'Title',
      FirstName: 'First Name',
      MiddleName: 'Middle Name',
      LastName: 'Last Name',
      Suffix: 'Suffix',
      'Account.Name': 'Company',
      Title: 'Job Title',
      Department: 'Department',
      Email: {
        firstOf: [
          exchangeEmail('E-mail Address', 'E-mail Type', 'E-mail Display Name'),
          exchangeEmail('E-mail 2 Address', 'E-mail 2 Type', 'E-mail 2 Display Name'),
          exchangeEmail('E-mail 3 Address', 'E-mail 3 Type', 'E-mail 3 Display Name'),
        ],
      },
      Phone: { firstOf: ['Business Phone', 'Company Main Phone', 'Business Phone 2', 'Primary Phone'] },
      MobilePhone: 'Mobile Phone',
      HomePhone: { firstOf: ['Home Phone', 'Home Phone 2'] },
      Fax: 'Business Fax',
      MailingStreet: { join: ['Business Street', 'Business Street 2', 'Business Street 3', 'Business Address PO Box'], separator: '\n' },
      MailingCity: 'Business City',
      MailingPostalCode: 'Business Postal Code',
      MailingCountry: 'Business Country/Region',
      Birthdate: 'Birthday',
      Description: 'Notes',
    });
    expect(mapping.fields.Website).toBeUndefined();
    expect(columns.find((c) => c.column === 'E-mail Type')).toMatchObject({ field: 'Email', rule: 'exchange-type', confidence: 1 });
    expect(columns.find((c) => c.column === 'Hobby')).toMatchObject({ confidence: 0, reason: 'known Outlook column with no CRM field' });
    expect(mapping.ignore).toContain('Gender');
    expect(columns.find((c) => c.column === 'Home City')?.reason).toMatch(/second address/);
  });

  it('the same export maps differently for Lead and Account', () => {
    const { headers } = readFixture('outlook-english-exchange-contact.csv');
    const lead = suggestMapping(headers, LEAD, 'outlook', { language: 'en' }).mapping.fields;
    expect(lead).toMatchObject({ Company: 'Company', Title: 'Job Title', City: 'Business City', Country: 'Business Country/Region', Website: 'Web Page', MobilePhone: 'Mobile Phone' });
    expect(lead['Account.Name']).toBeUndefined();
    expect(lead.Department).toBeUndefined();
    const account = suggestMapping(headers, ACCOUNT, 'outlook', { language: 'en' });
    expect(account.mapping.fields).toEqual({
      Name: 'Company',
      Phone: { firstOf: ['Business Phone', 'Company Main Phone', 'Business Phone 2', 'Primary Phone'] },
      Fax: 'Business Fax',
      BillingStreet: { join: ['Business Street', 'Business Street 2', 'Business Street 3', 'Business Address PO Box'], separator: '\n' },
      BillingCity: 'Business City',
      BillingState: 'Business State',
      BillingPostalCode: 'Business Postal Code',
      BillingCountry: 'Business Country/Region',
      Website: 'Web Page',
      Description: 'Notes',
    });
    expect(account.columns.find((c) => c.column === 'First Name')?.reason).toMatch(/an Account has none/);
  });

  it('German Outlook 2013 (Windows-1252)', () => {
    const { mapping } = suggestFor('outlook-german-headers.csv', CONTACT, 'windows-1252');
    expect(mapping.language).toBe('de');
    expect(mapping.fields).toMatchObject({
      Salutation: 'Anrede',
      FirstName: 'Vorname',
      LastName: 'Nachname',
      'Account.Name': 'Firma',
      Title: 'Position',
      Email: { firstOf: [exchangeEmail('E-Mail-Adresse', 'E-Mail-Typ', 'E-Mail: Angezeigter Name'), exchangeEmail('E-Mail 2: Adresse', 'E-Mail 2: Typ', 'E-Mail 2: Angezeigter Name'), exchangeEmail('E-Mail 3: Adresse', 'E-Mail 3: Typ', 'E-Mail 3: Angezeigter Name')] },
      Phone: { firstOf: ['Telefon geschäftlich', 'Telefon Firma', 'Telefon geschäftlich 2', 'Haupttelefon'] },
      MobilePhone: 'Mobiltelefon',
      HomePhone: { firstOf: ['Telefon (privat)', 'Telefon (privat 2)'] },
      MailingCity: 'Ort geschäftlich',
      MailingPostalCode: 'Postleitzahl geschäftlich',
      Birthdate: 'Geburtstag',
      Description: 'Notizen',
    });
    // "Ort" alone is Outlook's Location and "Mobiltelefon 2" its Radio Phone: neither is mapped.
    expect(mapping.ignore).toEqual(expect.arrayContaining(['Ort', 'Mobiltelefon 2']));
  });

  it('French Outlook: trailing spaces and "Titre" twice (salutation, then job title)', () => {
    const { mapping, columns } = suggestFor('outlook-french-trailing-spaces.csv', CONTACT, 'windows-1252');
    expect(mapping.fields).toMatchObject({
      Salutation: 'Titre',
      Title: 'Titre#2',
      FirstName: 'Prénom',
      LastName: 'Nom',
      'Account.Name': 'Société',
      Department: 'Service',
      Phone: { firstOf: ['Téléphone (bureau)', 'Téléphone société', 'Téléphone 2 (bureau)', 'Téléphone principal'] },
      MobilePhone: 'Tél. mobile',
      Birthdate: 'Anniversaire',
    });
    const emails = (mapping.fields.Email as { firstOf: unknown[] }).firstOf;
    expect(emails).toHaveLength(3);
    expect(emails[0]).toEqual(exchangeEmail('Adresse de messagerie', 'Type de messagerie', "Nom complet de l'adresse de messagerie"));
    // "Responsable" is the manager's name in French Outlook, not the record owner.
    expect(mapping.fields.Owner).toBeUndefined();
    expect(columns.find((c) => c.column === 'Titre#2')).toMatchObject({ index: 8, field: 'Title', confidence: 1 });
  });

  it('French Outlook as the readers deliver it: the repeated header renamed "Titre (2)"', () => {
    const { headers } = readFixture('outlook-french-trailing-spaces.csv', 'windows-1252');
    const renamed = headers.map((h, i) => (h === 'Titre' && i > 0 ? 'Titre (2)' : h));
    const found = detectSource(renamed, 'csv');
    expect(found).toMatchObject({ source: 'outlook', language: 'fr' });
    const { mapping } = suggestMapping(renamed, CONTACT, found.source, { language: 'fr' });
    expect(mapping.fields).toMatchObject({ Salutation: 'Titre', Title: 'Titre (2)', FirstName: 'Prénom', 'Account.Name': 'Société' });
  });

  it('Spanish Outlook mixing English and Spanish names', () => {
    const { mapping } = suggestFor('outlook-spanish-mixed-headers.csv', CONTACT, 'windows-1252');
    expect(mapping.language).toBe('es');
    expect(mapping.fields).toMatchObject({
      Salutation: 'Title',
      FirstName: 'Nombre',
      LastName: 'Apellidos',
      'Account.Name': 'Organización',
      Title: 'Puesto',
      Department: 'Department',
      Email: { firstOf: [exchangeEmail('E-mail Address', 'E-mail Type', 'E-mail Display Name'), 'Dirección de correo electrónico 2'] },
      Phone: 'Teléfono del trabajo',
      MobilePhone: 'Mobile Phone',
      HomePhone: 'Particular',
      MailingStreet: { join: ['Calle del trabajo', 'Calle del trabajo 2'], separator: '\n' },
      MailingCity: 'Ciudad de trabajo',
      MailingCountry: 'País o región del trabajo',
    });
  });

  it('Dutch and Brazilian Portuguese Outlook', () => {
    expect(suggestFor('outlook-dutch-headers.csv', CONTACT, 'utf-8', ';').mapping.fields).toMatchObject({
      FirstName: 'Voornaam',
      MiddleName: 'Middelste naam',
      LastName: 'Achternaam',
      'Account.Name': 'Bedrijf',
      Title: 'Functie',
      Email: { firstOf: ['E-mailadres', 'E-mailadres 2'] },
      Phone: { firstOf: ['Telefoon op werk', 'Telefoon op werk 2'] },
      MobilePhone: 'Mobiele telefoon',
      MailingStreet: 'Werkadres, straat',
    });
    expect(suggestFor('outlook-brazilian-portuguese-headers.csv').mapping.fields).toMatchObject({
      FirstName: 'Primeiro nome',
      LastName: 'Sobrenome',
      'Account.Name': 'Empresa',
      Title: 'Cargo',
      Email: { firstOf: ['E-mail Address', 'Endereço de email 2', 'Endereço de email 3'] },
      Phone: { firstOf: ['Telefone Comercial', 'Telefone principal da empresa', 'Telefone Comercial 2'] },
      MobilePhone: 'Telefone celular',
      MailingStreet: { join: ['Business Street', 'Rua do endereço comercial 2', 'Rua do endereço comercial 3'], separator: '\n' },
      MailingCountry: 'País/Região da Empresa',
    });
  });

  it('Japanese Outlook (Shift_JIS)', () => {
    const { mapping } = suggestFor('outlook-japanese-shift-jis.csv', CONTACT, 'shift_jis');
    expect(mapping.language).toBe('ja');
    expect(mapping.fields).toMatchObject({
      LastName: '姓',
      FirstName: '名',
      'Account.Name': '会社名',
      Title: '役職',
      Salutation: '肩書き',
      Email: { firstOf: ['電子メール アドレス', '電子メール 2 アドレス'] },
      Phone: '会社電話',
      MobilePhone: '携帯電話',
      MailingStreet: '番地 (会社)',
      MailingCity: '市町村 (会社)',
      MailingState: '都道府県 (会社)',
      MailingPostalCode: '郵便番号 (会社)',
      MailingCountry: '国 (会社)/地域',
    });
  });

  it('Outlook.com export has no Street 2/3 or E-mail Type', () => {
    const { mapping } = suggestFor('outlook-com-61-columns.csv');
    expect(mapping.source).toBe('outlook-com');
    expect(mapping.fields).toMatchObject({
      FirstName: 'First Name',
      LastName: 'Last Name',
      'Account.Name': 'Company',
      Email: { firstOf: ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'] },
      MailingStreet: 'Business Street',
      MobilePhone: 'Mobile Phone',
    });
  });
});

describe('suggestMapping: Google, ACT!, vCard', () => {
  it('new Google format with only the columns the data needed', () => {
    const { mapping, columns } = suggestFor('google-new-sparse.csv');
    expect(mapping.source).toBe('google');
    const phones = [
      { column: 'Phone 1 - Value', labelColumn: 'Phone 1 - Label' },
      { column: 'Phone 2 - Value', labelColumn: 'Phone 2 - Label' },
    ];
    expect(mapping.fields).toMatchObject({
      FirstName: { column: 'First Name', multiValue: true },
      LastName: { column: 'Last Name', multiValue: true },
      'Account.Name': { column: 'Organization Name', multiValue: true },
      Title: { column: 'Organization Title', multiValue: true },
      Email: { column: 'E-mail 1 - Value', multiValue: true },
      Phone: { firstOf: phones, labels: ['work', 'main', 'business', 'company main', 'work phone', ''], multiValue: true },
      MobilePhone: { firstOf: phones, labels: ['mobile', 'cell', 'iphone', 'work mobile'], multiValue: true },
      MailingCity: { column: 'Address 1 - City', multiValue: true },
      MailingStreet: { join: ['Address 1 - Street', 'Address 1 - Extended Address', 'Address 1 - PO Box'], separator: '\n', multiValue: true },
    });
    expect(columns.find((c) => c.column === 'Phone 1 - Label')).toMatchObject({ rule: 'label' });
    expect(mapping.unmapped ?? []).toContain('Labels');
  });

  it('Gmail-era Google CSV: name parts first, the "Name" column split only as their fallback', () => {
    const { mapping, columns } = suggestFor('google-legacy-gmail-era.csv');
    expect(mapping.fields).toMatchObject({
      FirstName: { column: 'Given Name', multiValue: true },
      LastName: { column: 'Family Name', multiValue: true },
      'Account.Name': { column: 'Organization 1 - Name', multiValue: true },
      Title: { firstOf: ['Organization 1 - Title', 'Occupation'], multiValue: true },
      Email: { firstOf: ['E-mail 1 - Value', 'E-mail 2 - Value'], multiValue: true },
    });
    expect(mapping.splits).toEqual([{ column: 'Name', splitter: 'name', into: ALL_NAME_PARTS }]);
    expect(columns.find((c) => c.column === 'Name')).toMatchObject({ rule: 'split:name', confidence: 1 });
  });

  it('ACT!: full-name split, phone + "Phone Ext-" joined, Address 1-3 joined', () => {
    const { mapping, columns } = suggestFor('act-text-hyphen-periods.txt', CONTACT, 'windows-1252', '\t');
    expect(mapping.source).toBe('act');
    expect(mapping.splits).toEqual([
      { column: 'Contact', splitter: 'name', into: { salutation: 'Salutation', first: 'FirstName', middle: 'MiddleName', last: 'LastName', suffix: 'Suffix' } },
    ]);
    expect(mapping.fields).toEqual({
      'Account.Name': 'Company',
      Title: 'Title',
      Email: 'E-mail',
      Phone: { join: ['Phone', 'Phone Ext-'], separator: ' ext. ' },
      MobilePhone: 'Mobile Phone',
      Fax: 'Fax Phone',
      MailingStreet: { join: ['Address 1', 'Address 2', 'Address 3'], separator: '\n' },
      MailingCity: 'City',
      MailingState: 'State',
      MailingPostalCode: 'ZIP Code',
      MailingCountry: 'Country',
      Birthdate: 'Birth Date',
      Owner: 'Record Manager',
    });
    // ACT!'s "Salutation" is the greeting name, never Mr./Ms.
    expect(columns.find((c) => c.column === 'Salutation')).toMatchObject({ confidence: 0 });
    expect(columns.find((c) => c.column === 'Contact')).toMatchObject({ field: 'Salutation', rule: 'split:name', fields: ['Salutation', 'FirstName', 'MiddleName', 'LastName', 'Suffix'] });
  });

  it('vCard fixed headers map completely', () => {
    const headers = VCARD_HEADERS.map(([h]) => h);
    const { mapping } = suggestMapping(headers, CONTACT, 'vcard');
    expect(mapping.fields).toMatchObject({
      Salutation: 'Prefix',
      FirstName: 'First Name',
      LastName: 'Last Name',
      'Account.Name': 'Organization',
      Title: 'Title',
      Department: 'Department',
      Email: { firstOf: ['Email 1', 'Email 2', 'Email 3'] },
      Phone: 'Business Phone',
      MobilePhone: 'Mobile Phone',
      HomePhone: 'Home Phone',
      OtherPhone: 'Other Phone',
      Fax: 'Business Fax',
      MailingStreet: 'Business Street',
      MailingCountry: 'Business Country',
      Birthdate: 'Birthday',
      Description: 'Notes',
    });
    expect(mapping.splits).toEqual([{ column: 'Full Name', splitter: 'name', into: ALL_NAME_PARTS }]);
  });
});

describe('suggestMapping: generic spreadsheets', () => {
  it('Latvian headers by synonym (0.9)', () => {
    const { mapping, columns } = suggestFor('generic-latvian-headers.csv');
    expect(mapping.source).toBe('csv');
    expect(mapping.fields).toEqual({
      FirstName: 'Vārds',
      LastName: 'Uzvārds',
      'Account.Name': 'Uzņēmums',
      Email: 'E-pasts',
      Phone: 'Tālrunis',
      MailingCity: 'Pilsēta',
      MailingCountry: 'Valsts',
      Description: 'Piezīmes',
      Owner: 'Atbildīgais',
    });
    expect(columns.every((c) => c.confidence === 0.9)).toBe(true);
  });

  it('Finnish, Icelandic, Chinese and Portuguese synonyms', () => {
    const headers = ['Sukunimi', 'Etunimi', 'Netfang', 'Fyrirtæki', '手机', '城市', 'Sobrenome', '邮箱'];
    const { mapping, columns } = suggestMapping(headers, CONTACT, 'csv');
    expect(mapping.fields).toMatchObject({ LastName: 'Sukunimi', FirstName: 'Etunimi', Email: 'Netfang', 'Account.Name': 'Fyrirtæki', MobilePhone: '手机', MailingCity: '城市' });
    // One column per meaning: the second surname and e-mail columns are reported, not merged.
    expect(columns.find((c) => c.column === 'Sobrenome')).toMatchObject({ confidence: 0, reason: 'same meaning as column "Sukunimi"' });
    expect(mapping.unmapped).toEqual(['Sobrenome', '邮箱']);
  });

  it('API names map with confidence 1, custom fields too, and pseudo-fields by name', () => {
    const custom: ObjectDef = { ...CONTACT, fields: [...CONTACT.fields, { name: 'Loyalty_Tier__c', label: 'Loyalty Tier', type: 'text', custom: true }] };
    const { mapping, columns } = suggestMapping(['LastName', 'email', 'Loyalty_Tier__c', 'Account.Name', 'Owner', 'ReportsToId', 'Id'], custom, 'csv');
    expect(mapping.fields).toEqual({ LastName: 'LastName', Email: 'email', Loyalty_Tier__c: 'Loyalty_Tier__c', 'Account.Name': 'Account.Name', Owner: 'Owner', ReportsToId: 'ReportsToId' });
    expect(columns.filter((c) => c.field).every((c) => c.confidence === 1)).toBe(true);
    // Id is set by the system: never mapped.
    expect(mapping.unmapped).toEqual(['Id']);
  });

  it('German "Name" beside "Vorname" is the surname; Italian "Nome" beside "Cognome" the first name', () => {
    expect(suggestMapping(['Name', 'Vorname', 'E-Mail'], CONTACT, 'csv').mapping.fields).toEqual({ LastName: 'Name', FirstName: 'Vorname', Email: 'E-Mail' });
    expect(suggestMapping(['Nome', 'Cognome'], CONTACT, 'csv').mapping.fields).toEqual({ FirstName: 'Nome', LastName: 'Cognome' });
    const alone = suggestMapping(['Name', 'Email'], CONTACT, 'csv').mapping;
    expect(alone.splits).toEqual([{ column: 'Name', splitter: 'name', into: { salutation: 'Salutation', first: 'FirstName', middle: 'MiddleName', last: 'LastName', suffix: 'Suffix' } }]);
  });

  it('fuzzy matches only above the threshold, with lower confidence', () => {
    const { columns } = suggestMapping(['E-mail adress', 'Organisaton', 'Favourite colour'], CONTACT, 'csv');
    const email = columns.find((c) => c.column === 'E-mail adress')!;
    expect(email.field).toBe('Email');
    expect(email.confidence).toBeGreaterThan(0.6);
    expect(email.confidence).toBeLessThan(0.9);
    expect(columns.find((c) => c.column === 'Organisaton')?.field).toBe('Account.Name');
    expect(columns.find((c) => c.column === 'Favourite colour')).toMatchObject({ confidence: 0, reason: 'no known column name matches' });
  });

  it('a direct match and a role for the same field become alternatives', () => {
    const { mapping } = suggestMapping(['Email', 'Secondary Email', 'Phone', 'Mobile'], CONTACT, 'csv');
    expect(mapping.fields).toEqual({ Email: { firstOf: ['Email', 'Secondary Email'] }, Phone: 'Phone', MobilePhone: 'Mobile' });
  });
});
