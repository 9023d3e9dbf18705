import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/core/money.js';
import { resolveAccumulatorAmounts } from '../../src/insurance/accumulatorAmounts.js';

const c = (dollars: number) => (dollars * 100) as Cents;

describe('T23 remaining vs YTD vs total', () => {
  it('EB06 23 $1,500 + 29 $250 → met $1,250, remaining $250', () => {
    expect(resolveAccumulatorAmounts({ total: c(1500), remaining: c(250) })).toEqual({
      total: c(1500),
      met: c(1250),
      remaining: c(250),
      warnings: [],
    });
  });
  it('23 $1,500 + 24 YTD $1,250, no 29 → remaining 1,500 - 1,250 = $250', () => {
    expect(resolveAccumulatorAmounts({ total: c(1500), used: c(1250) })).toMatchObject({
      met: c(1250),
      remaining: c(250),
    });
  });
  it('29 above 23 (bad data) → clamped to the total, with a warning', () => {
    expect(resolveAccumulatorAmounts({ total: c(1500), remaining: c(1800) })).toEqual({
      total: c(1500),
      met: 0,
      remaining: c(1500),
      warnings: ['remaining-exceeds-total'],
    });
    expect(resolveAccumulatorAmounts({ total: c(1500), used: c(1600) }).warnings).toEqual([
      'used-exceeds-total',
    ]);
  });
  it('only 23 → met and remaining unknown (neither 0 nor the full amount)', () => {
    const r = resolveAccumulatorAmounts({ total: c(1500) });
    expect(r.met).toMatchObject({ unknown: expect.stringContaining('only the total') });
    expect(r.remaining).toMatchObject({ unknown: expect.any(String) });
  });
  it('remaining and used that disagree: remaining wins, with a warning; no total: what was sent, the rest unknown', () => {
    expect(resolveAccumulatorAmounts({ total: c(1500), remaining: c(250), used: c(1000) })).toMatchObject({
      met: c(1250),
      warnings: ['remaining-and-used-disagree'],
    });
    expect(resolveAccumulatorAmounts({ remaining: c(250) })).toMatchObject({
      remaining: c(250),
      met: { unknown: 'no total was reported' },
    });
  });
});
