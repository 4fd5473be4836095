import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { findDuplicates, type DupesFindResult } from '../../core/dupes/service.js';
import { appendAudit } from '../../core/store/org.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

export function register(group: Command): void {
  group
    .command('find <object>')
    .description('groups of likely duplicate contacts, leads or accounts: dupes find contact [--explain]')
    .option('--threshold <t>', 'minimum match probability 0..1 (default 0.5)')
    .option('--explain', 'show which fields agreed and how strongly')
    .option('--against <object>', 'compare with another object: dupes find lead --against contact')
    .action(
      action((ctx, options: { threshold?: string; explain?: boolean; against?: string }, objectName: string) => {
        const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
        if (threshold !== undefined && Number.isNaN(threshold)) throw new CrmError('USAGE', `--threshold ${options.threshold}: not a number.`, { hint: 'Example: --threshold 0.7' });
        const session = ctx.session();
        const result = findDuplicates(session, objectName, { threshold, against: options.against });
        appendAudit(session.db, { at: session.now().toISOString(), actorId: session.actor.id, action: 'dupes.find', target: result.object, oldValue: null, newValue: String(result.groups.length) });
        const json = {
          object: result.object,
          ...(result.against ? { against: result.against } : {}),
          threshold: result.threshold,
          groups: result.groups.map((g) => ({
            ids: g.ids,
            score: round(g.score),
            reasons: g.reasons,
            ...(options.explain ? { pairs: g.pairs.map((p) => ({ a: p.a, b: p.b, score: round(p.score), evidence: p.evidence })) } : {}),
          })),
          skippedBlocks: result.stats.skippedBlocks,
        };
        return outcome(json, (ui) => renderGroups(ui, result, options.explain === true));
      }),
    );
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

function renderGroups(ui: Ui, result: DupesFindResult, explain: boolean): void {
  if (result.groups.length === 0) {
    ui.ok(`No likely duplicate ${result.object.toLowerCase()}s at threshold ${result.threshold}.`);
    return;
  }
  result.groups.forEach((group, i) => {
    ui.heading(`Group ${i + 1}: ${group.ids.join(', ')}  ${ui.c.dim(`score ${group.score.toFixed(2)}`)}`);
    for (const reason of group.reasons) ui.line(`  • ${reason}`);
    if (explain) {
      for (const pair of group.pairs) {
        ui.line(`  ${pair.a} ~ ${pair.b}: ${pair.score.toFixed(2)}`);
        for (const e of pair.evidence) {
          const colour = e.agreement === 'exact' || e.agreement === 'strong' ? ui.c.green : e.agreement === 'disagree' ? ui.c.red : ui.c.dim;
          ui.line(`      ${colour(e.agreement.padEnd(8))} ${e.field.padEnd(12)} ${e.comparison} (${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)})`);
        }
      }
    }
  });
  ui.line();
  ui.line(`${result.groups.length} group(s). Merge one with: crmctl dupes merge ${result.object.toLowerCase()} ${result.groups[0]!.ids.join(' ')}`);
  if (result.stats.skippedBlocks.length > 0) ui.warn(`${result.stats.skippedBlocks.length} very large block(s) were not compared pair by pair (e.g. ${result.stats.skippedBlocks[0]!.key}).`);
}
