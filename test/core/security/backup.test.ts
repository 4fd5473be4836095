import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, TEST_SCRYPT_COST } from '../../helpers/org.js';
import { openOrgDb } from '../../../src/core/store/database.js';
import { initOrg } from '../../../src/core/org/init.js';
import { backupOrgFile } from '../../../src/core/store/backup.js';

describe('org files are owner-only', () => {
  it('the org file, its -wal/-shm files and backups are mode 0600', async () => {
    const dir = tempDir();
    const path = join(dir, 'crm.db');
    const db = openOrgDb(path, { create: true });
    await initOrg(db, { company: 'Oulun Kone Oy', admin: 'admin' }, { cost: TEST_SCRYPT_COST });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = openOrgDb(path);
    for (const suffix of ['-wal', '-shm']) expect(statSync(path + suffix).mode & 0o777).toBe(0o600);
    const backup = await backupOrgFile(again, join(dir, 'crm-backup.db'));
    expect(statSync(backup.file).mode & 0o777).toBe(0o600);
    const copy = openOrgDb(backup.file, { readonly: true });
    expect(copy.prepare('SELECT company FROM org').get()).toEqual({ company: 'Oulun Kone Oy' });
    await expect(backupOrgFile(again, backup.file)).rejects.toThrow(/already exists/);
    for (const d of [db, again, copy]) d.close();
  });
});
