// Micro-benchmark of value cleaning (not a test): ns per call of cleanPhone, parseDate and
// standardizeCountry on 100k generated values, against a floor (trim + lower-case of the same
// strings) measured in the same run, so the ratios are comparable across machines.
// Usage: npm run build && node bench/clean.bench.mjs [count]
import { cleanPhone, phoneDigits } from '../dist/core/clean/phones.js';
import { parseDate, cleanDate } from '../dist/core/clean/dates.js';
import { standardizeCountry } from '../dist/core/clean/countries.js';
import { splitPersonName } from '../dist/core/clean/names.js';
import { companyKey } from '../dist/core/clean/company.js';

const COUNT = Number(process.argv[2] ?? 100_000);

// Deterministic generator so runs compare.
let seed = 0x2f6e2b1;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const digits = (n) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

// Distinct phone numbers in local and international styles (cache misses: the worst case).
const phoneMakers = [
  () => ['LV', `2${digits(1)} ${digits(3)} ${digits(3)}`],
  () => ['LV', `+371 6${digits(7)}`],
  () => ['FI', `040 ${digits(7)}`],
  () => ['DE', `030 ${digits(7)}`],
  () => ['DE', `+49 (0)89 ${digits(7)} Durchwahl ${digits(2)}`],
  () => ['BR', `(11) 9${digits(4)}-${digits(4)}`],
  () => ['US', `(212) 555-${digits(4)} x${digits(3)}`],
  () => ['IS', `${pick(['5', '8'])}${digits(2)} ${digits(4)}`],
  () => ['CN', `138 ${digits(4)} ${digits(4)}`],
  () => ['PT', `91${digits(1)} ${digits(3)} ${digits(3)}`],
];
const phones = Array.from({ length: COUNT }, () => pick(phoneMakers)());

const pad = (n) => String(n).padStart(2, '0');
const dateMakers = [
  () => [`${pad(1 + Math.floor(random() * 28))}.${pad(1 + Math.floor(random() * 12))}.${1940 + Math.floor(random() * 80)}`, 'DMY'],
  () => [`${1 + Math.floor(random() * 12)}/${1 + Math.floor(random() * 28)}/${1940 + Math.floor(random() * 80)}`, 'MDY'],
  () => [`${1940 + Math.floor(random() * 80)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`, 'YMD'],
  () => [`${1 + Math.floor(random() * 28)}. ${pick(['März', 'tammikuuta', 'marts', 'maio', 'January'])} ${1940 + Math.floor(random() * 80)}`, 'DMY'],
  () => ['0/0/00', 'MDY'],
];
const dates = Array.from({ length: COUNT }, () => pick(dateMakers)());

const countrySpellings = ['USA', 'United States', 'Deutschland', 'Latvija', 'Suomi', 'Ísland', 'Brasil', '中国', 'UK', 'England', 'France', 'Portugal', 'Sverige', 'lv', 'DEU', 'Atlantis'];
const countries = Array.from({ length: COUNT }, () => (random() < 0.1 ? `${pick(countrySpellings)} ` : pick(countrySpellings)));

const names = Array.from({ length: COUNT }, () => pick(['Dr. Hans-Peter van der Berg Jr.', 'Maria da Silva Santos', '王伟', 'Guðrún Þórsdóttir', 'Smith, John Paul', 'Kungs Jānis Bērziņš']) + (random() < 0.5 ? '' : ` ${digits(2)}`));
const companies = Array.from({ length: COUNT }, () => `${pick(['Acme', 'Rīgas Ūdens', 'Müller', 'Nokia', 'Natura'])} ${digits(3)} ${pick(['GmbH & Co. KG', 'SIA', 'Oyj', 'Ltda.', 'Inc.'])}`);

function measure(label, values, fn) {
  // Warm up on a slice so the JIT and lazy tables are ready, then time the whole set once.
  for (let i = 0; i < Math.min(2000, values.length); i++) fn(values[i]);
  const start = process.hrtime.bigint();
  let sink = 0;
  for (const value of values) sink += fn(value) ? 1 : 0;
  const ns = Number(process.hrtime.bigint() - start) / values.length;
  return { label, ns, sink };
}

const floor = measure('floor: trim+toLowerCase', phones, ([, raw]) => raw.trim().toLowerCase());
const results = [
  floor,
  measure('cleanPhone (distinct, uncached)', phones, ([country, raw]) => cleanPhone(raw, country).value),
  measure('cleanPhone (same values again, cached)', phones, ([country, raw]) => cleanPhone(raw, country).value),
  measure('phoneDigits (distinct)', phones, ([country, raw]) => phoneDigits(raw, country)),
  measure('parseDate (mixed formats)', dates, ([raw, order]) => parseDate(raw, order)),
  measure('cleanDate (mixed formats)', dates, ([raw, order]) => cleanDate(raw, order).value),
  measure('standardizeCountry', countries, (raw) => standardizeCountry(raw)),
  measure('splitPersonName', names, (raw) => splitPersonName(raw).LastName),
  measure('companyKey', companies, (raw) => companyKey(raw)),
];

console.log(`clean bench: ${COUNT} values each, Node ${process.version}`);
for (const { label, ns } of results) {
  console.log(`${label.padEnd(42)} ${ns.toFixed(0).padStart(7)} ns/op  ${(ns / floor.ns).toFixed(1).padStart(7)}× floor`);
}
