/**
 * Social Security numbers: format and the ranges the SSA never issues (area 000, 666, 900-999;
 * group 00; serial 0000) plus advertised sample numbers (records reference §1.5). Since the SSA
 * randomized assignment in June 2011, other area numbers are not rejected.
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

/** A Social Security number in stored form: nine digits, no dashes. */
export const SsnSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^\d{9}$/))
  .brand<'Ssn'>();
/** A Social Security number in stored form: nine digits, no dashes. */
export type Ssn = z.infer<typeof SsnSchema>;

/** Why an SSN was refused. */
export type SsnError = DomainError<'ssn.format' | 'ssn.area' | 'ssn.group' | 'ssn.serial' | 'ssn.advertised'>;

// Numbers printed in advertising or samples (SSA; the last one is commonly rejected).
const ADVERTISED: ReadonlySet<string> = new Set(['078051120', '219099999', '123456789']);

/**
 * Validates an SSN: nine digits (dashes and spaces ignored) outside the never-issued ranges.
 * Synthea's `999-xx-xxxx` numbers are rejected, by design of both.
 *
 * @param input - the SSN as typed
 * @returns `Right(Ssn)` (nine digits); `Left` `ssn.format`, `ssn.area` (000, 666, 900-999),
 *   `ssn.group` (00), `ssn.serial` (0000) or `ssn.advertised`. Errors never echo the value.
 * @example
 * validateSsn('386-42-1057'); // Right('386421057')
 * validateSsn('666-12-3456'); // Left({ code: 'ssn.area', ... })
 */
export const validateSsn = (input: unknown): Either<SsnError, Ssn> => {
  const s = typeof input === 'string' ? input.replace(/[\s-]/g, '') : '';
  if (!/^\d{9}$/.test(s)) return err({ code: 'ssn.format', message: 'SSN must be 9 digits' });
  const area = s.slice(0, 3);
  if (area === '000' || area === '666' || area.startsWith('9'))
    return err({ code: 'ssn.area', message: 'SSN area number 000, 666 and 900-999 are never issued' });
  if (s.slice(3, 5) === '00')
    return err({ code: 'ssn.group', message: 'SSN group number 00 is never issued' });
  if (s.slice(5) === '0000')
    return err({ code: 'ssn.serial', message: 'SSN serial number 0000 is never issued' });
  if (ADVERTISED.has(s)) return err({ code: 'ssn.advertised', message: 'SSN is a published sample number' });
  return ok(s as Ssn);
};
