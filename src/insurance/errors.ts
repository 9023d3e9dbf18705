/**
 * The errors of the insurance module's plan, cost-share and COB functions (X12 errors live in
 * `x12/`). Messages name fields and rules, never member ids, names or dates of birth.
 */
import type { DomainError } from '../core/errors.js';
import type { AnnualLimitsError } from './annualLimits.js';

/** A claim line names a service type and network for which the benefit set has no benefit. */
export type NoBenefitError = DomainError<'insurance.no-benefit'> & {
  readonly lineId: string;
  readonly serviceType: string;
  readonly network: 'in' | 'out';
};

/** A claim line's service date falls before the plan year of the accumulators given. */
export type LineBeforePlanYearError = DomainError<'insurance.line-before-plan-year'> & {
  readonly lineId: string;
};

/** A claim line's numbers do not fit together (billed below allowed, negative units). */
export type LineAmountsError = DomainError<'insurance.line-amounts'> & { readonly lineId: string };

/** A percent could not be read, or lies outside 0-100%. */
export type PercentError = DomainError<'insurance.percent-format' | 'insurance.percent-range'>;

/** Payer order was asked for without any coverage active on the date. */
export type NoCoverageError = DomainError<'insurance.no-coverage'>;

/**
 * Every error the plan, cost-share and COB functions return.
 *
 * @example
 * const e: InsuranceError = { code: 'insurance.no-coverage', message: 'no coverage is active on the date of service' };
 */
export type InsuranceError =
  | NoBenefitError
  | LineBeforePlanYearError
  | LineAmountsError
  | PercentError
  | NoCoverageError
  | AnnualLimitsError;
