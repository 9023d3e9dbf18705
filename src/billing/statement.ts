/**
 * Patient statements (billing reference §9): what the patient owes as of a date, itemized and aged
 * from a named anchor in whole calendar days (buckets 0-30, 31-60, 61-90, 91-120, 120+ with
 * inclusive upper bounds), the dunning stage, small balances held or written off, and credits
 * shown apart (not netted into a bucket) with the date a refund is due.
 */
import type { Cents } from '../core/money.js';
import { addDays, dateToDayNumber, type IsoDate } from '../core/calendar.js';
import { accountBalance } from './ledger.js';
import {
  AGING_BUCKETS,
  DUNNING_STAGES,
  type AgingBucket,
  type DunningStage,
  type PatientAccount,
  type Statement,
  type StatementAction,
  type StatementItem,
} from './model.js';

/**
 * A practice's statement policy; every field has the default named beside it.
 *
 * @example
 * const p: StatementPolicy = { anchor: 'service-date', smallBalance: cents(1000), smallBalanceAction: 'write-off' };
 */
export interface StatementPolicy {
  /** Aging anchor: the date the patient's share was determined (default) or the date of service. */
  readonly anchor?: 'responsibility-date' | 'service-date';
  /** Balances due under this many cents are not mailed (default 500, $5.00). */
  readonly smallBalance?: Cents;
  /** What happens to a small balance: held (default) or written off by a uniform policy. */
  readonly smallBalanceAction?: 'hold' | 'write-off';
  /** Days from the first statement at which each dunning stage starts (default 0, 30, 60, 90, 120). */
  readonly dunningDays?: readonly [number, number, number, number, number];
  /** Days after a credit arises by which it is refunded (default 60). */
  readonly refundDays?: number;
}

/** Upper bounds (inclusive) of the first four buckets, in days; anything older is 120+. */
const BUCKET_LIMITS = [30, 60, 90, 120] as const;
const DEFAULT_DUNNING = [0, 30, 60, 90, 120] as const;
const DEFAULT_SMALL_BALANCE = 500;
const DEFAULT_REFUND_DAYS = 60;

/**
 * The aging bucket of an age in whole days: 30 is `0-30`, 31 is `31-60`, 120 is `91-120`, 121 is
 * `120+`. A negative age (anchor after the as-of date) counts as current, `0-30`.
 *
 * @param ageDays - whole calendar days from the anchor to the as-of date
 * @returns the bucket
 * @example
 * agingBucket(31); // '31-60'
 */
export const agingBucket = (ageDays: number): AgingBucket => {
  for (let i = 0; i < BUCKET_LIMITS.length; i++) if (ageDays <= BUCKET_LIMITS[i]!) return AGING_BUCKETS[i]!;
  return '120+';
};

const stageOf = (days: number, thresholds: readonly number[]): DunningStage => {
  let stage: DunningStage = DUNNING_STAGES[0];
  thresholds.forEach((t, i) => {
    if (days >= t) stage = DUNNING_STAGES[i] ?? stage;
  });
  return stage;
};

/**
 * The statement of an account as of a date. Each open charge is aged from the policy's anchor in
 * whole calendar days (no time zone: dates are calendar dates) and put in its bucket; the buckets
 * add up to `due`. A credit is shown apart and never netted into a bucket; `balance = due −
 * credit`. The action: `nothing-due`; `refund-credit` when only a credit remains (due by
 * `refundDueBy`, the date the credit arose plus the refund days); `hold` when the account is on
 * hold; `hold-small-balance` or `write-off-small-balance` under the small-balance threshold; else
 * `send`, with the dunning stage counted from the first statement (this is the first when none
 * went out yet).
 *
 * @param account - the account
 * @param asOf - the statement date
 * @param policy - the practice's {@link StatementPolicy} (defaults named there)
 * @returns the statement (never fails)
 * @example
 * statement(account, isoDate('2026-12-31'), { anchor: 'service-date' }).buckets['31-60'];
 */
export const statement = (
  account: PatientAccount,
  asOf: IsoDate,
  policy: StatementPolicy = {},
): Statement => {
  const anchor = policy.anchor ?? 'responsibility-date';
  const { open, credit, creditSince } = accountBalance(account);
  const today = dateToDayNumber(asOf);
  const buckets: Record<AgingBucket, number> = { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 0 };
  const items: StatementItem[] = open.map((o) => {
    const anchorDate = anchor === 'service-date' ? o.serviceDate : o.date;
    const ageDays = today - dateToDayNumber(anchorDate);
    const bucket = agingBucket(ageDays);
    buckets[bucket] += o.open;
    return { charge: o.charge, serviceDate: o.serviceDate, anchorDate, ageDays, bucket, open: o.open };
  });
  const due = items.reduce((s, i) => s + i.open, 0);
  const refundDueBy =
    credit > 0 && creditSince !== undefined
      ? addDays(creditSince, policy.refundDays ?? DEFAULT_REFUND_DAYS)
      : undefined;
  let action: StatementAction;
  if (due === 0) action = credit > 0 ? 'refund-credit' : 'nothing-due';
  else if (account.hold !== undefined) action = 'hold';
  else if (due < (policy.smallBalance ?? DEFAULT_SMALL_BALANCE))
    action = policy.smallBalanceAction === 'write-off' ? 'write-off-small-balance' : 'hold-small-balance';
  else action = 'send';
  const sinceFirst =
    account.firstStatementDate === undefined ? 0 : today - dateToDayNumber(account.firstStatementDate);
  return {
    account: account.id,
    asOf,
    anchor,
    items,
    buckets: buckets as Record<AgingBucket, Cents>,
    due: due as Cents,
    credit,
    balance: (due - credit) as Cents,
    action,
    ...(action === 'send'
      ? { dunningStage: stageOf(sinceFirst, policy.dunningDays ?? DEFAULT_DUNNING) }
      : {}),
    ...(refundDueBy !== undefined ? { refundDueBy } : {}),
  };
};
