/**
 * CPT and HCPCS Level II procedure code formats (AMA CPT categories I-III; CMS HCPCS Level II).
 * Format only: CPT descriptors are AMA-licensed, so code lists stay with the caller.
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

/** Which code set a procedure code's format belongs to. */
export type ProcedureCodeKind = 'cpt-category-1' | 'cpt-category-2' | 'cpt-category-3' | 'hcpcs-level-2';

const KINDS: readonly (readonly [RegExp, ProcedureCodeKind])[] = [
  [/^\d{5}$/, 'cpt-category-1'],
  [/^\d{4}F$/, 'cpt-category-2'],
  [/^\d{4}T$/, 'cpt-category-3'],
  [/^[A-V]\d{4}$/, 'hcpcs-level-2'],
];

/** A CPT or HCPCS Level II code in a valid format, upper case. */
export const ProcedureCodeSchema = /* @__PURE__ */ z
  .string()
  .check(z.refine((s) => KINDS.some(([re]) => re.test(s))))
  .brand<'ProcedureCode'>();
/** A CPT or HCPCS Level II code in a valid format, upper case. */
export type ProcedureCode = z.infer<typeof ProcedureCodeSchema>;

/** A procedure code checked for format, with the code set it belongs to. */
export interface CheckedProcedureCode {
  /** The code, upper case. */
  readonly code: ProcedureCode;
  /** Its code set, from the format. */
  readonly kind: ProcedureCodeKind;
}

/** Why a procedure code or modifier was refused. */
export type ProcedureCodeError = DomainError<'procedure-code.format' | 'procedure-code.modifier-format'>;

/**
 * Checks the format of a CPT (Category I `99213`, II `3074F`, III `0075T`) or HCPCS Level II
 * (`G0154`: a letter A-V and four digits) code. Letters are upper-cased first.
 *
 * @param input - the code as typed
 * @returns `Right({ code, kind })`; `Left` `procedure-code.format`. Errors never echo the value.
 * @example
 * validateProcedureCode('99213'); // Right({ code: '99213', kind: 'cpt-category-1' })
 * validateProcedureCode('g0154'); // Right({ code: 'G0154', kind: 'hcpcs-level-2' })
 * validateProcedureCode('1234X'); // Left({ code: 'procedure-code.format', ... })
 */
export const validateProcedureCode = (input: unknown): Either<ProcedureCodeError, CheckedProcedureCode> => {
  const s = typeof input === 'string' ? input.trim().toUpperCase() : '';
  const hit = KINDS.find(([re]) => re.test(s));
  return hit
    ? ok({ code: s as ProcedureCode, kind: hit[1] })
    : err({
        code: 'procedure-code.format',
        message:
          'procedure code must be CPT (5 digits, or 4 digits + F or T) or HCPCS (letter A-V + 4 digits)',
      });
};

/**
 * Checks the format of a CPT/HCPCS modifier: exactly two letters or digits (`25`, `LT`).
 *
 * @param input - the modifier as typed
 * @returns `Right(modifier)` upper-cased; `Left` `procedure-code.modifier-format`
 * @example
 * validateProcedureModifier('lt'); // Right('LT')
 * validateProcedureModifier('ABC'); // Left({ code: 'procedure-code.modifier-format', ... })
 */
export const validateProcedureModifier = (input: unknown): Either<ProcedureCodeError, string> => {
  const s = typeof input === 'string' ? input.trim().toUpperCase() : '';
  return /^[A-Z0-9]{2}$/.test(s)
    ? ok(s)
    : err({ code: 'procedure-code.modifier-format', message: 'modifier must be 2 letters or digits' });
};
