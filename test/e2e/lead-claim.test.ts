import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { addQueue, addQueueMember } from '../../src/core/leads/queues.js';
import { createRecord, getRecordById } from '../../src/core/records/service.js';
import { openOrgDb } from '../../src/core/store/database.js';
import { sessionFor } from '../../src/core/org/session.js';
import { addUser } from '../../src/core/security/users.js';
import { TEST_SCRYPT_COST } from '../helpers/org.js';
import { BIN, orgWithReps } from './web-to-lead-helpers.js';

const CLAIMERS = 8;

function claim(dbPath: string, cwd: string, username: string, leadId: string): Promise<{ username: string; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--db', dbPath, '--as', username, 'lead', 'claim', leadId, '--json'], { cwd, env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('exit', (code) => resolve({ username, code, stdout, stderr }));
  });
}

describe('lead claim race (real binary, concurrent processes)', () => {
  it(`${CLAIMERS} simultaneous claims of one queue lead: exactly one wins, the others are refused clearly`, async () => {
    let leadId = '';
    const names = Array.from({ length: CLAIMERS }, (_, i) => `rep${i + 1}`);
    const { dir, dbPath } = await orgWithReps(async (s) => {
      const queue = addQueue(s, 'Hot Leads', 'lead');
      for (const name of names) {
        await addUser(s, { username: name, name: `Rep ${name}`, email: `${name}@example.com`, profile: 'Standard User', notify: false }, { cost: TEST_SCRYPT_COST });
        addQueueMember(s, 'Hot Leads', name);
      }
      leadId = createRecord(s, 'Lead', { LastName: 'Ólafsdóttir', Company: 'Marel hf.', OwnerId: queue.id }).id;
    });
    const results = await Promise.all(names.map((n) => claim(dbPath, dir, n, leadId)));
    const winners = results.filter((r) => r.code === 0);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    expect(JSON.parse(winner.stdout)).toMatchObject({ leadId, queue: 'Hot Leads', owner: winner.username });
    for (const loser of results.filter((r) => r !== winner)) {
      expect(loser.code).toBe(1);
      const error = JSON.parse(loser.stdout) as { error: { code: string; message: string } };
      expect(error.error.code).toBe('CONFLICT');
      expect(error.error.message).toContain('someone else claimed it first');
    }
    const db = openOrgDb(dbPath);
    const session = sessionFor(db);
    const owner = getRecordById(session, 'Lead', leadId).OwnerId;
    const ownerName = (db.prepare(`SELECT "Username" AS u FROM "User" WHERE "Id" = ?`).get(owner) as { u: string }).u;
    const claims = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'lead.claim'").get() as { n: number };
    db.close();
    expect(ownerName).toBe(winner.username);
    expect(claims.n).toBe(1);
  });
});
