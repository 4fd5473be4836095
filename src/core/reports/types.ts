/** The shape every report (standard or custom) returns; rendering (table, chart, CSV, XLSX) is the caller's. */
export type Cell = string | number | boolean | null;
export type ReportRow = Record<string, Cell>;

export type ColumnType = 'text' | 'number' | 'currency' | 'percent' | 'date' | 'datetime' | 'checkbox';

export interface ReportColumn {
  key: string;
  title: string;
  type: ColumnType;
  /** How group subtotals and totals combine this column; none = not totalled. */
  aggregate?: 'sum' | 'avg' | 'count-true';
}

export interface ReportPeriod {
  /** What was asked for: this-quarter, last-n-days:30, 2026-01-01:2026-03-31, all. */
  name: string;
  /** Inclusive ISO dates; null = unbounded. */
  from: string | null;
  to: string | null;
}

export interface ReportGroup {
  key: string;
  /** Always has `count` (rows in the group) plus one entry per aggregated column and derived measure. */
  subtotal: Record<string, number>;
}

export interface ReportResult {
  name: string;
  title: string;
  description: string;
  period: ReportPeriod;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The column rows are grouped by (rows come sorted group by group), or null. */
  groupBy: string | null;
  groups: ReportGroup[];
  totals: Record<string, number>;
  /** What --chart draws: one bar per group (or per row when ungrouped) for this subtotal key. */
  chart: { measure: string; label: string };
  /** Things the reader should know (e.g. an object the acting user cannot read). */
  notes: string[];
}

export interface ReportSummary {
  name: string;
  title: string;
  kind: 'standard' | 'custom';
  description: string;
}

export interface RunReportOptions {
  period?: string | undefined;
  /** stuck-opportunities: days without a stage change. */
  days?: number | undefined;
}
