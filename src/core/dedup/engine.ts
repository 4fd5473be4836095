/**
 * The generic matching engine: blocking, pair scoring and grouping, for any
 * MatchModel (person.ts, account.ts).
 *
 * Blocking. Every record gets up to `keySlots` blocking keys. Keys are hashed
 * (FNV-1a) and packed with the record index into one Float64Array that is
 * sorted once; a run of equal hashes is a block. A hash collision only merges
 * two blocks (a few extra comparisons), never loses a pair. A pair is scored in
 * the first fully compared block it shares, so each pair is scored once.
 * A block larger than `maxBlockSize` is split by the model's split keys (given
 * name, surname sound, city...) and, if still too large, skipped and reported.
 *
 * Grouping. Pairs at or above the threshold are merged greedily, best pair
 * first, with average linkage: two groups join only if the mean probability
 * over ALL their cross pairs (scored now if blocking never met them) reaches the
 * threshold, and no cross pair is a clear contradiction (below MIN_LINK).
 * So A~B and B~C cannot pull a clearly different A and C together, as plain
 * connected components (transitive closure) would, while a true group whose
 * members share different fields (A and C agree on little, each agrees with B)
 * still forms. A higher floor (0.01-0.05) split real groups on FEBRL and the
 * generated books and bought no precision. Everything is ordered by id with stable
 * tie-breaks, so the result does not depend on input order.
 */
import { CrmError } from '../errors.js';
import type { Features, KeySink, MatchModel } from './model.js';
import { probability } from './model.js';
import type { DuplicateGroup, MatchCandidate, MatchPair, Matcher, MatcherStats, SkippedBlock } from './types.js';

const INDEX_BITS = 22;
const INDEX_SPACE = 2 ** INDEX_BITS;
/** Packing a 31-bit hash and the record index into a double's 53 bits limits one run to 4,194,304 records. */
export const MAX_RECORDS = INDEX_SPACE;
/** Average linkage costs |A|·|B| comparisons per merge; no real duplicate group is this large. */
const MAX_GROUP_SIZE = 60;
/** A cross pair this unlikely is a contradiction (different birth dates, names and more): never one group. */
const MIN_LINK = 0.001;
/** candidatesFor looks at no more records than this for one query. */
const MAX_QUERY_CANDIDATES = 20_000;

export interface EngineOptions {
  threshold: number;
  maxBlockSize: number;
}

const FNV_OFFSET = 0x811c9dc5;
const SEPARATOR = 124; // '|'

function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function finish(h: number): number {
  const folded = (h >>> 1) & 0x7fffffff;
  return folded === 0 ? 1 : folded;
}

/** 31-bit FNV-1a of "kind|a|b", computed without building the string. */
function keyHash(kind: string, a: string, b: string | undefined): number {
  let h = fnv(FNV_OFFSET, kind);
  h = Math.imul(h ^ SEPARATOR, 0x01000193);
  h = fnv(h, a);
  if (b !== undefined) {
    h = Math.imul(h ^ SEPARATOR, 0x01000193);
    h = fnv(h, b);
  }
  return finish(h);
}

/** Collects key hashes (for blocking and look-ups) or key texts (for reports). */
class KeyCollector implements KeySink {
  readonly hashes: number[] = [];
  readonly texts: string[] | null;
  constructor(withTexts: boolean) {
    this.texts = withTexts ? [] : null;
  }
  add(kind: string, a: string, b?: string): void {
    this.hashes.push(keyHash(kind, a, b));
    this.texts?.push(b === undefined ? `${kind}|${a}` : `${kind}|${a}|${b}`);
  }
  reset(): void {
    this.hashes.length = 0;
    if (this.texts) this.texts.length = 0;
  }
}

export function createMatcher<R extends { id: string }, F extends Features>(
  model: MatchModel<R, F>,
  input: Iterable<R>,
  options: EngineOptions,
): Matcher<R> {
  const records = [...input];
  if (records.length > MAX_RECORDS) {
    throw new CrmError('USAGE', `Duplicate matching handles at most ${MAX_RECORDS} records at once, got ${records.length}.`, {
      hint: 'Try: match one country, owner or record type at a time.',
    });
  }
  // Id order makes every later step independent of the order records came in.
  records.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (let i = 1; i < records.length; i++) {
    if (records[i]!.id === records[i - 1]!.id) {
      throw new CrmError('USAGE', `Record id ${records[i]!.id} appears twice in the records to match.`, {
        hint: 'Try: pass each record once.',
      });
    }
  }
  const n = records.length;
  const features: F[] = records.map((r, i) => model.prepare(r, i));
  model.learn(features);
  const { threshold, maxBlockSize } = options;
  // The threshold as a log2 likelihood ratio, so the hot loop compares weights without exponentials.
  const thresholdWeight = Math.log2(threshold / (1 - threshold));
  const screen = model.weightAtLeast
    ? (x: F, y: F) => model.weightAtLeast!(x, y, thresholdWeight)
    : (x: F, y: F) => model.weight(x, y);
  const slots = model.keySlots;

  // ---- blocking keys ----
  // Each record's key hashes, ascending, so two records' shared keys are found by one merge walk.
  const slotHash = new Int32Array(n * slots);
  const slotCount = new Uint8Array(n);
  const collector = new KeyCollector(false);
  let entryCount = 0;
  for (let i = 0; i < n; i++) {
    collector.reset();
    model.blockingKeys(features[i]!, collector);
    const keyHashes = collector.hashes;
    const base = i * slots;
    let used = 0;
    for (let k = 0; k < keyHashes.length && used < slots; k++) {
      const h = keyHashes[k]!;
      let at = used;
      while (at > 0 && slotHash[base + at - 1]! > h) at--;
      if (at > 0 && slotHash[base + at - 1] === h) continue;
      for (let m = used; m > at; m--) slotHash[base + m] = slotHash[base + m - 1]!;
      slotHash[base + at] = h;
      used++;
    }
    slotCount[i] = used;
    entryCount += used;
  }
  const entries = new Float64Array(entryCount);
  for (let i = 0, e = 0; i < n; i++) {
    for (let s = 0; s < slotCount[i]!; s++) entries[e++] = slotHash[i * slots + s]! * INDEX_SPACE + i;
  }
  entries.sort();

  let lastStats: MatcherStats = { records: n, blocks: 0, comparisons: 0, matches: 0, skippedBlocks: [] };
  let groupsCache: DuplicateGroup[] | null = null;

  const probabilityOf = (i: number, j: number) => probability(model.weight(features[i]!, features[j]!));

  function keyText(record: number, h: number): string {
    const keys = new KeyCollector(true);
    model.blockingKeys(features[record]!, keys);
    const at = keys.hashes.indexOf(h);
    return at >= 0 ? keys.texts![at]! : `#${h}`;
  }

  function findGroups(): DuplicateGroup[] {
    if (groupsCache) return groupsCache;
    // fullBlock[i*slots+s] = 1 once the block of record i's slot s has been compared in full.
    const fullBlock = new Uint8Array(n * slots);
    const edgeKeys: number[] = [];
    const skipped: SkippedBlock[] = [];
    let comparisons = 0;
    let blocks = 0;

    // Whether i and j share a block before h that was compared in full (then they were scored there).
    const sharesEarlierBlock = (i: number, j: number, h: number): boolean => {
      const bi = i * slots;
      const bj = j * slots;
      const ei = bi + slotCount[i]!;
      const ej = bj + slotCount[j]!;
      let s = bi;
      let t = bj;
      while (s < ei && t < ej) {
        const hs = slotHash[s]!;
        if (hs >= h) return false;
        const ht = slotHash[t]!;
        if (hs === ht) {
          if (fullBlock[s] === 1) return true;
          s++;
          t++;
        } else if (hs < ht) s++;
        else t++;
      }
      return false;
    };

    const compareAll = (members: ArrayLike<number>, h: number) => {
      for (let x = 0; x < members.length; x++) {
        const i = members[x]!;
        const fi = features[i]!;
        for (let y = x + 1; y < members.length; y++) {
          const j = members[y]!;
          if (sharesEarlierBlock(i, j, h)) continue;
          comparisons++;
          if (screen(fi, features[j]!) >= thresholdWeight) edgeKeys.push(i * n + j);
        }
      }
    };

    const splitBuffer: string[] = [];
    model.splitKeys(features[0] ?? model.prepare({ id: '' } as R, -1), splitBuffer);
    const splitLevels = splitBuffer.length;
    const splitAndCompare = (members: number[], h: number, level: number, path: string) => {
      const groups = new Map<string, number[]>();
      for (const i of members) {
        splitBuffer.length = 0;
        model.splitKeys(features[i]!, splitBuffer);
        const key = splitBuffer[level] ?? '';
        const list = groups.get(key);
        if (list) list.push(i);
        else groups.set(key, [i]);
      }
      for (const [key, list] of [...groups].sort((x, y) => cmp(x[0], y[0]))) {
        if (list.length < 2) continue;
        const subPath = `${path}/${key || '?'}`;
        if (list.length <= maxBlockSize) compareAll(list, h);
        else if (level + 1 < splitLevels) splitAndCompare(list, h, level + 1, subPath);
        else skipped.push({ key: `${keyText(list[0]!, h)}${subPath}`, size: list.length });
      }
    };

    for (let start = 0; start < entries.length; ) {
      const h = Math.floor(entries[start]! / INDEX_SPACE);
      let end = start + 1;
      while (end < entries.length && Math.floor(entries[end]! / INDEX_SPACE) === h) end++;
      const size = end - start;
      if (size >= 2) {
        blocks++;
        const members = new Int32Array(size);
        for (let e = start; e < end; e++) members[e - start] = entries[e]! - h * INDEX_SPACE;
        if (size <= maxBlockSize) {
          compareAll(members, h);
          for (let m = 0; m < size; m++) {
            const base = members[m]! * slots;
            for (let s = 0; s < slotCount[members[m]!]!; s++) if (slotHash[base + s] === h) fullBlock[base + s] = 1;
          }
        } else {
          splitAndCompare([...members], h, 0, '');
        }
      }
      start = end;
    }

    // Split blocks may meet a pair twice; keep each pair once, in (a, b) order.
    const sortedKeys = Float64Array.from(edgeKeys).sort();
    const edgeA: number[] = [];
    const edgeB: number[] = [];
    const edgeP: number[] = [];
    for (let e = 0; e < sortedKeys.length; e++) {
      if (e > 0 && sortedKeys[e] === sortedKeys[e - 1]) continue;
      const key = sortedKeys[e]!;
      const a = Math.floor(key / n);
      const b = key - a * n;
      edgeA.push(a);
      edgeB.push(b);
      edgeP.push(probabilityOf(a, b));
    }
    const groups = cluster(edgeA, edgeB, edgeP);
    lastStats = { records: n, blocks, comparisons, matches: edgeA.length, skippedBlocks: skipped };
    groupsCache = groups;
    return groups;
  }

  function cluster(edgeA: number[], edgeB: number[], edgeP: number[]): DuplicateGroup[] {
    const order = Array.from(edgeA.keys()).sort((x, y) => edgeP[y]! - edgeP[x]! || edgeA[x]! - edgeA[y]! || edgeB[x]! - edgeB[y]!);
    const groupOf = new Int32Array(n).fill(-1);
    const members = new Map<number, number[]>();
    const membersOf = (i: number): number[] => {
      const g = groupOf[i]!;
      return g < 0 ? [i] : members.get(g)!;
    };
    for (const e of order) {
      const a = edgeA[e]!;
      const b = edgeB[e]!;
      const ga = groupOf[a]!;
      const gb = groupOf[b]!;
      if (ga >= 0 && ga === gb) continue;
      const left = membersOf(a);
      const right = membersOf(b);
      if (left.length + right.length > MAX_GROUP_SIZE) continue;
      let sum = 0;
      let min = 1;
      for (const x of left) {
        for (const y of right) {
          const p = probabilityOf(x, y);
          sum += p;
          if (p < min) min = p;
        }
      }
      if (sum / (left.length * right.length) < threshold || min < MIN_LINK) continue;
      const merged = [...left, ...right].sort((x, y) => x - y);
      const id = merged[0]!;
      if (ga >= 0) members.delete(ga);
      if (gb >= 0) members.delete(gb);
      members.set(id, merged);
      for (const m of merged) groupOf[m] = id;
    }
    const result: DuplicateGroup[] = [];
    for (const id of [...members.keys()].sort((x, y) => x - y)) result.push(describeGroup(members.get(id)!));
    return result;
  }

  /**
   * A group with its score now and its pairs and reasons on first access:
   * explaining every pair of a million-record run costs more than finding the
   * groups, and most callers look at a few groups. The properties are
   * enumerable getters, so JSON.stringify and spreading still see them.
   */
  function describeGroup(indexes: number[]): DuplicateGroup {
    let total = 0;
    let pairCount = 0;
    for (let x = 0; x < indexes.length; x++) {
      for (let y = x + 1; y < indexes.length; y++) {
        total += roundScore(probabilityOf(indexes[x]!, indexes[y]!));
        pairCount++;
      }
    }
    let explained: { pairs: MatchPair[]; reasons: string[] } | null = null;
    const explainAll = () => {
      if (explained) return explained;
      const list: Array<{ pair: MatchPair; reasons: string[] }> = [];
      for (let x = 0; x < indexes.length; x++) {
        for (let y = x + 1; y < indexes.length; y++) {
          const fa = features[indexes[x]!]!;
          const fb = features[indexes[y]!]!;
          const ex = model.explain(fa, fb);
          list.push({ pair: { a: fa.id, b: fb.id, score: roundScore(probability(ex.weight)), evidence: ex.evidence }, reasons: ex.reasons });
        }
      }
      list.sort((p, q) => q.pair.score - p.pair.score || cmp(p.pair.a, q.pair.a) || cmp(p.pair.b, q.pair.b));
      const reasons: string[] = [];
      const seen = new Set<string>();
      for (const item of list) {
        for (const r of item.reasons) {
          if (!seen.has(r)) {
            seen.add(r);
            reasons.push(r);
          }
        }
      }
      explained = { pairs: list.map((item) => item.pair), reasons: reasons.slice(0, 8) };
      return explained;
    };
    return {
      ids: indexes.map((i) => features[i]!.id),
      score: roundScore(total / pairCount),
      get reasons() {
        return explainAll().reasons;
      },
      get pairs() {
        return explainAll().pairs;
      },
    };
  }

  function candidatesFor(query: Partial<R>, limit = 10, minScore = threshold / 2): MatchCandidate[] {
    const probe = model.prepare({ ...query, id: query.id ?? '' } as R, -1);
    const keys = new KeyCollector(false);
    model.blockingKeys(probe, keys);
    const found = new Set<number>();
    for (const h of keys.hashes) {
      let lo = lowerBound(entries, h * INDEX_SPACE);
      const hi = lowerBound(entries, (h + 1) * INDEX_SPACE);
      for (; lo < hi && found.size < MAX_QUERY_CANDIDATES; lo++) found.add(entries[lo]! - h * INDEX_SPACE);
    }
    const scored: Array<{ index: number; p: number }> = [];
    for (const i of found) {
      if (query.id !== undefined && features[i]!.id === query.id) continue;
      const p = probability(model.weight(probe, features[i]!));
      if (p >= minScore) scored.push({ index: i, p });
    }
    scored.sort((x, y) => y.p - x.p || x.index - y.index);
    return scored.slice(0, limit).map(({ index }) => {
      const ex = model.explain(probe, features[index]!);
      return { id: features[index]!.id, score: roundScore(probability(ex.weight)), evidence: ex.evidence };
    });
  }

  function comparePair(a: R, b: R): MatchPair {
    const ex = model.explain(model.prepare(a, -1), model.prepare(b, -1));
    return { a: a.id, b: b.id, score: roundScore(probability(ex.weight)), evidence: ex.evidence };
  }

  return {
    findGroups,
    candidatesFor,
    comparePair,
    stats: () => lastStats,
  };
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function roundScore(p: number): number {
  return Math.round(p * 10000) / 10000;
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
