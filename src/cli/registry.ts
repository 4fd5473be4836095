import type { Command } from 'commander';

/**
 * Top-level commands and where they live. Only the module of the command
 * being run is loaded, so scripts calling crmctl thousands of times start fast.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<{ register(program: Command): void }>;
}

export const COMMANDS: CommandEntry[] = [
  { name: 'init', summary: 'create an org and its first System Administrator', load: () => import('../commands/init.js') },
  { name: 'org', summary: 'show or change the company profile and fiscal year', load: () => import('../commands/org/index.js') },
  { name: 'record', summary: 'create, get, update, delete and list records', load: () => import('../commands/record/index.js') },
  { name: 'import', summary: 'import contacts, leads and accounts (Outlook, Google, ACT!, Excel, CSV, vCard); list, show, undo jobs', load: () => import('../commands/import/index.js') },
  { name: 'update', summary: 'apply an edited export (CSV or XLSX) back to the records by Id', load: () => import('../commands/update.js') },
  { name: 'mapping', summary: 'suggest and save import mappings: which column fills which field', load: () => import('../commands/mapping/index.js') },
  { name: 'dupes', summary: 'find likely duplicates (fuzzy, explainable) and merge them', load: () => import('../commands/dupes/index.js') },
  { name: 'merge', summary: 'list merges; undo a merge', load: () => import('../commands/merge/index.js') },
  { name: 'find', summary: 'search before create: fuzzy lookup by name, e-mail, phone or company', load: () => import('../commands/find.js') },
  { name: 'backup', summary: 'back up the org file; list backups', load: () => import('../commands/backup/index.js') },
  { name: 'restore', summary: 'replace the org with a backup (backing up the current one first)', load: () => import('../commands/restore.js') },
  { name: 'doctor', summary: 'check the org: integrity, foreign keys, schema, orphans, size, unfinished work', load: () => import('../commands/doctor.js') },
  { name: 'guide', summary: 'walk through the implementation guide; show its checklist', load: () => import('../commands/guide/index.js') },
  { name: 'quickstart', summary: 'build a demonstration org and show the main job end to end', load: () => import('../commands/quickstart.js') },
  { name: 'user', summary: 'add, list, update and deactivate users; reset passwords', load: () => import('../commands/user/index.js') },
  { name: 'profile', summary: 'profiles and object permissions: list, show, clone, set', load: () => import('../commands/profile/index.js') },
  { name: 'role', summary: 'the role hierarchy: add, tree, move, remove', load: () => import('../commands/role/index.js') },
  { name: 'sharing', summary: 'org-wide sharing defaults: show, set', load: () => import('../commands/sharing/index.js') },
  { name: 'team', summary: 'account teams: enable, roles, add, list, remove', load: () => import('../commands/team/index.js') },
  { name: 'access', summary: 'explain why a user can or cannot read and edit a record', load: () => import('../commands/access/index.js') },
  { name: 'audit', summary: 'the setup audit trail (users, roles, profiles, sharing, teams)', load: () => import('../commands/audit.js') },
  { name: 'login', summary: 'log in as a user; sets a new password at first login', load: () => import('../commands/login.js') },
  { name: 'passwd', summary: 'change your own password', load: () => import('../commands/passwd.js') },
  { name: 'field', summary: 'custom fields: add, list, rename, remove', load: () => import('../commands/field/index.js') },
  { name: 'picklist', summary: 'picklist values: list, add-value, remove-value (stages with probabilities)', load: () => import('../commands/picklist/index.js') },
  { name: 'layout', summary: 'page layouts: field order, sections, required fields', load: () => import('../commands/layout/index.js') },
  { name: 'report', summary: 'standard and custom reports: list, run (table, chart, CSV, XLSX), create', load: () => import('../commands/report/index.js') },
  { name: 'dashboard', summary: 'dashboards: adoption, data-quality, kpi', load: () => import('../commands/dashboard/index.js') },
  { name: 'export', summary: 'export records you can read to CSV or XLSX (Id first, formula-safe)', load: () => import('../commands/export/index.js') },
  { name: 'migrate', summary: 'run a migration plan (several related files with lookups), dry-run, resume, undo; init a plan from a folder', load: () => import('../commands/migrate/index.js') },
  { name: 'web-to-lead', summary: 'capture web leads: generate the HTML form, run the capture endpoint', load: () => import('../commands/web-to-lead/index.js') },
  { name: 'queue', summary: 'lead queues: add, member add|remove, list', load: () => import('../commands/queue/index.js') },
  { name: 'assignment-rule', summary: 'lead assignment rules: add, list, remove (user, queue or round-robin)', load: () => import('../commands/assignment-rule/index.js') },
  { name: 'lead', summary: 'leads: assign by the rules, reassign, convert, claim from a queue', load: () => import('../commands/lead/index.js') },
  { name: 'partner', summary: 'partner channel: enable (irreversible), partner accounts and users, claim limit', load: () => import('../commands/partner/index.js') },
];
