/**
 * Medicare Part B with a non-participating provider (Social Security Act §1848(a)(3) and (g);
 * 42 CFR 414.48): the non-participating fee schedule amount is 95% of the participating amount, and
 * on an unassigned claim the provider may charge at most the limiting charge, 115% of the
 * non-participating amount. Medicare pays 80% of its allowed amount after the Part B deductible
 * either way; what differs is who it pays and what the patient owes:
 * - assigned (the provider accepts assignment for this claim): Medicare pays the provider, who may
 *   collect only the deductible and the 20% coinsurance;
 * - unassigned: the provider may bill the charge up to the limiting charge and collect it from the
 *   patient; Medicare pays its 80% to the patient. Any charge above the limiting charge is not
 *   collectible.
 */
import { divideRounded, type Cents, type RoundingMode } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import type { DomainError } from '../core/errors.js';

/** Percent of the participating fee schedule amount a non-participating provider is allowed. */
const NON_PAR_PERCENT = 95;
/** Limiting charge, in percent of the non-participating fee schedule amount. */
const LIMITING_CHARGE_PERCENT = 115;
/** Medicare's share of the allowed amount after the Part B deductible (the patient owes the rest). */
const MEDICARE_SHARE_PERCENT = 80;

/**
 * One Part B service billed by a non-participating provider: the participating fee schedule
 * amount for the service and locality, the provider's charge, whether the claim is assigned, and
 * the patient's Part B deductible still to meet.
 *
 * @example
 * const s: NonParService = { feeSchedule: cents(10000), charge: cents(15000), assigned: false, deductibleRemaining: cents(0) };
 */
export interface NonParService {
  /** The participating (full) Medicare physician fee schedule amount. */
  readonly feeSchedule: Cents;
  /** The provider's actual charge. */
  readonly charge: Cents;
  /** The provider accepts assignment for this claim. */
  readonly assigned: boolean;
  /** Part B deductible the patient has not met yet this year. */
  readonly deductibleRemaining: Cents;
}

/**
 * What a non-participating claim comes to. Identities: `deductible + coinsurance + medicarePays =
 * allowed`; assigned, `patientOwesProvider = deductible + coinsurance`; unassigned,
 * `patientOwesProvider = collectibleCharge` and `patientNetCost = collectibleCharge - medicarePays`.
 *
 * @example
 * const r = medicareNonParticipating({
 *   charge: cents(15000), feeSchedule: cents(10000), deductibleRemaining: cents(0), assigned: false,
 * });
 * if (isOk(r)) r.right satisfies NonParResult;
 */
export interface NonParResult {
  /** 95% of the fee schedule amount: Medicare's allowed amount. */
  readonly nonParAmount: Cents;
  /** 115% of the non-participating amount: the most an unassigned claim may charge. */
  readonly limitingCharge: Cents;
  /** Medicare's allowed amount (the non-participating amount, or the charge when lower). */
  readonly allowed: Cents;
  /** Part B deductible applied. */
  readonly deductible: Cents;
  /** The patient's 20% of the allowed amount after the deductible. */
  readonly coinsurance: Cents;
  /** Medicare's 80% of the allowed amount after the deductible. */
  readonly medicarePays: Cents;
  /** Who receives Medicare's payment: the provider (assigned) or the patient (unassigned). */
  readonly medicarePaysTo: 'provider' | 'patient';
  /** What the provider may collect in all: the allowed amount (assigned), the charge up to the limiting charge (unassigned). */
  readonly collectibleCharge: Cents;
  /** Charge above what the provider may collect (the allowed amount if assigned, the limiting charge if not). */
  readonly notCollectible: Cents;
  /** What the patient pays the provider. */
  readonly patientOwesProvider: Cents;
  /** What the patient is out of pocket once Medicare's payment reaches them. */
  readonly patientNetCost: Cents;
}

/** The service's amounts are not whole, non-negative cents. */
export type NonParError = DomainError<'insurance.line-amounts'> & { readonly field: string };

const percentOf = (amount: number, percent: number, mode: RoundingMode): number =>
  divideRounded(amount * percent, 100, mode);

/**
 * Prices a Medicare Part B service by a non-participating provider, assigned or unassigned.
 *
 * The non-participating amount is 95% of the fee schedule amount, the limiting charge 115% of that
 * (each rounded to the cent, half-up unless another mode is named). Medicare allows the
 * non-participating amount (or the charge if lower), applies the remaining Part B deductible, and
 * pays 80% of the rest; the patient's coinsurance is the other 20%. Assigned: the patient owes the
 * provider the deductible and coinsurance only. Unassigned: the patient owes the provider the
 * charge up to the limiting charge and receives Medicare's payment. Money in integer cents.
 *
 * @param service - fee schedule amount, charge, assignment, Part B deductible remaining
 * @param rounding - rounding of the percentages (default `half-up`)
 * @returns `Right(NonParResult)`, or `Left` `insurance.line-amounts` naming the field that is not
 *   whole, non-negative cents
 * @example
 * // Fee schedule $100, charge $150, unassigned, deductible met: non-par $95, limiting charge
 * // $109.25; Medicare pays the patient $76; the patient pays the provider $109.25, nets $33.25.
 * medicareNonParticipating({ feeSchedule: cents(10000), charge: cents(15000), assigned: false, deductibleRemaining: cents(0) });
 */
export const medicareNonParticipating = (
  service: NonParService,
  rounding: RoundingMode = 'half-up',
): Either<NonParError, NonParResult> => {
  for (const field of ['feeSchedule', 'charge', 'deductibleRemaining'] as const) {
    const v = service[field];
    if (!Number.isSafeInteger(v) || v < 0)
      return err({
        code: 'insurance.line-amounts',
        message: `${field} must be whole, non-negative cents`,
        field,
      });
  }
  const nonParAmount = percentOf(service.feeSchedule, NON_PAR_PERCENT, rounding);
  const limitingCharge = percentOf(nonParAmount, LIMITING_CHARGE_PERCENT, rounding);
  const allowed = Math.min(nonParAmount, service.charge);
  const deductible = Math.min(allowed, service.deductibleRemaining);
  const medicarePays = percentOf(allowed - deductible, MEDICARE_SHARE_PERCENT, rounding);
  const coinsurance = allowed - deductible - medicarePays;
  const collectible = service.assigned ? allowed : Math.min(service.charge, limitingCharge);
  const owes = service.assigned ? deductible + coinsurance : collectible;
  return ok({
    nonParAmount: nonParAmount as Cents,
    limitingCharge: limitingCharge as Cents,
    allowed: allowed as Cents,
    deductible: deductible as Cents,
    coinsurance: coinsurance as Cents,
    medicarePays: medicarePays as Cents,
    medicarePaysTo: service.assigned ? 'provider' : 'patient',
    collectibleCharge: collectible as Cents,
    notCollectible: (service.charge - collectible) as Cents,
    patientOwesProvider: owes as Cents,
    patientNetCost: (service.assigned ? owes : owes - medicarePays) as Cents,
  });
};
