import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openRowSource, VCARD_HEADERS } from '../../../../src/core/import/read/index.js';
import { contentLines, decodeQuotedPrintable, decodeValueBytes, normaliseBirthday, parseProperty, splitStructured } from '../../../../src/core/import/read/vcard.js';
import { tempDir } from '../../../helpers/org.js';
import { fixture, readAll } from './read-helpers.js';

/** Non-empty cells of a row as header → value, for compact exact assertions. */
const filled = (values: string[]) => Object.fromEntries(values.flatMap((value, i) => (value === '' ? [] : [[VCARD_HEADERS[i], value]])));

describe('vCard reader', () => {
  it('reads vCard 2.1 with quoted-printable soft breaks, CHARSET present/absent/wrong, raw UTF-8, bare TYPE params and a PHOTO', async () => {
    const file = fixture('vcard-2.1-quoted-printable.vcf');
    const { source, rows } = await readAll(file);
    expect(source).toMatchObject({ format: 'vcard', encoding: 'utf-8' });
    expect(source.headers).toEqual([...VCARD_HEADERS]);
    expect(rows.map((row) => [row.row, row.line, row.problem?.code ?? null])).toEqual([
      [1, 1, null],
      [2, 23, null],
      [3, 30, 'EMPTY_CARD'],
    ]);
    expect(filled(rows[0]!.values)).toEqual({
      'Full Name': 'Dr. Jānis Bērziņš',
      Prefix: 'Dr.',
      'First Name': 'Jānis',
      'Last Name': 'Bērziņš',
      Organization: 'Rīgas Ūdens',
      Department: 'Klientu serviss',
      Title: 'Vadītājs',
      // EMAIL;PREF comes second in the file but first here.
      'Email 1': 'janis@example.lv',
      'Email 2': 'janis.private@example.lv',
      'Business Phone': '+371 6700 0000',
      'Mobile Phone': '+371 2912 3456',
      // A home fax has no column of its own: it goes to Other Phone rather than into Business Fax.
      'Other Phone': '+371 6700 0001',
      'Business Street': 'Brīvības iela 1\n2. stāvs',
      'Business City': 'Rīga',
      // Soft line break inside the postal code: "LV-10=" + "10".
      'Business Postal Code': 'LV-1010',
      'Business Country': 'Latvija',
      Birthday: '1980-03-21',
      Website: 'http://www.example.lv',
      // QP without CHARSET, byte 0xE9 is not UTF-8: decoded as Windows-1252.
      Notes: 'Café meeting\nSecond line of the note, which is long enough to need a soft line break',
    });
    // CHARSET=UTF-8 on Latin-1 bytes (M=FCller) falls back instead of producing U+FFFD; untyped TELs fill Business then Other.
    expect(filled(rows[1]!.values)).toEqual({
      'Full Name': 'Jürgen Müller',
      'First Name': 'Jürgen',
      'Last Name': 'Müller',
      'Business Phone': '+49 30 1234567',
      'Other Phone': '+49 30 7654321',
    });
    expect(rows[2]!.problem).toEqual({ row: 3, line: 30, code: 'EMPTY_CARD', message: 'the card at line 30 has no name, organization or e-mail address' });
    expect(filled(rows[2]!.values)).toEqual({ 'Mobile Phone': '+358 40 000 0000' });
  });

  it('reads vCard 3.0 from Apple: itemN groups with X-ABLabel, escapes, folded lines, quoted TYPE, year-less birthday', async () => {
    const { rows } = await readAll(fixture('vcard-3.0-apple-groups.vcf'));
    expect(rows.map((row) => row.line)).toEqual([1, 24]);
    expect(filled(rows[0]!.values)).toEqual({
      'Full Name': 'Maria da Conceição Gonçalves',
      'First Name': 'Maria',
      'Middle Name': 'da Conceição',
      'Last Name': 'Gonçalves',
      Organization: 'Peças, Lda',
      Department: 'Vendas; Norte',
      Title: 'Diretora',
      'Email 1': 'maria@example.pt',
      'Email 2': 'maria.pessoal@example.pt',
      'Business Phone': '+351 21 000 0000',
      'Mobile Phone': '+351 91 234 5678',
      'Home Phone': '+351 22 000 0000',
      'Home Street': 'Rua das Flores 10\n3º Esq.',
      'Home City': 'Porto',
      'Home Postal Code': '4050-262',
      'Home Country': 'Portugal',
      Birthday: '1975-06-30',
      Website: 'https://www.example.pt/maria',
      // The fold "is\n  longer" keeps the space that was part of the text.
      Notes: 'Likes fado, port wine; call on Fridays.\nSecond line of a note that is folded because it is longer than seventy-five octets.',
    });
    expect(filled(rows[1]!.values)).toEqual({
      'Full Name': '王小明',
      'First Name': '小明',
      'Last Name': '王',
      Organization: '北京贸易有限公司',
      'Email 1': 'wang@example.cn',
      'Business Phone': '+86 10 6552 9988',
      'Mobile Phone': '+86 138 0013 8000',
      Birthday: '--04-14',
    });
  });

  it('reads vCard 4.0 PREF=1 and tel: URIs', async () => {
    const { rows } = await readAll(fixture('vcard-4.0-pref-tel-uri.vcf'));
    expect(filled(rows[0]!.values)).toEqual({
      'Full Name': 'Guðrún Þórsdóttir',
      'First Name': 'Guðrún',
      'Last Name': 'Þórsdóttir',
      'Email 1': 'gudrun@vinna.is',
      'Email 2': 'gudrun@heima.is',
      'Mobile Phone': '+354-555-0101',
      'Business Phone': '+354-555-0202',
      'Business Street': 'Laugavegur 1',
      'Business City': 'Reykjavík',
      'Business Postal Code': '101',
      'Business Country': 'Iceland',
    });
  });

  it('detects UTF-16LE without a BOM', async () => {
    const { source, rows } = await readAll(fixture('vcard-utf16le-no-bom.vcf'));
    expect(source).toMatchObject({ format: 'vcard', encoding: 'utf-16le' });
    expect(rows.map((row) => [row.line, row.values[0]])).toEqual([
      [1, 'Līga Ozoliņa'],
      [7, '李娜'],
    ]);
    expect(filled(rows[0]!.values)['Email 1']).toBe('liga@example.lv');
    expect(filled(rows[1]!.values)['Mobile Phone']).toBe('+86 139 0000 0000');
  });

  it('detects a vCard named .txt, with leading blank lines and lower-case BEGIN, and reports an unterminated card', async () => {
    const dir = tempDir();
    const file = join(dir, 'export.txt');
    writeFileSync(file, '\r\n\r\nbegin:vcard\r\nversion:3.0\r\nfn:Anna Ozola\r\nend:vcard\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n');
    const { source, rows } = await readAll(file);
    expect(source.format).toBe('vcard');
    expect(rows.map((row) => [row.line, row.values[0], row.problem?.code ?? null])).toEqual([
      [3, 'Anna Ozola', null],
      [7, 'Cut Off', 'BROKEN_CARD'],
    ]);
    expect(source.warnings).toContain(`${file} is named like csv but its content is vCard text; it was read as vcard`);
  });

  it('does not swallow the next card when a card lost its END:VCARD', async () => {
    const dir = tempDir();
    const file = join(dir, 'missing-end.vcf');
    writeFileSync(file, 'BEGIN:VCARD\nVERSION:3.0\nFN:Lost End\nBEGIN:VCARD\nVERSION:3.0\nFN:Next Card\nEND:VCARD\n');
    const { rows } = await readAll(file);
    expect(rows.map((row) => [row.row, row.line, row.values[0], row.problem?.code ?? null])).toEqual([
      [1, 1, 'Lost End', 'BROKEN_CARD'],
      [2, 4, 'Next Card', null],
    ]);
  });

  it('decodes legacy QP without CHARSET with the declared --encoding (The Bat! writes ISO-8859-2)', async () => {
    const dir = tempDir();
    const file = join(dir, 'thebat-style.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski;Piotr\r\nEMAIL;PREF;INTERNET:piotr@example.pl\r\nEND:VCARD\r\n');
    const latin2 = await readAll(file, { encoding: 'iso-8859-2' });
    expect(latin2.cell(0, 'Last Name')).toBe('Iksiński');
    const guessed = await readAll(file);
    expect(guessed.cell(0, 'Last Name')).toBe('Iksiñski');
  });

  it('reads raw 8-bit Windows-1252 values and a nested AGENT card without mixing them up', async () => {
    const dir = tempDir();
    const file = join(dir, 'cp1252.vcf');
    const text = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nAGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Assistent;Anna\r\nEND:VCARD\r\nNOTE:€ 50\r\nEND:VCARD\r\n';
    writeFileSync(file, iconv.encode(text, 'windows-1252'));
    const result = await readAll(file);
    expect(result.rows).toHaveLength(1);
    expect(result.cell(0, 'Last Name')).toBe('Müller');
    expect(result.cell(0, 'First Name')).toBe('Jürgen');
    expect(result.cell(0, 'Notes')).toBe('€ 50');
  });
});

describe('vCard limits', () => {
  it('drops folded PHOTO data unread but refuses an oversized value, naming card line and column', async () => {
    const dir = tempDir();
    const photo = Array.from({ length: 2000 }, () => ` ${'A'.repeat(74)}`).join('\r\n');
    const file = join(dir, 'photo-and-huge-note.vcf');
    writeFileSync(file, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Ozola\r\nPHOTO;ENCODING=b;TYPE=JPEG:${'B'.repeat(60)}\r\n${photo}\r\nEMAIL:anna@example.lv\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Note\r\nNOTE:${'ž'.repeat(3000)}\r\nEND:VCARD\r\n`);
    const source = await openRowSource(file, { maxCellBytes: 4096, maxRecordBytes: 100_000 });
    const iterator = source.rows[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done ? undefined : filled(first.value.values)).toEqual({ 'Full Name': 'Anna Ozola', 'Email 1': 'anna@example.lv' });
    // Lines: BEGIN 1, VERSION 2, FN 3, PHOTO 4 + 2000 folded lines, EMAIL 2005, END 2006, second BEGIN 2007.
    await expect(iterator.next()).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file}: the card at line 2007 has a "Notes" value over 4 KiB` });
  });

  it('refuses a line longer than maxRecordBytes instead of buffering it', async () => {
    const dir = tempDir();
    const file = join(dir, 'no-line-breaks.vcf');
    writeFileSync(file, `BEGIN:VCARD\r\nVERSION:4.0\r\nPHOTO:data:image/jpeg;base64,${'Q'.repeat(300_000)}`);
    await expect(readAll(file, { maxRecordBytes: 100_000 })).rejects.toMatchObject({ code: 'BAD_INPUT_FILE', message: `${file}: line 3 is longer than 97.7 KiB` });
  });
});

describe('vCard value helpers', () => {
  it('parses groups, 2.1 bare params, quoted and listed TYPE values and PREF', () => {
    const apple = parseProperty('item1.EMAIL;type=INTERNET;type=pref:a@example.lv', 3)!;
    expect([apple.group, apple.name, [...apple.types], apple.pref, apple.raw, apple.line]).toEqual(['item1', 'EMAIL', ['internet', 'pref'], 1, 'a@example.lv', 3]);
    const old = parseProperty('TEL;WORK;VOICE:+371 1', 1)!;
    expect([...old.types]).toEqual(['work', 'voice']);
    const v4 = parseProperty('TEL;VALUE=uri;TYPE="voice,cell";PREF=2:tel:+354', 1)!;
    expect([[...v4.types], v4.pref, v4.raw]).toEqual([['voice', 'cell'], 2, 'tel:+354']);
    const qp = parseProperty('NOTE;CHARSET=ISO-8859-2;ENCODING=QUOTED-PRINTABLE:x', 1)!;
    expect([qp.encoding, qp.charset]).toEqual(['quoted-printable', 'ISO-8859-2']);
  });

  it('unfolds lines whose CRLF or fold falls on a chunk boundary, counting lines once', async () => {
    async function* chunks() {
      yield* ['BEGIN:VCARD\r', '\nVERSION:3.0\r\nFN:An', 'na\r', '\n Ozola\r\r\nNOTE:x\r', '\nEND:VCARD'];
    }
    const properties: Array<[string, string, number]> = [];
    for await (const p of contentLines('chunks.vcf', chunks(), 1000)) properties.push([p.name, p.raw, p.line]);
    // \r\r\n (Thunderbird's DOS test file) is a line end plus an empty line.
    expect(properties).toEqual([
      ['BEGIN', 'VCARD', 1],
      ['VERSION', '3.0', 2],
      ['FN', 'AnnaOzola', 3],
      ['NOTE', 'x', 6],
      ['END', 'VCARD', 7],
    ]);
  });

  it('splits structured values on unescaped separators', () => {
    expect(splitStructured('Doe;John;Richter,James;Mr.;Sr.', false)).toEqual([['Doe'], ['John'], ['Richter', 'James'], ['Mr.'], ['Sr.']]);
    expect(splitStructured('Peças\\, Lda;Vendas\\; Norte', false)).toEqual([['Peças, Lda'], ['Vendas; Norte']]);
    expect(splitStructured(';;Street 4\\nFloor 8;City', false)).toEqual([[''], [''], ['Street 4\nFloor 8'], ['City']]);
    // 2.1 only escapes ';' and does not list-split on ','.
    expect(splitStructured('Company, The;C:\\new', true)).toEqual([['Company, The'], ['C:\\new']]);
  });

  it('decodes quoted-printable bytes and picks the charset sensibly', () => {
    expect(decodeQuotedPrintable('Caf=C3=A9=0D=0Ax=ZZ')).toEqual(Buffer.from('Café\r\nx=ZZ', 'utf8'));
    expect(decodeValueBytes(Buffer.from([0x4d, 0xfc]), 'UTF-8', 'windows-1252')).toBe('Mü');
    expect(decodeValueBytes(Buffer.from('Mü', 'utf8'), 'ISO-8859-1', 'windows-1252')).toBe('Mü');
    expect(decodeValueBytes(Buffer.from([0xf1]), 'ISO-8859-2', 'windows-1252')).toBe('ń');
    expect(decodeValueBytes(iconv.encode('山田', 'shift_jis'), 'Shift_JIS', 'windows-1252')).toBe('山田');
  });

  it('normalises basic-format birthdays', () => {
    expect(['19800321', '1980-03-21T00:00:00Z', '--0414', '--04-14', '21.03.1980'].map(normaliseBirthday)).toEqual(['1980-03-21', '1980-03-21', '--04-14', '--04-14', '21.03.1980']);
  });
});

describe('vCard detection', () => {
  it('finds the cards after a junk first line and says the line was ignored', async () => {
    const dir = tempDir();
    const file = join(dir, 'junk-first-line.vcf');
    writeFileSync(file, 'ENCODING:UTF-8\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Pēteris Kalniņš\r\nEND:VCARD\r\n');
    const { source, rows } = await readAll(file);
    expect(source.format).toBe('vcard');
    expect(rows.map((row) => [row.line, row.values[0]])).toEqual([[2, 'Pēteris Kalniņš']]);
    expect(source.warnings).toEqual([`${file}: 1 line outside BEGIN:VCARD … END:VCARD was ignored`]);
  });
});
