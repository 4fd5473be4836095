import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import type { ReportResult } from '../../src/core/reports/types.js';
import { cli, tempDir } from '../helpers/org.js';
import { seededOrgFile } from '../core/reports/seed.js';

let db: string;
let dir: string;
beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'org.db');
  await seededOrgFile(db);
});

const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });

describe('crmctl report', () => {
  it('lists standard reports', async () => {
    const r = await run('report', 'list', '--json');
    expect(r.code).toBe(0);
    expect(r.json<{ reports: { name: string; kind: string }[] }>().reports.filter((x) => x.kind === 'standard')).toHaveLength(9);
  });

  it('runs the pipeline as JSON with the engine result shape', async () => {
    const r = await run('report', 'run', 'opportunity-pipeline', '--json');
    expect(r.code).toBe(0);
    const result = r.json<ReportResult>();
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['name', 'title', 'period', 'columns', 'rows', 'groups', 'totals']));
    expect(result.groups.map((g) => [g.key, g.subtotal.count, g.subtotal.Amount, g.subtotal.Weighted])).toEqual([
      ['Prospecting', 1, 10000, 1000],
      ['Value Proposition', 1, 4000, 2000],
      ['Negotiation/Review', 1, 20000, 18000],
    ]);
  });

  it('prints an aligned table with group subtotals and a bar chart', async () => {
    const r = await run('report', 'run', 'quarterly-forecast', '--period', 'FY2027', '--chart');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Quarterly forecast — 2026-04-01 to 2027-03-31');
    expect(r.stdout).toContain('▸ FY2027 Q1');
    expect(lines.find((l) => l.includes('subtotal (3)'))).toMatch(/12,000\.00.*14,000\.00/);
    expect(lines.find((l) => l.startsWith('TOTAL (5)'))).toMatch(/20,000\.00/);
    expect(r.stdout).toContain('Forecast (commit): 40,000');
    // The chart: Q4 (20,000) has the longest bar, Q2 none.
    const chart = lines.slice(lines.findIndex((l) => l.startsWith('Forecast (closed + commit)')) + 1).filter((l) => l.includes('│'));
    expect(chart.map((l) => l.split(' │')[0]!.trim())).toEqual(['FY2027 Q1', 'FY2027 Q2', 'FY2027 Q3', 'FY2027 Q4']);
    expect(chart[3]).toContain('█'.repeat(40));
    expect(chart[1]).not.toContain('█');
    expect(chart[0]).toContain('█'.repeat(16));
  });

  it('writes CSV (BOM, CRLF) and XLSX (rows + summary sheet) files', async () => {
    const csv = await run('report', 'run', 'closed-opportunities', '--period', 'FY2027', '--out', 'closed.csv', '--json');
    expect(csv.code).toBe(0);
    expect(csv.json<{ file: { rows: number; format: string } }>().file).toMatchObject({ rows: 3, format: 'csv' });
    const bytes = readFileSync(join(dir, 'closed.csv'), 'utf8');
    expect(bytes.startsWith('\uFEFFResult,Opportunity,Account,Stage,Amount,Close date,Owner\r\n')).toBe(true);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.Result, row.Opportunity, row.Amount])).toEqual([
      ['Won', 'May win', '8000'],
      ['Won', 'Porto won', '12000'],
      ['Lost', 'Lisbon lost', '3000'],
    ]);

    const xlsx = await run('report', 'run', 'closed-opportunities', '--period', 'FY2027', '--format', 'xlsx', '--out', 'closed.xlsx');
    expect(xlsx.code).toBe(0);
    const book = XLSX.read(readFileSync(join(dir, 'closed.xlsx')));
    expect(book.SheetNames).toEqual(['Closed opportunities', 'Summary']);
    const summary = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Summary!, { header: 1 });
    expect(summary[0]).toEqual(['Result', 'Records', 'Amount', 'Win rate (%)']);
    expect(summary.slice(1)).toEqual([
      ['Won', 2, 20000],
      ['Lost', 1, 3000],
      ['Total', 3, 23000, 66.7],
    ]);
    const amount = book.Sheets['Closed opportunities']!.E2!;
    expect(amount).toMatchObject({ t: 'n', v: 8000 });
  });

  it('creates a custom report and runs it like a standard one', async () => {
    const created = await run('report', 'create', 'won-by-account', '--object', 'opportunity', '--columns', 'Name,Amount,CloseDate', '--filter', 'IsWon = true', '--group-by', 'AccountId', '--sort', '-Amount', '--json');
    expect(created.code).toBe(0);
    expect(created.json()).toMatchObject({ name: 'won-by-account', object: 'Opportunity', columns: ['AccountId', 'Name', 'Amount', 'CloseDate'] });
    const r = (await run('report', 'run', 'won-by-account', '--json')).json<ReportResult>();
    expect(r.rows.map((row) => [row.Name, row.Amount])).toEqual([
      ['May win', 8000],
      ['Porto won', 12000],
    ]);
    expect(r.totals).toMatchObject({ count: 2, Amount: 20000 });
    // Reference columns show the referenced record's name, not its id.
    expect(r.groups.map((g) => [g.key, g.subtotal.Amount])).toEqual([
      ['Bērziņš SIA', 8000],
      ['Nordic Oy', 12000],
    ]);
    const clash = await run('report', 'create', 'lead-sources', '--object', 'lead', '--columns', 'Name', '--json');
    expect(clash.code).toBe(1);
    expect(clash.json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await run('report', 'delete', 'won-by-account')).code).toBe(0);
    expect((await run('report', 'run', 'won-by-account')).code).toBe(5);
    expect((await run('report', 'delete', 'lead-sources')).code).toBe(5);
    const badFilter = await run('report', 'create', 'x', '--object', 'lead', '--columns', 'LastName', '--filter', "Nope = 'x'");
    expect(badFilter.code).toBe(2);
    expect(badFilter.stderr).toContain('Nope');
  });

  it('refuses unknown reports, formats and periods with usage hints', async () => {
    expect((await run('report', 'run', 'nope')).code).toBe(5);
    const format = await run('report', 'run', 'lead-sources', '--format', 'pdf');
    expect(format.code).toBe(2);
    const csvNoOut = await run('report', 'run', 'lead-sources', '--format', 'csv');
    expect(csvNoOut.stderr).toContain('--out');
    const period = await run('report', 'run', 'lead-sources', '--period', 'someday');
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('this-quarter');
  });
});
