// read835 and checkBalance on every public 835 and on small written cases. Oracles: the amounts each
// file states (BPR02, CLP counts, ΣCLP04 − ΣPLB added by hand below) and hand-computed identities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBalance, read835, type Remittance } from '../../src/billing/index.js';
import { dataFile, dataFiles } from '../support/testData.js';
import { x835 } from './x835.js';

const only = (text: string): Remittance => {
  const r = read835(text);
  if (r._tag === 'Left') throw new Error(r.left.message);
  expect(r.right.remittances).toHaveLength(1);
  return r.right.remittances[0]!;
};

// file → [BPR02 in cents, number of CLP, Σ CLP04 in cents (added by hand from the file)]
const STATED: Record<string, readonly [number, number, number]> = {
  'LinuxForHealth__x12__cob-contractural-adjustment.835': [3400, 1, 3400],
  'LinuxForHealth__x12__managed-care.835': [94500, 2, 45000 + 49500],
  'LinuxForHealth__x12__medicare-part-a.835': [15000000, 2, 13801840 + 1198033],
  'LinuxForHealth__x12__secondary-payment.835': [122200, 2, 91200 + 31000],
  'LinuxForHealth__x12__tertiary-payment.835': [18750, 1, 18750],
  'azoner__pyx12__835_mult_loops.txt': [0, 1, 0],
  'irobayna__stupidedi__X091A1-case-1.edi': [2061, 1, 2061],
  'irobayna__stupidedi__dollars-and-data-sent-separate.edi': [94500, 2, 94500],
  'irobayna__stupidedi__era-sample.edi': [13200, 1, 13200],
  'irobayna__stupidedi__multiple-claims-single-check.edi': [
    81080,
    9,
    13200 + 7400 + 10800 + 1400 + 1680 + 13200 + 10800 + 8200 + 14400,
  ],
  'irobayna__stupidedi__secondary-payment-with-higher-fee-schedule.edi': [3400, 1, 3400],
  'irobayna__stupidedi__secondary-payments.edi': [122200, 2, 122200],
};

describe('read835 on every public 835', () => {
  const files = dataFiles('x12/835');
  it('covers the whole vendored corpus', () => {
    expect(files.sort()).toEqual(Object.keys(STATED).sort());
  });

  it.each(files)('%s: payment, claims and paid amounts as the file states them', (file) => {
    const [bpr, count, paid] = STATED[file]!;
    const rem = only(dataFile(`x12/835/${file}`));
    expect(rem.payment.amount).toBe(bpr);
    expect(rem.claims).toHaveLength(count);
    expect(rem.claims.reduce((s, c) => s + c.paid, 0)).toBe(paid);
  });

  it.each(files.filter((f) => !f.includes('tertiary-payment')))('%s balances on every rule', (file) => {
    expect(checkBalance(only(dataFile(`x12/835/${file}`))).imbalances).toEqual([]);
  });

  it('the tertiary file writes SVC01 with the element separator: an error note, and the claim imbalance it causes', () => {
    const r = read835(dataFile('x12/835/LinuxForHealth__x12__tertiary-payment.835'));
    if (r._tag === 'Left') throw new Error('unreadable');
    expect(r.right.notes).toContainEqual(
      expect.objectContaining({
        code: 'billing.bad-composite',
        severity: 'error',
        segment: 'SVC',
        element: 1,
      }),
    );
    const rem = r.right.remittances[0]!;
    expect(rem.claims[0]!.lines).toEqual([]); // not a line charging 24,599.00
    const report = checkBalance(rem);
    expect(report.hold).toBe(true);
    // CLP03 1766.50 with no readable adjustment against CLP04 187.50: computed − stated = 1579.00
    expect(report.imbalances).toEqual([
      expect.objectContaining({
        rule: 'claim',
        claim: 0,
        computed: 176650,
        stated: 18750,
        difference: 157900,
      }),
    ]);
  });

  it('Medicare Part A: PLB CV -1.27 raises the payment to BPR02 (138018.40 + 11980.33 + 1.27 = 150000.00)', () => {
    const rem = only(dataFile('x12/835/LinuxForHealth__x12__medicare-part-a.835'));
    expect(rem.providerAdjustments).toEqual([
      expect.objectContaining({ reason: 'CV', reference: 'CP', amount: -127 }),
    ]);
    expect(rem.claims[0]!.lines).toEqual([]); // claim-level CAS only
    expect(rem.claims[0]!.adjustments).toEqual([
      expect.objectContaining({ group: 'CO', reason: '45', amount: 7334857 }),
    ]);
  });

  it('keeps a negative CAS signed (OA 94 -9.00 on the higher-fee-schedule secondary)', () => {
    const rem = only(dataFile('x12/835/irobayna__stupidedi__secondary-payment-with-higher-fee-schedule.edi'));
    const all = rem.claims.flatMap((c) => [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)]);
    expect(all.some((a) => a.group === 'OA' && a.amount < 0)).toBe(true);
  });

  it('reads the 4010 file with | separators and a 30-character ISA06 (PLB L6 with ^ components)', () => {
    const r = read835(dataFile('x12/835/irobayna__stupidedi__X091A1-case-1.edi'));
    if (r._tag === 'Left') throw new Error('unreadable');
    expect(r.right.notes.map((n) => n.code)).toContain('x12.isa-length');
    const rem = r.right.remittances[0]!;
    expect(rem.source.version).toBe('004010X091A1');
    expect(rem.providerAdjustments).toEqual([
      expect.objectContaining({ reason: 'L6', reference: '74122910359', amount: 0 }),
    ]);
  });

  it('nine claims sharing one CLP01 stay nine claims', () => {
    const rem = only(dataFile('x12/835/irobayna__stupidedi__multiple-claims-single-check.edi'));
    expect(new Set(rem.claims.map((c) => c.claimId))).toEqual(new Set(['7722337']));
  });

  it('keeps provenance: payer, payee, trace and segment positions', () => {
    const rem = only(dataFile('x12/835/LinuxForHealth__x12__managed-care.835'));
    expect(rem.payer.name).toBe('RUSHMORE LIFE');
    expect(rem.payee).toEqual({ name: 'ACME MEDICAL CENTER', idQualifier: 'XX', id: '5544667733' });
    expect(rem.trace).toEqual({ number: '7170066655', originator: '1935665544' });
    const [first] = rem.claims;
    expect(first).toMatchObject({
      claimId: '5554555444',
      status: '1',
      charge: 80000,
      paid: 45000,
      patientResponsibility: 30000,
    });
    expect(first!.segmentIndex).toBeLessThan(first!.lines[0]!.segmentIndex);
    expect(first!.lines[0]).toMatchObject({
      procedure: { qualifier: 'HC', code: '99211', modifiers: [] },
      serviceDates: { start: '2002-03-01', end: '2002-03-04' },
      adjustments: [expect.objectContaining({ group: 'PR', reason: '1', amount: 30000 })],
    });
  });
});

describe('read835 on written cases', () => {
  it('reads X12 decimal forms exactly: 100, 100.0, .5, -9', () => {
    const rem = only(
      x835({
        payment: '100.5',
        claims: [
          {
            id: 'A1',
            status: '1',
            charge: '100.0',
            paid: '100.5',
            lines: [
              {
                code: '99213',
                charge: '100',
                paid: '100.5',
                cas: [{ group: 'OA', reason: '94', amount: '-.5' }],
              },
            ],
            cas: [],
          },
        ],
      }),
    );
    expect(rem.claims[0]!.lines[0]!.adjustments[0]!.amount).toBe(-50);
    expect(rem.claims[0]!.paid).toBe(10050);
    expect(checkBalance(rem).imbalances).toEqual([]);
  });

  it('three decimals are an error naming the element, not a rounded amount, and the message holds no value', () => {
    const r = read835(
      x835({
        payment: '10',
        claims: [
          {
            id: 'A1',
            status: '1',
            charge: '10',
            paid: '10',
            lines: [{ code: '99213', charge: '10.005', paid: '10' }],
          },
        ],
      }),
    );
    if (r._tag === 'Left') throw new Error('unreadable');
    const note = r.right.notes.find((n) => n.severity === 'error')!;
    expect(note).toMatchObject({ code: 'billing.bad-amount', segment: 'SVC', element: 2 });
    expect(JSON.stringify(r.right.notes)).not.toMatch(/10\.005|DOE|JANE|W123456789/);
  });

  it('an unbalanced line is read as stated and named: computed minus stated', () => {
    const rem = only(
      x835({
        payment: '70',
        claims: [
          {
            id: 'A1',
            status: '1',
            charge: '100',
            paid: '70',
            patient: '20',
            lines: [
              { code: '99213', charge: '100', paid: '70', cas: [{ group: 'PR', reason: '2', amount: '20' }] },
            ],
          },
        ],
      }),
    );
    expect(rem.claims[0]!.lines[0]!.paid).toBe(7000); // not "fixed" to 80.00
    const report = checkBalance(rem);
    expect(report.imbalances).toEqual([
      expect.objectContaining({
        rule: 'line',
        claim: 0,
        line: 0,
        computed: 8000,
        stated: 7000,
        difference: 1000,
      }),
      expect.objectContaining({ rule: 'claim', claim: 0, computed: 8000, stated: 7000, difference: 1000 }),
    ]);
  });

  it('a missing CLP05 with PR adjustments fails the patient-responsibility rule; split lines only warn', () => {
    const rem = only(
      x835({
        payment: '80',
        claims: [
          {
            id: 'A1',
            status: '1',
            charge: '150',
            paid: '80',
            cas: [{ group: 'CO', reason: '45', amount: '50' }],
            lines: [
              { code: '99213', charge: '100', paid: '80', cas: [{ group: 'PR', reason: '2', amount: '20' }] },
            ],
          },
        ],
      }),
    );
    const report = checkBalance(rem);
    expect(report.imbalances.map((i) => [i.rule, i.difference, i.hold])).toEqual([
      ['claim-line-charges', -5000, false],
      ['patient-responsibility', 2000, true],
    ]);
  });

  it('a debit (BPR03 D) is a negative payment and the transaction rule uses it', () => {
    const rem = only(
      x835({
        payment: '25',
        debit: true,
        claims: [
          {
            id: 'A1',
            status: '22',
            charge: '-100',
            paid: '-25',
            cas: [{ group: 'CO', reason: '45', amount: '-75' }],
          },
        ],
      }),
    );
    expect(rem.payment.amount).toBe(-2500);
    expect(checkBalance(rem).balanced).toBe(true);
  });

  it('no 835 inside, and no ISA at all, are coded errors', () => {
    expect(read835('hello')).toMatchObject({ _tag: 'Left', left: { code: 'billing.x12-unreadable' } });
    const only271 = dataFile('x12/271/LinuxForHealth__x12__subscriber-health-benefit-check.271');
    expect(read835(only271)).toMatchObject({ _tag: 'Left', left: { code: 'billing.no-transaction' } });
  });

  it('never throws, on any input', () => {
    const base = dataFile('x12/835/LinuxForHealth__x12__managed-care.835');
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.string()),
        fc.nat(base.length),
        fc.string(),
        (junk, at, insert) => {
          expect(() => read835(junk)).not.toThrow();
          const r = read835(base.slice(0, at) + insert + base.slice(at));
          if (r._tag === 'Right')
            for (const rem of r.right.remittances) expect(() => checkBalance(rem)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
