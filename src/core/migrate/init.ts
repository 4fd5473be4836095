import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { Document } from 'yaml';
import { CrmError } from '../errors.js';
import { deriveApiName } from '../customize/api-name.js';
import { suggestMapping } from '../import/mapping/suggest.js';
import { ACCOUNT_NAME_FIELD, type FieldRule } from '../import/mapping/types.js';
import { openRowSource } from '../import/read/index.js';
import { detectSource } from '../import/sources/detect.js';
import { foldHeader } from '../import/sources/normalize.js';
import type { OrgSession } from '../org/session.js';
import type { ObjectDef } from '../schema/types.js';
import { checkPlanStructure, type MigrationPlan, type PlanField, type PlanLookup, type PlanStep } from './plan.js';

/**
 * `crmctl migrate init <folder>`: a starter plan from the export files in a folder. Each file's
 * source and object are detected, steps are ordered parents first, lookups between the files
 * are suggested from column names, and every step upserts on a key (the file's own id column,
 * else e-mail, else a natural key joined from columns) so running the plan twice duplicates nothing.
 */
export interface InitStepView {
  name: string;
  file: string;
  object: string;
  source: string;
  rows: number;
  matchOn: string;
  /** How the key was chosen: `id column "Legacy ID"`, `e-mail`, `natural key (...)`. */
  key: string;
  lookups: string[];
}

export interface InitResult {
  plan: string;
  steps: InitStepView[];
  /** Files in the folder that are not data exports crmctl reads, or that hold no rows. */
  skipped: { file: string; reason: string }[];
}

const DATA_EXTENSIONS = new Set(['.csv', '.txt', '.tsv', '.xlsx', '.xls', '.vcf']);
/** Parents before children: a step's lookups can only find records loaded by earlier steps. */
const OBJECT_ORDER = ['Account', 'Contact', 'Lead', 'Opportunity', 'OpportunityContactRole', 'Task'];

/** Words that name an object in file names and in columns that point at it. */
const OBJECT_WORDS: [string, RegExp][] = [
  ['OpportunityContactRole', /contact[ _-]?roles?|opportunity[ _-]?roles?/],
  ['Opportunity', /opportunit|deals?\b|pipeline/],
  ['Task', /tasks?\b|activit|to-?dos?\b/],
  ['Lead', /leads?\b|prospects?\b/],
  ['Contact', /contacts?\b|people|persons?\b/],
  ['Account', /accounts?\b|compan|customers?\b|organi[sz]ations?\b|clients?\b|firms?\b/],
];

const ID_SUFFIX = /(?:^|[ _-])(?:id|no|nr|number|key|ref|code)\.?$/;
const OWN_ID = /^(?:(?:legacy|external|old|source|crm|record|ext|system|original)[ _-]*)?(?:id|key|ref)$/;

function objectFromWords(text: string): string | undefined {
  const folded = foldHeader(text).replace(/[_.]+/g, ' ');
  return OBJECT_WORDS.find(([, re]) => re.test(folded))?.[0];
}

function objectFromHeaders(headers: readonly string[], detectedSource: string): string {
  const keys = new Set(headers.map(foldHeader));
  const has = (...names: string[]): boolean => names.some((n) => keys.has(n));
  if (has('stage', 'close date', 'closedate', 'stagename')) return 'Opportunity';
  if (has('subject', 'due date', 'activitydate')) return 'Task';
  if (has('role') && headers.some((h) => objectFromWords(h) === 'Opportunity')) return 'OpportunityContactRole';
  if (has('lead status', 'lead source') && !has('account', 'account name')) return 'Lead';
  if (detectedSource !== 'csv' && detectedSource !== 'xlsx') return 'Contact';
  if (has('first name', 'last name', 'email', 'e-mail', 'e-mail address', 'full name')) return 'Contact';
  return 'Account';
}

interface FileInfo {
  file: string;
  headers: string[];
  rows: number;
  source: string;
  object: ObjectDef;
  mapping: Record<string, FieldRule>;
  ownId?: string | undefined;
}

/** The step's reference field for a parent object (Task: WhoId for people, WhatId for the rest). */
function referenceField(object: ObjectDef, parent: string): string | undefined {
  return object.fields.find((f) => f.type === 'reference' && !f.readOnly && f.name !== 'OwnerId' && f.name !== 'CreatedById' && f.name !== 'LastModifiedById' && f.referenceTo?.includes(parent))?.name;
}

const columnOf = (rule: FieldRule | undefined): string | undefined => (typeof rule === 'string' && !rule.startsWith('=') ? rule : typeof rule === 'object' && 'column' in rule ? rule.column : undefined);

function stepName(file: string, taken: Set<string>): string {
  const base = basename(file, extname(file)).normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'step';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function initPlan(session: OrgSession, folder: string, planFile: string, options: { force?: boolean } = {}): Promise<InitResult> {
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CrmError('NOT_FOUND', `${folder} is not a folder.`, { hint: 'Give the folder holding the export files: crmctl migrate init ./exports' });
  if (existsSync(planFile) && !options.force) throw new CrmError('CONFLICT', `${planFile} already exists.`, { hint: 'Move it away, or pass --force to overwrite it.' });
  const skipped: InitResult['skipped'] = [];
  const infos: FileInfo[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (!statSync(file).isFile()) continue;
    if (!DATA_EXTENSIONS.has(extname(name).toLowerCase()) || /\.(success|errors)\.csv$/i.test(name)) {
      skipped.push({ file: name, reason: 'not a data export crmctl reads (csv, txt, xlsx, xls, vcf)' });
      continue;
    }
    let source;
    try {
      source = await openRowSource(file);
    } catch (error) {
      skipped.push({ file: name, reason: (error as Error).message });
      continue;
    }
    let rows = 0;
    for await (const _row of source.rows) rows++;
    if (rows === 0) {
      skipped.push({ file: name, reason: 'no data rows' });
      continue;
    }
    const detection = detectSource(source.headers, source.format);
    const objectName = objectFromWords(basename(name, extname(name))) ?? objectFromHeaders(source.headers, detection.source);
    const object = session.objects.get(objectName);
    const suggestion = suggestMapping(source.headers, object, detection.source, detection.language === undefined ? {} : { language: detection.language });
    infos.push({ file, headers: source.headers, rows, source: detection.source, object, mapping: { ...suggestion.mapping.fields } });
  }
  if (infos.length === 0) throw new CrmError('NOT_FOUND', `${folder} holds no export files with rows.`, { hint: 'Put the CSV/Excel exports (accounts, contacts, opportunities, tasks...) in the folder.' });
  infos.sort((a, b) => OBJECT_ORDER.indexOf(a.object.name) - OBJECT_ORDER.indexOf(b.object.name));

  // Each file's own id column: "Legacy ID", "ID", or "<its object> ID" ("Account ID" in the accounts file).
  for (const info of infos) {
    info.ownId = info.headers.find((h) => OWN_ID.test(foldHeader(h))) ?? info.headers.find((h) => ID_SUFFIX.test(foldHeader(h)) && objectFromWords(h.replace(ID_SUFFIX, '')) === info.object.name);
  }

  const fields: PlanField[] = [];
  const declare = (object: ObjectDef, label: string): string => {
    const existing = object.fields.find((f) => f.label.toLowerCase() === label.toLowerCase());
    if (existing) return existing.name;
    const taken = [...object.fields.map((f) => f.name), ...fields.filter((f) => f.object === object.name).map((f) => deriveApiName(f.label, object.fields.map((x) => x.name)))];
    const name = deriveApiName(label, taken);
    fields.push({ object: object.name, label, type: 'text', externalId: true });
    return name;
  };
  const idFieldOf = new Map<string, string>();
  const names = new Set<string>();
  const steps: PlanStep[] = [];
  const views: InitStepView[] = [];
  const comments: string[] = [];

  for (const info of infos) {
    const object = info.object;
    const lookups: PlanLookup[] = [];
    const lookupColumns = new Set<string>();
    // Columns pointing at another file's records: "<parent> ID" → its id field; "<parent> Name"/"Company" → Name; "Contact Email" → Email.
    for (const header of info.headers) {
      if (header === info.ownId) continue;
      const key = foldHeader(header);
      const parent = objectFromWords(key.replace(ID_SUFFIX, '').replace(/e-?mail/, ''));
      if (!parent || parent === object.name || OBJECT_ORDER.indexOf(parent) >= OBJECT_ORDER.indexOf(object.name)) continue;
      const field = referenceField(object, parent);
      if (!field || lookups.some((l) => l.field === field)) continue;
      const parentInfo = infos.find((i) => i.object.name === parent);
      let matchOn: string | undefined;
      if (ID_SUFFIX.test(key)) matchOn = idFieldOf.get(parent);
      else if (/e-?mail/.test(key)) matchOn = 'Email';
      else if (session.objects.get(parent).fields.some((f) => f.name === 'Name')) matchOn = 'Name';
      if (!matchOn) continue;
      if (parentInfo) lookups.push({ field, column: header, object: parent, matchOn });
      // No accounts file: an opportunity's "Company" still finds (or makes) its account by name;
      // contacts keep the import's own linking by company name.
      else if (parent === 'Account' && matchOn === 'Name' && object.name !== 'Contact') lookups.push({ field, column: header, object: parent, matchOn, onMissing: 'create' });
      else continue;
      lookupColumns.add(foldHeader(header));
    }
    // The lookups fill the references: drop mapping entries reading the same columns (e.g. Account.Name ← "Company ID").
    for (const [target, rule] of Object.entries(info.mapping)) {
      const column = columnOf(rule);
      if (target === ACCOUNT_NAME_FIELD && lookups.some((l) => l.field === 'AccountId')) delete info.mapping[target];
      else if (column && lookupColumns.has(foldHeader(column))) delete info.mapping[target];
    }

    // A record name the suggestion left out ("Deal", "Opportunity"), now that lookup columns are spoken for.
    if (object.fields.some((f) => f.name === 'Name' && f.required) && !info.mapping.Name) {
      const nameColumn = info.headers.find((h) => !lookupColumns.has(foldHeader(h)) && /^(?:name|deal|deal name|opportunity|opportunity name|title)$/.test(foldHeader(h)));
      if (nameColumn) info.mapping.Name = nameColumn;
    }
    let matchOn: string;
    let key: string;
    if (info.ownId) {
      matchOn = declare(object, info.ownId);
      info.mapping[matchOn] = info.ownId;
      idFieldOf.set(object.name, matchOn);
      key = `id column "${info.ownId}"`;
    } else if (columnOf(info.mapping.Email) || info.mapping.Email) {
      matchOn = 'Email';
      key = 'e-mail';
    } else {
      // No id and no e-mail: the record's name columns plus the columns pointing at its parents.
      const nameColumns = object.nameFields.map((f) => columnOf(info.mapping[f])).filter((c): c is string => c !== undefined);
      const dateColumn = columnOf(info.mapping.ActivityDate) ?? columnOf(info.mapping.CloseDate);
      const parts = [...lookups.map((l) => l.column), ...(info.mapping[ACCOUNT_NAME_FIELD] ? [columnOf(info.mapping[ACCOUNT_NAME_FIELD])!] : []), ...nameColumns, ...(object.name === 'Task' && dateColumn ? [dateColumn] : [])];
      const unique = [...new Set(parts)];
      if (unique.length === 0) unique.push(...info.headers.slice(0, 3));
      matchOn = declare(object, 'Migration Key');
      info.mapping[matchOn] = { join: unique, separator: ' / ' };
      key = `natural key (${unique.join(' + ')})`;
    }
    const name = stepName(info.file, names);
    const step: PlanStep = { name, file: relative(resolve(planFile, '..'), info.file) || info.file, object: object.name, mode: 'upsert', matchOn, mapping: info.mapping };
    if (lookups.length > 0) step.lookups = lookups;
    steps.push(step);
    const lookupText = lookups.map((l) => `${l.field} ← "${l.column}" = ${l.object}.${l.matchOn}`);
    views.push({ name, file: step.file, object: object.name, source: info.source, rows: info.rows, matchOn, key, lookups: lookupText });
    comments.push(`${basename(info.file)}: ${info.source} export, ${info.rows} row(s) → ${object.pluralLabel}; upsert on ${matchOn} (${key})${lookupText.length ? `; lookups: ${lookupText.join(', ')}` : ''}`);
  }

  const plan: MigrationPlan = { version: 1, name: `Migration from ${basename(dir)}`, ...(fields.length ? { fields } : {}), steps };
  const problems = checkPlanStructure(plan);
  if (problems.length > 0) throw new CrmError('FAILURE', `The generated plan is invalid:\n  ${problems.join('\n  ')}`, { hint: 'Please report this; write the plan by hand meanwhile (docs/migrate.md).' });
  const doc = new Document(plan);
  doc.commentBefore = [
    ` crmctl migration plan, written by crmctl migrate init ${relative(resolve(planFile, '..'), dir) || '.'}`,
    ' Check each step (object, mapping, lookups), then:',
    `   crmctl migrate ${basename(planFile)} --dry-run    # everything, then rolled back`,
    `   crmctl migrate ${basename(planFile)}              # safe to re-run: every step upserts`,
    `   crmctl migrate ${basename(planFile)} --resume     # after an interruption`,
    ' Schema: schemas/migration-plan.schema.json. Files are relative to this plan.',
    ...(fields.length ? [' "fields" are external ids the upserts and lookups use; migrate creates them when missing.'] : []),
  ].join('\n');
  steps.forEach((_, i) => {
    const node = doc.getIn(['steps', i], true) as { commentBefore?: string } | undefined;
    if (node) node.commentBefore = ` ${comments[i]}`;
  });
  writeFileSync(planFile, doc.toString({ lineWidth: 0 }), 'utf8');
  return { plan: planFile, steps: views, skipped };
}
