/**
 * The referral module's errors: coded plain objects whose messages name the rule broken, never
 * patient values.
 */
import type { DomainError } from '../core/errors.js';
import type { ReferralEventType } from './model.js';
import type { ReferralStatus } from './statuses.js';

/** A guard or table rule that refused an event, or an input the module cannot use. */
export type ReferralRuleCode =
  | 'referral.missing-diagnosis'
  | 'referral.missing-attachment'
  | 'referral.request-type'
  | 'referral.duplicate-authorization'
  | 'referral.authorization-required'
  | 'referral.no-open-request'
  | 'referral.decision-mismatch'
  | 'referral.decision-incomplete'
  | 'referral.no-units-approved'
  | 'referral.invalid-period'
  | 'referral.certification-number-required'
  | 'referral.denial-not-editable'
  | 'referral.resubmission-incomplete'
  | 'referral.outside-authorization-window'
  | 'referral.visits-exhausted'
  | 'referral.duplicate-appointment'
  | 'referral.unknown-appointment'
  | 'referral.consult-note-required'
  | 'referral.authorization-still-valid'
  | 'referral.loop-closed'
  | 'referral.no-visit-kept'
  | 'referral.authorization-not-active'
  | 'referral.fhir-unsupported';

/** An event the transition table does not allow in the referral's status. */
export interface ReferralInvalidEventError extends DomainError<'referral.invalid-event'> {
  /** The referral's status. */
  readonly status: ReferralStatus;
  /** The refused event. */
  readonly event: ReferralEventType;
  /** The events the table allows in this status (empty for a terminal status). */
  readonly allowed: readonly ReferralEventType[];
}

/** A guard refused the event, or an input was unusable. */
export interface ReferralRuleError extends DomainError<ReferralRuleCode> {
  /** Extra plain-data detail (attachment kinds, appointment ids), never patient values. */
  readonly details?: Readonly<Record<string, string | number | readonly string[]>>;
}

/** Every error of `medoffice/referrals`. */
export type ReferralError = ReferralInvalidEventError | ReferralRuleError;

/**
 * Builds a guard error.
 *
 * @param code - the rule code
 * @param message - a sentence naming the field and rule
 * @param details - optional plain-data detail
 * @returns the coded error
 * @example
 * referralRuleError('referral.missing-diagnosis', 'submit needs at least one ICD-10-CM diagnosis');
 */
export const referralRuleError = (
  code: ReferralRuleCode,
  message: string,
  details?: ReferralRuleError['details'],
): ReferralRuleError => (details === undefined ? { code, message } : { code, message, details });
