/**
 * Duplicate detection within a set of patients: blocking, Fellegi-Sunter scoring, clusters.
 */
import { compareFeatures, type PatientComparison } from './compare.js';
import { buildBlocks, DEFAULT_BLOCKING_RULES, type BlockingRule } from './blocking.js';
import { matchFeatures, type MatchFeatures, type MatchablePatient, type PhoneticCache } from './features.js';
import {
  DEFAULT_MATCH_PARAMETERS,
  estimateMatchParameters,
  matchWeight,
  scoreMatch,
  type MatchParameters,
  type MatchScore,
  type MatchThresholds,
} from './fellegiSunter.js';

/** Options of {@link findDuplicates}. */
export interface FindDuplicatesOptions {
  /** m/u parameters, or `'estimate'` to fit them with EM on these records (default: the defaults). */
  readonly parameters?: MatchParameters | 'estimate';
  /** Decision thresholds on the match weight (defaults: match 10, review 0). */
  readonly thresholds?: MatchThresholds;
  /** Blocking rules (default {@link DEFAULT_BLOCKING_RULES}). */
  readonly blocking?: readonly BlockingRule[];
  /** Blocks larger than this are skipped, and counted in the stats (default 1000). */
  readonly maxBlockSize?: number;
  /** Random pairs sampled for u when estimating (default 20,000). */
  readonly randomPairs?: number;
  /** Seed of the pair sampler (default 1): same seed, same result. */
  readonly seed?: number;
}

/** A pair of records at or above the review threshold, with its explanation. */
export interface DuplicatePair extends MatchScore {
  /** Id of one record. */
  readonly a: string;
  /** Id of the other. */
  readonly b: string;
}

/** The result of a duplicate search. */
export interface DuplicateReport {
  /** Pairs at or above the review threshold, by weight, highest first. */
  readonly pairs: readonly DuplicatePair[];
  /** Groups of ids linked by `match` pairs (transitively), each of 2 or more, largest first. */
  readonly clusters: readonly (readonly string[])[];
  /** The parameters used (estimated ones when asked). */
  readonly parameters: MatchParameters;
  /** Work done. */
  readonly stats: {
    /** Distinct pairs compared. */
    readonly candidatePairs: number;
    /** Blocks skipped for exceeding `maxBlockSize`. */
    readonly skippedBlocks: number;
  };
}

/**
 * Deterministic pseudo-random numbers (mulberry32), so that sampling is pure given a seed.
 *
 * @param seed - any 32-bit integer
 * @returns a function returning numbers in [0, 1)
 * @example
 * const next = seededRandom(1); next(); // same value on every run
 */
export const seededRandom = (seed: number): (() => number) => {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/**
 * Compares `count` random pairs of distinct records (for estimating u).
 *
 * @param features - the records' features
 * @param count - pairs to draw
 * @param seed - sampler seed
 * @returns their comparisons
 * @example
 * sampleRandomPairs(features, 20_000, 1).length; // 20000
 */
export const sampleRandomPairs = (
  features: readonly MatchFeatures[],
  count: number,
  seed: number,
): PatientComparison[] => {
  const out: PatientComparison[] = [];
  if (features.length < 2) return out;
  const next = seededRandom(seed);
  while (out.length < count) {
    const i = Math.floor(next() * features.length);
    const j = Math.floor(next() * features.length);
    if (i !== j) out.push(compareFeatures(features[i] as MatchFeatures, features[j] as MatchFeatures));
  }
  return out;
};

/**
 * Visits each distinct candidate pair (i < j) once across all blocks.
 *
 * @param blocks - key → record indexes
 * @param n - number of records
 * @param maxBlockSize - larger blocks are skipped
 * @param visit - called with each pair
 * @returns pairs visited and blocks skipped
 * @example
 * forEachCandidatePair(blocks, features.length, 1000, (i, j) => { ... });
 */
export const forEachCandidatePair = (
  blocks: ReadonlyMap<string, readonly number[]>,
  n: number,
  maxBlockSize: number,
  visit: (i: number, j: number) => void,
): { readonly candidatePairs: number; readonly skippedBlocks: number } => {
  const seen = new Set<number>();
  let skippedBlocks = 0;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = Math.min(members[x] as number, members[y] as number);
        const j = Math.max(members[x] as number, members[y] as number);
        const key = i * n + j;
        if (seen.has(key)) continue;
        seen.add(key);
        visit(i, j);
      }
    }
  }
  return { candidatePairs: seen.size, skippedBlocks };
};

const clustersOf = (
  n: number,
  links: readonly (readonly [number, number])[],
  ids: readonly string[],
): string[][] => {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) [parent[x], x] = [r, parent[x] as number];
    return r;
  };
  for (const [i, j] of links) parent[find(i)] = find(j);
  const groups = new Map<number, string[]>();
  for (const [i, j] of links)
    for (const k of [i, j]) {
      const root = find(k);
      const g = groups.get(root) ?? [];
      if (!g.includes(ids[k] as string)) g.push(ids[k] as string);
      groups.set(root, g);
    }
  return [...groups.values()].sort(
    (x, y) => y.length - x.length || (x[0] as string).localeCompare(y[0] as string),
  );
};

/**
 * Finds duplicate records in a set of patients.
 *
 * Records are grouped by the blocking rules (a union; blocks over `maxBlockSize` are skipped),
 * each distinct candidate pair is compared ({@link comparePatients}) and weighed
 * ({@link scoreMatch}); pairs at or above the review threshold are returned with their per-field
 * evidence, and `match` pairs are joined transitively into clusters. Pairs with a guard (twins,
 * different Jr/Sr) are never `match` and never join a cluster. With `parameters: 'estimate'`, u
 * comes from seeded random pairs and m and λ from EM over the candidate pairs. Pure: the same
 * records and options give the same report.
 *
 * @param patients - the records (ids should be unique)
 * @param options - parameters, thresholds, blocking
 * @returns pairs with explanations, clusters, the parameters used and stats; never fails
 * @example
 * const report = findDuplicates(patients, { thresholds: { match: 12, review: 4 } });
 * report.clusters; // [['pat-014', 'pat-203'], ...]
 */
export const findDuplicates = (
  patients: readonly MatchablePatient[],
  options: FindDuplicatesOptions = {},
): DuplicateReport => {
  const cache: PhoneticCache = new Map();
  const features = patients.map((p) => matchFeatures(p, cache));
  const ids = features.map((f) => f.id);
  const { blocks } = buildBlocks(features, options.blocking ?? DEFAULT_BLOCKING_RULES);
  const maxBlockSize = options.maxBlockSize ?? 1000;
  let parameters: MatchParameters;
  let stats: DuplicateReport['stats'];
  const scored: { i: number; j: number; comparison: PatientComparison }[] = [];
  const review = options.thresholds?.review ?? 0;
  if (options.parameters === 'estimate') {
    const all: { i: number; j: number; comparison: PatientComparison }[] = [];
    stats = forEachCandidatePair(blocks, features.length, maxBlockSize, (i, j) =>
      all.push({
        i,
        j,
        comparison: compareFeatures(features[i] as MatchFeatures, features[j] as MatchFeatures),
      }),
    );
    const random = sampleRandomPairs(features, options.randomPairs ?? 20_000, options.seed ?? 1);
    parameters = estimateMatchParameters(
      all.map((p) => p.comparison),
      random,
    );
    for (const p of all) if (matchWeight(p.comparison, parameters) >= review) scored.push(p);
  } else {
    parameters = options.parameters ?? DEFAULT_MATCH_PARAMETERS;
    const params = parameters;
    stats = forEachCandidatePair(blocks, features.length, maxBlockSize, (i, j) => {
      const comparison = compareFeatures(features[i] as MatchFeatures, features[j] as MatchFeatures);
      if (matchWeight(comparison, params) >= review) scored.push({ i, j, comparison });
    });
  }
  const pairs = scored
    .map(({ comparison }) => ({
      a: comparison.a,
      b: comparison.b,
      ...scoreMatch(comparison, parameters, options.thresholds ?? {}),
    }))
    .sort((x, y) => y.weight - x.weight);
  const links = scored
    .filter(
      ({ comparison }) => scoreMatch(comparison, parameters, options.thresholds ?? {}).decision === 'match',
    )
    .map(({ i, j }) => [i, j] as const);
  return { pairs, clusters: clustersOf(features.length, links, ids), parameters, stats };
};
