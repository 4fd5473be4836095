import type { Command } from 'commander';
import { adoptionDashboard } from '../../core/dashboards/adoption.js';
import { action, outcome } from '../../cli/action.js';

export function register(dashboard: Command): void {
  dashboard
    .command('adoption')
    .description('per user: commands run, records created (7/30 days) and owned, last activity; who never started')
    .action(
      action((ctx) => {
        const result = adoptionDashboard(ctx.session());
        return outcome(result, (ui, r) => {
          ui.heading(`Adoption as of ${r.asOf.slice(0, 10)}`);
          const objects = Object.keys(r.users[0]?.records ?? {});
          ui.table(
            [
              { key: 'user', title: 'User' },
              { key: 'profile', title: 'Profile' },
              { key: 'cmd7', title: 'Cmds 7d', align: 'right' },
              { key: 'cmd30', title: 'Cmds 30d', align: 'right' },
              ...objects.map((o) => ({ key: o, title: o, align: 'right' as const })),
              { key: 'last', title: 'Last activity' },
            ],
            r.users.map((u) => ({
              user: u.isActive ? u.username : `${u.username} (inactive)`,
              profile: u.profile,
              cmd7: u.commands.last7Days,
              cmd30: u.commands.last30Days,
              ...Object.fromEntries(objects.map((o) => [o, `${u.records[o]!.created7}/${u.records[o]!.created30}/${u.records[o]!.owned}`])),
              last: u.lastActivityAt?.slice(0, 16).replace('T', ' ') ?? 'never',
            })),
          );
          ui.line(ui.c.dim('Per object: records created in the last 7 days / last 30 days / owned now.'));
          ui.line(`Active users: ${r.totals.activeUsers}; active in the last 7 days: ${r.totals.activeLast7Days}; last 30 days: ${r.totals.activeLast30Days}`);
          if (r.neverStarted.length > 0) ui.warn(`Never started: ${r.neverStarted.join(', ')}`);
          for (const note of r.notes) ui.line(ui.c.dim(note));
        });
      }),
    );
}
