import type { Command } from 'commander';
import { CrmError } from '../../core/errors.js';
import { writeReportFile } from '../../core/export/report-file.js';
import { formatFromPath } from '../../core/export/table-file.js';
import { runReport } from '../../core/reports/engine.js';
import { PERIOD_HELP } from '../../core/reports/period.js';
import type { ReportResult } from '../../core/reports/types.js';
import { action, outcome } from '../../cli/action.js';
import { renderReportChart, renderReportTable } from './render.js';

interface RunOptions {
  period?: string;
  days?: string;
  format?: string;
  out?: string;
  chart?: boolean;
}

const FORMATS = ['table', 'csv', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];

export type RunReportCommandResult = ReportResult & { file?: { path: string; format: 'csv' | 'xlsx'; rows: number; truncatedCells: number } };

export function register(report: Command): void {
  report
    .command('run <name>')
    .description('run a standard or custom report: report run opportunity-pipeline --period this-quarter --chart')
    .option('--period <period>', `the period (${PERIOD_HELP})`)
    .option('--days <n>', 'stuck-opportunities: days without a stage change (default 30)')
    .option('--format <format>', `output: ${FORMATS.join(', ')} (default table, or from --out's extension)`)
    .option('--out <file>', 'write the report to a .csv or .xlsx file')
    .option('--chart', 'draw a bar chart in the terminal')
    .action(
      action((ctx, options: RunOptions, name: string) => {
        const days = options.days === undefined ? undefined : Number(options.days);
        if (days !== undefined && !Number.isInteger(days)) throw new CrmError('USAGE', `--days ${options.days}: expected a whole number.`, { hint: 'Example: --days 45' });
        const format = chooseFormat(options);
        const session = ctx.session();
        const result: RunReportCommandResult = runReport(session, name, { period: options.period, days });
        if (format === 'csv' || format === 'xlsx') {
          if (!options.out) throw new CrmError('USAGE', `--format ${format} writes a file.`, { hint: `Pass --out report.${format}.` });
          const path = ctx.path(options.out);
          result.file = { path, format, ...writeReportFile(result, path, format) };
        }
        const locale = session.org.locale;
        return outcome(result, (ui, r) => {
          if (format === 'json') {
            ui.line(JSON.stringify(r, null, 2));
            return;
          }
          if (r.file) ui.ok(`Wrote ${r.file.rows} row(s) of ${r.title} to ${r.file.path}`);
          if (r.file && r.file.truncatedCells > 0) ui.warn(`${r.file.truncatedCells} cell(s) were cut to Excel's limit; use --format csv to keep them whole.`);
          else renderReportTable(ui, r, locale);
          if (options.chart) renderReportChart(ui, r, locale);
        });
      }),
    );
}

function chooseFormat(options: RunOptions): Format {
  if (options.format === undefined) return options.out ? formatFromPath(options.out) : 'table';
  const format = FORMATS.find((f) => f === options.format!.toLowerCase());
  if (!format) throw new CrmError('USAGE', `--format ${options.format}: unknown.`, { hint: `Use one of: ${FORMATS.join(', ')}.` });
  if ((format === 'table' || format === 'json') && options.out) {
    throw new CrmError('USAGE', `--format ${format} prints to the terminal; --out writes .csv or .xlsx files.`, { hint: 'Drop --out, or use --format csv/xlsx.' });
  }
  if ((format === 'csv' || format === 'xlsx') && options.out && formatFromPath(options.out) !== format) {
    throw new CrmError('USAGE', `--format ${format} does not match --out ${options.out}.`, { hint: `Name the file .${format}, or drop --format.` });
  }
  return format;
}
