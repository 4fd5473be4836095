/**
 * What the generic engine (engine.ts) needs from a record kind. Person and
 * account matching differ only in these functions.
 */
import type { FieldEvidence } from './types.js';

export interface Features {
  /** Index of the record in id order; -1 for a query that is not in the data set. */
  index: number;
  id: string;
}

export interface Explanation {
  /** Total log2 likelihood ratio, prior included. */
  weight: number;
  evidence: FieldEvidence[];
  /** Human sentences for the agreeing fields, strongest first. */
  reasons: string[];
}

/**
 * Receives blocking keys. The engine hashes the parts as they come, so a
 * million records do not allocate ten million key strings.
 */
export interface KeySink {
  add(kind: string, a: string, b?: string): void;
}

export interface MatchModel<R, F extends Features> {
  /** Number of blocking-key slots per record (fixed, for typed arrays). */
  readonly keySlots: number;
  prepare(record: R, index: number): F;
  /** Term frequencies etc. from the whole data set, called once before any scoring. */
  learn(all: readonly F[]): void;
  /** Blocking keys of a record, at most `keySlots`: kind and parts, read as "kind|a|b" ("e|jd@x.com"). */
  blockingKeys(f: F, out: KeySink): void;
  /** Keys that split an oversized block, coarsest first; '' means "unknown" and keeps the record in the '' sub-block. */
  splitKeys(f: F, out: string[]): void;
  /** Total log2 likelihood ratio with the prior: the hot path, must not allocate. */
  weight(a: F, b: F): number;
  /** The weight, or any value below `cutoff` when the pair cannot reach it (lets a model stop early). */
  weightAtLeast?(a: F, b: F, cutoff: number): number;
  explain(a: F, b: F): Explanation;
}

/** log2 likelihood ratio to a probability. */
export function probability(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

/** Round a weight for display and JSON. */
export function roundWeight(weight: number): number {
  return Math.round(weight * 100) / 100;
}
