/**
 * Yearly legal limits as versioned data, one row per plan year. Cost-share logic looks a row up by
 * the plan year of the service date; no limit is a literal in logic.
 *
 * Sources (insurance reference §7.4): CMS revised 2026 ACA maximum OOP (WTW, NIS Benefits, July
 * 2025); IRS Rev. Proc. 2024-25 and 2025-19 (HDHP bounds); CMS 2025 and 2026 Medicare Parts A/B
 * deductibles. 2027 ACA figures are as reported (NIS Benefits) and have no HDHP/Medicare row yet.
 */
import type { DomainError } from '../core/errors.js';
import type { Cents } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import type { AnnualLimits } from './model.js';

const usd = (dollars: number): Cents => (dollars * 100) as Cents;
const pair = (self: number, family: number) => ({ self: usd(self), family: usd(family) });

/**
 * Known yearly limits, oldest first.
 *
 * @example
 * ANNUAL_LIMITS.find((l) => l.year === 2026)?.acaOopMax.self; // 1060000 ($10,600)
 */
export const ANNUAL_LIMITS: readonly AnnualLimits[] = [
  {
    year: 2025,
    acaOopMax: pair(9_200, 18_400),
    hdhpMinDeductible: pair(1_650, 3_300),
    hdhpMaxOop: pair(8_300, 16_600),
    medicarePartBDeductible: usd(257),
    medicarePartADeductible: usd(1_676),
    source: 'CMS NBPP 2025; IRS Rev. Proc. 2024-25; CMS 2025 Medicare deductibles',
  },
  {
    year: 2026,
    acaOopMax: pair(10_600, 21_200),
    hdhpMinDeductible: pair(1_700, 3_400),
    hdhpMaxOop: pair(8_500, 17_000),
    medicarePartBDeductible: usd(283),
    medicarePartADeductible: usd(1_736),
    source:
      'CMS revised 2026 premium adjustment percentage; IRS Rev. Proc. 2025-19; CMS 2026 Medicare deductibles',
  },
  {
    year: 2027,
    acaOopMax: pair(12_000, 24_000),
    hdhpMinDeductible: null,
    hdhpMaxOop: null,
    medicarePartBDeductible: null,
    medicarePartADeductible: null,
    source: 'CMS NBPP 2027 as reported (NIS Benefits)',
  },
];

/** No limits are on file for the plan year asked. */
export type AnnualLimitsError = DomainError<'insurance.annual-limits-unknown'> & { readonly year: number };

/**
 * The legal limits of a plan year, from {@link ANNUAL_LIMITS} or a table the caller supplies
 * (newer years, state rules).
 *
 * @param year - the calendar year the plan year starts in
 * @param table - rows to search (default {@link ANNUAL_LIMITS})
 * @returns `Right(AnnualLimits)`, or `Left` `insurance.annual-limits-unknown` when no row exists
 * @example
 * annualLimitsFor(2026); // Right({ year: 2026, acaOopMax: { self: 1060000, family: 2120000 }, ... })
 */
export const annualLimitsFor = (
  year: number,
  table: readonly AnnualLimits[] = ANNUAL_LIMITS,
): Either<AnnualLimitsError, AnnualLimits> => {
  const row = table.find((l) => l.year === year);
  return row
    ? ok(row)
    : err({
        code: 'insurance.annual-limits-unknown',
        message: 'no annual limits on file for the plan year',
        year,
      });
};
