import type { HeaderTable } from './roles.js';

/**
 * Outlook CSV headers, from /work/shared/corpus/FORMATS.md §1 (desktop Outlook in several
 * languages, Outlook.com, and Google's "Outlook CSV"). Desktop Outlook sorts the tail of its
 * header alphabetically in the UI language, so only names matter, never positions.
 * A header listed twice (French "Titre") takes its roles by occurrence: 1st → salutation, 2nd → jobTitle.
 */

/** Desktop Outlook, English, 92 columns (2000–365 classic). */
export const OUTLOOK_EN: HeaderTable = [
  ['Title', 'salutation'], ['First Name', 'firstName'], ['Middle Name', 'middleName'], ['Last Name', 'lastName'], ['Suffix', 'suffix'],
  ['Company', 'company'], ['Department', 'department'], ['Job Title', 'jobTitle'],
  ['Business Street', 'business.street'], ['Business Street 2', 'business.street2'], ['Business Street 3', 'business.street3'],
  ['Business City', 'business.city'], ['Business State', 'business.state'], ['Business Postal Code', 'business.postalCode'],
  ['Business Country/Region', 'business.country'],
  ['Home Street', 'home.street'], ['Home Street 2', 'home.street2'], ['Home Street 3', 'home.street3'], ['Home City', 'home.city'],
  ['Home State', 'home.state'], ['Home Postal Code', 'home.postalCode'], ['Home Country/Region', 'home.country'],
  ['Other Street', 'other.street'], ['Other Street 2', 'other.street2'], ['Other Street 3', 'other.street3'], ['Other City', 'other.city'],
  ['Other State', 'other.state'], ['Other Postal Code', 'other.postalCode'], ['Other Country/Region', 'other.country'],
  ["Assistant's Phone", null], ['Business Fax', 'businessFax'], ['Business Phone', 'businessPhone'], ['Business Phone 2', 'businessPhone2'],
  ['Callback', null], ['Car Phone', 'carPhone'], ['Company Main Phone', 'companyMainPhone'], ['Home Fax', 'homeFax'],
  ['Home Phone', 'homePhone'], ['Home Phone 2', 'homePhone2'], ['ISDN', null], ['Mobile Phone', 'mobilePhone'], ['Other Fax', 'otherFax'],
  ['Other Phone', 'otherPhone'], ['Pager', null], ['Primary Phone', 'primaryPhone'], ['Radio Phone', null], ['TTY/TDD Phone', null],
  ['Telex', null], ['Account', null], ['Anniversary', null], ["Assistant's Name", null], ['Billing Information', null],
  ['Birthday', 'birthday'], ['Business Address PO Box', 'business.poBox'], ['Categories', 'categories'], ['Children', null],
  ['Directory Server', null], ['E-mail Address', 'email1'], ['E-mail Type', 'email1.type'], ['E-mail Display Name', 'email1.display'],
  ['E-mail 2 Address', 'email2'], ['E-mail 2 Type', 'email2.type'], ['E-mail 2 Display Name', 'email2.display'],
  ['E-mail 3 Address', 'email3'], ['E-mail 3 Type', 'email3.type'], ['E-mail 3 Display Name', 'email3.display'],
  ['Gender', null], ['Government ID Number', null], ['Hobby', null], ['Home Address PO Box', 'home.poBox'], ['Initials', null],
  ['Internet Free Busy', null], ['Keywords', null], ['Language', null], ['Location', null], ["Manager's Name", null], ['Mileage', null],
  ['Notes', 'notes'], ['Office Location', null], ['Organizational ID Number', null], ['Other Address PO Box', 'other.poBox'],
  ['Priority', null], ['Private', null], ['Profession', null], ['Referred By', 'referredBy'], ['Sensitivity', null], ['Spouse', null],
  ['User 1', null], ['User 2', null], ['User 3', null], ['User 4', null], ['Web Page', 'webPage'],
];

/** Outlook.com / Outlook on the web / new Outlook: 61 columns, no Street 2/3, no E-mail Type. Only the names not in OUTLOOK_EN. */
export const OUTLOOK_COM_EXTRA: HeaderTable = [
  ['Nickname', 'nickname'], ['Given Yomi', null], ['Surname Yomi', null], ['IMAddress', null], ['Company Yomi', null],
  ['Personal Web Page', null], ['Schools', null],
];

/** The 61 Outlook.com headers in file order (for fixtures and detection). */
export const OUTLOOK_COM_HEADERS = [
  'First Name', 'Middle Name', 'Last Name', 'Title', 'Suffix', 'Nickname', 'Given Yomi', 'Surname Yomi', 'E-mail Address',
  'E-mail 2 Address', 'E-mail 3 Address', 'Home Phone', 'Home Phone 2', 'Business Phone', 'Business Phone 2', 'Mobile Phone', 'Car Phone',
  'Other Phone', 'Primary Phone', 'Pager', 'Business Fax', 'Home Fax', 'Other Fax', 'Company Main Phone', 'Callback', 'Radio Phone', 'Telex',
  'TTY/TDD Phone', 'IMAddress', 'Job Title', 'Department', 'Company', 'Office Location', "Manager's Name", "Assistant's Name",
  "Assistant's Phone", 'Company Yomi', 'Business Street', 'Business City', 'Business State', 'Business Postal Code',
  'Business Country/Region', 'Home Street', 'Home City', 'Home State', 'Home Postal Code', 'Home Country/Region', 'Other Street',
  'Other City', 'Other State', 'Other Postal Code', 'Other Country/Region', 'Personal Web Page', 'Spouse', 'Schools', 'Hobby',
  'Location', 'Web Page', 'Birthday', 'Anniversary', 'Notes',
] as const;

/** Google's "Outlook CSV" export: Microsoft's names plus formatted addresses and "Home Country" without "/Region". */
export const GOOGLE_OUTLOOK_EXTRA: HeaderTable = [
  ['Home Address', null], ['Business Address', null], ['Other Address', null],
  ['Home Country', 'home.country'], ['Business Country', 'business.country'], ['Other Country', 'other.country'],
];

/** German Outlook 2013 (real export, 92 columns). */
export const OUTLOOK_DE: HeaderTable = [
  ['Anrede', 'salutation'], ['Vorname', 'firstName'], ['Weitere Vornamen', 'middleName'], ['Nachname', 'lastName'], ['Suffix', 'suffix'],
  ['Firma', 'company'], ['Abteilung', 'department'], ['Position', 'jobTitle'],
  ['Straße geschäftlich', 'business.street'], ['Straße geschäftlich 2', 'business.street2'], ['Straße geschäftlich 3', 'business.street3'],
  ['Ort geschäftlich', 'business.city'], ['Region geschäftlich', 'business.state'], ['Postleitzahl geschäftlich', 'business.postalCode'],
  ['Land/Region geschäftlich', 'business.country'],
  ['Straße privat', 'home.street'], ['Straße privat 2', 'home.street2'], ['Straße privat 3', 'home.street3'], ['Ort privat', 'home.city'],
  ['Bundesland/Kanton privat', 'home.state'], ['Postleitzahl privat', 'home.postalCode'], ['Land/Region privat', 'home.country'],
  ['Weitere Straße', 'other.street'], ['Weitere Straße 2', 'other.street2'], ['Weitere Straße 3', 'other.street3'], ['Weiterer Ort', 'other.city'],
  ['Weiteres/r Bundesland/Kanton', 'other.state'], ['Weitere Postleitzahl', 'other.postalCode'], ['Weiteres/e Land/Region', 'other.country'],
  ['Telefon Assistent', null], ['Fax geschäftlich', 'businessFax'], ['Telefon geschäftlich', 'businessPhone'],
  ['Telefon geschäftlich 2', 'businessPhone2'], ['Rückmeldung', null], ['Autotelefon', 'carPhone'], ['Telefon Firma', 'companyMainPhone'],
  ['Fax privat', 'homeFax'], ['Telefon (privat)', 'homePhone'], ['Telefon (privat 2)', 'homePhone2'], ['Mobiltelefon', 'mobilePhone'],
  ['Weiteres Fax', 'otherFax'], ['Weiteres Telefon', 'otherPhone'], ['Haupttelefon', 'primaryPhone'],
  // "Mobiltelefon 2" is Outlook's Radio Phone, not a second mobile.
  ['Mobiltelefon 2', null], ['Telefon für Hörbehinderte', null], ['Abrechnungsinformation', null], ['Assistent(in)', null],
  ['Benutzer 1', null], ['Benutzer 2', null], ['Benutzer 3', null], ['Benutzer 4', null], ['Beruf', null], ['Büro', null],
  ['E-Mail-Adresse', 'email1'], ['E-Mail-Typ', 'email1.type'], ['E-Mail: Angezeigter Name', 'email1.display'],
  ['E-Mail 2: Adresse', 'email2'], ['E-Mail 2: Typ', 'email2.type'], ['E-Mail 2: Angezeigter Name', 'email2.display'],
  ['E-Mail 3: Adresse', 'email3'], ['E-Mail 3: Typ', 'email3.type'], ['E-Mail 3: Angezeigter Name', 'email3.display'],
  ['Empfohlen von', 'referredBy'], ['Geburtstag', 'birthday'], ['Geschlecht', null], ['Initialen', null],
  ['Internet Frei/Gebucht', null], ['Jahrestag', null], ['Kategorien', 'categories'], ['Kinder', null], ['Konto', null],
  ['Name des/r Vorgesetzten', null], ['Notizen', 'notes'], ['Organisationsnr.', null],
  // "Ort" alone is Location; the city is "Ort geschäftlich".
  ['Ort', null], ['Partner', null], ['Postfach geschäftlich', 'business.poBox'], ['Postfach privat', 'home.poBox'], ['Priorität', null],
  ['Privat', null], ['Reisekilometer', null], ['Sozialversicherungsnr.', null], ['Sprache', null], ['Stichwörter', null],
  ['Vertraulichkeit', null], ['Verzeichnisserver', null], ['Webseite', 'webPage'], ['Weiteres Postfach', 'other.poBox'],
  // Outlook 2007/2010 names that 2013 renamed, and Roundcube's variants.
  ['Telefon privat', 'homePhone'], ['Telefon privat 2', 'homePhone2'], ['Name Assistent', null], ['Name des/der Vorgesetzten', null],
  ['Organisationsnr', null], ['Organisations-Nr.', null], ['Internet-Frei/Gebucht', null], ['Regierungsnr.', null],
  ['Land geschäftlich', 'business.country'], ['Land privat', 'home.country'], ['Region privat', 'home.state'],
];

/** French desktop Outlook (trailing spaces in "Société " and "Service "; "Titre" twice). */
export const OUTLOOK_FR: HeaderTable = [
  ['Titre', 'salutation'], ['Prénom', 'firstName'], ['Deuxième prénom', 'middleName'], ['Nom', 'lastName'], ['Suffixe', 'suffix'],
  ['Surnom', 'nickname'], ['Société', 'company'], ['Service', 'department'], ['Titre', 'jobTitle'],
  ['Rue (bureau)', 'business.street'], ['Rue (bureau) 2', 'business.street2'], ['Rue (bureau) 3', 'business.street3'],
  ['Ville (bureau)', 'business.city'], ['Dép/Région (bureau)', 'business.state'], ['Code postal (bureau)', 'business.postalCode'],
  ['Pays (bureau)', 'business.country'], ['Pays/Région (bureau)', 'business.country'],
  ['Rue (domicile)', 'home.street'], ['Rue (domicile) 2', 'home.street2'], ['Rue (domicile) 3', 'home.street3'],
  ['Ville (domicile)', 'home.city'], ['Dép/Région (domicile)', 'home.state'], ['Code postal (domicile)', 'home.postalCode'],
  ['Pays (domicile)', 'home.country'], ['Pays/Région (domicile)', 'home.country'],
  ['Rue (autre)', 'other.street'], ['Rue (autre) 2', 'other.street2'], ['Rue (autre) 3', 'other.street3'], ['Ville (autre)', 'other.city'],
  ['Dép/Région (autre)', 'other.state'], ['Code postal (autre)', 'other.postalCode'], ['Pays (autre)', 'other.country'],
  ['Pays/Région (autre)', 'other.country'],
  ["Téléphone de l'assistant(e)", null], ['Télécopie (bureau)', 'businessFax'], ['Téléphone (bureau)', 'businessPhone'],
  ['Téléphone 2 (bureau)', 'businessPhone2'], ['Rappel', null], ['Téléphone (voiture)', 'carPhone'], ['Téléphone société', 'companyMainPhone'],
  ['Télécopie (domicile)', 'homeFax'], ['Téléphone (domicile)', 'homePhone'], ['Téléphone 2 (domicile)', 'homePhone2'], ['RNIS', null],
  ['Tél. mobile', 'mobilePhone'], ['Télécopie (autre)', 'otherFax'], ['Téléphone (autre)', 'otherPhone'],
  ['Récepteur de radiomessagerie', null], ['Téléphone principal', 'primaryPhone'], ['Radio téléphone', null], ['Téléphone TDD/TTY', null],
  ['Télex', null], ['Adresse de messagerie', 'email1'], ['Type de messagerie', 'email1.type'],
  ["Nom complet de l'adresse de messagerie", 'email1.display'], ['Adresse de messagerie 2', 'email2'], ['Type de messagerie 2', 'email2.type'],
  ["Nom complet de l'adresse de messagerie 2", 'email2.display'], ['Adresse de messagerie 3', 'email3'], ['Type de messagerie 3', 'email3.type'],
  ["Nom complet de l'adresse de messagerie 3", 'email3.display'],
  // "Anniversaire" is the birthday; "Anniversaire de mariage ou fête" the anniversary.
  ['Anniversaire', 'birthday'], ['Anniversaire de mariage ou fête', null], ['Autre boîte postale', 'other.poBox'],
  ['B.P. professionnelle', 'business.poBox'], ['Boîte postale du domicile', 'home.poBox'], ['Bureau', null], ['Catégories', 'categories'],
  ['Code gouvernement', null], ['Compte', null], ['Conjoint(e)', null], ['Critère de diffusion', null], ['Disponibilité Internet', null],
  ['Emplacement', null], ['Enfants', null], ['Informations facturation', null], ['Initiales', null], ['Kilométrage', null], ['Langue', null],
  ['Mots clés', null], ["Nom de l'assistant(e)", null], ['Notes', 'notes'], ["Numéro d'identification de l'organisation", null],
  ['Page Web', 'webPage'], ['Passe-temps', null], ['Priorité', null], ['Privé', null], ['Profession', null], ['Recommandé par', 'referredBy'],
  ['Responsable', null], ["Serveur d'annuaire", null], ['Sexe', null], ['Utilisateur 1', null], ['Utilisateur 2', null],
  ['Utilisateur 3', null], ['Utilisateur 4', null],
];

/** Spanish (es-ES): about half the names stay English in the same file, so English is always consulted too. */
export const OUTLOOK_ES: HeaderTable = [
  ['Nombre', 'firstName'], ['Segundo nombre', 'middleName'], ['Apellidos', 'lastName'],
  ['Organización', 'company'], ['Departamento', 'department'], ['Puesto', 'jobTitle'],
  ['Calle del trabajo', 'business.street'], ['Calle del trabajo 2', 'business.street2'], ['Calle del trabajo 3', 'business.street3'],
  ['Ciudad de trabajo', 'business.city'], ['Provincia o estado de trabajo', 'business.state'],
  ['Código postal del trabajo', 'business.postalCode'], ['País o región del trabajo', 'business.country'],
  ['Teléfono del trabajo', 'businessPhone'], ['Particular', 'homePhone'], ['Dirección de correo electrónico', 'email1'],
  ['Dirección de correo electrónico 2', 'email2'], ['Dirección de correo electrónico 3', 'email3'], ['Página web', 'webPage'], ['Categorías', 'categories'],
];

/** Dutch (nl-NL, Outlook 2007). */
export const OUTLOOK_NL: HeaderTable = [
  ['Titel', 'salutation'], ['Voornaam', 'firstName'], ['Middelste naam', 'middleName'], ['Achternaam', 'lastName'], ['Achtervoegsel', 'suffix'],
  ['Bedrijf', 'company'], ['Afdeling', 'department'], ['Functie', 'jobTitle'],
  // "Werkadres, plaats" by analogy with the sourced "Huisadres, plaats".
  ['Werkadres, straat', 'business.street'], ['Werkadres, plaats', 'business.city'], ['Werkadres, postcode', 'business.postalCode'],
  ['Land/regio (werk)', 'business.country'],
  ['Huisadres, straat', 'home.street'], ['Huisadres, plaats', 'home.city'], ['Huisadres, postcode', 'home.postalCode'],
  ['Land/regio (thuis)', 'home.country'], ['Ander adres, straat', 'other.street'],
  ['Telefoon op werk', 'businessPhone'], ['Telefoon op werk 2', 'businessPhone2'], ['Fax op werk', 'businessFax'],
  ['Telefoon thuis', 'homePhone'], ['Telefoon thuis 2', 'homePhone2'], ['Fax thuis', 'homeFax'], ['Mobiele telefoon', 'mobilePhone'],
  ['E-mailadres', 'email1'], ['E-mailadres 2', 'email2'], ['E-mailadres 3', 'email3'], ['Notities', 'notes'], ['Verjaardag', 'birthday'],
];

/**
 * Brazilian Portuguese (pt-BR): names seen in a Brazilian importer's Outlook map (single source);
 * like Spanish, some columns stay English ("E-mail Address", "Business Street", "Business City").
 * Note "Apelido" is a nickname in Brazil but the SURNAME in Portugal, so it is in neither table.
 */
export const OUTLOOK_PT_BR: HeaderTable = [
  ['Tratamento', 'salutation'], ['Primeiro nome', 'firstName'], ['Segundo nome', 'middleName'],
  ['Sobrenome', 'lastName'], ['Sufixo', 'suffix'], ['Empresa', 'company'], ['Departamento', 'department'], ['Cargo', 'jobTitle'],
  ['Nome para Exibição do Email', 'email1.display'], ['Endereço de email', 'email1'], ['Endereço de email 2', 'email2'],
  ['Endereço de email 3', 'email3'], ['Telefone Comercial', 'businessPhone'], ['Telefone Comercial 2', 'businessPhone2'],
  ['Telefone principal da empresa', 'companyMainPhone'], ['Telefone principal', 'primaryPhone'], ['Telefone residencial', 'homePhone'],
  ['Telefone residencial 2', 'homePhone2'], ['Telefone celular', 'mobilePhone'], ['Fax Comercial', 'businessFax'],
  ['Fax residencial', 'homeFax'], ['Rua do endereço comercial', 'business.street'], ['Rua do endereço comercial 2', 'business.street2'],
  ['Rua do endereço comercial 3', 'business.street3'], ['País/Região da Empresa', 'business.country'], ['Endereço residencial', 'home.street'], ['Endereço residencial 2', 'home.street2'],
  ['Endereço residencial 3', 'home.street3'], ['Cidade do endereço residencial', 'home.city'],
  ['CEP do endereço residencial', 'home.postalCode'], ['País/Região de Residência', 'home.country'], ['Anotações', 'notes'],
  ['Página da Web', 'webPage'], ['Categorias', 'categories'], ['Aniversário', 'birthday'],
];

/** Japanese (ja-JP, Outlook 2010), written in Shift_JIS. */
export const OUTLOOK_JA: HeaderTable = [
  ['肩書き', 'salutation'], ['名', 'firstName'], ['ミドル ネーム', 'middleName'], ['姓', 'lastName'], ['会社名', 'company'], ['部署', 'department'],
  ['役職', 'jobTitle'], ['番地 (会社)', 'business.street'], ['市町村 (会社)', 'business.city'], ['都道府県 (会社)', 'business.state'],
  ['郵便番号 (会社)', 'business.postalCode'], ['国 (会社)/地域', 'business.country'], ['番地 (自宅)', 'home.street'],
  ['郵便番号 (自宅)', 'home.postalCode'], ['会社電話', 'businessPhone'], ['自宅電話', 'homePhone'], ['携帯電話', 'mobilePhone'],
  ['電子メール アドレス', 'email1'], ['電子メール 2 アドレス', 'email2'], ['誕生日', 'birthday'], ['記念日', null], ['メモ', 'notes'],
  ['キーワード', 'categories'],
];

export const OUTLOOK_LANGUAGES = {
  en: OUTLOOK_EN,
  de: OUTLOOK_DE,
  fr: OUTLOOK_FR,
  es: OUTLOOK_ES,
  nl: OUTLOOK_NL,
  'pt-BR': OUTLOOK_PT_BR,
  ja: OUTLOOK_JA,
} as const satisfies Record<string, HeaderTable>;

export type OutlookLanguage = keyof typeof OUTLOOK_LANGUAGES;

/** Headers that only desktop Outlook writes (Outlook.com and Google's Outlook CSV lack them). */
export const OUTLOOK_DESKTOP_MARKERS = ['E-mail Type', 'E-mail Display Name', 'E-mail 2 Type', 'Business Street 2', 'Government ID Number', 'Business Address PO Box'];
/** Headers only in the Outlook.com export. */
export const OUTLOOK_COM_MARKERS = ['Given Yomi', 'Surname Yomi', 'IMAddress', 'Company Yomi', 'Personal Web Page', 'Schools'];
/** Headers only in Google's Outlook CSV. */
export const GOOGLE_OUTLOOK_MARKERS = ['Home Address', 'Business Address', 'Other Address', 'Business Country', 'Home Country'];
