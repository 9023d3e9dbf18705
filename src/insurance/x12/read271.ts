/**
 * Reads 271 eligibility responses (5010 005010X279A1 and 4010 004010X092A1) into normalized
 * responses, one per subscriber or dependent, following the HL tree (2000A source, 2000B receiver,
 * 2000C subscriber, 2000D dependent), the 2110 benefit loops and the LS/LE 2120 entity loops.
 */
import type { Either } from '../../core/result.js';
import type { EligibilityResponse } from '../eligibilityModel.js';
import type { PercentConvention } from '../percent.js';
import type { X12Error, X12Warning } from './errors.js';
import { read271Lazily } from './walk271.js';

/**
 * Options of {@link read271}.
 *
 * @example
 * const o: Read271Options = { percentConvention: 'payer-fraction' }; // a carrier that sends .8 for 20%
 */
export interface Read271Options {
  /** How this payer sends EB08: a fraction of the patient's share (the X12 rule, default) or otherwise (T18). */
  readonly percentConvention?: PercentConvention;
}

/**
 * The result of reading a 271 interchange: one response per subscriber/dependent (or one per
 * transaction rejected before reaching a person), and interchange-level warnings.
 *
 * @example
 * const r = read271(text);
 * if (r._tag === 'Right') r.right.responses.map((x) => x.status);
 */
export interface Read271Result {
  /** ISA13 control number. */
  readonly interchangeControlNumber: string;
  /** Responses in document order. */
  readonly responses: readonly EligibilityResponse[];
  /** Envelope-level warnings (BOM, counts, mismatches). */
  readonly warnings: readonly X12Warning[];
}

/**
 * Reads a 271 interchange (5010 or 4010) into normalized eligibility responses, one per subscriber
 * or dependent, each with its payer rejections (AAA, with follow-up action and retry policy; an AAA
 * is an error, never inactive coverage), its benefits as coded facts (kind, coverage level, network
 * tier Y/N/W/U, service types, period, amount in cents or percent in basis points, total vs
 * remaining vs used, authorization tri-state, messages, dates, entities) with provenance (loop and
 * segment index). Dates are calendar dates (YYYY-MM-DD); no time zone is involved. Amounts are read
 * exactly (no floating point). Tolerates everything {@link parseX12} tolerates; transactions that
 * are not 271s are skipped with a warning. Never throws.
 *
 * The envelope, the people, their names, ids, dates, trace numbers, rejections and status are read
 * at once; the `benefits` and `warnings` of the responses of a transaction are read from its
 * segments the first time one of them is asked for (once per transaction, the same lists on every
 * read). They are own enumerable, read-only properties, so `JSON.stringify`, `structuredClone`,
 * spreads and deep-equality checks see them like any other field; a caller that wants everything
 * read up front reads them (`responses.forEach((r) => r.benefits)`). The result holds on to the
 * text until then.
 *
 * @param text - the 271 interchange text
 * @param options - the payer's percent convention (default: EB08 is the patient's share)
 * @returns `Right(Read271Result)`, or `Left` with the {@link parseX12} errors, or `x12.empty` when
 *   the interchange holds no 271 transaction
 * @example
 * const r = read271(text);
 * if (r._tag === 'Right') for (const resp of r.right.responses) console.log(resp.status, resp.benefits.length);
 */
export const read271 = (text: unknown, options: Read271Options = {}): Either<X12Error, Read271Result> =>
  read271Lazily(text, options);
