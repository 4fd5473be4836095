import { readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeBackup, backupsDirFor } from '../../../src/core/backup/backup.js';
import { safeFileName } from '../../../src/core/files/csv-writer.js';
import { sheetName } from '../../../src/core/export/table-file.js';
import { checkPlanStructure } from '../../../src/core/migrate/plan.js';
import { initOrg } from '../../../src/core/org/init.js';
import { writeOutboxMessage } from '../../../src/core/security/outbox.js';
import { openOrgDb } from '../../../src/core/store/database.js';
import { TEST_SCRYPT_COST, tempDir } from '../../helpers/org.js';

/**
 * Wherever text from data or arguments becomes part of a file name — backup tags (job ids, object
 * names), outbox messages (usernames), migration result files (step names), sheet names and
 * safeFileName — a name like ../../etc/passwd stays inside its folder.
 */
const HOSTILE = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', '..', '.', 'a/../../b', 'x\u0000y', 'con:evil*?"<>|'];

const inside = (folder: string, file: string): boolean => {
  const rel = relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !rel.includes(sep);
};

describe('file names made from data cannot escape their folder', () => {
  it('safeFileName and sheetName: no separators, no leading dots, never empty', () => {
    for (const name of HOSTILE) {
      const file = safeFileName(name);
      expect(file).not.toMatch(/[/\\\u0000]/);
      expect(file.startsWith('.')).toBe(false);
      expect(file.length).toBeGreaterThan(0);
      expect(inside('/out', join('/out', file))).toBe(true);
      expect(sheetName(name)).not.toMatch(/[/\\:*?[\]]/);
    }
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('Pārskats 2026: Rīga/Tallinn')).toBe('Pārskats 2026_ Rīga_Tallinn');
  });

  it('automatic backups: a job id or object name like ../../etc/passwd stays a tag inside backups/', async () => {
    const dir = tempDir('crmctl-names-');
    const db = openOrgDb(join(dir, 'org.db'), { create: true });
    await initOrg(db, { company: 'Acme', admin: 'admin' }, { cost: TEST_SCRYPT_COST });
    try {
      for (const reason of HOSTILE.map((h) => `undo-${h}`)) {
        const { file } = await takeBackup(db, { reason, now: new Date('2026-11-23T10:00:00Z') });
        expect(inside(backupsDirFor(db.path), file)).toBe(true);
        expect(file).toMatch(/org-\d{8}-\d{6}-before-undo-[a-z0-9-]*(-\d+)?\.db$/);
      }
    } finally {
      db.close();
    }
    expect(readdirSync(dir).filter((f) => f !== 'backups' && !f.startsWith('org.db'))).toEqual([]);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(HOSTILE.length);
    expect(readdirSync(dirname(dir)).includes('etc')).toBe(false);
  });

  it('outbox messages: a username with path parts is written inside the outbox', () => {
    const outbox = join(tempDir('crmctl-names-'), 'outbox');
    for (const username of HOSTILE) {
      const { file } = writeOutboxMessage(
        outbox,
        { from: { address: 'crm@example.com' }, to: { address: 'anna@example.lv' }, subject: 'New lead', body: 'x', date: new Date('2026-11-23T10:00:00Z'), messageId: '<1@example.com>' },
        { username, kind: 'lead-assigned' },
      );
      expect(inside(outbox, file)).toBe(true);
    }
    expect(readdirSync(outbox)).toHaveLength(HOSTILE.length);
  });

  it('migration plans: a step name (used for its result files) with path parts is refused', () => {
    for (const name of ['../../etc/passwd', '/etc/passwd', '..', '.hidden', 'a/b', 'a\\b']) {
      const problems = checkPlanStructure({ version: 1, steps: [{ name, file: 'contacts.csv', object: 'Contact' }] });
      expect(problems.some((p) => p.startsWith('steps[0].name'))).toBe(true);
    }
    expect(checkPlanStructure({ version: 1, steps: [{ name: 'contacts-2026.v2', file: 'contacts.csv', object: 'Contact' }] }).filter((p) => p.startsWith('steps[0].name'))).toEqual([]);
  });
});
