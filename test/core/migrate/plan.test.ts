import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Ajv } from 'ajv';
import { checkPlanStructure, parsePlan, planSchema } from '../../../src/core/migrate/plan.js';
import { CrmError } from '../../../src/core/errors.js';

const repoFile = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The ```yaml / ```json blocks of a Markdown file that are plans (they have `steps`). */
function examplePlans(markdown: string): { lang: string; text: string }[] {
  const blocks = [...markdown.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
  return blocks.filter((b) => /^\s*"?steps"?\s*:/m.test(b.text) && /^\s*"?version"?\s*:\s*1/m.test(b.text));
}

function problemsOf(text: string): string[] {
  try {
    parsePlan(text, 'plan.yaml');
  } catch (error) {
    return ((error as CrmError).details?.problems as string[]) ?? [(error as Error).message];
  }
  return [];
}

describe('migration plan files', () => {
  it('the published schema is a valid draft-07 schema ajv compiles', () => {
    expect(() => new Ajv({ strict: false }).compile(planSchema())).not.toThrow();
  });

  it('validates the example plans of docs/migrate.md (and README.md when it has them) against the schema', () => {
    const sources = ['docs/migrate.md', 'README.md'].filter((f) => existsSync(repoFile(f)));
    const examples = sources.flatMap((f) => examplePlans(readFileSync(repoFile(f), 'utf8')).map((e) => ({ ...e, file: f })));
    expect(examples.filter((e) => e.file === 'docs/migrate.md').map((e) => e.lang)).toEqual(['yaml', 'json']);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(planSchema());
    for (const example of examples) {
      const value: unknown = parseDocument(example.text).toJS();
      expect(validate(value), `${example.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(checkPlanStructure(value)).toEqual([]);
    }
  });

  it('the fixture plan is valid and keeps its steps in order', () => {
    const plan = parsePlan(readFileSync(repoFile('fixtures/migrate/plan.yaml'), 'utf8'), 'plan.yaml');
    expect(plan.steps.map((s) => `${s.name}:${s.object}`)).toEqual(['accounts:Account', 'contacts:Contact', 'opportunities:Opportunity', 'tasks:Task']);
    expect(plan.steps[1]!.lookups).toEqual([{ field: 'AccountId', column: 'Company ID', object: 'Account', matchOn: 'Legacy_Id__c' }]);
  });

  it('reports every structural problem as path: message, not just the first', () => {
    const problems = problemsOf(`
version: 2
colour: blue
steps:
  - name: contacts
    file: contacts.csv
    mode: merge
    lookups:
      - { field: AccountId, column: Company ID, object: Account, onMissing: guess }
  - file: tasks.csv
    object: Task
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'version: must be 1',
        'colour: unknown property',
        'steps[0].object: is required',
        'steps[0].mode: must be one of insert, update, upsert',
        'steps[0].lookups[0].matchOn: is required',
        'steps[0].lookups[0].onMissing: must be one of reject, create, blank',
        'steps[1].name: is required',
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it('rules beyond the schema: unique step names, a key for upserts, one source per field', () => {
    const problems = problemsOf(`
version: 1
steps:
  - { name: accounts, file: a.csv, object: Account, mode: upsert, mapping: { Name: Company } }
  - name: Accounts
    file: c.csv
    object: Contact
    mapping: { AccountId: Company }
    lookups:
      - { field: AccountId, column: Company, object: Account, matchOn: Name }
`);
    expect(problems).toEqual([
      'steps[0].matchOn: mode upsert needs matchOn (Email, Id or an external id field)',
      'steps[1].name: "Accounts" is already the name of steps[0]',
      'steps[1].lookups[0].field: AccountId is also in the mapping; keep one',
    ]);
  });

  it('mapping and mappingFile together are refused; a bad step name is named', () => {
    expect(problemsOf('version: 1\nsteps:\n  - { name: a, file: a.csv, object: Account, mapping: { Name: N }, mappingFile: m.json }\n')).toEqual([
      'steps[0]: give either mapping or mappingFile, not both',
    ]);
    expect(problemsOf('version: 1\nsteps:\n  - { name: "../x", file: a.csv, object: Account }\n')[0]).toMatch(/^steps\[0\]\.name: must match pattern/);
  });

  it('YAML syntax errors and duplicate keys are BAD_INPUT_FILE with the line', () => {
    expect(() => parsePlan('version: 1\nsteps: [\n', 'p.yaml')).toThrow(/not valid YAML/);
    expect(() => parsePlan('version: 1\nversion: 1\nsteps: []\n', 'p.yaml')).toThrow(/Map keys must be unique/);
    const error = (() => {
      try {
        parsePlan('version: 1\nsteps: []\n', 'p.yaml');
      } catch (caught) {
        return caught as CrmError;
      }
      throw new Error('an empty plan was accepted');
    })();
    expect(error.code).toBe('BAD_INPUT_FILE');
    expect(error.details?.problems).toEqual(['steps: must NOT have fewer than 1 items']);
  });

  it('JSON plans parse too (YAML is a superset)', () => {
    const plan = parsePlan('{"version":1,"steps":[{"name":"a","file":"a.csv","object":"Account"}]}', 'p.json');
    expect(plan.steps[0]!.file).toBe('a.csv');
  });
});
