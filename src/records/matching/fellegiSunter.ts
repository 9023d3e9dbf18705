/**
 * Fellegi-Sunter match weights (records reference §2.1): each field level has m = P(level | match)
 * and u = P(level | non-match); its weight is log2(m / u); a pair's weight is the sum plus the
 * prior log2(λ / (1 - λ)); missing values weigh 0. Parameters are given or estimated with EM.
 */
import {
  DATE_LEVELS,
  FUZZY_LEVELS,
  MIDDLE_NAME_LEVELS,
  NAME_LEVELS,
  type ComparisonField,
  type MatchGuard,
  type PatientComparison,
} from './compare.js';

/** m and u of one comparison level. */
export interface LevelProbabilities {
  /** P(level | the records are the same person). */
  readonly m: number;
  /** P(level | the records are different people). */
  readonly u: number;
}

/** Fellegi-Sunter parameters: the prior match probability and m/u per field level. */
export interface MatchParameters {
  /** λ: prior probability that a compared pair is a match. */
  readonly prior: number;
  /** m and u for each level of each field (a field left out is ignored). */
  readonly fields: { readonly [F in ComparisonField]?: Readonly<Record<string, LevelProbabilities>> };
}

const LEVELS_OF: Readonly<Record<ComparisonField, readonly string[]>> = {
  given: NAME_LEVELS,
  family: NAME_LEVELS,
  birthDate: DATE_LEVELS,
  sex: ['exact', 'different'],
  street: FUZZY_LEVELS,
  city: FUZZY_LEVELS,
  state: ['exact', 'different'],
  postalCode: FUZZY_LEVELS,
  phone: FUZZY_LEVELS,
  email: FUZZY_LEVELS,
  ssn: FUZZY_LEVELS,
  ssnLast4: ['exact', 'different'],
  middleName: MIDDLE_NAME_LEVELS,
  previousFamily: ['exact', 'different'],
  mrn: ['exact', 'different'],
};

const table = (rows: readonly (readonly [string, number, number])[]): Record<string, LevelProbabilities> =>
  Object.fromEntries(rows.map(([level, m, u]) => [level, { m, u }]));

const NAME_TABLE = (exactU: number) =>
  table([
    ['exact', 0.86, exactU],
    ['nickname', 0.02, 0.001],
    ['previous-name', 0.01, 0.0005],
    ['swapped', 0.005, 0.00005],
    ['jw-0.92', 0.04, 0.002],
    ['jw-0.88', 0.015, 0.003],
    ['phonetic', 0.01, 0.004],
    ['jw-0.70', 0.02, 0.08],
    ['different', 0.02, 0.91],
  ]);

/**
 * Default parameters for US front-desk data, for a pair that passed blocking. m values follow
 * the error rates typical of registration data; u values are the chance that two different
 * people agree at that level (names ~1%, birth date 1 in ~20,000, street 1 in 10,000). Sources:
 * the weights learned on FEBRL 4 in the records reference §2.6 (DOB exact +11.7, postcode exact
 * +9.3, given exact +7.6) rounded, and Splink's comparison levels. Use `estimateMatchParameters`
 * to fit them to your own data.
 */
export const DEFAULT_MATCH_PARAMETERS: MatchParameters = {
  prior: 0.01,
  fields: {
    given: NAME_TABLE(0.006),
    family: NAME_TABLE(0.004),
    birthDate: table([
      ['exact', 0.88, 0.00005],
      ['day-month-swap', 0.01, 0.00002],
      ['one-edit', 0.06, 0.0015],
      ['same-year-month', 0.01, 0.001],
      ['within-year', 0.01, 0.03],
      ['different', 0.03, 0.96745],
    ]),
    sex: table([
      ['exact', 0.97, 0.5],
      ['different', 0.03, 0.5],
    ]),
    street: table([
      ['exact', 0.8, 0.0001],
      ['similar', 0.1, 0.001],
      ['different', 0.1, 0.9989],
    ]),
    city: table([
      ['exact', 0.85, 0.02],
      ['similar', 0.05, 0.005],
      ['different', 0.1, 0.975],
    ]),
    state: table([
      ['exact', 0.95, 0.2],
      ['different', 0.05, 0.8],
    ]),
    postalCode: table([
      ['exact', 0.85, 0.001],
      ['similar', 0.08, 0.01],
      ['different', 0.07, 0.989],
    ]),
    phone: table([
      ['exact', 0.8, 0.00001],
      ['similar', 0.05, 0.0001],
      ['different', 0.15, 0.99989],
    ]),
    email: table([
      ['exact', 0.8, 0.00001],
      ['similar', 0.1, 0.0001],
      ['different', 0.1, 0.99989],
    ]),
    ssn: table([
      ['exact', 0.95, 0.000001],
      ['similar', 0.03, 0.00001],
      ['different', 0.02, 0.999989],
    ]),
    // Partial identifiers: absent is neutral (missing weighs 0); a disagreement is strong
    // negative evidence because the same person rarely gives two of them (m of the disagreeing
    // level is the keying-error rate, about 1%), while different people almost always differ.
    ssnLast4: table([
      ['exact', 0.99, 0.0001],
      ['different', 0.01, 0.9999],
    ]),
    middleName: table([
      ['exact', 0.8, 0.02],
      ['initial', 0.15, 0.03],
      ['similar', 0.04, 0.01],
      ['different', 0.01, 0.94],
    ]),
    previousFamily: table([
      ['exact', 0.98, 0.005],
      ['different', 0.02, 0.995],
    ]),
    mrn: table([
      ['exact', 0.99, 0.0000001],
      ['different', 0.01, 0.9999999],
    ]),
  },
};

/** How a scored pair is classified: FHIR `match-grade` style plus a decision. */
export type MatchGrade = 'certain' | 'probable' | 'possible' | 'certainly-not';

/** One field's contribution to a pair's weight. */
export interface FieldEvidence {
  /** The field. */
  readonly field: ComparisonField;
  /** Its comparison level. */
  readonly level: string;
  /** log2(m / u) for that level; 0 for missing values and fields without parameters. */
  readonly weight: number;
}

/** Thresholds on the total match weight (log2 odds). */
export interface MatchThresholds {
  /** At or above: a match (`certain` from `match + 10`, else `probable`). Default 10. */
  readonly match?: number;
  /** At or above (and below `match`): a possible match for clerical review. Default 0. */
  readonly review?: number;
}

/** The scored comparison of two records. */
export interface MatchScore {
  /** Total weight: prior plus field weights (log2 of the posterior odds). */
  readonly weight: number;
  /** Posterior match probability 2^w / (1 + 2^w). */
  readonly probability: number;
  /** `match`, `review` (clerical review / merge proposal) or `non-match`. */
  readonly decision: 'match' | 'review' | 'non-match';
  /** FHIR `$match` grade. */
  readonly grade: MatchGrade;
  /** Per-field evidence, strongest (by absolute weight) first. */
  readonly evidence: readonly FieldEvidence[];
  /**
   * Guards: `twins` and `generational-suffix` make the decision `non-match` whatever the weight;
   * `household` and `identifier-conflict` cap it at `review`.
   */
  readonly guards: readonly MatchGuard[];
}

const FIELDS = Object.keys(LEVELS_OF) as ComparisonField[];

/**
 * Turns m/u parameters into a weight lookup: field → level → log2(m / u).
 *
 * @param parameters - Fellegi-Sunter parameters
 * @returns weights per field and level, and the prior weight
 * @example
 * matchWeights(DEFAULT_MATCH_PARAMETERS).fields['birthDate']?.['exact']; // log2(0.88 / 0.00005) ≈ 14.1
 */
export const matchWeights = (
  parameters: MatchParameters,
): {
  readonly prior: number;
  readonly fields: Readonly<Record<string, Readonly<Record<string, number>>>>;
} => ({
  prior: Math.log2(parameters.prior / (1 - parameters.prior)),
  fields: Object.fromEntries(
    Object.entries(parameters.fields).map(([field, levels]) => [
      field,
      Object.fromEntries(Object.entries(levels ?? {}).map(([level, p]) => [level, Math.log2(p.m / p.u)])),
    ]),
  ),
});

type Weights = ReturnType<typeof matchWeights>;

/** Guards that make a pair a `non-match` whatever its weight (the others cap it at `review`). */
const NEVER_MERGE: ReadonlySet<MatchGuard> = new Set(['twins', 'generational-suffix']);

/** The weight of one field's level; a field the comparison marks as implied weighs 0. */
const fieldWeight = (w: Weights, c: PatientComparison, field: ComparisonField, level: string): number =>
  c.implied.includes(field) ? 0 : (w.fields[field]?.[level] ?? 0);
const weightCache = new WeakMap<MatchParameters, Weights>();
const weightsOf = (parameters: MatchParameters): Weights => {
  let w = weightCache.get(parameters);
  if (w === undefined) {
    w = matchWeights(parameters);
    weightCache.set(parameters, w);
  }
  return w;
};

/**
 * Sum of weights only (no evidence list): the fast path used when scanning many pairs.
 *
 * @param comparison - a pair's comparison
 * @param parameters - Fellegi-Sunter parameters
 * @returns the total weight including the prior
 * @example
 * matchWeight(comparePatients(a, b), DEFAULT_MATCH_PARAMETERS); // e.g. 38.2
 */
export const matchWeight = (comparison: PatientComparison, parameters: MatchParameters): number => {
  const w = weightsOf(parameters);
  let total = w.prior;
  const levels = comparison.levels as unknown as Readonly<Record<string, string>>;
  for (const field of FIELDS) total += fieldWeight(w, comparison, field, levels[field] as string);
  return total;
};

/**
 * Scores a comparison with Fellegi-Sunter weights and classifies it.
 *
 * The weight is log2(λ / (1 - λ)) + Σ log2(m / u) over the fields (missing: 0). At or above
 * `thresholds.match` (default 10, probability ≈ 0.999) the pair is a `match` (`certain` when 10
 * above the threshold, else `probable`); at or above `thresholds.review` (default 0, probability
 * 0.5) it is sent to `review` (`possible`); below, `non-match` (`certainly-not`). A never-merge
 * guard (twins, different Jr/Sr) forces `non-match` / `certainly-not` whatever the weight; the
 * `household` and `identifier-conflict` guards turn a `match` into `review` (family members
 * share address, phone and family name; a disagreeing partial identifier needs a person to
 * confirm).
 *
 * @param comparison - from {@link comparePatients}
 * @param parameters - m/u parameters (default {@link DEFAULT_MATCH_PARAMETERS})
 * @param thresholds - decision thresholds on the weight
 * @returns weight, probability, decision, grade and per-field evidence; never fails
 * @example
 * scoreMatch(comparePatients(a, b)); // { weight: 41.3, decision: 'match', grade: 'certain', evidence: [...] }
 */
export const scoreMatch = (
  comparison: PatientComparison,
  parameters: MatchParameters = DEFAULT_MATCH_PARAMETERS,
  thresholds: MatchThresholds = {},
): MatchScore => {
  const w = weightsOf(parameters);
  const levels = comparison.levels as unknown as Readonly<Record<string, string>>;
  const evidence = FIELDS.map((field) => {
    const level = levels[field] as string;
    return { field, level, weight: fieldWeight(w, comparison, field, level) };
  }).sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  const weight = evidence.reduce((s, e) => s + e.weight, w.prior);
  const match = thresholds.match ?? 10;
  const review = thresholds.review ?? 0;
  const neverMerge = comparison.guards.some((g) => NEVER_MERGE.has(g));
  const capped = comparison.guards.length > 0;
  const decision = neverMerge
    ? 'non-match'
    : weight >= match && !capped
      ? 'match'
      : weight >= review || weight >= match
        ? 'review'
        : 'non-match';
  const grade: MatchGrade =
    decision === 'match'
      ? weight >= match + 10
        ? 'certain'
        : 'probable'
      : decision === 'review'
        ? 'possible'
        : 'certainly-not';
  return {
    weight,
    probability: 1 / (1 + 2 ** -weight),
    decision,
    grade,
    evidence,
    guards: comparison.guards,
  };
};

/** Options of {@link estimateMatchParameters}. */
export interface EstimationOptions {
  /** Starting point and Dirichlet prior for m (default {@link DEFAULT_MATCH_PARAMETERS}). */
  readonly start?: MatchParameters;
  /** EM iterations (default 25). */
  readonly iterations?: number;
  /**
   * Weight of the starting m values as pseudo-counts per field (default 20): keeps EM from
   * degenerating (λ → 1 with m absorbing non-matches, records reference §2.6).
   */
  readonly priorStrength?: number;
  /**
   * Re-estimate u among the candidate pairs too (default true): non-matches that share a
   * blocking key agree on names far more often than random pairs, and holding u at its random-pair
   * value makes EM call them matches. The random-pair u is the starting point.
   */
  readonly updateU?: boolean;
}

const levelCounts = (
  comparisons: readonly PatientComparison[],
  field: ComparisonField,
): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const c of comparisons) {
    const level = (c.levels as unknown as Readonly<Record<string, string>>)[field] as string;
    if (level !== 'missing') counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return counts;
};

/**
 * Estimates Fellegi-Sunter parameters from unlabelled data: u from comparisons of random pairs
 * (almost all non-matches), then m and λ by expectation-maximisation over the candidate pairs
 * (those that passed blocking), with u held fixed. Probabilities are smoothed (+0.5 counts) so no
 * level gets m or u of 0.
 *
 * @param candidates - comparisons of the blocked candidate pairs
 * @param randomPairs - comparisons of random pairs (e.g. from `sampleRandomPairs`)
 * @param options - starting point, iterations, prior strength
 * @returns the fitted parameters (λ is the match rate among candidate pairs)
 * @example
 * const params = estimateMatchParameters(candidateComparisons, randomComparisons);
 * scoreMatch(comparison, params);
 */
export const estimateMatchParameters = (
  candidates: readonly PatientComparison[],
  randomPairs: readonly PatientComparison[],
  options: EstimationOptions = {},
): MatchParameters => {
  const start = options.start ?? DEFAULT_MATCH_PARAMETERS;
  const strength = options.priorStrength ?? 20;
  const updateU = options.updateU ?? true;
  const fields = FIELDS.filter((f) => start.fields[f] !== undefined);
  const u: Record<string, Record<string, number>> = {};
  for (const f of fields) {
    const counts = levelCounts(randomPairs, f);
    const levels = LEVELS_OF[f];
    const total = [...counts.values()].reduce((s, n) => s + n, 0) + 0.5 * levels.length;
    u[f] = Object.fromEntries(
      levels.map((l) => [
        l,
        total > 0.5 * levels.length ? ((counts.get(l) ?? 0) + 0.5) / total : (start.fields[f]?.[l]?.u ?? 0.5),
      ]),
    );
  }
  let m: Record<string, Record<string, number>> = Object.fromEntries(
    fields.map((f) => [f, Object.fromEntries(LEVELS_OF[f].map((l) => [l, start.fields[f]?.[l]?.m ?? 0.01]))]),
  );
  let prior = start.prior;
  const rows = candidates.map((c) => c.levels as unknown as Readonly<Record<string, string>>);
  for (let iter = 0; iter < (options.iterations ?? 25); iter++) {
    const sums: Record<string, Record<string, number>> = Object.fromEntries(fields.map((f) => [f, {}]));
    const uSums: Record<string, Record<string, number>> = Object.fromEntries(fields.map((f) => [f, {}]));
    let gTotal = 0;
    for (const row of rows) {
      let logOdds = Math.log(prior / (1 - prior));
      for (const f of fields) {
        const level = row[f] as string;
        if (level === 'missing') continue;
        logOdds += Math.log((m[f]?.[level] ?? 1e-6) / (u[f]?.[level] ?? 1e-6));
      }
      const g = 1 / (1 + Math.exp(-logOdds));
      gTotal += g;
      for (const f of fields) {
        const level = row[f] as string;
        if (level === 'missing') continue;
        const s = sums[f] as Record<string, number>;
        s[level] = (s[level] ?? 0) + g;
        const su = uSums[f] as Record<string, number>;
        su[level] = (su[level] ?? 0) + (1 - g);
      }
    }
    if (updateU)
      for (const f of fields) {
        const su = uSums[f] as Record<string, number>;
        const levels = LEVELS_OF[f];
        const startU = levels.map((l) => u[f]?.[l] ?? 0.5);
        const total = levels.reduce((acc, l) => acc + (su[l] ?? 0), 0) + strength;
        u[f] = Object.fromEntries(
          levels.map((l, i) => [
            l,
            ((su[l] ?? 0) + strength * (startU[i] as number) + 0.5) / (total + 0.5 * levels.length),
          ]),
        );
      }
    prior = Math.min(0.999, Math.max(1e-6, gTotal / Math.max(1, rows.length)));
    m = Object.fromEntries(
      fields.map((f) => {
        const s = sums[f] as Record<string, number>;
        const levels = LEVELS_OF[f];
        const startM = levels.map((l) => start.fields[f]?.[l]?.m ?? 0.01);
        const startTotal = startM.reduce((x, y) => x + y, 0);
        const total = levels.reduce((acc, l) => acc + (s[l] ?? 0), 0) + strength;
        return [
          f,
          Object.fromEntries(
            levels.map((l, i) => [
              l,
              ((s[l] ?? 0) + (strength * (startM[i] as number)) / startTotal) / total,
            ]),
          ),
        ];
      }),
    );
  }
  return {
    prior,
    fields: Object.fromEntries(
      fields.map((f) => [
        f,
        Object.fromEntries(LEVELS_OF[f].map((l) => [l, { m: m[f]?.[l] ?? 0.01, u: u[f]?.[l] ?? 0.5 }])),
      ]),
    ),
  };
};
