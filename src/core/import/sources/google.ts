import { headerKey } from './normalize.js';
import type { HeaderTable, Role } from './roles.js';

/**
 * Google Contacts CSV (FORMATS.md §2). Both formats have a fixed block followed by numbered
 * groups ("E-mail 3 - Value") that appear only as far as the data needs, so the groups are
 * recognised by pattern rather than listed.
 */

/** contacts.google.com export (~2023 on): the 17 fixed columns. */
export const GOOGLE_NEW_FIXED: HeaderTable = [
  ['First Name', 'firstName'], ['Middle Name', 'middleName'], ['Last Name', 'lastName'], ['Phonetic First Name', null],
  ['Phonetic Middle Name', null], ['Phonetic Last Name', null], ['Name Prefix', 'salutation'], ['Name Suffix', 'suffix'],
  ['Nickname', 'nickname'], ['File As', null], ['Organization Name', 'company'], ['Organization Title', 'jobTitle'],
  ['Organization Department', 'department'], ['Birthday', 'birthday'], ['Notes', 'notes'], ['Photo', null], ['Labels', 'categories'],
];

/** Gmail-era "Google CSV": the fixed columns (older files lack Language and Photo). */
export const GOOGLE_LEGACY_FIXED: HeaderTable = [
  ['Name', 'fullName'], ['Given Name', 'firstName'], ['Additional Name', 'middleName'], ['Family Name', 'lastName'], ['Yomi Name', null],
  ['Given Name Yomi', null], ['Additional Name Yomi', null], ['Family Name Yomi', null], ['Name Prefix', 'salutation'],
  ['Name Suffix', 'suffix'], ['Initials', null], ['Nickname', 'nickname'], ['Short Name', null], ['Maiden Name', null],
  ['Birthday', 'birthday'], ['Gender', null], ['Location', null], ['Billing Information', null], ['Directory Server', null],
  ['Mileage', null], ['Occupation', 'occupation'], ['Hobby', null], ['Sensitivity', null], ['Priority', null], ['Subject', null],
  ['Notes', 'notes'], ['Language', null], ['Photo', null], ['Group Membership', 'categories'],
];

/** Headers that tell the new format from the old one. */
export const GOOGLE_NEW_MARKERS = ['Organization Name', 'E-mail 1 - Label', 'Phone 1 - Label', 'Labels', 'File As', 'Phonetic First Name', 'Address 1 - Label'];
export const GOOGLE_LEGACY_MARKERS = ['Given Name', 'Family Name', 'Additional Name', 'Group Membership', 'E-mail 1 - Type', 'Phone 1 - Type', 'Organization 1 - Name', 'Yomi Name'];

const ADDRESS_PARTS: Record<string, Role | null> = {
  street: 'business.street',
  'extended address': 'business.street2',
  city: 'business.city',
  region: 'business.state',
  'postal code': 'business.postalCode',
  country: 'business.country',
  'po box': 'business.poBox',
  formatted: null,
  label: null,
  type: null,
};

const ORGANIZATION_PARTS: Record<string, Role | null> = { name: 'company', title: 'jobTitle', department: 'department' };

/**
 * The role of a numbered-group header, e.g. "E-mail 2 - Value" → email2, "Phone 1 - Label" → phone1.label,
 * "Address 1 - City" → business.city. Only address 1 and organization 1 are mapped (a CRM
 * record has one mailing address and one employer); later groups are known but unmapped.
 * Returns undefined when the header is not a Google group header at all.
 */
export function googleGroupRole(header: string): Role | null | undefined {
  const match = /^(e mail|phone|address|organization|website|relation|event|custom field|im) (\d+) (.+)$/.exec(headerKey(header));
  if (!match) return undefined;
  const [, group, digits, part] = match as unknown as [string, string, string, string];
  const n = Number(digits);
  switch (group) {
    case 'e mail':
      if (part === 'value') return `email${n}`;
      return part === 'label' || part === 'type' ? `email${n}.label` : null;
    case 'phone':
      if (part === 'value') return `phone${n}`;
      return part === 'label' || part === 'type' ? `phone${n}.label` : null;
    case 'address':
      if (!(part in ADDRESS_PARTS)) return null;
      return n === 1 ? ADDRESS_PARTS[part]! : null;
    case 'organization':
      return n === 1 ? (ORGANIZATION_PARTS[part] ?? null) : null;
    case 'website':
      return n === 1 && part === 'value' ? 'webPage' : null;
    default:
      return null;
  }
}

/** Phone labels Google writes, by the CRM phone they belong to (compared case-insensitively, `* ` stripped). */
export const GOOGLE_PHONE_LABELS = {
  work: ['work', 'main', 'business', 'company main', 'work phone', ''],
  mobile: ['mobile', 'cell', 'iphone', 'work mobile'],
  home: ['home'],
  fax: ['work fax', 'fax'],
  other: ['other', 'pager', 'google voice'],
} as const;
