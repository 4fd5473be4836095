import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImportEngine, type EngineOptions, type MappedRow } from '../../../src/core/import/engine.js';
import { listImportJobs, undoImportJob } from '../../../src/core/import/jobs.js';
import { listRecordsFor } from '../../../src/core/records/service.js';
import { memoryOrg, tempDir } from '../../helpers/org.js';
import type { OrgSession } from '../../../src/core/org/session.js';

const HEADERS = ['First', 'Last', 'Mail', 'Company', 'Owner'];

async function* rowsOf(data: string[][]) {
  let line = 2;
  for (const [i, values] of data.entries()) {
    yield { row: i + 1, line: line++, values };
  }
}

/** A plain column → field mapper standing in for the real mapping stage. */
const mapper = (values: string[]): MappedRow => ({
  fields: { FirstName: values[0] || null, LastName: values[1] || null, Email: values[2] || null },
  account: values[3] || null,
  owner: values[4] || null,
  problems: [],
});

function options(session: OrgSession, data: string[][], extra: Partial<EngineOptions> = {}): EngineOptions {
  const dir = tempDir();
  return {
    object: session.objects.get('Contact'),
    headers: HEADERS,
    rows: rowsOf(data),
    mapper,
    mode: 'insert',
    onDuplicate: 'create',
    dryRun: false,
    successFile: join(dir, 'success.csv'),
    errorsFile: join(dir, 'errors.csv'),
    job: { file: 'test.csv', fileSha256: null, source: 'csv', options: {} },
    ...extra,
  };
}

const DATA = [
  ['Jānis', 'Bērziņš', 'janis@rigas.example', 'Rīgas Ūdens SIA', ''],
  ['Päivi', 'Mäkelä', 'not an email', 'Äänekosken Paperi Oy', ''],
  ['Guðrún', '', 'gudrun@example.is', '', ''],
  ['Jānis', 'Berzins', 'JANIS@rigas.example', 'SIA Rīgas Ūdens', ''],
  ['João', 'Gonçalves', 'joao@example.br', 'Construções São João Ltda.', 'nobody'],
];

describe('import engine', () => {
  it('accounts for every row: inserted, rejected with reasons, duplicates flagged; links accounts by normalised name', async () => {
    const { session } = await memoryOrg();
    const opts = options(session, DATA);
    const summary = await runImportEngine(session, opts);
    expect(summary).toMatchObject({ rows: 5, inserted: 2, rejected: 3, duplicates: 1, accountsCreated: 1, dryRun: false });
    expect(summary.rejectedByCode).toEqual({ INVALID_VALUE: 1, REQUIRED_FIELD_MISSING: 1, OWNER_NOT_FOUND: 1 });
    const contacts = listRecordsFor(session, 'Contact');
    expect(contacts.map((c) => c.LastName)).toEqual(['Bērziņš', 'Berzins']);
    // "Rīgas Ūdens SIA" and "SIA Rīgas Ūdens" are one account.
    expect(contacts[0]!.AccountId).toBe(contacts[1]!.AccountId);
    expect(listRecordsFor(session, 'Account').map((a) => a.Name)).toEqual(['Rīgas Ūdens SIA']);
    const success = readFileSync(opts.successFile, 'utf8').trim().split('\r\n');
    expect(success[0]).toBe('row,id,action,duplicate_of');
    expect(success[2]).toBe(`4,${String(contacts[1]!.Id)},inserted,${String(contacts[0]!.Id)}`);
    const errors = readFileSync(opts.errorsFile, 'utf8').trim().split('\r\n');
    expect(errors[0]).toBe('First,Last,Mail,Company,Owner,row,line,code,error');
    expect(errors[1]).toContain('Päivi,Mäkelä,not an email,Äänekosken Paperi Oy,,2,3,INVALID_VALUE,"Email: ""not an email"" is not a valid e-mail address"');
    expect(errors).toHaveLength(4);
  });

  it('dry run does everything and rolls it back', async () => {
    const { session } = await memoryOrg();
    const summary = await runImportEngine(session, options(session, DATA, { dryRun: true }));
    expect(summary).toMatchObject({ job: null, inserted: 2, rejected: 3, dryRun: true });
    expect(listRecordsFor(session, 'Contact')).toEqual([]);
    expect(listRecordsFor(session, 'Account')).toEqual([]);
    expect(listImportJobs(session)).toEqual([]);
  });

  it('skips or updates duplicates on request and undoes exactly what a job did', async () => {
    const { session } = await memoryOrg();
    const first = await runImportEngine(session, options(session, [['Ana', 'Sousa', 'ana@sousa.example', 'Sousa & Filhos', '']]));
    const [ana] = listRecordsFor(session, 'Contact');
    const second = await runImportEngine(
      session,
      options(session, [['Ana Maria', 'Sousa', 'ANA@sousa.example', '', ''], ['Rui', 'Costa', 'rui@costa.example', 'Costa Lda', '']], { onDuplicate: 'update', sample: 5 }),
    );
    expect(second).toMatchObject({ inserted: 1, updated: 1, duplicates: 1, test: true });
    expect(listRecordsFor(session, 'Contact').find((c) => c.Id === ana!.Id)!.FirstName).toBe('Ana Maria');
    const undo = undoImportJob(session, second.job!);
    expect(undo).toMatchObject({ deleted: { Contact: 1, Account: 1 }, restored: 1 });
    const after = listRecordsFor(session, 'Contact');
    expect(after).toEqual([ana]);
    expect(() => undoImportJob(session, second.job!)).toThrow(/already undone/);
    expect(undoImportJob(session, first.job!).deleted).toEqual({ Contact: 1, Account: 1 });
    expect(listRecordsFor(session, 'Account')).toEqual([]);
  });

  it('updates by match key, rejecting rows that match nothing', async () => {
    const { session } = await memoryOrg();
    await runImportEngine(session, options(session, [['Ana', 'Sousa', 'ana@sousa.example', '', '']]));
    const summary = await runImportEngine(session, options(session, [['Ana', 'Sousa-Lima', 'ana@sousa.example', '', ''], ['X', 'Y', 'none@example.com', '', '']], { mode: 'update', matchOn: 'email' }));
    expect(summary).toMatchObject({ updated: 1, rejected: 1, rejectedByCode: { NO_MATCH: 1 } });
    expect(listRecordsFor(session, 'Contact')[0]!.LastName).toBe('Sousa-Lima');
  });

  it('finds e-mail duplicates past the first thousand rows too (the e-mail sieve), in any letter case, against the org and the file', async () => {
    const { session } = await memoryOrg();
    await runImportEngine(session, options(session, [['Anna', 'Ozola', 'anna.ozola@example.lv', '', '']]));
    const rows = Array.from({ length: 2500 }, (_, i) => ['P', `Person ${i}`, `person.${i}@example.com`, '', '']);
    rows[1800] = ['Anna', 'Ozola', 'ANNA.OZOLA@example.lv', '', '']; // already in the org
    rows[2400] = ['P', 'Again', 'Person.1500@Example.com', '', '']; // an earlier row of this file, past the first 1000
    const summary = await runImportEngine(session, options(session, rows, { onDuplicate: 'skip' }));
    expect(summary).toMatchObject({ rows: 2500, inserted: 2498, skipped: 2, duplicates: 2 });
  });
});
