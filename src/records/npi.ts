/**
 * National Provider Identifier check: ten digits, the first 1 or 2 (CMS NPI standard: the other
 * leading digits are reserved), the last a Luhn check digit computed over the prefix 80840 plus
 * the first nine digits (CMS, "Requirements for Check Digit Algorithm for the NPI", 2005).
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

/** A National Provider Identifier whose check digit is valid. */
export const NpiSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.refine((s) => NPI_FIRST_DIGIT.test(s) && npiCheckDigitValid(s), {
      message: 'must be a 10-digit NPI starting with 1 or 2, with a valid check digit',
    }),
  )
  .brand<'Npi'>();
/** A National Provider Identifier whose check digit is valid. */
export type Npi = z.infer<typeof NpiSchema>;

/** Why an NPI was refused. */
export type NpiError = DomainError<'npi.format' | 'npi.first-digit' | 'npi.check-digit'>;

/** The first digit of an NPI is 1 or 2; CMS reserves the others. */
const NPI_FIRST_DIGIT = /^[12]/;

const npiCheckDigitValid = (s: string): boolean => {
  if (!/^\d{10}$/.test(s)) return false;
  // Luhn over "80840" + the first nine digits: the constant 24 is the doubled-prefix sum.
  let total = 24;
  for (let i = 0; i < 9; i++) {
    let d = Number(s[8 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
  }
  return (10 - (total % 10)) % 10 === Number(s[9]);
};

/**
 * Validates an NPI: ten digits, the first 1 or 2, Luhn check digit with the 80840 prefix. Spaces
 * and dashes are ignored. Errors never echo the value.
 *
 * @param input - the NPI as typed
 * @returns `Right(Npi)`; `Left` `npi.format` (not ten digits), `npi.first-digit` (not 1 or 2,
 *   checked before the check digit: `3234567899` passes Luhn but is refused) or `npi.check-digit`
 * @example
 * validateNpi('1234567893'); // Right('1234567893'), the CMS worked example
 * validateNpi('1234567890'); // Left({ code: 'npi.check-digit', ... })
 */
export const validateNpi = (input: unknown): Either<NpiError, Npi> => {
  const digits = typeof input === 'string' ? input.replace(/[\s-]/g, '') : '';
  if (!/^\d{10}$/.test(digits)) return err({ code: 'npi.format', message: 'NPI must be exactly 10 digits' });
  if (!NPI_FIRST_DIGIT.test(digits))
    return err({ code: 'npi.first-digit', message: 'NPI must start with 1 or 2 (CMS NPI standard)' });
  return npiCheckDigitValid(digits)
    ? ok(digits as Npi)
    : err({ code: 'npi.check-digit', message: 'NPI check digit does not match (Luhn with prefix 80840)' });
};
