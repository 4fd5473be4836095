#!/usr/bin/env node
/**
 * End-to-end duplicate accuracy on data the matching engine was not tuned on: ~1,500 people
 * written as three exports (Outlook CSV, Google CSV, vCard 3.0) in different languages and
 * spellings, imported with the real binary, then `dupes find contact` scored against the truth
 * on duplicate pairs, `dupes merge contact --all` scored on "one record per person", and every
 * merge undone to check the org comes back exactly. Needs `npm run build`.
 *   node bench/dedup/exports-eval.mjs [--people 1500] [--seed 2026]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../lib/prng.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const PEOPLE = opt('people', 1500);
const SEED = opt('seed', 2026);

const rnd = prng(SEED);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const chance = (p) => rnd() < p;
const digits = (n) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

// Country → first names, last names, city, phone formats (international, local), company forms.
const COUNTRIES = {
  Latvia: { first: ['Jānis', 'Anna', 'Pēteris', 'Līga', 'Mārtiņš', 'Ilze', 'Andris', 'Kristīne', 'Edgars', 'Inese', 'Raimonds', 'Dace', 'Gints', 'Zane', 'Aigars', 'Baiba', 'Uldis', 'Sanita', 'Valdis', 'Evija'], last: ['Bērziņš', 'Kalniņa', 'Ozoliņš', 'Liepa', 'Krūmiņš', 'Zariņa', 'Vītols', 'Eglīte', 'Jansons', 'Ozola', 'Pētersons', 'Kārkliņa', 'Balodis', 'Siliņa', 'Lapiņš', 'Zvaigzne', 'Dzenis', 'Vilks', 'Kociņa', 'Strazds'], city: 'Rīga', intl: () => `+371 2${digits(7)}`, local: (n) => n.replace('+371 ', ''), suffix: ['SIA', 'AS'] },
  Finland: { first: ['Mikko', 'Päivi', 'Juha', 'Aino', 'Matti', 'Sari', 'Eero', 'Tiina', 'Jukka', 'Minna', 'Timo', 'Hanna', 'Pekka', 'Satu', 'Antti', 'Leena', 'Ville', 'Johanna', 'Kari', 'Riikka'], last: ['Virtanen', 'Mäkelä', 'Korhonen', 'Nieminen', 'Hämäläinen', 'Laine', 'Järvinen', 'Heikkinen', 'Koskinen', 'Lehtonen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Kinnunen', 'Salonen', 'Turunen', 'Salo', 'Laitinen', 'Tuominen'], city: 'Helsinki', intl: () => `+358 40 ${digits(7)}`, local: (n) => '0' + n.replace('+358 ', ''), suffix: ['Oy', 'Oyj'] },
  Iceland: { first: ['Guðrún', 'Jón', 'Sigríður', 'Ólafur', 'Helga', 'Einar', 'Kristín', 'Sigurður', 'Anna', 'Gunnar', 'Margrét', 'Magnús', 'Katrín', 'Stefán', 'Ragnheiður', 'Þórður'], last: ['Þórsdóttir', 'Jónsson', 'Sigurðsson', 'Guðmundsdóttir', 'Ólafsson', 'Einarsdóttir', 'Kristjánsson', 'Magnúsdóttir', 'Stefánsson', 'Gunnarsdóttir', 'Björnsson', 'Árnadóttir', 'Pálsson', 'Halldórsdóttir', 'Ragnarsson', 'Sveinsdóttir'], city: 'Reykjavík', intl: () => `+354 ${6 + Math.floor(rnd() * 3)}${digits(6)}`, local: (n) => n.replace('+354 ', ''), suffix: ['ehf.', 'hf.'] },
  Portugal: { first: ['João', 'Maria', 'José', 'Ana', 'Rui', 'Inês', 'Tiago', 'Catarina', 'Miguel', 'Sofia', 'Pedro', 'Beatriz', 'Nuno', 'Marta', 'Luís', 'Rita'], last: ['Gonçalves', 'Silva', 'Santos', 'Ferreira', 'Pereira', 'Simões', 'Costa', 'Rodrigues', 'Martins', 'Fernandes', 'Lopes', 'Marques', 'Sousa', 'Carvalho', 'Teixeira', 'Moreira'], city: 'Lisboa', intl: () => `+351 91${digits(7)}`, local: (n) => n.replace('+351 ', ''), suffix: ['Lda.', 'S.A.'] },
  Brazil: { first: ['João', 'Mariana', 'Lucas', 'Beatriz', 'Rafael', 'Camila', 'Gabriel', 'Larissa', 'Felipe', 'Juliana', 'Gustavo', 'Fernanda', 'Bruno', 'Letícia', 'Thiago', 'Aline'], last: ['Oliveira', 'Souza', 'Lima', 'Carvalho', 'Ribeiro', 'Almeida', 'Araújo', 'Barbosa', 'Cardoso', 'Rocha', 'Dias', 'Nascimento', 'Moura', 'Cavalcanti', 'Batista', 'Freitas'], city: 'São Paulo', intl: () => `+55 11 9${digits(4)}-${digits(4)}`, local: (n) => n.replace('+55 11 ', '(11) '), suffix: ['Ltda.', 'S.A.'] },
  China: { first: ['伟', '芳', '娜', '敏', '静', '磊', '强', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超'], last: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'], city: '上海', intl: () => `+86 138 ${digits(4)} ${digits(4)}`, local: (n) => n.replace('+86 ', '0'), suffix: ['有限公司'] },
  Germany: { first: ['Jürgen', 'Katharina', 'Michael', 'Sabine', 'Stefan', 'Ursula', 'Thomas', 'Andrea', 'Wolfgang', 'Monika', 'Klaus', 'Petra', 'Frank', 'Claudia', 'Dieter', 'Birgit'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weiß', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann'], city: 'München', intl: () => `+49 89 ${digits(7)}`, local: (n) => '0' + n.replace('+49 ', ''), suffix: ['GmbH', 'AG'] },
  'United States': { first: ['Robert', 'William', 'Elizabeth', 'Katherine', 'Michael', 'Jennifer', 'James', 'Margaret', 'David', 'Susan', 'Richard', 'Karen', 'Joseph', 'Nancy', 'Thomas', 'Lisa', 'Charles', 'Betty', 'Daniel', 'Sandra'], last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson'], city: 'New York', intl: () => `+1 212 ${2 + Math.floor(rnd() * 7)}${digits(2)} ${digits(4)}`, local: (n) => n.replace('+1 212 ', '(212) ').replace(/ (\d{4})$/, '-$1'), suffix: ['Inc.', 'LLC', 'Corp.'] },
};
const NICK = { Robert: 'Bob', William: 'Bill', Elizabeth: 'Liz', Katherine: 'Kate', Michael: 'Mike', James: 'Jim', Margaret: 'Peggy', Jennifer: 'Jenny', José: 'Zé', Katharina: 'Kathi', Jürgen: 'Jürgi' };
const COMPANY_WORDS = ['Nord', 'Baltic', 'Aurora', 'Sol', 'Atlas', 'Vega', 'Orion', 'Polar', 'Delta', 'Terra', 'Lumen', 'Fjord', 'Atlantic', 'Pioneer', 'Summit'];
const fold = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/Þ/g, 'Th').replace(/þ/g, 'th').replace(/ð/g, 'd').replace(/Ð/g, 'D');
const ascii = (s) => fold(s).toLowerCase().replace(/[^a-z0-9]/g, '');

// People, with look-alikes: colleagues sharing a surname and company, and common names at other companies.
const people = [];
const companies = [];
const usedEmails = new Set();
const usedLocals = new Set();
const PINYIN = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo'];
for (let i = 0; i < PEOPLE; i++) {
  const countryName = pick(Object.keys(COUNTRIES));
  const c = COUNTRIES[countryName];
  let company;
  if (companies.length > 20 && chance(0.5)) company = pick(companies.filter((x) => x.country === countryName).concat(companies.slice(-5)));
  if (!company) {
    company = { base: `${pick(COMPANY_WORDS)} ${pick(COMPANY_WORDS)}${chance(0.3) ? ' ' + pick(['Trading', 'Logistics', 'Systems', 'Foods']) : ''}`, suffix: pick(c.suffix), country: countryName };
    companies.push(company);
  }
  const colleague = chance(0.08) && people.length > 0 ? people[people.length - 1] : null;
  const last = colleague && colleague.country === countryName ? colleague.last : pick(c.last);
  const first = pick(c.first);
  // Addresses are unique per person, as mailboxes are: a second Anna Ozola at a firm gets anna.ozola2@.
  let local = countryName === 'China' ? `${PINYIN[c.last.indexOf(last)] ?? 'x'}.${i}` : `${ascii(first)}.${ascii(last)}`;
  const domain = `${ascii(company.base)}.example`;
  for (let n = 2; usedEmails.has(`${local}@${domain}`) || usedLocals.has(local); n++) local = local.replace(/\d*$/, String(n));
  usedEmails.add(`${local}@${domain}`);
  usedLocals.add(local);
  const email = `${local}@${domain}`;
  people.push({ id: i, country: countryName, first, last, email, phone: c.intl(), company, city: c.city, title: pick(['CEO', 'Sales Manager', 'Buyer', 'CTO', 'Head of Purchasing']) });
}

function variant(p) {
  const c = COUNTRIES[p.country];
  let first = p.first;
  let last = p.last;
  if (NICK[first] && chance(0.3)) first = NICK[first];
  if (chance(0.25)) {
    first = fold(first);
    last = fold(last);
  }
  if (chance(0.06) && last.length > 4) {
    const k = 1 + Math.floor(rnd() * (last.length - 2));
    last = last.slice(0, k) + last[k + 1] + last[k] + last.slice(k + 2);
  }
  const company = chance(0.5) ? `${p.company.base} ${p.company.suffix}` : chance(0.5) ? p.company.base.toUpperCase() : `${p.company.base}, ${p.company.suffix}`;
  return {
    first,
    last,
    email: chance(0.2) ? '' : chance(0.2) ? p.email.toUpperCase() : p.email,
    phone: chance(0.15) ? '' : chance(0.5) ? c.local(p.phone) : p.phone,
    company,
    city: chance(0.2) ? '' : p.city,
    country: p.country,
    title: p.title,
  };
}

const OUTLOOK = ['First Name', 'Last Name', 'Company', 'Job Title', 'Business City', 'Business Country/Region', 'Business Phone', 'E-mail Address', 'E-mail Type', 'E-mail Display Name', 'Birthday', 'Gender', 'Priority', 'Private', 'Sensitivity', 'Notes'];
const GOOGLE = ['First Name', 'Last Name', 'Organization Name', 'Organization Title', 'E-mail 1 - Label', 'E-mail 1 - Value', 'Phone 1 - Label', 'Phone 1 - Value', 'Address 1 - City', 'Address 1 - Country', 'Labels'];
const q = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const exports = { outlook: [], google: [], vcard: [] };
for (const p of people) {
  const where = ['outlook', 'google', 'vcard'].filter((_, k) => chance([0.7, 0.6, 0.5][k]));
  if (where.length === 0) where.push(pick(['outlook', 'google', 'vcard']));
  for (const w of where) exports[w].push({ person: p.id, ...variant(p) });
}
const dir = mkdtempSync(join(tmpdir(), 'crmctl-dedup-e2e-'));
writeFileSync(
  join(dir, 'outlook.csv'),
  '\uFEFF' + [OUTLOOK.join(','), ...exports.outlook.map((r) => [r.first, r.last, r.company, r.title, r.city, r.country, r.phone, r.email, r.email ? 'SMTP' : '', r.email ? `${r.first} ${r.last} (${r.email})` : '', '0/0/00', 'Unspecified', 'Normal', 'False', 'Normal', ''].map(q).join(','))].join('\r\n') + '\r\n',
);
writeFileSync(
  join(dir, 'google.csv'),
  [GOOGLE.join(','), ...exports.google.map((r) => [r.first, r.last, r.company, r.title, r.email ? '* Work' : '', r.email, r.phone ? 'Mobile' : '', r.phone, r.city, r.country, '* myContacts'].map(q).join(','))].join('\n') + '\n',
);
const esc = (s) => s.replace(/[\\;,]/g, (m) => '\\' + m);
writeFileSync(
  join(dir, 'contacts.vcf'),
  exports.vcard
    .map((r) =>
      ['BEGIN:VCARD', 'VERSION:3.0', `N:${esc(r.last)};${esc(r.first)};;;`, `FN:${esc(r.first)} ${esc(r.last)}`, `ORG:${esc(r.company)}`, `TITLE:${esc(r.title)}`, r.email && `EMAIL;TYPE=INTERNET,WORK:${r.email}`, r.phone && `TEL;TYPE=CELL:${r.phone}`, `ADR;TYPE=WORK:;;;${esc(r.city)};;;${esc(r.country)}`, 'END:VCARD']
        .filter(Boolean)
        .join('\r\n'),
    )
    .join('\r\n') + '\r\n',
);

const bin = join(root, 'bin', 'crmctl');
const crm = (...a) => {
  const r = spawnSync(process.execPath, [bin, '--db', join(dir, 'org.db'), ...a], { encoding: 'utf8', cwd: dir, maxBuffer: 256 << 20 });
  if (r.status !== 0 && r.status !== 3) throw new Error(`crmctl ${a.join(' ')} → ${r.status}: ${r.stderr}`);
  return r.stdout;
};
crm('init', '--company', 'Evaluation', '--admin', 'admin', '--locale', 'en-US');

// Import each export; its success file maps each data row to the record created.
const personOf = new Map();
for (const [file, kind] of [['outlook.csv', 'outlook'], ['google.csv', 'google'], ['contacts.vcf', 'vcard']]) {
  const summary = JSON.parse(crm('import', file, '--object', 'contact', '--json', '--yes'));
  const lines = readFileSync(summary.successFile, 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [row, id, action] = line.split(',');
    if (action === 'inserted') personOf.set(id, exports[kind][Number(row) - 1].person);
  }
  console.error(`imported ${file}: ${summary.inserted} inserted, ${summary.rejected} rejected, source ${summary.source}`);
}

function pairScores(groups) {
  const counts = new Map();
  for (const p of personOf.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  let truePairs = 0;
  for (const c of counts.values()) truePairs += (c * (c - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  for (const g of groups) {
    predicted += (g.length * (g.length - 1)) / 2;
    const by = new Map();
    for (const id of g) by.set(personOf.get(id), (by.get(personOf.get(id)) ?? 0) + 1);
    for (const c of by.values()) correct += (c * (c - 1)) / 2;
  }
  const precision = predicted ? correct / predicted : 1;
  const recall = truePairs ? correct / truePairs : 1;
  return { records: personOf.size, people: counts.size, truePairs, predicted, correct, precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

const started = Date.now();
const found = JSON.parse(crm('dupes', 'find', 'contact', '--json'));
const find = { ...pairScores(found.groups.map((g) => g.ids)), seconds: (Date.now() - started) / 1000 };
if (args.includes('--debug')) {
  const all = JSON.parse(crm('record', 'list', 'contact', '--json')).records;
  const byId = new Map(all.map((r) => [r.Id, r]));
  let shown = 0;
  for (const g of found.groups) {
    if (new Set(g.ids.map((id) => personOf.get(id))).size === 1 || shown++ > 12) continue;
    console.error(`FALSE GROUP score ${g.score.toFixed(2)}: ${g.reasons.join('; ')}`);
    for (const id of g.ids) {
      const r = byId.get(id);
      console.error(`   person ${personOf.get(id)}: ${r.FirstName} ${r.LastName} <${r.Email}> ${r.Phone ?? ''} ${r.MobilePhone ?? ''} ${r.MailingCity ?? ''}`);
    }
  }
}

const before = crm('record', 'list', 'contact', '--json');
const merged = JSON.parse(crm('dupes', 'merge', 'contact', '--all', '--yes', '--json', '--no-backup'));
const survivors = JSON.parse(crm('record', 'list', 'contact', '--json')).records;
// After merging, each person should be exactly one record, and no record should stand for two people.
const mergedInto = new Map(survivors.map((s) => [s.Id, new Set([personOf.get(s.Id)])]));
for (const plan of merged.plans) for (const loser of plan.mergedIds) mergedInto.get(plan.masterId).add(personOf.get(loser));
const recordsPerPerson = new Map();
for (const [, persons] of mergedInto) for (const p of persons) recordsPerPerson.set(p, (recordsPerPerson.get(p) ?? 0) + 1);
const clean = [...mergedInto.values()].filter((s) => s.size === 1).length;
const onePerPerson = [...recordsPerPerson.values()].filter((n) => n === 1).length;
const merge = {
  records: survivors.length,
  people: recordsPerPerson.size,
  survivorsWithOnePerson: clean / survivors.length,
  peopleWithOneRecord: onePerPerson / recordsPerPerson.size,
};

// Undo every merge, newest first: the org must be exactly as before.
for (const m of JSON.parse(crm('merge', 'list', '--json')).merges) crm('merge', 'undo', m.merge);
const after = crm('record', 'list', 'contact', '--json');
const strip = (json) => JSON.stringify(JSON.parse(json).records.map(({ LastModifiedDate, LastModifiedById, ...r }) => r));
const undoExact = strip(after) === strip(before);
rmSync(dir, { recursive: true, force: true });

const pct = (x) => (x * 100).toFixed(1) + '%';
console.log(`dedup on three exports of ${PEOPLE} people (Outlook CSV, Google CSV, vCard; seed ${SEED})`);
console.log(`  dupes find:  ${find.records} records of ${find.people} people, ${find.truePairs} true pairs; precision ${find.precision.toFixed(3)}, recall ${find.recall.toFixed(3)}, F1 ${find.f1.toFixed(3)}  (target ≥ 0.95 / ≥ 0.90)  ${find.seconds.toFixed(1)}s`);
console.log(`  merge --all: ${merge.records} records left for ${merge.people} people; ${pct(merge.peopleWithOneRecord)} of people have exactly one record, ${pct(merge.survivorsWithOnePerson)} of records hold one person`);
console.log(`  merge undo:  every merge undone → org ${undoExact ? 'exactly as before' : 'DIFFERENT from before'}`);
if (args.includes('--json')) console.log(JSON.stringify({ find, merge, undoExact }));
process.exit(undoExact ? 0 : 1);
