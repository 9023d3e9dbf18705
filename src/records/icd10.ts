/**
 * ICD-10-CM diagnosis codes: format (records reference §1.6) and specificity (a header code is not
 * billable; categories that take a 7th character need it, with placeholder X where the code is
 * shorter than six characters).
 *
 * The library ships no full code table (the CMS/NCHS order file is ~97k lines per fiscal year and
 * validity depends on the date of service), so without `validCodes` the specificity check is
 * structural: it knows the 7th-character categories below and a short list of 3-character codes
 * that are billable on their own; every other 3-character code is reported as a header. A 4- to
 * 6-character code outside the 7th-character categories cannot be told from a header without the
 * table, and passes. Pass `validCodes` (built from `icd10cm_codes_<FY>.txt`) to check exactly.
 */
import * as z from 'zod/mini';
import type { DomainError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';

/** An ICD-10-CM code in stored form: upper case, no dot (`E119`, `S52521A`). */
export const Icd10CmCodeSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/))
  .brand<'Icd10CmCode'>();
/** An ICD-10-CM code in stored form: upper case, no dot (`E119`, `S52521A`). */
export type Icd10CmCode = z.infer<typeof Icd10CmCodeSchema>;

/** Why an ICD-10-CM code was refused. */
export type Icd10Error = DomainError<
  | 'icd10.format'
  | 'icd10.header-code'
  | 'icd10.seventh-character'
  | 'icd10.placeholder'
  | 'icd10.not-in-code-set'
>;

/**
 * Categories (and subcategories) whose codes take a 7th character, as code prefixes without the
 * dot. Source: ICD-10-CM Tabular List (CMS/NCHS FY2025), the 7th-character notes of chapter 19
 * (S00-T88 except the burn-extent categories T30-T32), chapter 20 (V00-Y38), and M1A, M48.4,
 * M48.5, M80, M84.3-M84.6, O31-O36 (O33.3-O33.6 only), O40, O41, O60.1, O60.2, O64, O69 and
 * R40.21-R40.24. Not from records.md; partial: glaucoma staging (H40) is not covered.
 */
const SEVENTH_CHARACTER_PREFIXES: readonly string[] = [
  'M1A', 'M484', 'M485', 'M80', 'M843', 'M844', 'M845', 'M846',
  'O31', 'O32', 'O333', 'O334', 'O335', 'O336', 'O35', 'O36', 'O40', 'O41', 'O601', 'O602', 'O64', 'O69',
  'R4021', 'R4022', 'R4023', 'R4024',
]; // prettier-ignore

const inChapterRanges = (c: string): boolean => {
  const letter = c.charAt(0);
  const n = Number(c.slice(1, 3));
  if (letter === 'S' || letter === 'V' || letter === 'W' || letter === 'X') return true;
  if (letter === 'T') return !(n >= 30 && n <= 32);
  return letter === 'Y' && n <= 38;
};

/**
 * Whether codes under this category take a 7th character (see the source note above).
 *
 * @param code - a code in stored form (no dot)
 * @returns true for the 7th-character categories known to the library
 * @example
 * const fracture = validateIcd10Cm('S52521'); // a code read from outside
 * if (isOk(fracture)) takesSeventhCharacter(fracture.right); // true (S52: a 7th character is required)
 */
export const takesSeventhCharacter = (code: Icd10CmCode): boolean =>
  /^[A-Z]\d\d/.test(code) &&
  (inChapterRanges(code) || SEVENTH_CHARACTER_PREFIXES.some((p) => code.startsWith(p)));

/**
 * Three-character categories that are billable codes on their own (no subcodes), from the
 * ICD-10-CM FY2025 tabular list (unverified against the order file; partial). Any other
 * 3-character code is treated as a header.
 */
const BILLABLE_THREE_CHARACTER: ReadonlySet<string> = new Set([
  'A09', 'A33', 'A34', 'A35', 'A46', 'A55', 'A57', 'A58', 'A64', 'A65', 'A70', 'A78', 'A86', 'A89', 'A90', 'A91',
  'A94', 'A99', 'B03', 'B04', 'B09', 'B20', 'B49', 'B54', 'B59', 'B64', 'B72', 'B73', 'B75', 'B79', 'B80', 'B86',
  'B89', 'B91', 'B92', 'D62', 'D65', 'D66', 'D67', 'D71', 'D77', 'E02', 'E15', 'E40', 'E41', 'E42', 'E43', 'E45',
  'E46', 'E52', 'E54', 'E58', 'E59', 'E60', 'E65', 'E68', 'F04', 'F05', 'F09', 'F21', 'F22', 'F23', 'F24', 'F28',
  'F29', 'F39', 'F54', 'F59', 'F66', 'F69', 'F70', 'F71', 'F72', 'F73', 'F79', 'F82', 'F88', 'F89', 'F99', 'G07',
  'G08', 'G09', 'G10', 'G14', 'G26', 'G53', 'G55', 'G59', 'G63', 'G64', 'I10', 'I32', 'I38', 'I39', 'I41', 'I43',
  'I52', 'I76', 'I81', 'I96', 'J00', 'J17', 'J22', 'J40', 'J42', 'J60', 'J61', 'J64', 'J65', 'J80', 'J90', 'J99',
  'K30', 'K36', 'K37', 'K67', 'K77', 'K87', 'L00', 'L14', 'L22', 'L26', 'L42', 'L45', 'L52', 'L54', 'L86', 'L88',
  'L99', 'N10', 'N12', 'N16', 'N19', 'N23', 'N29', 'N37', 'N51', 'N62', 'N72', 'N74', 'N86', 'N96', 'R12', 'R17',
  'R21', 'R34', 'R42', 'R52', 'R54', 'R55', 'R58', 'R61', 'R64', 'R69', 'R75', 'R81', 'R99', 'Z21', 'Z23', 'Z66',
]); // prettier-ignore

const FORMAT = /^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/;

/**
 * Checks the format of an ICD-10-CM code and returns its stored form: trimmed, upper case, the
 * optional dot after the third character removed. A letter, a digit, a letter or digit, then up
 * to four more letters or digits (3 to 7 characters without the dot).
 *
 * @param input - the code as typed (`e11.9`, `E119`, `S52.521A`)
 * @returns `Right(Icd10CmCode)`; `Left` `icd10.format`. Errors never echo the value.
 * @example
 * validateIcd10Cm('e11.9'); // Right('E119')
 * validateIcd10Cm('EE1.9'); // Left({ code: 'icd10.format', ... })
 */
export const validateIcd10Cm = (input: unknown): Either<Icd10Error, Icd10CmCode> => {
  const m = typeof input === 'string' ? FORMAT.exec(input.trim().toUpperCase()) : null;
  if (!m)
    return err({
      code: 'icd10.format',
      message:
        'ICD-10-CM code must be a letter, a digit, a letter or digit, then an optional dot and up to 4 more',
    });
  return ok(`${m[1]}${m[2] ?? ''}` as Icd10CmCode);
};

/** Options of {@link checkIcd10Specificity}. */
export interface Icd10SpecificityOptions {
  /**
   * The valid (billable) codes of the fiscal year of the date of service, in stored form (no dot,
   * upper case), e.g. built from CMS `icd10cm_codes_<FY>.txt`. When given, membership decides.
   */
  readonly validCodes?: ReadonlySet<string>;
}

const LOOKS_LIKE_EXTENSION = /[A-HJ-NP-WYZ]$/;

/**
 * Checks format and specificity of an ICD-10-CM code: whether it can be billed as is.
 *
 * Rules, in order: (1) format as in {@link validateIcd10Cm}; (2) in a category that takes a 7th
 * character: a code shorter than 7 characters whose last character is a letter other than X is a
 * 7th character without its X placeholders (`W61.62D` should be `W61.62XD`) → `icd10.placeholder`;
 * 6 characters → `icd10.seventh-character`; 3 to 5 characters → `icd10.header-code` (these
 * categories are all subdivided); the 7th character itself may not be X; (3) a 3-character code
 * outside the short list of billable 3-character codes → `icd10.header-code`; (4) with
 * `options.validCodes`, a code absent from the set → `icd10.not-in-code-set`. Without a code table
 * the library cannot know whether a 4- to 6-character code has subcodes (`E11.6` is a header,
 * `E11.9` is not) and lets it pass; validity by date of service (`M54.5` deleted 2021-10-01) also
 * needs the fiscal year's table.
 *
 * @param input - the code as typed
 * @param options - optional fiscal-year code set for an exact answer
 * @returns `Right(Icd10CmCode)`; `Left` `icd10.format`, `icd10.header-code`,
 *   `icd10.seventh-character`, `icd10.placeholder` or `icd10.not-in-code-set`
 * @example
 * checkIcd10Specificity('S52.521A'); // Right('S52521A')
 * checkIcd10Specificity('E11'); // Left({ code: 'icd10.header-code', ... })
 * checkIcd10Specificity('S52.521'); // Left({ code: 'icd10.seventh-character', ... })
 * checkIcd10Specificity('W61.62D'); // Left({ code: 'icd10.placeholder', ... })
 */
export const checkIcd10Specificity = (
  input: unknown,
  options: Icd10SpecificityOptions = {},
): Either<Icd10Error, Icd10CmCode> => {
  const parsed = validateIcd10Cm(input);
  if (parsed._tag === 'Left') return parsed;
  const code = parsed.right;
  const header = (): Either<Icd10Error, Icd10CmCode> =>
    err({
      code: 'icd10.header-code',
      message: 'ICD-10-CM code is a category header with subcodes, not billable',
    });
  if (takesSeventhCharacter(code)) {
    if (code.length < 7 && code.length > 3 && LOOKS_LIKE_EXTENSION.test(code))
      return err({
        code: 'icd10.placeholder',
        message:
          'ICD-10-CM 7th character must be in position 7, with X placeholders filling the empty positions',
      });
    if (code.length === 6)
      return err({
        code: 'icd10.seventh-character',
        message: 'ICD-10-CM code in this category needs a 7th character',
      });
    if (code.length < 6) return header();
    if (code.endsWith('X'))
      return err({
        code: 'icd10.seventh-character',
        message: 'ICD-10-CM 7th character cannot be the placeholder X',
      });
  } else if (code.length === 3 && !BILLABLE_THREE_CHARACTER.has(code)) return header();
  if (options.validCodes !== undefined && !options.validCodes.has(code))
    return err({
      code: 'icd10.not-in-code-set',
      message: 'ICD-10-CM code is not in the given valid code set',
    });
  return ok(code);
};

/**
 * Formats a stored ICD-10-CM code for display, with the dot after the third character.
 *
 * @param code - stored form
 * @returns `E11.9`, `S52.521A`; 3-character codes unchanged
 * @example
 * const diabetes = validateIcd10Cm('E119');
 * if (isOk(diabetes)) formatIcd10Cm(diabetes.right); // 'E11.9'
 */
export const formatIcd10Cm = (code: Icd10CmCode): string =>
  code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
