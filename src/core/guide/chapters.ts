/**
 * The implementation guide's chapters and steps. A step is `auto` when the
 * org's state shows whether it is done, `manual` when only the admin can say
 * (`crmctl guide done <step>`).
 */
export type Signal =
  | { kind: 'audit'; prefixes: string[] }
  | { kind: 'count'; table: string; atLeast: number }
  | { kind: 'setting'; prefix: string }
  | { kind: 'users-active'; atLeast: number }
  | { kind: 'any'; signals: Signal[] };

export interface GuideStep {
  id: string;
  title: string;
  /** One or two sentences on why the step matters. */
  explain: string;
  /** The crmctl command that does it (shown, and run from the wizard where it needs no more input). */
  command?: string;
  /** Absent for manual steps. */
  signal?: Signal;
}

export interface GuideChapter {
  id: string;
  title: string;
  steps: GuideStep[];
}

export const GUIDE: GuideChapter[] = [
  {
    id: 'plan',
    title: 'Plan and prepare',
    steps: [
      {
        id: 'company-profile',
        title: 'Set the company profile (time zone, locale, currency)',
        explain: 'Dates, numbers and amounts are shown and entered in the company’s time zone, locale and currency; set them before any data arrives.',
        command: 'crmctl org set --timezone <zone> --locale <locale> --currency <code>',
        signal: { kind: 'any', signals: [{ kind: 'audit', prefixes: ['org.timezone', 'org.locale', 'org.currency'] }, { kind: 'setting', prefix: 'profile.confirmed' }] },
      },
      {
        id: 'fiscal-year',
        title: 'Set the fiscal year',
        explain: 'Forecasts and quarterly reports follow the fiscal year; a standard fiscal year only needs its starting month.',
        command: 'crmctl org set --fiscal-start-month <1-12>',
        signal: { kind: 'any', signals: [{ kind: 'audit', prefixes: ['org.fiscalStartMonth'] }, { kind: 'setting', prefix: 'fiscal.confirmed' }] },
      },
      {
        id: 'plan-data',
        title: 'Decide which data to migrate and who owns it',
        explain: 'List the address books and spreadsheets to bring over, clean them at the source, and decide which user will own each record.',
      },
      {
        id: 'plan-security',
        title: 'Sketch the role hierarchy and who should see what',
        explain: 'Draw the reporting lines and decide whether records are private, readable or editable by everyone before creating users.',
      },
    ],
  },
  {
    id: 'setup',
    title: 'Set up',
    steps: [
      {
        id: 'add-users',
        title: 'Add users (temporary passwords, notify later)',
        explain: 'Each person gets a login with a temporary password; hold back the notification e-mail until the org is ready.',
        command: 'crmctl user add <username> --name "<name>" --email <email> --profile "Standard User" --no-notify',
        signal: { kind: 'users-active', atLeast: 2 },
      },
      {
        id: 'profiles',
        title: 'Review profiles and object permissions',
        explain: 'Profiles decide what each kind of user may read, create, edit and delete; clone a standard profile to adjust it.',
        command: 'crmctl profile clone "Standard User" "Sales Rep"',
        signal: { kind: 'any', signals: [{ kind: 'audit', prefixes: ['profile.'] }] },
      },
      {
        id: 'roles',
        title: 'Define the role hierarchy',
        explain: 'Managers see the records of the people below them in the hierarchy.',
        command: 'crmctl role add "<role>" --parent "<parent role>"',
        signal: { kind: 'count', table: 'UserRole', atLeast: 1 },
      },
      {
        id: 'sharing',
        title: 'Set org-wide sharing defaults',
        explain: 'Choose Private, Public Read Only or Public Read/Write for accounts, contacts, opportunities and leads.',
        command: 'crmctl sharing set account=private contact=private opportunity=private lead=read-write',
        signal: { kind: 'any', signals: [{ kind: 'audit', prefixes: ['sharing.'] }] },
      },
      {
        id: 'account-teams',
        title: 'Enable account teams (optional)',
        explain: 'Account teams give named colleagues access to an account and its deals without changing its owner.',
        command: 'crmctl team enable',
        signal: { kind: 'any', signals: [{ kind: 'audit', prefixes: ['team.'] }] },
      },
    ],
  },
  {
    id: 'customize',
    title: 'Customize',
    steps: [
      {
        id: 'custom-fields',
        title: 'Add the custom fields your business needs',
        explain: 'Capture what the standard fields do not, before importing, so imports can fill them.',
        command: 'crmctl field add contact "<label>" --type text',
        signal: { kind: 'count', table: 'field_def', atLeast: 1 },
      },
      {
        id: 'picklists',
        title: 'Adjust picklist values',
        explain: 'Make lead sources, ratings and stages match how your team talks.',
        command: 'crmctl picklist add-value account Rating Lukewarm',
        signal: { kind: 'audit', prefixes: ['picklist.'] },
      },
      {
        id: 'page-layouts',
        title: 'Set page layouts and required fields',
        explain: 'Ask for fields in a sensible order and insist on the ones your reports depend on.',
        command: 'crmctl layout set contact --required Email,Phone',
        signal: { kind: 'audit', prefixes: ['layout.'] },
      },
      {
        id: 'reports',
        title: 'Create the reports and dashboards managers will use',
        explain: 'Pipeline, lead sources and forecasts should be ready on the first day.',
        command: 'crmctl report list',
        signal: { kind: 'audit', prefixes: ['report.', 'dashboard.'] },
      },
    ],
  },
  {
    id: 'go-live',
    title: 'Go live',
    steps: [
      {
        id: 'test-import',
        title: 'Test an import with 5-10 records, check it, undo it',
        explain: 'A small test import shows mapping and cleaning mistakes while they are cheap to undo.',
        command: 'crmctl import <file> --object contact --sample 10',
        signal: { kind: 'audit', prefixes: ['import.test'] },
      },
      {
        id: 'import-data',
        title: 'Import accounts, contacts and leads',
        explain: 'Run the full import once the test looks right; every row ends imported or in the error file.',
        command: 'crmctl import <file> --object contact',
        signal: { kind: 'any', signals: [{ kind: 'audit', prefixes: ['import.run', 'migrate.'] }] },
      },
      {
        id: 'clean-duplicates',
        title: 'Find and merge duplicates',
        explain: 'Several address books hold the same people; merge them so every person is one record.',
        command: 'crmctl dupes find contact',
        signal: { kind: 'audit', prefixes: ['dupes.'] },
      },
      {
        id: 'notify-users',
        title: 'Send users their login details',
        explain: 'Now the org is ready, reset passwords to send each user their welcome e-mail.',
        command: 'crmctl user reset-password <username>',
        signal: { kind: 'audit', prefixes: ['user.notify', 'user.reset-password'] },
      },
      {
        id: 'train-users',
        title: 'Train users',
        explain: 'Short, role-specific sessions: how to find, create and update the records each person owns.',
      },
    ],
  },
  {
    id: 'adoption',
    title: 'Drive adoption',
    steps: [
      {
        id: 'users-active',
        title: 'Check that users are working in the org',
        explain: 'Adoption shows in logins and records created; follow up with those who have not started.',
        command: 'crmctl dashboard adoption',
        signal: { kind: 'audit', prefixes: ['user.login'] },
      },
      {
        id: 'data-quality',
        title: 'Review data quality regularly',
        explain: 'Blank fields, invalid values and new duplicates creep in; a monthly look keeps reports trustworthy.',
        command: 'crmctl dashboard data-quality',
      },
      {
        id: 'gather-feedback',
        title: 'Gather feedback and adjust',
        explain: 'Ask users what slows them down and adjust layouts, fields and reports.',
      },
    ],
  },
];

export function findStep(id: string): { chapter: GuideChapter; step: GuideStep } | undefined {
  for (const chapter of GUIDE) {
    const step = chapter.steps.find((s) => s.id === id);
    if (step) return { chapter, step };
  }
  return undefined;
}
