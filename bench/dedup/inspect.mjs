#!/usr/bin/env node
/**
 * Tuning aid: show false positives and missed duplicates on a generated set
 * (a TUNING seed, never the unseen ones the benchmark reports), with evidence.
 *
 *   node bench/dedup/inspect.mjs --seed 1 --n 3000 --show 15
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePeople } from '../data/generate-people.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { buildMatcher } = await import(join(root, 'dist', 'core', 'dedup', 'index.js'));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const { records, truth } = generatePeople({ n: option('n', 3000), seed: option('seed', 1) });
const byId = new Map(records.map((r, i) => [r.id, { r, t: truth[i] }]));
const matcher = buildMatcher(records);
const groups = matcher.findGroups();
const show = option('show', 10);
const brief = (r) => Object.entries(r).filter(([k, v]) => v && k !== 'id').map(([k, v]) => `${k}=${v}`).join(' | ');
const evidence = (pair) => pair.evidence.filter((e) => e.weight !== 0).map((e) => `${e.field}:${e.comparison}(${e.weight})`).join(' ');

const grouped = new Map();
groups.forEach((g, gi) => g.ids.forEach((id) => grouped.set(id, gi)));
let fp = 0;
console.log('## false positives');
for (const g of groups) {
  for (const p of g.pairs) {
    if (byId.get(p.a).t !== byId.get(p.b).t && fp++ < show) {
      console.log(`${p.score}\n  ${brief(byId.get(p.a).r)}\n  ${brief(byId.get(p.b).r)}\n  ${evidence(p)}`);
    }
  }
}
console.log(`total ${fp}\n## missed`);
const byTruth = new Map();
records.forEach((r, i) => byTruth.set(truth[i], [...(byTruth.get(truth[i]) ?? []), r]));
let fn = 0;
for (const list of byTruth.values()) {
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const ga = grouped.get(list[i].id);
      if (ga !== undefined && ga === grouped.get(list[j].id)) continue;
      if (fn++ < show) {
        const p = matcher.comparePair(list[i], list[j]);
        console.log(`${p.score}\n  ${brief(list[i])}\n  ${brief(list[j])}\n  ${evidence(p)}`);
      }
    }
  }
}
console.log(`total ${fn}`);
