/**
 * Whether a plan's in-network deductible and out-of-pocket maximum qualify it as a high-deductible
 * health plan for HSA purposes in a plan year (IRC §223(c)(2); the year's figures from IRS revenue
 * procedures, kept in {@link ANNUAL_LIMITS}; insurance reference §7.3-7.5):
 * - self-only coverage: the deductible is at least the self-only minimum and the OOP maximum at
 *   most the self-only maximum;
 * - family coverage: the family deductible is at least the family minimum, and an embedded
 *   individual deductible (or the one each member meets in a "2 of N" design) is too, because a
 *   member's claims would otherwise be paid before the family minimum is met; the family OOP
 *   maximum is at most the family maximum (no family maximum at all fails).
 */
import type { Cents } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import { ANNUAL_LIMITS, annualLimitsFor, type AnnualLimitsError } from './annualLimits.js';
import type { AnnualLimits, BenefitSet } from './model.js';

/**
 * A rule an HDHP fails:
 * - `hdhp.deductible-below-minimum`: the deductible of the coverage is below the year's minimum;
 * - `hdhp.embedded-deductible-below-family-minimum`: in family coverage, the individual
 *   deductible a member meets alone (embedded or "2 of N") is below the family minimum;
 * - `hdhp.oop-above-maximum`: the OOP maximum exceeds the year's maximum;
 * - `hdhp.no-oop-maximum`: the coverage has no OOP maximum at all.
 *
 * @example
 * const rule: HdhpRule = 'hdhp.embedded-deductible-below-family-minimum';
 */
export type HdhpRule =
  | 'hdhp.deductible-below-minimum'
  | 'hdhp.embedded-deductible-below-family-minimum'
  | 'hdhp.oop-above-maximum'
  | 'hdhp.no-oop-maximum';

/**
 * One failed rule, with the year's limit and the plan's figure it was compared with.
 *
 * @example
 * const f: HdhpFailure = { rule: 'hdhp.deductible-below-minimum', message: '...', limit: 170000 as Cents, actual: 150000 as Cents };
 */
export interface HdhpFailure {
  readonly rule: HdhpRule;
  readonly message: string;
  readonly limit: Cents;
  /** The plan's figure; `null` when it has none (no OOP maximum). */
  readonly actual: Cents | null;
}

/**
 * The outcome of an HDHP check.
 *
 * @example
 * const c: HdhpCheck = unwrapOr(checkHdhpQualification(set, 'family', 2026), undefined)!;
 */
export interface HdhpCheck {
  readonly year: number;
  readonly coverage: 'self-only' | 'family';
  /** True when no rule failed. */
  readonly qualified: boolean;
  readonly failures: readonly HdhpFailure[];
}

/** The year's figures had no HDHP bounds (a year whose revenue procedure is not on file). */
const noBounds = (year: number): AnnualLimitsError => ({
  code: 'insurance.annual-limits-unknown',
  message: 'no HDHP minimum deductible and maximum OOP on file for the plan year',
  year,
});

/**
 * Checks a benefit set's in-network deductible and OOP maximum against the HDHP bounds of a plan
 * year, for self-only or family coverage, listing every failed rule with its code (see
 * {@link HdhpRule}). Money in integer cents.
 *
 * @param set - the benefit set (its `tiers.in` amounts and `family` modes are read)
 * @param coverage - `self-only` or `family` coverage
 * @param year - the calendar year the plan year starts in
 * @param table - yearly limits (default {@link ANNUAL_LIMITS})
 * @returns `Right(HdhpCheck)`, or `Left` `insurance.annual-limits-unknown` when the year has no
 *   HDHP bounds on file
 * @example
 * // 2026 family HDHP, family deductible $4,000 but an embedded $2,000 individual deductible:
 * // fails 'hdhp.embedded-deductible-below-family-minimum' (the minimum is $3,400).
 * checkHdhpQualification(set, 'family', 2026);
 */
export const checkHdhpQualification = (
  set: BenefitSet,
  coverage: 'self-only' | 'family',
  year: number,
  table: readonly AnnualLimits[] = ANNUAL_LIMITS,
): Either<AnnualLimitsError, HdhpCheck> => {
  const row = annualLimitsFor(year, table);
  if (row._tag === 'Left') return row;
  const { hdhpMinDeductible: min, hdhpMaxOop: max } = row.right;
  if (min === null || max === null) return err(noBounds(year));
  const { deductible, oopMax } = set.tiers.in;
  const failures: HdhpFailure[] = [];
  const fail = (rule: HdhpRule, message: string, limit: Cents, actual: Cents | null): void => {
    failures.push({ rule, message, limit, actual });
  };
  const scope = coverage === 'self-only' ? 'self' : 'family';
  // The deductible a family pays before the plan pays anyone: the family amount, or without one the
  // individual amount (one member's claims are paid past it).
  const ded = coverage === 'self-only' ? deductible.individual : (deductible.family ?? deductible.individual);
  if (ded < min[scope])
    fail(
      'hdhp.deductible-below-minimum',
      `the ${coverage} deductible is below the HDHP minimum of the plan year`,
      min[scope],
      ded,
    );
  if (coverage === 'family' && set.family.deductible !== 'aggregate' && deductible.individual < min.family)
    fail(
      'hdhp.embedded-deductible-below-family-minimum',
      'the individual deductible inside family coverage is below the HDHP family minimum',
      min.family,
      deductible.individual,
    );
  const oop = coverage === 'self-only' ? oopMax.individual : oopMax.family;
  if (oop === null)
    fail('hdhp.no-oop-maximum', `the ${coverage} coverage has no out-of-pocket maximum`, max[scope], null);
  else if (oop > max[scope])
    fail(
      'hdhp.oop-above-maximum',
      `the ${coverage} out-of-pocket maximum is above the HDHP maximum of the plan year`,
      max[scope],
      oop,
    );
  return ok({ year, coverage, qualified: failures.length === 0, failures });
};
