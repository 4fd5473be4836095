import type { FieldDef, ObjectDef, PicklistValueDef } from './types.js';

/**
 * The standard objects, with Salesforce's API field names so that admins
 * recognise them and mapping files read naturally.
 */
const systemFields = (): FieldDef[] => [
  { name: 'Id', label: 'Record ID', type: 'id', readOnly: true },
  { name: 'CreatedDate', label: 'Created Date', type: 'datetime', readOnly: true },
  { name: 'CreatedById', label: 'Created By ID', type: 'reference', referenceTo: ['User'], readOnly: true },
  { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  { name: 'LastModifiedById', label: 'Last Modified By ID', type: 'reference', referenceTo: ['User'], readOnly: true },
];

const text = (name: string, label: string, length = 255, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'text',
  length,
  ...extra,
});
const typed = (name: string, label: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type,
  ...extra,
});
const ref = (name: string, label: string, to: string[], extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'reference',
  referenceTo: to,
  ...extra,
});

const address = (prefix: string, labelPrefix: string): FieldDef[] => [
  typed(`${prefix}Street`, `${labelPrefix}Street`, 'textarea', { length: 255 }),
  text(`${prefix}City`, `${labelPrefix}City`, 40),
  text(`${prefix}State`, `${labelPrefix}State/Province`, 80),
  text(`${prefix}PostalCode`, `${labelPrefix}Zip/Postal Code`, 20),
  text(`${prefix}Country`, `${labelPrefix}Country`, 80),
];

export const USER: ObjectDef = {
  name: 'User',
  label: 'User',
  pluralLabel: 'Users',
  keyPrefix: '005',
  nameFields: ['FirstName', 'LastName'],
  fields: [
    ...systemFields(),
    text('Username', 'Username', 80, { required: true }),
    text('FirstName', 'First Name', 40),
    text('LastName', 'Last Name', 80, { required: true }),
    typed('Email', 'Email', 'email', { required: true }),
    text('Alias', 'Alias', 8),
    text('Title', 'Title', 80),
    text('Department', 'Department', 80),
    typed('Phone', 'Phone', 'phone'),
    ref('ProfileId', 'Profile', ['Profile'], { required: true }),
    ref('UserRoleId', 'Role', ['UserRole']),
    ref('ManagerId', 'Manager', ['User']),
    typed('IsActive', 'Active', 'checkbox', { defaultValue: 'true' }),
    text('UserType', 'User Type', 40, { readOnly: true }),
    ref('ContactId', 'Contact', ['Contact'], { readOnly: true }),
    typed('LastLoginDate', 'Last Login', 'datetime', { readOnly: true }),
  ],
};

export const ACCOUNT: ObjectDef = {
  name: 'Account',
  label: 'Account',
  pluralLabel: 'Accounts',
  keyPrefix: '001',
  nameFields: ['Name'],
  fields: [
    ...systemFields(),
    text('Name', 'Account Name', 255, { required: true }),
    text('Site', 'Account Site', 80),
    typed('Type', 'Type', 'picklist'),
    typed('Industry', 'Industry', 'picklist'),
    typed('Rating', 'Rating', 'picklist'),
    typed('Phone', 'Phone', 'phone'),
    typed('Fax', 'Fax', 'phone'),
    typed('Website', 'Website', 'url'),
    ...address('Billing', 'Billing '),
    ...address('Shipping', 'Shipping '),
    typed('NumberOfEmployees', 'Employees', 'number', { precision: 8, scale: 0 }),
    typed('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
    typed('Description', 'Description', 'textarea', { length: 32000 }),
    ref('OwnerId', 'Account Owner', ['User']),
    ref('ParentId', 'Parent Account', ['Account']),
  ],
};

export const CONTACT: ObjectDef = {
  name: 'Contact',
  label: 'Contact',
  pluralLabel: 'Contacts',
  keyPrefix: '003',
  nameFields: ['FirstName', 'LastName'],
  fields: [
    ...systemFields(),
    typed('Salutation', 'Salutation', 'picklist'),
    text('FirstName', 'First Name', 40),
    text('MiddleName', 'Middle Name', 40),
    text('LastName', 'Last Name', 80, { required: true }),
    text('Suffix', 'Suffix', 40),
    typed('Email', 'Email', 'email'),
    typed('Phone', 'Business Phone', 'phone'),
    typed('MobilePhone', 'Mobile Phone', 'phone'),
    typed('HomePhone', 'Home Phone', 'phone'),
    typed('OtherPhone', 'Other Phone', 'phone'),
    typed('Fax', 'Business Fax', 'phone'),
    text('Title', 'Title', 128),
    text('Department', 'Department', 80),
    ...address('Mailing', 'Mailing '),
    typed('Birthdate', 'Birthdate', 'date'),
    typed('LeadSource', 'Lead Source', 'picklist'),
    typed('Description', 'Description', 'textarea', { length: 32000 }),
    ref('AccountId', 'Account Name', ['Account']),
    ref('ReportsToId', 'Reports To', ['Contact']),
    ref('OwnerId', 'Contact Owner', ['User']),
  ],
};

export const LEAD: ObjectDef = {
  name: 'Lead',
  label: 'Lead',
  pluralLabel: 'Leads',
  keyPrefix: '00Q',
  nameFields: ['FirstName', 'LastName'],
  fields: [
    ...systemFields(),
    typed('Salutation', 'Salutation', 'picklist'),
    text('FirstName', 'First Name', 40),
    text('MiddleName', 'Middle Name', 40),
    text('LastName', 'Last Name', 80, { required: true }),
    text('Suffix', 'Suffix', 40),
    text('Company', 'Company', 255, { required: true }),
    text('Title', 'Title', 128),
    typed('Email', 'Email', 'email'),
    typed('Phone', 'Phone', 'phone'),
    typed('MobilePhone', 'Mobile Phone', 'phone'),
    typed('Website', 'Website', 'url'),
    typed('Status', 'Lead Status', 'picklist', { required: true }),
    typed('LeadSource', 'Lead Source', 'picklist'),
    typed('Rating', 'Rating', 'picklist'),
    typed('Industry', 'Industry', 'picklist'),
    typed('NumberOfEmployees', 'No. of Employees', 'number', { precision: 8, scale: 0 }),
    typed('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
    ...address('', ''),
    typed('Description', 'Description', 'textarea', { length: 32000 }),
    // Queues own leads too, so the owner may be a user or a queue.
    ref('OwnerId', 'Lead Owner', ['User', 'Queue']),
    typed('IsConverted', 'Converted', 'checkbox', { readOnly: true, defaultValue: 'false' }),
    typed('ConvertedDate', 'Converted Date', 'date', { readOnly: true }),
    ref('ConvertedAccountId', 'Converted Account', ['Account'], { readOnly: true }),
    ref('ConvertedContactId', 'Converted Contact', ['Contact'], { readOnly: true }),
    ref('ConvertedOpportunityId', 'Converted Opportunity', ['Opportunity'], { readOnly: true }),
  ],
};

export const OPPORTUNITY: ObjectDef = {
  name: 'Opportunity',
  label: 'Opportunity',
  pluralLabel: 'Opportunities',
  keyPrefix: '006',
  nameFields: ['Name'],
  fields: [
    ...systemFields(),
    text('Name', 'Opportunity Name', 120, { required: true }),
    ref('AccountId', 'Account Name', ['Account']),
    typed('Type', 'Type', 'picklist'),
    typed('StageName', 'Stage', 'picklist', { required: true }),
    typed('Amount', 'Amount', 'currency', { precision: 18, scale: 2 }),
    typed('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0 }),
    typed('CloseDate', 'Close Date', 'date', { required: true }),
    typed('LeadSource', 'Lead Source', 'picklist'),
    text('NextStep', 'Next Step', 255),
    typed('ForecastCategoryName', 'Forecast Category', 'picklist'),
    typed('Description', 'Description', 'textarea', { length: 32000 }),
    typed('IsClosed', 'Closed', 'checkbox', { readOnly: true }),
    typed('IsWon', 'Won', 'checkbox', { readOnly: true }),
    typed('LastStageChangeDate', 'Last Stage Change Date', 'datetime', { readOnly: true }),
    ref('OwnerId', 'Opportunity Owner', ['User']),
  ],
};

export const OPPORTUNITY_CONTACT_ROLE: ObjectDef = {
  name: 'OpportunityContactRole',
  label: 'Opportunity Contact Role',
  pluralLabel: 'Opportunity Contact Roles',
  keyPrefix: '00K',
  nameFields: ['Role'],
  fields: [
    ...systemFields(),
    ref('OpportunityId', 'Opportunity', ['Opportunity'], { required: true }),
    ref('ContactId', 'Contact', ['Contact'], { required: true }),
    typed('Role', 'Role', 'picklist'),
    typed('IsPrimary', 'Primary', 'checkbox', { defaultValue: 'false' }),
  ],
};

export const TASK: ObjectDef = {
  name: 'Task',
  label: 'Task',
  pluralLabel: 'Tasks',
  keyPrefix: '00T',
  nameFields: ['Subject'],
  fields: [
    ...systemFields(),
    text('Subject', 'Subject', 255, { required: true }),
    typed('Status', 'Status', 'picklist', { required: true }),
    typed('Priority', 'Priority', 'picklist', { required: true }),
    typed('ActivityDate', 'Due Date', 'date'),
    typed('Description', 'Comments', 'textarea', { length: 32000 }),
    // Who = a contact or lead; What = an account or opportunity (polymorphic, like Salesforce).
    ref('WhoId', 'Name', ['Contact', 'Lead']),
    ref('WhatId', 'Related To', ['Account', 'Opportunity']),
    ref('OwnerId', 'Assigned To', ['User']),
  ],
};

export const STANDARD_OBJECTS: readonly ObjectDef[] = [
  USER,
  ACCOUNT,
  CONTACT,
  LEAD,
  OPPORTUNITY,
  OPPORTUNITY_CONTACT_ROLE,
  TASK,
];

const values = (...names: string[]): PicklistValueDef[] => names.map((value) => ({ value }));

const LEAD_SOURCES = values(
  'Advertisement',
  'Employee Referral',
  'External Referral',
  'Partner Referral',
  'Phone Inquiry',
  'Purchased List',
  'Seminar - Internal',
  'Seminar - Partner',
  'Trade Show',
  'Web',
  'Word of mouth',
  'Other',
);

const INDUSTRIES = values(
  'Agriculture', 'Apparel', 'Banking', 'Biotechnology', 'Chemicals', 'Communications', 'Construction',
  'Consulting', 'Education', 'Electronics', 'Energy', 'Engineering', 'Entertainment', 'Environmental',
  'Finance', 'Food & Beverage', 'Government', 'Healthcare', 'Hospitality', 'Insurance', 'Machinery',
  'Manufacturing', 'Media', 'Not For Profit', 'Recreation', 'Retail', 'Shipping', 'Technology',
  'Telecommunications', 'Transportation', 'Utilities', 'Other',
);

const RATINGS = values('Hot', 'Warm', 'Cold');
const SALUTATIONS = values('Mr.', 'Ms.', 'Mrs.', 'Mx.', 'Dr.', 'Prof.');

/** Opportunity stages with Salesforce's default probabilities and forecast categories. */
export const OPPORTUNITY_STAGES: PicklistValueDef[] = [
  { value: 'Prospecting', probability: 10, forecastCategory: 'Pipeline', isDefault: true },
  { value: 'Qualification', probability: 10, forecastCategory: 'Pipeline' },
  { value: 'Needs Analysis', probability: 20, forecastCategory: 'Pipeline' },
  { value: 'Value Proposition', probability: 50, forecastCategory: 'Pipeline' },
  { value: 'Id. Decision Makers', probability: 60, forecastCategory: 'Pipeline' },
  { value: 'Perception Analysis', probability: 70, forecastCategory: 'Pipeline' },
  { value: 'Proposal/Price Quote', probability: 75, forecastCategory: 'Best Case' },
  { value: 'Negotiation/Review', probability: 90, forecastCategory: 'Commit' },
  { value: 'Closed Won', probability: 100, forecastCategory: 'Closed', isClosed: true, isWon: true },
  { value: 'Closed Lost', probability: 0, forecastCategory: 'Omitted', isClosed: true, isWon: false },
];

/** Standard picklist values, keyed `Object.Field`. Seeded into the org on init. */
export const STANDARD_PICKLISTS: Record<string, PicklistValueDef[]> = {
  'Account.Type': values(
    'Prospect',
    'Customer - Direct',
    'Customer - Channel',
    'Channel Partner / Reseller',
    'Installation Partner',
    'Technology Partner',
    'Other',
  ),
  'Account.Industry': INDUSTRIES,
  'Account.Rating': RATINGS,
  'Contact.Salutation': SALUTATIONS,
  'Contact.LeadSource': LEAD_SOURCES,
  'Lead.Salutation': SALUTATIONS,
  'Lead.Status': [
    { value: 'Open - Not Contacted', isDefault: true },
    { value: 'Working - Contacted' },
    { value: 'Closed - Converted', isClosed: true },
    { value: 'Closed - Not Converted', isClosed: true },
  ],
  'Lead.LeadSource': LEAD_SOURCES,
  'Lead.Rating': RATINGS,
  'Lead.Industry': INDUSTRIES,
  'Opportunity.Type': values('Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Customer'),
  'Opportunity.StageName': OPPORTUNITY_STAGES,
  'Opportunity.LeadSource': LEAD_SOURCES,
  'Opportunity.ForecastCategoryName': values('Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'),
  'OpportunityContactRole.Role': values(
    'Business User',
    'Decision Maker',
    'Economic Buyer',
    'Economic Decision Maker',
    'Evaluator',
    'Executive Sponsor',
    'Influencer',
    'Technical Buyer',
    'Other',
  ),
  'Task.Status': [
    { value: 'Not Started', isDefault: true },
    { value: 'In Progress' },
    { value: 'Completed', isClosed: true },
    { value: 'Waiting on someone else' },
    { value: 'Deferred' },
  ],
  'Task.Priority': [{ value: 'High' }, { value: 'Normal', isDefault: true }, { value: 'Low' }],
};
