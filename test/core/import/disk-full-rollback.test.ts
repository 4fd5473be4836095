import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeImport, prepareImport } from '../../../src/core/import/run.js';
import { countRecordsFor } from '../../../src/core/records/service.js';
import { memoryOrg, tempDir } from '../../helpers/org.js';

/**
 * A full disk in the middle of an import (SQLite's SQLITE_FULL, simulated with max_page_count):
 * the import's one transaction rolls back, no result file is left, and once there is room the
 * same import stores every row.
 */
describe('disk full during an import', () => {
  it('rolls back everything, leaves no result file, and the rerun with room stores every row', async () => {
    const { db, session } = await memoryOrg();
    const dir = tempDir('crmctl-disk-full-');
    const rows = Array.from({ length: 3000 }, (_, i) => `Jānis${i},Bērziņš,janis.${i}@example.lv,Rīga,Ķekava SIA ${i % 50}`);
    writeFileSync(join(dir, 'contacts.csv'), ['First Name,Last Name,E-mail Address,Business City,Company', ...rows].join('\r\n') + '\r\n');
    const jobsBefore = (db.prepare('SELECT count(*) AS n FROM import_job').get() as { n: number }).n;

    // Room for a few pages more than the org holds now: the import runs out part-way.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 20}`);
    const request = { file: join(dir, 'contacts.csv'), object: 'Contact' };
    await expect(executeImport(session, await prepareImport(session, request), dir)).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(db.inTransaction).toBe(false);
    expect(countRecordsFor(session, 'Contact')).toBe(0);
    expect(countRecordsFor(session, 'Account')).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM import_job').get() as { n: number }).n).toBe(jobsBefore);
    expect(readdirSync(dir)).toEqual(['contacts.csv']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    db.pragma('max_page_count = 1073741823');
    const summary = await executeImport(session, await prepareImport(session, request), dir);
    expect(summary).toMatchObject({ rows: 3000, inserted: 3000, rejected: 0, accountsCreated: 50 });
    expect(countRecordsFor(session, 'Contact')).toBe(3000);
    expect(readdirSync(dir).sort()).toEqual(['contacts.csv', 'contacts.errors.csv', 'contacts.success.csv']);
  });
});
