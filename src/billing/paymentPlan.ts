/**
 * Payment plans (billing reference §10): a balance split into installments by largest remainder
 * (they differ by at most one cent, the extra cents on the first installments unless the plan puts
 * them on the last), or a fixed installment amount with a smaller last one; due dates monthly
 * (keeping the first due date's day of month, clamped to each month's end), biweekly or weekly.
 */
import { allocate, type Cents } from '../core/money.js';
import { addDays, addMonths, type IsoDate } from '../core/calendar.js';
import { err, ok, type Either } from '../core/result.js';
import { billingError, type BillingError } from './errors.js';
import type { PaymentPlan, PaymentPlanTerms } from './model.js';

/** Most installments a plan may have (50 years of monthly payments). */
const MAX_INSTALLMENTS = 600;
const DAYS: Readonly<Record<'biweekly' | 'weekly', number>> = { biweekly: 14, weekly: 7 };

/** The k-th due date (0-based), each computed from the first so a clamped month does not drift. */
const dueDate = (first: IsoDate, frequency: PaymentPlanTerms['frequency'], k: number): IsoDate =>
  frequency === 'monthly' ? addMonths(first, k) : addDays(first, DAYS[frequency] * k);

/**
 * Lays out a payment plan for a balance. With a number of installments, the balance is split by
 * largest remainder over equal weights: amounts differ by at most one cent and the extra cents go
 * to the first installments (`extraCents: 'first'`, the default) or all to the last (`'last'`, the
 * other common convention; then the last may exceed the others by more than a cent). With an
 * installment amount, every installment is that amount except a smaller last one. Monthly due
 * dates keep the first due date's day of month, clamped to the end of shorter months (Jan 31,
 * Feb 28 or 29, Mar 31), each computed from the first date.
 *
 * @param balance - the amount to spread, in cents
 * @param terms - installments or installment amount, first due date, frequency
 * @returns `Right(PaymentPlan)`; `Left` `billing.payment-amount` (balance not a positive whole
 *   number of cents) or `billing.installments` (a count outside 1-600, more installments than
 *   cents, or an installment amount that needs more than 600 installments)
 * @example
 * planPayments(cents(10000), { installments: 3, firstDue: isoDate('2027-01-31'), frequency: 'monthly' });
 * // Right: 33.34 on Jan 31, 33.33 on Feb 28, 33.33 on Mar 31
 */
export const planPayments = (balance: Cents, terms: PaymentPlanTerms): Either<BillingError, PaymentPlan> => {
  if (!Number.isSafeInteger(balance) || balance <= 0)
    return err(
      billingError('billing.payment-amount', 'balance must be a positive whole number of cents', {
        field: 'balance',
      }),
    );
  let amounts: number[];
  if ('installments' in terms) {
    const n = terms.installments;
    if (!Number.isInteger(n) || n < 1 || n > MAX_INSTALLMENTS || n > balance)
      return err(
        billingError(
          'billing.installments',
          'installments must be a whole number from 1 to 600 and no more than the cents owed',
          {
            field: 'terms.installments',
          },
        ),
      );
    const shares = allocate(
      balance,
      Array.from({ length: n }, () => 1),
    );
    if (shares._tag === 'Left')
      return err(billingError('billing.installments', shares.left.message, { field: 'terms.installments' }));
    amounts = [...shares.right];
    if (terms.extraCents === 'last') {
      const base = Math.floor(balance / n);
      amounts = amounts.map((_, i) => (i === n - 1 ? balance - base * (n - 1) : base));
    }
  } else {
    const a = terms.installmentAmount;
    const n = Math.ceil(balance / a);
    if (!Number.isSafeInteger(a) || a <= 0 || n > MAX_INSTALLMENTS)
      return err(
        billingError(
          'billing.installments',
          'installment amount must be positive and need at most 600 installments',
          {
            field: 'terms.installmentAmount',
          },
        ),
      );
    amounts = Array.from({ length: n }, (_, i) => (i === n - 1 ? balance - a * (n - 1) : a));
  }
  return ok({
    balance,
    installments: amounts.map((amount, k) => ({
      number: k + 1,
      due: dueDate(terms.firstDue, terms.frequency, k),
      amount: amount as Cents,
    })),
  });
};
