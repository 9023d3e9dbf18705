// docs/guides/insurance.md: runs examples/guides/insurance.ts and checks what the guide says it
// prints. The worked-numbers table (T10-T30) is tested case by case in tests/insurance.
import { describe, expect, it } from 'vitest';
import * as guide from '../../examples/guides/insurance.js';
import { quietConsole, right } from './support.js';

describe('insurance.md', () => {
  quietConsole();

  it('percent: every convention turns a 20% patient share into 2000 basis points', () => {
    const p = guide.percents();
    expect(right(p.x12)).toBe(2000); // .2 of the patient = 20%
    expect(right(p.carrier)).toBe(2000); // plan .8 → patient 1 - .8 = 20%
    expect(right(p.json)).toBe(2000); // plan 80% → patient 20%
    expect(right(p.other)).toBe(8000); // patient 80%
  });

  it('unknowns: met = total - remaining; a lone total leaves met and remaining unknown', () => {
    const { both, totalOnly } = guide.unknowns();
    expect(both).toEqual({ total: 150000, met: 125000, remaining: 25000, warnings: [] }); // 1500 - 250 = 1250
    expect(totalOnly.met).toEqual({ unknown: expect.stringContaining('only the total') });
    expect(totalOnly.remaining).toEqual({ unknown: expect.stringContaining('only the total') });
  });

  it('estimate: $30 copay for the visit, $340 for the lab; accumulators move by the cost share', () => {
    const e = right(guide.estimating());
    const [visit, lab] = e.lines;
    // Visit: A = $180, $30 copay, deductible waived → patient 30, plan 150.
    expect(visit).toMatchObject({ deductible: 0, copay: 3000, patientPays: 3000, planPays: 15000 });
    // Lab: A = $500; deductible left min(1500 - 1200, 3000 - 2700) = $300; 20% × (500 - 300) = $40.
    expect(lab).toMatchObject({ deductible: 30000, coinsurance: 4000, patientPays: 34000, planPays: 16000 });
    expect(e.total.patientPays).toBe(37000);
    // Individual in network: deductible 1200 + 300 = 1500; OOP 1600 + 30 + 340 = 1970.
    expect(e.accumulators.individual.in).toEqual({ deductible: 150000, oop: 197000 });
  });

  it('collect: copays $30, everything $370, capped $200, a 50% deposit $185', () => {
    const c = guide.collecting(right(guide.estimating()));
    expect(c.copays).toMatchObject({ collectNow: 3000, billLater: 34000 });
    expect(c.all).toMatchObject({ collectNow: 37000, billLater: 0 });
    expect(c.capped).toMatchObject({ collectNow: 20000, billLater: 17000 }); // 370 - 200
    expect(c.deposit).toMatchObject({ collectNow: 18500 }); // 50% × 370
  });

  it('payer order: the birthday rule puts the mother (March 14) before the father (September 2)', () => {
    const o = right(guide.payerOrder());
    expect(o.order.map((c) => c.id)).toEqual(['cov-mom', 'cov-dad']);
    expect(o.decisions).toEqual([
      expect.objectContaining({
        primary: 'cov-mom',
        secondary: 'cov-dad',
        rule: 'naic.birthday',
        verify: false,
      }),
    ]);
  });

  it('COB methods on the $1,200 crown: standard $600, non-duplication $300, carve-out $450', () => {
    const s = guide.secondary();
    // P1 = 600, B = 1200 - 600 = 600, N2 = 75% × 1200 = 900.
    expect(right(s.standard)).toMatchObject({
      wouldPayAsPrimary: 90000,
      secondaryPays: 60000,
      patientOwes: 0,
    }); // min(900, 600)
    expect(right(s.nonDuplication)).toMatchObject({ secondaryPays: 30000, patientOwes: 30000 }); // 900 - 600
    expect(right(s.carveOut)).toMatchObject({ secondaryPays: 45000, patientOwes: 15000 }); // 75% × 600
  });

  it('Medicare secondary, the 42 CFR 411.33(a) example: min(55, 100, 30) = $30', () => {
    // 175 - 120 = 55; 80% × 125 = 100; max(125, 150) - 120 = 30.
    expect(right(guide.medicareSecondary())).toMatchObject({
      secondaryPays: 3000,
      limits: [5500, 10000, 3000],
      patientOwes: 0, // 150 - 120 - 30
    });
  });

  it('visit copay: the lab and X-ray come with the $30 visit copay; the $1,000 deductible is untouched', () => {
    const e = right(guide.visitCopay());
    expect(e.lines.map((l) => [l.lineId, l.patientPays])).toEqual([
      ['lab', 0],
      ['visit', 3000],
      ['x-ray', 0],
    ]);
    expect(e.remaining.in.deductible).toEqual({ individual: 100000, family: null, member: 100000 });
    expect(e.remaining.in.oop.member).toBe(497000); // 5,000 - 30
  });

  it('Medicare non-par: $95 allowed, $109.25 limiting charge; unassigned nets $33.25, assigned $19', () => {
    const { unassigned, assigned } = guide.medicareNonPar();
    expect(right(unassigned)).toMatchObject({
      nonParAmount: 9500, // 95% of 100
      limitingCharge: 10925, // 115% of 95
      medicarePays: 7600, // 80% of 95
      patientOwesProvider: 10925,
      patientNetCost: 3325, // 109.25 - 76
      notCollectible: 4075, // 150 - 109.25
    });
    expect(right(assigned)).toMatchObject({ patientOwesProvider: 1900, notCollectible: 5500 });
  });

  it('ESRD: dialysis from March 10 → Medicare June 1, coordination to 2028-11-30; the employer plan first until then', () => {
    const r = guide.esrd();
    expect(right(r.period)).toMatchObject({
      entitlementStart: '2026-06-01',
      coordinationEnd: '2028-11-30',
      medicarePrimaryFrom: '2028-12-01',
    });
    expect(r.during).toEqual([['cov-employer', 'cov-medicare'], 'msp.esrd-coordination']);
    expect(r.after).toEqual([['cov-medicare', 'cov-employer'], 'msp.esrd-after-coordination']);
  });

  it('HDHP: $2,000 / $8,000 qualifies self-only; inside family coverage the $2,000 is below $3,400', () => {
    const { self, family, office } = guide.hdhp();
    expect(right(self).qualified).toBe(true);
    expect(right(family).failures.map((f) => [f.rule, f.limit, f.actual])).toEqual([
      ['hdhp.embedded-deductible-below-family-minimum', 340000, 200000],
    ]);
    // A $30 office-visit copay before the deductible: the 2026 self-only minimum $1,700 is the limit.
    expect(
      right(office).failures.map((f) => [f.rule, f.benefitId, f.serviceTypes, f.limit, f.actual]),
    ).toEqual([['hdhp.first-dollar-non-preventive', 'office', ['98'], 170000, 3000]]);
  });
});
