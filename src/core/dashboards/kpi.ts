import { fiscalQuarter } from '../org/fiscal.js';
import type { OrgSession } from '../org/session.js';
import { iterateRecordsFor } from '../records/service.js';
import { dateOf, daysBetween, inPeriod, orgToday, parsePeriod, utcDate } from '../reports/period.js';
import type { ReportPeriod } from '../reports/types.js';
import { picklistValuesWithInactive } from '../store/customize.js';

export interface KpiDashboard {
  period: ReportPeriod;
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
  /** Won / (won + lost) closed in the period, percent. */
  winRate: number;
  /** Won amount / won count, 0 when nothing was won. */
  averageDealSize: number;
  /** Days from creation to close of the deals won in the period. */
  averageSalesCycleDays: number | null;
  /** Open opportunities per stage: how many and how long, on average, they have been in it. */
  daysInStage: { stage: string; open: number; averageDays: number }[];
  /** The current fiscal quarter: what the forecast categories promise against what was won. */
  forecast: {
    quarter: string;
    from: string;
    to: string;
    closedWon: number;
    commit: number;
    bestCase: number;
    pipeline: number;
    /** Closed + commit: the number a sales team commits to. */
    forecastCommit: number;
    /** Closed won so far as a percentage of forecastCommit. */
    attainment: number;
  };
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Sales KPIs over the opportunities the acting user may read. Default period: this fiscal quarter. */
export function kpiDashboard(session: OrgSession, options: { period?: string | undefined } = {}): KpiDashboard {
  const period = parsePeriod(session, options.period, 'this-quarter');
  const tz = session.org.timezone;
  const today = orgToday(session);
  const quarter = fiscalQuarter(utcDate(today), session.org.fiscalStartMonth);
  const won = { count: 0, amount: 0 };
  const lost = { count: 0, amount: 0 };
  const cycles: number[] = [];
  const inStage = new Map<string, number[]>();
  const forecast = { closedWon: 0, commit: 0, bestCase: 0, pipeline: 0 };
  for (const o of iterateRecordsFor(session, 'Opportunity')) {
    const amount = typeof o.Amount === 'number' ? o.Amount : 0;
    const close = dateOf(o.CloseDate, tz);
    if (o.IsClosed === true && inPeriod(close, period)) {
      const bucket = o.IsWon === true ? won : lost;
      bucket.count++;
      bucket.amount += amount;
      const created = dateOf(o.CreatedDate, tz);
      if (o.IsWon === true && created !== null && close !== null) cycles.push(Math.max(0, daysBetween(created, close)));
    }
    if (o.IsClosed !== true && typeof o.StageName === 'string') {
      const since = dateOf(o.LastStageChangeDate, tz) ?? dateOf(o.CreatedDate, tz);
      if (since !== null) {
        let days = inStage.get(o.StageName);
        if (!days) inStage.set(o.StageName, (days = []));
        days.push(Math.max(0, daysBetween(since, today)));
      }
    }
    if (close !== null && close >= quarter.start && close <= quarter.end) {
      if (o.IsWon === true) forecast.closedWon += amount;
      else if (o.IsClosed !== true && o.ForecastCategoryName === 'Commit') forecast.commit += amount;
      else if (o.IsClosed !== true && o.ForecastCategoryName === 'Best Case') forecast.bestCase += amount;
      else if (o.IsClosed !== true && o.ForecastCategoryName === 'Pipeline') forecast.pipeline += amount;
    }
  }
  const stageOrder = picklistValuesWithInactive(session.db, 'Opportunity', 'StageName').map((v) => v.value);
  const stages = [...inStage.keys()].sort((a, b) => rank(stageOrder, a) - rank(stageOrder, b));
  const forecastCommit = round(forecast.closedWon + forecast.commit);
  const average = (xs: number[]): number => (xs.length === 0 ? 0 : round(xs.reduce((a, b) => a + b, 0) / xs.length, 1));
  return {
    period,
    won: { count: won.count, amount: round(won.amount) },
    lost: { count: lost.count, amount: round(lost.amount) },
    winRate: won.count + lost.count === 0 ? 0 : round((won.count / (won.count + lost.count)) * 100, 1),
    averageDealSize: won.count === 0 ? 0 : round(won.amount / won.count),
    averageSalesCycleDays: cycles.length === 0 ? null : average(cycles),
    daysInStage: stages.map((stage) => ({ stage, open: inStage.get(stage)!.length, averageDays: average(inStage.get(stage)!) })),
    forecast: {
      quarter: quarter.name,
      from: quarter.start,
      to: quarter.end,
      closedWon: round(forecast.closedWon),
      commit: round(forecast.commit),
      bestCase: round(forecast.bestCase),
      pipeline: round(forecast.pipeline),
      forecastCommit,
      attainment: forecastCommit === 0 ? 0 : round((forecast.closedWon / forecastCommit) * 100, 1),
    },
  };
}

const rank = (order: string[], stage: string): number => {
  const i = order.indexOf(stage);
  return i < 0 ? order.length : i;
};
