import { CrmError } from '../errors.js';
import type { OrgSession } from '../org/session.js';
import { findCustomReport, runCustomReport, savedReports } from './custom.js';
import { runStandardReport, STANDARD_REPORTS } from './standard.js';
import type { ReportResult, ReportSummary, RunReportOptions } from './types.js';

export const STANDARD_REPORT_NAMES: readonly string[] = STANDARD_REPORTS.map((r) => r.name);

/** The standard reports and the org's saved custom reports. */
export function listReports(session: OrgSession): ReportSummary[] {
  return [
    ...STANDARD_REPORTS.map((r): ReportSummary => ({ name: r.name, title: r.title, kind: 'standard', description: r.description })),
    ...savedReports(session).map(
      (r): ReportSummary => ({ name: r.name, title: r.name, kind: 'custom', description: r.description ?? `${r.object}: ${r.columns.join(', ')}` }),
    ),
  ];
}

/** Run a standard or custom report by name. */
export function runReport(session: OrgSession, name: string, options: RunReportOptions = {}): ReportResult {
  if (options.days !== undefined && (!Number.isInteger(options.days) || options.days < 1)) {
    throw new CrmError('USAGE', `--days ${options.days}: expected a whole number of days, 1 or more.`, { hint: 'Example: --days 45' });
  }
  const standard = STANDARD_REPORTS.find((r) => r.name === name.trim().toLowerCase());
  if (options.days !== undefined && standard?.name !== 'stuck-opportunities') {
    throw new CrmError('USAGE', '--days applies to stuck-opportunities only.', { hint: 'Use --period to choose the dates of other reports.' });
  }
  if (standard) return runStandardReport(session, standard, options);
  const custom = findCustomReport(session, name.trim());
  if (custom) return runCustomReport(session, custom, options.period);
  throw new CrmError('NOT_FOUND', `There is no report called "${name}".`, {
    hint: `Try: crmctl report list (standard reports: ${STANDARD_REPORT_NAMES.join(', ')}).`,
    details: { report: name },
  });
}
