/**
 * Reconciles what a payer reports about an accumulator (the total, the amount remaining, the
 * amount used year to date) into met and remaining amounts (insurance reference §4 step 8, T23).
 * A 271 often sends two of the three, sometimes inconsistent ones, sometimes only the total:
 * then what is met is unknown, neither zero nor the full amount.
 */
import type { Cents } from '../core/money.js';

/**
 * What a source reported: `total` (EB06 23/22/25/32), `remaining` (29/33), `used` (24).
 *
 * @example
 * const r: AccumulatorReport = { total: cents(150000), remaining: cents(25000) };
 */
export interface AccumulatorReport {
  readonly total?: Cents;
  readonly remaining?: Cents;
  readonly used?: Cents;
}

/**
 * Why reported figures were adjusted: `remaining-exceeds-total` and `used-exceeds-total` (clamped
 * to the total), `remaining-and-used-disagree` (remaining was trusted).
 *
 * @example
 * const w: AccumulatorWarning = 'remaining-exceeds-total';
 */
export type AccumulatorWarning =
  'remaining-exceeds-total' | 'used-exceeds-total' | 'remaining-and-used-disagree';

/**
 * An amount known, or `'unknown'` with the reason.
 *
 * @example
 * const a: KnownAmount = { unknown: 'only the total was reported' };
 */
export type KnownAmount = Cents | { readonly unknown: string };

/**
 * Met and remaining amounts of an accumulator, each known or not, with warnings.
 *
 * @example
 * const r: AccumulatorAmounts = resolveAccumulatorAmounts({ total: cents(150000), used: cents(125000) });
 */
export interface AccumulatorAmounts {
  readonly total: KnownAmount;
  readonly met: KnownAmount;
  readonly remaining: KnownAmount;
  readonly warnings: readonly AccumulatorWarning[];
}

const unknown = (reason: string) => ({ unknown: reason });

/**
 * Derives met and remaining from whatever was reported. Remaining is trusted over used when both
 * are present; figures above the total are clamped to it with a warning.
 *
 * @param report - the total, remaining and/or used amounts reported
 * @returns the total, met and remaining amounts, each a number of cents or `{ unknown: reason }`
 * @example
 * // T23: calendar-year total $1,500 and remaining $250 → met $1,250.
 * resolveAccumulatorAmounts({ total: cents(150000), remaining: cents(25000) });
 * // → { total: 150000, met: 125000, remaining: 25000, warnings: [] }
 */
export const resolveAccumulatorAmounts = (report: AccumulatorReport): AccumulatorAmounts => {
  const { total, remaining, used } = report;
  const warnings: AccumulatorWarning[] = [];
  if (total === undefined) {
    const why = 'no total was reported';
    return {
      total: unknown(why),
      met: used ?? unknown(why),
      remaining: remaining ?? unknown(why),
      warnings,
    };
  }
  if (remaining !== undefined) {
    if (remaining > total) warnings.push('remaining-exceeds-total');
    const left = Math.min(remaining, total);
    if (used !== undefined && used !== total - left) warnings.push('remaining-and-used-disagree');
    return { total, met: (total - left) as Cents, remaining: left as Cents, warnings };
  }
  if (used !== undefined) {
    if (used > total) warnings.push('used-exceeds-total');
    const met = Math.min(used, total);
    return { total, met: met as Cents, remaining: (total - met) as Cents, warnings };
  }
  const why = 'only the total was reported; met and remaining are unknown';
  return { total, met: unknown(why), remaining: unknown(why), warnings };
};
