import type { Command } from 'commander';
import { kpiDashboard } from '../../core/dashboards/kpi.js';
import { PERIOD_HELP } from '../../core/reports/period.js';
import { action, outcome } from '../../cli/action.js';
import { barChart, numberFormatter } from '../report/render.js';

export function register(dashboard: Command): void {
  dashboard
    .command('kpi')
    .description('won/lost, win rate, average deal size, sales cycle, days in stage, forecast vs. actual this fiscal quarter')
    .option('--period <period>', `period for won/lost (default this-quarter; ${PERIOD_HELP})`)
    .action(
      action((ctx, options: { period?: string }) => {
        const session = ctx.session();
        const result = kpiDashboard(session, { period: options.period });
        const format = numberFormatter(session.org.locale);
        const money = (n: number): string => format(n, 'currency');
        return outcome(result, (ui, r) => {
          ui.heading(`Sales KPIs — ${r.period.from ?? '…'} to ${r.period.to ?? '…'}`);
          ui.keyValues([
            ['Won', `${r.won.count} (${money(r.won.amount)})`],
            ['Lost', `${r.lost.count} (${money(r.lost.amount)})`],
            ['Win rate', `${format(r.winRate)} %`],
            ['Average deal size', money(r.averageDealSize)],
            ['Average sales cycle', r.averageSalesCycleDays === null ? 'no won deals' : `${format(r.averageSalesCycleDays)} days`],
          ]);
          barChart(ui, 'Average days in stage (open opportunities)', r.daysInStage.map((s) => ({ label: `${s.stage} (${s.open})`, value: s.averageDays })), (n) => `${format(n)} d`);
          const f = r.forecast;
          barChart(
            ui,
            `Forecast vs. actual, ${f.quarter} (${f.from} to ${f.to}): ${format(f.attainment)} % of commit won`,
            [
              { label: 'Closed won', value: f.closedWon },
              { label: 'Commit forecast', value: f.forecastCommit },
              { label: 'Best case (open)', value: f.bestCase },
              { label: 'Pipeline (open)', value: f.pipeline },
            ],
            money,
          );
        });
      }),
    );
}
