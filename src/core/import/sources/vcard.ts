import type { HeaderTable } from './roles.js';

/**
 * vCard files: the reader (src/core/import/read/) flattens every card into these FIXED
 * headers, so the table is exact and complete.
 */
export const VCARD_HEADERS: HeaderTable = [
  ['Full Name', 'fullName'], ['Prefix', 'salutation'], ['First Name', 'firstName'], ['Middle Name', 'middleName'], ['Last Name', 'lastName'],
  ['Suffix', 'suffix'], ['Nickname', 'nickname'], ['Organization', 'company'], ['Department', 'department'], ['Title', 'jobTitle'],
  ['Email 1', 'email1'], ['Email 2', 'email2'], ['Email 3', 'email3'], ['Business Phone', 'businessPhone'], ['Mobile Phone', 'mobilePhone'],
  ['Home Phone', 'homePhone'], ['Other Phone', 'otherPhone'], ['Business Fax', 'businessFax'], ['Business Street', 'business.street'],
  ['Business City', 'business.city'], ['Business State', 'business.state'], ['Business Postal Code', 'business.postalCode'],
  ['Business Country', 'business.country'], ['Home Street', 'home.street'], ['Home City', 'home.city'], ['Home State', 'home.state'],
  ['Home Postal Code', 'home.postalCode'], ['Home Country', 'home.country'], ['Birthday', 'birthday'], ['Website', 'webPage'],
  ['Notes', 'notes'],
];
