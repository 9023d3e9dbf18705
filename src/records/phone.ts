/**
 * North American Numbering Plan phone numbers to E.164. Rules: NPA-NXX-XXXX with N = 2-9; the
 * area code (NPA) is not N11 and not X9X (reserved for expansion); the exchange (NXX) is not N11
 * (NANPA numbering resources; records reference §1.3).
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

/** A NANP number in E.164 form: `+1` followed by ten digits. */
export const PhoneE164Schema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^\+1[2-9]\d{2}[2-9]\d{6}$/))
  .brand<'PhoneE164'>();
/** A NANP number in E.164 form: `+1` followed by ten digits. */
export type PhoneE164 = z.infer<typeof PhoneE164Schema>;

/** A normalized phone number: E.164 plus the extension, kept apart. */
export interface NormalizedPhone {
  /** `+1` and ten digits. */
  readonly e164: PhoneE164;
  /** Extension digits (`x123` → `123`), when one was given. */
  readonly extension?: string;
  /**
   * Present (`true`) for a number in the block reserved for fiction and tests, 555-0100 to
   * 555-0199 in any area code (NANPA): test data, never to be dialled or texted.
   */
  readonly fictional?: true;
}

/**
 * Whether a number is in the NANP block reserved for fictional use: exchange 555, line 0100 to
 * 0199, any area code (NANPA). Such numbers reach nobody; a record carrying one is test data.
 *
 * @param e164 - a normalized number (`+1` and ten digits)
 * @returns true for `+1NPA5550100` to `+1NPA5550199`
 * @example
 * const r = normalizePhone('(415) 555-0132');
 * if (r._tag === 'Right') isFictionalPhone(r.right.e164); // true: never dial it
 * // 415-555-2671 is an ordinary number: exchange 555 outside the 0100-0199 block
 */
export const isFictionalPhone = (e164: PhoneE164): boolean => FICTIONAL.test(e164);

// Exchange 555, line 01XX (NANPA: 555-0100 to 555-0199 are the reserved fictional numbers).
const FICTIONAL = /^\+1\d{3}55501\d{2}$/;

/** Why a phone number was refused. */
export type PhoneError = DomainError<
  'phone.format' | 'phone.length' | 'phone.country' | 'phone.area-code' | 'phone.exchange'
>;

// No leading \s*: it made every space a match start (quadratic on long space runs); the body
// before the extension is trimmed anyway.
const EXTENSION = /(?:x|ext\.?|extension|#)\s*(\d{1,6})\s*$/i;
const isN11 = (three: string): boolean => three[1] === '1' && three[2] === '1';

/**
 * Normalizes a NANP phone number to E.164. Accepts the usual punctuation (`(415) 555-0132`,
 * `415.555.0132`, `+1 415 555 0132`) and an extension (`x123`, `ext. 123`, `#123`), which is
 * returned separately. Rejects a country code other than +1, area codes starting with 0 or 1,
 * N11 area codes (211..911), X9X area codes, and exchanges starting with 0 or 1 or of the N11 form.
 *
 * @param input - the number as typed
 * @returns `Right({ e164, extension?, fictional? })` (`fictional: true` for 555-0100 to 555-0199,
 *   reserved for fiction: test data); `Left` `phone.format` (letters or other characters),
 *   `phone.country` (a `+` code other than 1), `phone.length` (not 10 digits after dropping a
 *   leading 1), `phone.area-code` or `phone.exchange`. Errors never echo the number.
 * @example
 * normalizePhone('+1 (415) 555-0132'); // Right({ e164: '+14155550132', fictional: true })
 * normalizePhone('415.555.0132 x123'); // Right({ e164: '+14155550132', extension: '123', fictional: true })
 * normalizePhone('212-736-5000'); // Right({ e164: '+12127365000' })
 * normalizePhone('911-555-0123'); // Left({ code: 'phone.area-code', ... })
 */
export const normalizePhone = (input: unknown): Either<PhoneError, NormalizedPhone> => {
  if (typeof input !== 'string') return err({ code: 'phone.format', message: 'phone must be text' });
  const ext = EXTENSION.exec(input);
  const body = (ext ? input.slice(0, ext.index) : input).trim();
  if (!/^\+?[\d\s().-]+$/.test(body))
    return err({
      code: 'phone.format',
      message: 'phone may contain only digits, spaces, ( ) . - and a leading +',
    });
  let digits = body.replace(/\D/g, '');
  if (body.startsWith('+') && !digits.startsWith('1'))
    return err({ code: 'phone.country', message: 'phone country code must be +1 (NANP)' });
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10)
    return err({ code: 'phone.length', message: 'phone must have 10 digits (area code, exchange, line)' });
  const npa = digits.slice(0, 3);
  const nxx = digits.slice(3, 6);
  if (!/^[2-9]/.test(npa) || isN11(npa) || npa[1] === '9')
    return err({
      code: 'phone.area-code',
      message: 'phone area code must start with 2-9 and be neither N11 nor X9X (reserved)',
    });
  if (!/^[2-9]/.test(nxx) || isN11(nxx))
    return err({ code: 'phone.exchange', message: 'phone exchange must start with 2-9 and not be N11' });
  const e164 = `+1${digits}` as PhoneE164;
  return ok({
    e164,
    ...(ext?.[1] === undefined ? {} : { extension: ext[1] }),
    ...(isFictionalPhone(e164) ? { fictional: true as const } : {}),
  });
};
