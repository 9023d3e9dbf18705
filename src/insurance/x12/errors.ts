/**
 * Errors and warnings of the X12 reader. Errors mean the text cannot be read at all; everything a
 * real file gets wrong but that can still be read is a warning. Messages name segments, elements
 * and rules, never element values (which may be patient data).
 */
import type { DomainError } from '../../core/errors.js';

/** Codes of the X12 errors: input that cannot be read. */
export type X12ErrorCode = 'x12.empty' | 'x12.missing-isa' | 'x12.isa-truncated' | 'x12.truncated';

/**
 * An X12 error: the interchange cannot be read. `segmentIndex` (0-based, in the interchange) says
 * where reading stopped, when known.
 *
 * @example
 * const e: X12Error = { code: 'x12.truncated', message: 'ST at segment 2 has no SE', segmentIndex: 2 };
 */
export interface X12Error extends DomainError<X12ErrorCode> {
  /** Segment where reading stopped (0-based), when known. */
  readonly segmentIndex?: number;
}

/** Codes of the X12 warnings: what real files get wrong that can still be read. */
export type X12WarningCode =
  | 'x12.bom'
  | 'x12.isa-length'
  | 'x12.repetition-equals-component'
  | 'x12.se-count'
  | 'x12.control-mismatch'
  | 'x12.version-mismatch'
  | 'x12.functional-id'
  | 'x12.missing-trailer'
  | 'x12.segment-outside-transaction'
  | 'x12.unexpected-transaction'
  | 'x12.non-standard-code'
  | 'x12.loop-structure'
  | 'x12.bad-value'
  | 'x12.foreign-separator';

/**
 * A warning about something the reader tolerated, with where it happened.
 *
 * @example
 * const w: X12Warning = { code: 'x12.se-count', message: 'SE01 counts 22 segments, the transaction has 35', segmentIndex: 36 };
 */
export interface X12Warning extends DomainError<X12WarningCode> {
  /** Segment index (0-based, in the interchange) the warning is about, when it is about one. */
  readonly segmentIndex?: number;
}

/**
 * Builds an X12 error.
 *
 * @param code - the error code
 * @param message - a sentence naming the segment and rule (never values)
 * @param segmentIndex - where reading stopped, if known
 * @returns the error object
 * @example
 * x12Error('x12.empty', 'the text holds no segments'); // { code: 'x12.empty', ... }
 */
export const x12Error = (code: X12ErrorCode, message: string, segmentIndex?: number): X12Error =>
  segmentIndex === undefined ? { code, message } : { code, message, segmentIndex };

/**
 * Builds an X12 warning.
 *
 * @param code - the warning code
 * @param message - a sentence naming the segment and rule (never values)
 * @param segmentIndex - the segment concerned, if any
 * @returns the warning object
 * @example
 * x12Warning('x12.bom', 'a UTF-8 byte order mark precedes ISA');
 */
export const x12Warning = (code: X12WarningCode, message: string, segmentIndex?: number): X12Warning =>
  segmentIndex === undefined ? { code, message } : { code, message, segmentIndex };
