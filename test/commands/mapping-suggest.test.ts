import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MappingSuggestResult } from '../../src/commands/mapping/suggest.js';
import { initOrg } from '../../src/core/org/init.js';
import { openOrgDb } from '../../src/core/store/database.js';
import { cli, FIXED_NOW, TEST_SCRYPT_COST, tempDir } from '../helpers/org.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/mapping/${name}`, import.meta.url));

let dir: string;
let db: string;
beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'org.db');
  const handle = openOrgDb(db, { create: true });
  await initOrg(handle, { company: 'Acme', admin: 'admin' }, { cost: TEST_SCRYPT_COST, now: FIXED_NOW });
  handle.close();
});

const run = (...args: string[]) => cli(['--db', db, ...args], { cwd: dir });

describe('crmctl mapping suggest', () => {
  it('German Outlook export (Windows-1252) → one JSON document with source, language, columns and mapping', async () => {
    const r = await run('mapping', 'suggest', fixture('outlook-german-headers.csv'), '--object', 'contact', '--json');
    expect(r.code).toBe(0);
    const result = r.json<MappingSuggestResult>();
    expect(result).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ',', source: 'outlook', language: 'de', object: 'Contact' });
    expect(result.columns).toHaveLength(92);
    expect(result.columns[1]).toEqual({ column: 'Vorname', index: 1, field: 'FirstName', rule: 'column', confidence: 1, reason: 'Outlook (de) column' });
    expect(result.mapping.fields).toMatchObject({ LastName: 'Nachname', 'Account.Name': 'Firma', MobilePhone: 'Mobiltelefon', MailingCity: 'Ort geschäftlich' });
    expect(result.unmapped).toContain('Hobby');
    expect(result.saved).toBeNull();
  });

  it('French export as the readers deliver it maps "Titre (2)" to the job title; --save writes a loadable file', async () => {
    const saved = join(dir, 'french.json');
    const r = await run('mapping', 'suggest', fixture('outlook-french-trailing-spaces.csv'), '--object', 'lead', '--save', 'french.json', '--json');
    expect(r.code).toBe(0);
    const result = r.json<MappingSuggestResult>();
    expect(result.warnings.join(' ')).toContain('"Titre (2)"');
    expect(result.mapping.fields).toMatchObject({ Salutation: 'Titre', Title: 'Titre (2)', Company: 'Société' });
    expect(result.saved).toBe(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toEqual(result.mapping);
  });

  it('--source overrides detection; the human view lists columns, fields and what is not imported', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'Vārds;Uzvārds;E-pasts;Uzņēmums;Mīļākā krāsa\nJānis;Bērziņš;janis@example.lv;Koks SIA;zila\n');
    const forced = await run('mapping', 'suggest', 'plain.csv', '--object', 'account', '--source', 'act', '--json');
    expect(forced.json<MappingSuggestResult>()).toMatchObject({ source: 'act', confidence: 1, reasons: ['--source act given'] });
    const human = await run('mapping', 'suggest', 'plain.csv', '--object', 'contact');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('E-pasts');
    expect(human.stdout).toMatch(/Uzņēmums\s+Account\.Name/);
    expect(human.stdout).toContain('4 of 5 columns mapped; not imported: Mīļākā krāsa');
  });

  it('usage errors: no --object without a terminal, an object imports cannot fill, an unknown source', async () => {
    const noObject = await run('mapping', 'suggest', fixture('google-new-sparse.csv'), '--json');
    expect(noObject.code).not.toBe(0);
    expect(noObject.stderr).toContain('--object');
    const task = await run('mapping', 'suggest', fixture('google-new-sparse.csv'), '--object', 'task', '--json');
    expect(task.stderr).toContain('imports fill contacts, leads or accounts');
    const source = await run('mapping', 'suggest', fixture('google-new-sparse.csv'), '--object', 'contact', '--source', 'lotus');
    expect(source.stderr).toContain('--source lotus: unknown source.');
    expect(source.code).toBe(task.code);
  });
});
