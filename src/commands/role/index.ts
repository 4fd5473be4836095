import type { Command } from 'commander';
import { addRole, moveRole, removeRole, roleTree, type RoleNode } from '../../core/security/roles.js';
import { action, outcome } from '../../cli/action.js';
import type { Ui } from '../../cli/ui.js';

function renderTree(ui: Ui, nodes: RoleNode[], depth = 0): void {
  for (const node of nodes) {
    const users = node.users.length > 0 ? ui.c.dim(`  (${node.users.join(', ')})`) : '';
    ui.line(`${'  '.repeat(depth)}${depth > 0 ? '└ ' : ''}${node.name}${users}`);
    renderTree(ui, node.children, depth + 1);
  }
}

export function register(program: Command): void {
  const role = program.command('role').description('the role hierarchy: add, tree, move, remove');
  role
    .command('add <name>')
    .description('add a role, optionally below another: role add "Sales Rep" --parent "Sales Manager"')
    .option('--parent <role>', 'the role above this one')
    .action(action((ctx, options: { parent?: string }, name: string) => outcome(addRole(ctx.session(), name, options.parent), (ui, r) => ui.ok(`Added the role ${r.name}`))));
  role
    .command('tree')
    .description('show the role hierarchy with the users in each role')
    .action(
      action((ctx) =>
        outcome({ roles: roleTree(ctx.session()) }, (ui, r) => (r.roles.length === 0 ? ui.line('No roles yet. Try: crmctl role add "CEO"') : renderTree(ui, r.roles))),
      ),
    );
  role
    .command('move <name>')
    .description('move a role below another (or to the top without --parent)')
    .option('--parent <role>', 'the new role above it')
    .action(
      action((ctx, options: { parent?: string }, name: string) =>
        outcome(moveRole(ctx.session(), name, options.parent), (ui, r) => ui.ok(`${r.role}: ${r.from ?? '(top)'} → ${r.to ?? '(top)'}`)),
      ),
    );
  role
    .command('remove <name>')
    .description('remove a role (refused while users hold it)')
    .action(action((ctx, _options: object, name: string) => outcome(removeRole(ctx.session(), name), (ui, r) => ui.ok(`Removed the role ${r.removed}`))));
}
