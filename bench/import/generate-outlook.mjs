// Writes N rows of a desktop-Outlook (English, 92 columns, Windows-1252, CRLF) contact export.
// Deterministic (seeded) so runs compare like with like. Usage: node generate-outlook.mjs <file> <rows>
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import { OUTLOOK_EN } from '../../dist/core/import/sources/outlook.js';
import { prng } from '../lib/prng.mjs';

const HEADERS = OUTLOOK_EN.map(([h]) => h);
const col = (name) => HEADERS.indexOf(name);


const FIRST = ['Anna', 'Jānis', 'Päivi', 'Guðrún', 'João', 'Jürgen', 'Chloé', 'Robert', 'María', 'Søren', 'Mikko', 'Inês', 'Liam', 'Olivia', 'Noah', 'Emma', 'Zoë', 'François'];
const LAST = ['Smith', 'Bērziņš', 'Mäkelä', 'Þórsdóttir', 'Gonçalves', 'Müller', 'Dubois', 'García', 'Jensen', 'Virtanen', 'Silva', 'Johnson', 'Brown', 'Öhman', "O'Neill", 'van der Berg'];
const COMPANY = ['Acme Inc.', 'Müller GmbH', 'Rīgas Ūdens SIA', 'Äänekosken Paperi Oy', 'Construções São João Ltda.', 'Café “Zürich” AG', 'Globex Corporation', 'Initech LLC'];
// Local and international formats as people type them; all valid numbers for their country.
const CITY = [
  ['Rīga', 'Latvia', () => `67 ${d(3)} ${d(3)}`, 'LV-1010'],
  ['Helsinki', 'Finland', () => `09 ${d(3)} ${d(4)}`, '00100'],
  ['São Paulo', 'Brazil', () => `(11) 3${d(3)}-${d(4)}`, '01310-100'],
  ['München', 'Germany', () => `+49 89 ${d(7)}`, '80331'],
  ['New York', 'United States', () => `(212) ${2 + Math.floor(rnd() * 7)}${d(2)}-${d(4)}`, '10001'],
  ['Reykjavík', 'Iceland', () => `+354 55${d(1)} ${d(4)}`, '101'],
];
let rnd;
let d;

export function outlookRows(count, seed = 42) {
  rnd = prng(seed);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  d = digits;
  let i = 0;
  return {
    next() {
      if (i >= count) return undefined;
      i++;
      const row = new Array(HEADERS.length).fill('');
      const first = pick(FIRST);
      const last = pick(LAST);
      const [city, country, phone, zip] = pick(CITY);
      row[col('First Name')] = first;
      row[col('Last Name')] = last;
      row[col('Company')] = pick(COMPANY);
      row[col('Job Title')] = rnd() < 0.5 ? 'Sales Manager' : 'Purchasing';
      row[col('Business Street')] = `${Math.floor(rnd() * 200) + 1} Main Street`;
      row[col('Business City')] = city;
      row[col('Business Postal Code')] = zip;
      row[col('Business Country/Region')] = country;
      row[col('Business Phone')] = phone();
      if (rnd() < 0.6) row[col('Mobile Phone')] = '+44 7400 ' + digits(6);
      const email = `${first}.${last}.${i}@example.com`.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/[' ]/g, '').toLowerCase();
      row[col('E-mail Address')] = email;
      row[col('E-mail Type')] = 'SMTP';
      row[col('E-mail Display Name')] = `${first} ${last} (${email})`;
      row[col('Birthday')] = rnd() < 0.7 ? '0/0/00' : `${1 + Math.floor(rnd() * 12)}/${1 + Math.floor(rnd() * 28)}/19${50 + Math.floor(rnd() * 50)}`;
      row[col('Anniversary')] = '0/0/00';
      row[col('Gender')] = 'Unspecified';
      row[col('Priority')] = 'Normal';
      row[col('Private')] = 'False';
      row[col('Sensitivity')] = 'Normal';
      if (rnd() < 0.1) row[col('Notes')] = 'Met at the fair.\r\nFollow up in “Q3” – €500 budget';
      return row;
    },
  };
}

const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export async function writeOutlookFile(file, count, seed = 42) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(iconv.encode(text, 'windows-1252')) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write(HEADERS.map(quote).join(',') + '\r\n');
  const rows = outlookRows(count, seed);
  let chunk = [];
  for (let row = rows.next(); row; row = rows.next()) {
    chunk.push(row.map(quote).join(','));
    if (chunk.length === 2000) {
      await write(chunk.join('\r\n') + '\r\n');
      chunk = [];
    }
  }
  if (chunk.length) await write(chunk.join('\r\n') + '\r\n');
  await new Promise((resolve) => out.end(resolve));
  return HEADERS;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeOutlookFile(process.argv[2], Number(process.argv[3] ?? 1000));
}
