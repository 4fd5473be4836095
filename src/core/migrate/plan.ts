import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import { CrmError } from '../errors.js';
import type { DateOrder } from '../clean/dates.js';
import type { DuplicateAction, ImportMode } from '../import/engine.js';
import type { FieldRule } from '../import/mapping/types.js';

/**
 * Migration plan files: an ordered list of import steps with lookups between them.
 * `parsePlan` checks the structure against schemas/migration-plan.schema.json and reports every
 * problem as `path: message`; checks that need the org or the files happen when the plan runs.
 */
export type LookupMissing = 'reject' | 'create' | 'blank';

export interface PlanLookup {
  /** Reference field on the step's object filled with the found id (AccountId, WhoId...). */
  field: string;
  /** File column holding the parent's key. */
  column: string;
  /** Parent object searched. */
  object: string;
  /** Parent field compared with the column, case-insensitively. */
  matchOn: string;
  onMissing?: LookupMissing;
}

export interface PlanStepOptions {
  mode?: ImportMode;
  onDuplicate?: DuplicateAction;
  owner?: string;
  dateFormat?: DateOrder;
  defaultCountry?: string;
  encoding?: string;
  delimiter?: string;
  source?: string;
}

export interface PlanStep extends PlanStepOptions {
  name: string;
  file: string;
  object: string;
  sheet?: string;
  matchOn?: string;
  mapping?: Record<string, FieldRule>;
  mappingFile?: string;
  lookups?: PlanLookup[];
}

export interface PlanField {
  object: string;
  label: string;
  type: string;
  length?: number;
  externalId?: boolean;
  values?: string[];
}

export interface MigrationPlan {
  version: 1;
  name?: string;
  output?: string;
  defaults?: PlanStepOptions;
  fields?: PlanField[];
  steps: PlanStep[];
}

export interface LoadedPlan {
  plan: MigrationPlan;
  /** Absolute path of the plan file; step files are relative to its folder. */
  file: string;
  folder: string;
  sha256: string;
}

let validator: ReturnType<Ajv['compile']> | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The published schema, read once (it sits in schemas/ both beside src/ and beside dist/). */
export function planSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../../../schemas/migration-plan.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

function compiledValidator(): ReturnType<Ajv['compile']> {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(planSchema());
  return validator;
}

/** `steps[2].lookups[0].matchOn` from ajv's `/steps/2/lookups/0/matchOn`. */
function jsonPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function describe(error: ErrorObject): string {
  const path = jsonPath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return `${path === '(root)' ? '' : path + '.'}${String(error.params.additionalProperty)}: unknown property`;
    case 'required':
      return `${path === '(root)' ? '' : path + '.'}${String(error.params.missingProperty)}: is required`;
    case 'enum':
      return `${path}: must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `${path}: must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'not':
      return `${path}: give either mapping or mappingFile, not both`;
    default:
      return `${path}: ${error.message ?? 'is invalid'}`;
  }
}

/** Structural problems of a parsed plan (every one, `path: message`), plus the rules a schema cannot say. */
export function checkPlanStructure(value: unknown): string[] {
  const validate = compiledValidator();
  const problems: string[] = [];
  if (!validate(value)) {
    // oneOf branches repeat each other's complaints; keep each message once.
    for (const error of validate.errors ?? []) if (error.keyword !== 'oneOf' && error.keyword !== 'if') problems.push(describe(error));
  }
  // The rules a schema cannot say, checked even when the structure has problems so every one is reported.
  const plan = (isRecord(value) ? value : {}) as Partial<MigrationPlan>;
  const defaultMode = isRecord(plan.defaults) ? plan.defaults.mode : undefined;
  const seen = new Map<string, number>();
  (Array.isArray(plan.steps) ? plan.steps : []).forEach((step: unknown, i) => {
    if (!isRecord(step)) return;
    const s = step as Partial<PlanStep>;
    if (typeof s.name === 'string') {
      const key = s.name.toLowerCase();
      if (seen.has(key)) problems.push(`steps[${i}].name: "${s.name}" is already the name of steps[${seen.get(key)}]`);
      else seen.set(key, i);
    }
    const mode = s.mode ?? defaultMode;
    if ((mode === 'update' || mode === 'upsert') && !s.matchOn) problems.push(`steps[${i}].matchOn: mode ${mode} needs matchOn (Email, Id or an external id field)`);
    const targets = new Set<string>();
    (Array.isArray(s.lookups) ? s.lookups : []).forEach((lookup: unknown, j) => {
      if (!isRecord(lookup) || typeof lookup.field !== 'string') return;
      if (targets.has(lookup.field)) problems.push(`steps[${i}].lookups[${j}].field: ${lookup.field} already has a lookup`);
      targets.add(lookup.field);
      if (isRecord(s.mapping) && lookup.field in s.mapping) problems.push(`steps[${i}].lookups[${j}].field: ${lookup.field} is also in the mapping; keep one`);
    });
  });
  return [...new Set(problems)];
}

/** Parse plan text (YAML, or JSON, which YAML reads too) and check its structure. */
export function parsePlan(text: string, file: string): MigrationPlan {
  const document = parseDocument(text.replace(/^\ufeff/, ''), { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((e) => e.message.split('\n')[0]!);
    throw new CrmError('BAD_INPUT_FILE', `${file} is not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}:\n  ${problems.join('\n  ')}`, {
      hint: 'Fix the syntax at the line shown (indentation, a missing quote or bracket).',
      details: { file, problems },
    });
  }
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const problems = checkPlanStructure(value);
  if (problems.length > 0) {
    throw new CrmError('BAD_INPUT_FILE', `${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`, {
      hint: 'Fix the listed paths (schemas/migration-plan.schema.json describes the plan; crmctl migrate init <folder> writes a starter plan).',
      details: { file, problems },
    });
  }
  return value as MigrationPlan;
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  const full = resolve(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (cause) {
    throw new CrmError('NOT_FOUND', `Cannot read the plan ${file}: ${(cause as Error).message}`, {
      hint: 'Try: crmctl migrate init <folder with the export files> to write a starter plan.',
      cause,
    });
  }
  const plan = parsePlan(bytes.toString('utf8'), file);
  return { plan, file: full, folder: dirname(full), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A step with the plan's defaults filled in. */
export function effectiveStep(plan: MigrationPlan, step: PlanStep): PlanStep {
  return { ...(plan.defaults ?? {}), ...step };
}
