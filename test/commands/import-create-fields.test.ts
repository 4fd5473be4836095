import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOrg } from '../helpers/org.js';

describe('import --create-fields', () => {
  it('turns unmapped columns that hold data into custom fields and fills them; empty columns and dry runs create nothing', async () => {
    const { dir, run } = await cliOrg();
    writeFileSync(join(dir, 'c.csv'), 'First Name,Last Name,E-mail,Klientu līmenis,Always empty,Piezīmes par klientu\nJānis,Bērziņš,janis@example.lv,Zelta,,"Pirmā rinda\notrā rinda"\nLīga,Kalniņa,liga@example.lv,Sudraba,,\n');

    const dry = await run('import', 'c.csv', '--object', 'contact', '--create-fields', '--dry-run', '--json');
    expect(dry.json<{ createdFields: { column: string; created: boolean }[] }>().createdFields.map((f) => [f.column, f.created])).toEqual([
      ['Klientu līmenis', false],
      ['Piezīmes par klientu', false],
    ]);
    const before = (await run('field', 'list', 'contact', '--json')).json<{ fields: { name: string }[] }>().fields.length;

    const real = await run('import', 'c.csv', '--object', 'contact', '--create-fields', '--json');
    expect(real.code).toBe(0);
    const created = real.json<{ createdFields: { column: string; field: string }[] }>().createdFields;
    expect(created).toHaveLength(2);
    const fields = (await run('field', 'list', 'contact', '--json')).json<{ fields: { name: string; label: string; type: string }[] }>().fields;
    expect(fields).toHaveLength(before + 2);
    const level = fields.find((f) => f.label === 'Klientu līmenis')!;
    const notes = fields.find((f) => f.label === 'Piezīmes par klientu')!;
    expect(level.type).toBe('text');
    expect(notes.type).toBe('textarea');
    const contacts = (await run('record', 'list', 'contact', '--json')).json<{ records: Record<string, unknown>[] }>().records;
    expect(contacts.find((c) => c.LastName === 'Bērziņš')).toMatchObject({ [level.name]: 'Zelta', [notes.name]: 'Pirmā rinda\notrā rinda' });
    expect(contacts.find((c) => c.LastName === 'Kalniņa')).toMatchObject({ [level.name]: 'Sudraba', [notes.name]: null });
  });
});
