import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  addCents,
  allocate,
  applyRate,
  parseBasisPoints,
  parseCents,
  divideRounded,
  formatCents,
  maxCents,
  minCents,
  parseDollars,
  subtractCents,
  sumCents,
  ZERO_CENTS,
  type BasisPoints,
  type Cents,
  type RoundingMode,
} from '../../src/core/money.js';
import { isErr, isOk } from '../../src/core/result.js';

const c = (n: number) => n as Cents;
const bp = (n: number) => n as BasisPoints;

describe('money', () => {
  it('cents accepts whole safe numbers only', () => {
    expect(parseCents(2500)).toEqual({ _tag: 'Right', right: 2500 });
    expect(isErr(parseCents(25.5)) && parseCents(25.5)).toMatchObject({
      left: { code: 'money.not-integer' },
    });
    expect(parseCents(Number.NaN)).toMatchObject({ left: { code: 'money.not-integer' } });
    expect(parseCents(2 ** 60)).toMatchObject({ left: { code: 'money.unsafe' } });
    expect(isOk(parseBasisPoints(10_000))).toBe(true);
    expect(parseBasisPoints(10_001)).toMatchObject({ left: { code: 'money.rate-range' } });
    expect(parseBasisPoints(12.5)).toMatchObject({ left: { code: 'money.rate-range' } });
  });

  it('parses dollar strings without floating point', () => {
    expect(parseDollars('1500.5')).toEqual({ _tag: 'Right', right: 150050 });
    expect(parseDollars('$0.07')).toEqual({ _tag: 'Right', right: 7 });
    expect(parseDollars('-3.07')).toEqual({ _tag: 'Right', right: -307 });
    expect(parseDollars(' 25 ')).toEqual({ _tag: 'Right', right: 2500 });
    // 0.1 + 0.2 style inputs stay exact
    expect(parseDollars('1234567.89')).toEqual({ _tag: 'Right', right: 123456789 });
    for (const bad of ['', '1.234', 'abc', '1,000.00', '--1'])
      expect(parseDollars(bad)).toMatchObject({ left: { code: 'money.format' } });
  });

  it('formats dollars with separators and sign', () => {
    expect(formatCents(c(123450))).toBe('$1,234.50');
    expect(formatCents(c(-307))).toBe('-$3.07');
    expect(formatCents(ZERO_CENTS)).toBe('$0.00');
    expect(formatCents(c(100000000))).toBe('$1,000,000.00');
  });

  it('arithmetic helpers', () => {
    expect(addCents(c(100), c(250))).toBe(350);
    expect(subtractCents(c(100), c(250))).toBe(-150);
    expect(minCents(c(100), c(250))).toBe(100);
    expect(maxCents(ZERO_CENTS, c(-5))).toBe(0);
    expect(sumCents([])).toBe(0);
    expect(sumCents([c(1), c(2), c(3)])).toBe(6);
  });

  it('applyRate rounds once with the named mode (hand-computed)', () => {
    // 20% of $123.45 = 2469.0 exactly
    expect(applyRate(c(12345), bp(2000))).toBe(2469);
    // 15% of $0.50 = 7.5 cents: half-up 8, half-even 8, half-down 7, down 7, up 8
    const cases: [RoundingMode, number][] = [
      ['half-up', 8],
      ['half-even', 8],
      ['half-down', 7],
      ['down', 7],
      ['up', 8],
    ];
    for (const [mode, want] of cases) expect(applyRate(c(50), bp(1500), mode)).toBe(want);
    // 25% of $0.10 = 2.5 cents: half-even goes to the even cent, 2
    expect(applyRate(c(10), bp(2500), 'half-even')).toBe(2);
    // negative adjustments: -7.5 → half-up (toward +∞) gives -7, down (floor) gives -8
    expect(applyRate(c(-50), bp(1500), 'half-up')).toBe(-7);
    expect(applyRate(c(-50), bp(1500), 'down')).toBe(-8);
    // beyond the safe product range the BigInt path stays exact: 20% of 2^52 cents
    expect(applyRate(c(2 ** 52), bp(2000))).toBe(Number((2n ** 52n * 2000n + 5000n) / 10000n));
    expect(divideRounded(5, 2, 'half-even')).toBe(2);
    expect(divideRounded(7, 2, 'half-even')).toBe(4);
  });

  it('allocate splits by largest remainder, ties to the earlier weight', () => {
    expect(allocate(c(100), [1, 1, 1])).toEqual({ _tag: 'Right', right: [34, 33, 33] });
    expect(allocate(c(-100), [1, 1, 1])).toEqual({ _tag: 'Right', right: [-34, -33, -33] });
    expect(allocate(c(5), [70, 30])).toEqual({ _tag: 'Right', right: [4, 1] }); // 3.5 / 1.5: remainders tie, earlier wins
    expect(allocate(c(0), [1, 2])).toEqual({ _tag: 'Right', right: [0, 0] });
    for (const bad of [[], [0, 0], [-1, 2], [1.5, 1]])
      expect(allocate(c(10), bad)).toMatchObject({ left: { code: 'money.no-weights' } });
  });
});

describe('money properties', () => {
  const amount = fc.integer({ min: -10_000_000, max: 10_000_000 }).map(c);
  const weights = fc
    .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 })
    .filter((w) => w.some((x) => x > 0));

  test.prop([amount, weights])(
    'allocate: shares sum to the amount, each within one cent of its exact share',
    (a, w) => {
      const r = allocate(a, w);
      expect(isOk(r)).toBe(true);
      if (!isOk(r)) return;
      expect(sumCents(r.right)).toBe(a);
      const total = w.reduce((s, x) => s + x, 0);
      r.right.forEach((share, i) => expect(Math.abs(share - (a * (w[i] ?? 0)) / total)).toBeLessThan(1));
    },
  );

  test.prop([amount, fc.integer({ min: 0, max: 10_000 }).map(bp)])(
    'applyRate: every mode is within one cent of the exact value, and ordered',
    (a, r) => {
      const exact = (a * r) / 10_000;
      const modes: RoundingMode[] = ['half-up', 'half-even', 'half-down', 'up', 'down'];
      for (const m of modes) {
        const v = applyRate(a, r, m);
        expect(Number.isInteger(v)).toBe(true);
        expect(Math.abs(v - exact)).toBeLessThan(1);
      }
      expect(applyRate(a, r, 'down')).toBeLessThanOrEqual(applyRate(a, r, 'half-up'));
      expect(applyRate(a, r, 'half-up')).toBeLessThanOrEqual(applyRate(a, r, 'up'));
      expect(Math.abs(applyRate(a, r, 'half-up') - exact)).toBeLessThanOrEqual(0.5);
    },
  );

  test.prop([fc.integer({ min: -99_999_999, max: 99_999_999 })])('format and parse round-trip', (n) => {
    expect(parseDollars(formatCents(c(n)).replace(/,/g, '').replace('-$', '-'))).toEqual({
      _tag: 'Right',
      right: n,
    });
  });
});
