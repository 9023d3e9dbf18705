// Secondary payment methods (insurance reference §8.3-8.4). Figures are hand-computed in comments.
import { describe, expect, it } from 'vitest';
import type { Cents } from '../../src/core/money.js';
import { isErr } from '../../src/core/result.js';
import { annualLimitsFor } from '../../src/insurance/annualLimits.js';
import {
  secondaryPayment,
  type PrimaryResult,
  type SecondaryBenefits,
} from '../../src/insurance/secondaryPayment.js';
import { accumulators, benefitSet, lines, tier, unwrap, usd } from './fixtures.js';

const primary = (charge: number, allowed: number, paid: number, obligatedToAccept = true): PrimaryResult => ({
  charge: usd(charge) as Cents,
  allowed: usd(allowed) as Cents,
  paid: usd(paid) as Cents,
  patientResponsibility: usd(allowed - paid) as Cents,
  obligatedToAccept,
});
const secondary = (
  allowed: number,
  coinsurance: number,
  met: { inDed?: number } = {},
): SecondaryBenefits => ({
  benefits: benefitSet([{ id: 'medical', serviceTypes: ['30'], network: 'in', coinsurance }], {
    tiers: { in: tier(500, null, 6000, null), out: tier(1000, null, null, null) },
  }),
  accumulators: accumulators(met),
  line: lines({ allowed })[0]!,
});

describe('42 CFR 411.33(a): Medicare as secondary payer', () => {
  // Part B: 2026 deductible from the annual-limits data ($283), 20% coinsurance, no OOP maximum.
  const partB = unwrap(annualLimitsFor(2026)).medicarePartBDeductible!;
  const medicare = (fee: number, deductibleMet: boolean): SecondaryBenefits => ({
    benefits: benefitSet([{ id: 'part-b', serviceTypes: ['30'], network: 'both', coinsurance: 2000 }], {
      family: { deductible: 'embedded', oop: 'embedded' },
      acaIndividualOopCap: false,
      tiers: {
        in: { deductible: { individual: partB, family: null }, oopMax: { individual: null, family: null } },
        out: { deductible: { individual: partB, family: null }, oopMax: { individual: null, family: null } },
      },
    }),
    accumulators: accumulators({ inDed: deductibleMet ? partB / 100 : 0 }),
    line: lines({ allowed: fee })[0]!,
  });

  it('the regulation example: min(175 - 120, 0.8 x 125, max(125, 150) - 120) = min(55, 100, 30) = $30', () => {
    const r = unwrap(
      secondaryPayment('medicare-secondary', primary(175, 150, 120, false), medicare(125, true)),
    );
    expect(r.limits).toEqual([usd(55), usd(100), usd(30)]);
    expect(r.wouldPayAsPrimary).toBe(usd(100));
    expect(r.secondaryPays).toBe(usd(30));
    expect(r.patientOwes).toBe(0); // 150 - 120 - 30
  });

  it('with the provider obligated to accept the primary amount: OTAF 150 → min(30, 100, 30) = $30', () => {
    const r = unwrap(
      secondaryPayment('medicare-secondary', primary(175, 150, 120, true), medicare(125, true)),
    );
    expect(r.limits[0]).toBe(usd(30));
    expect(r.secondaryPays).toBe(usd(30));
  });

  it('unmet Part B deductible lowers what Medicare would pay: 0.8 x (400 - 283) = 93.60', () => {
    // Primary allowed $400, paid $250; Medicare fee $400 → min(150, 93.60, 150) = $93.60; patient 400 - 250 - 93.60 = 56.40.
    const r = unwrap(secondaryPayment('medicare-secondary', primary(500, 400, 250), medicare(400, false)));
    expect(r.wouldPayAsPrimary).toBe(9360);
    expect(r.secondaryPays).toBe(9360);
    expect(r.patientOwes).toBe(5640);
  });
});

describe('commercial secondary methods', () => {
  // Primary: allowed $1,000, paid $800 (20%), patient $200. Secondary would pay as primary:
  // deductible $500 unmet → 1,000 - (500 + 20% x 500) = $400; deductible met → 1,000 - 200 = $800.
  it('standard COB: min(N2, B) = min(400, 200) = $200, patient $0; the secondary credits its deductible', () => {
    const r = unwrap(secondaryPayment('standard', primary(1200, 1000, 800), secondary(1000, 2000)));
    expect(r).toMatchObject({
      wouldPayAsPrimary: usd(400),
      secondaryPays: usd(200),
      patientOwes: 0,
      allowable: usd(1000),
    });
    expect(r.accumulators.individual.in.deductible).toBe(usd(500));
  });

  it('non-duplication: max(0, N2 - P1): 400 - 800 → $0 (patient $200); 800 - 800 → $0', () => {
    expect(
      unwrap(secondaryPayment('non-duplication', primary(1200, 1000, 800), secondary(1000, 2000))),
    ).toMatchObject({
      secondaryPays: 0,
      patientOwes: usd(200),
    });
    expect(
      unwrap(
        secondaryPayment('non-duplication', primary(1200, 1000, 800), secondary(1000, 2000, { inDed: 500 })),
      ).secondaryPays,
    ).toBe(0);
  });

  it('carve-out: own cost share on B = 200: deductible unmet → all to deductible, $0; met → 200 - 20% = $160', () => {
    expect(
      unwrap(secondaryPayment('carve-out', primary(1200, 1000, 800), secondary(1000, 2000))).secondaryPays,
    ).toBe(0);
    const met = unwrap(
      secondaryPayment('carve-out', primary(1200, 1000, 800), secondary(1000, 2000, { inDed: 500 })),
    );
    expect(met).toMatchObject({ secondaryPays: usd(160), patientOwes: usd(40) });
  });

  it('crown $1,200, plans pay 50% / 75% (OpenDental case 18): standard $600, non-duplication $300, carve-out $450', () => {
    // P1 = 600, B = 600, N2 = 900; carve-out: 75% of B = 450.
    const p = primary(1200, 1200, 600);
    const s = secondary(1200, 2500, { inDed: 500 });
    expect(unwrap(secondaryPayment('standard', p, s))).toMatchObject({
      secondaryPays: usd(600),
      patientOwes: 0,
    });
    expect(unwrap(secondaryPayment('non-duplication', p, s))).toMatchObject({
      secondaryPays: usd(300),
      patientOwes: usd(300),
    });
    expect(unwrap(secondaryPayment('carve-out', p, s))).toMatchObject({
      secondaryPays: usd(450),
      patientOwes: usd(150),
    });
  });

  it('Medicaid secondary: up to the Medicaid rate minus P1 (80 - 60 = $20), patient $0', () => {
    const r = unwrap(
      secondaryPayment('medicaid-secondary', primary(150, 100, 60), secondary(80, 0, { inDed: 500 })),
    );
    expect(r).toMatchObject({ secondaryPays: usd(20), patientOwes: 0 });
  });

  it('not obligated to accept the primary amount: the allowable is the higher allowed', () => {
    const r = unwrap(
      secondaryPayment('standard', primary(1200, 900, 720, false), secondary(1000, 2000, { inDed: 500 })),
    );
    // A = max(900, 1000) = 1,000; B = 280; N2 = 800 → $280.
    expect(r).toMatchObject({ allowable: usd(1000), secondaryPays: usd(280), patientOwes: 0 });
  });

  it('passes on an estimate error (no benefit for the line on the secondary)', () => {
    const s = secondary(100, 2000);
    const r = secondaryPayment('standard', primary(100, 100, 80), {
      ...s,
      line: { ...s.line, network: 'out' },
    });
    expect(isErr(r) && r.left.code).toBe('insurance.no-benefit');
  });
});
