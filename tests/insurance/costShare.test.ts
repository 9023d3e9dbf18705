// Worked cases T10-T30 of the insurance reference (§12), expected figures from the reference with
// the arithmetic restated in comments. Amounts in the fixtures are dollars; results are cents.
import { describe, expect, it } from 'vitest';
import { isErr, unwrapOr } from '../../src/core/result.js';
import { estimateCostShare } from '../../src/insurance/costShare.js';
import { patientShareFromPercent } from '../../src/insurance/percent.js';
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
} from './fixtures.js';

describe('cost share, single line (T10-T18)', () => {
  it('T10 deductible partially met: 300 + 20% x 200 = $340, plan $160, OOP remaining $4,660', () => {
    // Deductible $1,000 with $700 met → $300 remaining; OOP $5,000 with nothing met.
    const set = benefitSet([medical()]);
    const e = unwrap(estimateCostShare(lines({ allowed: 500 }), set, accumulators({ inDed: 700 }), claim));
    expect(e.total).toMatchObject({
      deductible: usd(300),
      coinsurance: usd(40),
      patientPays: usd(340),
      planPays: usd(160),
    });
    expect(e.accumulators.individual.in).toEqual({ deductible: usd(1000), oop: usd(340) });
    expect(usd(5000) - e.accumulators.individual.in.oop).toBe(usd(4660));
  });

  it('T11 OOP cap mid-claim: 20% x 10,000 = 2,000 capped at $1,200 remaining; plan $8,800', () => {
    const set = benefitSet([medical()]);
    const e = unwrap(
      estimateCostShare(lines({ allowed: 10000 }), set, accumulators({ inDed: 1000, inOop: 3800 }), claim),
    );
    expect(e.total).toMatchObject({ patientPays: usd(1200), planPays: usd(8800) });
    expect(e.lines[0]?.notes).toContain('oop-max-reached');
    expect(e.accumulators.individual.in.oop).toBe(usd(5000));
  });

  it('T12 OOP cap inside the deductible: 2,500 + 100 = 2,600 capped at $1,000; plan $2,000', () => {
    // Deductible $3,000 with $500 met (2,500 remaining); OOP $5,000 with $4,000 met (1,000 remaining).
    const set = benefitSet([medical()], {
      tiers: { in: tier(3000, null, 5000, null), out: tier(6000, null, null, null) },
    });
    const e = unwrap(
      estimateCostShare(lines({ allowed: 3000 }), set, accumulators({ inDed: 500, inOop: 4000 }), claim),
    );
    expect(e.total).toMatchObject({ patientPays: usd(1000), planPays: usd(2000), coinsurance: 0 });
    // The deductible accrues only what the patient paid toward it.
    expect(e.accumulators.individual.in).toEqual({ deductible: usd(1500), oop: usd(5000) });
  });

  it('T13 copay with the deductible waived: $30, plan $150, deductible unchanged, OOP +30', () => {
    const set = benefitSet([officeVisit({ deductible: 'waived' }), medical()]);
    const e = unwrap(estimateCostShare(lines({ allowed: 180 }), set, accumulators(), claim));
    expect(e.total).toMatchObject({
      copay: usd(30),
      deductible: 0,
      patientPays: usd(30),
      planPays: usd(150),
    });
    expect(e.accumulators.individual.in).toEqual({ deductible: 0, oop: usd(30) });
  });

  it('T14 copay after the deductible: 100 + min(30, 80) = $130, plan $50', () => {
    const set = benefitSet([officeVisit({ copayTiming: 'afterDeductible' })]);
    const e = unwrap(estimateCostShare(lines({ allowed: 180 }), set, accumulators({ inDed: 900 }), claim));
    expect(e.total).toMatchObject({
      deductible: usd(100),
      copay: usd(30),
      patientPays: usd(130),
      planPays: usd(50),
    });
  });

  it('T15 copay plus coinsurance (ER): 250 + 20% x 1,750 = $600; on the full allowed: 250 + 400 = $650', () => {
    const er = { id: 'er', serviceTypes: ['86'], network: 'in', copay: usd(250), coinsurance: 2000 };
    const met = accumulators({ inDed: 1000 });
    const after = unwrap(
      estimateCostShare(lines({ serviceType: '86', allowed: 2000 }), benefitSet([er]), met, claim),
    );
    expect(after.total).toMatchObject({
      copay: usd(250),
      coinsurance: usd(350),
      patientPays: usd(600),
      planPays: usd(1400),
    });
    const full = benefitSet([{ ...er, coinsuranceBase: 'allowed' }]);
    const onAllowed = unwrap(
      estimateCostShare(lines({ serviceType: '86', allowed: 2000 }), full, met, claim),
    );
    expect(onAllowed.total.patientPays).toBe(usd(650));
  });

  it('T16 copay larger than allowed: min(40, 25) = $25, plan $0', () => {
    const set = benefitSet([{ id: 'office', serviceTypes: ['98'], network: 'in', copay: usd(40) }]);
    const e = unwrap(estimateCostShare(lines({ allowed: 25 }), set, accumulators(), claim));
    expect(e.total).toMatchObject({ patientPays: usd(25), planPays: 0 });
  });

  it('T17 OOP reached → copays stop: $20 of a $30 copay, then $0', () => {
    const set = benefitSet([{ id: 'office', serviceTypes: ['98'], network: 'in', copay: usd(30) }]);
    const e = unwrap(
      estimateCostShare(
        lines({ allowed: 180 }, { allowed: 180, serviceDate: '2026-03-09' }),
        set,
        accumulators({ inOop: 4980 }),
        claim,
      ),
    );
    expect(e.lines.map((l) => l.patientPays)).toEqual([usd(20), 0]);
  });

  it('T18 percent convention: EB08 .8 from an inverting carrier is a 20% patient share, A = $200 → $40', () => {
    const share = unwrap(patientShareFromPercent('.8', 'payer-fraction'));
    expect(share).toBe(2000);
    const naive = unwrap(patientShareFromPercent('.8', 'patient-fraction'));
    const met = accumulators({ inDed: 1000 });
    const right = unwrap(
      estimateCostShare(lines({ allowed: 200 }), benefitSet([medical({ coinsurance: share })]), met, claim),
    );
    const wrong = unwrap(
      estimateCostShare(lines({ allowed: 200 }), benefitSet([medical({ coinsurance: naive })]), met, claim),
    );
    expect(right.total.patientPays).toBe(usd(40));
    expect(wrong.total.patientPays).toBe(usd(160));
    // "80" on a 0-100 scale must be configured: payer 80% → patient 20%, patient 80% → 80%.
    expect(unwrap(patientShareFromPercent('80', 'payer-percent'))).toBe(2000);
    expect(unwrap(patientShareFromPercent('80', 'patient-percent'))).toBe(8000);
  });
});

describe('accumulators, family, network (T19-T25)', () => {
  it('T19 embedded family deductible: min(1,000, family 300, individual 1,500) = 300 + 20% x 700 = $440', () => {
    // Family $3,000 embedded, individual $1,500; met A 1,500 + B 1,200 + C 0 = 2,700.
    const set = benefitSet([medical()], {
      tiers: { in: tier(1500, 3000, 6000, 12000), out: tier(3000, 6000, null, null) },
    });
    const e = unwrap(
      estimateCostShare(
        lines({ allowed: 1000 }),
        set,
        accumulators({ family: { inDed: 2700, inOop: 2700 } }),
        claim,
      ),
    );
    expect(e.total).toMatchObject({ deductible: usd(300), coinsurance: usd(140), patientPays: usd(440) });
    expect(e.accumulators.family?.in.deductible).toBe(usd(3000)); // now met for everyone
  });

  it('T20 aggregate family HDHP deductible $3,400: one member pays $2,000 all to the deductible', () => {
    const set = benefitSet([medical()], {
      hdhp: true,
      family: { deductible: 'aggregate', oop: 'aggregate' },
      tiers: { in: tier(1700, 3400, 8500, 17000), out: tier(3400, 6800, null, null) },
    });
    const e = unwrap(estimateCostShare(lines({ allowed: 2000 }), set, accumulators({ family: {} }), claim));
    expect(e.total).toMatchObject({ deductible: usd(2000), patientPays: usd(2000), planPays: 0 });
    // A self-only HDHP stops at the $1,700 individual deductible: 1,700 + 20% x 300 = 1,760.
    const self = unwrap(estimateCostShare(lines({ allowed: 2000 }), set, accumulators(), claim));
    expect(self.total).toMatchObject({ deductible: usd(1700), patientPays: usd(1760) });
  });

  it('T21 ACA embedded OOP: a member at the 2026 self-only $10,600 pays $0 more though the family is below $21,200', () => {
    const set = benefitSet([medical()], {
      family: { deductible: 'aggregate', oop: 'aggregate' },
      tiers: { in: tier(3000, 6000, 21200, 21200), out: tier(6000, 12000, null, null) },
    });
    const met = accumulators({ inDed: 3000, inOop: 10600, family: { inDed: 6000, inOop: 14000 } });
    const e = unwrap(estimateCostShare(lines({ allowed: 1000, serviceDate: '2026-09-01' }), set, met, claim));
    expect(e.total).toMatchObject({ patientPays: 0, planPays: usd(1000) });
    expect(e.lines[0]?.notes).toContain('aca-individual-cap');
    // The cap comes from the plan year's data row, not a literal: without a 2026 row it is not applied.
    const noTable = unwrap(
      estimateCostShare(lines({ allowed: 1000, serviceDate: '2026-09-01' }), set, met, {
        order: 'claim',
        annualLimits: [],
      }),
    );
    expect(noTable.total.patientPays).toBe(usd(200));
    expect(noTable.lines[0]?.notes).toContain('aca-limits-unknown');
  });

  it('T22 separate networks: 1,500 + 700 balance bill = $2,200; cross-accumulating: 1,000 + 40% x 500 + 700 = $1,900', () => {
    const met = accumulators({ inDed: 1000 });
    const oon = lines({ network: 'out', allowed: 1500, billed: 2200 });
    const separate = unwrap(estimateCostShare(oon, benefitSet([medical(), outMedical()]), met, claim));
    expect(separate.total).toMatchObject({
      deductible: usd(1500),
      balanceBill: usd(700),
      patientPays: usd(2200),
    });
    expect(separate.accumulators.individual.out.oop).toBe(usd(1500)); // the 700 does not count
    const cross = benefitSet([medical(), outMedical()], { networkAccumulation: 'crossAccumulating' });
    const e = unwrap(estimateCostShare(oon, cross, met, claim));
    expect(e.total).toMatchObject({
      deductible: usd(1000),
      coinsurance: usd(200),
      balanceBill: usd(700),
      patientPays: usd(1900),
    });
  });

  it('T24 plan-year reset: a service-year deductible met in March does not carry into July 15', () => {
    const set = benefitSet([medical()], { planYearStart: '07-01' });
    const met = accumulators({ planYearStart: '2025-07-01', inDed: 1000, inOop: 1000 });
    const march = unwrap(
      estimateCostShare(lines({ allowed: 500, serviceDate: '2026-03-10' }), set, met, claim),
    );
    expect(march.total.patientPays).toBe(usd(100)); // deductible met: 20% x 500
    const july = unwrap(
      estimateCostShare(lines({ allowed: 500, serviceDate: '2026-07-15' }), set, met, claim),
    );
    expect(july.total).toMatchObject({ deductible: usd(500), patientPays: usd(500) });
    expect(july.lines[0]?.notes).toContain('plan-year-reset');
    expect(july.accumulators.planYearStart).toBe('2026-07-01');
    expect(july.accumulators.individual.in).toEqual({ deductible: usd(500), oop: usd(500) });
    // A line before the accumulators' plan year is refused, not silently priced.
    const before = estimateCostShare(lines({ allowed: 500, serviceDate: '2025-06-30' }), set, met, claim);
    expect(isErr(before) && before.left.code).toBe('insurance.line-before-plan-year');
  });

  it('T25 visit limit: 20 PT visits, 3 remaining, 5 scheduled → visits 4-5 not covered, nothing to OOP', () => {
    const pt = {
      id: 'pt',
      serviceTypes: ['PT'],
      network: 'in',
      copay: usd(40),
      deductible: 'waived',
      limit: { quantity: 20, unit: 'visits' },
    };
    const set = benefitSet([pt, medical()]);
    const visits = lines(
      ...[3, 5, 10, 12, 17].map((d) => ({
        serviceType: 'PT',
        allowed: 120,
        serviceDate: `2026-03-${String(d).padStart(2, '0')}`,
      })),
    );
    const e = unwrap(estimateCostShare(visits, set, accumulators({ limitsUsed: { pt: 17 } }), claim));
    expect(e.lines.map((l) => [l.copay, l.notCovered])).toEqual([
      [usd(40), 0],
      [usd(40), 0],
      [usd(40), 0],
      [0, usd(120)],
      [0, usd(120)],
    ]);
    expect(e.accumulators.individual.in.oop).toBe(usd(120)); // 3 copays only
    expect(e.accumulators.limitsUsed['pt']).toBe(20);
  });
});

describe('special rules (T26-T30)', () => {
  const preventive = {
    id: 'prev',
    serviceTypes: ['98'],
    network: 'in',
    copay: usd(30),
    deductible: 'waived',
  };
  it('T26 preventive $0 in network; out of network 200 deductible + 60 balance bill = $260', () => {
    const set = benefitSet([preventive, outMedical()]);
    const inNet = unwrap(
      estimateCostShare(lines({ allowed: 200, preventive: true }), set, accumulators(), claim),
    );
    expect(inNet.total).toMatchObject({ patientPays: 0, planPays: usd(200) });
    expect(inNet.accumulators.individual.in).toEqual({ deductible: 0, oop: 0 });
    const oon = unwrap(
      estimateCostShare(
        lines({ allowed: 200, billed: 260, network: 'out', preventive: true }),
        set,
        accumulators({ outDed: 1500 }),
        claim,
      ),
    );
    expect(oon.total).toMatchObject({ deductible: usd(200), balanceBill: usd(60), patientPays: usd(260) });
    expect(oon.accumulators.individual.out.oop).toBe(usd(200));
  });

  it('T27 preventive 99396 ($0) + problem 99213-25 ($30 copay) the same day → $30', () => {
    const set = benefitSet([preventive]);
    const visit = lines(
      { allowed: 210, preventive: true, procedureCode: '99396' },
      { allowed: 110, procedureCode: '99213-25' },
    );
    const e = unwrap(estimateCostShare(visit, set, accumulators(), claim));
    expect(e.lines.map((l) => l.patientPays)).toEqual([0, usd(30)]);
    expect(e.total.patientPays).toBe(usd(30));
  });

  it('T28 HDHP office visit: deductible remaining $1,700, A = $180 → $180 (not a $30 copay)', () => {
    const set = benefitSet([officeVisit({ deductible: 'waived' })], {
      hdhp: true,
      tiers: { in: tier(1700, null, 8500, null), out: tier(3400, null, null, null) },
    });
    const e = unwrap(estimateCostShare(lines({ allowed: 180 }), set, accumulators(), claim));
    expect(e.total).toMatchObject({ deductible: usd(180), copay: 0, patientPays: usd(180) });
    expect(e.lines[0]?.notes).toContain('hdhp-deductible-first');
  });

  it('T29 rounding per line: 20% x $133.33 = $26.666 → $26.67; three lines $80.01 (per claim would be $80.00)', () => {
    const set = benefitSet([medical()]);
    const three = lines({ allowed: 133.33 }, { allowed: 133.33 }, { allowed: 133.33 });
    const e = unwrap(estimateCostShare(three, set, accumulators({ inDed: 1000 }), claim));
    expect(e.lines.map((l) => l.coinsurance)).toEqual([2667, 2667, 2667]);
    expect(e.total.coinsurance).toBe(8001);
    const down = unwrap(
      estimateCostShare(three, set, accumulators({ inDed: 1000 }), { order: 'claim', rounding: 'down' }),
    );
    expect(down.total.coinsurance).toBe(7998); // 3 x 2666: the mode is a named option
  });

  it('T30 No Surprises Act emergency: 500 + 20% x 1,300 = $760 to the in-network bucket, $3,200 not billable', () => {
    const er = { id: 'er', serviceTypes: ['86'], network: 'in', coinsurance: 2000 };
    const set = benefitSet([er, outMedical()]);
    const e = unwrap(
      estimateCostShare(
        lines({ serviceType: '86', network: 'out', surpriseBilling: true, allowed: 1800, billed: 5000 }),
        set,
        accumulators({ inDed: 500 }),
        claim,
      ),
    );
    expect(e.total).toMatchObject({
      deductible: usd(500),
      coinsurance: usd(260),
      patientPays: usd(760),
      balanceBill: 0,
      notBillable: usd(3200),
    });
    expect(e.lines[0]?.bucket).toBe('in');
    expect(e.accumulators.individual.in).toEqual({ deductible: usd(1000), oop: usd(760) });
    expect(e.accumulators.individual.out).toEqual({ deductible: 0, oop: 0 });
  });
});

describe('line ordering and errors', () => {
  it('the deductible goes to whichever line comes first: the order is an explicit option', () => {
    // $200 deductible left; a $30-copay office visit (deductible waived) and a 20% lab line.
    const set = benefitSet([
      officeVisit({ copayTiming: 'withDeductible', coinsurance: 0 }),
      { id: 'lab', serviceTypes: ['5'], network: 'in', coinsurance: 2000 },
    ]);
    const visit = lines({ allowed: 150 }, { serviceType: '5', allowed: 400 });
    const met = accumulators({ inDed: 800 });
    // Claim order: office 30 copay + 120 deductible; lab 80 deductible + 20% x 320 = 64 → 294.
    const inClaim = unwrap(estimateCostShare(visit, set, met, claim));
    expect(inClaim.total.patientPays).toBe(usd(294));
    // Highest first: lab 200 + 20% x 200 = 240; office 30 copay, deductible met → 270.
    const highest = unwrap(estimateCostShare(visit, set, met, { order: 'highest-allowed-first' }));
    expect(highest.lines.map((l) => l.lineId)).toEqual(['2', '1']);
    expect(highest.total.patientPays).toBe(usd(270));
  });

  it('refuses a line with no benefit, naming the service type and tier', () => {
    const r = estimateCostShare(
      lines({ network: 'out', allowed: 100 }),
      benefitSet([medical()]),
      accumulators(),
      claim,
    );
    expect(isErr(r) && r.left).toMatchObject({
      code: 'insurance.no-benefit',
      lineId: '1',
      serviceType: '98',
      network: 'out',
    });
  });

  it('refuses fractional cents on a line', () => {
    const [line] = lines({ allowed: 100 });
    const r = estimateCostShare(
      [{ ...line!, allowed: 10.5 as never }],
      benefitSet([medical()]),
      accumulators(),
      claim,
    );
    expect(unwrapOr(r, null)).toBeNull();
  });
});
