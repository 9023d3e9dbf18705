// Plan rules a benefit set can now express, each against figures computed by hand from the
// reference's adjudication order (§7.1) and plan-design switches (§7.2-7.3): an office-visit copay
// that covers the visit's labs and X-rays, per-admission and per-day copays, the "2 of N" family
// deductible, the remaining amounts after cross-accumulation, and benefit ids that are
// Object.prototype names.
import { describe, expect, it } from 'vitest';
import { estimateCostShare, remainingAmounts } from '../../src/insurance/costShare.js';
import { parseAccumulators, parseBenefitSet } from '../../src/insurance/model.js';
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

const run = (...args: Parameters<typeof estimateCostShare>) => unwrap(estimateCostShare(...args));

describe('office-visit copay covering the other services of the same visit', () => {
  // $30 office visit (deductible waived), in-office lab (5) and X-ray (4) under deductible + 20%.
  const covering = benefitSet([
    officeVisit({ copayTiming: 'beforeDeductible', copayPer: 'visit', copayCoversServiceTypes: ['4', '5'] }),
    medical(),
  ]);
  const separate = benefitSet([
    officeVisit({ copayTiming: 'beforeDeductible', copayPer: 'visit' }),
    medical(),
  ]);
  const visit = lines(
    { serviceType: '5', allowed: 40 }, // lab first: the cover does not depend on line order
    { serviceType: '98', allowed: 180 },
    { serviceType: '4', allowed: 120 },
  );

  it('covered: $30 in all, the lab and X-ray are $0 and noted; nothing goes to the deductible', () => {
    const r = run(visit, covering, accumulators(), claim);
    expect(r.lines.map((l) => l.patientPays)).toEqual([0, usd(30), 0]);
    expect(r.lines.map((l) => l.planPays)).toEqual([usd(40), usd(150), usd(120)]);
    expect(r.lines[0]?.notes).toEqual(['included-in-visit-copay']);
    expect(r.total.patientPays).toBe(usd(30));
    expect(r.accumulators.individual.in).toEqual({ deductible: 0, oop: usd(30) });
  });
  it('without the switch: the lab and X-ray go to the $1,000 deductible: 40 + 30 + 120 = $190', () => {
    const r = run(visit, separate, accumulators(), claim);
    expect(r.lines.map((l) => l.patientPays)).toEqual([usd(40), usd(30), usd(120)]);
  });
  it('a lab on another day, or with no office visit, is not covered by the copay', () => {
    const r = run(
      lines(
        { serviceType: '98', allowed: 180 },
        { serviceType: '5', allowed: 40, serviceDate: '2026-03-03' },
      ),
      covering,
      accumulators(),
      claim,
    );
    expect(r.lines.map((l) => l.patientPays)).toEqual([usd(30), usd(40)]);
  });
  it('a service type the copay does not list (an MRI, 62) keeps its own cost share', () => {
    const r = run(
      lines({ serviceType: '98', allowed: 180 }, { serviceType: '62', allowed: 800 }),
      covering,
      accumulators({ inDed: 1000 }),
      claim,
    );
    expect(r.lines.map((l) => l.patientPays)).toEqual([usd(30), usd(160)]); // 20% of 800
  });
});

describe('per-admission and per-day copays', () => {
  const inpatient = (copayPer: string) =>
    benefitSet([
      {
        id: 'inpatient',
        serviceTypes: ['48'],
        network: 'in',
        copay: usd(250),
        copayTiming: 'beforeDeductible',
        copayPer,
      },
    ]);
  it('per admission: one $250 copay for the two lines of one stay, another for the next stay', () => {
    const r = run(
      lines(
        { serviceType: '48', allowed: 3000, visit: 'stay-1' },
        { serviceType: '48', allowed: 1000, visit: 'stay-1' },
        { serviceType: '48', allowed: 2000, visit: 'stay-2', serviceDate: '2026-05-01' },
      ),
      inpatient('admission'),
      accumulators(),
      claim,
    );
    expect(r.lines.map((l) => l.patientPays)).toEqual([usd(250), 0, usd(250)]);
    expect(r.lines[1]?.notes).toEqual(['visit-copay-taken']);
  });
  it('per day: $250 × 4 days = $1,000 on a 4-unit line of $6,000; capped by the allowed amount', () => {
    const r = run(
      lines({ serviceType: '48', allowed: 6000, units: 4 }, { serviceType: '48', allowed: 300, units: 2 }),
      inpatient('day'),
      accumulators(),
      claim,
    );
    expect(r.lines.map((l) => l.copay)).toEqual([usd(1000), usd(300)]); // 2 × 250 = 500 > 300 allowed
  });
});

describe('"2 of N" family deductible', () => {
  // Individual $1,500; the family is done once 2 members have each met their $1,500; 20% after.
  const twoOf = benefitSet([medical()], {
    family: { deductible: 'members', oop: 'embedded', deductibleMembers: 2 },
    tiers: { in: tier(1500, null, 6000, 12000), out: tier(3000, null, 12000, 24000) },
  });
  const famAcc = (indMet: number, famMet: number, membersMet: number) =>
    unwrap(
      parseAccumulators({
        planYearStart: '2026-01-01',
        individual: {
          in: { deductible: usd(indMet), oop: usd(indMet) },
          out: { deductible: 0, oop: 0 },
        },
        family: {
          in: { deductible: usd(famMet), oop: usd(famMet), membersMet },
          out: { deductible: 0, oop: 0 },
        },
      }),
    );
  it('B (nothing met) while A alone met: B pays the $1,500 deductible + 20% of $500 = $1,600, and is counted', () => {
    const r = run(lines({ allowed: 2000 }), twoOf, famAcc(0, 1500, 1), claim);
    expect(r.lines[0]?.patientPays).toBe(usd(1600));
    expect(r.accumulators.family?.in.membersMet).toBe(2);
  });
  it('C after A and B met: no deductible at all, 20% of $1,000 = $200', () => {
    const r = run(lines({ allowed: 1000 }), twoOf, famAcc(0, 3000, 2), claim);
    expect(r.lines[0]?.patientPays).toBe(usd(200));
    expect(r.remaining.in.deductible.member).toBe(0);
  });
  it('partly met: B with $1,000 met pays the last $500, then 20% of $100', () => {
    const r = run(lines({ allowed: 600 }), twoOf, famAcc(1000, 2500, 1), claim);
    expect(r.lines[0]?.patientPays).toBe(usd(520));
    expect(r.accumulators.family?.in.membersMet).toBe(2);
  });
  it('a members design without deductibleMembers is refused by the parser', () => {
    const r = parseBenefitSet({
      planYearStart: '01-01',
      family: { deductible: 'members', oop: 'embedded' },
      tiers: { in: tier(1500, null, 6000, null), out: tier(3000, null, 12000, null) },
      benefits: [],
    });
    expect(r._tag).toBe('Left');
  });
});

describe('remaining amounts after the lines, per tier, after cross-accumulation', () => {
  // T22 numbers: in-network deductible $1,000 met; OON deductible $2,000, OON OOP $10,000.
  const set = (mode: string) => benefitSet([medical(), outMedical()], { networkAccumulation: mode });
  it('separate: the OON claim uses $1,500 of the OON deductible → $500 left; in network untouched', () => {
    const r = run(
      lines({ network: 'out', allowed: 1500, billed: 2200 }),
      set('separate'),
      accumulators({ inDed: 1000, inOop: 1000 }),
      claim,
    );
    expect(r.remaining.out.deductible).toEqual({ individual: usd(500), family: null, member: usd(500) });
    expect(r.remaining.out.oop).toEqual({ individual: usd(8500), family: null, member: usd(8500) });
    expect(r.remaining.in.deductible.member).toBe(0);
    expect(r.remaining.in.oop.member).toBe(usd(4000));
  });
  it('cross-accumulating: in network $1,000 + OON $1,000 meet the $2,000 OON deductible; $4,000 in-network OOP left', () => {
    const r = run(
      lines({ network: 'out', allowed: 1500, billed: 2200 }),
      set('crossAccumulating'),
      accumulators({ inDed: 1000, inOop: 1000 }),
      claim,
    );
    // OON: 1,000 deductible + 40% of 500 = 1,200 cost share; both buckets now count 2,200 of OOP.
    expect(r.lines[0]?.costShare).toBe(usd(1200));
    expect(r.remaining.out.deductible.member).toBe(0);
    expect(r.remaining.out.oop.member).toBe(usd(10000 - 2200));
    expect(r.remaining.in.oop.member).toBe(usd(5000 - 2200));
    expect(r.remaining.in.deductible.member).toBe(0); // 1,000 limit, 2,000 counted
  });
  it('remainingAmounts from accumulators alone: embedded family, member stops at the family amount left', () => {
    const fam = benefitSet([medical()], {
      tiers: { in: tier(1500, 3000, 5000, 10000), out: tier(3000, 6000, 10000, 20000) },
    });
    const r = remainingAmounts(fam, accumulators({ inDed: 200, family: { inDed: 2700 } }));
    expect(r.in.deductible).toEqual({ individual: usd(1300), family: usd(300), member: usd(300) });
  });
  it('ACA self-only cap in family coverage shows in the member figure (T21: 2026 $10,600)', () => {
    const aca = benefitSet([medical()], {
      family: { deductible: 'embedded', oop: 'aggregate' },
      tiers: { in: tier(0, 0, null, 21200), out: tier(0, 0, null, null) },
    });
    const r = remainingAmounts(aca, accumulators({ inOop: 10000, family: { inOop: 12000 } }));
    expect(r.in.oop).toEqual({ individual: null, family: usd(9200), member: usd(600) });
  });
});

describe('benefit ids that are Object.prototype names', () => {
  for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`a 2-visit limit on benefit "${id}": the third visit is not covered, counts stay numbers`, () => {
      const set = benefitSet([
        { ...medical({ id, serviceTypes: ['PT'] }), limit: { quantity: 2, unit: 'visits' } },
      ]);
      const acc = unwrap(
        parseAccumulators(
          JSON.parse(
            `{"planYearStart":"2026-01-01","individual":{"in":{"deductible":100000,"oop":100000},"out":{"deductible":0,"oop":0}},"family":null,"limitsUsed":{"${id}":1}}`,
          ),
        ),
      );
      expect(Object.hasOwn(acc.limitsUsed, id)).toBe(true);
      expect(acc.limitsUsed[id]).toBe(1);
      const r = run(
        lines(
          { serviceType: 'PT', allowed: 100 },
          { serviceType: 'PT', allowed: 100, serviceDate: '2026-03-09' },
        ),
        set,
        acc,
        claim,
      );
      expect(r.lines.map((l) => l.patientPays)).toEqual([usd(20), usd(100)]);
      expect(r.lines[1]?.notes).toContain('limit-exhausted');
      expect(r.accumulators.limitsUsed[id]).toBe(2);
      expect(Object.keys(r.accumulators.limitsUsed)).toEqual([id]);
    });
  }
});
