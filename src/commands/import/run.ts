import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { buildRowMapper, executeImport, prepareImport, prewarmWorkersFor, type ImportRequest, type ImportResult, type PreparedImport } from '../../core/import/run.js';
import type { DuplicateAction, ImportMode } from '../../core/import/engine.js';
import { SOURCE_KINDS } from '../../core/import/sources/detect.js';
import type { Mapping } from '../../core/import/mapping/types.js';
import type { DateOrder } from '../../core/clean/dates.js';
import type { OrgSession } from '../../core/org/session.js';
import { listUsers } from '../../core/store/users.js';
import { leadImportAssigner } from '../../core/leads/import-assign.js';
import { action, outcome } from '../../cli/action.js';
import type { CommandContext } from '../../cli/context.js';
import { EXIT } from '../../cli/exit-codes.js';
import { formatCell, type Ui } from '../../cli/ui.js';

interface RunOptions {
  object?: string;
  source?: string;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  mapping?: string;
  saveMapping?: string;
  mode?: string;
  matchOn?: string;
  onDuplicate?: string;
  dryRun?: boolean;
  sample?: string;
  owner?: string;
  defaultCountry?: string;
  dateFormat?: string;
  success?: string;
  errors?: string;
  assign?: boolean;
  createFields?: boolean;
}

const oneOf = <T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
  if (value === undefined) return undefined;
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!found) throw new CrmError('USAGE', `${flag} ${value}: expected one of ${allowed.join(', ')}.`, { hint: `Example: ${flag} ${allowed[0]}` });
  return found;
};

export function register(group: Command): void {
  group
    .command('run <file>', { isDefault: true })
    .description('import a file (or - for stdin): crmctl import contacts.csv --object contact [--dry-run | --sample 10]')
    .option('--object <object>', 'contact, lead or account')
    .option('--source <source>', `auto (default), ${SOURCE_KINDS.join(', ')}`)
    .option('--encoding <encoding>', 'override the detected encoding, e.g. windows-1252, utf-16le')
    .option('--delimiter <char>', 'override the detected delimiter: , ; tab |')
    .option('--sheet <name|n>', 'spreadsheet sheet by name or number')
    .option('--mapping <file.json>', 'apply a saved mapping')
    .option('--save-mapping <file.json>', 'save the mapping used')
    .option('--mode <mode>', 'insert (default), update or upsert')
    .option('--match-on <field>', 'for update/upsert: Email, Id or an external id field')
    .option('--on-duplicate <action>', 'rows matching existing records or earlier rows: create (default), skip, update')
    .option('--dry-run', 'do everything, then roll back: the org is unchanged')
    .option('--sample <n>', 'test import of the first n rows (the guide suggests 5-10); undo with crmctl import undo <job>')
    .option('--owner <username>', 'owner of rows whose file names none (default: you)')
    .option('--default-country <country>', 'country for phone numbers without a country code (default: from the org locale)')
    .option('--date-format <order>', 'MDY, DMY or YMD when a date column is ambiguous (default: detected, else the org locale)')
    .option('--create-fields', 'unmapped columns that hold data become custom text fields (administrators)')
    .option('--success <file>', 'success file (default next to the input: <name>.success.csv)')
    .option('--errors <file>', 'error file (default next to the input: <name>.errors.csv)')
    .option('--assign', 'leads: let the assignment rules choose each new lead\'s owner (crmctl assignment-rule list)')
    .action(
      action(async (ctx, options: RunOptions, file: string) => {
        const session = ctx.session();
        const objectName =
          options.object ??
          (await ctx.prompt.select(
            'What do the rows hold?',
            [
              { name: 'Contacts', value: 'Contact' },
              { name: 'Leads', value: 'Lead' },
              { name: 'Accounts', value: 'Account' },
            ],
            { flag: '--object contact|lead|account' },
          ));
        const sample = options.sample === undefined ? undefined : Number(options.sample);
        if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) {
          throw new CrmError('USAGE', `--sample ${options.sample}: expected a number of rows.`, { hint: 'Example: --sample 10' });
        }
        const assigner = options.assign ? leadImportAssigner(session, objectName) : undefined;
        const request: ImportRequest = {
          file: file === '-' ? '-' : ctx.path(file),
          object: objectName,
          source: options.source,
          encoding: options.encoding,
          delimiter: options.delimiter,
          sheet: options.sheet,
          mappingFile: options.mapping === undefined ? undefined : ctx.path(options.mapping),
          saveMappingFile: options.saveMapping === undefined ? undefined : ctx.path(options.saveMapping),
          mode: oneOf<ImportMode>('--mode', options.mode, ['insert', 'update', 'upsert']),
          matchOn: options.matchOn,
          onDuplicate: oneOf<DuplicateAction>('--on-duplicate', options.onDuplicate, ['create', 'skip', 'update']),
          dryRun: options.dryRun === true,
          sample,
          owner: options.owner,
          defaultCountry: options.defaultCountry,
          dateFormat: oneOf<DateOrder>('--date-format', options.dateFormat, ['MDY', 'DMY', 'YMD']),
          createFields: options.createFields === true,
          successFile: options.success,
          errorsFile: options.errors,
          ...(assigner ? { assignOwner: assigner.assignOwner } : {}),
          stdin: ctx.io.stdin,
        };
        if (ctx.prompt.interactive && file !== '-') return runWizard(ctx, session, request);
        prewarmWorkersFor(request);
        const result = await runWithProgress(ctx, session, await prepareImport(session, request));
        if (assigner && !result.dryRun) {
          const notifications = assigner.notify();
          if (notifications.length > 0) return outcome({ ...result, assignmentNotifications: notifications }, renderSummary, result.rejected > 0 ? EXIT.rejected : EXIT.success);
        }
        return outcome(result, renderSummary, result.rejected > 0 ? EXIT.rejected : EXIT.success);
      }),
    );
}

async function runWithProgress(ctx: CommandContext, session: OrgSession, prepared: PreparedImport): Promise<ImportResult> {
  const progress = ctx.progress(prepared.request.dryRun ? 'Dry run' : 'Importing');
  prepared.request.onProgress = (done) => progress.set(done);
  try {
    return await executeImport(session, prepared, ctx.io.cwd);
  } finally {
    progress.stop();
  }
}

export function renderSummary(ui: Ui, r: ImportResult): void {
  const title = r.dryRun ? 'Dry run (nothing was changed)' : r.test ? `Test import ${r.job}` : `Import ${r.job}`;
  const where = [r.format, r.encoding, r.delimiter === undefined ? undefined : r.delimiter === '\t' ? 'tab' : `"${r.delimiter}"`, r.sheet].filter(Boolean).join(', ');
  ui.heading(`${title}: ${r.object} from ${r.source}${r.language ? ` (${r.language})` : ''} — ${r.file} [${where}]`);
  ui.line(
    `  rows ${r.rows} · ${ui.c.green(`inserted ${r.inserted}`)} · updated ${r.updated}${r.unchanged ? ` (${r.unchanged} unchanged)` : ''} · skipped ${r.skipped} · ${r.rejected > 0 ? ui.c.red(`rejected ${r.rejected}`) : 'rejected 0'} · duplicates ${r.duplicates}${r.accountsCreated ? ` · accounts created ${r.accountsCreated}` : ''}`,
  );
  for (const [code, count] of Object.entries(r.rejectedByCode)) ui.line(`    ${ui.c.red(code)} ${count}`);
  for (const f of r.createdFields ?? []) ui.line(`  ${f.created ? 'created' : 'would create'} custom field ${f.created ? f.field : ''} for column "${f.column}"`);
  ui.line(`  success file: ${r.successFile}`);
  ui.line(`  errors file:  ${r.errorsFile}`);
  for (const w of r.warnings.slice(0, 5)) ui.warn(w);
  if (r.test && !r.dryRun) ui.line(ui.c.dim(`  Check the records, then undo the test with: crmctl import undo ${r.job}`));
}

/** The interactive import: confirm what was detected, review the mapping, preview, choose, dry-run or test first. */
async function runWizard(ctx: CommandContext, session: OrgSession, request: ImportRequest) {
  const ui = ctx.err;
  let prepared = await prepareImport(session, request);
  ui.heading(`${prepared.source.file}: ${prepared.source.format}${prepared.source.encoding ? `, ${prepared.source.encoding}` : ''}${prepared.source.delimiter ? `, delimiter ${JSON.stringify(prepared.source.delimiter)}` : ''}, ${prepared.source.headers.length} columns`);
  ui.line(`Looks like: ${ui.c.bold(prepared.detection.source)}${prepared.detection.language ? ` (${prepared.detection.language})` : ''} — ${prepared.detection.reasons[0] ?? ''}`);
  if (!(await ctx.prompt.confirm('Is that right?', { default: true }))) {
    const source = await ctx.prompt.select('Which export is it?', SOURCE_KINDS.map((s) => ({ name: s, value: s })), { flag: '--source' });
    request.source = source;
    prepared = await prepareImport(session, request);
  }
  let mapping: Mapping = structuredClone(prepared.mapping);
  for (;;) {
    renderMapping(ui, prepared, mapping);
    const next = await ctx.prompt.select('Mapping', [{ name: 'Looks right', value: 'ok' }, { name: 'Change a column', value: 'edit' }], { flag: '--mapping <file.json>' });
    if (next === 'ok') break;
    const column = await ctx.prompt.select('Which column?', prepared.source.headers.map((h) => ({ name: h, value: h })), { flag: '--mapping' });
    const fields = ['(ignore)', 'Account.Name', 'Owner', ...prepared.object.fields.filter((f) => !f.readOnly).map((f) => f.name)];
    const field = await ctx.prompt.select(`Field for "${column}"`, fields.map((f) => ({ name: f, value: f })), { flag: '--mapping' });
    mapping = remapColumn(mapping, column, field === '(ignore)' ? undefined : field);
  }
  request.mapping = mapping;
  prepared = await prepareImport(session, request);
  const mapper = buildRowMapper(session, prepared);
  ui.heading('The first rows as they will be stored:');
  for (const row of await prepared.rows.peek(5)) {
    const mapped = mapper(row.values);
    const shown = Object.entries(mapped.fields).filter(([, v]) => v !== null).map(([k, v]) => `${ui.c.dim(k)}=${formatCell(v)}`);
    if (mapped.account) shown.push(`${ui.c.dim('Account')}=${formatCell(mapped.account)}`);
    ui.line(`  row ${row.row}: ${shown.join('  ')}`);
    for (const p of mapped.problems) ui.warn(`    ${p.field}: ${p.message}`);
  }
  const users = listUsers(session.db).filter((u) => u.isActive);
  request.owner = await ctx.prompt.select('Owner of the records (when the file names none)', users.map((u) => ({ name: `${u.username} (${[u.firstName, u.lastName].filter(Boolean).join(' ')})`, value: u.username })), { flag: '--owner', default: session.actor.username });
  request.onDuplicate = await ctx.prompt.select<DuplicateAction>('Rows that match existing records or earlier rows', [
    { name: 'Create them anyway and flag them (create)', value: 'create' },
    { name: 'Skip them (skip)', value: 'skip' },
    { name: 'Update the existing record (update)', value: 'update' },
  ], { flag: '--on-duplicate' });
  for (;;) {
    const choice = await ctx.prompt.select('Next', [
      { name: 'Dry run first (nothing is changed)', value: 'dry' },
      { name: 'Test import of 10 rows (can be undone)', value: 'test' },
      { name: 'Import everything', value: 'all' },
      { name: 'Cancel', value: 'cancel' },
    ], { flag: '--dry-run | --sample' });
    if (choice === 'cancel') return outcome({ cancelled: true }, (u) => u.line('Cancelled; nothing imported.'));
    const run = { ...request, dryRun: choice === 'dry', sample: choice === 'test' ? 10 : undefined };
    const result = await runWithProgress(ctx, session, await prepareImport(session, run));
    if (choice === 'dry') {
      renderSummary(ui, result);
      continue;
    }
    return outcome(result, renderSummary, result.rejected > 0 ? EXIT.rejected : EXIT.success);
  }
}

function renderMapping(ui: Ui, prepared: PreparedImport, mapping: Mapping): void {
  const byColumn = new Map<string, string[]>();
  for (const [field, rule] of Object.entries(mapping.fields)) {
    for (const column of ruleColumns(rule)) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  for (const split of mapping.splits ?? []) byColumn.set(split.column, [...(byColumn.get(split.column) ?? []), ...Object.values(split.into)]);
  const mapped = prepared.source.headers.filter((h) => byColumn.has(h));
  const unmapped = prepared.source.headers.filter((h) => !byColumn.has(h));
  ui.table(
    [{ key: 'column' }, { key: 'field' }, { key: 'confidence', align: 'right' }],
    mapped.map((h) => {
      const suggested = prepared.columns.find((c) => c.column === h);
      return { column: h, field: byColumn.get(h)!.join(', '), confidence: suggested?.field ? suggested.confidence.toFixed(2) : '' };
    }),
  );
  const constants = Object.entries(mapping.fields).filter(([, rule]) => typeof rule === 'string' && rule.startsWith('=') || (typeof rule === 'object' && 'constant' in rule));
  for (const [field, rule] of constants) ui.line(`${ui.c.dim('constant')}  ${field} = ${typeof rule === 'string' ? rule.slice(1) : (rule as { constant: string }).constant}`);
  if (unmapped.length > 0) ui.line(ui.c.dim(`${unmapped.length} column(s) not imported: ${unmapped.join(', ')}`));
}

function ruleColumns(rule: Mapping['fields'][string]): string[] {
  if (typeof rule === 'string') return rule.startsWith('=') ? [] : [rule];
  if ('column' in rule) return [rule.column];
  if ('join' in rule) return rule.join;
  if ('firstOf' in rule) return rule.firstOf.map((c) => (typeof c === 'string' ? c : c.column));
  return [];
}

/** Point a column at a different field (or nothing), dropping it from whatever it filled before. */
export function remapColumn(mapping: Mapping, column: string, field: string | undefined): Mapping {
  const fields: Mapping['fields'] = {};
  for (const [f, rule] of Object.entries(mapping.fields)) {
    if (typeof rule === 'string' && rule === column) continue;
    if (typeof rule === 'object' && 'column' in rule && rule.column === column) continue;
    fields[f] = rule;
  }
  if (field) fields[field] = column;
  const splits = (mapping.splits ?? []).filter((s) => s.column !== column);
  return { ...mapping, fields, splits, ignore: field ? (mapping.ignore ?? []).filter((c) => c !== column) : [...(mapping.ignore ?? []), column] };
}
