/**
 * The billing module's errors and reading notes: coded plain objects whose messages name segments,
 * elements, fields and rules, never patient values (names, member ids, dates of birth).
 */
import type { DomainError } from '../core/errors.js';
import type { X12WarningCode } from '../insurance/x12/errors.js';

/** Codes of the billing errors: an input the function cannot use at all. */
export type BillingErrorCode =
  | 'billing.x12-unreadable'
  | 'billing.no-transaction'
  | 'billing.unbalanced'
  | 'billing.duplicate-entry'
  | 'billing.over-application'
  | 'billing.refund-exceeds-credit'
  | 'billing.not-reversible'
  | 'billing.no-claims'
  | 'billing.unsafe-text'
  | 'billing.installments'
  | 'billing.payment-amount'
  | 'billing.unknown-entry'
  | 'billing.invalid-input'
  | 'billing.no-coverage'
  | 'billing.unknown-payer'
  | 'billing.missing-subscriber'
  | 'billing.no-adjudication'
  | 'billing.crossed-over'
  | 'billing.no-next-payer'
  | 'billing.unmatched-line'
  | 'billing.cob-unbalanced';

/**
 * A billing error. `segmentIndex` (0-based, in the interchange) says where reading stopped when the
 * input was X12; `field` names the input field otherwise.
 *
 * @example
 * const e: BillingError = { code: 'billing.no-transaction', message: 'the interchange holds no 835 transaction' };
 */
export interface BillingError extends DomainError<BillingErrorCode> {
  /** Segment where reading stopped (0-based), when the input was X12. */
  readonly segmentIndex?: number;
  /** Dotted input field the error is about, when it is about one. */
  readonly field?: string;
}

/**
 * Builds a billing error.
 *
 * @param code - the error code
 * @param message - a sentence naming the field or segment and the rule (never values)
 * @param where - segment index or field path, when known
 * @param where.segmentIndex - segment where reading stopped (0-based)
 * @param where.field - dotted input field
 * @returns the error object
 * @example
 * billingError('billing.installments', 'count must be a whole number from 1 to 600', { field: 'plan.count' });
 */
export const billingError = (
  code: BillingErrorCode,
  message: string,
  where: { readonly segmentIndex?: number; readonly field?: string } = {},
): BillingError => ({ code, message, ...where });

/** Codes of what a reader tolerated (the shared X12 warnings) or could not read inside a readable file. */
export type ReadingNoteCode =
  | X12WarningCode
  | 'billing.bad-amount'
  | 'billing.bad-composite'
  | 'billing.bad-date'
  | 'billing.segment-out-of-place';

/**
 * A note about one segment: `warning` when it was tolerated, `error` when the segment (or the line
 * it carried) could not be read and was left out. Names segment and element, never the value.
 *
 * @example
 * const n: ReadingNote = { code: 'billing.bad-composite', severity: 'error', message: 'SVC01 is not a composite', segmentIndex: 22, segment: 'SVC', element: 1 };
 */
export interface ReadingNote extends DomainError<ReadingNoteCode> {
  /** `error`: the segment was not read; `warning`: read with a tolerance. */
  readonly severity: 'error' | 'warning';
  /** Segment index in the interchange (0-based), when about one segment. */
  readonly segmentIndex?: number;
  /** Segment id, such as `SVC`. */
  readonly segment?: string;
  /** Element position, such as 1 for SVC01. */
  readonly element?: number;
}
