import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../helpers/org.js';
import { fixture, readAll, readAllInRuns } from './read-helpers.js';

const OUTLOOK_HEADER_START = ['Title', 'First Name', 'Middle Name', 'Last Name', 'Suffix', 'Company', 'Department', 'Job Title'];

describe('CSV reader on real-shaped exports', () => {
  it('reads a desktop Outlook export in Windows-1252 with multi-line notes and 89-field rows', async () => {
    const file = fixture('outlook-2016-windows-1252-multiline-notes.csv');
    const result = await readAll(file);
    const { source, rows } = result;
    expect(source).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ',' });
    expect(source.headers).toHaveLength(92);
    expect(source.headers.slice(0, 8)).toEqual(OUTLOOK_HEADER_START);
    expect(source.headers.at(-1)).toBe('Web Page');
    expect(rows).toHaveLength(4);
    // Bytes 0x80-0x9F: €, curly quotes, en dash, Š, ž must come out right (Node's TextDecoder gets them wrong).
    expect(result.cell(0, 'Company')).toBe('Café “Zürich” GmbH');
    expect(result.cell(0, 'Notes')).toBe('Deposit paid: €250 – see ‘Angebot’\r\nSecond line: Šibenik trip, žurnal');
    expect(result.cell(0, 'First Name')).toBe('Jérôme');
    expect(result.cell(1, 'First Name')).toBe('Þórður');
    expect(result.cell(1, 'Last Name')).toBe('Guðmundsson');
    expect(result.cell(2, 'Company')).toBe('Peças & Companhia Lda');
    expect(result.cell(2, 'Home Postal Code')).toBe('01234');
    expect(result.cell(2, 'Notes')).toBe('Prefers Portuguese.\r\n\r\nCall after 18:00 — not before.');
    expect(result.cell(3, 'Last Name')).toBe('Äijälä');
    // 89 fields padded to 92; the three missing columns are empty and no row is ragged.
    expect(rows.every((row) => row.values.length === 92 && !row.problem)).toBe(true);
    expect(result.cell(0, 'Web Page')).toBe('');
    // Lines: header 1, record 1 spans 2-3, record 2 is line 4, record 3 spans 5-7, record 4 is line 8.
    expect(rows.map((row) => [row.row, row.line])).toEqual([
      [1, 2],
      [2, 4],
      [3, 5],
      [4, 8],
    ]);
    expect(source.warnings.some((w) => w.includes('read as windows-1252'))).toBe(true);
    expect(source.warnings.some((w) => w.includes('missing cells'))).toBe(false);
  });

  it('reads a Google Contacts export in UTF-8 with BOM: BOM not glued to the first header, multi-line address kept', async () => {
    const result = await readAll(fixture('google-contacts-utf8-bom.csv'));
    expect(result.source).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',' });
    expect(result.source.headers[0]).toBe('First Name');
    expect(result.source.headers).toContain('Address 1 - Formatted');
    expect(result.cell(0, 'First Name')).toBe('Jānis');
    expect(result.cell(0, 'Last Name')).toBe('Bērziņš');
    expect(result.cell(0, 'Organization Name')).toBe('Ķekava Ģimenes Ārsti, SIA');
    expect(result.cell(0, 'Address 1 - Formatted')).toBe('Brīvības iela 1\nRīga, LV-1010\nLatvia');
    expect(result.cell(0, 'E-mail 1 - Value')).toBe('janis@example.lv ::: j.berzins@example.lv');
    expect(result.cell(0, 'Birthday')).toBe('--04-14');
    expect(result.cell(1, 'Last Name')).toBe('王');
    expect(result.cell(1, 'Notes')).toBe('喜欢喝茶');
    expect(result.rows.map((row) => row.line)).toEqual([2, 5]);
  });

  it('detects semicolons in a European export whose values contain commas', async () => {
    const result = await readAll(fixture('semicolon-delimited-european.csv'));
    expect(result.source).toMatchObject({ delimiter: ';', encoding: 'utf-8' });
    expect(result.source.headers).toEqual(['Sukunimi', 'Etunimi', 'Yritys', 'Puhelin', 'Liikevaihto', 'Syntymäpäivä']);
    expect(result.cell(0, 'Yritys')).toBe('Virtanen, Oy');
    expect(result.cell(0, 'Liikevaihto')).toBe('1250,50');
    expect(result.cell(1, 'Yritys')).toBe('Ab Öhman; Söner');
    expect(result.cell(2, 'Etunimi')).toBe('Līga');
    expect(result.cell(2, 'Puhelin')).toBe('+371 2600 0000');
  });

  it('detects tabs and Latin-1 in an ACT!-style export and keeps ZIP codes as text', async () => {
    const result = await readAll(fixture('tab-delimited-act-latin1.txt'));
    expect(result.source).toMatchObject({ format: 'csv', delimiter: '\t', encoding: 'windows-1252' });
    expect(result.source.headers.slice(0, 4)).toEqual(['Contact', 'Company', 'First Name', 'Last Name']);
    expect(result.cell(0, 'Contact')).toBe('Søren Ærø');
    expect(result.cell(0, 'Address 1')).toBe('Havnegade 5, 1. sal');
    expect(result.cell(0, 'ZIP Code')).toBe('05960');
    expect(result.cell(1, 'City')).toBe('São Paulo');
    expect(result.cell(1, 'Phone')).toBe('+55 11 3333-4444');
  });

  it('honours --delimiter and --encoding overrides', async () => {
    const result = await readAll(fixture('tab-delimited-act-latin1.txt'), { delimiter: 'tab', encoding: 'latin1' });
    expect(result.source).toMatchObject({ delimiter: '\t', encoding: 'latin1' });
    expect(result.cell(1, 'First Name')).toBe('Inês');
  });
});

describe('CSV reader on awkward but valid files', () => {
  it('reports ragged rows, pads short ones, ignores a trailing delimiter and skips blank lines', async () => {
    const file = fixture('ragged-rows.csv');
    const result = await readAll(file);
    const { rows, source } = result;
    expect(source.headers).toEqual(['First Name', 'Last Name', 'Email', 'Phone', 'City', 'Country', 'Company', 'Title']);
    expect(rows.map((row) => [row.row, row.line, row.problem?.code ?? null])).toEqual([
      [1, 2, null],
      [2, 3, 'RAGGED_ROW'],
      [3, 4, null],
      [4, 5, null],
      [5, 6, null],
      [6, 8, null],
    ]);
    expect(rows[1]!.problem!.message).toBe('line 3 has 10 cells but the header has 8 columns');
    expect(rows[1]!.values.slice(8)).toEqual(['extra cell', 'another']);
    expect(result.cell(2, 'City')).toBe('Espoo');
    expect(result.cell(2, 'Country')).toBe('');
    expect(rows[3]!.values).toEqual(['Ana', 'Gomes', 'ana@example.pt', '+351 91 000 0004', 'Porto', 'Portugal', 'Peças Lda', 'Sales']);
    expect(rows[4]!.values).toEqual(['Zhang', 'Wei', '', '', '', '', '', '']);
    // One warning for the row missing most cells; rows missing a few (Outlook 92/89) are normal.
    expect(source.warnings.filter((w) => w.includes('missing cells'))).toEqual([`${file}: line 6 has 2 cells but the header has 8 columns; the missing cells were read as empty`]);
  });

  it('keeps duplicate headers as separate columns and names empty header cells', async () => {
    const file = fixture('duplicate-headers.csv');
    const result = await readAll(file);
    expect(result.source.headers).toEqual(['Email', 'Name', 'Email (2)', 'Column 4', 'Phone']);
    expect(result.cell(0, 'Email')).toBe('work@example.lv');
    expect(result.cell(0, 'Email (2)')).toBe('home@example.lv');
    expect(result.cell(0, 'Name')).toBe('Kārlis Ābele');
    expect(result.source.warnings).toContain(`${file}: column 3 repeats the header "Email"; it is kept as "Email (2)"`);
    expect(result.source.warnings.some((w) => w.includes('Column N'))).toBe(true);
  });

  it('keeps an empty value in a one-column file but not trailing blank lines', async () => {
    const result = await readAll(fixture('one-column-with-blank-values.csv'));
    expect(result.source.headers).toEqual(['Email']);
    expect(result.rows.map((row) => [row.line, row.values])).toEqual([
      [2, ['a@example.lv']],
      [3, ['']],
      [4, ['b@example.lv']],
    ]);
  });

  it('reads old Mac CR line ends, including a CR inside a quoted cell', async () => {
    const result = await readAll(fixture('cr-line-endings-mac.csv'));
    expect(result.rows.map((row) => [row.line, row.values])).toEqual([
      [2, ['Ólafur', 'Akureyri']],
      [3, ['Two\rlines', 'Höfn']],
      [5, ['Last', 'Vík']],
    ]);
  });

  it('returns a header-only file with zero rows', async () => {
    const result = await readAll(fixture('header-only.csv'));
    expect(result.source.headers).toEqual(['First Name', 'Last Name', 'Email']);
    expect(result.rows).toEqual([]);
  });

  it('reads from stdin when the file is "-"', async () => {
    const bytes = readFileSync(fixture('semicolon-delimited-european.csv'));
    const result = await readAll('-', {}, Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]));
    expect(result.source).toMatchObject({ file: '-', delimiter: ';' });
    expect(result.cell(1, 'Sukunimi')).toBe('Öhman');
  });
});

describe('CSV reader in runs (the read worker takes rows a chunk at a time)', () => {
  it.each([
    'outlook-2016-windows-1252-multiline-notes.csv',
    'ragged-rows.csv',
    'one-column-with-blank-values.csv',
    'cr-line-endings-mac.csv',
    'semicolon-delimited-european.csv',
    'duplicate-headers.csv',
    'tab-delimited-act-latin1.txt',
  ])('%s: the same rows, lines, problems and warnings as row by row', async (name) => {
    const one = await readAll(fixture(name));
    const inRuns = await readAllInRuns(fixture(name));
    expect(inRuns.rows).toEqual(one.rows);
    expect(inRuns.source.warnings).toEqual(one.source.warnings);
  });

  it('a file of many chunks arrives in runs of many rows, every row once and in order', async () => {
    const dir = tempDir();
    const file = join(dir, 'many.csv');
    const lines = ['First Name,Last Name,Notes'];
    for (let i = 1; i <= 5000; i++) lines.push(i % 97 === 0 ? `Anna${i},"Bērziņa","line one\nline two"` : `Jānis${i},Ozoliņš,`);
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const { rows, runs } = await readAllInRuns(file);
    expect(rows.map((r) => r.row)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(rows[96]).toMatchObject({ row: 97, line: 98, values: ['Anna97', 'Bērziņa', 'line one\nline two'] });
    expect(rows[97]).toMatchObject({ row: 98, line: 100 });
    expect(runs).toBeGreaterThan(1);
    expect(runs).toBeLessThan(rows.length / 10);
  });
});

describe('CSV reader errors name the file and the line', () => {
  it('refuses an empty file', async () => {
    const file = fixture('empty.csv');
    await expect(readAll(file)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file}: the file is empty` });
  });

  it('stops at an unterminated quote and names the line where the bad record starts', async () => {
    const file = fixture('unterminated-quote.csv');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'BAD_INPUT_FILE',
      message: `${file}: line 5 opens a quoted field that is never closed, so the rest of the file cannot be read`,
      details: { file, line: 5 },
    });
  });

  it('stops early with a bounded record size instead of swallowing a huge file', async () => {
    const dir = tempDir();
    const file = join(dir, 'unclosed-then-many-rows.csv');
    writeFileSync(file, `Name,Notes\nok,fine\nbad,"never closed\n${'x,y\n'.repeat(20_000)}`);
    await expect(readAll(file, { maxRecordBytes: 10_000 })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: expect.stringContaining('the record starting at line 3 is longer than 9.8 KiB') });
  });

  it('refuses a cell over maxCellBytes, naming line and column', async () => {
    const dir = tempDir();
    const file = join(dir, 'huge-note.csv');
    writeFileSync(file, `Name,Notes\nAnna,short\nBērziņš,"${'ā'.repeat(3000)}"\n`);
    await expect(readAll(file, { maxCellBytes: 4096 })).rejects.toMatchObject({
      code: 'BAD_INPUT_FILE',
      message: `${file}: line 3, column "Notes" holds 5.9 KiB, more than the 4 KiB a cell may hold`,
    });
  });

  it('refuses binary data saved as .csv, saying what it looks like', async () => {
    const file = fixture('binary-as-csv.csv');
    await expect(readAll(file)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file} is not a contact export: it looks like binary data (it contains NUL bytes)` });
  });

  it('refuses a workbook forced to CSV with --format csv', async () => {
    const file = fixture('act-export.xlsx');
    await expect(readAll(file, { format: 'csv' })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file} cannot be read as csv: it looks like a ZIP archive (Excel .xlsx workbook)`, hint: 'Try: --format xlsx (or leave --format out to detect it)' });
  });

  it('refuses a declared encoding that is clearly wrong, naming the likely one', async () => {
    const outlook = fixture('outlook-2016-windows-1252-multiline-notes.csv');
    await expect(readAll(outlook, { encoding: 'utf-16le' })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${outlook} does not look like utf-16le: it is 8-bit text (likely windows-1252)` });
    await expect(readAll(outlook, { encoding: 'utf-8' })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${outlook} does not look like utf-8: it has bytes that are not valid UTF-8 (likely windows-1252)`, hint: 'Try: --encoding windows-1252 (or leave --encoding out to detect it)' });
    const google = fixture('google-contacts-utf8-bom.csv');
    await expect(readAll(google, { encoding: 'windows-1252' })).rejects.toMatchObject({ message: `${google} does not look like windows-1252: it starts with a UTF-8 byte-order mark` });
    const european = fixture('semicolon-delimited-european.csv');
    await expect(readAll(european, { encoding: 'iso-8859-2' })).rejects.toMatchObject({ message: `${european} does not look like iso-8859-2: it is valid UTF-8 with non-ASCII characters, which would be garbled` });
    await expect(readAll(european, { encoding: 'klingon' })).rejects.toMatchObject({ code: 'USAGE', message: 'unknown encoding "klingon"' });
  });

  it('switches to Windows-1252 when an all-ASCII start is followed by a legacy byte', async () => {
    const dir = tempDir();
    const file = join(dir, 'ascii-then-cp1252.csv');
    const start = Buffer.from(`Name,City\n${'Anna,Riga\n'.repeat(8000)}`, 'utf8');
    writeFileSync(file, Buffer.concat([start, iconv.encode('Jérôme “Jé” Müller,Genève €\nLast,Oslo\n', 'windows-1252')]));
    const result = await readAll(file);
    expect(result.rows).toHaveLength(8002);
    expect(result.rows[8000]).toEqual({ row: 8001, line: 8002, values: ['Jérôme “Jé” Müller', 'Genève €'] });
    expect(result.rows[8001]!.values).toEqual(['Last', 'Oslo']);
    expect(result.source.encoding).toBe('windows-1252');
    expect(result.source.warnings).toContain(`${file}: the start of the file is plain ASCII but line 8002 is not UTF-8; the file was read as windows-1252. If letters look wrong, name its code page with --encoding`);
  });

  it('fails on a non-UTF-8 byte after the sniffed start instead of producing U+FFFD', async () => {
    const dir = tempDir();
    const file = join(dir, 'utf8-then-latin1.csv');
    const start = Buffer.from(`Name,City\n${'Līga,Rīga\n'.repeat(8000)}`, 'utf8');
    writeFileSync(file, Buffer.concat([start, iconv.encode('Jérôme,Genève\n', 'latin1')]));
    await expect(readAll(file)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file}: line 8002 has bytes that are not valid UTF-8` });
  });
});

describe('CSV reader details', () => {
  it('uses the "sep=" line Excel writes as the delimiter and does not take it for the header', async () => {
    const dir = tempDir();
    const file = join(dir, 'excel-sep-line.csv');
    writeFileSync(file, 'sep=;\r\nVārds;Uzvārds,  piezīmes\r\nAnna;Ozola, SIA\r\n');
    const result = await readAll(file);
    expect(result.source).toMatchObject({ delimiter: ';', headers: ['Vārds', 'Uzvārds,  piezīmes'] });
    expect(result.rows).toEqual([{ row: 1, line: 3, values: ['Anna', 'Ozola, SIA'] }]);
  });

  it('refuses text forced to xlsx, a folder, a missing file and a bad delimiter', async () => {
    const csv = fixture('header-only.csv');
    await expect(readAll(csv, { format: 'xlsx' })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${csv} cannot be read as xlsx: it looks like delimited text`, hint: 'Try: --format csv (or leave --format out to detect it)' });
    const dir = tempDir();
    await expect(readAll(dir)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${dir} is a folder, not a file` });
    await expect(readAll(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `file not found: ${join(dir, 'nope.csv')}` });
    await expect(readAll(csv, { delimiter: '""' })).rejects.toMatchObject({ code: 'USAGE', message: 'cannot use "\\"\\"" as the delimiter' });
    // Option values are looked up in Maps: "constructor" must not find Object.prototype.constructor.
    await expect(readAll(csv, { delimiter: 'constructor' })).rejects.toMatchObject({ code: 'USAGE', message: 'cannot use "constructor" as the delimiter' });
    await expect(readAll(csv, { encoding: 'constructor' })).rejects.toMatchObject({ code: 'USAGE', message: 'unknown encoding "constructor"' });
  });

  it('refuses a file whose bytes decode to NUL characters (UTF-32 content behind a UTF-16 BOM)', async () => {
    const dir = tempDir();
    const file = join(dir, 'mislabelled-utf32.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('"a","b"\n"1","2"\n', 'utf-32be')]));
    await expect(readAll(file)).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file} has NUL characters when read as utf-16be, so that is not its encoding` });
  });

  it('reads UTF-16BE and UTF-32LE with BOMs and UTF-16BE without one', async () => {
    const dir = tempDir();
    const text = 'Nosaukums,Pilsēta\n王小明,Rīga\n';
    const cases: Array<[string, Buffer, string]> = [
      ['utf16be-bom.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
      ['utf32le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(text, 'utf-32le')]), 'utf-32le'],
      ['utf16be-no-bom.csv', iconv.encode(text, 'utf-16be'), 'utf-16be'],
    ];
    for (const [name, bytes, encoding] of cases) {
      writeFileSync(join(dir, name), bytes);
      const result = await readAll(join(dir, name));
      expect([result.source.encoding, result.source.headers, result.rows[0]!.values]).toEqual([encoding, ['Nosaukums', 'Pilsēta'], ['王小明', 'Rīga']]);
    }
  });
});

describe('legacy CJK code pages', () => {
  it('detects Shift_JIS in a Japanese Outlook export', async () => {
    const result = await readAll(fixture('outlook-ja-shift-jis.csv'));
    expect(result.source).toMatchObject({ encoding: 'shift_jis', delimiter: ',' });
    expect(result.source.headers).toEqual(['名', '姓', 'ミドル ネーム', '会社名', '部署', '役職', '会社電話', '携帯電話', '電子メール アドレス', '誕生日', 'メモ']);
    expect(result.cell(0, '姓')).toBe('山田');
    expect(result.cell(0, '会社名')).toBe('株式会社サンプル');
    expect(result.cell(0, 'メモ')).toBe('東京本社\r\n二階');
    expect(result.cell(1, '電子メール アドレス')).toBe('sato@example.jp');
    expect(result.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('does not take Western text whose bytes happen to form kanji for Shift_JIS', async () => {
    const dir = tempDir();
    const file = join(dir, 'french-cp1252.csv');
    // é+l, è+n, è+c... are all valid Shift_JIS kanji pairs, but there is no kana.
    writeFileSync(file, iconv.encode('Nom,Ville\r\nHélène Crèche,Genève\r\nAmélie Bélanger,Orléans\r\n', 'windows-1252'));
    const result = await readAll(file);
    expect(result.source.encoding).toBe('windows-1252');
    expect(result.cell(0, 'Nom')).toBe('Hélène Crèche');
  });
});
