/**
 * US ZIP and ZIP+4 codes (USPS). A 4-digit ZIP usually lost its leading zero in a spreadsheet; it
 * is padded only for states whose ZIPs start with a single 0 (records reference §1.4).
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

/** A ZIP code in stored form: `12345` or `12345-6789`. */
export const ZipCodeSchema = /* @__PURE__ */ z
  .string()
  .check(
    z.regex(/^\d{5}(-\d{4})?$/),
    z.refine((s) => !s.startsWith('00000')),
  )
  .brand<'ZipCode'>();
/** A ZIP code in stored form: `12345` or `12345-6789`. */
export type ZipCode = z.infer<typeof ZipCodeSchema>;

/** Why a ZIP code was refused. */
export type ZipError = DomainError<'zip.format' | 'zip.all-zero' | 'zip.leading-zero'>;

// States (and the military AE "state") whose ZIPs start with exactly one 0 (USPS; reference §1.4).
const SINGLE_ZERO_STATES: ReadonlySet<string> = new Set(['CT', 'MA', 'ME', 'NH', 'NJ', 'RI', 'VT', 'AE']);

/**
 * Normalizes a ZIP or ZIP+4: `021394307` becomes `02139-4307`; a 4-digit ZIP is left-padded with
 * one 0 only when `state` is a single-zero state (CT, MA, ME, NH, NJ, RI, VT, AE; in NY only
 * Fishers Island 06390).
 *
 * @param input - the ZIP as typed
 * @param state - the two-letter state of the address, when known (needed to repair 4 digits)
 * @returns `Right(ZipCode)`; `Left` `zip.format`, `zip.all-zero` (00000) or `zip.leading-zero` (4
 *   digits where padding is not safe). Errors never echo the value.
 * @example
 * normalizeZip('021394307'); // Right('02139-4307')
 * normalizeZip('2139', 'MA'); // Right('02139')
 * normalizeZip('7701', 'TX'); // Left({ code: 'zip.leading-zero', ... })
 */
export const normalizeZip = (input: unknown, state?: string): Either<ZipError, ZipCode> => {
  const s = typeof input === 'string' ? input.trim() : '';
  let zip: string;
  const m = /^(\d{5})-?(\d{4})?$/.exec(s);
  if (m) zip = m[2] === undefined ? (m[1] as string) : `${m[1]}-${m[2]}`;
  else if (/^\d{4}(-?\d{4})?$/.test(s)) {
    const st = state?.trim().toUpperCase();
    const five = `0${s.slice(0, 4)}`;
    if (!(st !== undefined && (SINGLE_ZERO_STATES.has(st) || (st === 'NY' && five === '06390'))))
      return err({
        code: 'zip.leading-zero',
        message: 'zip has 4 digits and the state does not allow restoring a single leading 0',
      });
    const plus4 = s.slice(4).replace('-', '');
    zip = plus4 === '' ? five : `${five}-${plus4}`;
  } else return err({ code: 'zip.format', message: 'zip must be 5 digits or ZIP+4 (12345-6789)' });
  if (zip.startsWith('00000')) return err({ code: 'zip.all-zero', message: 'zip 00000 is never valid' });
  return ok(zip as ZipCode);
};
