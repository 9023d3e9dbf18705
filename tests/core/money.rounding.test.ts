import { describe, expect, it } from 'vitest';
import {
  allocate,
  applyRate,
  parseBasisPoints,
  parseCents,
  divideRounded,
  formatCents,
  maxCents,
  minCents,
  parseDollars,
  type BasisPoints,
  type Cents,
  type RoundingMode,
} from '../../src/core/money.js';
import { isOk } from '../../src/core/result.js';

// Edge cases of every branch of money.ts (written against the Stryker report of that file).
const c = (n: number) => n as Cents;
const bp = (n: number) => n as BasisPoints;
const MODES: readonly RoundingMode[] = ['half-up', 'half-even', 'half-down', 'down', 'up'];
/** Checks `divideRounded(n, d, mode)` for every mode, in the order of MODES. */
const expectModes = (n: number, d: number, want: readonly number[]) =>
  MODES.forEach((mode, i) => expect([mode, divideRounded(n, d, mode)]).toEqual([mode, want[i]]));

describe('divideRounded, safe range (hand-computed)', () => {
  it('settles remainders below, at and above one half', () => {
    //                  half-up half-even half-down down up
    expectModes(8, 4, [2, 2, 2, 2, 2]); // 2 exactly: no mode moves
    expectModes(5, 4, [1, 1, 1, 1, 2]); // 1.25
    expectModes(7, 4, [2, 2, 2, 1, 2]); // 1.75
    expectModes(5, 2, [3, 2, 2, 2, 3]); // 2.5, even neighbour 2
    expectModes(7, 2, [4, 4, 3, 3, 4]); // 3.5, even neighbour 4
  });

  it('rounds negative quotients from the floor', () => {
    expectModes(-8, 4, [-2, -2, -2, -2, -2]); // -2 exactly
    expectModes(-5, 4, [-1, -1, -1, -2, -1]); // -1.25: floor -2
    expectModes(-5, 2, [-2, -2, -3, -3, -2]); // -2.5: floor -3 is odd, so half-even goes to -2
    expectModes(-7, 2, [-3, -4, -4, -4, -3]); // -3.5: floor -4 is even
  });
});

describe('divideRounded beyond 2^53 / 2 (BigInt path, hand-computed)', () => {
  const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991 = 2^53 - 1, odd
  it('ties: 9007199254740991 / 2 = 4503599627370495.5 (floor odd)', () => {
    expectModes(
      MAX,
      2,
      [4503599627370496, 4503599627370496, 4503599627370495, 4503599627370495, 4503599627370496],
    );
  });
  it('ties: 9007199254740989 / 2 = 4503599627370494.5 (floor even)', () => {
    expectModes(
      MAX - 2,
      2,
      [4503599627370495, 4503599627370494, 4503599627370494, 4503599627370494, 4503599627370495],
    );
  });
  it('above and below one half: / 4 gives .75 and .25', () => {
    // 9007199254740988 = 4 × 2251799813685247
    expectModes(
      MAX,
      4,
      [2251799813685248, 2251799813685248, 2251799813685248, 2251799813685247, 2251799813685248],
    );
    expectModes(
      MAX - 2,
      4,
      [2251799813685247, 2251799813685247, 2251799813685247, 2251799813685247, 2251799813685248],
    );
    expectModes(MAX - 3, 4, Array<number>(5).fill(2251799813685247));
  });
  it('negative: BigInt division truncates, the floor is restored', () => {
    // -4503599627370495.5: floor -4503599627370496 (even)
    expectModes(
      -MAX,
      2,
      [-4503599627370495, -4503599627370496, -4503599627370496, -4503599627370496, -4503599627370495],
    );
    // exact -2251799813685247: remainder 0 must not move the floor
    expectModes(-(MAX - 3), 4, Array<number>(5).fill(-2251799813685247));
  });
});

describe('applyRate beyond the safe product', () => {
  it('rounds the exact BigInt product, not a float', () => {
    // (2^53 - 1) × 3333 = 30020995116051723003 (> 2^53), / 10 000 = 3002099511605172.3003
    expect(applyRate(c(Number.MAX_SAFE_INTEGER), bp(3333))).toBe(3002099511605172);
    expect(applyRate(c(Number.MAX_SAFE_INTEGER), bp(3333), 'up')).toBe(3002099511605173);
    expect(applyRate(c(-Number.MAX_SAFE_INTEGER), bp(3333), 'down')).toBe(-3002099511605173);
  });
});

describe('money parsing and formatting edges', () => {
  it('cents and basisPoints bounds', () => {
    expect(parseCents(-5)).toEqual({ _tag: 'Right', right: -5 });
    expect(parseCents(Number.POSITIVE_INFINITY)).toMatchObject({ left: { code: 'money.not-integer' } });
    expect(parseCents(2 ** 53)).toMatchObject({ left: { code: 'money.unsafe' } });
    expect(parseCents(-(2 ** 53))).toMatchObject({ left: { code: 'money.unsafe' } });
    expect(parseCents(Number.MAX_SAFE_INTEGER)).toEqual({ _tag: 'Right', right: Number.MAX_SAFE_INTEGER });
    expect(parseBasisPoints(0)).toEqual({ _tag: 'Right', right: 0 });
    expect(parseBasisPoints(-1)).toMatchObject({ left: { code: 'money.rate-range' } });
    expect(parseBasisPoints(9999)).toEqual({ _tag: 'Right', right: 9999 });
  });

  it('parseDollars: anchors, digit limits, one-decimal padding and no negative zero', () => {
    expect(parseDollars('5.5')).toEqual({ _tag: 'Right', right: 550 });
    expect(parseDollars('-$5')).toEqual({ _tag: 'Right', right: -500 });
    expect(parseDollars('1234567890123')).toEqual({ _tag: 'Right', right: 123456789012300 }); // 13 digits
    for (const bad of ['12345678901234', 'x25', '25x', '25.', '.5', '$-5', '1.2.3', '5 .00'])
      expect([bad, parseDollars(bad)]).toMatchObject([bad, { left: { code: 'money.format' } }]);
    const zero = parseDollars('-0.00');
    expect(isOk(zero) && Object.is(zero.right, 0)).toBe(true);
  });

  it('formatCents groups thousands and pads cents', () => {
    expect(formatCents(c(5))).toBe('$0.05');
    expect(formatCents(c(-5))).toBe('-$0.05');
    expect(formatCents(c(150))).toBe('$1.50');
    expect(formatCents(c(99999))).toBe('$999.99');
    expect(formatCents(c(100000))).toBe('$1,000.00');
    expect(formatCents(c(1234567))).toBe('$12,345.67');
    expect(formatCents(c(-123456789))).toBe('-$1,234,567.89');
  });

  it('min and max in both argument orders', () => {
    expect(minCents(c(5), c(3))).toBe(3);
    expect(minCents(c(3), c(5))).toBe(3);
    expect(maxCents(c(5), c(3))).toBe(5);
    expect(maxCents(c(3), c(5))).toBe(5);
  });
});

describe('allocate edges', () => {
  it('gives the extra cents to the largest remainders, then the earlier weights', () => {
    // 10 × 1/3 = 3.33 (rem 1), 10 × 2/3 = 6.67 (rem 2): the cent goes to the second share
    expect(allocate(c(10), [1, 2])).toEqual({ _tag: 'Right', right: [3, 7] });
    // 7 / 4 = 1.75 each, equal remainders: three cents go to the first three
    expect(allocate(c(7), [1, 1, 1, 1])).toEqual({ _tag: 'Right', right: [2, 2, 2, 1] });
    // 10 × (2, 3, 5)/10 exact: nothing left to distribute
    expect(allocate(c(10), [2, 3, 5])).toEqual({ _tag: 'Right', right: [2, 3, 5] });
  });

  it('accepts zero weights, rejects unsafe totals, and never returns negative zero', () => {
    expect(allocate(c(10), [0, 1])).toEqual({ _tag: 'Right', right: [0, 10] });
    const mirrored = allocate(c(-10), [1, 0]);
    expect(mirrored).toEqual({ _tag: 'Right', right: [-10, 0] });
    expect(isOk(mirrored) && Object.is(mirrored.right[1], 0)).toBe(true);
    expect(allocate(c(10), [Number.MAX_SAFE_INTEGER, 1])).toMatchObject({
      left: { code: 'money.no-weights' },
    });
    expect(allocate(c(10), [2 ** 53, 1])).toMatchObject({ left: { code: 'money.no-weights' } });
  });
});

describe('remainders, defaults and messages', () => {
  it('the extra cent follows the remainder, not the weight', () => {
    // 2 × 1/4 = 0.5 and 2 × 3/4 = 1.5: floors 0 and 1, equal remainders → the earlier weight.
    expect(allocate(c(2), [1, 3])).toEqual({ _tag: 'Right', right: [1, 1] });
    // 1 × 1/3 = 0.33 and 1 × 2/3 = 0.67: the cent goes to the later, larger remainder.
    expect(allocate(c(1), [1, 2])).toEqual({ _tag: 'Right', right: [0, 1] });
  });

  it('applyRate rounds half-up by default and multiplies before dividing', () => {
    expect(applyRate(c(5), bp(1000))).toBe(1); // 5 × 10% = 0.5 → 1
    expect(applyRate(c(10_000), bp(100))).toBe(100); // $100 × 1% = $1.00
  });

  it('errors name the rule they enforce', () => {
    const message = (r: { _tag: string; left?: { message: string } }) => r.left?.message;
    expect(message(parseCents(2.5))).toBe('amount must be a whole number of cents');
    expect(message(parseCents(2 ** 53))).toBe('amount exceeds the safe integer range');
    expect(message(parseBasisPoints(10_001))).toBe(
      'rate must be a whole number of basis points from 0 to 10000',
    );
    expect(message(parseDollars('12.345'))).toBe('amount must be dollars with at most two decimals');
    expect(message(allocate(c(10), []))).toBe('weights must be non-negative integers with a positive total');
  });
});
