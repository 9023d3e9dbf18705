/**
 * The throwing half of a literal constructor (DESIGN.md rule 12): a constant written in code that
 * is not a valid value is a programmer error, so it throws at once instead of travelling on as an
 * `Either` nobody checks. Outside data goes through the `parseX` functions, which never throw.
 * Internal to core (not in its barrel): the constructors beside each schema use it.
 */
import type { DomainError } from './errors.js';
import type { Either } from './result.js';

/**
 * The value of a result, or a `RangeError` carrying the error's code and message (which name the
 * rule, never the value: an id written in a test may still be a patient's).
 *
 * @param result - the answer of a `parseX` function
 * @returns the value on the Right
 * @throws RangeError `code: message` of the Left
 * @example
 * valueOrThrow(parseIsoDate('2026-11-23')); // '2026-11-23'
 */
export const valueOrThrow = <A>(result: Either<DomainError, A>): A => {
  if (result._tag === 'Left') throw new RangeError(`${result.left.code}: ${result.left.message}`);
  return result.right;
};
