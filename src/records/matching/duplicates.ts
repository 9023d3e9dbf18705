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
  /** Pairs at or above the review threshold, by weight, highest first, then by ids. */
  readonly pairs: readonly DuplicatePair[];
  /**
   * Groups of ids linked by `match` pairs (transitively), each of 2 or more and in code-unit
   * order, largest first, then by first id (the same order on every host locale).
   */
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
 * const features = patients.map((p) => matchFeatures(p));
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
 * const features = patients.map((p) => matchFeatures(p));
 * const { blocks } = buildBlocks(features, DEFAULT_BLOCKING_RULES);
 * forEachCandidatePair(blocks, features.length, 1000, (i, j) => console.log(i, j));
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

/** Code-unit order: the same on every host, unlike `localeCompare` with the host's locale. */
const byCodeUnit = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Orders pairs by weight, highest first, then by ids, so that the order is the same whatever
 * order the pairs were found in.
 */
const byWeightThenIds = (x: DuplicatePair, y: DuplicatePair): number =>
  y.weight - x.weight || byCodeUnit(x.a, y.a) || byCodeUnit(x.b, y.b);

/**
 * Scores one compared pair as a {@link DuplicatePair}, its ids in code-unit order (the
 * comparison is symmetric, so the order of the records does not matter).
 *
 * @param comparison - the pair's comparison
 * @param parameters - m/u parameters
 * @param thresholds - decision thresholds
 * @returns the scored pair
 * @example
 * duplicatePair(comparePatients(p1, p2), DEFAULT_MATCH_PARAMETERS, {}).decision; // 'match'
 */
export const duplicatePair = (
  comparison: PatientComparison,
  parameters: MatchParameters,
  thresholds: MatchThresholds,
): DuplicatePair => {
  const [a, b] = comparison.a <= comparison.b ? [comparison.a, comparison.b] : [comparison.b, comparison.a];
  return { a, b, ...scoreMatch(comparison, parameters, thresholds) };
};

/**
 * Groups record ids into clusters: lists of ids that share an id are joined, transitively.
 * Each cluster's ids are in code-unit order; clusters come largest first, then by first id.
 * Independent of the host locale and of the order of the input.
 *
 * @param groups - lists of ids (pairs, or clusters found in separate partitions)
 * @returns the clusters of two or more ids
 * @example
 * mergeClusters([[['a', 'b']], [['b', 'c'], ['x', 'y']]]); // [['a', 'b', 'c'], ['x', 'y']]
 */
export const mergeClusters = (groups: readonly (readonly (readonly string[])[])[]): string[][] => {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    // Path compression: point every id on the way straight at the root.
    for (let y = x, p = parent.get(y); p !== undefined && p !== r; y = p, p = parent.get(y)) parent.set(y, r);
    return r;
  };
  for (const list of groups)
    for (const ids of list)
      for (const id of ids) {
        if (!parent.has(id)) parent.set(id, id);
        const first = ids[0] as string;
        const ra = find(first);
        const rb = find(id);
        // The smaller id becomes the root, so the result does not depend on the order of joins.
        if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
      }
  const clusters = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const members = clusters.get(root) ?? [];
    members.push(id);
    clusters.set(root, members);
  }
  return [...clusters.values()]
    .filter((c) => c.length > 1)
    .map((c) => c.sort(byCodeUnit))
    .sort((x, y) => y.length - x.length || byCodeUnit(x[0] as string, y[0] as string));
};

/**
 * The clusters of `match` pairs: ids joined transitively by pairs decided `match` (a guarded
 * pair, never `match`, joins nothing), in the order of {@link mergeClusters}.
 *
 * @param pairs - scored pairs
 * @returns the clusters of two or more ids
 * @example
 * clusterMatches(findDuplicates(patients).pairs); // [['pat-014', 'pat-203'], ...]
 */
export const clusterMatches = (pairs: readonly DuplicatePair[]): string[][] =>
  mergeClusters([pairs.filter((p) => p.decision === 'match').map((p) => [p.a, p.b])]);

/**
 * Combines the pairs found in separate blocks or partitions: each pair once (a pair sharing
 * several blocking keys is found in each), in the order of {@link findDuplicates} (weight, then
 * ids).
 *
 * @param lists - pairs from each block or partition
 * @returns the distinct pairs, highest weight first
 * @example
 * // Two partitions scored apart (on two workers, say), then combined.
 * combineDuplicatePairs([scoreBlock(patients.slice(0, 500)), scoreBlock(patients.slice(500))]);
 */
export const combineDuplicatePairs = (lists: readonly (readonly DuplicatePair[])[]): DuplicatePair[] => {
  const seen = new Map<string, DuplicatePair>();
  for (const list of lists) for (const p of list) seen.set(`${p.a}\u0000${p.b}`, p);
  return [...seen.values()].sort(byWeightThenIds);
};

/**
 * Finds duplicate records in a set of patients.
 *
 * Records are grouped by the blocking rules (a union; blocks over `maxBlockSize` are skipped),
 * each distinct candidate pair is compared ({@link comparePatients}) and weighed
 * ({@link scoreMatch}); pairs at or above the review threshold are returned with their per-field
 * evidence, and `match` pairs are joined transitively into clusters. Pairs with a guard (twins,
 * different Jr/Sr: `non-match`; household, identifier conflict: at most `review`) are never
 * `match` and never join a cluster. Pairs and clusters come in an order that depends neither on
 * the input order nor on the host locale, so the same run split by blocking key over partitions
 * ({@link scoreBlock}, {@link combineDuplicatePairs}, {@link mergeClusters}) gives the same report. With `parameters: 'estimate'`, u
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
  const { blocks } = buildBlocks(features, options.blocking ?? DEFAULT_BLOCKING_RULES);
  const maxBlockSize = options.maxBlockSize ?? 1000;
  const review = options.thresholds?.review ?? 0;
  // With fixed parameters, pairs below the review threshold are dropped at once (memory stays
  // small on large runs); estimation needs every candidate pair.
  const fixed =
    options.parameters === 'estimate' ? undefined : (options.parameters ?? DEFAULT_MATCH_PARAMETERS);
  const compared: PatientComparison[] = [];
  const stats = forEachCandidatePair(blocks, features.length, maxBlockSize, (i, j) => {
    const c = compareFeatures(features[i] as MatchFeatures, features[j] as MatchFeatures);
    if (fixed === undefined || matchWeight(c, fixed) >= review) compared.push(c);
  });
  const parameters =
    fixed ??
    estimateMatchParameters(
      compared,
      sampleRandomPairs(features, options.randomPairs ?? 20_000, options.seed ?? 1),
    );
  const pairs = compared
    .filter((c) => matchWeight(c, parameters) >= review)
    .map((c) => duplicatePair(c, parameters, options.thresholds ?? {}))
    .sort(byWeightThenIds);
  return { pairs, clusters: clusterMatches(pairs), parameters, stats };
};
