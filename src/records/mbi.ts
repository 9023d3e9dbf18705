/**
 * Medicare Beneficiary Identifier: 11 characters, no check digit, positional grammar
 * `C A AN N A AN N A A N N` with the letters S, L, O, I, B and Z excluded (CMS, "Understanding the
 * Medicare Beneficiary Identifier (MBI) Format").
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

const LETTER = '[AC-HJKMNP-RT-Y]';
const ALNUM = '[AC-HJKMNP-RT-Y0-9]';
// One pattern per position (1-based), so an error can say which position broke the rule.
const POSITIONS: readonly (readonly [RegExp, string])[] = [
  [/^[1-9]$/, 'a digit 1-9'],
  [new RegExp(`^${LETTER}$`), 'a letter other than S, L, O, I, B, Z'],
  [new RegExp(`^${ALNUM}$`), 'a digit or a letter other than S, L, O, I, B, Z'],
  [/^[0-9]$/, 'a digit'],
  [new RegExp(`^${LETTER}$`), 'a letter other than S, L, O, I, B, Z'],
  [new RegExp(`^${ALNUM}$`), 'a digit or a letter other than S, L, O, I, B, Z'],
  [/^[0-9]$/, 'a digit'],
  [new RegExp(`^${LETTER}$`), 'a letter other than S, L, O, I, B, Z'],
  [new RegExp(`^${LETTER}$`), 'a letter other than S, L, O, I, B, Z'],
  [/^[0-9]$/, 'a digit'],
  [/^[0-9]$/, 'a digit'],
];

const MBI_PATTERN = new RegExp(`^[1-9]${LETTER}${ALNUM}[0-9]${LETTER}${ALNUM}[0-9]${LETTER}{2}[0-9]{2}$`);

/** A Medicare Beneficiary Identifier in its stored form: 11 upper-case characters, no dashes. */
export const MbiSchema = /* @__PURE__ */ z.string().check(z.regex(MBI_PATTERN)).brand<'Mbi'>();
/** A Medicare Beneficiary Identifier in its stored form: 11 upper-case characters, no dashes. */
export type Mbi = z.infer<typeof MbiSchema>;

/** Why an MBI was refused; `position` (1-11) says which character broke the grammar. */
export interface MbiError extends DomainError<'mbi.length' | 'mbi.position'> {
  /** 1-based position of the first bad character (for `mbi.position`). */
  readonly position?: number;
}

/**
 * Validates a Medicare Beneficiary Identifier. Dashes and spaces (display form `1EG4-TE5-MK73`)
 * are removed and letters upper-cased before checking; the stored form has neither.
 *
 * @param input - the MBI as typed or printed on the card
 * @returns `Right(Mbi)`; `Left` `mbi.length` (not 11 characters) or `mbi.position` (with the
 *   1-based position that breaks the grammar). Errors never echo the value.
 * @example
 * validateMbi('1EG4-TE5-MK73'); // Right('1EG4TE5MK73')
 * validateMbi('1SG4TE5MK73'); // Left({ code: 'mbi.position', position: 2, ... })
 */
export const validateMbi = (input: unknown): Either<MbiError, Mbi> => {
  const s = typeof input === 'string' ? input.replace(/[\s-]/g, '').toUpperCase() : '';
  if (s.length !== 11)
    return err({ code: 'mbi.length', message: 'MBI must be 11 characters without dashes' });
  for (let i = 0; i < 11; i++) {
    const [pattern, rule] = POSITIONS[i] as readonly [RegExp, string];
    if (!pattern.test(s.charAt(i)))
      return err({ code: 'mbi.position', position: i + 1, message: `MBI position ${i + 1} must be ${rule}` });
  }
  return ok(s as Mbi);
};
