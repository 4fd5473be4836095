import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';
import { seededOrgFile } from '../core/reports/seed.js';

let db: string;
beforeAll(async () => {
  db = join(tempDir(), 'org.db');
  await seededOrgFile(db);
});
const run = (...args: string[]) => cli(['--db', db, ...args]);

describe('crmctl dashboard', () => {
  it('data-quality: blank rates per field and accounts without contacts, and duplicate groups from the dupes engine', async () => {
    const r = await run('dashboard', 'data-quality', '--object', 'account', '--json');
    expect(r.code).toBe(0);
    const d = r.json<{ objects: { object: string; records: number; fields: { field: string; blank: number; blankRate: number }[] }[]; accountsWithoutContacts: number }>();
    expect(d.objects[0]).toMatchObject({ object: 'Account', records: 3 });
    expect(d.objects[0]!.fields.find((f) => f.field === 'BillingCountry')).toMatchObject({ blank: 0, blankRate: 0 });
    expect(d.objects[0]!.fields.find((f) => f.field === 'Industry')).toMatchObject({ blank: 2, blankRate: 66.7 });
    expect(d.accountsWithoutContacts).toBe(1);
    expect((d as { duplicates?: { object: string }[] }).duplicates?.map((x) => x.object)).toEqual(['Account']);
    const table = await run('dashboard', 'data-quality', '--object', 'account');
    expect(table.stdout).toMatch(/Industry\s+2\s+66\.7\s+█/);
    expect(table.stdout).toContain('Accounts without contacts: 1');
  });

  it('kpi: win rate and forecast for a given period', async () => {
    const r = await run('dashboard', 'kpi', '--period', 'FY2027', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ won: { count: 2, amount: 20000 }, lost: { count: 1, amount: 3000 }, winRate: 66.7, averageDealSize: 10000 });
    const table = await run('dashboard', 'kpi', '--period', 'FY2027');
    expect(table.stdout).toMatch(/Win rate\s+66\.7 %/);
    expect(table.stdout).toContain('Average days in stage');
  });

  it('adoption is refused to non-administrators', async () => {
    const r = await run('--as', 'rita', 'dashboard', 'adoption');
    expect(r.code).toBe(4);
  });
});
