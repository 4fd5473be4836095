// The floor for the import benchmark: the same file through iconv-lite + csv-parse, and the same
// mapped columns inserted with better-sqlite3 prepared statements in batched transactions.
// No mapping, cleaning, validation or duplicate checks. Usage: node floor.mjs <file> <db>
import { createReadStream } from 'node:fs';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

const [file, dbPath] = process.argv.slice(2);
const started = process.hrtime.bigint();
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const COLUMNS = ['First Name', 'Last Name', 'Company', 'Job Title', 'Business Street', 'Business City', 'Business Postal Code', 'Business Country/Region', 'Business Phone', 'Mobile Phone', 'E-mail Address', 'Birthday', 'Notes'];
db.exec(`CREATE TABLE contact (id INTEGER PRIMARY KEY, ${COLUMNS.map((_, i) => `c${i} TEXT`).join(', ')})`);
const insert = db.prepare(`INSERT INTO contact (${COLUMNS.map((_, i) => `c${i}`).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
const insertBatch = db.transaction((rows) => {
  for (const r of rows) insert.run(r);
});
const parser = createReadStream(file).pipe(iconv.decodeStream('windows-1252')).pipe(parse({ bom: true, relax_column_count: true, max_record_size: 8 << 20 }));
let header;
let indices;
let batch = [];
let rows = 0;
for await (const record of parser) {
  if (!header) {
    header = record;
    indices = COLUMNS.map((c) => header.indexOf(c));
    continue;
  }
  batch.push(indices.map((i) => (record[i] === '' ? null : record[i])));
  rows++;
  if (batch.length === 10000) {
    insertBatch(batch);
    batch = [];
  }
}
insertBatch(batch);
db.close();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ rows, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
