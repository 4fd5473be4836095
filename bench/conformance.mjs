// Conformance: import every contact file in ../shared/corpus into a fresh org, report per file the
// detected source, rows imported/rejected and any crash. Exits 1 if a file crashes (an error that is
// not a clear CrmError refusal) or the German Outlook export does not map names, company, phones and
// e-mails. Skipped (exit 0) when the corpus is absent. Usage: npm run conformance [-- --json]
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initOrg } from '../dist/core/org/init.js';
import { sessionFor } from '../dist/core/org/session.js';
import { openOrgDb } from '../dist/core/store/database.js';
import { executeImport, prepareImport } from '../dist/core/import/run.js';
import { listRecordsFor } from '../dist/core/records/service.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const json = process.argv.includes('--json');
if (!existsSync(corpus)) {
  console.log('conformance: ../shared/corpus not found; skipped.');
  process.exit(0);
}

const CONTACT_FILE = /\.(csv|tsv|txt|vcf|xlsx|xls)$/i;
const NOT_CONTACTS = /(^|\/)(LICENSE|.*license|MANIFEST\.tsv)/i;
function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (CONTACT_FILE.test(name) && !NOT_CONTACTS.test(name)) yield path;
  }
}

const work = mkdtempSync(join(tmpdir(), 'crmctl-conformance-'));
const CHEAP = { N: 1024, r: 8, p: 1 }; // the org is throwaway; password cost is irrelevant here
const results = [];
let failures = 0;
for (const path of walk(corpus)) {
  const file = relative(corpus, path);
  const db = openOrgDb(':memory:');
  await initOrg(db, { company: 'Conformance', admin: 'admin', locale: 'de-DE' }, { cost: CHEAP });
  const session = sessionFor(db);
  const out = join(work, file.replaceAll('/', '__'));
  try {
    const prepared = await prepareImport(session, { file: path, object: 'contact', successFile: `${out}.success.csv`, errorsFile: `${out}.errors.csv` });
    const result = await executeImport(session, prepared, work);
    const row = { file, source: result.source + (result.language ? ` (${result.language})` : ''), encoding: result.encoding ?? '', rows: result.rows, imported: result.inserted + result.updated, rejected: result.rejected, reasons: result.rejectedByCode, crash: null };
    if (result.inserted + result.updated + result.skipped + result.rejected !== result.rows) {
      row.crash = 'rows not accounted for';
      failures++;
    }
    if (file === 'tine20/importtest_outlook2013.csv') {
      const contacts = listRecordsFor(session, 'Contact');
      const accounts = listRecordsFor(session, 'Account');
      const missing = [];
      if (result.source !== 'outlook' || result.language !== 'de') missing.push(`detected ${result.source}/${result.language}`);
      for (const c of contacts) {
        if (!c.FirstName || !c.LastName) missing.push(`name of ${c.Id}`);
        if (!c.Email) missing.push(`e-mail of ${c.LastName}`);
        if (!c.Phone && !c.MobilePhone) missing.push(`phone of ${c.LastName}`);
        if (!c.AccountId) missing.push(`company of ${c.LastName}`);
      }
      if (contacts.length === 0 || accounts.length === 0) missing.push('no contacts or accounts');
      row.check = missing.length === 0 ? 'German Outlook: names, company, phones, e-mails mapped' : `German Outlook check FAILED: ${missing.join(', ')}`;
      if (missing.length > 0) failures++;
    }
    results.push(row);
  } catch (error) {
    const refused = error?.name === 'CrmError' || error?.code !== undefined && typeof error?.hint === 'string';
    results.push({ file, source: '', encoding: '', rows: 0, imported: 0, rejected: 0, reasons: {}, crash: refused ? null : String(error?.stack ?? error), refused: refused ? `${error.code}: ${error.message}` : undefined });
    if (!refused) failures++;
  } finally {
    db.close();
  }
}

rmSync(work, { recursive: true, force: true });

if (json) {
  console.log(JSON.stringify({ files: results.length, failures, results }, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n).slice(0, n);
  console.log(`${pad('file', 58)} ${pad('source', 14)} ${pad('encoding', 12)} ${'rows'.padStart(5)} ${'ok'.padStart(5)} ${'rej'.padStart(5)}  notes`);
  for (const r of results) {
    const notes = r.crash ? `CRASH ${r.crash.split('\n')[0]}` : r.refused ? `refused: ${r.refused}` : [r.check, Object.entries(r.reasons).map(([k, v]) => `${k}×${v}`).join(' ')].filter(Boolean).join('; ');
    console.log(`${pad(r.file, 58)} ${pad(r.source, 14)} ${pad(r.encoding, 12)} ${String(r.rows).padStart(5)} ${String(r.imported).padStart(5)} ${String(r.rejected).padStart(5)}  ${notes}`);
  }
  const totals = results.reduce((t, r) => ({ rows: t.rows + r.rows, imported: t.imported + r.imported, rejected: t.rejected + r.rejected }), { rows: 0, imported: 0, rejected: 0 });
  console.log(`\n${results.length} files, ${totals.rows} rows: ${totals.imported} imported, ${totals.rejected} rejected (with reasons); ${results.filter((r) => r.refused).length} files refused with a clear error; ${failures} failure(s).`);
}
process.exit(failures > 0 ? 1 : 0);
