/**
 * The patient account ledger: balances derived from the entries, never stored. Charges are the
 * patient's share once determined; payments and adjustments apply to charges (the rest is an
 * unapplied credit); refunds pay a credit back; a reversal cancels an earlier entry (a bounced
 * payment, a charge the payer took back, a refund that was not cashed). Money is neither created
 * nor lost: balance = charges − payments − adjustments + refunds over the entries not reversed,
 * and it always equals the open charges minus the credit.
 */
import { allocate, type Cents } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import type { IsoDate } from '../core/calendar.js';
import { billingError, type BillingError } from './errors.js';
import type { LedgerEntry, PatientAccount } from './model.js';

/**
 * One charge with money still owed on it.
 *
 * @example
 * const o: OpenCharge = { charge: 'ch-1', date: isoDate('2026-11-20'), serviceDate: isoDate('2026-11-02'), open: cents(4000) };
 */
export interface OpenCharge {
  readonly charge: string;
  /** When the patient's share was determined. */
  readonly date: IsoDate;
  readonly serviceDate: IsoDate;
  readonly open: Cents;
}

/**
 * What an account holds now: the balance, the open charges (oldest service first), the unapplied
 * credit and the date since which it has been above zero.
 *
 * @example
 * const b: AccountBalance = { balance: cents(0), open: [], credit: cents(0) };
 */
export interface AccountBalance {
  /** `Σ open − credit`: positive the patient owes, negative the office owes the patient. */
  readonly balance: Cents;
  /** Charges with money owed, oldest date of service first (ledger order among equals). */
  readonly open: readonly OpenCharge[];
  /** Money received and not on a live charge, less refunds. */
  readonly credit: Cents;
  /** The date of the entry since which the credit has stayed above zero. */
  readonly creditSince?: IsoDate;
}

type Charge = Extract<LedgerEntry, { kind: 'charge' }>;
type Money = Extract<LedgerEntry, { kind: 'payment' | 'adjustment' }>;

interface Tally {
  readonly byId: Map<string, LedgerEntry>;
  readonly charges: Charge[];
  readonly live: Set<string>;
  readonly applied: Map<string, number>;
  credit: number;
  creditSince: IsoDate | undefined;
}

const emptyTally = (): Tally => ({
  byId: new Map(),
  charges: [],
  live: new Set(),
  applied: new Map(),
  credit: 0,
  creditSince: undefined,
});

/** What a payment has applied to charges still live: the rest of it is credit. */
const onLiveCharges = (t: Tally, m: Money): number => {
  let total = 0;
  for (const a of m.applications) if (t.live.has(a.charge)) total += a.amount;
  return total;
};

/** Adds one entry to the running tally (entries are replayed in ledger order). */
const step = (t: Tally, e: LedgerEntry): void => {
  t.byId.set(e.id, e);
  if (e.kind === 'charge') {
    t.charges.push(e);
    t.live.add(e.id);
  } else if (e.kind === 'payment' || e.kind === 'adjustment') {
    t.live.add(e.id);
    for (const a of e.applications) t.applied.set(a.charge, (t.applied.get(a.charge) ?? 0) + a.amount);
    t.credit += e.amount - onLiveCharges(t, e);
  } else if (e.kind === 'refund') {
    t.live.add(e.id);
    t.credit -= e.amount;
  } else if (e.kind === 'reversal') {
    const target = t.byId.get(e.reverses);
    if (!target || !t.live.has(target.id)) return;
    if (target.kind === 'charge') {
      // What was paid on a charge the payer took back becomes the patient's credit.
      t.credit += t.applied.get(target.id) ?? 0;
      t.live.delete(target.id);
    } else if (target.kind === 'payment' || target.kind === 'adjustment') {
      t.credit -= target.amount - onLiveCharges(t, target);
      for (const a of target.applications) t.applied.set(a.charge, (t.applied.get(a.charge) ?? 0) - a.amount);
      t.live.delete(target.id);
    } else if (target.kind === 'refund') {
      t.credit += target.amount;
      t.live.delete(target.id);
    }
  }
  if (t.credit <= 0) t.creditSince = undefined;
  else t.creditSince ??= e.date;
};

const tally = (entries: readonly LedgerEntry[]): Tally => {
  const t = emptyTally();
  for (const e of entries) step(t, e);
  return t;
};

const openOf = (t: Tally, c: Charge): number =>
  t.live.has(c.id) ? c.amount - (t.applied.get(c.id) ?? 0) : 0;

const balanceOf = (t: Tally): AccountBalance => {
  const open: OpenCharge[] = [];
  for (const c of t.charges) {
    const left = openOf(t, c);
    if (left > 0) open.push({ charge: c.id, date: c.date, serviceDate: c.serviceDate, open: left as Cents });
  }
  // Oldest date of service first (FIFO, billing reference §10); the sort is stable for equal dates.
  open.sort((a, b) => (a.serviceDate < b.serviceDate ? -1 : a.serviceDate > b.serviceDate ? 1 : 0));
  const due = open.reduce((s, o) => s + o.open, 0);
  return {
    balance: (due - t.credit) as Cents,
    open,
    credit: t.credit as Cents,
    ...(t.creditSince !== undefined ? { creditSince: t.creditSince } : {}),
  };
};

/**
 * The balance of an account as its ledger stands: open charges, unapplied credit, the date the
 * credit arose. Derived from the entries in order; nothing is stored.
 *
 * @param account - the account
 * @returns the balance (never fails: entries a `recordEntry` would refuse are ignored where they
 *   cannot apply, such as a reversal of an unknown entry)
 * @example
 * accountBalance({ id: 'a1', patient: patientId('pat-1'), entries: [] }).balance; // 0
 */
export const accountBalance = (account: PatientAccount): AccountBalance => balanceOf(tally(account.entries));

/**
 * Records one entry after checking it against the ledger: ids are unique; a payment or
 * adjustment applies only to live charges and no more than each one's open amount nor its own
 * amount; a refund pays out no more than the credit; a reversal names a live entry that is not a
 * reversal, and a payment can be reversed only while the credit covers its unapplied part.
 *
 * @param account - the account
 * @param entry - the entry to add
 * @returns `Right(account with the entry appended)`; `Left` `billing.duplicate-entry`,
 *   `billing.over-application`, `billing.refund-exceeds-credit`, `billing.unknown-entry` or
 *   `billing.not-reversible`
 * @example
 * recordEntry(account, { kind: 'refund', id: 'rf-1', date: isoDate('2026-12-01'), amount: cents(500) });
 */
export const recordEntry = (
  account: PatientAccount,
  entry: LedgerEntry,
): Either<BillingError, PatientAccount> => {
  const t = tally(account.entries);
  if (t.byId.has(entry.id))
    return err(
      billingError('billing.duplicate-entry', 'entry id is already in the ledger', { field: 'entry.id' }),
    );
  if (entry.kind === 'payment' || entry.kind === 'adjustment') {
    let total = 0;
    const per = new Map<string, number>();
    for (const a of entry.applications) {
      const c = t.byId.get(a.charge);
      if (c?.kind !== 'charge' || !t.live.has(c.id))
        return err(
          billingError('billing.unknown-entry', 'an application names no live charge', {
            field: 'entry.applications',
          }),
        );
      per.set(c.id, (per.get(c.id) ?? 0) + a.amount);
      if ((per.get(c.id) ?? 0) > openOf(t, c))
        return err(
          billingError('billing.over-application', 'an application exceeds the open amount of its charge', {
            field: 'entry.applications',
          }),
        );
      total += a.amount;
    }
    if (total > entry.amount)
      return err(
        billingError('billing.over-application', 'applications exceed the amount of the entry', {
          field: 'entry.applications',
        }),
      );
  } else if (entry.kind === 'refund') {
    if (entry.amount > t.credit)
      return err(
        billingError('billing.refund-exceeds-credit', 'a refund cannot exceed the credit on the account', {
          field: 'entry.amount',
        }),
      );
  } else if (entry.kind === 'reversal') {
    const target = t.byId.get(entry.reverses);
    if (!target)
      return err(
        billingError('billing.unknown-entry', 'the reversed entry is not in the ledger', {
          field: 'entry.reverses',
        }),
      );
    if (target.kind === 'reversal' || !t.live.has(target.id))
      return err(
        billingError('billing.not-reversible', 'the entry is a reversal or already reversed', {
          field: 'entry.reverses',
        }),
      );
    if (
      (target.kind === 'payment' || target.kind === 'adjustment') &&
      target.amount - onLiveCharges(t, target) > t.credit
    )
      return err(
        billingError('billing.not-reversible', 'part of the payment was refunded: reverse the refund first', {
          field: 'entry.reverses',
        }),
      );
  }
  return ok({ ...account, entries: [...account.entries, entry] });
};

/**
 * How a payment is spread over open charges: oldest date of service first (the default), pro rata
 * by open amount (largest remainder, leftover cents to the older charge), or in a given order.
 *
 * @example
 * const order: PaymentOrder = { charges: ['ch-2', 'ch-1'] };
 */
export type PaymentOrder = 'oldest-first' | 'pro-rata' | { readonly charges: readonly string[] };

/**
 * A payment (or an adjustment such as a discount) to apply.
 *
 * @example
 * const p: IncomingPayment = { id: 'pay-1', date: isoDate('2026-12-01'), amount: cents(5000) };
 */
export interface IncomingPayment {
  readonly id: string;
  readonly date: IsoDate;
  readonly amount: Cents;
  /** `payment` (default) or `adjustment`. */
  readonly kind?: 'payment' | 'adjustment';
  readonly reason?: string;
}

/**
 * Applies a payment to the account's open charges in the given order; what is left over stays on
 * the account as an unapplied credit (never a negative charge).
 *
 * @param account - the account
 * @param payment - id, date, positive amount in cents
 * @param order - {@link PaymentOrder}, oldest date of service first by default
 * @returns `Right(account with the payment recorded)`; `Left` `billing.payment-amount` (not a
 *   positive whole number of cents), `billing.unknown-entry` (an ordered charge is not open) or any
 *   `recordEntry` error
 * @example
 * applyPayment(account, { id: 'pay-1', date: isoDate('2026-12-01'), amount: cents(5000) }, 'oldest-first');
 */
export const applyPayment = (
  account: PatientAccount,
  payment: IncomingPayment,
  order: PaymentOrder = 'oldest-first',
): Either<BillingError, PatientAccount> => {
  if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0)
    return err(
      billingError('billing.payment-amount', 'amount must be a positive whole number of cents', {
        field: 'payment.amount',
      }),
    );
  const { open } = accountBalance(account);
  let targets: readonly OpenCharge[] = open;
  if (typeof order === 'object') {
    const byId = new Map(open.map((o) => [o.charge, o]));
    const listed: OpenCharge[] = [];
    for (const id of order.charges) {
      const o = byId.get(id);
      if (!o)
        return err(
          billingError('billing.unknown-entry', 'an ordered charge is not open', { field: 'order.charges' }),
        );
      listed.push(o);
    }
    targets = listed;
  }
  const applications: { charge: string; amount: Cents }[] = [];
  if (order === 'pro-rata' && targets.length > 0) {
    const due = targets.reduce((s, o) => s + o.open, 0);
    const shares = allocate(
      Math.min(payment.amount, due) as Cents,
      targets.map((o) => o.open),
    );
    if (shares._tag === 'Right')
      shares.right.forEach((amount, i) => {
        if (amount > 0) applications.push({ charge: targets[i]!.charge, amount });
      });
  } else {
    let left: number = payment.amount;
    for (const o of targets) {
      if (left === 0) break;
      const amount = Math.min(left, o.open);
      applications.push({ charge: o.charge, amount: amount as Cents });
      left -= amount;
    }
  }
  return recordEntry(account, {
    kind: payment.kind ?? 'payment',
    id: payment.id,
    date: payment.date,
    amount: payment.amount,
    applications,
    ...(payment.reason !== undefined ? { reason: payment.reason } : {}),
  });
};
