import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initOrg } from '../../src/core/org/init.js';
import { sessionFor, type OrgSession } from '../../src/core/org/session.js';
import { openOrgDb, type OrgDb } from '../../src/core/store/database.js';
import { addUser } from '../../src/core/security/users.js';
import { tempDir, TEST_SCRYPT_COST } from '../helpers/org.js';

export const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));

/** An org file with an admin and reps anna, bob, carl (cheap test hashing), built in-process before the binary opens it. */
export async function orgWithReps(setup?: (session: OrgSession) => void | Promise<void>): Promise<{ dir: string; dbPath: string }> {
  const dir = tempDir('crmctl-e2e-leads-');
  const dbPath = join(dir, 'crm.db');
  const db: OrgDb = openOrgDb(dbPath, { create: true });
  await initOrg(db, { company: 'Acme', admin: 'admin' }, { cost: TEST_SCRYPT_COST });
  const session = sessionFor(db);
  for (const name of ['anna', 'bob', 'carl']) {
    await addUser(session, { username: name, name: `${name} Rep`, email: `${name}@example.com`, profile: 'Standard User', notify: false }, { cost: TEST_SCRYPT_COST });
  }
  await setup?.(session);
  db.close();
  return { dir, dbPath };
}

export interface RunningServe {
  child: ChildProcessWithoutNullStreams;
  port: number;
  url: string;
  stderr: () => string;
  stdout: () => string;
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

/** Start `crmctl web-to-lead serve --port 0` and wait for its listening line on stderr. */
export function startServe(dbPath: string, cwd: string, extra: string[] = []): Promise<RunningServe> {
  const child = spawn(process.execPath, [BIN, '--db', dbPath, 'web-to-lead', 'serve', '--port', '0', '--json', ...extra], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' },
  });
  let err = '';
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${err}`)), 20_000);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString('utf8');
      const line = err.split('\n').find((l) => l.startsWith('{') && l.includes('"listening"'));
      if (line && timer) {
        clearTimeout(timer);
        const info = JSON.parse(line) as { port: number; url: string };
        resolve({
          child,
          port: info.port,
          url: info.url,
          stderr: () => err,
          stdout: () => out,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited early (${code}): ${err}`)));
  });
}
