import type { HeaderTable } from './roles.js';

/**
 * ACT! text-delimited and Excel exports (FORMATS.md §3). Field order is chosen by the user and
 * customer-defined fields are common, so detection relies on a few distinctive names.
 * Periods in field names become hyphens in later versions ("Phone Ext." → "Phone Ext-");
 * the header key ignores punctuation, so one entry matches both.
 */
export const ACT_HEADERS: HeaderTable = [
  ['Contact', 'fullName'], ['Company', 'company'], ['First Name', 'firstName'], ['Middle Name', 'middleName'], ['Last Name', 'lastName'],
  ['Surname', 'lastName'], ['Name Prefix', 'salutation'], ['Name Suffix', 'suffix'],
  // ACT!'s "Salutation" is the informal greeting name ("Dear Chris"), not Mr./Ms.
  ['Salutation', 'greeting'], ['Title', 'jobTitle'], ['Department', 'department'],
  ['Phone', 'businessPhone'], ['Phone Ext.', 'phoneExt'], ['Home Phone', 'homePhone'], ['Mobile Phone', 'mobilePhone'],
  ['Fax', 'businessFax'], ['Fax Phone', 'businessFax'], ['Pager Phone', null], ['Alternate Phone', 'otherPhone'], ['Alt Phone', 'otherPhone'],
  ['Alt Phone Ext.', null], ['Car Phone', 'carPhone'], ['2nd Phone', 'businessPhone2'], ['2nd Phone Ext.', null], ['3rd Phone', null],
  ['Address 1', 'business.street'], ['Address 2', 'business.street2'], ['Address 3', 'business.street3'], ['Address', 'business.street'],
  ['City', 'business.city'], ['State', 'business.state'], ['ZIP Code', 'business.postalCode'], ['Zip', 'business.postalCode'],
  ['Country', 'business.country'],
  ['Home Address 1', 'home.street'], ['Home Address 2', 'home.street2'], ['Home Address 3', 'home.street3'], ['Home City', 'home.city'],
  ['Home State', 'home.state'], ['Home ZIP Code', 'home.postalCode'], ['Home Zip', 'home.postalCode'], ['Home Country', 'home.country'],
  ['E-mail', 'email1'], ['E-mail Login', null], ['Messenger ID', null], ['Web Site', 'webPage'], ['ID/Status', 'idStatus'],
  ['Referred By', 'referredBy'], ['Birth Date', 'birthday'], ['Birthday', 'birthday'], ['Spouse', null], ['Assistant', null],
  ['Asst. Phone', null], ['Asst. Phone Ext.', null], ['Asst. Title', null], ['Notes', 'notes'], ['Industry', 'industry'],
  ['Revenue', 'revenue'], ['Number of Employees', 'employees'], ['Ticker Symbol', null], ['Hobbies', null],
  ['Record Manager', 'owner'], ['Record Creator', null], ['Create Date', null], ['Edit Date', null], ['Merge Date', null],
  ['Last Results', null], ['Last Reach', null], ['Last Meeting', null], ['Letter Date', null], ['Last Attempt', null],
  ['Public/Private', null], ['CONTACTID', null], ['2nd Contact', null], ['3rd Contact', null], ['2nd Title', null], ['3rd Title', null],
  ['Contact Type', null],
];

/** Names no other supported export uses: one or two of them identify an ACT! file. */
export const ACT_MARKERS = [
  'Contact', 'ID/Status', 'ZIP Code', 'Phone Ext.', 'Address 1', 'Web Site', 'Last Results', 'Birth Date', 'Record Manager',
  'Create Date', 'Edit Date', 'Last Reach', 'Alt Phone', 'Fax Phone', 'E-mail Login', 'Public/Private', 'Home Address 1', 'Messenger ID',
  'CONTACTID', 'Record Creator', 'Last Meeting',
];
