import type { Command } from 'commander';
import { listPicklist } from '../../core/customize/picklists.js';
import { action, outcome } from '../../cli/action.js';

export function register(picklist: Command): void {
  picklist
    .command('list <object> <field>')
    .description('the values of a picklist, including deactivated ones')
    .action(
      action((ctx, _options: object, objectName: string, fieldName: string) => {
        const result = listPicklist(ctx.session(), objectName, fieldName);
        return outcome(result, (ui, r) => {
          const stage = r.values.some((v) => v.probability !== undefined);
          ui.table(
            [
              { key: 'value', title: 'Value' },
              { key: 'state', title: 'State' },
              ...(stage ? [{ key: 'probability', title: 'Probability', align: 'right' as const }, { key: 'forecast', title: 'Forecast' }, { key: 'closed', title: 'Closed' }] : []),
            ],
            r.values.map((v) => ({
              value: v.value,
              state: [v.isActive ? 'active' : 'inactive', v.isDefault ? 'default' : ''].filter(Boolean).join(', '),
              probability: v.probability === undefined ? '' : `${v.probability}%`,
              forecast: v.forecastCategory ?? '',
              closed: v.isWon ? 'won' : v.isClosed ? 'lost' : '',
            })),
          );
        });
      }),
    );
}
