// reconcileEstimate: an estimate from estimateCostShare against the posting of a hand-written 835,
// every figure computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { cents } from '../../src/core/index.js';
import { estimateCostShare } from '../../src/insurance/index.js';
import {
  parseClaim,
  postRemittance,
  read835,
  reconcileEstimate,
  type Claim,
  type ClaimPosting,
} from '../../src/billing/index.js';
import { accumulators, benefitSet, lines, medical, officeVisit, unwrap, usd } from '../insurance/fixtures.js';

// Office visit $120 allowed, $30 copay, deductible waived → 30.
// Medical $200 allowed, $1,000 deductible with $900 met → 100 deductible + 20% × 100 = 120.
// Medical $50 → deductible met, 20% × 50 = 10.  Medical $40 → 20% × 40 = 8.  Total 168.
const estimate = unwrap(
  estimateCostShare(
    lines(
      { allowed: 120 },
      { allowed: 200, serviceType: '30' },
      { allowed: 50, serviceType: '30' },
      { allowed: 40, serviceType: '30' },
    ),
    benefitSet([officeVisit({ deductible: 'waived' }), medical()]),
    accumulators({ inDed: 900, inOop: 900 }),
    { order: 'claim' },
  ),
);

const line = (code: string, charge: number, n: number) => ({
  procedure: { qualifier: 'HC', code, modifiers: [] },
  charge: usd(charge),
  unit: 'UN',
  quantity: 1,
  pointers: [1],
  serviceDates: { start: '2026-03-02', end: '2026-03-02' },
  controlNumber: `L${n}`,
});
const claim: Claim = unwrap(
  parseClaim({
    id: 'ENC-3001',
    frequency: '1',
    placeOfService: '11',
    totalCharge: usd(540),
    payerResponsibility: 'P',
    payer: { id: '60054', name: 'ACME HEALTH' },
    subscriber: { lastName: 'DOE', memberId: 'W1' },
    billingProvider: { npi: '1467586115', entity: 'organization', lastName: 'CLINIC' },
    diagnosisCodeSet: 'icd10',
    diagnoses: ['I10'],
    lines: [line('99213', 150, 1), line('80053', 250, 2), line('85025', 80, 3), line('93000', 60, 4)],
  }),
);

// Line 1 as estimated (allowed 120, copay 30, paid 90). Line 2: another claim met the deductible
// first, so 20% × 200 = 40 coinsurance, paid 160. Line 3: allowed 60, coinsurance 25% = 15, paid 45.
// Line 4 denied (CO 197). CLP04 = 90 + 160 + 45 = 295; CLP05 = 30 + 40 + 15 = 85.
const ERA = [
  'ISA*00*          *00*          *ZZ*PAYERA         *ZZ*CLINIC01       *260320*1200*^*00501*000000201*0*T*:',
  'GS*HP*PAYERA*CLINIC01*20260320*1200*201*X*005010X221A1',
  'ST*835*0001',
  'BPR*I*295*C*CHK************20260320',
  'TRN*1*CHK777*1999999999',
  'N1*PR*ACME HEALTH',
  'N1*PE*CLINIC*XX*1467586115',
  'LX*1',
  'CLP*ENC-3001*1*540*295*85*12*PCN-1',
  'SVC*HC:99213*150*90',
  'CAS*CO*45*30',
  'CAS*PR*3*30',
  'REF*6R*L1',
  'SVC*HC:80053*250*160',
  'CAS*CO*45*50',
  'CAS*PR*2*40',
  'REF*6R*L2',
  'SVC*HC:85025*80*45',
  'CAS*CO*45*20',
  'CAS*PR*2*15',
  'REF*6R*L3',
  'SVC*HC:93000*60*0',
  'CAS*CO*197*60',
  'REF*6R*L4',
  'SE*23*0001',
  'GE*1*201',
  'IEA*1*000000201',
].join('~');

const posting = (): ClaimPosting => {
  const file = unwrap(read835(`${ERA}~`));
  expect(file.notes).toEqual([]);
  return unwrap(postRemittance(file.remittances[0]!, [claim])).claims[0]!;
};

describe('reconcileEstimate', () => {
  it('the estimate is what the hand arithmetic says (precondition)', () => {
    expect(estimate.lines.map((l) => l.patientPays)).toEqual([usd(30), usd(120), usd(10), usd(8)]);
  });

  it('names, line by line, where the payer’s patient share differs and why', () => {
    const r = reconcileEstimate(estimate, posting());
    expect(r.lines.map((l) => [l.lineId, l.claimLine, l.difference, l.reasons])).toEqual([
      ['1', 0, 0, []],
      ['2', 1, usd(40 - 120), ['accumulators-moved']],
      ['3', 2, usd(15 - 10), ['allowed-differs', 'benefit-differs']],
      ['4', 3, -usd(8), ['denied']],
    ]);
    expect(r.lines[1]?.posted).toEqual({
      allowed: usd(200),
      deductible: 0,
      copay: 0,
      coinsurance: usd(40),
      nonCovered: 0,
      other: 0,
      total: usd(40),
    });
    expect(r.estimatedTotal).toBe(usd(168));
    expect(r.postedTotal).toBe(usd(85));
    expect(r.difference).toBe(usd(85 - 168));
    expect(r.balanceBill).toBe(0);
  });

  it('pairs lines through the claim order it is given, and reports lines only one side has', () => {
    const r = reconcileEstimate(estimate, posting(), ['1', '2', 'none', '4']);
    expect(r.lines.map((l) => [l.lineId, l.claimLine, l.reasons])).toEqual([
      ['1', 0, []],
      ['2', 1, ['accumulators-moved']],
      [undefined, 2, ['not-estimated']],
      ['4', 3, ['denied']],
    ]);
    const short = reconcileEstimate(estimate, { ...posting(), lines: posting().lines.slice(0, 2) });
    expect(short.lines.slice(2).map((l) => l.reasons)).toEqual([['not-adjudicated'], ['not-adjudicated']]);
  });

  it('a coinsurance within the payer’s one-cent rounding of the estimate’s rate is explained', () => {
    // Estimate rate 20% (20.00 on a 100.00 base); on the payer's 200.00 base that is 40.00, and a
    // payer rounding its own way may write 40.01, not 40.02.
    const p = posting();
    const l1 = p.lines[1]!;
    const tweak = (coins: number) => ({
      ...p,
      lines: [
        p.lines[0]!,
        {
          ...l1,
          amounts: {
            ...l1.amounts,
            paid: cents(usd(200) - coins),
            patient: { ...l1.amounts.patient, coinsurance: cents(coins), total: cents(coins) },
          },
        },
      ],
    });
    const rate = (coins: number) => reconcileEstimate(estimate, tweak(coins), ['1', '2']).lines[1]?.reasons;
    expect(rate(usd(40) + 1)).toEqual(['accumulators-moved']);
    expect(rate(usd(40) + 2)).toEqual(['accumulators-moved', 'benefit-differs']);
  });
});
