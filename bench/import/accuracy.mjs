#!/usr/bin/env node
/**
 * Import accuracy on exports written here from known people (no mapping files): German and
 * French desktop Outlook (Windows-1252), Google CSV, vCard 3.0, ACT! (tab, Latin-1, full-name
 * column) and a Portuguese semicolon CSV from Excel. Each file is imported with the real binary;
 * every row must be accounted for, and names, e-mails, phones, companies, cities and countries
 * are compared with the truth (target: ≥ 99% of rows right, one spelling per country).
 * Needs `npm run build`. Usage: node bench/import/accuracy.mjs [--people 400] [--seed 7]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { prng } from '../lib/prng.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const PEOPLE = opt('people', 400);
const rnd = prng(opt('seed', 7));
const pick = (a) => a[Math.floor(rnd() * a.length)];
const d = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

// Country: canonical English name, names in other languages as exports write them, people, phones (local, international).
const COUNTRIES = [
  { name: 'Germany', de: 'Deutschland', fr: 'Allemagne', pt: 'Alemanha', first: ['Jürgen', 'Katharina', 'Stefan', 'Sabine', 'Klaus'], last: ['Müller', 'Weiß', 'Schröder', 'Hoffmann', 'Groß'], cities: ['München', 'Köln', 'Düsseldorf'], phone: () => { const n = d(7); return { local: `089 ${n}`, intl: `+49 89 ${n}`, digits: `4989${n}` }; } },
  { name: 'France', de: 'Frankreich', fr: 'France', pt: 'França', first: ['Chloé', 'François', 'Hélène', 'Jérôme'], last: ['Dubois', 'Lefèvre', 'Moreau', 'Girard'], cities: ['Paris', 'Lyon', 'Besançon'], phone: () => { const n = d(8); return { local: `01 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6)}`, intl: `+33 1 ${n}`, digits: `331${n}` }; } },
  { name: 'Spain', de: 'Spanien', fr: 'Espagne', pt: 'Espanha', first: ['José', 'María', 'Ángel', 'Lucía'], last: ['García', 'Muñoz', 'Martínez', 'Peña'], cities: ['Madrid', 'Málaga', 'A Coruña'], phone: () => { const n = d(7); return { local: `91 ${n.slice(0, 3)} ${n.slice(3)}`, intl: `+34 91${n}`, digits: `3491${n}` }; } },
  { name: 'Finland', de: 'Finnland', fr: 'Finlande', pt: 'Finlândia', first: ['Päivi', 'Jukka', 'Sari', 'Eero'], last: ['Mäkelä', 'Hämäläinen', 'Järvinen', 'Virtanen'], cities: ['Helsinki', 'Jyväskylä', 'Tampere'], phone: () => { const n = d(7); return { local: `040 ${n}`, intl: `+358 40 ${n}`, digits: `35840${n}` }; } },
  { name: 'Iceland', de: 'Island', fr: 'Islande', pt: 'Islândia', first: ['Guðrún', 'Þórður', 'Sigríður', 'Ólafur'], last: ['Þórsdóttir', 'Guðmundsson', 'Ólafsdóttir', 'Sigurðsson'], cities: ['Reykjavík', 'Akureyri'], phone: () => { const n = d(4); const p = 550 + Math.floor(rnd() * 9); return { local: `${p} ${n}`, intl: `+354 ${p} ${n}`, digits: `354${p}${n}` }; } },
  { name: 'Portugal', de: 'Portugal', fr: 'Portugal', pt: 'Portugal', first: ['João', 'Inês', 'Gonçalo', 'Conceição'], last: ['Gonçalves', 'Simões', 'Magalhães', 'Conceição'], cities: ['Lisboa', 'Porto', 'Évora'], phone: () => { const n = d(7); return { local: `91${n.slice(0, 1)} ${n.slice(1, 4)} ${n.slice(4)}`, intl: `+351 91${n}`, digits: `35191${n}` }; } },
  { name: 'United States', de: 'Vereinigte Staaten', fr: 'États-Unis', pt: 'Estados Unidos', first: ['Robert', 'Jennifer', 'Michael', 'Karen'], last: ['Smith', "O'Brien", 'McDonald', 'Johnson'], cities: ['New York', 'Chicago'], phone: () => { const a = 2 + Math.floor(rnd() * 7); const n = d(6); return { local: `(212) ${a}${n.slice(0, 2)}-${n.slice(2)}`, intl: `+1 212 ${a}${n}`, digits: `1212${a}${n}` }; } },
  { name: 'Latvia', de: 'Lettland', fr: 'Lettonie', pt: 'Letónia', utf8Only: true, first: ['Jānis', 'Līga', 'Mārtiņš', 'Ilze'], last: ['Bērziņš', 'Kalniņa', 'Ozoliņš', 'Krūmiņa'], cities: ['Rīga', 'Liepāja'], phone: () => { const n = d(6); return { local: `29 ${n.slice(0, 3)} ${n.slice(3)}`, intl: `+371 29 ${n}`, digits: `37129${n}` }; } },
  { name: 'China', de: 'China', fr: 'Chine', pt: 'China', utf8Only: true, first: ['伟', '芳', '磊'], last: ['王', '李', '张'], cities: ['上海', '北京'], phone: () => { const n = d(8); return { local: `138 ${n.slice(0, 4)} ${n.slice(4)}`, intl: `+86 138 ${n.slice(0, 4)} ${n.slice(4)}`, digits: `86138${n}` }; } },
];
const WORDS = ['Nordlicht', 'Bären', 'Sól', 'Aurora', 'Vega', 'Fjörður', 'Estrela', 'Lumière'];
const FORMS = { Germany: 'GmbH', France: 'SARL', Spain: 'S.L.', Finland: 'Oy', Iceland: 'ehf.', Portugal: 'Lda.', 'United States': 'Inc.', Latvia: 'SIA', China: '有限公司' };
const ascii = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/[Þþ]/g, 'th').replace(/ð/g, 'd').toLowerCase().replace(/[^a-z]/g, '');
const people = Array.from({ length: PEOPLE }, (_, i) => {
  const c = pick(COUNTRIES);
  const first = pick(c.first);
  const last = pick(c.last);
  // Company names differ by more than their legal form: "Vega Sól Oy" and "Vega Sól SARL" are one company to the importer.
  // Every company is unique by name: at most three colleagues share one, in one country.
  const company = `${pick(WORDS)} ${pick(WORDS)} ${i} ${FORMS[c.name]}`;
  const email = c.name === 'China' ? `user${i}@example.cn` : `${ascii(first)}.${ascii(last)}.${i}@${ascii(company.split(' ')[0])}.example`;
  return { i, c, first, last, email, company, city: pick(c.cities), phone: c.phone(), mobile: rnd() < 0.5 ? c.phone() : null };
});
const cp1252 = (p) => !p.c.utf8Only;

const q = (v, sep = ',') => (v.includes('"') || v.includes(sep) || /[\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (headers, rows, sep = ',', eol = '\r\n') => [headers.map((h) => q(h, sep)).join(sep), ...rows.map((r) => r.map((v) => q(v ?? '', sep)).join(sep))].join(eol) + eol;

const files = [];
{
  const subset = people.filter(cp1252);
  const headers = ['Anrede', 'Vorname', 'Weitere Vornamen', 'Nachname', 'Suffix', 'Firma', 'Abteilung', 'Position', 'Straße geschäftlich', 'Ort geschäftlich', 'Postleitzahl geschäftlich', 'Land/Region geschäftlich', 'Telefon geschäftlich', 'Mobiltelefon', 'E-Mail-Adresse', 'E-Mail-Typ', 'E-Mail: Angezeigter Name', 'Geburtstag', 'Geschlecht', 'Notizen', 'Priorität', 'Privat', 'Vertraulichkeit'];
  const rows = subset.map((p) => ['', p.first, '', p.last, '', p.company, '', '', 'Hauptstraße 1', p.city, '80331', p.c.de, p.c.name === 'Germany' ? p.phone.local : p.phone.intl, p.mobile?.intl ?? '', p.email, 'SMTP', `${p.first} ${p.last} (${p.email})`, '0.0.00', 'Keine Angabe', '', 'Normal', 'Aus', 'Normal']);
  files.push({ name: 'outlook-de.csv', bytes: iconv.encode(csv(headers, rows), 'windows-1252'), people: subset });
}
{
  const subset = people.filter(cp1252);
  const headers = ['Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe', 'Société ', 'Service ', 'Titre', 'Rue (bureau)', 'Ville (bureau)', 'Code postal (bureau)', 'Pays/Région (bureau)', 'Téléphone (bureau)', 'Tél. mobile', 'Adresse de messagerie', 'Type de messagerie', "Nom complet de l'adresse de messagerie", 'Anniversaire', 'Sexe', 'Notes'];
  const rows = subset.map((p) => ['', p.first, '', p.last, '', p.company, '', 'Directeur', '1 rue de la Paix', p.city, '75002', p.c.fr, p.c.name === 'France' ? p.phone.local : p.phone.intl, p.mobile?.intl ?? '', p.email, 'SMTP', `${p.first} ${p.last} (${p.email})`, '0/0/00', 'Non spécifié', '']);
  files.push({ name: 'outlook-fr.csv', bytes: iconv.encode(csv(headers, rows), 'windows-1252'), people: subset });
}
{
  const headers = ['First Name', 'Middle Name', 'Last Name', 'Organization Name', 'Organization Title', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Phone 2 - Label', 'Phone 2 - Value', 'Address 1 - Label', 'Address 1 - City', 'Address 1 - Country', 'Labels'];
  const rows = people.map((p) => [p.first, '', p.last, p.company, '', '* Work', p.email, 'Work', p.phone.intl, p.mobile ? 'Mobile' : '', p.mobile?.intl ?? '', 'Work', p.city, p.c.name, '* myContacts']);
  files.push({ name: 'google.csv', bytes: Buffer.from(csv(headers, rows, ',', '\n')), people });
}
{
  const e = (s) => s.replace(/[\\;,]/g, (m) => '\\' + m);
  const cards = people.map((p) => ['BEGIN:VCARD', 'VERSION:3.0', `N:${e(p.last)};${e(p.first)};;;`, `FN:${e(p.first)} ${e(p.last)}`, `ORG:${e(p.company)}`, `EMAIL;TYPE=INTERNET,WORK:${p.email}`, `TEL;TYPE=WORK:${p.phone.intl}`, ...(p.mobile ? [`TEL;TYPE=CELL:${p.mobile.intl}`] : []), `ADR;TYPE=WORK:;;Street 1;${e(p.city)};;;${e(p.c.name)}`, 'END:VCARD'].join('\r\n'));
  files.push({ name: 'contacts.vcf', bytes: Buffer.from(cards.join('\r\n') + '\r\n'), people });
}
{
  const subset = people.filter((p) => cp1252(p) && p.c.name !== 'China');
  const headers = ['Contact', 'Company', 'Salutation', 'Title', 'Phone', 'Phone Ext-', 'Mobile Phone', 'E-mail', 'Address 1', 'City', 'State', 'ZIP Code', 'Country', 'ID/Status'];
  const rows = subset.map((p) => [`${p.first} ${p.last}`, p.company, '', '', p.phone.intl, '', p.mobile?.intl ?? '', p.email, 'Main St 1', p.city, '', '12345', p.c.name, 'Customer']);
  files.push({ name: 'act.txt', bytes: iconv.encode(csv(headers, rows, '\t'), 'latin1'), people: subset });
}
{
  const headers = ['Nome', 'Sobrenome', 'Empresa', 'Cidade', 'País', 'Telefone', 'Celular', 'E-mail'];
  const rows = people.map((p) => [p.first, p.last, p.company, p.city, p.c.pt, p.phone.intl, p.mobile?.intl ?? '', p.email]);
  files.push({ name: 'excel-pt.csv', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(headers, rows, ';'))]), people });
}

const dir = mkdtempSync(join(tmpdir(), 'crmctl-accuracy-'));
const bin = join(root, 'bin', 'crmctl');
const digitsOf = (s) => String(s ?? '').replace(/\D/g, '');
const results = [];
for (const file of files) {
  const db = join(dir, `${file.name}.db`);
  const crm = (...a) => spawnSync(process.execPath, [bin, '--db', db, ...a], { encoding: 'utf8', cwd: dir, maxBuffer: 64 << 20 });
  crm('init', '--company', 'Accuracy', '--admin', 'admin');
  writeFileSync(join(dir, file.name), file.bytes);
  const imported = crm('import', file.name, '--object', 'contact', '--json');
  const summary = JSON.parse(imported.stdout);
  const success = readFileSync(summary.successFile, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const errorRows = readFileSync(summary.errorsFile, 'utf8').trim().split(/\r?\n/).length - 1;
  const contacts = new Map(JSON.parse(crm('record', 'list', 'contact', '--json').stdout).records.map((r) => [r.Id, r]));
  const accounts = new Map(JSON.parse(crm('record', 'list', 'account', '--json').stdout).records.map((r) => [r.Id, r.Name]));
  const fieldErrors = { name: 0, email: 0, phone: 0, company: 0, city: 0, country: 0 };
  const examples = [];
  let rowsRight = 0;
  for (const [row, id] of success) {
    const p = file.people[Number(row) - 1];
    const c = contacts.get(id);
    const wrong = [];
    if (c.FirstName !== p.first || c.LastName !== p.last) wrong.push('name');
    if (String(c.Email).toLowerCase() !== p.email.toLowerCase()) wrong.push('email');
    if (!digitsOf(c.Phone).endsWith(p.phone.digits.slice(-7)) || (p.mobile && !digitsOf(c.MobilePhone).endsWith(p.mobile.digits.slice(-7)))) wrong.push('phone');
    if (accounts.get(c.AccountId) !== p.company) wrong.push('company');
    if (c.MailingCity !== p.city) wrong.push('city');
    if (c.MailingCountry !== p.c.name) wrong.push('country');
    for (const w of wrong) fieldErrors[w]++;
    if (wrong.length === 0) rowsRight++;
    else if (examples.length < 3) examples.push(`row ${row}: ${wrong.join(',')} — stored ${c.FirstName} ${c.LastName} <${c.Email}> ${c.Phone} ${c.MobilePhone ?? ''} ${accounts.get(c.AccountId)} ${c.MailingCity} ${c.MailingCountry}`);
  }
  const spellings = new Set([...contacts.values()].map((c) => c.MailingCountry));
  results.push({ file: file.name, source: summary.source + (summary.language ? `/${summary.language}` : ''), rows: file.people.length, accounted: success.length + errorRows === file.people.length && summary.rows === file.people.length, imported: success.length, rejected: summary.rejected, right: rowsRight / file.people.length, fieldErrors, countrySpellings: spellings.size, examples });
}
rmSync(dir, { recursive: true, force: true });

console.log(`import accuracy: ${PEOPLE} known people written as ${files.length} exports, imported with no mapping file`);
let worst = 1;
for (const r of results) {
  worst = Math.min(worst, r.right);
  console.log(`  ${r.file.padEnd(16)} ${r.source.padEnd(12)} rows ${String(r.rows).padStart(4)}  accounted ${r.accounted ? 'yes' : 'NO '}  rejected ${r.rejected}  right ${(r.right * 100).toFixed(1)}%  country spellings ${r.countrySpellings}  wrong: ${Object.entries(r.fieldErrors).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  for (const e of r.examples) console.log(`      ${e}`);
}
console.log(`  worst file: ${(worst * 100).toFixed(1)}% of rows right (target ≥ 99%)`);
