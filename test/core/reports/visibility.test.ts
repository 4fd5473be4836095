import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportRecords } from '../../../src/core/export/records.js';
import { runReport } from '../../../src/core/reports/engine.js';
import { createReport } from '../../../src/core/reports/custom.js';
import { kpiDashboard } from '../../../src/core/dashboards/kpi.js';
import { setSharing } from '../../../src/core/security/sharing.js';
import { SharingAccessPolicy } from '../../../src/core/security/sharing-policy.js';
import { tempDir } from '../../helpers/org.js';
import { seededOrg } from './seed.js';

describe('reports, dashboards and exports read only what the acting user may see', () => {
  it('a private sharing model hides other owners\' accounts and deals from rita', async () => {
    const org = await seededOrg();
    setSharing(org.session, ['account=private', 'opportunity=private', 'contact=controlled-by-parent', 'lead=private']);
    const rita = org.as('rita', { accessPolicy: (db, user) => new SharingAccessPolicy(db, user) });

    const owners = runReport(rita, 'account-owners');
    expect(owners.rows.map((r) => r.Account)).toEqual(['Nordic Oy']);
    const pipeline = runReport(rita, 'opportunity-pipeline');
    const names = pipeline.rows.map((r) => r.Opportunity);
    expect(names).toContain('上海 expansion');
    expect(names).not.toContain('Riga rollout');
    expect(runReport(org.session, 'opportunity-pipeline').rows.map((r) => r.Opportunity)).toContain('Riga rollout');

    createReport(org.session, { name: 'all-accounts', object: 'account', columns: ['Name'] }, []);
    expect(runReport(rita, 'all-accounts').rows.map((r) => r.Name)).toEqual(['Nordic Oy']);
    expect(kpiDashboard(rita, { period: 'FY2027' }).won.count).toBeLessThan(kpiDashboard(org.session, { period: 'FY2027' }).won.count);

    const out = join(tempDir(), 'accounts.csv');
    expect(exportRecords(rita, { object: 'account', out, fields: ['Name'] })).toMatchObject({ rows: 1 });
    expect(parse(readFileSync(out), { bom: true, columns: true })).toEqual([{ Id: org.ids.A2, Name: 'Nordic Oy' }]);
  });
});
