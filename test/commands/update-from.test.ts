import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliOrg } from '../helpers/org.js';

type Rec = Record<string, unknown>;

describe('the Excel round trip: export, edit with a spreadsheet library, update --from', () => {
  it('changes exactly the edited cells and keeps formula-like names inert', async () => {
    const { dir, run } = await cliOrg();
    const ids: string[] = [];
    for (const sets of [
      ['FirstName=Jānis', 'LastName=Bērziņš', 'Title=CTO', 'Phone=+371 29 123 456'],
      ['FirstName=Päivi', 'LastName=Mäkelä', 'Title=CFO', 'Phone=+358 40 1234567'],
      ['FirstName=Evil', 'LastName==HYPERLINK("http://x","y")', 'Email=evil@example.com'],
    ]) {
      ids.push((await run('record', 'create', 'contact', ...sets.flatMap((s) => ['--set', s]), '--json')).json<{ id: string }>().id);
    }
    const before = (await run('record', 'list', 'contact', '--json')).json<{ records: Rec[] }>().records;

    expect((await run('export', 'contact', '--out', 'contacts.xlsx')).code).toBe(0);
    const book = XLSX.read(readFileSync(join(dir, 'contacts.xlsx')));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    const header = rows[0]!;
    const cell = (id: string, field: string) => XLSX.utils.encode_cell({ r: rows.findIndex((r) => r[0] === id), c: header.indexOf(field) });
    // The formula-like name is exported as inert text, never as a formula.
    const evil = sheet[cell(ids[2]!, 'LastName')]!;
    expect(evil.t).toBe('s');
    expect(String(evil.v).startsWith("'")).toBe(true);
    expect(evil.f).toBeUndefined();

    // Edit two cells: a new title for Jānis, Päivi's phone cleared.
    sheet[cell(ids[0]!, 'Title')] = { t: 's', v: 'CEO' };
    sheet[cell(ids[1]!, 'Phone')] = { t: 's', v: '' };
    writeFileSync(join(dir, 'edited.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const dry = await run('update', 'contact', '--from', 'edited.xlsx', '--dry-run', '--json');
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 3, updated: 3, unchanged: 1, rejected: 0 });
    expect((await run('record', 'list', 'contact', '--json')).json<{ records: Rec[] }>().records).toEqual(before);

    const applied = await run('update', 'contact', '--from', 'edited.xlsx', '--json');
    expect(applied.code).toBe(0);
    const after = (await run('record', 'list', 'contact', '--json')).json<{ records: Rec[] }>().records;
    const strip = ({ LastModifiedDate, LastModifiedById, ...r }: Rec) => r;
    expect(strip(after[0]!)).toEqual({ ...strip(before[0]!), Title: 'CEO' });
    expect(strip(after[1]!)).toEqual({ ...strip(before[1]!), Phone: null });
    expect(after[2]).toEqual(before[2]);
    expect(after[2]!.LastName).toBe('=HYPERLINK("http://x","y")');

    // The update is an import job like any other: it can be undone.
    const job = applied.json<{ job: string }>().job;
    expect((await run('import', 'undo', job, '--yes', '--no-backup')).code).toBe(0);
    expect((await run('record', 'list', 'contact', '--json')).json<{ records: Rec[] }>().records.map(strip)).toEqual(before.map(strip));
  });

  it('refuses a file without an Id column and rejects rows whose Id matches nothing', async () => {
    const { dir, run } = await cliOrg();
    writeFileSync(join(dir, 'noid.csv'), 'LastName,Title\nDoe,CEO\n');
    const noId = await run('update', 'contact', '--from', 'noid.csv');
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain('no Id column');
    writeFileSync(join(dir, 'ghost.csv'), 'Id,LastName\n003000000000999,Ghost\n');
    const ghost = await run('update', 'contact', '--from', 'ghost.csv', '--json');
    expect(ghost.code).toBe(3);
    expect(ghost.json()).toMatchObject({ rejected: 1, rejectedByCode: { NO_MATCH: 1 } });
  });
});
