/**
 * The communications module's errors: coded plain objects whose messages name the field and the
 * rule, never a patient's values (no name, number or message text).
 */
import type { DomainError } from '../core/errors.js';

/** Codes of the inputs the communications functions cannot work with. */
export type CommunicationsInputCode =
  | 'communications.invalid-instant'
  | 'communications.invalid-rules'
  | 'communications.invalid-text'
  | 'communications.no-business-day';

/** An input the function cannot work with; `field` names it (such as `now`, `rules.window`). */
export interface CommunicationsInputError extends DomainError<CommunicationsInputCode> {
  /** Dotted path of the offending argument or field. */
  readonly field: string;
}

/**
 * Builds an input error.
 *
 * @param code - the rule broken
 * @param field - dotted path of the argument or field
 * @param message - a sentence naming the field and rule (no values)
 * @returns the coded error
 * @example
 * inputError('communications.invalid-instant', 'now', 'now must be an ISO 8601 instant with an offset');
 */
export const inputError = (
  code: CommunicationsInputCode,
  field: string,
  message: string,
): CommunicationsInputError => ({ code, field, message });
