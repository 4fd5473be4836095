import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/core/import/engine.js';
import { cli, tempDir } from '../helpers/org.js';

/**
 * Every input row ends in exactly one of inserted / updated / skipped / rejected: the summary adds
 * up, every row number appears exactly once across the success and error files, rejected rows carry
 * row, line, code and reason, and the org holds exactly the inserted records. Checked for every
 * import fixture (hostile ones included: those are refused whole, leaving no job and no result file).
 */
const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

/** The part of `crmctl import --json` checked here. */
type Summary = Pick<ImportSummary, 'job' | 'rows' | 'inserted' | 'updated' | 'skipped' | 'rejected' | 'rejectedByCode' | 'successFile' | 'errorsFile'>;

/** Data rows per fixture, counted by hand from the files (blank lines and trailing delimiters are not rows). */
const DATA_ROWS: Record<string, number> = {
  'cr-line-endings-mac.csv': 3,
  'google-contacts-utf8-bom.csv': 2,
  'one-column-with-blank-values.csv': 3,
  'outlook-2016-windows-1252-multiline-notes.csv': 4,
  'outlook-ja-shift-jis.csv': 2,
  'ragged-rows.csv': 6,
  'semicolon-delimited-european.csv': 3,
  'tab-delimited-act-latin1.txt': 2,
  'act-export.xlsx': 3,
  'act-export-97-2003.xls': 3,
  'prototype-pollution-headers.xlsx': 1,
  'html-table-saved-as.xls': 2,
  'excel-2003-xml-spreadsheet.xml': 1,
  'vcard-2.1-quoted-printable.vcf': 3,
  'vcard-3.0-apple-groups.vcf': 2,
  'vcard-4.0-pref-tel-uri.vcf': 1,
  'vcard-utf16le-no-bom.vcf': 2,
};
/** Files refused whole: nothing of them may reach the org. */
const REFUSED = ['binary-as-csv.csv', 'duplicate-headers.csv', 'empty.csv', 'header-only.csv', 'unterminated-quote.csv', 'absurd-dimension.xlsx', 'zip-bomb.xlsx', 'zip-bomb-declared-size.xlsx'];

const DATA_EXTENSIONS = /\.(csv|txt|xlsx|xls|xml|vcf)$/;

const readCsv = (file: string): string[][] => parse(readFileSync(file), { bom: true, relax_column_count: false }) as string[][];

function contactCount(db: string): number {
  const raw = new Database(db, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM Contact').get() as { n: number }).n;
  } finally {
    raw.close();
  }
}

/** The accounting rules for one finished import. */
function expectEveryRowAccountedFor(summary: Summary, expectedRows: number): { errors: string[][]; errorHeader: string[] } {
  expect(summary.rows).toBe(expectedRows);
  expect(summary.inserted + summary.updated + summary.skipped + summary.rejected).toBe(summary.rows);

  const [successHeader, ...successes] = readCsv(summary.successFile);
  expect(successHeader).toEqual(['row', 'id', 'action', 'duplicate_of']);
  const [errorHeader, ...errors] = readCsv(summary.errorsFile);
  expect(errorHeader!.slice(-4)).toEqual(['row', 'line', 'code', 'error']);

  const rowNumbers = [...successes.map((s) => Number(s[0])), ...errors.map((e) => Number(e.at(-4)))].sort((a, b) => a - b);
  expect(rowNumbers).toEqual(Array.from({ length: summary.rows }, (_, i) => i + 1));

  const actions = { inserted: 0, updated: 0, skipped: 0 };
  for (const [, id, action] of successes) {
    actions[action as keyof typeof actions]++;
    if (action !== 'skipped') expect(id).toMatch(/^003[0-9A-Za-z]{12}$/);
  }
  expect(actions).toEqual({ inserted: summary.inserted, updated: summary.updated, skipped: summary.skipped });

  const codes: Record<string, number> = {};
  for (const e of errors) {
    const [row, line, code, reason] = e.slice(-4);
    expect(Number(row)).toBeGreaterThanOrEqual(1);
    expect(Number(line)).toBeGreaterThanOrEqual(Number(row));
    expect(code).toMatch(/^[A-Z_]+$/);
    expect(reason!.length).toBeGreaterThan(5);
    codes[code!] = (codes[code!] ?? 0) + 1;
  }
  expect(codes).toEqual(summary.rejectedByCode);
  expect(errors).toHaveLength(summary.rejected);
  return { errors, errorHeader: errorHeader! };
}

/** One initialised org, copied for each test: init hashes the admin password with the real (slow) scrypt. */
let template: string;
beforeAll(async () => {
  template = join(tempDir('crmctl-accounting-template-'), 'org.db');
  expect((await cli(['--db', template, 'init', '--company', 'Acme', '--admin', 'admin'])).code).toBe(0);
});

async function orgWith(fixture: string) {
  const dir = tempDir('crmctl-accounting-');
  const db = join(dir, 'org.db');
  copyFileSync(template, db);
  copyFileSync(join(FIXTURES, fixture), join(dir, fixture));
  const importIt = async (...args: string[]) => {
    const run = await cli(['--db', db, 'import', fixture, '--object', 'contact', '--json', ...args], { cwd: dir });
    return { run, summary: run.json<Summary>() };
  };
  return { dir, db, importIt };
}

describe('every row of every fixture is accounted for', () => {
  it('the fixture list is complete: each import fixture is either counted or refused here', () => {
    const all = readdirSync(FIXTURES).filter((f) => DATA_EXTENSIONS.test(f)).sort();
    expect(all).toEqual([...Object.keys(DATA_ROWS), ...REFUSED].sort());
  });

  for (const [fixture, rows] of Object.entries(DATA_ROWS)) {
    it(`${fixture}: insert, then again with --on-duplicate skip and update`, async () => {
      const { db, importIt } = await orgWith(fixture);
      const first = await importIt();
      expect(first.run.code).toBe(first.summary.rejected > 0 ? 3 : 0);
      expectEveryRowAccountedFor(first.summary, rows);
      expect(contactCount(db)).toBe(first.summary.inserted);

      // The same file again: rows that were stored are now duplicates of themselves.
      const skipped = await importIt('--on-duplicate', 'skip');
      expectEveryRowAccountedFor(skipped.summary, rows);
      expect(skipped.summary.rejected).toBe(first.summary.rejected);
      expect(contactCount(db)).toBe(first.summary.inserted + skipped.summary.inserted);

      // Rows recognised as duplicates are updated instead of skipped; the rest are the same rows as before.
      // (A row with only a last name and nothing else is too weak to call a duplicate of a stored record.)
      const updated = await importIt('--on-duplicate', 'update');
      expectEveryRowAccountedFor(updated.summary, rows);
      expect(updated.summary.updated).toBe(skipped.summary.skipped);
      expect(updated.summary.inserted).toBe(skipped.summary.inserted);
      expect(contactCount(db)).toBe(first.summary.inserted + skipped.summary.inserted + updated.summary.inserted);
    });
  }

  for (const fixture of REFUSED) {
    it(`${fixture}: refused whole — no job, no record, no result file`, async () => {
      const { dir, db, importIt } = await orgWith(fixture);
      const { run } = await importIt();
      expect(run.code).toBe(1);
      expect(run.json()).toMatchObject({ error: { code: 'BAD_INPUT_FILE' } });
      expect(contactCount(db)).toBe(0);
      expect((await cli(['--db', db, 'import', 'list', '--json'])).stdout).not.toContain('job-1');
      expect(readdirSync(dir).filter((f) => /\.(success|errors)\.csv/.test(f))).toEqual([]);
    });
  }
});

describe('rejected rows name row, line, code and reason, with the original cells', () => {
  it('ragged-rows.csv: the row with extra data cells, at its physical line, cells kept for fixing and re-importing', async () => {
    const { importIt } = await orgWith('ragged-rows.csv');
    const { summary } = await importIt();
    const { errors, errorHeader } = expectEveryRowAccountedFor(summary, 6);
    expect(errors).toHaveLength(1);
    expect(errorHeader.slice(0, 8)).toEqual(['First Name', 'Last Name', 'Email', 'Phone', 'City', 'Country', 'Company', 'Title']);
    expect(errors[0]!.slice(0, 2)).toEqual(['Bērziņš', 'Jānis']);
    expect(errors[0]!.slice(-4, -1)).toEqual(['2', '3', 'RAGGED_ROW']);
    expect(errors[0]!.at(-1)).toContain('extra cells: extra cell | another');
  });

  it('one-column-with-blank-values.csv: blank values are rows (lines 2-4), each rejected for the missing last name', async () => {
    const { importIt } = await orgWith('one-column-with-blank-values.csv');
    const { summary } = await importIt();
    const { errors } = expectEveryRowAccountedFor(summary, 3);
    expect(errors.map((e) => e.slice(0, 4))).toEqual([
      ['a@example.lv', '1', '2', 'REQUIRED_FIELD_MISSING'],
      ['', '2', '3', 'REQUIRED_FIELD_MISSING'],
      ['b@example.lv', '3', '4', 'REQUIRED_FIELD_MISSING'],
    ]);
  });

  it('update --mode update --match-on Email: matched rows updated, unmatched and key-less rows rejected, the sum holds', async () => {
    const dir = tempDir('crmctl-accounting-');
    const db = join(dir, 'org.db');
    copyFileSync(template, db);
    await cli(['--db', db, 'record', 'create', 'contact', '--set', 'LastName=Ozola', '--set', 'Email=anna@example.lv']);
    await cli(['--db', db, 'record', 'create', 'contact', '--set', 'LastName=Mäkelä', '--set', 'Email=eero@example.fi']);
    writeFileSync(
      join(dir, 'changes.csv'),
      'Email,Last Name,Title\r\nanna@example.lv,Ozola,CEO\r\nnobody@example.com,Nobody,CTO\r\n,NoKey,CFO\r\nEERO@example.fi,Mäkelä,Sales\r\nnot-an-email,Bad,Sales\r\n',
    );
    const run = await cli(['--db', db, 'import', 'changes.csv', '--object', 'contact', '--mode', 'update', '--match-on', 'Email', '--json'], { cwd: dir });
    expect(run.code).toBe(3);
    const summary = run.json<Summary>();
    const { errors } = expectEveryRowAccountedFor(summary, 5);
    expect(summary).toMatchObject({ updated: 2, inserted: 0, rejected: 3 });
    expect(errors.map((e) => e.slice(-4, -1))).toEqual([
      ['2', '3', 'NO_MATCH'],
      ['3', '4', 'NO_MATCH_KEY'],
      ['5', '6', 'INVALID_VALUE'],
    ]);
    expect(contactCount(db)).toBe(2);
    expect(existsSync(join(dir, 'changes.success.csv'))).toBe(true);
  });

  it('update --from an edited export: changed, unchanged, unknown-Id and invalid rows each counted once', async () => {
    const dir = tempDir('crmctl-accounting-');
    const db = join(dir, 'org.db');
    copyFileSync(template, db);
    const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });
    for (const [first, last, email] of [
      ['Anna', 'Ozola', 'anna@example.lv'],
      ['Eero', 'Mäkelä', 'eero@example.fi'],
      ['Guðrún', 'Þórsdóttir', 'gudrun@example.is'],
    ]) {
      expect((await run('record', 'create', 'contact', '--set', `FirstName=${first}`, '--set', `LastName=${last}`, '--set', `Email=${email}`)).code).toBe(0);
    }
    expect((await run('export', 'contact', '--out', 'contacts.csv')).code).toBe(0);
    const [header, ...records] = readCsv(join(dir, 'contacts.csv'));
    const column = (name: string) => header!.indexOf(name);
    const edited = records.map((r) => [...r]);
    edited[0]![column('Title')] = 'CEO';
    edited[2]![column('Email')] = 'not-an-email';
    const unknown = [...edited[1]!];
    unknown[column('Id')] = '003zzzzzzzzzzzz';
    const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    writeFileSync(join(dir, 'edited.csv'), [header!, ...edited, unknown].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n');

    const updated = await run('update', 'contact', '--from', 'edited.csv', '--json');
    expect(updated.code).toBe(3);
    const summary = updated.json<Summary & { unchanged: number }>();
    const { errors } = expectEveryRowAccountedFor(summary, 4);
    expect(summary).toMatchObject({ inserted: 0, updated: 2, unchanged: 1, rejected: 2 });
    expect(errors.map((e) => e.slice(-4, -1))).toEqual([
      ['3', '4', 'INVALID_VALUE'],
      ['4', '5', 'NO_MATCH'],
    ]);
    const contacts = (await run('record', 'list', 'contact', '--json')).json<{ records: Record<string, unknown>[] }>().records;
    expect(contacts.map((c) => [c.LastName, c.Title, c.Email])).toEqual([
      ['Ozola', 'CEO', 'anna@example.lv'],
      ['Mäkelä', null, 'eero@example.fi'],
      ['Þórsdóttir', null, 'gudrun@example.is'],
    ]);
  });
});
