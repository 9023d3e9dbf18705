/**
 * Duplicate search split by blocking key, for record sets too large for one process: every
 * candidate pair shares a blocking key, so blocks can be scored anywhere (worker threads, a
 * Spark or Flink task, a SQL engine's group) and the results combined. The same functions run
 * in each place; {@link findDuplicates} is the single-process run they reproduce.
 */
import { blockingKeys, DEFAULT_BLOCKING_RULES, type BlockingRule } from './blocking.js';
import { compareFeatures } from './compare.js';
import { combineDuplicatePairs, duplicatePair, type DuplicatePair } from './duplicates.js';
import { matchFeatures, type MatchFeatures, type MatchablePatient, type PhoneticCache } from './features.js';
import {
  DEFAULT_MATCH_PARAMETERS,
  matchWeight,
  type MatchParameters,
  type MatchThresholds,
} from './fellegiSunter.js';

/** Options of {@link scoreBlock}: the same meaning as in `findDuplicates`. */
export interface BlockScoringOptions {
  /** m/u parameters (default the defaults; estimate once on a sample, then pass them to every block). */
  readonly parameters?: MatchParameters;
  /** Decision thresholds on the match weight (defaults: match 10, review 0). */
  readonly thresholds?: MatchThresholds;
  /** A block larger than this is skipped (default 1000, as in `findDuplicates`). */
  readonly maxBlockSize?: number;
}

/**
 * Scores every pair of records within one block (records sharing a blocking key): the pairs at
 * or above the review threshold, ids in code-unit order, highest weight first. A pair found in
 * several blocks comes out the same in each; {@link combineDuplicatePairs} keeps it once.
 *
 * @param block - the records holding one blocking key
 * @param options - parameters, thresholds, block size cap
 * @returns the scored pairs (empty for a block over `maxBlockSize`); never fails
 * @example
 * // The records that share one blocking key, as a partition holds them.
 * const block = patients.filter((p) => blockingKeys(p).includes('B|19800304'));
 * const pairs = scoreBlock(block, { thresholds: { match: 10, review: 0 } });
 */
export const scoreBlock = (
  block: readonly MatchablePatient[],
  options: BlockScoringOptions = {},
): DuplicatePair[] => {
  if (block.length > (options.maxBlockSize ?? 1000)) return [];
  const parameters = options.parameters ?? DEFAULT_MATCH_PARAMETERS;
  const review = options.thresholds?.review ?? 0;
  const cache: PhoneticCache = new Map();
  const features = block.map((p) => matchFeatures(p, cache));
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < features.length; i++)
    for (let j = i + 1; j < features.length; j++) {
      const c = compareFeatures(features[i] as MatchFeatures, features[j] as MatchFeatures);
      if (matchWeight(c, parameters) >= review)
        pairs.push(duplicatePair(c, parameters, options.thresholds ?? {}));
    }
  return combineDuplicatePairs([pairs]);
};

/**
 * The partition (0 to `partitions - 1`) a blocking key goes to: a 32-bit FNV-1a hash of the
 * key, so every process sends a key to the same place without talking to the others.
 *
 * @param key - a blocking key from {@link blockingKeys}
 * @param partitions - number of partitions (at least 1)
 * @returns the partition index
 * @example
 * partitionOfKey('B|19800304', 4); // the same number on every machine
 */
export const partitionOfKey = (key: string, partitions: number): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % Math.max(1, Math.floor(partitions));
};

/**
 * Splits records into partitions of blocks: each record goes, once per blocking key it holds,
 * to the partition of that key. A record with several keys lands in several partitions; that is
 * what lets each partition score its blocks alone. The in-process form of a shuffle by key.
 *
 * @param patients - the records
 * @param partitions - number of partitions
 * @param rules - blocking rules (default {@link DEFAULT_BLOCKING_RULES})
 * @returns for each partition, its blocks: key → records, keys in first-seen order
 * @example
 * const parts = partitionBlocks(patients, 4);
 * const pairs = combineDuplicatePairs(parts.flatMap((blocks) => [...blocks.values()].map((b) => scoreBlock(b))));
 */
export const partitionBlocks = (
  patients: readonly MatchablePatient[],
  partitions: number,
  rules: readonly BlockingRule[] = DEFAULT_BLOCKING_RULES,
): Map<string, MatchablePatient[]>[] => {
  const parts = Array.from(
    { length: Math.max(1, Math.floor(partitions)) },
    () => new Map<string, MatchablePatient[]>(),
  );
  const cache: PhoneticCache = new Map();
  for (const p of patients) {
    // One record can hold the same key twice (two phones alike): it joins the block once.
    for (const key of new Set(blockingKeys(matchFeatures(p, cache), rules))) {
      const blocks = parts[partitionOfKey(key, parts.length)] as Map<string, MatchablePatient[]>;
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, [p]);
      else block.push(p);
    }
  }
  return parts;
};
