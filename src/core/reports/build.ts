import type { Cell, ReportColumn, ReportGroup, ReportPeriod, ReportResult, ReportRow } from './types.js';

/** Label of the group holding rows whose group column is empty. */
export const NO_VALUE = '(none)';

export interface BuildInput {
  name: string;
  title: string;
  description: string;
  period: ReportPeriod;
  columns: ReportColumn[];
  rows: ReportRow[];
  groupBy?: string | undefined;
  /** Group keys in display order; listed keys appear even when empty (e.g. every quarter of a year). */
  groupOrder?: string[] | undefined;
  /** Extra measures from a subtotal (conversion rate, win rate...), added to groups and totals. */
  derive?: ((subtotal: Record<string, number>) => Record<string, number>) | undefined;
  chart?: { measure: string; label: string } | undefined;
  notes?: string[] | undefined;
}

const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : round((part / whole) * 100, 1);
}

/** Subtotal of some rows: count plus every aggregated column. */
export function summarize(columns: ReportColumn[], rows: ReportRow[], derive?: BuildInput['derive']): Record<string, number> {
  const subtotal: Record<string, number> = { count: rows.length };
  for (const column of columns) {
    if (!column.aggregate) continue;
    if (column.aggregate === 'count-true') {
      subtotal[column.key] = rows.filter((r) => r[column.key] === true).length;
      continue;
    }
    const numbers = rows.map((r) => r[column.key]).filter((v): v is number => typeof v === 'number');
    const sum = numbers.reduce((a, b) => a + b, 0);
    subtotal[column.key] = column.aggregate === 'sum' ? round(sum) : numbers.length === 0 ? 0 : round(sum / numbers.length, 1);
  }
  return derive ? { ...subtotal, ...derive(subtotal) } : subtotal;
}

const groupKey = (value: Cell): string => (value === null || value === '' ? NO_VALUE : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));

/** Group rows (stable within a group), compute subtotals and totals, and assemble the result. */
export function buildReport(input: BuildInput): ReportResult {
  let rows = input.rows;
  let groups: ReportGroup[] = [];
  if (input.groupBy) {
    const byKey = new Map<string, ReportRow[]>();
    for (const key of input.groupOrder ?? []) byKey.set(key, []);
    for (const row of rows) {
      const key = groupKey(row[input.groupBy] ?? null);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push(row);
    }
    const listed = new Set(input.groupOrder ?? []);
    const keys = [...byKey.keys()];
    const extra = keys.filter((k) => !listed.has(k)).sort((a, b) => (a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : a.localeCompare(b)));
    const ordered = [...keys.filter((k) => listed.has(k)), ...extra];
    groups = ordered.map((key) => ({ key, subtotal: summarize(input.columns, byKey.get(key)!, input.derive) }));
    rows = ordered.flatMap((key) => byKey.get(key)!);
  }
  return {
    name: input.name,
    title: input.title,
    description: input.description,
    period: input.period,
    columns: input.columns,
    rows,
    groupBy: input.groupBy ?? null,
    groups,
    totals: summarize(input.columns, input.rows, input.derive),
    chart: input.chart ?? { measure: 'count', label: 'Records' },
    notes: input.notes ?? [],
  };
}
