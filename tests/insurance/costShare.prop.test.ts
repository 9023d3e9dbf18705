// Invariants of estimateCostShare over random plan designs, accumulators and claims.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { BasisPoints, Cents } from '../../src/core/money.js';
import { isOk } from '../../src/core/result.js';
import type { IsoDate } from '../../src/core/time.js';
import { ANNUAL_LIMITS } from '../../src/insurance/annualLimits.js';
import { estimateCostShare, type LineOrder } from '../../src/insurance/costShare.js';
import type { Accumulators, Benefit, BenefitSet, ClaimLine, NetworkTier } from '../../src/insurance/model.js';
import { secondaryPayment } from '../../src/insurance/secondaryPayment.js';

const c = (n: number) => n as Cents;
const STCS = ['30', '98', '86', '5', 'PT'] as const;

const benefitArb = (id: string, network: Benefit['network']): fc.Arbitrary<Benefit> =>
  fc.record({
    id: fc.constant(id),
    serviceTypes: fc.subarray([...STCS], { minLength: 1 }),
    network: fc.constant(network),
    covered: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0),
    deductible: fc.constantFrom('applies', 'waived') as fc.Arbitrary<'applies' | 'waived'>,
    copay: fc.integer({ min: 0, max: 30_000 }).map(c),
    copayTiming: fc.constantFrom('beforeDeductible', 'afterDeductible', 'withDeductible') as fc.Arbitrary<
      Benefit['copayTiming']
    >,
    copayPer: fc.constantFrom('line', 'visit') as fc.Arbitrary<'line' | 'visit'>,
    copayCountsTowardDeductible: fc.boolean(),
    coinsurance: fc.integer({ min: 0, max: 10_000 }).map((n) => n as BasisPoints),
    coinsuranceBase: fc.constantFrom('afterCopay', 'allowed') as fc.Arbitrary<'afterCopay' | 'allowed'>,
    countsTowardOop: fc.record({ deductible: fc.boolean(), copay: fc.boolean(), coinsurance: fc.boolean() }),
    limit: fc.option(
      fc.record({
        quantity: fc.integer({ min: 0, max: 6 }),
        unit: fc.constantFrom('visits', 'units') as fc.Arbitrary<'visits' | 'units'>,
      }),
      { nil: null },
    ),
    priorAuth: fc.constant({ required: false as const }),
    referral: fc.constant({ required: 'unknown' as const, reason: 'not stated' }),
  });

const money = (max: number) => fc.integer({ min: 0, max });
const tierArb = fc.record({
  ded: money(500_000),
  famDed: fc.option(money(1_000_000), { nil: null }),
  oop: fc.option(money(1_500_000), { nil: null }),
  famOop: fc.option(money(3_000_000), { nil: null }),
});

interface Scenario {
  readonly set: BenefitSet;
  readonly acc: Accumulators;
  readonly lines: readonly ClaimLine[];
  readonly order: LineOrder;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    tiers: fc.record({ in: tierArb, out: tierArb }),
    familyDed: fc.constantFrom('embedded', 'aggregate') as fc.Arbitrary<'embedded' | 'aggregate'>,
    familyOop: fc.constantFrom('embedded', 'aggregate') as fc.Arbitrary<'embedded' | 'aggregate'>,
    networkAccumulation: fc.constantFrom('separate', 'crossAccumulating', 'oneWay') as fc.Arbitrary<
      BenefitSet['networkAccumulation']
    >,
    hdhp: fc.boolean(),
    aca: fc.boolean(),
    benefits: fc.tuple(
      benefitArb('in-a', 'in'),
      benefitArb('in-b', 'in'),
      benefitArb('out-a', 'out'),
      benefitArb('both', 'both'),
    ),
    family: fc.boolean(),
    fractions: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }),
    used: fc.integer({ min: 0, max: 6 }),
    lines: fc.array(
      fc.record({
        serviceType: fc.constantFrom(...STCS),
        network: fc.constantFrom('in', 'out') as fc.Arbitrary<NetworkTier>,
        allowed: money(2_000_000),
        extra: fc.option(money(500_000), { nil: undefined }),
        preventive: fc.boolean(),
        surpriseBilling: fc.boolean(),
        units: fc.integer({ min: 1, max: 3 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    order: fc.constantFrom(
      'claim',
      'highest-allowed-first',
      'lowest-allowed-first',
    ) as fc.Arbitrary<LineOrder>,
  })
  .map((r) => {
    const tier = (t: typeof r.tiers.in) => ({
      deductible: { individual: c(t.ded), family: t.famDed === null ? null : c(t.famDed) },
      oopMax: {
        individual: t.oop === null ? null : c(t.oop),
        family: t.famOop === null ? null : c(t.famOop),
      },
    });
    const set: BenefitSet = {
      planYearStart: '01-01',
      hdhp: r.hdhp,
      family: { deductible: r.familyDed, oop: r.familyOop },
      networkAccumulation: r.networkAccumulation,
      acaIndividualOopCap: r.aca,
      preventiveZeroInNetwork: true,
      tiers: { in: tier(r.tiers.in), out: tier(r.tiers.out) },
      // A catch-all benefit on both tiers so every line finds one.
      benefits: [...r.benefits, { ...r.benefits[3], id: 'all', serviceTypes: ['30'] }],
    };
    // Starting met amounts: a share (of at most half, so cross-accumulated sums stay within) of each limit.
    const f = (i: number, limit: number | null) =>
      c(Math.floor(((limit ?? 1_000_000) * (r.fractions[i] ?? 0)) / 200));
    const bucket = (t: typeof r.tiers.in, i: number, fam: boolean) => ({
      deductible: f(i, fam ? (t.famDed ?? t.ded) : t.ded),
      oop: f(i + 1, fam ? (t.famOop ?? t.oop) : t.oop),
    });
    const ind = { in: bucket(r.tiers.in, 0, false), out: bucket(r.tiers.out, 2, false) };
    const acc: Accumulators = {
      planYearStart: '2026-01-01' as IsoDate,
      individual: ind,
      // Family met is at least the member's own met (the member is part of the family).
      family: r.family
        ? {
            in: {
              deductible: c(Math.max(ind.in.deductible, bucket(r.tiers.in, 4, true).deductible)),
              oop: c(Math.max(ind.in.oop, bucket(r.tiers.in, 4, true).oop)),
            },
            out: {
              deductible: c(Math.max(ind.out.deductible, bucket(r.tiers.out, 6, true).deductible)),
              oop: c(Math.max(ind.out.oop, bucket(r.tiers.out, 6, true).oop)),
            },
          }
        : null,
      limitsUsed: { 'in-a': r.used },
    };
    const lines: ClaimLine[] = r.lines.map((l, i) => ({
      id: String(i + 1),
      serviceDate: `2026-05-${String(l.day).padStart(2, '0')}` as IsoDate,
      serviceType: l.serviceType,
      network: l.network,
      allowed: c(l.allowed),
      ...(l.extra === undefined ? {} : { billed: c(l.allowed + l.extra) }),
      preventive: l.preventive,
      surpriseBilling: l.surpriseBilling,
      units: l.units,
    }));
    return { set, acc, lines, order: r.order };
  });

const run = (s: Scenario) => estimateCostShare(s.lines, s.set, s.acc, { order: s.order });
const opts = { numRuns: 250 };

/** Met amounts that count toward bucket `t` (cross-network accumulation included). */
const effective = (
  b: { in: { deductible: number; oop: number }; out: { deductible: number; oop: number } },
  t: NetworkTier,
  mode: BenefitSet['networkAccumulation'],
) => {
  const other = t === 'in' ? b.out : b.in;
  const shares = mode === 'crossAccumulating' || (mode === 'oneWay' && t === 'out');
  return {
    deductible: b[t].deductible + (shares ? other.deductible : 0),
    oop: b[t].oop + (shares ? other.oop : 0),
  };
};

describe('estimateCostShare invariants', () => {
  test.prop([scenarioArb], opts)(
    'patient + plan + not covered = allowed; patient pays adds balance billing; nothing negative',
    (s) => {
      const r = run(s);
      expect(isOk(r)).toBe(true);
      if (!isOk(r)) return;
      for (const l of [...r.right.lines, r.right.total]) {
        expect(l.costShare + l.planPays + l.notCovered).toBe(l.allowed);
        expect(l.deductible + l.copay + l.coinsurance).toBe(l.costShare);
        expect(l.patientPays).toBe(l.costShare + l.notCovered + l.balanceBill);
        for (const v of [
          l.deductible,
          l.copay,
          l.coinsurance,
          l.planPays,
          l.notCovered,
          l.balanceBill,
          l.notBillable,
        ])
          expect(v).toBeGreaterThanOrEqual(0);
      }
      for (const l of r.right.lines) {
        const line = s.lines.find((x) => x.id === l.lineId)!;
        const over = (line.billed ?? line.allowed) - line.allowed;
        const protectedLine = line.network === 'out' && line.surpriseBilling === true;
        expect(l.balanceBill).toBe(line.network === 'out' && !protectedLine ? over : 0);
        expect(l.notBillable).toBe(protectedLine ? over : 0);
      }
    },
  );

  test.prop([scenarioArb], opts)(
    'OOP maxima and deductibles are never exceeded; accumulators never decrease',
    (s) => {
      const r = run(s);
      if (!isOk(r)) return expect.unreachable();
      const after = r.right.accumulators;
      for (const t of ['in', 'out'] as const) {
        const limits = s.set.tiers[t];
        const mode = s.set.networkAccumulation;
        const before = effective(s.acc.individual, t, mode);
        const fam = after.family ? effective(after.family, t, mode) : null;
        const famBefore = s.acc.family ? effective(s.acc.family, t, mode) : null;
        // What accrues to a bucket never exceeds what remained of a limit at the start (the limit
        // minus what counted toward it, cross-network amounts included): never over-applied.
        const room = (limit: number | null, met: number) =>
          limit === null ? Infinity : Math.max(0, limit - met);
        const own = {
          deductible: after.individual[t].deductible - s.acc.individual[t].deductible,
          oop: after.individual[t].oop - s.acc.individual[t].oop,
        };
        // Embedded (or self-only): the member's own amounts stop at the individual limits.
        const selfOnlyDed =
          fam === null || limits.deductible.family === null || s.set.family.deductible === 'embedded';
        if (selfOnlyDed)
          expect(own.deductible).toBeLessThanOrEqual(room(limits.deductible.individual, before.deductible));
        const selfOnlyOop = fam === null || limits.oopMax.family === null || s.set.family.oop === 'embedded';
        if (selfOnlyOop) expect(own.oop).toBeLessThanOrEqual(room(limits.oopMax.individual, before.oop));
        if (fam && famBefore && limits.deductible.family !== null)
          expect(own.deductible).toBeLessThanOrEqual(room(limits.deductible.family, famBefore.deductible));
        if (fam && famBefore && limits.oopMax.family !== null)
          expect(own.oop).toBeLessThanOrEqual(room(limits.oopMax.family, famBefore.oop));
        if (t === 'in' && fam && s.set.acaIndividualOopCap) {
          const aca = ANNUAL_LIMITS.find((l) => l.year === 2026)!.acaOopMax.self;
          expect(own.oop).toBeLessThanOrEqual(room(aca, before.oop));
        }
        // Monotone within the plan year.
        expect(after.individual[t].deductible).toBeGreaterThanOrEqual(s.acc.individual[t].deductible);
        expect(after.individual[t].oop).toBeGreaterThanOrEqual(s.acc.individual[t].oop);
        if (after.family && s.acc.family)
          expect(after.family[t].oop).toBeGreaterThanOrEqual(s.acc.family[t].oop);
      }
      // What accrued equals what the lines charged: deductible accrual never beyond the lines' deductibles plus credited copays.
      const accrued = (['in', 'out'] as const).reduce(
        (sum, t) => sum + after.individual[t].deductible - s.acc.individual[t].deductible,
        0,
      );
      expect(accrued).toBeLessThanOrEqual(r.right.total.deductible + r.right.total.copay);
      for (const [k, v] of Object.entries(s.acc.limitsUsed))
        expect(after.limitsUsed[k]).toBeGreaterThanOrEqual(v);
    },
  );

  test.prop([scenarioArb], opts)(
    'same lines in the same order → same result; inputs are not mutated',
    (s) => {
      const snapshot = structuredClone(s);
      const a = run(s);
      const b = run(structuredClone(s));
      expect(a).toEqual(b);
      expect(s).toEqual(snapshot);
    },
  );
});

describe('estimating in steps', () => {
  test.prop([scenarioArb], opts)(
    'line by line, carrying the accumulators forward, equals the whole claim at once (claim order)',
    (s) => {
      // Each line its own visit, so nothing per-visit spans calls.
      const own = s.lines.map((l) => ({ ...l, visit: l.id }));
      const whole = estimateCostShare(own, s.set, s.acc, { order: 'claim' });
      if (!isOk(whole)) return expect.unreachable();
      let acc = s.acc;
      own.forEach((line, i) => {
        const step = estimateCostShare([line], s.set, acc, { order: 'claim' });
        if (!isOk(step)) return expect.unreachable();
        expect(step.right.lines[0]).toEqual(whole.right.lines[i]);
        acc = step.right.accumulators;
      });
      expect(acc).toEqual(whole.right.accumulators);
    },
  );
});

describe('secondaryPayment invariants', () => {
  test.prop(
    [
      scenarioArb,
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom(
        'standard',
        'non-duplication',
        'carve-out',
        'medicare-secondary',
        'medicaid-secondary' as const,
      ),
    ],
    { numRuns: 150 },
  )(
    'the secondary never pays more than the balance after the primary; nothing negative',
    (s, paidPercent, method) => {
      const line = s.lines[0]!;
      const allowed = line.allowed;
      const paid = Math.floor((allowed * paidPercent) / 100);
      const primary = {
        charge: c(line.billed ?? allowed),
        allowed,
        paid: c(paid),
        patientResponsibility: c(allowed - paid),
      };
      const r = secondaryPayment(method, primary, { benefits: s.set, accumulators: s.acc, line });
      if (!isOk(r)) return expect.unreachable();
      expect(r.right.secondaryPays).toBeGreaterThanOrEqual(0);
      expect(r.right.patientOwes).toBeGreaterThanOrEqual(0);
      expect(r.right.secondaryPays).toBeLessThanOrEqual(Math.max(0, r.right.allowable - paid));
    },
  );
});
