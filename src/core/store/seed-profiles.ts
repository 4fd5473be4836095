/** The standard profiles every org starts with. */
export interface ObjectPermissions {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface StandardProfile {
  id: string;
  name: string;
  description: string;
  license: string;
  permissions: Record<string, ObjectPermissions>;
}

const DATA_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'OpportunityContactRole', 'Task'] as const;

const perms = (read: boolean, create: boolean, edit: boolean, del: boolean, viewAll: boolean, modifyAll: boolean): ObjectPermissions => ({
  read,
  create,
  edit,
  delete: del,
  viewAll,
  modifyAll,
});

const forAll = (p: ObjectPermissions, objects: readonly string[] = DATA_OBJECTS): Record<string, ObjectPermissions> =>
  Object.fromEntries(objects.map((o) => [o, { ...p }]));

export const SYSTEM_ADMINISTRATOR_PROFILE_ID = '00e000000000001';
export const STANDARD_USER_PROFILE_ID = '00e000000000002';
export const READ_ONLY_PROFILE_ID = '00e000000000003';

export const STANDARD_PROFILES: StandardProfile[] = [
  {
    id: SYSTEM_ADMINISTRATOR_PROFILE_ID,
    name: 'System Administrator',
    description: 'Full access: manages users, security, customisation and all data.',
    license: 'Salesforce',
    permissions: forAll(perms(true, true, true, true, true, true), [...DATA_OBJECTS, 'User']),
  },
  {
    id: STANDARD_USER_PROFILE_ID,
    name: 'Standard User',
    description: 'Creates and edits the records they can see; no setup rights.',
    license: 'Salesforce',
    permissions: { ...forAll(perms(true, true, true, true, false, false)), User: perms(true, false, false, false, false, false) },
  },
  {
    id: READ_ONLY_PROFILE_ID,
    name: 'Read Only',
    description: 'Reads the records they can see; never writes.',
    license: 'Salesforce',
    permissions: { ...forAll(perms(true, false, false, false, false, false)), User: perms(true, false, false, false, false, false) },
  },
];
