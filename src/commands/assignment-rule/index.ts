import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { addAssignmentRule, assignmentRuleList, removeAssignmentRule, type AssignmentRuleView } from '../../core/leads/assignment.js';
import { action, outcome } from '../../cli/action.js';

const order = (text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CrmError('USAGE', `--order ${text}: expected a whole number from 1.`, { hint: 'Example: --order 10' });
  return n;
};

const describe = (r: AssignmentRuleView): string => `${r.order}. ${r.when ? `when ${r.when}` : 'every lead'} → ${r.to}${r.notify ? ' (notify)' : ''}`;

export function register(program: Command): void {
  const rules = program.command('assignment-rule').description('lead assignment rules: add, list, remove (the first matching rule in order wins)');
  rules
    .command('add <object>')
    .description("add a rule: assignment-rule add lead --order 10 --when \"Country = 'Germany'\" --to \"queue:EMEA Leads\"")
    .option('--order <n>', 'evaluation order (lowest first)')
    .option('--when <condition>', "condition on lead fields, e.g. \"Country = 'Germany' AND LeadSource = 'Web'\" (default: every lead)")
    .option('--to <target>', 'user:<username>, queue:<queue> or round-robin:<queue | user1,user2,...>')
    .option('--notify', 'e-mail the new owner (or the queue members) via the outbox')
    .action(
      action((ctx, options: { order?: string; when?: string; to?: string; notify?: boolean }, objectName: string) => {
        if (options.order === undefined) throw ctx.missing('--order <n>', 'The rule order');
        if (options.to === undefined) throw ctx.missing('--to <target>', 'The rule target');
        const rule = addAssignmentRule(ctx.session(), { object: objectName, order: order(options.order), when: options.when, to: options.to, notify: options.notify });
        return outcome(rule, (ui, r) => ui.ok(`Added rule ${describe(r)}`));
      }),
    );
  rules
    .command('list [object]')
    .description('list the lead assignment rules in evaluation order')
    .action(
      action((ctx, _options: object, objectName?: string) => {
        const list = assignmentRuleList(ctx.session(), objectName ?? 'lead');
        return outcome({ count: list.length, rules: list }, (ui, r) => {
          if (r.count === 0) ui.line('No assignment rules: new leads keep the owner who creates or imports them.');
          for (const rule of r.rules) ui.line(`  ${describe(rule)}`);
        });
      }),
    );
  rules
    .command('remove <object> <order>')
    .description('remove the rule with this order number')
    .action(
      action((ctx, _options: object, objectName: string, orderText: string) => {
        const result = removeAssignmentRule(ctx.session(), objectName, order(orderText));
        return outcome(result, (ui, r) => ui.ok(`Removed rule ${describe(r.removed)}`));
      }),
    );
}
