#!/usr/bin/env node
/**
 * Duplicate-matching benchmark. Needs `npm run build` first (imports dist/).
 *
 *   node bench/dedup/run.mjs            quality on unseen generated people, speed at 100k, corpus table
 *   node bench/dedup/run.mjs --full     speed and quality at 1,000,000 contacts as well
 *   node bench/dedup/run.mjs --n 250000 --skip-corpus --skip-quality
 *
 * Quality is precision / recall / F1 on duplicate PAIRS (Christen & Goiser):
 * every pair inside a found group is a predicted pair. The generator's seeds
 * used for tuning the weights are 1 and 11; the "unseen" sets use other seeds.
 * Peak memory is the process's max RSS (getrusage, like /usr/bin/time -v).
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePeople } from '../data/generate-people.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const { buildMatcher, buildAccountMatcher } = await import(join(root, 'dist', 'core', 'dedup', 'index.js'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const mb = (bytes) => `${Math.round(bytes / 1048576)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/** Pair precision/recall/F1 of groups (arrays of record positions) against truth labels. */
export function pairQuality(groups, truthOf, allTruth) {
  const entityCounts = new Map();
  for (const t of allTruth) entityCounts.set(t, (entityCounts.get(t) ?? 0) + 1);
  let truePairs = 0;
  for (const c of entityCounts.values()) truePairs += (c * (c - 1)) / 2;
  let predicted = 0;
  let correct = 0;
  for (const g of groups) {
    predicted += (g.length * (g.length - 1)) / 2;
    const inGroup = new Map();
    for (const m of g) inGroup.set(truthOf(m), (inGroup.get(truthOf(m)) ?? 0) + 1);
    for (const c of inGroup.values()) correct += (c * (c - 1)) / 2;
  }
  const precision = predicted === 0 ? 1 : correct / predicted;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs, predicted, correct };
}

function evaluate(label, records, truth, { kind = 'person', threshold } = {}) {
  const truthById = new Map(records.map((r, i) => [r.id, truth[i]]));
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const matcher = kind === 'account' ? buildAccountMatcher(records, { threshold }) : buildMatcher(records, { threshold });
  const groups = matcher.findGroups();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const q = pairQuality(groups.map((g) => g.ids), (id) => truthById.get(id), truth);
  const stats = matcher.stats();
  return { label, records: records.length, ...q, seconds, cpuSeconds, comparisons: stats.comparisons, skipped: stats.skippedBlocks.length, matcher, groups };
}

const rows = [];
const fmt = (x) => x.toFixed(3);
function report(result) {
  rows.push(result);
  console.log(
    `${result.label.padEnd(34)} ${String(result.records).padStart(8)}  P ${fmt(result.precision)}  R ${fmt(result.recall)}  F1 ${fmt(result.f1)}  ` +
      `pairs ${result.correct}/${result.predicted} of ${result.truePairs}  ${result.seconds.toFixed(2)} s  ${result.comparisons} comparisons` +
      (result.skipped ? `  ${result.skipped} blocks skipped` : ''),
  );
}

// ---- 1. quality on unseen generated people ----
if (!flag('skip-quality')) {
  console.log('# generated address books, unseen seeds (several exports of the same ~1,500 people)');
  const seedList = args.includes('--seeds') ? args[args.indexOf('--seeds') + 1].split(',').map(Number) : [21, 22, 23];
  for (const seed of seedList) {
    const { records, truth, people } = generatePeople({ n: 3000, seed });
    report(evaluate(`generated seed ${seed} (${people} people)`, records, truth));
  }
}

// ---- 2. scale ----
if (!flag('skip-scale')) {
  const n = flag('full') ? 1_000_000 : option('n', 100_000);
  console.log(`\n# scale: ${n.toLocaleString('en')} contacts`);
  const g0 = process.hrtime.bigint();
  const { records, truth } = generatePeople({ n, seed: 5 });
  const genSeconds = Number(process.hrtime.bigint() - g0) / 1e9;
  const rssBefore = process.memoryUsage().rss;
  const result = evaluate(`generated ${n.toLocaleString('en')}`, records, truth);
  const rssAfter = process.memoryUsage().rss;
  report(result);
  console.log(`generation ${genSeconds.toFixed(1)} s (not counted); matching ${result.seconds.toFixed(1)} s wall, ${result.cpuSeconds.toFixed(1)} s CPU (all threads, GC included; wall above CPU means other processes had the cores); load average ${os.loadavg()[0].toFixed(1)}; RSS before ${mb(rssBefore)}, after ${mb(rssAfter)}, peak ${mb(peakRss())}`);
  console.log(`groups ${result.groups.length}, skipped blocks: ${result.matcher.stats().skippedBlocks.slice(0, 5).map((b) => `${b.key} (${b.size})`).join(', ') || 'none'}`);
  const limit = n >= 1_000_000 ? 60 : (60 * n) / 1_000_000;
  console.log(`time budget ${limit.toFixed(0)} s for ${n.toLocaleString('en')} (60 s per million): ${result.seconds <= limit ? 'OK' : 'OVER'}`);
}

// ---- 3. public record-linkage sets ----
const corpus = join(root, '..', 'shared', 'corpus');
if (!flag('skip-corpus') && existsSync(corpus)) {
  console.log('\n# public record-linkage sets (../shared/corpus)');
  const readCsv = (file) => {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const split = (line) => {
      const out = [];
      let cur = '';
      let quote = '';
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quote) {
          if (ch === quote) quote = '';
          else cur += ch;
        } else if ((ch === '"' || ch === "'") && cur.trim() === '') {
          quote = ch;
          cur = '';
        } else if (ch === ',') {
          out.push(cur.trim());
          cur = '';
        } else cur += ch;
      }
      out.push(cur.trim());
      return out;
    };
    const header = split(lines[0]);
    return lines.slice(1).map((l) => {
      const cells = split(l);
      const row = Object.create(null);
      header.forEach((h, i) => (row[h] = cells[i] ?? ''));
      return row;
    });
  };
  const febrl = (rows) => {
    // soc_sec_id is left out on purpose: a CRM has no national id.
    const records = rows.map((r) => ({
      id: r.rec_id, FirstName: r.given_name, LastName: r.surname,
      Street: [r.street_number, r.address_1, r.address_2].filter(Boolean).join(' '), City: r.suburb, PostalCode: r.postcode, Birthdate: r.date_of_birth,
    }));
    const truth = rows.map((r) => /rec-(\d+)/.exec(r.rec_id)[1]);
    return { records, truth };
  };
  for (const name of ['dataset1', 'dataset2', 'dataset3']) {
    const { records, truth } = febrl(readCsv(join(corpus, 'febrl', `${name}.csv`)));
    report(evaluate(`FEBRL ${name.replace('dataset', '')}`, records, truth));
  }
  {
    const a = febrl(readCsv(join(corpus, 'febrl', 'dataset4a.csv')));
    const b = febrl(readCsv(join(corpus, 'febrl', 'dataset4b.csv')));
    report(evaluate('FEBRL 4 (4a+4b deduplicated)', [...a.records, ...b.records], [...a.truth, ...b.truth]));
  }
  {
    const rows = readCsv(join(corpus, 'splink', 'fake_1000_from_splink_demos.csv'));
    const records = rows.map((r) => ({ id: `S${String(r.unique_id).padStart(4, '0')}`, FirstName: r.first_name, LastName: r.surname, Birthdate: r.dob, City: r.city, Email: r.email }));
    report(evaluate('splink fake_1000', records, rows.map((r) => r.cluster)));
  }
  {
    const rows = readCsv(join(corpus, 'dedupe', 'restaurant-nophone-training.csv'));
    const records = rows.map((r, i) => ({ id: `R${String(i).padStart(4, '0')}`, Name: r.name, BillingStreet: r.address, BillingCity: r.city }));
    report(evaluate('dedupe restaurant (account mode)', records, rows.map((r) => r.unique_id), { kind: 'account' }));
  }
}

console.log(`\npeak RSS ${mb(peakRss())}`);
