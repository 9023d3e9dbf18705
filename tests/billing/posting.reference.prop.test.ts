// postRemittance (running sums, shared empty shares, loops instead of closures) against the plain
// posting it replaced (DESIGN rule 13): the same postings, value for value, on generated
// remittances, balanced (posted) and not (held), with duplicate claim ids, reversals and their
// corrections, frequency 7/8, crossovers, denials with remarks, claims without lines, lines matched
// by REF*6R, by procedure with or without modifiers, or not at all, and PLB recoupments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postRemittance } from '../../src/billing/posting.js';
import { postRemittanceReference } from '../../src/billing/postingReference.js';
import { cents, isoDate } from '../../src/core/index.js';
import type {
  Adjustment,
  Claim,
  Remittance,
  RemittanceClaim,
  RemittanceLine,
} from '../../src/billing/model.js';

const CODES = ['99213', '99214', '36415'] as const;
const IDS = ['CLM-1', 'CLM-2', 'CLM-3', 'A-VERY-LONG-CLAIM-ID-0001', 'A-VERY-LONG-CLAIM-ID-0002'] as const;

const adjustmentArb: fc.Arbitrary<Adjustment> = fc.record({
  group: fc.constantFrom('CO', 'PR', 'OA', 'PI', 'CR'),
  reason: fc.constantFrom(
    '1',
    '2',
    '3',
    '45',
    '49',
    '96',
    '97',
    '197',
    '16',
    '29',
    '109',
    '234',
    '23',
    '253',
  ),
  amount: fc.integer({ min: -3000, max: 20000 }).map(cents),
  segmentIndex: fc.nat({ max: 500 }),
});

const procedureArb = fc.record({
  qualifier: fc.constant('HC'),
  code: fc.constantFrom(...CODES),
  modifiers: fc.array(fc.constantFrom('25', '59', 'GT'), { maxLength: 2 }),
});

interface LineGen {
  readonly procedure: RemittanceLine['procedure'];
  readonly billed: RemittanceLine['procedure'] | undefined;
  readonly charge: number;
  readonly adjustments: readonly Adjustment[];
  readonly remarks: readonly string[];
  readonly control: string | undefined;
  readonly balanced: boolean;
}

const lineArb: fc.Arbitrary<LineGen> = fc.record({
  procedure: procedureArb,
  billed: fc.option(procedureArb, { nil: undefined }),
  charge: fc.integer({ min: 0, max: 30000 }),
  adjustments: fc.array(adjustmentArb, { maxLength: 3 }),
  remarks: fc.array(fc.constantFrom('MA130', 'N130', 'M15'), { maxLength: 2 }),
  control: fc.option(fc.constantFrom('L1', 'L2', 'L3'), { nil: undefined }),
  balanced: fc.boolean(),
});

const sum = (list: readonly Adjustment[], group?: string): number =>
  list.reduce((s, a) => s + (group === undefined || a.group === group ? a.amount : 0), 0);

const remitClaimArb = (balanced: boolean): fc.Arbitrary<RemittanceClaim> =>
  fc
    .record({
      claimId: fc.constantFrom(...IDS),
      status: fc.constantFrom('1', '2', '3', '4', '19', '22', '23', '25'),
      charge: fc.integer({ min: 0, max: 50000 }),
      adjustments: fc.array(adjustmentArb, { maxLength: 2 }),
      remarks: fc.array(fc.constantFrom('MA01', 'MA130', 'N4'), { maxLength: 2 }),
      lines: fc.array(lineArb, { maxLength: 4 }),
      payerClaimNumber: fc.option(fc.constantFrom('P1', 'P2', 'P3'), { nil: undefined }),
      frequency: fc.option(fc.constantFrom('1', '7', '8'), { nil: undefined }),
      crossoverPayer: fc.option(fc.constant('MEDIGAP'), { nil: undefined }),
      segmentIndex: fc.nat({ max: 500 }),
      negate: fc.boolean(),
      // CLP03 and CLP04 moved together away from the lines' charges: only claim-line-charges fails.
      split: fc.constantFrom(0, 0, 0, 100),
      // On remittances that may not balance: CLP04 or CLP05 off by a cent (claim or
      // patient-responsibility fails alone).
      paidOff: fc.constantFrom(0, 0, 0, 1),
      prOff: fc.constantFrom(0, 0, 0, 1),
    })
    .map((g): RemittanceClaim => {
      const lines = g.lines.map((l): RemittanceLine => {
        const paid = balanced || l.balanced ? l.charge - sum(l.adjustments) : l.charge;
        return {
          procedure: l.procedure,
          charge: cents(l.charge),
          paid: cents(paid),
          ...(l.billed ? { billedProcedure: l.billed } : {}),
          adjustments: l.adjustments,
          remarks: l.remarks,
          ...(l.control !== undefined ? { lineControlNumber: l.control } : {}),
          segmentIndex: 0,
        };
      });
      const charge = (lines.length > 0 ? lines.reduce((s, l) => s + l.charge, 0) : g.charge) + g.split;
      const lineCas = lines.reduce((s, l) => s + sum(l.adjustments), 0);
      const pr = sum(g.adjustments, 'PR') + lines.reduce((s, l) => s + sum(l.adjustments, 'PR'), 0);
      return {
        claimId: g.claimId,
        status: g.status,
        charge: cents(charge),
        paid: cents(charge - sum(g.adjustments) - lineCas + (balanced ? 0 : g.paidOff)),
        ...(balanced || pr !== 0 || g.prOff !== 0
          ? { patientResponsibility: cents(pr + (balanced ? 0 : g.prOff)) }
          : {}),
        ...(g.payerClaimNumber !== undefined ? { payerClaimNumber: g.payerClaimNumber } : {}),
        ...(g.frequency !== undefined ? { frequency: g.frequency } : {}),
        ...(g.crossoverPayer !== undefined ? { crossoverPayer: g.crossoverPayer } : {}),
        adjustments: g.adjustments,
        remarks: g.remarks,
        lines,
        segmentIndex: g.segmentIndex,
      };
    });

const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    id: fc.constantFrom(...IDS),
    lines: fc.array(
      fc.record({
        procedure: procedureArb,
        charge: fc.integer({ min: 0, max: 30000 }),
        control: fc.constantFrom('L1', 'L2', 'L9'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    payerClaimNumber: fc.option(fc.constantFrom('P1', 'P2', 'P3'), { nil: undefined }),
    responsibility: fc.constantFrom('P', 'S'),
    otherPayer: fc.option(fc.constantFrom('P', 'S', 'T'), { nil: undefined }),
    charge: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: undefined }),
  })
  .map((g): Claim => {
    const lines = g.lines.map((l) => ({
      procedure: l.procedure,
      charge: cents(l.charge),
      unit: 'UN' as const,
      quantity: 1,
      pointers: [1],
      serviceDates: { start: isoDate('2026-11-15'), end: isoDate('2026-11-15') },
      controlNumber: l.control,
    }));
    return {
      id: g.id,
      frequency: '1',
      placeOfService: '11',
      totalCharge: cents(g.charge ?? lines.reduce((s, l) => s + l.charge, 0)),
      payerResponsibility: g.responsibility,
      payer: { id: '60054', name: 'ACME HEALTH' },
      subscriber: { lastName: 'DOE', firstName: 'JANE', memberId: 'W1' },
      billingProvider: {
        npi: '1467586115',
        entity: 'organization',
        lastName: 'MAIN STREET CLINIC',
        taxId: { qualifier: 'EI', value: '123456789' },
        address: { line1: '120 MAIN ST', city: 'SPRINGFIELD', state: 'IL', zip: '627011234' },
      },
      diagnosisCodeSet: 'icd10',
      diagnoses: ['I10'],
      lines,
      ...(g.payerClaimNumber !== undefined ? { payerClaimNumber: g.payerClaimNumber } : {}),
      ...(g.otherPayer !== undefined
        ? {
            otherPayers: [{ id: '2', name: 'OTHER', responsibility: g.otherPayer }],
          }
        : {}),
    };
  });

const remittanceArb = (balanced: boolean): fc.Arbitrary<Remittance> =>
  fc
    .record({
      claims: fc.array(remitClaimArb(balanced), { maxLength: 6 }),
      plb: fc.array(
        fc.record({
          providerId: fc.constant('1234567893'),
          reason: fc.constantFrom('L6', 'WO', 'FB', '72', 'CS'),
          reference: fc.option(fc.constantFrom('P1', 'P2', 'P3'), { nil: undefined }),
          amount: fc.integer({ min: -5000, max: 5000 }).map(cents),
          segmentIndex: fc.nat({ max: 500 }),
        }),
        { maxLength: 3 },
      ),
      offset: fc.integer({ min: -1, max: 1 }),
      trace: fc.boolean(),
    })
    .map(({ claims, plb, offset, trace }): Remittance => {
      const paid = claims.reduce((s, c) => s + c.paid, 0) - plb.reduce((s, p) => s + p.amount, 0);
      return {
        source: {
          interchangeControlNumber: '1',
          transactionControlNumber: '1',
          version: '005010X221A1',
          segmentIndex: 2,
        },
        payment: { handling: 'I', amount: cents(paid + (balanced ? 0 : offset)), method: 'ACH' },
        ...(trace ? { trace: { number: 'EFT1', originator: '1999999999' } } : {}),
        payer: { name: 'ACME HEALTH', id: '60054' },
        payee: { name: 'MAIN STREET CLINIC' },
        claims,
        providerAdjustments: plb.map((p) => ({
          providerId: p.providerId,
          reason: p.reason,
          ...(p.reference !== undefined ? { reference: p.reference } : {}),
          amount: p.amount,
          segmentIndex: p.segmentIndex,
        })),
      };
    });

describe('postRemittance agrees with the plain reference posting', () => {
  it('on balanced remittances against claims that match, partly match or do not', () => {
    fc.assert(
      fc.property(remittanceArb(true), fc.array(claimArb, { maxLength: 6 }), (remittance, claims) => {
        const fast = postRemittance(remittance, claims);
        expect(fast._tag).toBe('Right');
        expect(fast).toStrictEqual(postRemittanceReference(remittance, claims));
      }),
      { numRuns: 400 },
    );
  });
  it('on remittances that may not balance (held with the same error)', () => {
    fc.assert(
      fc.property(remittanceArb(false), fc.array(claimArb, { maxLength: 4 }), (remittance, claims) => {
        expect(postRemittance(remittance, claims)).toStrictEqual(postRemittanceReference(remittance, claims));
      }),
      { numRuns: 300 },
    );
  });
  it('past the reason lists a posting shares (every line with a list of its own)', () => {
    // 150 lines whose reason lists all differ, then the same 150 again: more distinct lists than
    // one posting shares, so some lines get a shared list and the others one of their own.
    const reasonsOf = (i: number): string[] => [String(i % 50), String(i % 3), String(i)];
    const lines = Array.from({ length: 300 }, (_, i): RemittanceLine => {
      const adjustments = reasonsOf(i % 150).map((reason): Adjustment => ({
        group: 'CO',
        reason,
        amount: cents(10),
      }));
      return {
        procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
        charge: cents(1000),
        paid: cents(970),
        adjustments,
        remarks: [],
        segmentIndex: i,
      };
    });
    const remittance: Remittance = {
      source: {
        interchangeControlNumber: '1',
        transactionControlNumber: '1',
        version: '005010X221A1',
        segmentIndex: 2,
      },
      payment: { handling: 'I', amount: cents(970 * 300), method: 'ACH' },
      payer: { name: 'ACME HEALTH' },
      payee: { name: 'MAIN STREET CLINIC' },
      claims: [
        {
          claimId: 'CLM-1',
          status: '1',
          charge: cents(300_000),
          paid: cents(970 * 300),
          adjustments: [],
          remarks: [],
          lines,
          segmentIndex: 5,
        },
      ],
      providerAdjustments: [],
    };
    const fast = postRemittance(remittance, []);
    expect(fast).toStrictEqual(postRemittanceReference(remittance, []));
    if (fast._tag === 'Right')
      fast.right.claims[0]?.lines.forEach((l, i) => expect(l.reasons).toEqual(reasonsOf(i % 150)));
  });
});
