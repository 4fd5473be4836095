import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';

const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the real binary', () => {
  it('quickstart builds the demonstration org and exits 0', () => {
    const dir = tempDir();
    const result = run(['quickstart', '--json'], dir);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { db: string; steps: { step: string }[]; guide: { total: number } };
    expect(json.steps.map((s) => s.step)).toContain('init');
    expect(existsSync(join(dir, 'crm-quickstart.db'))).toBe(true);
    // Owner-only: the org file holds customer data and password hashes.
    expect(statSync(join(dir, 'crm-quickstart.db')).mode & 0o777).toBe(0o600);
    // Running it again replaces the demonstration org.
    expect(run(['quickstart'], dir).code).toBe(0);
  });

  it('init, create and list with --json; bad e-mail exits non-zero naming Email', () => {
    const dir = tempDir();
    expect(run(['--db', 'x.db', 'init', '--company', 'Acme', '--admin', 'admin', '--json'], dir).code).toBe(0);
    const created = run(['--db', 'x.db', 'record', 'create', 'contact', '--set', 'LastName=Doe', '--set', 'Email=jd@example.com', '--json'], dir);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ id: expect.stringMatching(/^003/) });
    const listed = JSON.parse(run(['--db', 'x.db', 'record', 'list', 'contact', '--json'], dir).stdout) as { records: unknown[] };
    expect(listed.records).toHaveLength(1);
    const bad = run(['--db', 'x.db', 'record', 'create', 'contact', '--set', 'Email=not-an-email'], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Email');
    expect(run(['--help'], dir).code).toBe(0);
  });
});
