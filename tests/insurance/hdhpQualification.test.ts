// HDHP / HSA qualification against the year's IRS bounds in ANNUAL_LIMITS (2026: minimum deductible
// $1,700 self-only / $3,400 family; maximum OOP $8,500 / $17,000; reference §7.4 and T20).
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/core/money.js';
import { checkHdhpQualification } from '../../src/insurance/hdhpQualification.js';
import { benefitSet, medical, tier, unwrap, usd, type Json } from './fixtures.js';

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

// Nothing is paid before the deductible except under a safe harbor (IRC §223(c)(2); IRS Notice
// 2004-23 for preventive care; dental and vision are permitted coverage outside the rule). Every
// set below is 2026 self-only at the bounds ($1,700 deductible, $8,500 OOP), so only the benefit
// rule can fail; `limit` is then the $1,700 minimum and `actual` what the member pays first.
describe('HDHP qualification: first-dollar benefits', () => {
  const hdhp = (...benefits: Json[]) =>
    benefitSet([medical(), ...benefits], {
      hdhp: true,
      tiers: { in: tier(1700, null, 8500, null), out: tier(3400, null, null, null) },
    });
  const check = (...benefits: Json[]) => unwrap(checkHdhpQualification(hdhp(...benefits), 'self-only', 2026));
  const office = { id: 'office', serviceTypes: ['98'], network: 'in', coinsurance: 0 };

  it('a $30 office-visit copay before the deductible is flagged: the member pays $30, then the plan pays', () => {
    const r = check({ ...office, copay: 3000, copayTiming: 'beforeDeductible' });
    expect(r.qualified).toBe(false);
    expect(r.failures).toEqual([
      {
        rule: 'hdhp.first-dollar-non-preventive',
        message: expect.any(String) as unknown,
        limit: usd(1700),
        actual: usd(30),
        benefitId: 'office',
        network: 'in',
        serviceTypes: ['98'],
      },
    ]);
  });

  it('a waived deductible with 20% coinsurance pays from the first dollar ($0 first); out of network too', () => {
    const r = check(
      { ...office, id: 'urgent', serviceTypes: ['UC'], deductible: 'waived', coinsurance: 2000 },
      { id: 'oon-office', serviceTypes: ['98'], network: 'out', deductible: 'waived', coinsurance: 4000 },
    );
    expect(r.failures.map((f) => [f.rule, f.benefitId, f.network, f.actual])).toEqual([
      ['hdhp.first-dollar-non-preventive', 'urgent', 'in', usd(0)],
      ['hdhp.first-dollar-non-preventive', 'oon-office', 'out', usd(0)],
    ]);
  });

  it('preventive service types at $0 (physical, immunizations, well baby, screening lab and mammogram) qualify', () => {
    const r = check({
      id: 'preventive',
      serviceTypes: ['81', '80', '68', 'CL', 'CN'],
      network: 'in',
      deductible: 'waived',
      coinsurance: 0,
    });
    expect(r).toEqual({ year: 2026, coverage: 'self-only', qualified: true, failures: [] });
  });

  it('dental and vision are permitted coverage: first-dollar cleanings and frames qualify', () => {
    expect(
      check(
        { id: 'dental', serviceTypes: ['41', '35'], network: 'in', deductible: 'waived', coinsurance: 2000 },
        {
          id: 'vision',
          serviceTypes: ['AL', 'AM'],
          network: 'in',
          copay: 1000,
          copayTiming: 'beforeDeductible',
        },
      ).failures,
    ).toEqual([]);
  });

  it('a benefit mixing a physical (81) with office visits (98) is flagged for the 98 only', () => {
    const r = check({ id: 'mixed', serviceTypes: ['81', '98'], network: 'in', deductible: 'waived' });
    expect(r.failures.map((f) => f.serviceTypes)).toEqual([['98']]);
  });

  it('deductible first (copay after or with the deductible), not covered, or a 100% member share: nothing paid first', () => {
    expect(
      check(
        { ...office, id: 'after', copay: 3000, copayTiming: 'afterDeductible' },
        { ...office, id: 'with', copay: 3000, copayTiming: 'withDeductible' },
        { ...office, id: 'excluded', covered: false, deductible: 'waived' },
        { ...office, id: 'member-pays-all', deductible: 'waived', coinsurance: 10000 },
      ).failures,
    ).toEqual([]);
  });

  it('a telehealth benefit declared under the safe harbor qualifies in 2026 (OBBBA) and in 2024 (CAA 2023), not for a plan year starting in 2022', () => {
    const tele = {
      id: 'tele',
      serviceTypes: ['98'],
      network: 'in',
      deductible: 'waived',
      hdhpSafeHarbor: 'telehealth',
    };
    expect(check(tele).qualified).toBe(true);
    // A table with 2022 and 2024 bounds (Rev. Proc. 2021-25: $1,400 / $7,050; Rev. Proc. 2023-23: $1,600 / $8,050).
    const $ = (d: number) => cents(usd(d));
    const row = (year: number, ded: number, oop: number) => ({
      year,
      acaOopMax: { self: $(oop * 2), family: $(oop * 4) },
      hdhpMinDeductible: { self: $(ded), family: $(ded * 2) },
      hdhpMaxOop: { self: $(oop), family: $(oop * 2) },
      medicarePartBDeductible: null,
      medicarePartADeductible: null,
      source: 'test',
    });
    const table = [row(2022, 1400, 7050), row(2024, 1600, 8050)];
    const set = benefitSet([medical(), tele], {
      tiers: { in: tier(1700, null, 7000, null), out: tier(3400, null, null, null) },
    });
    expect(unwrap(checkHdhpQualification(set, 'self-only', 2024, table)).failures).toEqual([]);
    const r2022 = unwrap(checkHdhpQualification(set, 'self-only', 2022, table));
    expect(r2022.failures.map((f) => [f.rule, f.benefitId, f.limit, f.serviceTypes])).toEqual([
      ['hdhp.first-dollar-non-preventive', 'tele', usd(1400), ['98']],
    ]);
  });

  it('a benefit for 98 declared as the preventive visit, or insulin from 2023, qualifies', () => {
    expect(
      check(
        {
          id: 'well-visit',
          serviceTypes: ['98'],
          network: 'in',
          deductible: 'waived',
          hdhpSafeHarbor: 'preventive',
        },
        {
          id: 'insulin',
          serviceTypes: ['88'],
          network: 'in',
          copay: 3500,
          copayTiming: 'beforeDeductible',
          hdhpSafeHarbor: 'insulin',
        },
      ).qualified,
    ).toBe(true);
  });

  it('amount failures come first, then one failure per first-dollar benefit in the set order', () => {
    const set = benefitSet([medical(), { ...office, copay: 2500, copayTiming: 'beforeDeductible' }], {
      tiers: { in: tier(1500, null, 8500, null), out: tier(3000, null, null, null) },
    });
    expect(rules(checkHdhpQualification(set, 'self-only', 2026))).toEqual([
      'hdhp.deductible-below-minimum',
      'hdhp.first-dollar-non-preventive',
    ]);
  });
});
