// FHIR R4 ClaimResponse and ExplanationOfBenefit both ways (billing reference §11.2-11.4): every
// public 835 round-trips through both resources (as JSON text), the elements written for one 835
// are checked by hand against the file, the HL7 R4 example resources are read and their amounts
// checked by hand, and bad input is a Left naming the path or the rule.
import type { ClaimResponse, ExplanationOfBenefit } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import {
  ADJUDICATION_CATEGORY_SYSTEM,
  checkBalance,
  fromFhirClaimResponse,
  fromFhirExplanationOfBenefit,
  postRemittance,
  read835,
  REMITTANCE_EXTENSIONS,
  toFhirClaimResponses,
  toFhirExplanationsOfBenefit,
  type Remittance,
  type RemittanceClaim,
} from '../../src/billing/index.js';
import { dataFile, dataFiles } from '../support/testData.js';

const remittancesOf = (file: string): readonly Remittance[] => {
  const r = read835(dataFile(`x12/835/${file}`));
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right.remittances;
};
const must = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
/** Through JSON text, as a resource travels. */
const wire = <T>(resource: T): unknown => JSON.parse(JSON.stringify(resource));

/** What a FHIR resource can give back of a remittance claim: everything but segment positions. */
const withoutPositions = (c: RemittanceClaim) => ({
  ...c,
  segmentIndex: 0,
  adjustments: c.adjustments.map(({ segmentIndex: _s, ...a }) => a),
  lines: c.lines.map((l) => ({
    ...l,
    segmentIndex: 0,
    adjustments: l.adjustments.map(({ segmentIndex: _s, ...a }) => a),
  })),
});

const files = dataFiles('x12/835');

describe('every public 835 round-trips through ClaimResponse and ExplanationOfBenefit', () => {
  it('covers the twelve vendored 835 files', () => {
    expect(files).toHaveLength(12);
  });

  it.each(files)('%s: each claim, its lines, adjustments and remarks come back', (file) => {
    const remittances = remittancesOf(file);
    let claims = 0;
    for (const remittance of remittances) {
      const responses = toFhirClaimResponses(remittance);
      const eobs = toFhirExplanationsOfBenefit(remittance);
      expect(responses).toHaveLength(remittance.claims.length);
      expect(eobs).toHaveLength(remittance.claims.length);
      remittance.claims.forEach((claim, i) => {
        for (const back of [
          must(fromFhirClaimResponse(wire(responses[i]))),
          must(fromFhirExplanationOfBenefit(wire(eobs[i]))),
        ]) {
          expect(back.claims).toEqual([withoutPositions(claim)]);
          expect(back.payer).toEqual(remittance.payer);
          expect(back.payee).toEqual(remittance.payee);
          expect(back.trace).toEqual(remittance.trace);
          expect(back.payment).toEqual({
            handling: remittance.payment.handling,
            method: remittance.payment.method,
            amount: claim.paid,
            ...(remittance.payment.date !== undefined ? { date: remittance.payment.date } : {}),
          });
          const created = remittance.productionDate ?? remittance.payment.date;
          expect(back.productionDate).toEqual(created);
          expect(back.providerAdjustments).toEqual([]);
          // A remittance of one claim balances as the claim did in its 835 (PLB apart).
          const claimRules = (r: Remittance) =>
            checkBalance(r)
              .imbalances.filter((x) => x.rule !== 'transaction')
              .map((x) => [x.rule, x.difference]);
          expect(claimRules(back)).toEqual(claimRules({ ...remittance, claims: [claim] }));
        }
        claims += 1;
      });
    }
    expect(claims).toBeGreaterThan(0);
  });
});

describe('toFhirClaimResponses and toFhirExplanationsOfBenefit: the managed-care 835 by hand', () => {
  const [remittance] = remittancesOf('LinuxForHealth__x12__managed-care.835');
  const code = (system: string, c: string) => ({ coding: [{ system, code: c }] });
  const HL7 = 'http://terminology.hl7.org/CodeSystem/adjudication';
  const CARIN = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication';
  const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
  const usd = (value: number) => ({ value, currency: 'USD' });
  const group = (g: string) => ({
    url: REMITTANCE_EXTENSIONS.group,
    valueCoding: { system: 'https://x12.org/codes/claim-adjustment-group-codes', code: g },
  });

  it('claim 1 (CLP*5554555444*1*800.00*450.00*300.00*12*94060555410000) as a ClaimResponse', () => {
    const [r] = toFhirClaimResponses(remittance!);
    expect(r).toMatchObject({
      resourceType: 'ClaimResponse',
      status: 'active',
      use: 'claim',
      outcome: 'complete',
      disposition: 'processed as primary',
      identifier: [{ value: '94060555410000' }],
      request: { identifier: { value: '5554555444' } },
      patient: { identifier: { value: '33344555510' } },
      insurer: { display: 'RUSHMORE LIFE' },
      requestor: {
        identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '5544667733' },
        display: 'ACME MEDICAL CENTER',
      },
      created: '2002-03-14', // DTM*405 (BPR16 20002316 is no date)
      total: [
        { category: code(HL7, 'submitted'), amount: usd(800) },
        { category: code(HL7, 'benefit'), amount: usd(450) },
        { category: code(CARIN, 'memberliability'), amount: usd(300) },
      ],
      // CAS*CO*A2*50.00 at claim level.
      adjudication: [
        {
          extension: [group('CO')],
          category: code(ADJUDICATION_CATEGORY_SYSTEM, 'contractual'),
          reason: code(CARC, 'A2'),
          amount: usd(50),
        },
      ],
      payment: {
        amount: usd(450),
        identifier: { value: '7170066655', assigner: { identifier: { value: '1935665544' } } },
      },
    });
    expect(r?.extension).toContainEqual({ url: REMITTANCE_EXTENSIONS.claimStatus, valueCode: '1' });
    expect(r?.extension).toContainEqual({ url: REMITTANCE_EXTENSIONS.filingIndicator, valueCode: '12' });
    expect(r?.payment?.extension).toEqual([
      { url: REMITTANCE_EXTENSIONS.handling, valueCode: 'I' },
      { url: REMITTANCE_EXTENSIONS.method, valueCode: 'ACH' },
    ]);
    // SVC*HC:99211*800.00*500.00, DTM*150/151 2002-03-01..04, CAS*PR*1*300.00.
    expect(r?.item).toEqual([
      {
        extension: [
          {
            url: REMITTANCE_EXTENSIONS.service,
            extension: [
              { url: 'procedure', valueCoding: { system: 'http://www.ama-assn.org/go/cpt', code: '99211' } },
              { url: 'serviced', valuePeriod: { start: '2002-03-01', end: '2002-03-04' } },
            ],
          },
        ],
        itemSequence: 1,
        adjudication: [
          { category: code(HL7, 'submitted'), amount: usd(800) },
          { category: code(HL7, 'benefit'), amount: usd(500) },
          {
            extension: [group('PR')],
            category: code(HL7, 'deductible'),
            reason: code(CARC, '1'),
            amount: usd(300),
          },
        ],
      },
    ]);
  });

  it('claim 2 (CLP*8765432112, SVC*HC:93555*1200.00*550.00) as an ExplanationOfBenefit', () => {
    const eob = toFhirExplanationsOfBenefit(remittance!)[1];
    expect(eob).toMatchObject({
      resourceType: 'ExplanationOfBenefit',
      claim: { identifier: { value: '8765432112' } },
      provider: { identifier: { value: '5544667733' }, display: 'ACME MEDICAL CENTER' },
      payee: { party: { identifier: { value: '5544667733' } } },
      insurance: [{ focal: true, coverage: { display: 'RUSHMORE LIFE' } }],
      total: [
        { category: code(HL7, 'submitted'), amount: usd(1200) },
        { category: code(HL7, 'benefit'), amount: usd(495) },
        { category: code(CARIN, 'memberliability'), amount: usd(600) },
      ],
    });
    const [item] = eob?.item ?? [];
    expect(item).toMatchObject({
      sequence: 1,
      productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '93555' }] },
      servicedPeriod: { start: '2002-03-10', end: '2002-03-12' },
      net: usd(1200),
    });
    expect(
      item?.adjudication?.map((a) => [
        a.category.coding?.[0]?.code,
        a.reason?.coding?.[0]?.code,
        a.amount?.value,
      ]),
    ).toEqual([
      ['submitted', undefined, 1200],
      ['benefit', undefined, 550],
      ['deductible', '1', 600],
      ['contractual', '45', 50],
    ]);
    // Claim: 1200 − 55 (claim CO A2) − 600 − 50 = 495 = CLP04; line: 1200 − 650 = 550 = SVC03.
    expect(eob?.adjudication?.map((a) => a.amount?.value)).toEqual([55]);
  });

  it('a posting gives the matched billed line as the item sequence and marks denied write-offs', () => {
    // pyx12's zero-dollar remittance denies its lines with CO 16 (no PR): posted as denials.
    const [denial] = remittancesOf('azoner__pyx12__835_mult_loops.txt');
    const posting = must(postRemittance(denial!, []));
    const withPosting = toFhirClaimResponses(denial!, posting);
    const without = toFhirClaimResponses(denial!);
    const categories = (rs: readonly ClaimResponse[]) =>
      rs.flatMap((r) =>
        (r.item ?? []).flatMap((i) => i.adjudication ?? []).map((a) => a.category.coding?.[0]?.code),
      );
    expect(posting.denials.length).toBeGreaterThan(0);
    expect(categories(withPosting)).toContain('denied');
    expect(categories(without)).not.toContain('denied');
    // Read back, a denied write-off is the same CO triplet.
    expect(withPosting.map((r) => must(fromFhirClaimResponse(wire(r))).claims)).toEqual(
      without.map((r) => must(fromFhirClaimResponse(wire(r))).claims),
    );
  });
});

describe('the HL7 R4 examples, read and checked by hand', () => {
  it('ClaimResponse R3502: totals, the one item, and the prior overpayment as a provider adjustment', () => {
    const r = must(fromFhirClaimResponse(JSON.parse(dataFile('fhir/r4-examples/ClaimResponse-R3502.json'))));
    const [claim] = r.claims;
    expect(claim).toMatchObject({
      claimId: '6612346', // request.identifier
      status: '1', // outcome complete, something paid
      charge: 23540, // total submitted 235.40
      paid: 18200, // total benefit 182.00
    });
    expect(claim?.lines).toHaveLength(1);
    expect(claim?.lines[0]).toMatchObject({
      procedure: { qualifier: 'ZZ', code: 'claim-item-1', modifiers: [] }, // itemSequence 1, no procedure
      charge: 23540, // no item submitted: the lone item takes the total
      paid: 17232, // benefit 172.32
      allowed: 23540, // eligible 235.40
      adjustments: [{ group: 'PR', reason: '3', amount: 2000 }], // copay 20.00
    });
    // payment: 182.00 − 75.00 (a002 prior overpayment) = 107.00.
    expect(r.payment).toMatchObject({ amount: 10700, date: '2014-08-16' });
    expect(r.providerAdjustments).toMatchObject([{ providerId: '1', reason: 'a002', amount: 7500 }]); // Organization/1
    expect(r.trace).toEqual({ number: '201416-123456', originator: '' });
    // What the example does not itemize does not balance: 235.40 − 20.00 − 172.32 = 43.08 on the
    // line (80% of 215.40 paid: the 20% coinsurance is not an adjudication), and the transaction
    // holds: 182.00 − 75.00 = 107.00.
    const report = checkBalance(r);
    expect(report.imbalances.find((i) => i.rule === 'line')).toMatchObject({ difference: 4308 });
    expect(report.imbalances.some((i) => i.rule === 'transaction')).toBe(false);
  });

  it('ExplanationOfBenefit EB3500: two items by net, with their benefit', () => {
    const r = must(
      fromFhirExplanationOfBenefit(JSON.parse(dataFile('fhir/r4-examples/ExplanationOfBenefit-EB3500.json'))),
    );
    const [claim] = r.claims;
    expect(claim).toMatchObject({ claimId: '100150', charge: 13557, paid: 9600 }); // claim: Claim/100150
    expect(
      claim?.lines.map((l) => [l.procedure.qualifier, l.procedure.code, l.charge, l.paid, l.allowed]),
    ).toEqual([
      ['ZZ', '1205', 13557, 9600, 12000], // USCLS 1205: net 135.57, benefit 96.00, eligible 120.00
      ['ZZ', 'group', 20000, 18000, undefined], // net 200.00, benefit 180.00
    ]);
    expect(claim?.lines[0]?.serviceDates).toEqual({ start: '2014-08-16', end: '2014-08-16' });
    expect(r.productionDate).toBe('2014-08-16');
    expect(r.payment.amount).toBe(9600); // no payment element: the benefit total
  });
});

describe('fromFhirClaimResponse and fromFhirExplanationOfBenefit on bad input', () => {
  it('never throw; a Left names the FHIR path or the rule, never a value', () => {
    for (const input of [null, 1, 'x', [], {}, { resourceType: 'Claim' }])
      for (const read of [fromFhirClaimResponse, fromFhirExplanationOfBenefit])
        expect(read(input)._tag).toBe('Left');
    expect(fromFhirClaimResponse({ resourceType: 'ClaimResponse', item: {} })).toMatchObject({
      _tag: 'Left',
      left: { model: 'FHIR ClaimResponse', issues: [{ path: 'item' }] },
    });
    expect(fromFhirClaimResponse({ resourceType: 'ClaimResponse', outcome: 'queued' })).toMatchObject({
      _tag: 'Left',
      left: { issues: [{ path: 'outcome', rule: 'billing.not-adjudicated' }] },
    });
    const [remittance] = remittancesOf('LinuxForHealth__x12__managed-care.835');
    const eob = wire(toFhirExplanationsOfBenefit(remittance!)[0]) as ExplanationOfBenefit;
    const badGroup = {
      ...eob,
      adjudication: [
        {
          ...eob.adjudication![0]!,
          extension: [{ url: REMITTANCE_EXTENSIONS.group, valueCoding: { code: 'ZZ' } }],
        },
      ],
      servicedDate: 'SECRET',
    };
    const left = fromFhirExplanationOfBenefit(badGroup);
    expect(left).toMatchObject({
      _tag: 'Left',
      left: { model: 'Remittance', issues: [{ path: 'claims.0.adjustments.0.group' }] },
    });
    expect(JSON.stringify(left)).not.toContain('33344555510');
  });
});
