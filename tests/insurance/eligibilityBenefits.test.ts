// benefitsFromEligibility: a normalized 271 into the cost-share engine's inputs, then through the
// other half's estimateCostShare with hand-computed figures.
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/core/money.js';
import type { IsoDate } from '../../src/core/calendar.js';
import { fromClearinghouseEligibility } from '../../src/insurance/clearinghouse.js';
import { estimateCostShare } from '../../src/insurance/costShare.js';
import { benefitsFromEligibility } from '../../src/insurance/eligibilityBenefits.js';
import type { EligibilityResponse } from '../../src/insurance/eligibilityModel.js';
import { read271 } from '../../src/insurance/x12/read271.js';
import { dataFile } from '../support/testData.js';
import { wrap271 } from './x12/build.js';

const one = (text: string): EligibilityResponse => {
  const r = read271(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right.responses[0]!;
};
const build = (r: EligibilityResponse, stc = '98', network: 'in' | 'out' = 'in') => {
  const b = benefitsFromEligibility(r, { serviceType: stc, network, dateOfService: '2026-11-23' });
  if (b._tag === 'Left') throw new Error(b.left.message);
  return b.right;
};

describe('T23 remaining vs YTD vs total, read from a 271', () => {
  it('23 + 29: met 1,250, remaining 250', () => {
    const b = build(one(wrap271(['EB*1**30', 'EB*C*IND*30***23*1500', 'EB*C*IND*30***29*250'])));
    expect(b.benefitSet.tiers.in.deductible.individual).toBe(150000);
    expect(b.accumulators.individual.in.deductible).toBe(125000); // 1,500 - 250
  });
  it('23 + 24 (YTD 1,250), no 29: remaining = 1,500 - 1,250 = 250', () => {
    const b = build(one(wrap271(['EB*1**30', 'EB*C*IND*30***23*1500', 'EB*C*IND*30***24*1250'])));
    expect(b.amounts.in.deductible.individual.remaining).toBe(25000);
    expect(b.accumulators.individual.in.deductible).toBe(125000);
  });
  it('29 > 23 (bad data): clamped, with a warning', () => {
    const b = build(one(wrap271(['EB*1**30', 'EB*C*IND*30***23*1500', 'EB*C*IND*30***29*1800'])));
    expect(b.amounts.in.deductible.individual.warnings).toEqual(['remaining-exceeds-total']);
    expect(b.accumulators.individual.in.deductible).toBe(0);
  });
  it('only 23: remaining unknown, and the assumption is stated', () => {
    const b = build(one(wrap271(['EB*1**30', 'EB*C*IND*30***23*1500'])));
    expect(b.amounts.in.deductible.individual.remaining).toEqual({ unknown: expect.any(String) });
    expect(b.assumptions).toContain(
      'only the deductible total was reported in network: nothing met assumed (the most the patient may owe)',
    );
  });
});

describe('benefit for a service type', () => {
  it('the IG HMO: $10 in network, $30 out, copay-only reads as deductible waived', () => {
    const r = one(
      wrap271([
        'EB*1**30**GOLD 123 PLAN',
        'EB*B**1^33^98*HM*GOLD 123 PLAN*27*10.00*****Y',
        'EB*B**1^33^98*HM*GOLD 123 PLAN*27*30.00*****N',
      ]),
    );
    expect(build(r, '98', 'in').benefitSet.benefits[0]).toMatchObject({
      copay: 1000,
      deductible: 'waived',
      covered: true,
    });
    expect(build(r, '98', 'out').benefitSet.benefits[0]?.copay).toBe(3000);
  });
  it('EB*I for the service and network is not covered; a visit limit becomes a limit with visits used', () => {
    const r = one(
      wrap271(['EB*1**30', 'EB*I**98*********N', 'EB*F**PT***23***VS*20', 'EB*F**PT***29***VS*3']),
    );
    expect(build(r, '98', 'out').benefitSet.benefits[0]?.covered).toBe(false);
    expect(build(r, '98', 'in').benefitSet.benefits[0]?.covered).toBe(true);
    const pt = build(r, 'PT', 'in');
    expect(pt.benefitSet.benefits[0]?.limit).toEqual({ quantity: 20, unit: 'visits' });
    expect(pt.accumulators.limitsUsed).toEqual({ 'PT-in': 17 });
  });
  it('refuses a rejection', () => {
    const r = benefitsFromEligibility(one(wrap271(['AAA*N**75*C'])), {
      serviceType: '98',
      network: 'in',
      dateOfService: '2026-11-23',
    });
    expect(r._tag === 'Left' && r.left.code).toBe('eligibility.not-active');
  });
});

describe('000045 / 000047 into estimateCostShare', () => {
  const adapt = (n: string) => {
    const r = fromClearinghouseEligibility(
      JSON.parse(dataFile(`x12/json/WeInfuse__change_health__${n}.example.response.json`)),
    );
    if (r._tag === 'Left') throw new Error(r.left.message);
    return r.right;
  };
  it('T7: the four STC 98 copays are candidates; the highest ($50) is used unless a tier is picked', () => {
    const b = build(adapt('000045'));
    expect(b.copayCandidates.map((c) => c.amount)).toEqual([1000, 5000, 3000, 0]);
    expect(b.benefitSet.benefits[0]?.copay).toBe(5000);
    const picked = benefitsFromEligibility(adapt('000045'), {
      serviceType: '98',
      network: 'in',
      dateOfService: '2026-11-23',
      copayTier: 0,
    });
    expect(picked._tag === 'Right' && picked.right.benefitSet.benefits[0]?.copay).toBe(1000);
  });
  it('000047: deductibles and OOP met from total - remaining; an office visit of $200 costs $50', () => {
    const b = build(adapt('000047'));
    expect(b.benefitSet.tiers.in).toEqual({
      deductible: { individual: 100000, family: 200000 },
      oopMax: { individual: 560000, family: 1120000 },
    });
    // met: IND ded 1,000 - 0; FAM ded 2,000 - 855.75 = 1,144.25; IND OOP 5,600 - 3,900.01 = 1,699.99; FAM OOP 11,200 - 9,355.76 = 1,844.24
    expect(b.accumulators.individual.in).toEqual({ deductible: 100000, oop: 169999 });
    expect(b.accumulators.family?.in).toEqual({ deductible: 114425, oop: 184424 });
    const benefit = b.benefitSet.benefits[0]!;
    expect(benefit).toMatchObject({ coinsurance: 2500, copay: 0, deductible: 'applies' });
    // Individual deductible met: 25% x $200 = $50.00.
    const e = estimateCostShare(
      [
        {
          id: '1',
          serviceDate: '2026-11-23' as IsoDate,
          serviceType: '98',
          network: 'in',
          allowed: 20000 as Cents,
        },
      ],
      b.benefitSet,
      b.accumulators,
      { order: 'claim' },
    );
    expect(e._tag === 'Right' && e.right.total.patientPays).toBe(5000);
    // OON coinsurance .75 with "COINS DOES NOT APPLY TO OOP".
    expect(build(adapt('000047'), '98', 'out').benefitSet.benefits[0]?.countsTowardOop.coinsurance).toBe(
      false,
    );
  });
});
