import { describe, expect, it } from 'vitest';
import { initOrg } from '../../src/core/org/init.js';
import { describeOrg, updateOrgProfile } from '../../src/core/org/profile.js';
import { fiscalQuarter, fiscalYear, nextFiscalQuarter } from '../../src/core/org/fiscal.js';
import { guideStatus, markStepDone } from '../../src/core/guide/status.js';
import { openOrgDb, schemaVersion } from '../../src/core/store/database.js';
import { LATEST_SCHEMA_VERSION } from '../../src/core/store/migrations.js';
import { readCredential } from '../../src/core/store/users.js';
import { verifyPassword } from '../../src/core/security/passwords.js';
import { memoryOrg, TEST_SCRYPT_COST } from '../helpers/org.js';

describe('org setup', () => {
  it('migrates to the latest schema with foreign keys on', async () => {
    const { db } = await memoryOrg();
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates the administrator with only a hash of a temporary password that must be changed', async () => {
    const db = openOrgDb(':memory:');
    const result = await initOrg(db, { company: 'Þjóðleikhúsið', admin: 'admin', timezone: 'Atlantic/Reykjavik', locale: 'is_IS', currency: 'isk' }, { cost: TEST_SCRYPT_COST });
    expect(result.org).toMatchObject({ company: 'Þjóðleikhúsið', timezone: 'Atlantic/Reykjavik', locale: 'is-IS', currency: 'ISK', fiscalStartMonth: 1 });
    const credential = readCredential(db, result.admin.id)!;
    expect(credential.mustChange).toBe(true);
    expect(credential.passwordHash).not.toContain(result.admin.temporaryPassword);
    expect(await verifyPassword(result.admin.temporaryPassword, credential.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', credential.passwordHash)).toBe(false);
  });

  it('refuses a second init and names every bad setting', async () => {
    const { db } = await memoryOrg();
    await expect(initOrg(db, { company: 'Other', admin: 'root' }, { cost: TEST_SCRYPT_COST })).rejects.toThrow(/already holds the org "Acme"/);
    const fresh = openOrgDb(':memory:');
    await expect(
      initOrg(fresh, { company: 'X', admin: 'ab', timezone: 'Mars/Olympus', currency: 'XXQ', fiscalStartMonth: 13 }, { cost: TEST_SCRYPT_COST }),
    ).rejects.toThrow(/timezone.*currency.*fiscalStartMonth/s);
  });

  it('changes the company profile with an audit trail', async () => {
    const { session } = await memoryOrg();
    const result = updateOrgProfile(session, { timezone: 'Europe/Helsinki', fiscalStartMonth: 4 });
    expect(result.changed).toEqual({ timezone: { from: expect.any(String), to: 'Europe/Helsinki' }, fiscalStartMonth: { from: 1, to: 4 } });
    expect(describeOrg(session).fiscalYear.current).toMatchObject({ name: 'FY2027', start: '2026-04-01', end: '2027-03-31' });
  });
});

describe('fiscal periods', () => {
  it('places May in Q1 of a fiscal year starting in April, named for the year it ends', () => {
    expect(fiscalQuarter(new Date('2026-05-15T00:00:00Z'), 4)).toMatchObject({ name: 'FY2027 Q1', start: '2026-04-01', end: '2026-06-30' });
    expect(fiscalQuarter(new Date('2027-02-01T00:00:00Z'), 4)).toMatchObject({ name: 'FY2027 Q4', start: '2027-01-01', end: '2027-03-31' });
    expect(fiscalYear(new Date('2026-03-31T00:00:00Z'), 4)).toMatchObject({ name: 'FY2026', start: '2025-04-01', end: '2026-03-31' });
  });

  it('uses calendar quarters for a January start', () => {
    expect(fiscalQuarter(new Date('2026-11-23T00:00:00Z'), 1)).toMatchObject({ name: 'FY2026 Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(nextFiscalQuarter(new Date('2026-11-23T00:00:00Z'), 1)).toMatchObject({ name: 'FY2027 Q1', start: '2027-01-01', end: '2027-03-31' });
  });

  it('handles a fiscal year starting in November across the calendar year', () => {
    expect(fiscalQuarter(new Date('2027-01-10T00:00:00Z'), 11)).toMatchObject({ name: 'FY2027 Q1', start: '2026-11-01', end: '2027-01-31' });
  });
});

describe('guide status', () => {
  it('derives done from the org and records manual steps', async () => {
    const { session } = await memoryOrg();
    let status = guideStatus(session);
    expect(status.chapters.map((c) => c.id)).toEqual(['plan', 'setup', 'customize', 'go-live', 'adoption']);
    const step = (id: string) => status.chapters.flatMap((c) => c.steps).find((s) => s.id === id)!;
    expect(step('company-profile').done).toBe(false);
    expect(step('fiscal-year').done).toBe(false);
    updateOrgProfile(session, { fiscalStartMonth: 7 });
    markStepDone(session, 'train-users');
    status = guideStatus(session);
    expect(step('fiscal-year')).toMatchObject({ done: true, source: 'org' });
    expect(step('train-users')).toMatchObject({ done: true, source: 'recorded' });
    expect(() => markStepDone(session, 'no-such-step')).toThrow(/no step "no-such-step"/);
  });
});
