import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { tempDir } from '../helpers/org.js';

const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, '--db', 'org.db', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the real binary: customise, report, export', () => {
  it('adds a CJK-labelled picklist field, reports on it with a chart and exports it formula-safe to XLSX', () => {
    const dir = tempDir();
    expect(run(['init', '--company', 'Acme', '--admin', 'admin', '--fiscal-start-month', '4'], dir).code).toBe(0);
    const added = JSON.parse(run(['field', 'add', 'account', '客户等级', '--type', 'picklist', '--values', '金,银', '--json'], dir).stdout) as { field: { name: string } };
    expect(added.field.name).toBe('Field_1__c');
    expect(run(['record', 'create', 'account', '--set', 'Name=@Hlýr ehf', '--set', '客户等级=金'], dir).code).toBe(0);
    expect(run(['record', 'create', 'account', '--set', 'Name=Nordic Oy', '--set', 'Field_1__c=银'], dir).code).toBe(0);
    expect(run(['report', 'create', 'tiers', '--object', 'account', '--columns', 'Name', '--group-by', '客户等级'], dir).code).toBe(0);
    const report = run(['report', 'run', 'tiers', '--chart'], dir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('▸ 金');
    expect(report.stdout).toMatch(/金\s+│█+/);
    const exported = run(['export', 'account', '--out', 'accounts.xlsx', '--fields', 'Name,Field_1__c'], dir);
    expect(exported.code).toBe(0);
    const sheet = XLSX.read(readFileSync(join(dir, 'accounts.xlsx'))).Sheets.Accounts!;
    expect(XLSX.utils.sheet_to_json(sheet)).toEqual([
      { Id: expect.stringMatching(/^001/), Name: "'@Hlýr ehf", Field_1__c: '金' },
      { Id: expect.stringMatching(/^001/), Name: 'Nordic Oy', Field_1__c: '银' },
    ]);
  });
});
