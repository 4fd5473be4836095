import type { ReportColumn, ReportResult, ReportRow } from '../../core/reports/types.js';
import { summaryMeasures } from '../../core/export/report-file.js';
import { displayWidth, type Ui } from '../../cli/ui.js';

/** Number formatting for people: the org's locale, two decimals for money, one for rates. */
export function numberFormatter(locale: string): (value: unknown, type?: ReportColumn['type']) => string {
  const safe = (() => {
    try {
      return new Intl.NumberFormat(locale).resolvedOptions().locale;
    } catch {
      return 'en-US';
    }
  })();
  const money = new Intl.NumberFormat(safe, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(safe, { maximumFractionDigits: 1 });
  return (value, type) => {
    if (typeof value !== 'number') return value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    return type === 'currency' ? money.format(value) : plain.format(value);
  };
}

const isNumeric = (c: ReportColumn): boolean => c.type === 'number' || c.type === 'currency' || c.type === 'percent';

/**
 * The report as one aligned table: for grouped reports, a line naming each
 * group, its rows, then its subtotal; a grand total at the end.
 */
export function renderReportTable(ui: Ui, report: ReportResult, locale: string): void {
  const format = numberFormatter(locale);
  const period = report.period.from === null && report.period.to === null ? 'all dates' : `${report.period.from ?? '…'} to ${report.period.to ?? '…'}`;
  ui.heading(`${report.title} — ${period}`);
  const columns = report.columns.filter((c) => c.key !== report.groupBy);
  const cells = (row: ReportRow): Record<string, string> => Object.fromEntries(columns.map((c) => [c.key, format(row[c.key], c.type)]));
  const subtotalCells = (label: string, subtotal: Record<string, number>): Record<string, string> => {
    const out: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, c.aggregate && subtotal[c.key] !== undefined ? format(subtotal[c.key], c.type) : '']));
    out[columns[0]!.key] = label;
    return out;
  };
  const lines: Record<string, string>[] = [];
  if (report.groupBy) {
    // The engine returns rows group by group, in group order: each group is the next `count` rows.
    let offset = 0;
    for (const group of report.groups) {
      const header: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, '']));
      header[columns[0]!.key] = `▸ ${group.key}`;
      lines.push(header);
      for (const row of report.rows.slice(offset, offset + group.subtotal.count!)) lines.push(cells(row));
      offset += group.subtotal.count!;
      lines.push(subtotalCells(`  subtotal (${group.subtotal.count})`, group.subtotal));
    }
  } else {
    for (const row of report.rows) lines.push(cells(row));
  }
  lines.push(subtotalCells(`TOTAL (${report.totals.count})`, report.totals));
  ui.table(
    columns.map((c) => ({ key: c.key, title: c.title, ...(isNumeric(c) ? { align: 'right' as const } : {}) })),
    lines,
  );
  const extras = summaryMeasures(report).filter((m) => m.key !== 'count' && !report.columns.some((c) => c.key === m.key));
  if (extras.length > 0) ui.line(extras.map((m) => `${m.title}: ${format(report.totals[m.key])}`).join('   '));
  for (const note of report.notes) ui.line(ui.c.dim(note));
}

const groupKeyOf = (value: unknown): string => (value === null || value === undefined || value === '' ? '(none)' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `value / max` of `width` cells, in eighths of a block. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Horizontal bar chart: one bar per label, scaled to the largest value. */
export function barChart(ui: Ui, title: string, items: { label: string; value: number }[], formatValue: (n: number) => string, width = 40): void {
  ui.line();
  ui.heading(title);
  if (items.length === 0) {
    ui.line(ui.c.dim('(nothing to chart)'));
    return;
  }
  const labelWidth = Math.min(30, Math.max(...items.map((i) => displayWidth(i.label))));
  const max = Math.max(...items.map((i) => i.value));
  for (const item of items) {
    let label = item.label;
    while (displayWidth(label) > labelWidth) label = label.slice(0, -2) + '…';
    const pad = ' '.repeat(Math.max(0, labelWidth - displayWidth(label)));
    const drawn = bar(item.value, max, width);
    ui.line(`${label}${pad} │${ui.c.cyan(drawn)}${' '.repeat(Math.max(0, width - displayWidth(drawn)))} ${formatValue(item.value)}`);
  }
}

/** The report's chart: its measure per group, or per row (labelled by the first column) when ungrouped. */
export function renderReportChart(ui: Ui, report: ReportResult, locale: string): void {
  const format = numberFormatter(locale);
  const measure = report.chart.measure;
  const type = report.columns.find((c) => c.key === measure)?.type;
  const items = report.groupBy
    ? report.groups.map((g) => ({ label: g.key, value: g.subtotal[measure] ?? 0 }))
    : report.rows.map((r) => ({ label: groupKeyOf(r[report.columns[0]!.key]), value: measure === 'count' ? 1 : typeof r[measure] === 'number' ? (r[measure] as number) : 0 }));
  barChart(ui, report.chart.label, items, (n) => format(n, type));
}
