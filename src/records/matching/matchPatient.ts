/**
 * Registration-time matching: "does this patient already exist?" against a prebuilt index.
 */
import { buildBlocks, blockingKeys, DEFAULT_BLOCKING_RULES, type BlockingRule } from './blocking.js';
import { compareFeatures } from './compare.js';
import { matchFeatures, type MatchFeatures, type MatchablePatient, type PhoneticCache } from './features.js';
import {
  DEFAULT_MATCH_PARAMETERS,
  matchWeight,
  scoreMatch,
  type MatchParameters,
  type MatchScore,
  type MatchThresholds,
} from './fellegiSunter.js';

/** Options of {@link buildPatientIndex}. */
export interface PatientIndexOptions {
  /** m/u parameters used by `matchPatient` (default {@link DEFAULT_MATCH_PARAMETERS}). */
  readonly parameters?: MatchParameters;
  /** Blocking rules (default {@link DEFAULT_BLOCKING_RULES}). */
  readonly blocking?: readonly BlockingRule[];
  /** Blocks larger than this are not searched (default 2000). */
  readonly maxBlockSize?: number;
}

/** A searchable index of existing patients: their features and blocks. Build once, query often. */
export interface PatientIndex {
  /** Number of indexed records. */
  readonly size: number;
  /** Features, by position. */
  readonly features: readonly MatchFeatures[];
  /** Blocking key held by one record → its position. */
  readonly singles: ReadonlyMap<string, number>;
  /** Blocking key held by several records → their positions. */
  readonly blocks: ReadonlyMap<string, readonly number[]>;
  /** Rules used to build the blocks. */
  readonly blocking: readonly BlockingRule[];
  /** Parameters used for scoring. */
  readonly parameters: MatchParameters;
  /** Largest block searched. */
  readonly maxBlockSize: number;
}

/**
 * Builds a matching index over existing patients (features computed once, records grouped by
 * blocking key). The index is a plain value; rebuild it (or build a new one) when records change.
 *
 * @param patients - existing records
 * @param options - parameters, blocking rules, block size cap
 * @returns the index
 * @example
 * const index = buildPatientIndex(existingPatients);
 * matchPatient(walkIn, index);
 */
export const buildPatientIndex = (
  patients: readonly MatchablePatient[],
  options: PatientIndexOptions = {},
): PatientIndex => {
  const cache: PhoneticCache = new Map();
  const features = patients.map((p) => matchFeatures(p, cache));
  const blocking = options.blocking ?? DEFAULT_BLOCKING_RULES;
  const { singles, blocks } = buildBlocks(features, blocking);
  return {
    size: features.length,
    features,
    singles,
    blocks,
    blocking,
    parameters: options.parameters ?? DEFAULT_MATCH_PARAMETERS,
    maxBlockSize: options.maxBlockSize ?? 2000,
  };
};

/** An existing patient that may be the candidate, with the evidence. */
export interface PatientMatch extends MatchScore {
  /** Id of the existing record. */
  readonly patientId: string;
}

/** Options of {@link matchPatient}. */
export interface MatchPatientOptions {
  /** Decision thresholds (defaults: match 10, review 0). Results below `review` are left out. */
  readonly thresholds?: MatchThresholds;
  /** Most results returned (default 5). */
  readonly limit?: number;
}

/**
 * Finds existing patients that may be the same person as a candidate (a walk-in being
 * registered). Only records sharing a blocking key with the candidate are compared; each is
 * scored with the index's Fellegi-Sunter parameters. Results at or above the review threshold
 * come back best first, with per-field evidence and never-merge guards (a twin or a Jr/Sr is
 * reported as `non-match` with its guard only when it scores above the review threshold, so the
 * desk sees why). An empty list means "register as new".
 *
 * @param candidate - the incoming record (its id may be a temporary one)
 * @param index - from {@link buildPatientIndex}
 * @param options - thresholds and result limit
 * @returns matches, best first; never fails
 * @example
 * const index = buildPatientIndex(patients);
 * const [best] = matchPatient(walkIn, index);
 * if (best?.decision === 'match') console.log('existing chart', best.patientId);
 */
export const matchPatient = (
  candidate: MatchablePatient,
  index: PatientIndex,
  options: MatchPatientOptions = {},
): readonly PatientMatch[] => {
  const f = matchFeatures(candidate);
  const seen = new Set<number>();
  const review = options.thresholds?.review ?? 0;
  const hits: PatientMatch[] = [];
  const visit = (i: number): void => {
    if (seen.has(i)) return;
    seen.add(i);
    const other = index.features[i] as MatchFeatures;
    const comparison = compareFeatures(f, other);
    if (matchWeight(comparison, index.parameters) < review) return;
    hits.push({ patientId: other.id, ...scoreMatch(comparison, index.parameters, options.thresholds ?? {}) });
  };
  for (const key of blockingKeys(f, index.blocking)) {
    const single = index.singles.get(key);
    if (single !== undefined) visit(single);
    const members = index.blocks.get(key);
    if (members !== undefined && members.length <= index.maxBlockSize) members.forEach((i) => visit(i));
  }
  return hits.sort((x, y) => y.weight - x.weight).slice(0, options.limit ?? 5);
};
