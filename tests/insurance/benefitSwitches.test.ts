// Plan-design switches beyond the worked cases, each with hand arithmetic in the comments.
import { describe, expect, it } from 'vitest';
import { isErr } from '../../src/core/result.js';
import { annualLimitsFor } from '../../src/insurance/annualLimits.js';
import { estimateCostShare } from '../../src/insurance/costShare.js';
import { parsePayer, parsePlan, parseBenefitSet } from '../../src/insurance/model.js';
import { patientShareFromPercent } from '../../src/insurance/percent.js';
import { accumulators, benefitSet, lines, officeVisit, unwrap, usd } from './fixtures.js';

const claim = { order: 'claim' } as const;

describe('benefit switches', () => {
  it('a per-visit copay is charged once per visit; a new date is a new visit', () => {
    const set = benefitSet([officeVisit({ deductible: 'waived', copayPer: 'visit' })]);
    const e = unwrap(
      estimateCostShare(
        lines({ allowed: 120 }, { allowed: 60 }, { allowed: 120, serviceDate: '2026-03-03' }),
        set,
        accumulators(),
        claim,
      ),
    );
    expect(e.lines.map((l) => l.copay)).toEqual([usd(30), 0, usd(30)]);
    expect(e.lines[1]?.notes).toEqual(['visit-copay-taken']);
  });

  it('a copay that counts toward the deductible: 30 copay + 150 deductible = $180, deductible met +180', () => {
    // $1,000 deductible, nothing met; copay first (withDeductible), the deductible on the remaining 150.
    const set = benefitSet([officeVisit({ copayCountsTowardDeductible: true })]);
    const e = unwrap(estimateCostShare(lines({ allowed: 180 }), set, accumulators(), claim));
    expect(e.total).toMatchObject({ copay: usd(30), deductible: usd(150), patientPays: usd(180) });
    expect(e.accumulators.individual.in.deductible).toBe(usd(180));
  });

  it('one-way networks: in-network amounts count toward the OON deductible, not the reverse', () => {
    const set = benefitSet(
      [
        { id: 'in', serviceTypes: ['30'], network: 'in', coinsurance: 2000 },
        { id: 'out', serviceTypes: ['30'], network: 'out', coinsurance: 4000 },
      ],
      { networkAccumulation: 'oneWay' },
    );
    // OON: $2,000 deductible with $1,000 met in network → 1,000 + 40% x 500 = $1,200.
    const oon = unwrap(
      estimateCostShare(lines({ network: 'out', allowed: 1500 }), set, accumulators({ inDed: 1000 }), claim),
    );
    expect(oon.total.patientPays).toBe(usd(1200));
    // In network: $1,000 deductible, $1,500 met out of network does not count → 1,000 + 20% x 500 = $1,100.
    const inn = unwrap(
      estimateCostShare(lines({ allowed: 1500 }), set, accumulators({ outDed: 1500 }), claim),
    );
    expect(inn.total.patientPays).toBe(usd(1100));
  });

  it('a unit limit covers only the units left: 2 of 3 units covered, one third not covered', () => {
    const set = benefitSet([
      {
        id: 'inj',
        serviceTypes: ['30'],
        network: 'in',
        deductible: 'waived',
        coinsurance: 1000,
        limit: { quantity: 10, unit: 'units' },
      },
    ]);
    // $300 for 3 units, 8 used: 2 units ($200) at 10% = $20; $100 not covered.
    const e = unwrap(
      estimateCostShare(
        lines({ allowed: 300, units: 3 }),
        set,
        accumulators({ limitsUsed: { inj: 8 } }),
        claim,
      ),
    );
    expect(e.total).toMatchObject({ coinsurance: usd(20), notCovered: usd(100), planPays: usd(180) });
    expect(e.lines[0]?.notes).toContain('limit-exhausted');
    expect(e.accumulators.limitsUsed['inj']).toBe(10);
  });

  it('a line may name its benefit; a benefit of the other tier does not apply', () => {
    const set = benefitSet([
      { id: 'drugs', serviceTypes: ['98'], network: 'in', coinsurance: 3000, deductible: 'waived' },
      officeVisit({ deductible: 'waived' }),
    ]);
    const e = unwrap(
      estimateCostShare(
        lines({ allowed: 100, benefitId: 'office' }, { allowed: 100 }),
        set,
        accumulators(),
        claim,
      ),
    );
    expect(e.lines.map((l) => [l.benefitId, l.patientPays])).toEqual([
      ['office', usd(30)],
      ['drugs', usd(30)],
    ]);
    const wrongTier = estimateCostShare(
      lines({ allowed: 100, benefitId: 'office', network: 'out' }),
      set,
      accumulators(),
      claim,
    );
    expect(isErr(wrongTier) && wrongTier.left.code).toBe('insurance.no-benefit');
  });

  it('the benefit set decides plan-year boundaries: accumulators dated off-cycle still reset on July 1', () => {
    const set = benefitSet([{ id: 'medical', serviceTypes: ['30'], network: 'in', coinsurance: 2000 }], {
      planYearStart: '07-01',
    });
    const met = accumulators({ planYearStart: '2026-01-01', inDed: 1000 });
    const e = unwrap(
      estimateCostShare(
        lines({ allowed: 100, serviceDate: '2026-06-30' }, { allowed: 100, serviceDate: '2026-07-01' }),
        set,
        met,
        claim,
      ),
    );
    // June 30: deductible met, 20% = $20. July 1: a new plan year, $100 to the deductible.
    expect(e.lines.map((l) => l.patientPays)).toEqual([usd(20), usd(100)]);
    expect(e.accumulators.planYearStart).toBe('2026-07-01');
  });

  it('a required prior authorization not obtained makes the line not covered; unknown requirements assume nothing', () => {
    const mri = { id: 'mri', serviceTypes: ['62'], network: 'in', deductible: 'waived', coinsurance: 2000 };
    const required = benefitSet([{ ...mri, priorAuth: { required: true }, referral: { required: true } }]);
    const unknown = benefitSet([{ ...mri, priorAuth: { required: 'unknown', reason: 'EB11 absent' } }]);
    const mriLine = (set: typeof required, flags: Record<string, boolean>) =>
      unwrap(
        estimateCostShare(lines({ serviceType: '62', allowed: 900, ...flags }), set, accumulators(), claim),
      );
    const noAuth = mriLine(required, { priorAuthObtained: false });
    expect(noAuth.total).toMatchObject({ notCovered: usd(900), planPays: 0 });
    expect(noAuth.lines[0]?.notes).toEqual(['prior-auth-missing']);
    expect(mriLine(required, { referralObtained: false }).lines[0]?.notes).toEqual(['referral-missing']);
    // Obtained, or not stated: priced normally (20% of 900 = 180).
    expect(mriLine(required, { priorAuthObtained: true }).total.patientPays).toBe(usd(180));
    expect(mriLine(required, {}).total.patientPays).toBe(usd(180));
    // Requirement unknown: a missing authorization does not deny the line; the unknown stays on the benefit.
    expect(mriLine(unknown, { priorAuthObtained: false }).total.patientPays).toBe(usd(180));
  });

  it('an excluded benefit (EB*I) leaves the whole allowed amount not covered, nothing accrues', () => {
    const set = benefitSet([{ id: 'dental', serviceTypes: ['41'], network: 'both', covered: false }]);
    const e = unwrap(
      estimateCostShare(lines({ allowed: 150, serviceType: '41' }), set, accumulators(), claim),
    );
    expect(e.total).toMatchObject({ notCovered: usd(150), planPays: 0, patientPays: usd(150) });
    expect(e.accumulators.individual.in).toEqual({ deductible: 0, oop: 0 });
  });
});

describe('parsing and data', () => {
  it('percent text that is not a plain decimal, or above 100%, is refused', () => {
    expect(
      isErr(patientShareFromPercent('20%', 'patient-percent')) &&
        patientShareFromPercent('20%', 'patient-percent'),
    ).toMatchObject({
      left: { code: 'insurance.percent-format' },
    });
    expect(isErr(patientShareFromPercent('.', 'patient-fraction'))).toBe(true);
    expect(patientShareFromPercent('1.5', 'patient-fraction')).toMatchObject({
      left: { code: 'insurance.percent-range' },
    });
    // Beyond a hundredth of a percent: half-up (0.33335 → 3334 bp).
    expect(unwrap(patientShareFromPercent('0.33335', 'patient-fraction'))).toBe(3334);
  });

  it('payers, plans and benefit sets parse with field paths on error', () => {
    expect(unwrap(parsePayer({ id: 'payer-aetna', name: 'Aetna', x12PayerId: '60054' })).name).toBe('Aetna');
    expect(
      unwrap(parsePlan({ id: 'plan-1', payerId: 'payer-aetna', name: 'Gold PPO', planType: 'PPO' })).planType,
    ).toBe('PPO');
    const bad = parseBenefitSet({
      planYearStart: '02-30',
      family: { deductible: 'embedded', oop: 'embedded' },
      tiers: {},
      benefits: [],
    });
    expect(isErr(bad) && bad.left.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['planYearStart', 'tiers.in']),
    );
  });

  it('annual limits are looked up by plan year; an unknown year is an error, not a guess', () => {
    expect(unwrap(annualLimitsFor(2025)).hdhpMinDeductible?.family).toBe(usd(3300));
    expect(unwrap(annualLimitsFor(2026)).medicarePartBDeductible).toBe(usd(283));
    expect(annualLimitsFor(2031)).toMatchObject({
      left: { code: 'insurance.annual-limits-unknown', year: 2031 },
    });
  });
});
