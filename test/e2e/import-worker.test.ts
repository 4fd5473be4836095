import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/org.js';

const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

function run(args: string[], cwd: string, workers: '0' | '1') {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CRMCTL_IMPORT_WORKERS: workers, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Big files are read and cleaned in a worker thread: it must give exactly what the single-thread path gives. */
describe('import with and without the worker thread', () => {
  for (const fixture of ['outlook-2016-windows-1252-multiline-notes.csv', 'ragged-rows.csv', 'act-export.xlsx', 'vcard-3.0-apple-groups.vcf', 'unterminated-quote.csv']) {
    it(`same result for ${fixture}`, () => {
      const results = (['0', '1'] as const).map((workers) => {
        const dir = tempDir();
        copyFileSync(join(FIXTURES, fixture), join(dir, fixture));
        expect(run(['--db', 'o.db', 'init', '--company', 'Acme', '--admin', 'admin'], dir, workers).code).toBe(0);
        const imported = run(['--db', 'o.db', 'import', fixture, '--object', 'contact', '--json'], dir, workers);
        const contacts = JSON.parse(run(['--db', 'o.db', 'record', 'list', 'contact', '--json'], dir, workers).stdout) as { records: Record<string, unknown>[] };
        const summary = JSON.parse(imported.stdout.replaceAll(dir, '<dir>')) as Record<string, unknown>;
        return {
          code: imported.code,
          summary: { ...summary, successFile: undefined, errorsFile: undefined, job: undefined },
          contacts: contacts.records.map(({ CreatedDate, LastModifiedDate, ...rest }) => rest),
        };
      });
      expect(results[1]).toEqual(results[0]);
    });
  }
});
