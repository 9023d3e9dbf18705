// Properties of postRemittance over generated balanced 835s (written as text and read back):
// money is conserved per line, per claim and per transaction, and a reversal followed by its
// correction posts the same totals as the correction alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postRemittance, read835, type PostedAmounts } from '../../src/billing/index.js';
import { x835, type CasSpec, type ClaimSpec, type RemitSpec } from './x835.js';

const dollars = (cents: number): string => (cents < 0 ? '-' : '') + (Math.abs(cents) / 100).toFixed(2);

const casArb = fc.record({
  group: fc.constantFrom('CO', 'PR', 'OA', 'PI'),
  reason: fc.constantFrom('1', '2', '3', '45', '97', '197', '23', '96', '16', '253'),
  cents: fc.integer({ min: -2000, max: 20000 }),
});
type CasGen = { group: string; reason: string; cents: number };
type ClaimGen = {
  lines: { code: string; charge: number; cas: CasGen[]; paidZero: boolean }[];
  claimCas: CasGen[];
  status: string;
};
const lineArb = fc.record({
  code: fc.constantFrom('99213', '99214', '36415', '72148'),
  charge: fc.integer({ min: 0, max: 100000 }),
  cas: fc.array(casArb, { maxLength: 4 }),
  paidZero: fc.boolean(),
});
const claimArb = fc.record({
  lines: fc.array(lineArb, { maxLength: 4 }),
  claimCas: fc.array(casArb, { maxLength: 2 }),
  status: fc.constantFrom('1', '2', '4', '19'),
});

const toCas = (list: readonly CasGen[]): CasSpec[] =>
  list.map((c) => ({ group: c.group, reason: c.reason, amount: dollars(c.cents) }));
const sum = (list: readonly CasGen[], group?: string): number =>
  list.reduce((s, c) => s + (group === undefined || c.group === group ? c.cents : 0), 0);

/** A balanced claim: a zero-paid line puts its whole charge into its adjustments. */
const buildClaim = (g: ClaimGen, id: string, sign = 1): { spec: ClaimSpec; paid: number } => {
  const lines = g.lines.map((l) => {
    const cas =
      l.paidZero && l.cas.length > 0
        ? [...l.cas.slice(0, -1), { ...l.cas.at(-1)!, cents: l.charge - sum(l.cas.slice(0, -1)) }]
        : l.cas;
    return { code: l.code, charge: l.charge, cas, paid: l.charge - sum(cas) };
  });
  const lineCharges = lines.reduce((s, l) => s + l.charge, 0);
  const linePaid = lines.reduce((s, l) => s + l.paid, 0);
  const chargeTotal = lines.length > 0 ? lineCharges : sum(g.claimCas) + 5000;
  const paid = lines.length > 0 ? linePaid - sum(g.claimCas) : chargeTotal - sum(g.claimCas);
  const pr = sum(g.claimCas, 'PR') + lines.reduce((s, l) => s + sum(l.cas, 'PR'), 0);
  const neg = (list: readonly CasGen[]) => list.map((c) => ({ ...c, cents: sign * c.cents }));
  return {
    spec: {
      id,
      status: sign < 0 ? '22' : g.status,
      charge: dollars(sign * chargeTotal),
      paid: dollars(sign * paid),
      patient: dollars(sign * pr),
      payerClaimNumber: `PCN-${id}`,
      cas: toCas(neg(g.claimCas)),
      lines: lines.map((l) => ({
        code: l.code,
        charge: dollars(sign * l.charge),
        paid: dollars(sign * l.paid),
        cas: toCas(neg(l.cas)),
      })),
    },
    paid: sign * paid,
  };
};

const remitOf = (claims: readonly { spec: ClaimSpec; paid: number }[], plb: readonly number[]): RemitSpec => {
  const net = claims.reduce((s, c) => s + c.paid, 0) - plb.reduce((s, p) => s + p, 0);
  return {
    payment: dollars(Math.abs(net)),
    debit: net < 0,
    claims: claims.map((c) => c.spec),
    plb: plb.map((amount, i) => ({ reason: i % 2 ? 'WO' : 'L6', amount: dollars(amount) })),
  };
};

const posted = (spec: RemitSpec) => {
  const r = read835(x835(spec));
  if (r._tag === 'Left') throw new Error(r.left.message);
  const p = postRemittance(r.right.remittances[0]!, []);
  if (p._tag === 'Left') throw new Error(p.left.message);
  return { remittance: r.right.remittances[0]!, posting: p.right };
};

const conserved = (a: PostedAmounts): void => {
  expect(a.paid + a.contractual + a.denied + a.patient.total + a.other).toBe(a.charge);
  expect(
    a.patient.deductible + a.patient.coinsurance + a.patient.copay + a.patient.nonCovered + a.patient.other,
  ).toBe(a.patient.total);
};

describe('postRemittance properties', () => {
  it('money is conserved per line, per claim and per transaction', () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: -5000, max: 5000 }), { maxLength: 3 }),
        (gs, plb) => {
          const { remittance, posting } = posted(
            remitOf(
              gs.map((g, i) => buildClaim(g, `C${i}`)),
              plb,
            ),
          );
          posting.claims.forEach((c, ci) => {
            for (const l of c.lines) conserved(l.amounts);
            conserved(c.totals);
            expect(c.totals.charge).toBe(remittance.claims[ci]!.charge);
            expect(c.totals.paid).toBe(remittance.claims[ci]!.paid);
          });
          conserved(posting.totals);
          expect(posting.totals.netPayment).toBe(remittance.payment.amount);
          expect(posting.totals.paid).toBe(posting.claims.reduce((s, c) => s + c.totals.paid, 0));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a reversal followed by its correction equals the corrected posting alone', () => {
    fc.assert(
      fc.property(claimArb, claimArb, (original, corrected) => {
        const first = posted(remitOf([buildClaim(original, 'C1')], [])).posting.totals;
        const pair = posted(remitOf([buildClaim(original, 'C1', -1), buildClaim(corrected, 'C1')], []))
          .posting.totals;
        const alone = posted(remitOf([buildClaim(corrected, 'C1')], [])).posting.totals;
        // Denied and contractual differ only by which outcome a line had; their sum is the write-off side.
        const flat = (a: PostedAmounts) => [
          a.charge,
          a.paid,
          a.contractual + a.denied,
          a.patient.total,
          a.other,
          a.patient.deductible,
        ];
        expect(flat(first).map((v, i) => v + flat(pair)[i]!)).toEqual(flat(alone));
      }),
      { numRuns: 150 },
    );
  });
});
