/**
 * Arbitraries of this module build plain inputs and run them through the library's own parser, so
 * each value is exactly what an app holds after `parseX` (defaults filled in, brands applied).
 */
import type * as fc from 'fast-check';
import type { ValidationError } from '../core/errors.js';
import type { Either } from '../core/result.js';

/**
 * Parses one value the arbitraries built, throwing when the library refuses it (a bug of the
 * arbitrary, as in {@link parsedBy}). Not exported from the subpath.
 *
 * @param input - a value meant to be valid
 * @param parse - the model's `parseX`
 * @returns the parsed value
 * @example
 * const base = parseOrThrow(raw, parseAppointment);
 */
export const parseOrThrow = <T>(input: unknown, parse: (input: unknown) => Either<ValidationError, T>): T => {
  const parsed = parse(input);
  if (parsed._tag === 'Left') throw new Error(`arbitrary built an invalid input: ${parsed.left.message}`);
  return parsed.right;
};

/**
 * Maps an arbitrary of raw inputs through a parser. A refused input is a bug of the arbitrary
 * (it must only build valid inputs), so it throws with the validation message, and fast-check
 * reports the shrunk input.
 *
 * @param raw - arbitrary of inputs meant to be valid
 * @param parse - the model's `parseX`
 * @returns an arbitrary of parsed values
 * @example
 * const patients = parsedBy(rawPatients, parsePatient);
 */
export const parsedBy = <T>(
  raw: fc.Arbitrary<unknown>,
  parse: (input: unknown) => Either<ValidationError, T>,
): fc.Arbitrary<T> => raw.map((input) => parseOrThrow(input, parse));
