/**
 * Money as integer cents and rates as integer basis points (2000 = 20%). No floating-point
 * money: every operation here is exact integer arithmetic with one named rounding step.
 */
import * as z from 'zod/mini';
import type { DomainError } from './errors.js';
import { err, ok, type Either } from './result.js';
import { valueOrThrow } from './literal.js';

/** Whole US cents, a safe integer (may be negative for adjustments). */
export const CentsSchema = /* @__PURE__ */ z
  .number()
  .check(z.int(), z.gte(Number.MIN_SAFE_INTEGER), z.lte(Number.MAX_SAFE_INTEGER))
  .brand<'Cents'>();
/** Whole US cents, a safe integer (may be negative for adjustments). */
export type Cents = z.infer<typeof CentsSchema>;
/** A rate in basis points, 0 to 10 000 (2000 = 20%). */
export const BasisPointsSchema = /* @__PURE__ */ z
  .int()
  .check(z.gte(0), z.lte(10_000))
  .brand<'BasisPoints'>();
/** A rate in basis points, 0 to 10 000 (2000 = 20%). */
export type BasisPoints = z.infer<typeof BasisPointsSchema>;

/** How a fractional cent is settled. `half-up` rounds ties toward +∞, `half-even` to the even cent. */
export type RoundingMode = 'half-up' | 'half-even' | 'half-down' | 'up' | 'down';

/** Errors of the money helpers. */
export type MoneyError = DomainError<
  'money.not-integer' | 'money.unsafe' | 'money.format' | 'money.rate-range' | 'money.no-weights'
>;

/** Zero cents. */
export const ZERO_CENTS = 0 as Cents;

/**
 * Checks a number is whole, safe cents: the parser for amounts from outside.
 *
 * @param amount - a number of cents (anything: a non-number is refused too)
 * @returns `Right(Cents)`; `Left` `money.not-integer` for fractions, non-finite numbers and
 *   non-numbers, `money.unsafe` beyond ±2^53
 * @example
 * parseCents(2500); // Right(2500)
 * parseCents(25.5); // Left({ code: 'money.not-integer', ... })
 */
export const parseCents = (amount: unknown): Either<MoneyError, Cents> => {
  if (!Number.isInteger(amount))
    return err({ code: 'money.not-integer', message: 'amount must be a whole number of cents' });
  if (!Number.isSafeInteger(amount))
    return err({ code: 'money.unsafe', message: 'amount exceeds the safe integer range' });
  return ok(amount as Cents);
};

/**
 * A `Cents` literal, for constants, tests and examples; amounts from outside go through
 * {@link parseCents}.
 *
 * @param amount - whole cents (`1250` is $12.50)
 * @returns the amount as `Cents`
 * @throws RangeError `money.not-integer` or `money.unsafe`, as {@link parseCents} refuses it
 * @example
 * const copay = cents(2500); // $25.00
 */
export const cents = (amount: number): Cents => valueOrThrow(parseCents(amount));

/**
 * Checks a number is a rate between 0 and 10 000 basis points: the parser for rates from outside.
 *
 * @param rate - basis points (anything: a non-number is refused too)
 * @returns `Right(BasisPoints)` or `Left` `money.rate-range`
 * @example
 * parseBasisPoints(2000); // Right(2000), i.e. 20%
 */
export const parseBasisPoints = (rate: unknown): Either<MoneyError, BasisPoints> =>
  typeof rate === 'number' && Number.isInteger(rate) && rate >= 0 && rate <= 10_000
    ? ok(rate as BasisPoints)
    : err({
        code: 'money.rate-range',
        message: 'rate must be a whole number of basis points from 0 to 10000',
      });

/**
 * A `BasisPoints` literal, for constants, tests and examples; rates from outside go through
 * {@link parseBasisPoints}.
 *
 * @param rate - basis points, 0 to 10 000 (`2000` is 20%)
 * @returns the rate as `BasisPoints`
 * @throws RangeError `money.rate-range` outside 0-10 000 or for a fraction
 * @example
 * const coinsurance = basisPoints(2000); // 20%
 */
export const basisPoints = (rate: number): BasisPoints => valueOrThrow(parseBasisPoints(rate));

const DOLLARS = /^(-)?\$?(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Parses a decimal dollar string (`"25"`, `"25.5"`, `"-3.07"`, `"$1200.00"`) into cents without
 * floating point. This is the format of X12 monetary elements.
 *
 * @param text - dollars with at most two decimals (anything: a non-string is refused too)
 * @returns `Right(Cents)` or `Left` `money.format`
 * @example
 * parseDollars('1500.5'); // Right(150050)
 */
export const parseDollars = (text: unknown): Either<MoneyError, Cents> => {
  const m = typeof text === 'string' ? DOLLARS.exec(text.trim()) : null;
  if (!m) return err({ code: 'money.format', message: 'amount must be dollars with at most two decimals' });
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const value = whole * 100 + frac;
  return ok((m[1] && value !== 0 ? -value : value) as Cents);
};

// Commas by slicing from the right: the lookahead /\B(?=(\d{3})+(?!\d))/ rescans the rest of the
// number at every position (quadratic). Text that is not all digits (NaN, 1e+21) is left as is.
const withThousands = (digits: string): string => {
  if (!/^\d+$/.test(digits)) return digits;
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
};

/**
 * Formats cents as US dollars, such as `$1,234.50` or `-$3.07`.
 *
 * @param amount - cents
 * @returns the amount in dollars with two decimals and thousands separators
 * @example
 * formatCents(cents(123450)); // '$1,234.50'
 */
export const formatCents = (amount: Cents): string => {
  const abs = Math.abs(amount);
  const dollars = withThousands(Math.floor(abs / 100).toString());
  return `${amount < 0 ? '-' : ''}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
};

/**
 * Adds two amounts.
 *
 * @example
 * addCents(cents(100), cents(250)); // 350
 */
export const addCents = (a: Cents, b: Cents): Cents => (a + b) as Cents;

/**
 * Subtracts `b` from `a` (may go negative; use {@link maxCents} with {@link ZERO_CENTS} to floor).
 *
 * @example
 * subtractCents(cents(100), cents(250)); // -150
 */
export const subtractCents = (a: Cents, b: Cents): Cents => (a - b) as Cents;

/**
 * The smaller of two amounts.
 *
 * @example
 * minCents(cents(100), cents(250)); // 100
 */
export const minCents = (a: Cents, b: Cents): Cents => (a < b ? a : b);

/**
 * The larger of two amounts.
 *
 * @example
 * maxCents(ZERO_CENTS, cents(-5)); // 0
 */
export const maxCents = (a: Cents, b: Cents): Cents => (a > b ? a : b);

/**
 * Sums amounts.
 *
 * @param amounts - cents
 * @returns the total (0 for an empty list)
 * @example
 * sumCents([cents(100), cents(250)]); // 350
 */
export const sumCents = (amounts: readonly Cents[]): Cents => {
  let total = 0;
  for (const a of amounts) total += a;
  return total as Cents;
};

/**
 * Divides integers `n / d` (d > 0) and rounds with a named mode, exactly.
 * Internal to money: exported for modules that prorate by other integer ratios.
 *
 * @param n - numerator (integer)
 * @param d - denominator (positive integer)
 * @param mode - rounding mode
 * @returns the rounded quotient
 * @example
 * divideRounded(5, 2, 'half-even'); // 2
 */
export const divideRounded = (n: number, d: number, mode: RoundingMode): number => {
  if (!Number.isSafeInteger(n * 2)) return Number(divideBig(BigInt(n), BigInt(d), mode));
  const q = Math.floor(n / d);
  const r = n - q * d; // 0 <= r < d
  return q + roundUpBy(r * 2, d, q, mode);
};

/** Whether the floored quotient `q` with twice-remainder `r2` over `d` moves up by one. */
const roundUpBy = (r2: number, d: number, q: number, mode: RoundingMode): number => {
  if (r2 === 0) return 0;
  switch (mode) {
    case 'down':
      return 0;
    case 'up':
      return 1;
    case 'half-up':
      return r2 >= d ? 1 : 0;
    case 'half-down':
      return r2 > d ? 1 : 0;
    case 'half-even':
      return r2 > d || (r2 === d && Math.abs(q) % 2 === 1) ? 1 : 0;
  }
};

const divideBig = (n: bigint, d: bigint, mode: RoundingMode): bigint => {
  let q = n / d;
  let r = n % d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  const r2 = r * 2n;
  if (r2 === 0n || mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  if (mode === 'half-up') return r2 >= d ? q + 1n : q;
  if (mode === 'half-down') return r2 > d ? q + 1n : q;
  return r2 > d || (r2 === d && q % 2n !== 0n) ? q + 1n : q;
};

/**
 * Applies a rate to an amount: `amount × rate / 10 000`, rounded once with a named mode.
 * Exact for any safe amount (falls back to BigInt when the product leaves the safe range).
 *
 * @param amount - cents
 * @param rate - basis points (2000 = 20%)
 * @param mode - rounding, default `half-up` (ties toward +∞), per DESIGN.md
 * @returns the rounded share in cents
 * @example
 * applyRate(cents(12345), basisPoints(2000)); // 2469 (20% of $123.45 = $24.69)
 */
export const applyRate = (amount: Cents, rate: BasisPoints, mode: RoundingMode = 'half-up'): Cents => {
  const product = amount * rate;
  return (
    Number.isSafeInteger(product)
      ? divideRounded(product, 10_000, mode)
      : Number(divideBig(BigInt(amount) * BigInt(rate), 10_000n, mode))
  ) as Cents;
};

/**
 * Splits an amount by integer weights with the largest-remainder method: shares sum exactly to
 * the amount, each within one cent of its exact share; ties go to the earlier weight.
 *
 * @param amount - cents to split (may be negative: the split is mirrored)
 * @param weights - non-negative integers with a positive total
 * @returns `Right(shares)` in weight order, or `Left` `money.no-weights` when the weights are
 *   empty, negative, fractional or all zero
 * @example
 * allocate(cents(100), [1, 1, 1]); // Right([34, 33, 33])
 */
export const allocate = (amount: Cents, weights: readonly number[]): Either<MoneyError, readonly Cents[]> => {
  const total = weights.reduce((s, w) => s + w, 0);
  if (
    weights.length === 0 ||
    total <= 0 ||
    weights.some((w) => !Number.isSafeInteger(w) || w < 0) ||
    !Number.isSafeInteger(total)
  ) {
    return err({
      code: 'money.no-weights',
      message: 'weights must be non-negative integers with a positive total',
    });
  }
  const sign = amount < 0 ? -1 : 1;
  const abs = BigInt(Math.abs(amount));
  const bigTotal = BigInt(total);
  const shares: number[] = [];
  const remainders: { readonly index: number; readonly rem: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, index) => {
    const exact = abs * BigInt(w);
    const share = exact / bigTotal;
    shares.push(Number(share));
    remainders.push({ index, rem: exact % bigTotal });
    given += share;
  });
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (let k = 0; k < Number(abs - given); k++) {
    const target = remainders[k];
    if (target) shares[target.index] = (shares[target.index] ?? 0) + 1;
  }
  return ok(shares.map((s) => (sign * s + 0) as Cents));
};
