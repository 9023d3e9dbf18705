// One rule of estimateCostShare per case (insurance reference §7), each on the smallest claim that
// shows it: network and family accumulation, the ACA self-only cap by plan year, the benefit
// lookup, line order, line checks, limits, the copay/deductible/coinsurance switches, the OOP cap
// by component, plan-year boundaries, notes and totals. Amounts in the fixtures are dollars,
// results cents; the arithmetic is in the comments.
import { describe, expect, it } from 'vitest';
import { isErr } from '../../src/core/result.js';
import { estimateCostShare, type CostShareOptions } from '../../src/insurance/costShare.js';
import type { Accumulators, BenefitSet, ClaimLine } from '../../src/insurance/model.js';
import {
  accumulators,
  benefitSet,
  claim,
  lines,
  medical,
  officeVisit,
  outMedical,
  tier,
  unwrap,
  usd,
  type Json,
} from './fixtures.js';

const estimate = (
  l: readonly ClaimLine[],
  set: BenefitSet,
  acc: Accumulators = accumulators(),
  options: CostShareOptions = claim,
) => unwrap(estimateCostShare(l, set, acc, options));

describe('network accumulation (§7.2 networkAccumulation)', () => {
  it('cross-accumulating: out-of-network deductible met counts toward the in-network one', () => {
    // In $1,000 with 200 met in + 300 met out → 500 left; 500 + 20% x 500 = $600.
    const set = benefitSet([medical(), outMedical()], { networkAccumulation: 'crossAccumulating' });
    const e = estimate(lines({ allowed: 1000 }), set, accumulators({ inDed: 200, outDed: 300 }));
    expect(e.total).toMatchObject({ deductible: usd(500), coinsurance: usd(100), costShare: usd(600) });
  });

  it('cross-accumulating: out-of-network OOP met counts toward the in-network cap', () => {
    // OOP $5,000 with 3,000 in + 1,500 out met → 500 left; 20% x 5,000 = 1,000 capped at $500.
    const set = benefitSet([medical(), outMedical()], { networkAccumulation: 'crossAccumulating' });
    const e = estimate(
      lines({ allowed: 5000 }),
      set,
      accumulators({ inDed: 1000, inOop: 3000, outOop: 1500 }),
    );
    expect(e.total.coinsurance).toBe(usd(500));
    expect(e.lines[0]?.notes).toEqual(['oop-max-reached']);
  });
});

describe('family coverage (§7.3)', () => {
  const famTiers = (inTier: ReturnType<typeof tier>) => ({
    tiers: { in: inTier, out: tier(2000, 4000, null, null) },
  });

  it('embedded deductible: the member stops at their own remainder when it is the smaller', () => {
    // Individual 1,000 - 800 = 200 left, family 3,000 - 1,000 = 2,000 left → 200 + 20% x 800 = $360.
    const set = benefitSet([medical()], famTiers(tier(1000, 3000, 5000, 10000)));
    const e = estimate(
      lines({ allowed: 1000 }),
      set,
      accumulators({ inDed: 800, inOop: 800, family: { inDed: 1000, inOop: 1000 } }),
    );
    expect(e.total.costShare).toBe(usd(360));
    // Both accumulators grow by what the member paid: deductible +200, OOP +360.
    expect(e.accumulators.family?.in).toEqual({ deductible: usd(1200), oop: usd(1360) });
    expect(e.accumulators.individual.in).toEqual({ deductible: usd(1000), oop: usd(1160) });
  });

  it('a family tier without a family deductible leaves the individual one', () => {
    // Aggregate mode but no family amount: the $1,000 individual deductible + 20% x 1,000 = $1,200.
    const set = benefitSet([medical()], {
      family: { deductible: 'aggregate', oop: 'embedded' },
      ...famTiers(tier(1000, null, 5000, 10000)),
    });
    const e = estimate(lines({ allowed: 2000 }), set, accumulators({ family: {} }));
    expect(e.total).toMatchObject({ deductible: usd(1000), coinsurance: usd(200) });
  });

  it('a family tier without a family OOP maximum leaves the individual one, aggregate or not', () => {
    // Individual OOP 5,000 with 4,900 met: 100 left; 20% x 2,000 = 400 capped at $100.
    const set = benefitSet([medical()], {
      family: { deductible: 'embedded', oop: 'aggregate' },
      ...famTiers(tier(0, 0, 5000, null)),
    });
    const e = estimate(lines({ allowed: 2000 }), set, accumulators({ inOop: 4900, family: { inOop: 4900 } }));
    expect(e.total.coinsurance).toBe(usd(100));
  });

  it('cross-accumulating family deductible: in and out family amounts add up', () => {
    // Family 1,000 - (500 in + 300 out) = 200 left < individual 1,000 → 200 + 20% x 800 = $360.
    const set = benefitSet([medical(), outMedical()], {
      networkAccumulation: 'crossAccumulating',
      ...famTiers(tier(1000, 1000, 5000, 10000)),
    });
    const e = estimate(lines({ allowed: 1000 }), set, accumulators({ family: { inDed: 500, outDed: 300 } }));
    expect(e.total).toMatchObject({ deductible: usd(200), costShare: usd(360) });
  });

  it('cross-accumulating family OOP: the family cap counts both buckets', () => {
    // Family OOP 6,000 - (5,000 in + 800 out) = 200 left; 20% x 2,000 = 400 capped at $200.
    const set = benefitSet([medical(), outMedical()], {
      networkAccumulation: 'crossAccumulating',
      ...famTiers(tier(0, 0, 5000, 6000)),
    });
    const e = estimate(
      lines({ allowed: 2000 }),
      set,
      accumulators({ inOop: 100, family: { inOop: 5000, outOop: 800 } }),
    );
    expect(e.total.coinsurance).toBe(usd(200));
  });

  it('embedded OOP: the member stops at their own cap; aggregate: only the family cap', () => {
    // Member met 4,900 of 5,000 (100 left); family met 5,000 of 6,000 (1,000 left); 20% x 2,000 = 400.
    const met = accumulators({ inOop: 4900, family: { inOop: 5000 } });
    const embedded = benefitSet([medical()], famTiers(tier(0, 0, 5000, 6000)));
    expect(estimate(lines({ allowed: 2000 }), embedded, met).total.coinsurance).toBe(usd(100));
    const aggregate = benefitSet([medical()], {
      family: { deductible: 'embedded', oop: 'aggregate' },
      ...famTiers(tier(0, 0, 5000, 6000)),
    });
    expect(estimate(lines({ allowed: 2000 }), aggregate, met).total.coinsurance).toBe(usd(400));
  });
});

describe('the ACA self-only cap inside family coverage (§7.3, §7.4)', () => {
  it('is looked up for the plan year: 2026 $10,600 - 9,500 met = $1,100 left', () => {
    // A plan whose own individual OOP ($12,000) is above the ACA limit: 20% x 10,000 = 2,000 → 1,100.
    const set = benefitSet([medical()], {
      tiers: { in: tier(0, 0, 12000, 24000), out: tier(0, 0, null, null) },
    });
    const e = estimate(
      lines({ allowed: 10000 }),
      set,
      accumulators({ inOop: 9500, family: { inOop: 9500 } }),
    );
    expect(e.total.coinsurance).toBe(usd(1100));
    expect(e.lines[0]?.notes).toEqual(['aca-individual-cap']);
  });

  it('the plan’s own lower cap is reported as such, also when it equals the ACA limit', () => {
    // Own individual OOP 5,000 with 4,900 met: 100 left, below the ACA 10,600 - 4,900.
    const own = benefitSet([medical()], {
      tiers: { in: tier(0, 0, 5000, 10000), out: tier(0, 0, null, null) },
    });
    const e = estimate(lines({ allowed: 2000 }), own, accumulators({ inOop: 4900, family: { inOop: 4900 } }));
    expect(e.total.coinsurance).toBe(usd(100));
    expect(e.lines[0]?.notes).toEqual(['oop-max-reached']);
    // Own individual OOP = 10,600 with 10,500 met: both leave 100.
    const equal = benefitSet([medical()], {
      tiers: { in: tier(0, 0, 10600, 21200), out: tier(0, 0, null, null) },
    });
    const same = estimate(
      lines({ allowed: 2000 }),
      equal,
      accumulators({ inOop: 10500, family: { inOop: 10500 } }),
    );
    expect(same.lines[0]?.notes).toEqual(['oop-max-reached']);
  });

  it('does not cap out-of-network cost share, even after an in-network line read the limit', () => {
    // Out of network: no OOP maximum; 40% x 1,000 = $400 although 10,600 is met in network.
    const set = benefitSet([medical(), outMedical()], {
      tiers: { in: tier(0, 0, 12000, 24000), out: tier(0, 0, null, null) },
    });
    const e = estimate(
      lines({ allowed: 100 }, { allowed: 1000, network: 'out' }),
      set,
      accumulators({ inOop: 10600, outOop: 10600, family: { inOop: 10600, outOop: 10600 } }),
    );
    expect(e.lines.map((l) => l.coinsurance)).toEqual([0, usd(400)]);
  });

  it('warns that the limits are unknown only where the cap would apply', () => {
    const noTable: CostShareOptions = { order: 'claim', annualLimits: [] };
    const set = benefitSet([medical(), outMedical()]);
    const family = accumulators({ family: {} });
    const notes = (l: readonly ClaimLine[], s: BenefitSet, a: Accumulators) =>
      estimate(l, s, a, noTable).lines[0]?.notes;
    expect(notes(lines({ allowed: 100 }), set, family)).toEqual(['aca-limits-unknown']);
    expect(notes(lines({ allowed: 100 }), set, accumulators())).toEqual([]); // self-only
    expect(notes(lines({ allowed: 100, network: 'out' }), set, family)).toEqual([]);
    const noCap = benefitSet([medical()], { acaIndividualOopCap: false });
    expect(notes(lines({ allowed: 100 }), noCap, family)).toEqual([]);
  });
});

describe('finding the benefit', () => {
  const both = { id: 'any', serviceTypes: ['98'], network: 'both', copay: usd(20) };

  it('an exact-tier benefit wins over a `both` one declared before it; `both` serves the other tier', () => {
    const set = benefitSet([both, officeVisit(), medical(), outMedical()]);
    const e = estimate(lines({ allowed: 100 }, { allowed: 100, network: 'out' }), set);
    expect(e.lines.map((l) => [l.benefitId, l.copay])).toEqual([
      ['office', usd(30)],
      ['any', usd(20)],
    ]);
    expect(estimate(lines({ allowed: 100, network: 'out' }), benefitSet([both])).lines[0]?.benefitId).toBe(
      'any',
    );
  });

  it('a line may name a `both` benefit on either tier; the first of two with one id wins', () => {
    const set = benefitSet([both, medical(), { ...both, copay: usd(50) }]);
    const e = estimate(
      lines({ allowed: 100, network: 'out', benefitId: 'any' }, { allowed: 100, benefitId: 'any' }),
      set,
    );
    expect(e.lines.map((l) => l.copay)).toEqual([usd(20), usd(20)]);
  });
});

describe('line order (§7.7)', () => {
  const four = lines({ allowed: 100 }, { allowed: 300 }, { allowed: 100 }, { allowed: 200 });
  const ids = (order: CostShareOptions['order']) =>
    estimate(four, benefitSet([medical()]), accumulators(), { order }).lines.map((l) => l.lineId);

  it('sorts by allowed amount either way, ties in claim order', () => {
    expect(ids('highest-allowed-first')).toEqual(['2', '4', '1', '3']);
    expect(ids('lowest-allowed-first')).toEqual(['1', '3', '4', '2']);
    expect(ids('claim')).toEqual(['1', '2', '3', '4']);
  });
});

describe('line checks', () => {
  const [line] = lines({ allowed: 100 });
  const check = (patch: Json) =>
    estimateCostShare([{ ...line!, ...patch } as ClaimLine], benefitSet([medical()]), accumulators(), claim);

  it('refuses negative or fractional amounts and units below one, naming the line and field', () => {
    const cases: [Json, string][] = [
      [{ allowed: -1 }, 'allowed must be whole, non-negative cents'],
      [{ billed: 10.5 }, 'billed must be whole, non-negative cents'],
      [{ billed: -100 }, 'billed must be whole, non-negative cents'],
      [{ units: 0 }, 'units must be a whole number of at least 1'],
      [{ units: 1.5 }, 'units must be a whole number of at least 1'],
    ];
    for (const [patch, message] of cases)
      expect(check(patch)).toEqual({
        _tag: 'Left',
        left: { code: 'insurance.line-amounts', message, lineId: '1' },
      });
  });

  it('accepts zero amounts and one unit', () => {
    for (const patch of [{ allowed: 0 }, { billed: 0 }, { units: 1 }])
      expect(check(patch)._tag).toBe('Right');
  });

  it('the other refusals say what to do', () => {
    const set = benefitSet([medical()], { planYearStart: '07-01' });
    const early = estimateCostShare(
      lines({ allowed: 500, serviceDate: '2025-06-30' }),
      set,
      accumulators({ planYearStart: '2025-07-01' }),
      claim,
    );
    expect(isErr(early) && early.left.message).toBe(
      'serviceDate falls before the plan year of the accumulators; order lines by date across plan years',
    );
    const none = estimateCostShare(lines({ allowed: 100, network: 'out' }), set, accumulators(), claim);
    expect(isErr(none) && none.left.message).toBe(
      'no benefit for the line serviceType (nor STC 30) on its network tier',
    );
  });
});

describe('limits', () => {
  const pt = (limit: Json) => ({
    id: 'pt',
    serviceTypes: ['PT'],
    network: 'in',
    copay: usd(40),
    deductible: 'waived',
    limit,
  });

  it('a visit counts once whatever its units or lines', () => {
    // 20 visits, 19 used: one visit left, three units of it, then a second line of the same visit.
    const set = benefitSet([pt({ quantity: 20, unit: 'visits' })]);
    const e = estimate(
      lines({ serviceType: 'PT', allowed: 300, units: 3 }, { serviceType: 'PT', allowed: 50 }),
      set,
      accumulators({ limitsUsed: { pt: 19 } }),
    );
    expect(e.lines.map((l) => l.notCovered)).toEqual([0, 0]);
    expect(e.accumulators.limitsUsed['pt']).toBe(20);
  });

  it('a partly covered line splits its allowed amount half-up: 2 of 3 units of $100 → $66.67', () => {
    // 10,000 x 2 / 3 = 6,666.67 → 6,667 covered, 3,333 not covered.
    const set = benefitSet([pt({ quantity: 2, unit: 'units' })]);
    const e = estimate(lines({ serviceType: 'PT', allowed: 100, units: 3 }), set);
    expect(e.lines[0]).toMatchObject({ notCovered: 3333, copay: usd(40) });
    expect(e.lines[0]?.notes).toEqual(['limit-exhausted']);
  });
});

describe('copay, deductible and coinsurance switches (§7.2)', () => {
  it('a copay before the deductible waives the deductible: $30, plan $150', () => {
    const set = benefitSet([officeVisit({ copayTiming: 'beforeDeductible' })]);
    const e = estimate(lines({ allowed: 180 }), set);
    expect(e.total).toMatchObject({ copay: usd(30), deductible: 0, planPays: usd(150) });
  });

  it('a copay counted toward the deductible leaves that much less deductible: 30 + 70 + 20% x 100 = $120', () => {
    // $100 deductible left; copay 30 first, credited; deductible min(170, 100 - 30) = 70; 20% x 100 = 20.
    const set = benefitSet([officeVisit({ copayCountsTowardDeductible: true, coinsurance: 2000 })]);
    const e = estimate(lines({ allowed: 200 }), set, accumulators({ inDed: 900 }));
    expect(e.total).toMatchObject({ copay: usd(30), deductible: usd(70), coinsurance: usd(20) });
    expect(e.accumulators.individual.in.deductible).toBe(usd(1000));
  });

  it('a copay after the deductible comes before the coinsurance: 100 + 30 + 20% x 370 = $204', () => {
    const set = benefitSet([officeVisit({ copayTiming: 'afterDeductible', coinsurance: 2000 })]);
    const e = estimate(lines({ allowed: 500 }), set, accumulators({ inDed: 900 }));
    expect(e.total).toMatchObject({ deductible: usd(100), copay: usd(30), coinsurance: usd(74) });
  });

  it('coinsurance on the allowed amount is on all of it after the deductible: 250 + 300 + 20% x 1,700', () => {
    // Copay 250 first, deductible 300, coinsurance 20% x (2,000 - 300) = 340 → $890.
    const er = {
      id: 'er',
      serviceTypes: ['86'],
      network: 'in',
      copay: usd(250),
      coinsurance: 2000,
      coinsuranceBase: 'allowed',
    };
    const e = estimate(
      lines({ serviceType: '86', allowed: 2000 }),
      benefitSet([er]),
      accumulators({ inDed: 700 }),
    );
    expect(e.total).toMatchObject({
      copay: usd(250),
      deductible: usd(300),
      coinsurance: usd(340),
      costShare: usd(890),
    });
  });

  it('a copay is per line unless the benefit says per visit', () => {
    const set = benefitSet([officeVisit({ deductible: 'waived' })]);
    const e = estimate(lines({ allowed: 100 }, { allowed: 100 }), set);
    expect(e.lines.map((l) => l.copay)).toEqual([usd(30), usd(30)]);
  });

  it('an HDHP per-visit copay not charged on a line that went to the deductible is charged on the next', () => {
    // $100 of the $1,700 deductible left: line 1 pays 100 to the deductible, no copay; line 2 the $30 copay.
    const set = benefitSet([officeVisit({ copayPer: 'visit' })], {
      hdhp: true,
      tiers: { in: tier(1700, null, 8500, null), out: tier(3400, null, null, null) },
    });
    const e = estimate(lines({ allowed: 100 }, { allowed: 100 }), set, accumulators({ inDed: 1600 }));
    expect(e.lines.map((l) => [l.deductible, l.copay])).toEqual([
      [usd(100), 0],
      [0, usd(30)],
    ]);
  });

  it('the HDHP note appears only when a copay or waiver was set aside for the deductible', () => {
    const hdhp = (b: Json) =>
      benefitSet([officeVisit(b)], {
        hdhp: true,
        tiers: { in: tier(1700, null, 8500, null), out: tier(3400, null, null, null) },
      });
    const notes = (b: Json, inDed = 0) =>
      estimate(lines({ allowed: 180 }), hdhp(b), accumulators({ inDed })).lines[0]?.notes;
    expect(notes({})).toEqual(['hdhp-deductible-first']); // copay with the deductible
    expect(notes({ copayTiming: 'afterDeductible', deductible: 'waived' })).toEqual([
      'hdhp-deductible-first',
    ]);
    expect(notes({ copayTiming: 'afterDeductible' })).toEqual([]); // nothing set aside
    expect(notes({}, 1700)).toEqual([]); // deductible met: the copay applies
  });
});

describe('the OOP cap by component (§7.1 step 7)', () => {
  it('a line that lands exactly on the maximum is not capped', () => {
    // 4,900 of 5,000 met, 20% x 500 = 100: exactly the 100 left.
    const e = estimate(
      lines({ allowed: 500 }),
      benefitSet([medical()]),
      accumulators({ inDed: 1000, inOop: 4900 }),
    );
    expect(e.lines[0]).toMatchObject({ coinsurance: usd(100), notes: [] });
    expect(e.accumulators.individual.in.oop).toBe(usd(5000));
  });

  it('only the components that count are cut: coinsurance outside the OOP stays owed', () => {
    // 300 OOP left; deductible 1,000 counts, coinsurance 20% x 1,000 = 200 does not → deductible cut to 300.
    const set = benefitSet([
      medical({ countsTowardOop: { deductible: true, copay: true, coinsurance: false } }),
    ]);
    const e = estimate(lines({ allowed: 2000 }), set, accumulators({ inOop: 4700 }));
    expect(e.lines[0]).toMatchObject({ deductible: usd(300), coinsurance: usd(200) });
    expect(e.accumulators.individual.in).toEqual({ deductible: usd(300), oop: usd(5000) });
  });

  it('a copay outside the OOP stays owed while the deductible is cut', () => {
    // 100 OOP left; copay 30 (not counted), deductible 470 cut to 100, coinsurance 0.
    const set = benefitSet([
      officeVisit({
        coinsurance: 2000,
        countsTowardOop: { deductible: true, copay: false, coinsurance: true },
      }),
    ]);
    const e = estimate(lines({ allowed: 500 }), set, accumulators({ inOop: 4900 }));
    expect(e.lines[0]).toMatchObject({ copay: usd(30), deductible: usd(100), coinsurance: 0 });
  });
});

describe('plan-year boundaries', () => {
  const set = benefitSet([medical()], { planYearStart: '07-01' });

  it('a line on the first day of the accumulators’ plan year uses them', () => {
    const e = estimate(
      lines({ allowed: 500, serviceDate: '2026-07-01' }),
      set,
      accumulators({ planYearStart: '2026-07-01', inDed: 1000, inOop: 1000 }),
    );
    expect(e.lines[0]).toMatchObject({ deductible: 0, coinsurance: usd(100), notes: [] });
  });

  it('a reset zeroes every bucket, family ones only for family coverage', () => {
    const july = lines({ allowed: 500, serviceDate: '2026-07-15' });
    const old = { planYearStart: '2025-07-01', inDed: 1000, outDed: 700, outOop: 700 };
    const family = estimate(
      july,
      set,
      accumulators({ ...old, family: { inDed: 1500, outDed: 900 } }),
    ).accumulators;
    expect(family.individual).toEqual({
      in: { deductible: usd(500), oop: usd(500) },
      out: { deductible: 0, oop: 0 },
    });
    expect(family.family).toEqual({
      in: { deductible: usd(500), oop: usd(500) },
      out: { deductible: 0, oop: 0 },
    });
    expect(estimate(july, set, accumulators(old)).accumulators.family).toBeNull();
  });
});

describe('coverage flags and notes', () => {
  it('an in-network provider’s charge above allowed is a contractual write-off, not billed', () => {
    const set = benefitSet([medical()]);
    for (const extra of [{}, { surpriseBilling: true }]) {
      const e = estimate(lines({ allowed: 180, billed: 250, ...extra }), set, accumulators({ inDed: 1000 }));
      expect(e.lines[0]).toMatchObject({ balanceBill: 0, notBillable: 0, notes: [] });
    }
  });

  it('a No Surprises Act line says so', () => {
    const set = benefitSet([medical(), outMedical()]);
    const e = estimate(lines({ allowed: 180, billed: 250, network: 'out', surpriseBilling: true }), set);
    expect(e.lines[0]).toMatchObject({ bucket: 'in', notBillable: usd(70), notes: ['surprise-billing'] });
  });

  it('a line marked not covered is not covered; one marked covered is priced', () => {
    const set = benefitSet([medical()]);
    const e = estimate(lines({ allowed: 100, covered: false }, { allowed: 100, covered: true }), set);
    expect(e.lines.map((l) => [l.notCovered, l.deductible, l.notes])).toEqual([
      [usd(100), 0, ['not-covered']],
      [0, usd(100), []],
    ]);
  });

  it('a referral the benefit does not require is not needed', () => {
    const e = estimate(lines({ allowed: 100, referralObtained: false }), benefitSet([medical()]));
    expect(e.lines[0]).toMatchObject({ notCovered: 0, deductible: usd(100) });
  });

  it('preventive in network says why it is $0', () => {
    const e = estimate(lines({ allowed: 200, preventive: true }), benefitSet([medical()]));
    expect(e.lines[0]).toMatchObject({ patientPays: 0, notes: ['preventive-zero'] });
  });
});

describe('totals', () => {
  it('add every line: allowed 100 + 300, cost share 100 + (100 + 20% x 200)', () => {
    const e = estimate(
      lines({ allowed: 100 }, { allowed: 300 }),
      benefitSet([medical()]),
      accumulators({ inDed: 800 }),
    );
    expect(e.total).toMatchObject({ allowed: usd(400), costShare: usd(240), planPays: usd(160) });
  });
});
