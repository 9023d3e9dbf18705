// The patient ledger: allocation orders, credits, refunds, reversals (hand-computed amounts), and a
// model-based test: over any sequence of charges, payments, adjustments, refunds and reversals the
// ledger's derived balance equals plain sums over the entries still live, and money is never
// created or lost (open charges minus credit is the balance, credit and open amounts never negative).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cents, IsoDate, PatientId } from '../../src/core/index.js';
import {
  accountBalance,
  applyPayment,
  recordEntry,
  statement,
  type LedgerEntry,
  type PatientAccount,
  type PaymentOrder,
} from '../../src/billing/index.js';

const d = (s: string): IsoDate => s as IsoDate;
const c = (n: number): Cents => n as Cents;
const empty: PatientAccount = { id: 'acct-1', patient: 'pat-1' as PatientId, entries: [] };

const right = <A>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error(r.left.message);
  return r.right;
};
const charge = (id: string, serviceDate: string, amount: number, date = serviceDate): LedgerEntry => ({
  kind: 'charge',
  id,
  date: d(date),
  serviceDate: d(serviceDate),
  amount: c(amount),
});
const withCharges = (...entries: LedgerEntry[]): PatientAccount =>
  entries.reduce<PatientAccount>((a, e) => right(recordEntry(a, e)), empty);

describe('applyPayment', () => {
  it('oldest date of service first: 50.00 pays B (Nov 1, 30.00) then 20.00 of A (Nov 10)', () => {
    const a = withCharges(charge('A', '2026-11-10', 4000), charge('B', '2026-11-01', 3000));
    const paid = right(applyPayment(a, { id: 'p1', date: d('2026-12-01'), amount: c(5000) }));
    expect(paid.entries.at(-1)).toMatchObject({
      applications: [
        { charge: 'B', amount: 3000 },
        { charge: 'A', amount: 2000 },
      ],
    });
    expect(accountBalance(paid)).toMatchObject({
      balance: 2000,
      credit: 0,
      open: [{ charge: 'A', open: 2000 }],
    });
  });

  it('pro rata by largest remainder: 100.00 over 100.00 and 50.00 is 66.67 and 33.33', () => {
    const a = withCharges(charge('A', '2026-11-01', 10000), charge('B', '2026-11-02', 5000));
    const paid = right(applyPayment(a, { id: 'p1', date: d('2026-12-01'), amount: c(10000) }, 'pro-rata'));
    expect(paid.entries.at(-1)).toMatchObject({
      applications: [
        { charge: 'A', amount: 6667 },
        { charge: 'B', amount: 3333 },
      ],
    });
  });

  it('a given order, and an overpayment left as credit (never a negative charge)', () => {
    const a = withCharges(charge('A', '2026-11-01', 1000), charge('B', '2026-11-02', 1000));
    const paid = right(
      applyPayment(a, { id: 'p1', date: d('2026-12-01'), amount: c(2500) }, { charges: ['B', 'A'] }),
    );
    expect(paid.entries.at(-1)).toMatchObject({
      applications: [
        { charge: 'B', amount: 1000 },
        { charge: 'A', amount: 1000 },
      ],
    });
    expect(accountBalance(paid)).toMatchObject({
      balance: -500,
      credit: 500,
      open: [],
      creditSince: '2026-12-01',
    });
  });

  it('refuses a zero or fractional amount and an order naming a charge that is not open', () => {
    const a = withCharges(charge('A', '2026-11-01', 1000));
    expect(applyPayment(a, { id: 'p', date: d('2026-12-01'), amount: c(0) })).toMatchObject({
      left: { code: 'billing.payment-amount' },
    });
    expect(applyPayment(a, { id: 'p', date: d('2026-12-01'), amount: c(1.5) })).toMatchObject({
      left: { code: 'billing.payment-amount' },
    });
    expect(
      applyPayment(a, { id: 'p', date: d('2026-12-01'), amount: c(100) }, { charges: ['Z'] }),
    ).toMatchObject({
      left: { code: 'billing.unknown-entry' },
    });
  });
});

describe('recordEntry: credits, refunds, reversals', () => {
  it('copay at check-in before the remit: a credit until the charge posts, then applied by a new payment order', () => {
    const prepaid = right(applyPayment(empty, { id: 'copay', date: d('2026-11-02'), amount: c(2500) }));
    expect(accountBalance(prepaid)).toMatchObject({ balance: -2500, credit: 2500 });
    const charged = right(recordEntry(prepaid, charge('A', '2026-11-02', 4000, '2026-11-20')));
    // The credit is shown apart, not netted into the item: due 40.00, credit 25.00, balance 15.00.
    expect(statement(charged, d('2026-11-30'))).toMatchObject({ due: 4000, credit: 2500, balance: 1500 });
  });

  it('a charge the payer took back turns what the patient paid on it into credit; a refund pays it out', () => {
    const a = withCharges(charge('A', '2026-11-01', 3000));
    const paid = right(applyPayment(a, { id: 'p1', date: d('2026-11-15'), amount: c(3000) }));
    const reversed = right(
      recordEntry(paid, { kind: 'reversal', id: 'r1', date: d('2026-12-01'), reverses: 'A' }),
    );
    expect(accountBalance(reversed)).toMatchObject({
      balance: -3000,
      credit: 3000,
      creditSince: '2026-12-01',
    });
    expect(
      recordEntry(reversed, { kind: 'refund', id: 'rf', date: d('2026-12-02'), amount: c(3001) }),
    ).toMatchObject({
      left: { code: 'billing.refund-exceeds-credit' },
    });
    const refunded = right(
      recordEntry(reversed, { kind: 'refund', id: 'rf', date: d('2026-12-02'), amount: c(3000) }),
    );
    expect(accountBalance(refunded)).toMatchObject({ balance: 0, credit: 0, open: [] });
  });

  it('a bounced payment reopens what it paid; a payment whose credit was refunded cannot be reversed first', () => {
    const a = withCharges(charge('A', '2026-11-01', 3000));
    const paid = right(applyPayment(a, { id: 'p1', date: d('2026-11-15'), amount: c(5000) }));
    const bounced = right(
      recordEntry(paid, { kind: 'reversal', id: 'r1', date: d('2026-11-20'), reverses: 'p1' }),
    );
    expect(accountBalance(bounced)).toMatchObject({
      balance: 3000,
      credit: 0,
      open: [{ charge: 'A', open: 3000 }],
    });
    const refunded = right(
      recordEntry(paid, { kind: 'refund', id: 'rf', date: d('2026-11-16'), amount: c(2000) }),
    );
    expect(
      recordEntry(refunded, { kind: 'reversal', id: 'r1', date: d('2026-11-20'), reverses: 'p1' }),
    ).toMatchObject({
      left: { code: 'billing.not-reversible' },
    });
  });

  it('refuses duplicate ids, double reversals and over-applications', () => {
    const a = withCharges(charge('A', '2026-11-01', 1000));
    expect(recordEntry(a, charge('A', '2026-11-02', 10))).toMatchObject({
      left: { code: 'billing.duplicate-entry' },
    });
    expect(
      recordEntry(a, {
        kind: 'payment',
        id: 'p',
        date: d('2026-11-02'),
        amount: c(2000),
        applications: [{ charge: 'A', amount: c(1001) }],
      }),
    ).toMatchObject({ left: { code: 'billing.over-application' } });
    expect(
      recordEntry(a, {
        kind: 'payment',
        id: 'p',
        date: d('2026-11-02'),
        amount: c(500),
        applications: [{ charge: 'A', amount: c(600) }],
      }),
    ).toMatchObject({ left: { code: 'billing.over-application' } });
    const r = right(recordEntry(a, { kind: 'reversal', id: 'r', date: d('2026-11-02'), reverses: 'A' }));
    expect(
      recordEntry(r, { kind: 'reversal', id: 'r2', date: d('2026-11-02'), reverses: 'A' }),
    ).toMatchObject({
      left: { code: 'billing.not-reversible' },
    });
    expect(
      recordEntry(r, { kind: 'reversal', id: 'r3', date: d('2026-11-02'), reverses: 'nope' }),
    ).toMatchObject({
      left: { code: 'billing.unknown-entry' },
    });
  });
});

// ---- model-based: the model keeps plain sums of the live entries --------------------------------

interface Model {
  entries: { id: string; kind: LedgerEntry['kind']; amount: number; live: boolean }[];
  next: number;
}
interface Real {
  account: PatientAccount;
}

const liveSum = (m: Model, kind: LedgerEntry['kind']) =>
  m.entries.filter((e) => e.live && e.kind === kind).reduce((s, e) => s + e.amount, 0);

const check = (m: Model, r: Real): void => {
  const b = accountBalance(r.account);
  const expected =
    liveSum(m, 'charge') - liveSum(m, 'payment') - liveSum(m, 'adjustment') + liveSum(m, 'refund');
  expect(b.balance).toBe(expected);
  expect(b.open.reduce((s, o) => s + o.open, 0) - b.credit).toBe(expected);
  expect(b.credit).toBeGreaterThanOrEqual(0);
  for (const o of b.open) expect(o.open).toBeGreaterThan(0);
  const s = statement(r.account, d('2027-06-30'));
  expect(Object.values(s.buckets).reduce((x, y) => x + y, 0)).toBe(s.due);
  expect(s.due - s.credit).toBe(expected);
};

const dayOf = (k: number) =>
  d(`2026-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`);

class ChargeCmd implements fc.Command<Model, Real> {
  constructor(
    readonly amount: number,
    readonly day: number,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const id = `e${m.next++}`;
    r.account = right(recordEntry(r.account, charge(id, dayOf(this.day), this.amount)));
    m.entries.push({ id, kind: 'charge', amount: this.amount, live: true });
    check(m, r);
  }
  toString = () => `charge(${this.amount})`;
}

class PayCmd implements fc.Command<Model, Real> {
  constructor(
    readonly amount: number,
    readonly kind: 'payment' | 'adjustment',
    readonly order: PaymentOrder,
  ) {}
  check = () => true;
  run(m: Model, r: Real) {
    const id = `e${m.next++}`;
    r.account = right(
      applyPayment(
        r.account,
        { id, date: dayOf(m.next), amount: c(this.amount), kind: this.kind },
        this.order,
      ),
    );
    m.entries.push({ id, kind: this.kind, amount: this.amount, live: true });
    check(m, r);
  }
  toString = () => `${this.kind}(${this.amount}, ${String(this.order)})`;
}

class RefundCmd implements fc.Command<Model, Real> {
  constructor(readonly amount: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    const id = `e${m.next++}`;
    const credit = accountBalance(r.account).credit;
    const res = recordEntry(r.account, { kind: 'refund', id, date: dayOf(m.next), amount: c(this.amount) });
    expect(res._tag).toBe(this.amount <= credit ? 'Right' : 'Left');
    if (res._tag === 'Right') {
      r.account = res.right;
      m.entries.push({ id, kind: 'refund', amount: this.amount, live: true });
    }
    check(m, r);
  }
  toString = () => `refund(${this.amount})`;
}

class ReverseCmd implements fc.Command<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.entries.length > 0;
  run(m: Model, r: Real) {
    const target = m.entries[this.pick % m.entries.length]!;
    const id = `e${m.next++}`;
    const res = recordEntry(r.account, { kind: 'reversal', id, date: dayOf(m.next), reverses: target.id });
    if (!target.live) expect(res._tag).toBe('Left');
    if (res._tag === 'Right') {
      r.account = res.right;
      target.live = false;
    }
    check(m, r);
  }
  toString = () => `reverse(${this.pick})`;
}

describe('ledger model', () => {
  it('never creates or loses money over charges, payments, adjustments, refunds and reversals', () => {
    const amount = fc.integer({ min: 1, max: 50000 });
    const commands = [
      fc.tuple(amount, fc.nat(400)).map(([a, k]) => new ChargeCmd(a, k)),
      fc
        .tuple(
          amount,
          fc.constantFrom('payment' as const, 'adjustment' as const),
          fc.constantFrom<PaymentOrder>('oldest-first', 'pro-rata'),
        )
        .map(([a, k, o]) => new PayCmd(a, k, o)),
      amount.map((a) => new RefundCmd(a)),
      fc.nat().map((p) => new ReverseCmd(p)),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        fc.modelRun(() => ({ model: { entries: [], next: 0 }, real: { account: empty } }), cmds);
      }),
      { numRuns: 200 },
    );
  });
});
