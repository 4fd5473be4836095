import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
import { cli, tempDir } from '../helpers/org.js';
import { seededOrgFile } from '../core/reports/seed.js';

let db: string;
let dir: string;
beforeEach(async () => {
  dir = tempDir();
  db = join(dir, 'org.db');
  await seededOrgFile(db);
});
const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });

const HYPERLINK = '=HYPERLINK("http://x","y")';

describe('crmctl export', () => {
  it('exports a contact named =HYPERLINK(...) inert in CSV: BOM, CRLF, Id first, leading quote', async () => {
    const made = await run('record', 'create', 'contact', '--set', `LastName=${HYPERLINK}`, '--set', 'FirstName=@SUM(1+1)', '--set', 'Title=-2+3', '--json');
    const id = made.json<{ id: string }>().id;
    const r = await run('export', 'contact', '--out', 'contacts.csv', '--where', `Id = '${id}'`, '--fields', 'FirstName,LastName,Title,Email', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ object: 'Contact', format: 'csv', rows: 1, columns: ['Id', 'FirstName', 'LastName', 'Title', 'Email'] });
    const text = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    expect(text.startsWith('\uFEFFId,FirstName,LastName,Title,Email\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toEqual({ Id: id, FirstName: "'@SUM(1+1)", LastName: `'${HYPERLINK}`, Title: "'-2+3", Email: '' });
  });

  it('exports inert text cells to XLSX: strings starting with a quote, no formulas; numbers stay numbers', async () => {
    await run('field', 'add', 'account', 'Balance', '--type', 'currency');
    await run('record', 'create', 'account', '--set', `Name=${HYPERLINK}`, '--set', 'Balance__c=-250.5', '--set', 'Website=example.lv');
    const r = await run('export', 'account', '--out', 'accounts.xlsx', '--where', "Balance__c < 0", '--fields', 'Name,Balance__c,Website', '--json');
    expect(r.code).toBe(0);
    const book = XLSX.read(readFileSync(join(dir, 'accounts.xlsx')), { cellFormula: true });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    expect(XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1 })[0]).toEqual(['Id', 'Name', 'Balance__c', 'Website']);
    const name = sheet.B2!;
    expect(name.t).toBe('s');
    expect(String(name.v).startsWith("'")).toBe(true);
    expect(name.v).toBe(`'${HYPERLINK}`);
    expect(name.f).toBeUndefined();
    expect(Object.values(sheet).some((cell) => typeof cell === 'object' && cell !== null && 'f' in cell)).toBe(false);
    expect(sheet.C2).toMatchObject({ t: 'n', v: -250.5 });
    // Every record the admin can read, Id first, when no filter is given.
    const all = await run('export', 'account', '--out', 'all.csv', '--json');
    expect(all.json()).toMatchObject({ rows: 4 });
    const rows = parse(readFileSync(join(dir, 'all.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)[0]).toBe('Id');
    expect(rows.map((x) => x.Name)).toEqual(['Bērziņš SIA', 'Nordic Oy', 'Dormant hf', `'${HYPERLINK}`]);
  });

  it('refuses unknown formats and fields', async () => {
    const pdf = await run('export', 'contact', '--out', 'c.pdf');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('.csv or .xlsx');
    const field = await run('export', 'contact', '--out', 'c.csv', '--fields', 'Shoe');
    expect(field.code).toBe(2);
  });
});
