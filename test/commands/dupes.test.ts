import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers/org.js';

async function org() {
  const db = join(tempDir(), 'x.db');
  await cli(['--db', db, 'init', '--company', 'Acme', '--admin', 'admin']);
  const create = async (object: string, ...sets: string[]) =>
    (await cli(['--db', db, 'record', 'create', object, ...sets.flatMap((s) => ['--set', s]), '--json'])).json<{ id: string }>().id;
  return { db, create, run: (...args: string[]) => cli(['--db', db, ...args]) };
}

describe('dupes, merge and find commands', () => {
  it('finds a nickname/diacritics duplicate, explains it, merges it and undoes the merge', async () => {
    const { create, run } = await org();
    const acme = await create('account', 'Name=Rīgas Ūdens SIA');
    const a = await create('contact', 'FirstName=Robert', 'LastName=Bērziņš', 'Email=robert.berzins@rigasudens.example', `AccountId=${acme}`, 'Phone=+371 29 123 456');
    const b = await create('contact', 'FirstName=Bob', 'LastName=Berzins', 'Email=ROBERT.BERZINS@rigasudens.example', 'MobilePhone=+371 29 555 000');
    await create('contact', 'FirstName=Anna', 'LastName=Kalniņa', 'Email=anna@example.lv');
    await create('task', 'Subject=Call Bob', `WhoId=${b}`);

    const found = await run('dupes', 'find', 'contact', '--explain', '--json');
    expect(found.code).toBe(0);
    const groups = found.json<{ groups: { ids: string[]; score: number; reasons: string[]; pairs: { evidence: { field: string }[] }[] }[] }>().groups;
    expect(groups).toHaveLength(1);
    expect(groups[0]!.ids.sort()).toEqual([a, b].sort());
    expect(groups[0]!.score).toBeGreaterThan(0.5);
    expect(groups[0]!.pairs[0]!.evidence.map((e) => e.field)).toContain('Email');

    const dry = await run('dupes', 'merge', 'contact', a, b, '--master', a, '--dry-run', '--json');
    expect(dry.json()).toMatchObject({ dryRun: true, plan: { masterId: a, mergedIds: [b] } });
    expect((await run('record', 'list', 'contact', '--json')).json<{ count: number }>().count).toBe(3);

    const merged = await run('dupes', 'merge', 'contact', a, b, '--master', a, '--field', `FirstName=${b}`, '--json');
    expect(merged.code).toBe(0);
    const mergeId = merged.json<{ merge: string }>().merge;
    const survivor = (await run('record', 'get', 'contact', a, '--json')).json<Record<string, unknown>>();
    expect(survivor).toMatchObject({ FirstName: 'Bob', LastName: 'Bērziņš', MobilePhone: '+371 29 555 000', Phone: '+371 29 123 456' });
    const tasks = (await run('record', 'list', 'task', '--json')).json<{ records: { WhoId: string }[] }>().records;
    expect(tasks[0]!.WhoId).toBe(a);
    expect((await run('record', 'get', 'contact', b)).code).toBe(5);

    expect((await run('merge', 'list', '--json')).json<{ merges: { merge: string }[] }>().merges[0]!.merge).toBe(mergeId);
    expect((await run('merge', 'undo', mergeId)).code).toBe(0);
    expect((await run('record', 'get', 'contact', b, '--json')).json()).toMatchObject({ FirstName: 'Bob', LastName: 'Berzins' });
    expect((await run('record', 'get', 'contact', a, '--json')).json()).toMatchObject({ FirstName: 'Robert', MobilePhone: null });
    expect((await run('record', 'list', 'task', '--json')).json<{ records: { WhoId: string }[] }>().records[0]!.WhoId).toBe(b);
  });

  it('merge --all needs --yes without a terminal, prints the plan on --dry-run and merges every group', async () => {
    const { create, run } = await org();
    await create('contact', 'FirstName=Päivi', 'LastName=Mäkelä', 'Email=paivi@example.fi');
    await create('contact', 'FirstName=Paivi', 'LastName=Makela', 'Email=paivi@example.fi', 'Title=CFO');
    await create('contact', 'FirstName=João', 'LastName=Gonçalves', 'Email=joao@example.pt');
    await create('contact', 'FirstName=Joao', 'LastName=Goncalves', 'Email=joao@example.pt');
    const refused = await run('dupes', 'merge', 'contact', '--all');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    const dry = await run('dupes', 'merge', 'contact', '--all', '--dry-run', '--json');
    expect(dry.json()).toMatchObject({ dryRun: true, groups: 2, merged: 2 });
    expect((await run('record', 'list', 'contact', '--json')).json<{ count: number }>().count).toBe(4);
    const done = await run('dupes', 'merge', 'contact', '--all', '--yes', '--json');
    expect(done.json()).toMatchObject({ dryRun: false, groups: 2, merged: 2 });
    const left = (await run('record', 'list', 'contact', '--json')).json<{ records: { LastName: string; Title: string | null }[] }>().records;
    expect(left).toHaveLength(2);
    expect(left.find((c) => c.LastName.startsWith('M'))!.Title).toBe('CFO');
  });

  it('find searches before create by name, e-mail, phone and company', async () => {
    const { create, run } = await org();
    const acme = await create('account', 'Name=Äänekosken Paperi Oy', 'Phone=+358 14 551 1000');
    await create('contact', 'FirstName=Guðrún', 'LastName=Þórsdóttir', 'Email=gudrun@leikhus.example', 'Phone=+354 555 1234', `AccountId=${acme}`);
    await create('lead', 'FirstName=Mikko', 'LastName=Virtanen', 'Company=Virtanen Oy', 'Email=mikko@virtanen.example');
    const byName = (await run('find', 'Gudrun Thorsdottir', '--json')).json<{ matches: { name: string; object: string }[] }>();
    expect(byName.matches[0]).toMatchObject({ name: 'Guðrún Þórsdóttir', object: 'Contact' });
    const byEmail = (await run('find', 'MIKKO@virtanen.example', '--json')).json<{ matches: { object: string }[] }>();
    expect(byEmail.matches[0]!.object).toBe('Lead');
    const byPhone = (await run('find', '555 1234', '--object', 'contact', '--json')).json<{ matches: { name: string }[] }>();
    expect(byPhone.matches[0]!.name).toBe('Guðrún Þórsdóttir');
    const byCompany = (await run('find', 'Aanekosken Paperi', '--object', 'account', '--json')).json<{ matches: { name: string }[] }>();
    expect(byCompany.matches[0]!.name).toBe('Äänekosken Paperi Oy');
  });
});
