import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOrg } from '../helpers/org.js';

describe('a custom field end to end: added by label, filled by an import, reported on and exported', () => {
  it('survives a label full of quotes and SQL keywords', async () => {
    const { dir, run } = await cliOrg();
    const label = `Tier'); DROP TABLE Contact;-- "Größe"`;
    const added = await run('field', 'add', 'contact', label, '--type', 'picklist', '--values', 'Gold,Silver', '--json');
    expect(added.code).toBe(0);
    const apiName = added.json<{ field: { name: string } }>().field.name;
    expect(apiName).toMatch(/__c$/);
    const fields = (await run('field', 'list', 'contact', '--json')).json<{ fields: { name: string; label: string; custom: boolean }[] }>().fields;
    expect(fields.find((f) => f.name === apiName)).toMatchObject({ label, custom: true });

    // The file's column is the field's label; the mapping suggestion finds it by label.
    writeFileSync(join(dir, 'tiers.csv'), `First Name,Last Name,E-mail,"${label.replaceAll('"', '""')}"\nJānis,Bērziņš,janis@example.lv,gold\nPäivi,Mäkelä,paivi@example.fi,Bronze\n`);
    const suggested = (await run('mapping', 'suggest', 'tiers.csv', '--object', 'contact', '--json')).json<{ mapping: { fields: Record<string, unknown> } }>();
    expect(JSON.stringify(suggested.mapping.fields[apiName])).toContain('Tier');
    const imported = await run('import', 'tiers.csv', '--object', 'contact', '--json');
    expect(imported.code).toBe(3);
    expect(imported.json()).toMatchObject({ inserted: 1, rejected: 1, rejectedByCode: { INVALID_VALUE: 1 } });
    const contacts = (await run('record', 'list', 'contact', '--json')).json<{ records: Record<string, unknown>[] }>().records;
    expect(contacts).toEqual([expect.objectContaining({ LastName: 'Bērziņš', [apiName]: 'Gold' })]);

    const report = await run('report', 'create', 'Tiers', '--object', 'contact', '--columns', `LastName,${apiName}`, '--filter', `${apiName} = 'Gold'`);
    expect(report.code).toBe(0);
    const ran = (await run('report', 'run', 'Tiers', '--format', 'json')).stdout;
    expect(ran).toContain('Bērziņš');
    expect((await run('export', 'contact', '--out', 'c.csv', '--fields', `LastName,${apiName}`)).code).toBe(0);
    // The table the label tried to drop is still there.
    expect((await run('record', 'list', 'contact', '--json')).code).toBe(0);
  });
});
