import type { Command } from 'commander';
import { addQueue, addQueueMember, queueList, removeQueueMember, type QueueView } from '../../core/leads/queues.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

const members = (q: QueueView): string => q.members.map((m) => (m.kind === 'role' ? `role:${m.name}` : m.name)).join(', ') || '(no members)';

function renderQueue(ui: Ui, q: QueueView): void {
  ui.line(`  ${q.name} (${q.object}, ${q.id}): ${members(q)}`);
}

export function register(program: Command): void {
  const queue = program.command('queue').description('lead queues: add, member add|remove, list');
  queue
    .command('add <name>')
    .description('add a queue: queue add "EMEA Leads" --object lead')
    .option('--object <object>', 'what the queue holds: lead or case', 'lead')
    .action(
      action((ctx, options: { object: string }, name: string) => {
        const result = addQueue(ctx.session(), name, options.object);
        return outcome(result, (ui, q) => {
          ui.ok(`Added queue ${q.name} (${q.id})`);
          ui.line(ui.c.dim(`Add members with: crmctl queue member add "${q.name}" <username|role>`));
        });
      }),
    );
  const member = queue.command('member').description('add or remove queue members (users or roles)');
  member
    .command('add <queue> <member>')
    .description('add a user (username) or a role (every user holding it) to a queue')
    .action(
      action((ctx, _options: object, queueName: string, who: string) => {
        const result = addQueueMember(ctx.session(), queueName, who);
        return outcome(result, (ui, r) => {
          if (r.added) ui.ok(`${who} is now a member of ${r.queue.name}`);
          else ui.line(`${who} was a member of ${r.queue.name} already.`);
          renderQueue(ui, r.queue);
        });
      }),
    );
  member
    .command('remove <queue> <member>')
    .description('remove a user or a role from a queue')
    .action(
      action((ctx, _options: object, queueName: string, who: string) => {
        const result = removeQueueMember(ctx.session(), queueName, who);
        return outcome(result, (ui, r) => {
          ui.ok(`${who} left ${r.queue.name}`);
          renderQueue(ui, r.queue);
        });
      }),
    );
  queue
    .command('list')
    .description('list queues and their members')
    .action(
      action((ctx) => {
        const queues = queueList(ctx.session());
        return outcome({ count: queues.length, queues }, (ui, r) => {
          if (r.count === 0) ui.line('No queues yet. Add one: crmctl queue add "<name>" --object lead');
          ui.table(
            [{ key: 'name' }, { key: 'object' }, { key: 'id' }, { key: 'members' }],
            r.queues.map((q) => ({ name: q.name, object: q.object, id: q.id, members: members(q) })),
          );
        });
      }),
    );
}
