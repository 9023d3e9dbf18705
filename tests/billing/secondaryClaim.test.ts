// secondaryClaim: the claim to the next payer carries the primary's adjudication in 2320/2330/2430,
// balanced to the cent (billing reference §2.9), and build837P/read837P round-trip those loops.
// The primary 835 below is written by hand; every expected amount is computed from it by hand.
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/core/index.js';
import {
  build837P,
  checkBalance,
  parseClaim,
  read835,
  read837P,
  secondaryClaim,
  type Claim,
  type ClaimEnvelope,
  type Remittance,
} from '../../src/billing/index.js';
import { dataFile } from '../support/testData.js';

const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

const ENVELOPE: ClaimEnvelope = {
  sender: { id: 'CLINIC01', name: 'MAIN STREET CLINIC', contact: 'BILLING', phone: '5555550100' },
  receiver: { id: 'CH01', name: 'CLEARINGHOUSE' },
  controlNumber: 9,
  date: isoDate('2026-12-11'),
  time: '0800',
  usage: 'T',
};

const PATIENT = { lastName: 'DOE', firstName: 'JANE', dateOfBirth: '1980-02-01', gender: 'F' };
const claim = (overrides: Record<string, unknown> = {}): Claim =>
  must(
    parseClaim({
      id: 'ENC-2001',
      frequency: '1',
      placeOfService: '11',
      totalCharge: 23500,
      payerResponsibility: 'P',
      filingIndicator: '12',
      payer: { id: '60054', name: 'ACME HEALTH' },
      subscriber: { ...PATIENT, memberId: 'W123456789', groupNumber: 'G-77' },
      billingProvider: {
        npi: '1467586115',
        entity: 'organization',
        lastName: 'MAIN STREET CLINIC',
        taxId: { qualifier: 'EI', value: '123456789' },
      },
      diagnosisCodeSet: 'icd10',
      diagnoses: ['I10', 'R0789'],
      priorAuthorization: 'ACME-AUTH-1',
      lines: [
        {
          procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
          charge: 15000,
          unit: 'UN',
          quantity: 1,
          pointers: [1],
          serviceDates: { start: '2026-11-23', end: '2026-11-23' },
          controlNumber: 'L1',
        },
        {
          procedure: { qualifier: 'HC', code: '36415', modifiers: [] },
          charge: 2500,
          unit: 'UN',
          quantity: 1,
          pointers: [1],
          serviceDates: { start: '2026-11-23', end: '2026-11-23' },
          controlNumber: 'L2',
        },
        {
          procedure: { qualifier: 'HC', code: '93000', modifiers: ['59'] },
          charge: 6000,
          unit: 'UN',
          quantity: 1,
          pointers: [2],
          serviceDates: { start: '2026-11-23', end: '2026-11-23' },
        },
      ],
      otherPayers: [
        {
          id: '77777',
          name: 'BETA CARE',
          responsibility: 'S',
          filingIndicator: 'CI',
          groupNumber: 'BG-1',
          subscriber: { ...PATIENT, memberId: 'B-555' },
          relationship: '18',
        },
      ],
      ...overrides,
    }),
  );

// The primary's 835: line 1 allowed 100.00 (CO 45 50.00), deductible 20.00, coinsurance 16.00,
// paid 64.00; line 2 CO 45 10.00, paid 15.00; line 3 bundled (CO 97 60.00, the payer dropped
// modifier 59); claim-level copay PR 3 5.00. CLP04 = 64 + 15 + 0 − 5 = 74.00; CLP05 = 20 + 16 + 5.
const CLP = [
  'CLP*ENC-2001*1*235*74*41*12*PCN-9001',
  'CAS*PR*3*5',
  'NM1*QC*1*DOE*JANE****MI*W123456789',
  'SVC*HC:99213*150*64',
  'DTM*472*20261123',
  'CAS*CO*45*50',
  'CAS*PR*1*20**2*16',
  'REF*6R*L1',
  'AMT*B6*100',
  'SVC*HC:36415*25*15',
  'CAS*CO*45*10',
  'REF*6R*L2',
  'SVC*HC:93000*60*0',
  'CAS*CO*97*60',
];
const remit835 = (claims: readonly string[], paid = '74'): Remittance => {
  const body = [
    'ST*835*0001',
    `BPR*I*${paid}*C*CHK************20261210`,
    'TRN*1*CHK12345*1999999999',
    'N1*PR*ACME HEALTH',
    'N1*PE*MAIN STREET CLINIC*XX*1467586115',
    'LX*1',
    ...claims,
  ];
  const text = [
    'ISA*00*          *00*          *ZZ*PAYERA         *ZZ*CLINIC01       *261210*1200*^*00501*000000101*0*T*:',
    'GS*HP*PAYERA*CLINIC01*20261210*1200*101*X*005010X221A1',
    ...body,
    `SE*${body.length + 1}*0001`,
    'GE*1*101',
    'IEA*1*000000101',
  ].join('~');
  const file = must(read835(`${text}~`));
  expect(file.notes).toEqual([]);
  return file.remittances[0]!;
};

describe('secondaryClaim', () => {
  it('the hand-written 835 balances (the oracle is consistent)', () => {
    expect(checkBalance(remit835(CLP)).imbalances).toEqual([]);
  });

  it('addresses the next payer and carries the primary adjudication, amounts copied from the 835', () => {
    const next = must(secondaryClaim(claim(), remit835(CLP)));
    expect(next.payer).toEqual({ id: '77777', name: 'BETA CARE' });
    expect(next.payerResponsibility).toBe('S');
    expect(next.filingIndicator).toBe('CI');
    expect(next.subscriber).toEqual({ ...PATIENT, memberId: 'B-555', groupNumber: 'BG-1' });
    expect(next.patient).toBeUndefined();
    expect(next.otherPayers).toBeUndefined();
    expect(next.priorAuthorization).toBeUndefined(); // the primary's authorization is not the secondary's
    expect(next.frequency).toBe('1');
    expect(next.priorPayers).toEqual([
      {
        id: '60054',
        name: 'ACME HEALTH',
        responsibility: 'P',
        filingIndicator: '12',
        groupNumber: 'G-77',
        subscriber: { lastName: 'DOE', firstName: 'JANE', memberId: 'W123456789' }, // 2330A: no DMG
        relationship: '18',
        adjustments: [{ group: 'PR', reason: '3', amount: 500 }],
        paid: 7400,
        remainingPatientLiability: 4100,
        adjudicationDate: '2026-12-10',
      },
    ]);
    const adjudication = (i: number) => next.lines[i]?.priorAdjudications;
    const on = { payerId: '60054', units: 1, adjudicationDate: '2026-12-10' };
    expect(adjudication(0)).toEqual([
      {
        ...on,
        paid: 6400,
        procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
        adjustments: [
          { group: 'CO', reason: '45', amount: 5000 },
          { group: 'PR', reason: '1', amount: 2000 },
          { group: 'PR', reason: '2', amount: 1600 },
        ],
      },
    ]);
    expect(adjudication(1)).toEqual([
      {
        ...on,
        paid: 1500,
        procedure: { qualifier: 'HC', code: '36415', modifiers: [] },
        adjustments: [{ group: 'CO', reason: '45', amount: 1000 }],
      },
    ]);
    // Matched on code and charge although the payer dropped modifier 59; SVD03 is what it adjudicated.
    expect(adjudication(2)).toEqual([
      {
        ...on,
        paid: 0,
        procedure: { qualifier: 'HC', code: '93000', modifiers: [] },
        adjustments: [{ group: 'CO', reason: '97', amount: 6000 }],
      },
    ]);
  });

  it('balances like the TR3 (CLM02 − 2320 CAS − 2430 CAS = AMT*D; SV102 − 2430 CAS = SVD02)', () => {
    const next = must(secondaryClaim(claim(), remit835(CLP)));
    const prior = next.priorPayers![0]!;
    const lineCas = next.lines
      .flatMap((l) => l.priorAdjudications![0]!.adjustments)
      .reduce((s, a) => s + a.amount, 0);
    expect(next.totalCharge - prior.adjustments.reduce((s, a) => s + a.amount, 0) - lineCas).toBe(prior.paid);
    for (const l of next.lines) {
      const a = l.priorAdjudications![0]!;
      expect(l.charge - a.adjustments.reduce((s, x) => s + x.amount, 0)).toBe(a.paid);
    }
  });

  it('is written by build837P as 2320/2330/2430 loops that read837P reads back to the same claim', () => {
    const next = must(secondaryClaim(claim(), remit835(CLP)));
    const text = must(build837P([next], ENVELOPE));
    expect(text).toContain(
      '~SBR*P*18*G-77******12~CAS*PR*3*5.00~AMT*D*74.00~AMT*EAF*41.00~OI***Y***I~NM1*IL*1*DOE*JANE****MI*W123456789~NM1*PR*2*ACME HEALTH*****PI*60054~DTP*573*D8*20261210~',
    );
    expect(text).toContain(
      '~SVD*60054*64.00*HC:99213**1~CAS*CO*45*50.00~CAS*PR*1*20.00**2*16.00~DTP*573*D8*20261210~',
    );
    const back = must(read837P(text));
    expect(back.notes).toEqual([]);
    expect(back.claims).toEqual([next]);
  });

  it('puts a dependent under the next payer’s subscriber with the relationship code', () => {
    const spouse = { lastName: 'DOE', firstName: 'JOHN', memberId: 'B-100' };
    const next = must(
      secondaryClaim(
        claim({
          otherPayers: [
            { id: '77777', name: 'BETA CARE', responsibility: 'S', subscriber: spouse, relationship: '01' },
          ],
        }),
        remit835(CLP),
      ),
    );
    expect(next.subscriber).toEqual(spouse);
    expect(next.patient).toEqual({ ...PATIENT, relationship: '01' });
  });

  it('uses the correction after a reversal, and sums a line the payer split', () => {
    const reversal = [
      'CLP*ENC-2001*22*-235*-69*-41*12*PCN-9000',
      'CAS*PR*3*-5',
      'CAS*CO*45*-65',
      'CAS*PR*1*-20**2*-16',
      'CAS*CO*97*-60',
    ];
    // Line 1 split in two services with the same REF*6R: 100.00 + 50.00 billed, 40.00 + 24.00 paid.
    const split = [
      ...CLP.slice(0, 3),
      'SVC*HC:99213*100*40',
      'CAS*CO*45*30',
      'CAS*PR*2*10*',
      'REF*6R*L1',
      'SVC*HC:99213*50*24',
      'CAS*CO*45*20',
      'CAS*PR*1*20**2*6',
      'REF*6R*L1',
      ...CLP.slice(9),
    ];
    const remittance = remit835([...reversal, ...split], '5');
    const next = must(secondaryClaim(claim(), remittance));
    const first = next.lines[0]!.priorAdjudications![0]!;
    expect(first.paid).toBe(6400);
    expect(first.adjustments.map((a) => a.amount)).toEqual([3000, 1000, 2000, 2000, 600]);
    expect(next.priorPayers![0]!.paid).toBe(7400);
  });

  it('refuses what must not become a secondary claim', () => {
    const code = (c: Claim, r: Remittance) => {
      const out = secondaryClaim(c, r);
      return out._tag === 'Left' ? [out.left.code, out.left.field] : 'built';
    };
    const crossover = ['CLP*ENC-2001*19*235*74*41*12*PCN-9001', ...CLP.slice(1)];
    expect(code(claim(), remit835(crossover))).toEqual(['billing.crossed-over', 'id']);
    expect(code(claim({ id: 'ENC-9999' }), remit835(CLP))).toEqual(['billing.no-adjudication', 'id']);
    expect(code(claim({ otherPayers: [] }), remit835(CLP))).toEqual(['billing.no-next-payer', 'otherPayers']);
    // A claim-level CAS the CLP04 does not account for: refused, not fixed.
    const unbalanced = ['CLP*ENC-2001*1*235*74*41*12*PCN-9001', 'CAS*PR*3*6', ...CLP.slice(2)];
    expect(code(claim(), remit835(unbalanced))).toEqual(['billing.cob-unbalanced', 'totalCharge']);
    const other = claim().lines.map((l, i) =>
      i === 1 ? { ...l, controlNumber: 'L9', procedure: { ...l.procedure, code: '36416' } } : l,
    );
    expect(code(claim({ lines: other }), remit835(CLP))).toEqual(['billing.unmatched-line', 'lines.1']);
  });
});

describe('read837P: other payers in the public COB sample', () => {
  it('reads 2320/2330 and 2430 of demo.cob.example3.B (79.04 − (21.89 + 15.00) − 3.00 = 39.15)', () => {
    const [c] = must(read837P(dataFile('x12/837p/LinuxForHealth__x12__demo.cob.example3.B.837'))).claims;
    expect(c?.priorPayers).toEqual([
      {
        id: '999996666',
        name: 'KEY INSURANCE COMPANY',
        responsibility: 'P',
        relationship: '01',
        filingIndicator: '12',
        adjustments: [
          { group: 'PR', reason: '1', amount: 2189 },
          { group: 'PR', reason: '2', amount: 1500 },
        ],
        paid: 3915,
        remainingPatientLiability: 3689,
        subscriber: {
          lastName: 'SMITH',
          firstName: 'JANE',
          memberId: 'JS00111223333',
          address: { line1: '236 N MAIN ST', city: 'MIAMI', state: 'FL', zip: '33111' },
        },
      },
    ]);
    expect(
      c?.lines.map((l) =>
        l.priorAdjudications?.map((a) => [
          a.payerId,
          a.paid,
          a.procedure.code,
          a.units,
          a.adjustments.map((x) => x.amount),
          a.adjudicationDate,
        ]),
      ),
    ).toEqual([
      [['999996666', 4000, '99213', 1, [300], '2005-10-15']],
      [['999996666', 1500, '90782', 1, [], '2005-10-15']],
      [['999996666', 2104, 'J3301', 1, [], '2005-10-15']],
    ]);
  });
});
