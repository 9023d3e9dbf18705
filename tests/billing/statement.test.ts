// Statements and payment plans against hand-computed tables (billing reference §9-10), plus the
// properties the issue names: aging buckets sum to the amount due; installments sum to the balance
// and differ by at most one cent, the extra cents first; monthly dates keep the day, clamped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, type Cents, type IsoDate, type PatientId } from '../../src/core/index.js';
import {
  agingBucket,
  planPayments,
  recordEntry,
  statement,
  type LedgerEntry,
  type PatientAccount,
} from '../../src/billing/index.js';

const d = (s: string): IsoDate => s as IsoDate;
const c = (n: number): Cents => n as Cents;
const account = (entries: LedgerEntry[], extra: Partial<PatientAccount> = {}): PatientAccount =>
  entries.reduce<PatientAccount>(
    (a, e) => {
      const r = recordEntry(a, e);
      if (r._tag === 'Left') throw new Error(r.left.message);
      return r.right;
    },
    { id: 'acct-1', patient: 'pat-1' as PatientId, entries: [], ...extra },
  );
const charge = (id: string, date: string, amount: number, serviceDate = date): LedgerEntry => ({
  kind: 'charge',
  id,
  date: d(date),
  serviceDate: d(serviceDate),
  amount: c(amount),
});

describe('statement: aging', () => {
  // Ages from 2026-12-31 counted by hand on the calendar (Dec 31, Nov 30, Oct 31, Sep 30 days).
  it.each([
    ['2026-12-31', 0, '0-30'],
    ['2026-12-01', 30, '0-30'],
    ['2026-11-30', 31, '31-60'],
    ['2026-11-01', 60, '31-60'],
    ['2026-10-31', 61, '61-90'],
    ['2026-10-02', 90, '61-90'],
    ['2026-10-01', 91, '91-120'],
    ['2026-09-02', 120, '91-120'],
    ['2026-09-01', 121, '120+'],
  ])('anchored %s is %i days old on 2026-12-31: %s', (date, age, bucket) => {
    const s = statement(account([charge('A', date, 1000)]), d('2026-12-31'));
    expect(s.items[0]).toMatchObject({ ageDays: age, bucket });
    expect(s.buckets[bucket as keyof typeof s.buckets]).toBe(1000);
  });

  it('counts across a leap day: 2028-02-28 to 2028-03-29 is 30 days, to 03-30 is 31', () => {
    expect(statement(account([charge('A', '2028-02-28', 1000)]), d('2028-03-29')).items[0]!.bucket).toBe(
      '0-30',
    );
    expect(statement(account([charge('A', '2028-02-28', 1000)]), d('2028-03-30')).items[0]!.bucket).toBe(
      '31-60',
    );
  });

  it('names its anchor: the date the share was determined (default) or the date of service', () => {
    const a = account([charge('A', '2026-12-15', 1000, '2026-10-20')]);
    expect(statement(a, d('2026-12-31'))).toMatchObject({
      anchor: 'responsibility-date',
      items: [{ ageDays: 16 }],
    });
    expect(statement(a, d('2026-12-31'), { anchor: 'service-date' })).toMatchObject({
      anchor: 'service-date',
      items: [{ ageDays: 72, bucket: '61-90' }],
    });
  });

  it('agingBucket: inclusive upper bounds; a future anchor is current', () => {
    expect([-3, 30, 31, 60, 61, 90, 91, 120, 121].map(agingBucket)).toEqual([
      '0-30',
      '0-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '91-120',
      '91-120',
      '120+',
    ]);
  });
});

describe('statement: actions, dunning, small and credit balances', () => {
  it('dunning stage from the first statement: 0 first, 30 reminder, 60 past due, 90 final notice, 120 collections', () => {
    const a = (first: string) =>
      account([charge('A', '2026-06-01', 10000)], { firstStatementDate: d(first) });
    expect(statement(account([charge('A', '2026-06-01', 10000)]), d('2026-12-31')).dunningStage).toBe(
      'first-statement',
    );
    expect(statement(a('2026-12-02'), d('2026-12-31')).dunningStage).toBe('first-statement'); // 29 days
    expect(statement(a('2026-12-01'), d('2026-12-31')).dunningStage).toBe('reminder'); // 30
    expect(statement(a('2026-11-01'), d('2026-12-31')).dunningStage).toBe('past-due'); // 60
    expect(statement(a('2026-10-01'), d('2026-12-31')).dunningStage).toBe('final-notice'); // 91
    expect(statement(a('2026-09-02'), d('2026-12-31')).dunningStage).toBe('collections'); // 120
  });

  it('small balances: 4.99 held (or written off by policy), 5.00 sent', () => {
    expect(statement(account([charge('A', '2026-12-01', 499)]), d('2026-12-31')).action).toBe(
      'hold-small-balance',
    );
    expect(
      statement(account([charge('A', '2026-12-01', 499)]), d('2026-12-31'), {
        smallBalanceAction: 'write-off',
      }).action,
    ).toBe('write-off-small-balance');
    expect(statement(account([charge('A', '2026-12-01', 500)]), d('2026-12-31')).action).toBe('send');
  });

  it('a credit alone is to be refunded 60 days after it arose (2026-11-02 + 60 = 2027-01-01)', () => {
    const a = account([
      { kind: 'payment', id: 'p', date: d('2026-11-02'), amount: c(2500), applications: [] },
    ]);
    expect(statement(a, d('2026-12-31'))).toMatchObject({
      due: 0,
      credit: 2500,
      balance: -2500,
      action: 'refund-credit',
      refundDueBy: '2027-01-01',
    });
    expect(statement(account([]), d('2026-12-31')).action).toBe('nothing-due');
  });

  it('an account on hold is not dunned', () => {
    expect(
      statement(account([charge('A', '2026-06-01', 10000)], { hold: 'dispute' }), d('2026-12-31')),
    ).toMatchObject({
      action: 'hold',
      due: 10000,
    });
  });

  it('buckets add up to what is due', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 10 ** 7 }), fc.integer({ min: 0, max: 400 })), {
          maxLength: 20,
        }),
        (list) => {
          const a = account(list.map(([amount, back], i) => charge(`c${i}`, addDays400(back), amount)));
          const s = statement(a, d('2027-02-04'));
          expect(Object.values(s.buckets).reduce((x, y) => x + y, 0)).toBe(s.due);
          expect(s.due).toBe(list.reduce((x, [amount]) => x + amount, 0));
        },
      ),
    );
  });
});

// Days back from 2027-02-04 without the code under test: walk a fixed month table.
const addDays400 = (back: number): string => {
  const t = Date.UTC(2027, 1, 4) - back * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

describe('planPayments', () => {
  it('100.00 in 3 monthly from Jan 31: 33.34, 33.33, 33.33 on Jan 31, Feb 28, Mar 31 (2027)', () => {
    const r = planPayments(c(10000), { installments: 3, firstDue: d('2027-01-31'), frequency: 'monthly' });
    expect(r).toMatchObject({
      right: {
        balance: 10000,
        installments: [
          { number: 1, due: '2027-01-31', amount: 3334 },
          { number: 2, due: '2027-02-28', amount: 3333 },
          { number: 3, due: '2027-03-31', amount: 3333 },
        ],
      },
    });
  });

  it('leap year February 29; extra cents last when asked; biweekly dates', () => {
    const leap = planPayments(c(10000), {
      installments: 3,
      firstDue: d('2028-01-31'),
      frequency: 'monthly',
      extraCents: 'last',
    });
    if (leap._tag === 'Left') throw new Error('plan');
    expect(leap.right.installments.map((i) => [i.due, i.amount])).toEqual([
      ['2028-01-31', 3333],
      ['2028-02-29', 3333],
      ['2028-03-31', 3334],
    ]);
    const bi = planPayments(c(900), { installments: 3, firstDue: d('2026-12-25'), frequency: 'biweekly' });
    if (bi._tag === 'Left') throw new Error('plan');
    expect(bi.right.installments.map((i) => i.due)).toEqual(['2026-12-25', '2027-01-08', '2027-01-22']);
  });

  it('a fixed installment amount: 250.00 at 60.00 is four of 60.00 and one of 10.00', () => {
    const r = planPayments(c(25000), {
      installmentAmount: c(6000),
      firstDue: d('2027-01-15'),
      frequency: 'monthly',
    });
    if (r._tag === 'Left') throw new Error('plan');
    expect(r.right.installments.map((i) => i.amount)).toEqual([6000, 6000, 6000, 6000, 1000]);
  });

  it('refuses no balance, zero installments and more installments than cents', () => {
    const first = d('2027-01-15');
    expect(planPayments(c(0), { installments: 2, firstDue: first, frequency: 'monthly' })).toMatchObject({
      left: { code: 'billing.payment-amount' },
    });
    expect(planPayments(c(100), { installments: 0, firstDue: first, frequency: 'monthly' })).toMatchObject({
      left: { code: 'billing.installments' },
    });
    expect(planPayments(c(2), { installments: 3, firstDue: first, frequency: 'monthly' })).toMatchObject({
      left: { code: 'billing.installments' },
    });
  });

  it('installments sum to the balance, differ by at most a cent, extra cents first; monthly days clamp to month end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 31 }),
        (balance, n, day) => {
          fc.pre(n <= balance);
          const first = d(`2027-01-${String(day).padStart(2, '0')}`);
          const r = planPayments(c(balance), { installments: n, firstDue: first, frequency: 'monthly' });
          if (r._tag === 'Left') throw new Error(r.left.message);
          const amounts = r.right.installments.map((i) => i.amount);
          expect(amounts.reduce((x, y) => x + y, 0)).toBe(balance);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          for (let i = 1; i < amounts.length; i++) expect(amounts[i]).toBeLessThanOrEqual(amounts[i - 1]!);
          r.right.installments.forEach((inst, k) => {
            const month = new Date(Date.UTC(2027, k, 1));
            const last = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
            expect(Number(inst.due.slice(8))).toBe(Math.min(day, last));
            expect(inst.due.slice(0, 7)).toBe(month.toISOString().slice(0, 7));
          });
        },
      ),
    );
  });
});

describe('addMonths (core)', () => {
  it('keeps the day and clamps to the month end, from the anchor each time', () => {
    expect([0, 1, 2, 3, 13].map((k) => addMonths(d('2027-01-31'), k))).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2028-02-29',
    ]);
    expect(addMonths(d('2027-03-15'), -3)).toBe('2026-12-15');
  });
});
