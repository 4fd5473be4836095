import type { ReportResult } from '../reports/types.js';
import { writeCsvTable, writeXlsxTables, type TableCell, type TableFormat, type TableWrite } from './table-file.js';

/**
 * Save a report: CSV holds the detail rows (one header line, easy to
 * re-read); XLSX adds a Summary sheet with each group's subtotals and the totals.
 */
export function writeReportFile(report: ReportResult, path: string, format: TableFormat): TableWrite {
  const headers = report.columns.map((c) => c.title);
  const rows = report.rows.map((row): TableCell[] => report.columns.map((c) => row[c.key] ?? null));
  if (format === 'csv') return writeCsvTable(path, headers, rows);
  const measures = summaryMeasures(report);
  const summaryHeaders = [report.groupBy ? (report.columns.find((c) => c.key === report.groupBy)?.title ?? report.groupBy) : 'Total', ...measures.map((m) => m.title)];
  const summaryRows: TableCell[][] = [
    ...report.groups.map((g) => [g.key, ...measures.map((m) => g.subtotal[m.key] ?? null)]),
    ['Total', ...measures.map((m) => report.totals[m.key] ?? null)],
  ];
  return writeXlsxTables(path, [
    { name: report.title, headers, rows },
    { name: 'Summary', headers: summaryHeaders, rows: summaryRows },
  ]);
}

/** The subtotal keys to show, with readable titles: count, aggregated columns, then derived measures. */
export function summaryMeasures(report: ReportResult): { key: string; title: string }[] {
  const titles = new Map(report.columns.map((c) => [c.key, c.title]));
  const keys = Object.keys(report.totals);
  return keys.map((key) => ({ key, title: key === 'count' ? 'Records' : (titles.get(key) ?? MEASURE_TITLES[key] ?? key) }));
}

const MEASURE_TITLES: Record<string, string> = {
  ConversionRate: 'Conversion rate (%)',
  WinRate: 'Win rate (%)',
  ForecastCommit: 'Forecast (commit)',
  ForecastBestCase: 'Forecast (best case)',
};
