import type { Command } from 'commander';
import { addTeamMember, addTeamRole, enableTeams, listTeam, removeTeamMember, teamRoles } from '../../core/security/teams.js';
import { action, outcome } from '../../cli/action.js';
import { CrmError } from '../../core/errors.js';

interface AddOptions {
  teamRole?: string;
  accountAccess: string;
  opportunityAccess: string;
  contactAccess: string;
}

export function register(program: Command): void {
  const team = program.command('team').description('account teams: colleagues with access to an account and its contacts and deals');
  team
    .command('enable')
    .description('turn on account teams (adds the standard team roles)')
    .action(
      action((ctx) =>
        outcome(enableTeams(ctx.session()), (ui, r) => ui.ok(r.alreadyEnabled ? 'Account teams were already enabled.' : `Account teams enabled; team roles: ${r.teamRoles.join(', ')}`)),
      ),
    );
  const roles = team.command('roles').description('account team roles');
  roles
    .command('list')
    .description('list account team roles')
    .action(action((ctx) => outcome({ teamRoles: teamRoles(ctx.session()) }, (ui, r) => r.teamRoles.forEach((name) => ui.line(name)))));
  roles
    .command('add <name>')
    .description('add an account team role')
    .action(action((ctx, _options: object, name: string) => outcome(addTeamRole(ctx.session(), name), (ui, r) => ui.ok(`Added the team role ${r.teamRole}`))));
  team
    .command('add <account> <username>')
    .description('add a user to an account team: team add <account-id> jane --team-role "Sales Rep" --account-access edit')
    .option('--team-role <role>', 'the member\'s team role')
    .option('--account-access <level>', 'read or edit', 'read')
    .option('--opportunity-access <level>', 'none, read or edit', 'none')
    .option('--contact-access <level>', 'none, read or edit', 'none')
    .action(
      action(async (ctx, options: AddOptions, account: string, username: string) => {
        const session = ctx.session();
        const teamRole = options.teamRole ?? (await ctx.prompt.input('Team role', { flag: '--team-role <role>' }));
        if (teamRole.trim() === '') throw new CrmError('USAGE', '--team-role is empty.', { hint: 'Example: --team-role "Sales Rep"' });
        const member = addTeamMember(session, account, username, { ...options, teamRole });
        return outcome(member, (ui, m) =>
          ui.ok(`${m.username} is on the team of ${m.accountId} as ${m.teamRole}: account ${m.accountAccess}, opportunities ${m.opportunityAccess}, contacts ${m.contactAccess}`),
        );
      }),
    );
  team
    .command('list <account>')
    .description("list an account's team")
    .action(
      action((ctx, _options: object, account: string) =>
        outcome(listTeam(ctx.session(), account), (ui, r) => {
          ui.heading(`${r.accountName} (${r.accountId})`);
          if (r.members.length === 0) ui.line('No team members.');
          else
            ui.table(
              [{ key: 'username' }, { key: 'teamRole', title: 'team role' }, { key: 'accountAccess', title: 'account' }, { key: 'opportunityAccess', title: 'opportunities' }, { key: 'contactAccess', title: 'contacts' }],
              r.members as unknown as Record<string, unknown>[],
            );
        }),
      ),
    );
  team
    .command('remove <account> <username>')
    .description('take a user off an account team')
    .action(
      action((ctx, _options: object, account: string, username: string) =>
        outcome(removeTeamMember(ctx.session(), account, username), (ui, r) => ui.ok(`Removed ${r.removed} from the team of ${r.accountId}`)),
      ),
    );
}
