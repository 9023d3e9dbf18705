/**
 * What a secondary payer pays after the primary (insurance reference §8.3-8.4). Let A be the
 * allowable expense, P1 the primary payment, B = A - P1 the balance, and N2 what the secondary
 * would pay were it primary (its own deductible, copay and coinsurance on its allowed amount,
 * computed with {@link estimateCostShare}):
 * - `standard` (NAIC traditional COB): min(N2, B); the secondary credits its deductible as if it
 *   had paid primary;
 * - `non-duplication`: max(0, N2 - P1), at most B;
 * - `carve-out` (exclusion): the secondary's own cost share applied to B, and it pays the rest of B;
 * - `medicare-secondary` (42 CFR 411.33(a)): the lowest of charge (or OTAF) - P1, N2, and
 *   max(Medicare fee schedule, primary allowed) - P1;
 * - `medicaid-secondary`: up to the Medicaid rate - P1, at most B; the patient owes nothing more.
 */
import type { Cents } from '../core/money.js';
import { andThen, ok, pipe, type Either } from '../core/result.js';
import { estimateCostShare, type CostShareOptions } from './costShare.js';
import type { InsuranceError } from './errors.js';
import type { Accumulators, BenefitSet, ClaimLine } from './model.js';

/**
 * A secondary payment method.
 *
 * @example
 * const m: SecondaryPaymentMethod = 'standard';
 */
export type SecondaryPaymentMethod =
  'standard' | 'non-duplication' | 'carve-out' | 'medicare-secondary' | 'medicaid-secondary';

/**
 * The primary payer's result for one claim line (from its remittance, or an estimate):
 * `charge` billed, `allowed` by the primary, `paid` by it, the `patientResponsibility` it
 * assigned, and whether the provider must accept the primary's amount as payment in full
 * (`obligatedToAccept`, a contracted provider; default true).
 *
 * @example
 * const p: PrimaryResult = { charge: cents(17500), allowed: cents(15000), paid: cents(12000), patientResponsibility: cents(3000), obligatedToAccept: false };
 */
export interface PrimaryResult {
  readonly charge: Cents;
  readonly allowed: Cents;
  readonly paid: Cents;
  readonly patientResponsibility: Cents;
  readonly obligatedToAccept?: boolean;
}

/**
 * The secondary payer's view of the same line: its benefit set, the member's accumulators with
 * it, and the line at the secondary's allowed amount (for Medicare, the fee schedule amount; for
 * Medicaid, the Medicaid rate).
 *
 * @example
 * const s: SecondaryBenefits = { benefits, accumulators, line, options: { order: 'claim' } };
 */
export interface SecondaryBenefits {
  readonly benefits: BenefitSet;
  readonly accumulators: Accumulators;
  readonly line: ClaimLine;
  readonly options?: CostShareOptions;
}

/**
 * The secondary payment and what is left for the patient, with the terms of the formula.
 * `accumulators` are the secondary's after the claim (deductible credited as if it paid primary,
 * for `standard`; the cost share it applied, for `carve-out`).
 *
 * @example
 * const r: SecondaryPaymentResult = unwrapOr(secondaryPayment('standard', primary, secondary), undefined)!;
 */
export interface SecondaryPaymentResult {
  readonly method: SecondaryPaymentMethod;
  readonly secondaryPays: Cents;
  readonly patientOwes: Cents;
  /** The allowable expense the secondary works from. */
  readonly allowable: Cents;
  /** N2: what the secondary would pay as primary. */
  readonly wouldPayAsPrimary: Cents;
  /** The candidate amounts the method took the lowest of (411.33: three; others: their bounds). */
  readonly limits: readonly Cents[];
  readonly accumulators: Accumulators;
}

const c = (n: number): Cents => Math.max(0, n) as Cents;

/**
 * Computes the secondary payer's payment for one claim line after the primary's.
 *
 * The allowable expense is the primary's allowed amount when the provider is obligated to accept
 * it, else the higher of the two plans' allowed amounts. Money is integer cents; the only rounding
 * is the secondary's own coinsurance (half-up per line, via {@link estimateCostShare}).
 *
 * @param method - the secondary's COB method
 * @param primary - the primary payer's result for the line
 * @param secondary - the secondary's benefits, accumulators and view of the line
 * @returns `Right(SecondaryPaymentResult)`; `Left` from {@link estimateCostShare}
 *   (`insurance.no-benefit`, `insurance.line-before-plan-year`, `insurance.line-amounts`)
 * @example
 * // 42 CFR 411.33 example: charge $175, primary allowed $150, paid $120; Medicare fee $125,
 * // deductible met → min(175 - 120, 0.8 × 125, max(125, 150) - 120) = min(55, 100, 30) = $30.
 * secondaryPayment('medicare-secondary', primary, secondary); // Right({ secondaryPays: 3000, ... })
 */
export const secondaryPayment = (
  method: SecondaryPaymentMethod,
  primary: PrimaryResult,
  secondary: SecondaryBenefits,
): Either<InsuranceError, SecondaryPaymentResult> => {
  const options = secondary.options ?? { order: 'claim' };
  const obligated = primary.obligatedToAccept ?? true;
  const asPrimary = estimateCostShare([secondary.line], secondary.benefits, secondary.accumulators, options);
  return pipe(
    asPrimary,
    andThen((n2Estimate): Either<InsuranceError, SecondaryPaymentResult> => {
      const n2 = n2Estimate.total.planPays;
      const fee = secondary.line.allowed;
      const allowable = c(obligated ? primary.allowed : Math.max(primary.allowed, fee));
      const balance = c(allowable - primary.paid);
      const result = (pays: number, limits: readonly number[], accumulators: Accumulators, owes?: number) =>
        ok<SecondaryPaymentResult, InsuranceError>({
          method,
          secondaryPays: c(pays),
          patientOwes: c(owes ?? balance - pays),
          allowable,
          wouldPayAsPrimary: n2,
          limits: limits.map(c),
          accumulators,
        });
      switch (method) {
        case 'standard':
          return result(Math.min(n2, balance), [n2, balance], n2Estimate.accumulators);
        case 'non-duplication':
          return result(
            Math.min(c(n2 - primary.paid), balance),
            [n2 - primary.paid, balance],
            n2Estimate.accumulators,
          );
        case 'carve-out': {
          const onBalance = estimateCostShare(
            [{ ...secondary.line, allowed: balance, billed: balance }],
            secondary.benefits,
            secondary.accumulators,
            options,
          );
          return pipe(
            onBalance,
            andThen((e) => result(e.total.planPays, [e.total.planPays], e.accumulators)),
          );
        }
        case 'medicare-secondary': {
          const otaf = primary.paid + primary.patientResponsibility;
          const chargeBound = (obligated ? Math.min(primary.charge, otaf) : primary.charge) - primary.paid;
          const higherAllowed = Math.max(fee, primary.allowed) - primary.paid;
          const pays = Math.max(0, Math.min(chargeBound, n2, higherAllowed));
          const basis = obligated ? otaf : Math.max(fee, primary.allowed);
          return result(
            pays,
            [chargeBound, n2, higherAllowed],
            n2Estimate.accumulators,
            basis - primary.paid - pays,
          );
        }
        case 'medicaid-secondary':
          return result(
            Math.min(c(fee - primary.paid), balance),
            [fee - primary.paid, balance],
            secondary.accumulators,
            0,
          );
      }
    }),
  );
};
