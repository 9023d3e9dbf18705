/**
 * Whether a plan's in-network deductible and out-of-pocket maximum qualify it as a high-deductible
 * health plan for HSA purposes in a plan year (IRC §223(c)(2); the year's figures from IRS revenue
 * procedures, kept in {@link ANNUAL_LIMITS}; insurance reference §7.3-7.5):
 * - self-only coverage: the deductible is at least the self-only minimum and the OOP maximum at
 *   most the self-only maximum;
 * - family coverage: the family deductible is at least the family minimum, and an embedded
 *   individual deductible (or the one each member meets in a "2 of N" design) is too, because a
 *   member's claims would otherwise be paid before the family minimum is met; the family OOP
 *   maximum is at most the family maximum (no family maximum at all fails);
 * - no benefit pays before the deductible (IRC §223(c)(2)(A)) except under a safe harbor:
 *   preventive care (§223(c)(2)(C); IRS Notice 2004-23: periodic health evaluations, well-child
 *   care, immunizations, tobacco cessation, screening), chronic-condition preventive items
 *   (Notice 2019-45), telehealth (plan years starting 2020-2021 under the CARES Act, 2023-2024
 *   under CAA 2023, 2025 on under OBBBA 2025), selected insulin (plan years starting 2023 on,
 *   IRA 2022). Dental and vision benefits are permitted coverage outside the HDHP rules
 *   (§223(c)(1)(B)(ii)).
 */
import type { Cents } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import { ANNUAL_LIMITS, annualLimitsFor, type AnnualLimitsError } from './annualLimits.js';
import type { AnnualLimits, Benefit, BenefitSet } from './model.js';

/**
 * A rule an HDHP fails:
 * - `hdhp.deductible-below-minimum`: the deductible of the coverage is below the year's minimum;
 * - `hdhp.embedded-deductible-below-family-minimum`: in family coverage, the individual
 *   deductible a member meets alone (embedded or "2 of N") is below the family minimum;
 * - `hdhp.oop-above-maximum`: the OOP maximum exceeds the year's maximum;
 * - `hdhp.no-oop-maximum`: the coverage has no OOP maximum at all;
 * - `hdhp.first-dollar-non-preventive`: a covered benefit pays before the deductible (deductible
 *   waived, or a copay before the deductible) for services no safe harbor of the plan year covers.
 *
 * @example
 * const rule: HdhpRule = 'hdhp.embedded-deductible-below-family-minimum';
 */
export type HdhpRule =
  | 'hdhp.deductible-below-minimum'
  | 'hdhp.embedded-deductible-below-family-minimum'
  | 'hdhp.oop-above-maximum'
  | 'hdhp.no-oop-maximum'
  | 'hdhp.first-dollar-non-preventive';

/**
 * One failed rule, with the year's limit and the plan's figure it was compared with. For
 * `hdhp.first-dollar-non-preventive`, `limit` is the year's minimum deductible of the coverage
 * and `actual` what the member pays before the plan pays for the benefit (its copay, or `0`),
 * with the benefit's id, network tier and the service types no safe harbor covers.
 *
 * @example
 * const f: HdhpFailure = { rule: 'hdhp.deductible-below-minimum', message: '...', limit: cents(170000), actual: cents(150000) };
 */
export interface HdhpFailure {
  readonly rule: HdhpRule;
  readonly message: string;
  readonly limit: Cents;
  /** The plan's figure; `null` when it has none (no OOP maximum). */
  readonly actual: Cents | null;
  /** The benefit that pays before the deductible (`hdhp.first-dollar-non-preventive`). */
  readonly benefitId?: string;
  /** Its network tier. */
  readonly network?: Benefit['network'];
  /** Its service types that no safe harbor covers (all of them when a declared safe harbor is not in force that year). */
  readonly serviceTypes?: readonly string[];
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

/**
 * EB03 service types whose care is preventive under the IRS safe harbor (Notice 2004-23 and the
 * ACA §2713 list it follows): a benefit for these alone may pay before the deductible.
 * Source: X12 005010X279A1 service type codes; IRS Notice 2004-23.
 */
const PREVENTIVE_SERVICE_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '67', // Smoking Cessation
  '68', // Well Baby Care
  '80', // Immunizations
  '81', // Routine Physical
  'AN', // Routine Exam
  'BZ', // Physician Visit - Office: Well
  'CK', // Screening X-ray
  'CL', // Screening laboratory
  'CM', // Mammogram, High Risk Patient
  'CN', // Mammogram, Low Risk Patient
]);

/**
 * EB03 service types of dental and vision care: permitted coverage (IRC §223(c)(1)(B)(ii)), which
 * an HSA-eligible person may have beside the HDHP, so their first-dollar benefits do not count.
 * Source: X12 005010X279A1 service type codes.
 */
const PERMITTED_SERVICE_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '23', // Diagnostic Dental
  '24', // Periodontics
  '25', // Restorative
  '26', // Endodontics
  '27', // Maxillofacial Prosthetics
  '28', // Adjunctive Dental Services
  '35', // Dental Care
  '36', // Dental Crowns
  '37', // Dental Accident
  '38', // Orthodontics
  '39', // Prosthodontics
  '40', // Oral Surgery
  '41', // Routine (Preventive) Dental
  'AL', // Vision (Optometry)
  'AM', // Frames
  'AO', // Lenses
]);

/** Patient share at which the plan pays nothing (10000 basis points = 100%). */
const ALL_OF_IT = 10000;

/**
 * Whether a declared safe harbor is in force for a plan year starting in `year`. Telehealth
 * relief covered plan years starting 2020-2021 (CARES Act §3701) and 2023-2024 (CAA 2023), and
 * is permanent from 2025 (OBBBA 2025); for 2022 it covered months (April-December), not plan
 * years, so a plan year starting in 2022 is not covered here. Chronic-condition items count from
 * Notice 2019-45 (July 2019), insulin from plan years starting after 2022 (IRC §223(c)(2)(G)).
 */
const safeHarborInForce = (harbor: NonNullable<Benefit['hdhpSafeHarbor']>, year: number): boolean => {
  switch (harbor) {
    case 'preventive':
      return true;
    case 'chronic-condition':
      return year >= 2019;
    case 'telehealth':
      return year === 2020 || year === 2021 || year >= 2023;
    case 'insulin':
      return year >= 2023;
  }
};

/**
 * What the member pays before the plan pays for a benefit, when the plan pays before the
 * deductible (the deductible waived, or the copay taken instead of it); undefined when the
 * deductible comes first or the plan pays nothing (not covered, or 100% patient share).
 */
const firstDollarCopay = (b: Benefit): Cents | undefined => {
  if (!b.covered || b.coinsurance >= ALL_OF_IT) return undefined;
  if (b.deductible !== 'waived' && b.copayTiming !== 'beforeDeductible') return undefined;
  return b.copay;
};

/**
 * The service types of a benefit that pays before the deductible that no safe harbor of the plan
 * year covers (empty: the benefit is allowed).
 */
const uncoveredServiceTypes = (b: Benefit, year: number): readonly string[] => {
  if (b.hdhpSafeHarbor !== undefined) return safeHarborInForce(b.hdhpSafeHarbor, year) ? [] : b.serviceTypes;
  return b.serviceTypes.filter((t) => !PREVENTIVE_SERVICE_TYPES.has(t) && !PERMITTED_SERVICE_TYPES.has(t));
};

/** The year's figures had no HDHP bounds (a year whose revenue procedure is not on file). */
const noBounds = (year: number): AnnualLimitsError => ({
  code: 'insurance.annual-limits-unknown',
  message: 'no HDHP minimum deductible and maximum OOP on file for the plan year',
  year,
});

/**
 * Checks a benefit set's in-network deductible and OOP maximum against the HDHP bounds of a plan
 * year, for self-only or family coverage, and its benefits against the rule that nothing is paid
 * before the deductible except under a safe harbor, listing every failed rule with its code (see
 * {@link HdhpRule}), amount rules first, then one failure per first-dollar benefit in the set's
 * order. A benefit pays first-dollar when it is covered, the member's share is below 100%, and its
 * deductible is waived or its copay is taken before the deductible; its service types are then
 * each preventive (periodic health evaluations, well-child care, immunizations, tobacco cessation,
 * screening X-ray, laboratory and mammography), dental or vision, or the benefit names a safe
 * harbor in force that year (`hdhpSafeHarbor`). Benefits of both network tiers are read; the
 * set's `hdhp` switch is not (the check reads the design as written). Money in integer cents.
 *
 * @param set - the benefit set (its `tiers.in` amounts, `family` modes and benefits are read)
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
  for (const b of set.benefits) {
    const copay = firstDollarCopay(b);
    if (copay === undefined) continue;
    const serviceTypes = uncoveredServiceTypes(b, year);
    if (serviceTypes.length === 0) continue;
    failures.push({
      rule: 'hdhp.first-dollar-non-preventive',
      message:
        b.hdhpSafeHarbor === undefined
          ? 'a benefit pays before the deductible for services that are not preventive care'
          : 'a benefit pays before the deductible under a safe harbor that does not cover the plan year',
      limit: min[scope],
      actual: copay,
      benefitId: b.id,
      network: b.network,
      serviceTypes,
    });
  }
  return ok({ year, coverage, qualified: failures.length === 0, failures });
};
