import type { ObjectDef } from '../../schema/types.js';
import type { SourceKind } from '../types.js';
import { GOOGLE_PHONE_LABELS } from '../sources/google.js';
import type { Role } from '../sources/roles.js';
import { ACCOUNT_NAME_FIELD, OWNER_FIELD, type ColumnRef, type FieldRule, type NamePart, type SplitRule } from './types.js';

/**
 * Roles → rules for one object. The same file maps differently per object: "Company" is
 * Account.Name for a Contact, Company for a Lead and Name for an Account; "Business City" is
 * MailingCity, City and BillingCity.
 */

/** How each used column serves the mapping, for the per-column report. */
export interface ColumnUse {
  field: string;
  rule: 'column' | 'join' | 'firstOf' | 'split:name' | 'exchange-type' | 'exchange-display-name' | 'label' | 'constant';
}

export interface PlannedRules {
  fields: Record<string, FieldRule>;
  splits: SplitRule[];
  /** Column name → uses. */
  uses: Map<string, ColumnUse[]>;
  /** Column name → why its role was not used (e.g. "Contact has no web page field"). */
  unused: Map<string, string>;
}

const has = (object: ObjectDef, field: string) =>
  field === ACCOUNT_NAME_FIELD ? object.fields.some((f) => f.name === 'AccountId') : field === OWNER_FIELD ? object.fields.some((f) => f.name === 'OwnerId') : object.fields.some((f) => f.name === field && !f.readOnly);

/** Address field prefix per object: Contact Mailing*, Account Billing*, Lead plain. */
const ADDRESS_PREFIX: Record<string, string> = { Contact: 'Mailing', Account: 'Billing', Lead: '' };

export function planRules(object: ObjectDef, roles: ReadonlyMap<Role, string>, source: SourceKind): PlannedRules {
  const fields = Object.create(null) as Record<string, FieldRule>;
  const splits: SplitRule[] = [];
  const uses = new Map<string, ColumnUse[]>();
  const unused = new Map<string, string>();
  const col = (role: Role) => roles.get(role);
  const use = (column: string, u: ColumnUse) => uses.set(column, [...(uses.get(column) ?? []), u]);
  const multiValue = source === 'google' || source === 'google-legacy';
  const isPerson = object.name === 'Contact' || object.name === 'Lead';

  /** Set `field` from the first present of `roleList` (plain column, or firstOf when several). */
  const fromRoles = (field: string, roleList: Role[], options: { separator?: string } = {}) => {
    const columns = roleList.map(col).filter((c): c is string => c !== undefined);
    if (columns.length === 0) return;
    if (!has(object, field)) {
      for (const c of columns) if (!uses.has(c)) unused.set(c, `${object.name} has no field for it`);
      return;
    }
    if (columns.length === 1) {
      fields[field] = multiValue ? { column: columns[0]!, multiValue } : columns[0]!;
      use(columns[0]!, { field, rule: 'column' });
    } else if (options.separator !== undefined) {
      fields[field] = { join: columns, separator: options.separator, ...(multiValue ? { multiValue } : {}) };
      for (const c of columns) use(c, { field, rule: 'join' });
    } else {
      fields[field] = { firstOf: columns, ...(multiValue ? { multiValue } : {}) };
      for (const c of columns) use(c, { field, rule: 'firstOf' });
    }
  };

  // Names.
  if (isPerson) {
    const nameFields: Array<[Role, string, NamePart]> = [
      ['salutation', 'Salutation', 'salutation'], ['firstName', 'FirstName', 'first'], ['middleName', 'MiddleName', 'middle'],
      ['lastName', 'LastName', 'last'], ['suffix', 'Suffix', 'suffix'],
    ];
    for (const [role, field] of nameFields) fromRoles(field, [role]);
    // A full-name column is split even beside First/Last Name columns: the split only fills fields a
    // row left empty (compile.ts), so it rescues rows that carry just a display name.
    const full = col('fullName');
    if (full) {
      const into: Partial<Record<NamePart, string>> = {};
      for (const [, field, part] of nameFields) if (has(object, field)) into[part] = field;
      splits.push({ column: full, splitter: 'name', into });
      for (const field of Object.values(into)) use(full, { field, rule: 'split:name' });
    }
  } else {
    for (const role of ['fullName', 'salutation', 'firstName', 'middleName', 'lastName', 'suffix', 'nickname']) {
      const c = col(role);
      if (c) unused.set(c, `a person's name; an ${object.name} has none`);
    }
  }

  // Organisation.
  if (object.name === 'Contact') fromRoles(ACCOUNT_NAME_FIELD, ['company']);
  else if (object.name === 'Lead') fromRoles('Company', ['company']);
  else fromRoles('Name', ['company']);
  if (isPerson) {
    fromRoles('Title', ['jobTitle', 'occupation']);
    fromRoles('Department', ['department']);
  }

  // E-mail: first non-empty address, Exchange-aware.
  const emailRefs: ColumnRef[] = [];
  const emailColumns: Array<[string, string | undefined, string | undefined]> = [];
  for (let n = 1; n <= 20; n++) {
    const address = col(`email${n}`);
    if (!address) continue;
    const type = col(`email${n}.type`);
    const display = col(`email${n}.display`);
    if (type && display) {
      emailRefs.push({ column: address, exchangeTypeColumn: type, displayNameColumn: display });
      emailColumns.push([address, type, display]);
    } else {
      emailRefs.push(address);
      emailColumns.push([address, undefined, undefined]);
    }
  }
  if (emailRefs.length > 0 && has(object, 'Email')) {
    const [first] = emailRefs;
    fields.Email =
      emailRefs.length === 1
        ? typeof first === 'string'
          ? multiValue ? { column: first, multiValue } : first
          : { ...first!, ...(multiValue ? { multiValue } : {}) }
        : { firstOf: emailRefs, ...(multiValue ? { multiValue } : {}) };
    for (const [address, type, display] of emailColumns) {
      use(address, { field: 'Email', rule: emailRefs.length === 1 ? 'column' : 'firstOf' });
      if (type) use(type, { field: 'Email', rule: 'exchange-type' });
      if (display) use(display, { field: 'Email', rule: 'exchange-display-name' });
    }
  } else for (const [address] of emailColumns) unused.set(address, `${object.name} has no e-mail field`);

  // Phones.
  const googlePhones: Array<{ value: string; label?: string }> = [];
  for (let n = 1; n <= 20; n++) {
    const value = col(`phone${n}`);
    if (value) googlePhones.push({ value, ...(col(`phone${n}.label`) ? { label: col(`phone${n}.label`)! } : {}) });
  }
  if (googlePhones.length > 0) {
    const byLabel = (field: string, labels: readonly string[]) => {
      if (!has(object, field)) return;
      fields[field] = {
        firstOf: googlePhones.map((p) => (p.label ? { column: p.value, labelColumn: p.label } : p.value)),
        labels: [...labels],
        multiValue: true,
      };
      for (const p of googlePhones) {
        use(p.value, { field, rule: 'firstOf' });
        if (p.label) use(p.label, { field, rule: 'label' });
      }
    };
    byLabel('Phone', GOOGLE_PHONE_LABELS.work);
    byLabel('MobilePhone', GOOGLE_PHONE_LABELS.mobile);
    byLabel('HomePhone', GOOGLE_PHONE_LABELS.home);
    byLabel('OtherPhone', GOOGLE_PHONE_LABELS.other);
    byLabel('Fax', GOOGLE_PHONE_LABELS.fax);
  }
  const ext = col('phoneExt');
  const businessPhone = col('businessPhone');
  if (ext && businessPhone && has(object, 'Phone') && !['companyMainPhone', 'businessPhone2', 'primaryPhone'].some((r) => col(r))) {
    // ACT! keeps the extension apart; libphonenumber understands "… ext. 123".
    fields.Phone = { join: [businessPhone, ext], separator: ' ext. ' };
    use(businessPhone, { field: 'Phone', rule: 'join' });
    use(ext, { field: 'Phone', rule: 'join' });
  } else fromRoles('Phone', ['businessPhone', 'companyMainPhone', 'businessPhone2', 'primaryPhone']);
  if (isPerson) {
    fromRoles('MobilePhone', ['mobilePhone', 'mobilePhone2']);
    fromRoles('HomePhone', ['homePhone', 'homePhone2']);
    fromRoles('OtherPhone', ['otherPhone', 'carPhone']);
  }
  fromRoles('Fax', ['businessFax']);

  // Address: business first (a CRM keeps the work address), else home for people.
  const prefix = ADDRESS_PREFIX[object.name];
  if (prefix !== undefined) {
    const groupHas = (g: string) => ['street', 'street2', 'street3', 'city', 'state', 'postalCode', 'country', 'poBox'].some((p) => col(`${g}.${p}`));
    const group = groupHas('business') ? 'business' : isPerson && groupHas('home') ? 'home' : undefined;
    if (group) {
      fromRoles(`${prefix}Street`, [`${group}.street`, `${group}.street2`, `${group}.street3`, `${group}.poBox`], { separator: '\n' });
      fromRoles(`${prefix}City`, [`${group}.city`]);
      fromRoles(`${prefix}State`, [`${group}.state`]);
      fromRoles(`${prefix}PostalCode`, [`${group}.postalCode`]);
      fromRoles(`${prefix}Country`, [`${group}.country`]);
    }
  }

  // Everything else.
  fromRoles('Website', ['webPage']);
  fromRoles('Birthdate', ['birthday']);
  fromRoles('Description', ['notes']);
  fromRoles('LeadSource', ['leadSource']);
  fromRoles(OWNER_FIELD, ['owner']);
  if (object.name === 'Lead') fromRoles('Status', ['status']);
  fromRoles('Industry', ['industry']);
  fromRoles('Rating', ['rating']);
  fromRoles('NumberOfEmployees', ['employees']);
  fromRoles('AnnualRevenue', ['revenue']);
  if (object.name === 'Account') fromRoles('Type', ['accountType']);

  for (const [role, column] of roles) {
    if (!uses.has(column) && !unused.has(column)) unused.set(column, roleHint(role, object));
  }
  return { fields, splits, uses, unused };
}

function roleHint(role: Role, object: ObjectDef): string {
  if (role.startsWith('home.') || role.startsWith('other.')) return 'a second address; the mapping uses the business address';
  if (role === 'categories') return 'categories/groups have no standard field';
  if (role === 'referredBy') return 'referrer name; map it to a custom field if needed';
  if (role === 'greeting') return "ACT! greeting name ('Dear ...'), not a salutation";
  if (role === 'idStatus') return 'ACT! ID/Status; map it to a custom field or Type by hand';
  if (/^email\d+\.(type|display|label)$/.test(role)) return 'e-mail helper column not needed here';
  return `${object.name} has no field for it`;
}

const ADDRESS_FIELD_ROLES: Record<string, Role> = { Street: 'business.street', City: 'business.city', State: 'business.state', PostalCode: 'business.postalCode', Country: 'business.country' };
const COMMON_FIELD_ROLES: Record<string, Role> = {
  Salutation: 'salutation', FirstName: 'firstName', MiddleName: 'middleName', LastName: 'lastName', Suffix: 'suffix',
  Email: 'email1', Phone: 'businessPhone', MobilePhone: 'mobilePhone', HomePhone: 'homePhone', OtherPhone: 'otherPhone', Fax: 'businessFax',
  Title: 'jobTitle', Department: 'department', Website: 'webPage', Birthdate: 'birthday', Description: 'notes', LeadSource: 'leadSource',
  Industry: 'industry', Rating: 'rating', NumberOfEmployees: 'employees', AnnualRevenue: 'revenue', [OWNER_FIELD]: 'owner',
};

/**
 * The role behind a field of `object` when the plan would fill it from one (a column literally
 * named "LastName" or "MailingCity" then takes part in name splitting, alternatives and address
 * grouping like any other); undefined for fields no role feeds (custom fields, ShippingCity...).
 */
export function roleForField(object: ObjectDef, field: string): Role | undefined {
  if (object.name === 'Contact' && field === ACCOUNT_NAME_FIELD) return 'company';
  if (object.name === 'Lead' && field === 'Company') return 'company';
  if (object.name === 'Account' && field === 'Name') return 'company';
  if (object.name === 'Lead' && field === 'Status') return 'status';
  if (object.name === 'Account' && field === 'Type') return 'accountType';
  const prefix = ADDRESS_PREFIX[object.name];
  if (prefix !== undefined && field.startsWith(prefix)) {
    const role = ADDRESS_FIELD_ROLES[field.slice(prefix.length)];
    if (role) return role;
  }
  return COMMON_FIELD_ROLES[field];
}
