/**
 * Percent conventions (insurance reference §5). X12 EB08 is a decimal fraction of the PATIENT's
 * share (`.2` = the patient pays 20%), but some carriers invert it (`.8` meaning the payer's share)
 * and JSON sources use whole percents (`"80"`). The convention is configured per source, never
 * guessed; the library stores the patient's share in basis points.
 */
import type { BasisPoints } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import type { PercentError } from './errors.js';

/**
 * How a source writes coinsurance: a fraction (`0.2`) or a whole percent (`20`), of the patient's
 * share or of the payer's.
 *
 * @example
 * const c: PercentConvention = 'payer-fraction'; // a carrier that sends .8 for a 20% patient share
 */
export type PercentConvention = 'patient-fraction' | 'payer-fraction' | 'patient-percent' | 'payer-percent';

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * Converts a coinsurance value as a source wrote it into the patient's share in basis points,
 * exactly (decimal string arithmetic, half-up below a hundredth of a percent).
 *
 * @param raw - the value as written (`".2"`, `"0.8"`, `"80"`)
 * @param convention - how this source writes it
 * @returns `Right(BasisPoints)` of the patient's share; `Left` `insurance.percent-format` for text
 *   that is not a plain decimal, `insurance.percent-range` above 100%
 * @example
 * patientShareFromPercent('.2', 'patient-fraction'); // Right(2000)
 * patientShareFromPercent('.8', 'payer-fraction'); // Right(2000)
 * patientShareFromPercent('80', 'payer-percent'); // Right(2000)
 */
export const patientShareFromPercent = (
  raw: unknown,
  convention: PercentConvention,
): Either<PercentError, BasisPoints> => {
  const m = typeof raw === 'string' ? DECIMAL.exec(raw.trim()) : null;
  if (!m || (m[1] === '' && (m[2] ?? '') === ''))
    return err({
      code: 'insurance.percent-format',
      message: 'percent must be a plain decimal such as .2 or 20',
    });
  // Basis points = value × 10 000 (fraction) or × 100 (percent): shift the decimal point.
  const shift = convention.endsWith('fraction') ? 4 : 2;
  const frac = m[2] ?? '';
  const digits = `${m[1] ?? ''}${frac.slice(0, shift).padEnd(shift, '0')}`;
  const roundUp = (frac[shift] ?? '0') >= '5' ? 1 : 0;
  const value = Number(digits === '' ? '0' : digits) + roundUp;
  if (value > 10_000)
    return err({ code: 'insurance.percent-range', message: 'percent must lie between 0% and 100%' });
  return ok((convention.startsWith('payer') ? 10_000 - value : value) as BasisPoints);
};
