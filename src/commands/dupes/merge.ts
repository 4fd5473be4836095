import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { mergeAllDuplicates, type MergeAllResult } from '../../core/dupes/service.js';
import { applyMergePlan, planMerge, type MergePlan, type MergeRequest, type SurvivorshipRule } from '../../core/merge/merge.js';
import { action, collect, outcome } from '../../cli/action.js';
import { backupBeforeDestructive } from '../../cli/backup.js';
import type { CommandContext } from '../../cli/context.js';
import type { Ui } from '../../cli/ui.js';
import { formatCell } from '../../cli/ui.js';

interface MergeOptions {
  master?: string;
  field?: string[];
  all?: boolean;
  minScore?: string;
  rule?: string;
  prefer?: string[];
  dryRun?: boolean;
  backup?: boolean;
}

const RULES: SurvivorshipRule[] = ['most-complete', 'newest', 'oldest'];

function parseRule(flag: string, value: string): SurvivorshipRule {
  const rule = RULES.find((r) => r === value.toLowerCase());
  if (!rule) throw new CrmError('USAGE', `${flag} ${value}: expected ${RULES.join(', ')}.`, { hint: `Example: ${flag} most-complete` });
  return rule;
}

function parsePairs(flag: string, pairs: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs ?? []) {
    const [k, v] = pair.split('=');
    if (!k || !v) throw new CrmError('USAGE', `${flag} ${pair}: expected Field=value.`, { hint: `Example: ${flag} Phone=003000000000002` });
    out[k.trim()] = v.trim();
  }
  return out;
}

export function register(group: Command): void {
  group
    .command('merge <object> [ids...]')
    .description('merge records into one (interactive on a terminal), or every group found with --all')
    .option('--master <id>', 'the record that survives')
    .option('--field <Field=id>', "keep this record's value for a field (repeatable)", collect)
    .option('--all', 'merge every duplicate group found, by survivorship rules')
    .option('--min-score <s>', 'with --all: only groups scoring at least this (default 0.5)')
    .option('--rule <rule>', 'survivor and blank-filling rule: most-complete (default), newest, oldest')
    .option('--prefer <Field=rule>', 'per-field rule, e.g. --prefer Email=newest (repeatable)', collect)
    .option('--dry-run', 'print the plan; change nothing')
    .option('--no-backup', 'with --all: do not back up the org first')
    .action(
      action(async (ctx, options: MergeOptions, objectName: string, ids: string[]) => {
        const session = ctx.session();
        const rule = options.rule === undefined ? undefined : parseRule('--rule', options.rule);
        const prefer = Object.fromEntries(Object.entries(parsePairs('--prefer', options.prefer)).map(([f, r]) => [f, parseRule('--prefer', r)]));
        if (options.all) {
          if (ids.length > 0) throw new CrmError('USAGE', 'Give ids or --all, not both.', { hint: `crmctl dupes merge ${objectName} --all --dry-run` });
          const minScore = options.minScore === undefined ? undefined : Number(options.minScore);
          if (!options.dryRun && !(await ctx.prompt.confirm(`Merge every ${objectName} duplicate group by rule ${rule ?? 'most-complete'}?`))) {
            return outcome({ cancelled: true }, (ui) => ui.line('Cancelled; nothing merged.'));
          }
          const backup = options.dryRun ? null : await backupBeforeDestructive(ctx, session.db, `merge-all-${objectName}`, options.backup);
          const result = mergeAllDuplicates(session, objectName, { minScore, rule, prefer, dryRun: options.dryRun });
          return outcome({ ...result, backup }, renderAll);
        }
        if (ids.length < 2) throw new CrmError('USAGE', 'Give two or more ids to merge, or --all.', { hint: `Example: crmctl dupes merge ${objectName} <id> <id>` });
        const request: MergeRequest = { object: objectName, ids, masterId: options.master, fieldChoices: parsePairs('--field', options.field), rule, prefer };
        if (ctx.prompt.interactive && !options.master) await chooseInteractively(ctx, request);
        const plan = planMerge(session, request);
        if (options.dryRun) return outcome({ dryRun: true, merge: null, plan }, (ui, r) => renderPlan(ui, r.plan, true));
        const applied = session.db.transaction(() => applyMergePlan(session, plan)).immediate();
        return outcome({ dryRun: false, merge: applied.merge, moved: applied.moved, plan }, (ui, r) => {
          renderPlan(ui, r.plan, false);
          ui.ok(`Merged into ${r.plan.masterId} as ${r.merge}; ${r.moved} related record(s) moved. Undo with: crmctl merge undo ${r.merge}`);
        });
      }),
    );
}

/** Pick the survivor, then for each field where the records disagree, the value to keep. */
async function chooseInteractively(ctx: CommandContext, request: MergeRequest): Promise<void> {
  const session = ctx.session();
  const draft = planMerge(session, request);
  request.masterId = await ctx.prompt.select(
    'Which record survives?',
    [draft.masterId, ...draft.mergedIds].map((id) => ({ name: id === draft.masterId ? `${id} (suggested: most complete)` : id, value: id })),
    { flag: '--master <id>', default: draft.masterId },
  );
  const plan = planMerge(session, request);
  const choices: Record<string, string> = { ...(request.fieldChoices ?? {}) };
  for (const field of plan.fields.filter((f) => f.conflict)) {
    choices[field.field] = await ctx.prompt.select(
      `${ctx.err.c.yellow(field.field)} differs — keep which value?`,
      field.candidates.filter((c) => c.value !== null && c.value !== '').map((c) => ({ name: `${formatCell(c.value)}  ${ctx.err.c.dim(c.id)}`, value: c.id })),
      { flag: `--field ${field.field}=<id>`, default: field.from },
    );
  }
  request.fieldChoices = choices;
}

function renderPlan(ui: Ui, plan: MergePlan, dryRun: boolean): void {
  ui.heading(`${dryRun ? 'Plan: ' : ''}${plan.object} ${plan.mergedIds.join(', ')} → ${plan.masterId}`);
  for (const f of plan.fields.filter((x) => x.conflict || x.from !== plan.masterId)) {
    const mark = f.conflict ? ui.c.yellow('≠') : ui.c.green('+');
    ui.line(`  ${mark} ${f.field}: ${formatCell(f.value)} ${ui.c.dim(`(from ${f.from})`)}`);
  }
  for (const r of plan.related) ui.line(`  ↪ ${r.count} ${r.object} (${r.field}) move to ${plan.masterId}`);
}

function renderAll(ui: Ui, r: MergeAllResult): void {
  for (const plan of r.plans) renderPlan(ui, plan, r.dryRun);
  ui.line();
  if (r.dryRun) ui.line(`Dry run: ${r.groups} group(s) would merge ${r.merged} record(s). Nothing was changed.`);
  else ui.ok(`Merged ${r.merged} record(s) in ${r.groups} group(s) (batch ${r.batch}). Undo one with crmctl merge undo <merge-id>; see crmctl merge list.`);
}
