/**
 * Roles: what a column MEANS, independent of language and export. Source tables and
 * synonyms map headers to roles; `mapping/plan.ts` turns roles into fields of one object
 * (the same "Company" column becomes Account.Name for a Contact, Company for a Lead and
 * Name for an Account).
 *
 * Vocabulary:
 * - names: fullName, salutation, firstName, middleName, lastName, suffix, nickname
 * - organisation: company, department, jobTitle (occupation: Google's free-text fallback for it)
 * - addresses: `<group>.<part>`, group business|home|other, part street|street2|street3|city|state|postalCode|country|poBox
 * - phones: businessPhone, businessPhone2, companyMainPhone, primaryPhone, mobilePhone, mobilePhone2, homePhone,
 *   homePhone2, otherPhone, carPhone, businessFax, homeFax, otherFax, phoneExt
 * - Google's labelled phones: phone<N> (value) and phone<N>.label
 * - e-mail: email<N>, with email<N>.type (Outlook SMTP/EX), email<N>.display (Outlook display name), email<N>.label (Google)
 * - other: webPage, birthday, notes, categories, referredBy, leadSource, owner, status, industry, rating, employees,
 *   revenue, accountType
 *
 * `null` in a table means "a known column of that export with no CRM field" (Hobby, Gender...):
 * it still counts for detection and is reported as known-but-unmapped.
 */
export type Role = string;

export type HeaderTable = ReadonlyArray<readonly [header: string, role: Role | null]>;

export const ADDRESS_GROUPS = ['business', 'home', 'other'] as const;
export type AddressGroup = (typeof ADDRESS_GROUPS)[number];
export const ADDRESS_PARTS = ['street', 'street2', 'street3', 'city', 'state', 'postalCode', 'country', 'poBox'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** Roles whose column may appear twice with different meanings are handled by occurrence (French "Titre"). */
export const NAME_ROLES = ['salutation', 'firstName', 'middleName', 'lastName', 'suffix'] as const;
