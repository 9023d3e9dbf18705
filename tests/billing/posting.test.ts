// postRemittance: each outcome of the posting policy, denials with their next step, reversal and
// correction, crossover, PLB, matching. Expected amounts are hand-computed from the written 835s.
import { describe, expect, it } from 'vitest';
import { parseClaim, postRemittance, read835, type Claim, type Remittance } from '../../src/billing/index.js';
import { dataFile } from '../support/testData.js';
import { x835, type RemitSpec } from './x835.js';

const remit = (spec: RemitSpec | string): Remittance => {
  const r = read835(typeof spec === 'string' ? spec : x835(spec));
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right.remittances[0]!;
};

const post = (spec: RemitSpec | string, claims: readonly Claim[] = []) => {
  const r = postRemittance(remit(spec), claims);
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

const claim = (
  id: string,
  lines: readonly { code: string; charge: number; modifiers?: string[]; control?: string }[],
  extra: object = {},
): Claim => {
  const r = parseClaim({
    id,
    frequency: '1',
    placeOfService: '11',
    totalCharge: lines.reduce((s, l) => s + l.charge, 0),
    payerResponsibility: 'P',
    payer: { id: '60054', name: 'ACME HEALTH PLAN' },
    subscriber: { lastName: 'DOE', memberId: 'W123456789' },
    billingProvider: { npi: '1234567893', entity: 'organization', lastName: 'MAIN STREET CLINIC' },
    diagnosisCodeSet: 'icd10',
    diagnoses: ['J069'],
    lines: lines.map((l) => ({
      procedure: { qualifier: 'HC', code: l.code, modifiers: l.modifiers ?? [] },
      charge: l.charge,
      unit: 'UN',
      quantity: 1,
      pointers: [1],
      ...(l.control ? { controlNumber: l.control } : {}),
    })),
    ...extra,
  });
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};

describe('postRemittance: outcomes of the posting policy', () => {
  it('managed-care sample: paid line with a deductible, claim-level CO A2 written off', () => {
    const p = post(dataFile('x12/835/LinuxForHealth__x12__managed-care.835'));
    const c = p.claims[0]!;
    expect(c.lines[0]).toMatchObject({
      outcome: 'paid',
      amounts: { charge: 80000, paid: 50000, patient: { deductible: 30000, total: 30000 } },
    });
    expect(c.claimAdjustments.contractual).toBe(5000);
    // 800.00 = 450.00 paid + 50.00 CO + 300.00 PR
    expect(c.totals).toMatchObject({
      charge: 80000,
      paid: 45000,
      contractual: 5000,
      denied: 0,
      other: 0,
      patient: { total: 30000 },
    });
    expect(p.totals.netPayment).toBe(94500);
  });

  it('zero pay with the whole allowed amount in the deductible is patient responsibility, not a denial', () => {
    const p = post({
      payment: '0',
      claims: [
        {
          id: 'C1',
          status: '1',
          charge: '150',
          paid: '0',
          patient: '110',
          lines: [
            {
              code: '99213',
              charge: '150',
              paid: '0',
              cas: [
                { group: 'CO', reason: '45', amount: '40' },
                { group: 'PR', reason: '1', amount: '110' },
              ],
            },
          ],
        },
      ],
    });
    expect(p.claims[0]!.lines[0]).toMatchObject({
      outcome: 'patient-responsibility',
      amounts: { contractual: 4000, denied: 0, patient: { deductible: 11000 } },
    });
    expect(p.denials).toEqual([]);
  });

  it('CO 97 alone is bundled and written off; CO 197 is a denial kept apart with its next step (appeal)', () => {
    const p = post({
      payment: '0',
      claims: [
        {
          id: 'C1',
          status: '1',
          charge: '300',
          paid: '0',
          lines: [
            { code: '36415', charge: '20', paid: '0', cas: [{ group: 'CO', reason: '97', amount: '20' }] },
            { code: '72148', charge: '280', paid: '0', cas: [{ group: 'CO', reason: '197', amount: '280' }] },
          ],
        },
      ],
    });
    const [bundled, denied] = p.claims[0]!.lines;
    expect(bundled).toMatchObject({ outcome: 'bundled', amounts: { contractual: 2000, denied: 0 } });
    expect(denied).toMatchObject({
      outcome: 'denied',
      nextStep: 'appeal',
      amounts: { contractual: 0, denied: 28000 },
    });
    expect(p.denials).toEqual([
      expect.objectContaining({ claim: 0, line: 1, reasons: ['197'], amount: 28000, nextStep: 'appeal' }),
    ]);
    expect(p.totals).toMatchObject({ contractual: 2000, denied: 28000 });
  });

  it('next steps: CO 16 with MA130 correct-and-resubmit, CO 109 bill-other-payer, CO 29 write-off, unknown review', () => {
    const line = (code: string, reason: string, remarks: string[] = []) => ({
      code,
      charge: '10',
      paid: '0',
      cas: [{ group: 'CO', reason, amount: '10' }],
      remarks,
    });
    const p = post({
      payment: '0',
      claims: [
        {
          id: 'C1',
          status: '1',
          charge: '40',
          paid: '0',
          lines: [
            line('99213', '16', ['MA130']),
            line('99214', '109'),
            line('99215', '29'),
            line('99212', 'P99'),
          ],
        },
      ],
    });
    expect(p.denials.map((d) => d.nextStep)).toEqual([
      'correct-and-resubmit',
      'bill-other-payer',
      'write-off',
      'review',
    ]);
  });

  it('OA only with nothing paid is adjusted (prior payer), apart from write-offs and denials', () => {
    const p = post({
      payment: '0',
      claims: [
        {
          id: 'C1',
          status: '2',
          charge: '100',
          paid: '0',
          lines: [
            { code: '99213', charge: '100', paid: '0', cas: [{ group: 'OA', reason: '23', amount: '100' }] },
          ],
        },
      ],
    });
    expect(p.claims[0]!.lines[0]).toMatchObject({
      outcome: 'adjusted',
      amounts: { other: 10000, contractual: 0, denied: 0 },
    });
  });

  it('a claim denied at CLP02 4 with claim-level CAS only posts at claim level as denied (pyx12 sample, LQ remarks)', () => {
    const p = post(dataFile('x12/835/azoner__pyx12__835_mult_loops.txt'));
    expect(p.claims[0]!.status).toBe('4');
    expect(p.totals.paid).toBe(0);
    expect(p.totals.charge).toBe(91539);
  });
});

describe('postRemittance: claims, reversals, crossover, PLB', () => {
  it('matches CLP01 truncated to 20 characters, and lines on REF*6R before the procedure', () => {
    const long = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const c = claim(long, [
      { code: '99213', charge: 10000, control: 'L1' },
      { code: '99213', charge: 10000, control: 'L2' },
    ]);
    const p = post(
      {
        payment: '160',
        claims: [
          {
            id: long.slice(0, 20),
            status: '1',
            charge: '200',
            paid: '160',
            lines: [
              {
                code: '99213',
                charge: '100',
                paid: '80',
                ref6r: 'L2',
                cas: [{ group: 'CO', reason: '45', amount: '20' }],
              },
              {
                code: '99213',
                charge: '100',
                paid: '80',
                ref6r: 'L1',
                cas: [{ group: 'CO', reason: '45', amount: '20' }],
              },
            ],
          },
        ],
      },
      [c],
    );
    expect(p.claims[0]!.matched).toBe(long);
    expect(p.claims[0]!.lines.map((l) => l.claimLine)).toEqual([1, 0]);
    expect(p.unmatched).toEqual([]);
  });

  it('matches a line whose modifier the payer dropped (openemr#7293)', () => {
    const c = claim('C1', [{ code: '20610', charge: 25000, modifiers: ['RT'] }]);
    const p = post(
      {
        payment: '200',
        claims: [
          {
            id: 'C1',
            status: '1',
            charge: '250',
            paid: '200',
            lines: [
              {
                code: '20610',
                charge: '250',
                paid: '200',
                cas: [{ group: 'CO', reason: '45', amount: '50' }],
              },
            ],
          },
        ],
      },
      [c],
    );
    expect(p.claims[0]!.lines[0]!.claimLine).toBe(0);
  });

  it('reversal then correction in one 835 nets to the difference (80.00 paid becomes 95.00: +15.00)', () => {
    const p = post({
      payment: '15',
      claims: [
        {
          id: 'C1',
          status: '22',
          charge: '-100',
          paid: '-80',
          payerClaimNumber: 'PCN9',
          cas: [{ group: 'CO', reason: '45', amount: '-20' }],
        },
        {
          id: 'C1',
          status: '1',
          charge: '100',
          paid: '95',
          payerClaimNumber: 'PCN9',
          frequency: '1',
          cas: [{ group: 'CO', reason: '45', amount: '5' }],
        },
      ],
    });
    expect(p.claims.map((c) => c.kind)).toEqual(['reversal', 'correction']);
    expect(p.claims[0]!.lines[0]!.outcome).toBe('reversal');
    expect(p.totals).toMatchObject({ charge: 0, paid: 1500, contractual: -1500, netPayment: 1500 });
  });

  it('crossover (CLP02 19, NM1*TT, MA18): the patient share is crossed over, no secondary claim', () => {
    const withSecondary = claim('C1', [{ code: '99213', charge: 10000 }], {
      otherPayers: [{ id: 'SUPP1', name: 'SUPPLEMENT', responsibility: 'S' }],
    });
    const p = post(
      {
        payment: '64',
        claims: [
          {
            id: 'C1',
            status: '19',
            charge: '100',
            paid: '64',
            patient: '16',
            crossover: 'MEDIGAP PLAN',
            remarks: ['MA18'],
            lines: [
              {
                code: '99213',
                charge: '100',
                paid: '64',
                cas: [
                  { group: 'CO', reason: '45', amount: '20' },
                  { group: 'PR', reason: '2', amount: '16' },
                ],
              },
            ],
          },
        ],
      },
      [withSecondary],
    );
    expect(p.claims[0]).toMatchObject({ patientShareTo: 'crossed-over', crossoverPayer: 'MEDIGAP PLAN' });
    const plain = post(
      {
        payment: '64',
        claims: [
          {
            id: 'C1',
            status: '1',
            charge: '100',
            paid: '64',
            patient: '16',
            lines: [
              {
                code: '99213',
                charge: '100',
                paid: '64',
                cas: [
                  { group: 'CO', reason: '45', amount: '20' },
                  { group: 'PR', reason: '2', amount: '16' },
                ],
              },
            ],
          },
        ],
      },
      [withSecondary],
    );
    expect(plain.claims[0]!.patientShareTo).toBe('next-payer');
    expect(
      post({
        payment: '64',
        claims: [
          {
            id: 'C1',
            status: '1',
            charge: '100',
            paid: '64',
            patient: '16',
            lines: [
              {
                code: '99213',
                charge: '100',
                paid: '64',
                cas: [
                  { group: 'CO', reason: '45', amount: '20' },
                  { group: 'PR', reason: '2', amount: '16' },
                ],
              },
            ],
          },
        ],
      }).claims[0]!.patientShareTo,
    ).toBe('patient');
  });

  it('PLB: interest raises the payment, a recoupment reopens the claim it names', () => {
    const earlier = claim('OLD1', [{ code: '99213', charge: 10000 }], { payerClaimNumber: 'PCN-OLD' });
    const p = post(
      {
        payment: '62.5',
        claims: [
          {
            id: 'C1',
            status: '1',
            charge: '100',
            paid: '80',
            cas: [{ group: 'CO', reason: '45', amount: '20' }],
          },
        ],
        plb: [
          { reason: 'L6', amount: '-2.50' },
          { reason: 'WO', reference: 'PCN-OLD', amount: '20' },
        ],
      },
      [earlier],
    );
    // 80.00 − (−2.50 + 20.00) = 62.50
    expect(p.totals.netPayment).toBe(6250);
    expect(p.providerAdjustments).toEqual([
      expect.objectContaining({ kind: 'interest', amount: -250 }),
      expect.objectContaining({ kind: 'recoupment', amount: 2000, reopens: 'OLD1' }),
    ]);
    expect(p.unmatched).toEqual([0]);
  });

  it('holds an unbalanced remittance: Left billing.unbalanced naming the rule', () => {
    const r = postRemittance(
      remit({
        payment: '70',
        claims: [
          {
            id: 'C1',
            status: '1',
            charge: '100',
            paid: '70',
            lines: [{ code: '99213', charge: '100', paid: '70' }],
          },
        ],
      }),
      [],
    );
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'billing.unbalanced' } });
    if (r._tag === 'Left') expect(r.left.message).toContain('line');
  });

  it('the same 835 twice has the same key (idempotent posting by payer and trace)', () => {
    const text = dataFile('x12/835/LinuxForHealth__x12__managed-care.835');
    expect(post(text).key).toBe(post(text).key);
    expect(post(text).key).toContain('7170066655');
  });
});
