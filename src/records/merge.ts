/**
 * Merge proposals for duplicate charts (records reference §2.7): FHIR `$merge` semantics with
 * `preview = true`. The library proposes; a person approves. Field by field, the most recently
 * verified record wins; lists are combined; every disagreement is listed as a conflict.
 */
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { copyData } from '../internal/copyData.js';
import type { Address, Patient, PersonName } from './model.js';
import { comparePatients } from './matching/compare.js';
import {
  DEFAULT_MATCH_PARAMETERS,
  scoreMatch,
  type MatchParameters,
  type MatchScore,
  type MatchThresholds,
} from './matching/fellegiSunter.js';

/** Why two charts can't be proposed for merging. */
export type MergeError = DomainError<
  'merge.same-record' | 'merge.twins' | 'merge.generational-suffix' | 'merge.not-a-match'
>;

/** Which record a merged field came from, and why. */
export interface MergeFieldChoice {
  /** Patient field name. */
  readonly field: keyof Patient;
  /** `survivor`, `retired`, or `both` (lists combined, or equal values). */
  readonly source: 'survivor' | 'retired' | 'both';
  /** The rule applied. */
  readonly reason: 'equal' | 'only-one-has-value' | 'most-recently-verified' | 'combined';
  /** True when both records had different values (a person should confirm). */
  readonly conflict: boolean;
}

/** A proposed merge of two charts. */
export interface MergeProposal {
  /** The chart that stays (FHIR `target-patient`; gets `link.type = replaces`). */
  readonly survivorId: string;
  /** The chart that is retired (FHIR `source-patient`; becomes inactive, `link.type = replaced-by`). */
  readonly retiredId: string;
  /** The merged chart as it would be saved (FHIR `result-patient`). */
  readonly merged: Patient;
  /** Field by field, where each value came from. */
  readonly fieldChoices: readonly MergeFieldChoice[];
  /** Fields whose values disagreed. */
  readonly conflicts: readonly (keyof Patient)[];
  /** The match evidence behind the proposal. */
  readonly score: MatchScore;
}

/** Options of {@link proposeMerge}. */
export interface MergeOptions {
  /** Matching parameters (default {@link DEFAULT_MATCH_PARAMETERS}). */
  readonly parameters?: MatchParameters;
  /** Thresholds: a pair below `review` is not proposed (defaults: match 10, review 0). */
  readonly thresholds?: MatchThresholds;
}

const SCALARS = [
  'name',
  'birthDate',
  'deceased',
  'sex',
  'genderIdentity',
  'multipleBirth',
  'communication',
  'emergencyContact',
  'guarantor',
  'verifiedOn',
] as const satisfies readonly (keyof Patient)[];
const LISTS = [
  'addresses',
  'phones',
  'emails',
  'identifiers',
  'consents',
] as const satisfies readonly (keyof Patient)[];

const same = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
const union = <T>(xs: readonly T[], ys: readonly T[]): T[] => {
  const out = [...xs];
  for (const y of ys) if (!out.some((x) => same(x, y))) out.push(y);
  return out;
};

/** An address without case and with a 5-digit ZIP: `10024` and `10024-4102` are one place. */
const placeKey = (a: Address): string =>
  JSON.stringify([a.use, a.line, a.city, a.state, a.postalCode?.slice(0, 5), a.country]).toUpperCase();

/** Addresses combined without repeats; of two that name one place, the one with ZIP+4 is kept. */
const unionAddresses = (xs: readonly Address[], ys: readonly Address[]): Address[] => {
  const out = [...xs];
  for (const y of ys) {
    const i = out.findIndex((x) => placeKey(x) === placeKey(y));
    if (i < 0) out.push(y);
    else if ((y.postalCode?.length ?? 0) > ((out[i] as Address).postalCode?.length ?? 0)) out[i] = y;
  }
  return out;
};
const sameName = (x: PersonName, y: PersonName): boolean =>
  x.family.toUpperCase() === y.family.toUpperCase() && x.given.toUpperCase() === y.given.toUpperCase();

/**
 * Proposes merging two charts of the same person.
 *
 * The surviving chart is the established one (created first; on a tie, verified most recently;
 * then `a`), so its id and history stay. Field values follow survivorship: when both charts
 * have a value and they differ, the chart verified most recently (`verifiedOn`) wins and the
 * field is listed as a conflict; when one has a value, it is kept. Addresses, phones, emails,
 * identifiers and consents are combined without repeats (the most recently verified chart's
 * first; two addresses naming one place, such as ZIP and ZIP+4 or a change of case, count once,
 * with the ZIP+4). The name not kept goes to `previousNames`. Twins and different generational suffixes (Jr / Sr) are never proposed. Nothing is
 * changed: the caller applies the proposal (FHIR `$merge`), after review.
 *
 * @param a - one chart
 * @param b - the other chart
 * @param options - matching parameters and thresholds
 * @returns `Right(MergeProposal)`; `Left` `merge.same-record`, `merge.twins`,
 *   `merge.generational-suffix` or `merge.not-a-match` (below the review threshold)
 * @example
 * const proposal = proposeMerge(patient, duplicate);
 * if (proposal._tag === 'Right') proposal.right.conflicts; // ['phones'] ...
 */
export const proposeMerge = (
  a: Patient,
  b: Patient,
  options: MergeOptions = {},
): Either<MergeError, MergeProposal> => {
  if (a.id === b.id) return err({ code: 'merge.same-record', message: 'both ids name the same chart' });
  const comparison = comparePatients(a, b);
  if (comparison.guards.includes('twins'))
    return err({
      code: 'merge.twins',
      message:
        'records look like twins (multiple birth or same birth date and household with different given names)',
    });
  if (comparison.guards.includes('generational-suffix'))
    return err({
      code: 'merge.generational-suffix',
      message: 'name suffixes differ (such as Jr and Sr): different people',
    });
  const score = scoreMatch(
    comparison,
    options.parameters ?? DEFAULT_MATCH_PARAMETERS,
    options.thresholds ?? {},
  );
  if (score.decision === 'non-match')
    return err({ code: 'merge.not-a-match', message: 'match weight is below the review threshold' });
  // The established chart (created first) stays; values come from the one verified most recently.
  const created = (p: Patient): string => p.createdOn ?? '9999-12-31';
  const verified = (p: Patient): string => p.verifiedOn ?? '';
  const aStays = created(a) < created(b) || (created(a) === created(b) && verified(a) >= verified(b));
  const [survivor, retired] = aStays ? [a, b] : [b, a];
  const survivorWins = verified(survivor) >= verified(retired);
  const choices: MergeFieldChoice[] = [];
  const merged: Record<string, unknown> = { ...survivor, active: true };
  for (const field of SCALARS) {
    const s = survivor[field];
    const r = retired[field];
    if (s === undefined && r === undefined) continue;
    if (s !== undefined && r !== undefined && same(s, r))
      choices.push({ field, source: 'both', reason: 'equal', conflict: false });
    else if (s === undefined || r === undefined) {
      merged[field] = s ?? r;
      choices.push({
        field,
        source: s === undefined ? 'retired' : 'survivor',
        reason: 'only-one-has-value',
        conflict: false,
      });
    } else {
      merged[field] = survivorWins ? s : r;
      choices.push({
        field,
        source: survivorWins ? 'survivor' : 'retired',
        reason: 'most-recently-verified',
        conflict: true,
      });
    }
  }
  for (const field of LISTS) {
    const [first, second] = survivorWins
      ? [survivor[field], retired[field]]
      : [retired[field], survivor[field]];
    const s = first as readonly unknown[];
    const r = second as readonly unknown[];
    if (s.length === 0 && r.length === 0) continue;
    merged[field] =
      field === 'addresses' ? unionAddresses(s as readonly Address[], r as readonly Address[]) : union(s, r);
    const conflict = s.length > 0 && r.length > 0 && !same(s, r) && field !== 'consents';
    choices.push({ field, source: 'both', reason: same(s, r) ? 'equal' : 'combined', conflict });
  }
  const kept = merged['name'] as PersonName;
  const dropped = sameName(kept, survivor.name) ? retired.name : survivor.name;
  const previous = union(survivor.previousNames, retired.previousNames);
  merged['previousNames'] = sameName(kept, dropped)
    ? previous
    : union(previous, [dropped]).filter((n) => !sameName(n, kept));
  merged['id'] = survivor.id;
  return ok({
    survivorId: survivor.id,
    retiredId: retired.id,
    // A copy: editing the proposal must not edit either chart.
    merged: copyData(merged) as Patient,
    fieldChoices: choices,
    conflicts: choices.filter((c) => c.conflict).map((c) => c.field),
    score,
  });
};
