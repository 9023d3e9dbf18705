// HDHP / HSA qualification against the year's IRS bounds in ANNUAL_LIMITS (2026: minimum deductible
// $1,700 self-only / $3,400 family; maximum OOP $8,500 / $17,000; reference §7.4 and T20).
import { describe, expect, it } from 'vitest';
import { checkHdhpQualification } from '../../src/insurance/hdhpQualification.js';
import { benefitSet, medical, tier, unwrap, usd } from './fixtures.js';

const plan = (
  ded: number,
  famDed: number | null,
  oop: number | null,
  famOop: number | null,
  deductibleMode = 'embedded',
) =>
  benefitSet([medical()], {
    hdhp: true,
    family: {
      deductible: deductibleMode,
      oop: 'embedded',
      ...(deductibleMode === 'members' ? { deductibleMembers: 2 } : {}),
    },
    tiers: { in: tier(ded, famDed, oop, famOop), out: tier(ded * 2, null, null, null) },
  });
const rules = (r: ReturnType<typeof checkHdhpQualification>) => unwrap(r).failures.map((f) => f.rule);

describe('HDHP qualification, 2026', () => {
  it('self-only at the bounds qualifies: $1,700 deductible, $8,500 OOP', () => {
    const r = unwrap(checkHdhpQualification(plan(1700, null, 8500, null), 'self-only', 2026));
    expect(r).toEqual({ year: 2026, coverage: 'self-only', qualified: true, failures: [] });
  });
  it('self-only $1,650 deductible (the 2025 minimum) and $8,600 OOP fail two rules, with limits and figures', () => {
    const r = unwrap(checkHdhpQualification(plan(1650, null, 8600, null), 'self-only', 2026));
    expect(r.failures.map((f) => [f.rule, f.limit, f.actual])).toEqual([
      ['hdhp.deductible-below-minimum', usd(1700), usd(1650)],
      ['hdhp.oop-above-maximum', usd(8500), usd(8600)],
    ]);
    expect(r.qualified).toBe(false);
  });
  it('under 2025 bounds ($1,650 minimum, $8,300 maximum) a $1,650 / $8,300 self-only plan qualifies', () => {
    expect(rules(checkHdhpQualification(plan(1650, null, 8300, null), 'self-only', 2025))).toEqual([]);
  });
  it('T20: family $4,000 aggregate qualifies; an embedded $2,000 individual deductible does not', () => {
    expect(rules(checkHdhpQualification(plan(4000, 4000, 8500, 17000, 'aggregate'), 'family', 2026))).toEqual(
      [],
    );
    expect(rules(checkHdhpQualification(plan(2000, 4000, 8500, 17000), 'family', 2026))).toEqual([
      'hdhp.embedded-deductible-below-family-minimum',
    ]);
  });
  it('embedded $3,400 individual inside $6,800 family qualifies', () => {
    expect(rules(checkHdhpQualification(plan(3400, 6800, 8500, 17000), 'family', 2026))).toEqual([]);
  });
  it('"2 of N" with $1,700 each: a member is paid after $1,700 < $3,400, so it fails like embedded', () => {
    expect(rules(checkHdhpQualification(plan(1700, 3400, 8500, 17000, 'members'), 'family', 2026))).toEqual([
      'hdhp.embedded-deductible-below-family-minimum',
    ]);
  });
  it('family deductible $3,000 and no family OOP maximum: both coded', () => {
    expect(rules(checkHdhpQualification(plan(3400, 3000, 8500, null), 'family', 2026))).toEqual([
      'hdhp.deductible-below-minimum',
      'hdhp.no-oop-maximum',
    ]);
  });
  it('family OOP $17,500 > $17,000', () => {
    expect(rules(checkHdhpQualification(plan(3400, 6800, 8500, 17500), 'family', 2026))).toEqual([
      'hdhp.oop-above-maximum',
    ]);
  });
  it('a year without HDHP bounds (2027 on file with ACA figures only) or not on file at all is a Left', () => {
    expect(checkHdhpQualification(plan(1700, null, 8500, null), 'self-only', 2027)._tag).toBe('Left');
    expect(checkHdhpQualification(plan(1700, null, 8500, null), 'self-only', 2019)._tag).toBe('Left');
  });
});
