/**
 * Element value readers shared by the X12 and JSON readers: code meanings (EB01 kind, EB06 role,
 * AAA04 retry, EB12 network), X12 dates, and exact decimal conversion of amounts and percents.
 */
import { parseDollars, type Cents } from '../../core/money.js';
import type {
  EligibilityRejection,
  EligibilityStatus,
  AmountRole,
  BenefitFact,
  BenefitKind,
  EligibilityNetwork,
  RetryPolicy,
} from '../eligibilityModel.js';
import { ELIGIBILITY_BENEFIT_CODES, FOLLOW_UP_ACTION_CODES, REJECT_REASON_CODES } from './codes.js';
import { codeMap } from './lookup.js';

const BENEFIT_CODES: ReadonlyMap<string, string> = /* @__PURE__ */ codeMap<string>(ELIGIBILITY_BENEFIT_CODES);
const REJECT_REASONS: ReadonlyMap<string, string> = /* @__PURE__ */ codeMap<string>(REJECT_REASON_CODES);
const FOLLOW_UPS: ReadonlyMap<string, string> = /* @__PURE__ */ codeMap<string>(FOLLOW_UP_ACTION_CODES);

const KIND: ReadonlyMap<string, BenefitKind> = /* @__PURE__ */ codeMap<BenefitKind>({
  '1': 'active',
  '2': 'active',
  '3': 'active',
  '4': 'active',
  '5': 'active',
  '6': 'inactive',
  '7': 'inactive',
  '8': 'inactive',
  A: 'coinsurance',
  B: 'copay',
  C: 'deductible',
  G: 'out-of-pocket',
  E: 'limitation',
  F: 'limitation',
  M: 'limitation',
  O: 'limitation',
  Q: 'limitation',
  H: 'unlimited',
  I: 'non-covered',
  R: 'other-payer',
  L: 'primary-care-provider',
  MC: 'contact-entity',
  N: 'contact-entity',
  U: 'contact-entity',
  X: 'contact-entity',
  V: 'cannot-process',
  Y: 'spend-down',
  K: 'reserve',
});

const STATUS: ReadonlyMap<string, NonNullable<BenefitFact['status']>> = /* @__PURE__ */ codeMap<
  NonNullable<BenefitFact['status']>
>({
  '1': 'active',
  '2': 'active-capitated',
  '3': 'active-capitated',
  '4': 'active-capitated',
  '5': 'active-pending',
  '6': 'inactive',
  '7': 'inactive-pending',
  '8': 'inactive-pending',
});

/**
 * EB01 → normalized kind (insurance.md §3.1 "Category"); codes outside 5010 are `non-standard`.
 *
 * @example
 * benefitKind('C'); // 'deductible'
 */
export const benefitKind = (code: string): BenefitKind =>
  KIND.get(code) ?? (BENEFIT_CODES.has(code) ? 'info' : 'non-standard');

/**
 * EB01 1-8 → status of the coverage line.
 *
 * @example
 * benefitStatus('2'); // 'active-capitated'
 */
export const benefitStatus = (code: string): BenefitFact['status'] => STATUS.get(code);

const ROLE: ReadonlyMap<string, AmountRole> = /* @__PURE__ */ codeMap<AmountRole>({
  '29': 'remaining',
  '33': 'remaining',
  '24': 'used',
  '6': 'per-occurrence',
  '7': 'per-occurrence',
  '13': 'per-occurrence',
  '27': 'per-occurrence',
  '36': 'per-occurrence',
  '30': 'other',
  '31': 'other',
});

/**
 * EB06 → what the amount is: 29/33 remaining, 24 used (YTD), per visit/day/admission, else a total.
 *
 * @example
 * amountRole('29'); // 'remaining'
 */
export const amountRole = (period: string): AmountRole =>
  period === '' ? 'unspecified' : (ROLE.get(period) ?? 'total');

const RETRY: ReadonlyMap<string, RetryPolicy> = /* @__PURE__ */ codeMap<RetryPolicy>({
  C: 'correct-and-resubmit',
  N: 'do-not-resubmit',
  P: 'resubmit-original',
  R: 'may-resubmit',
  S: 'wait-third-party',
  W: 'wait-30-days',
  X: 'wait-10-days',
  Y: 'wait-for-payer',
});

/**
 * AAA04 → retry policy (insurance.md §3.8).
 *
 * @example
 * retryPolicy('Y'); // 'wait-for-payer'
 */
export const retryPolicy = (followUp: string): RetryPolicy => RETRY.get(followUp) ?? 'unknown';

/**
 * AAA03 name, or `Non-standard code`.
 *
 * @example
 * rejectReasonName('75'); // 'Subscriber/Insured Not Found'
 */
export const rejectReasonName = (code: string): string => REJECT_REASONS.get(code) ?? 'Non-standard code';

/**
 * AAA04 name, or `Non-standard code`.
 *
 * @example
 * followUpName('C'); // 'Please Correct and Resubmit'
 */
export const followUpName = (code: string): string => FOLLOW_UPS.get(code) ?? 'Non-standard code';

const NETWORK: ReadonlyMap<string, EligibilityNetwork> = /* @__PURE__ */ codeMap<EligibilityNetwork>({
  Y: 'in',
  N: 'out',
  W: 'both',
  U: 'unknown',
});

/**
 * EB12 → network tier: W is both networks, U unknown, absent unspecified (T9).
 *
 * @example
 * benefitNetwork('W'); // 'both'
 */
export const benefitNetwork = (code: string): EligibilityNetwork =>
  code === '' ? 'unspecified' : (NETWORK.get(code.toUpperCase()) ?? 'unknown');

// The four answers, built once (one per EB otherwise); frozen, as callers share them.
const REQUIRED = /* @__PURE__ */ Object.freeze({ required: true } as const);
const NOT_REQUIRED = /* @__PURE__ */ Object.freeze({ required: false } as const);
const UNDECIDED = /* @__PURE__ */ Object.freeze({
  required: 'unknown',
  reason: 'the payer answered U: it cannot decide without diagnosis or place of service',
} as const);
const NOT_SENT = /* @__PURE__ */ Object.freeze({
  required: 'unknown',
  reason: 'the authorization indicator was not sent (absent does not mean not required)',
} as const);

/**
 * EB11 → tri-state, with the reason when unknown (T8: absent is not "not required").
 *
 * @example
 * authorization(''); // { required: 'unknown', reason: '...' }
 */
export const authorization = (
  code: string,
): { readonly required: true | false | 'unknown'; readonly reason?: string } => {
  if (code === 'Y' || code === 'y') return REQUIRED;
  if (code === 'N' || code === 'n') return NOT_REQUIRED;
  if (code === 'U' || code === 'u') return UNDECIDED;
  return NOT_SENT;
};

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a Gregorian month (1-12): February has 29 in years divisible by 4, except centuries not divisible by 400. */
const daysInMonth = (year: number, month: number): number =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : (MONTH_DAYS[month - 1] ?? 0);

const DIGIT_0 = 48;
/** The number written by the digits of `v` from `a` to `b`, or -1 if any is not an ASCII digit. */
const digits = (v: string, a: number, b: number): number => {
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = v.charCodeAt(i) - DIGIT_0;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

/**
 * CCYYMMDD → YYYY-MM-DD, or undefined when not a real calendar date. Read digit by digit (no
 * regular expression, no match array): every DTP and DMG date of an interchange goes through it.
 *
 * @example
 * x12Date('20260230'); // undefined
 */
export const x12Date = (value: string): string | undefined => {
  const v = value.length === 8 ? value : value.trim();
  if (v.length !== 8) return undefined;
  const year = digits(v, 0, 4);
  const month = digits(v, 4, 6);
  const day = digits(v, 6, 8);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
};

/**
 * A DTP D8 or RD8 value → inclusive date range, or undefined.
 *
 * @example
 * x12DateRange('RD8', '20260101-20261231'); // { start: '2026-01-01', end: '2026-12-31' }
 */
export const x12DateRange = (format: string, value: string): { start: string; end: string } | undefined => {
  if (format === 'RD8' || value.includes('-')) {
    const [a = '', b = ''] = value.split('-');
    const start = x12Date(a);
    const end = x12Date(b);
    return start && end ? { start, end } : undefined;
  }
  const day = x12Date(value);
  return day ? { start: day, end: day } : undefined;
};

/**
 * EB07 dollars → cents, exactly; negative or malformed → undefined.
 *
 * @example
 * x12Cents('10.5'); // 1050
 */
export const x12Cents = (text: string): Cents | undefined => {
  const r = parseDollars(text);
  return r._tag === 'Right' && r.right >= 0 ? r.right : undefined;
};

/**
 * The summary status of a response: `error` if the payer rejected the request (an AAA is never
 * inactive coverage), else `active` if any EB01 1-5, else `inactive` if any 6-8, else `unknown`.
 *
 * @example
 * eligibilityStatusOf([], [{ kind: 'active' }]); // 'active'
 */
export const eligibilityStatusOf = (
  rejections: readonly EligibilityRejection[],
  benefits: readonly Pick<BenefitFact, 'kind'>[],
): EligibilityStatus => {
  if (rejections.length > 0) return 'error';
  if (benefits.some((b) => b.kind === 'active')) return 'active';
  if (benefits.some((b) => b.kind === 'inactive')) return 'inactive';
  return 'unknown';
};

/**
 * The visit count a limitation line states, from EB09/EB10 (`VS`) or, as some payers send it, from
 * an HSD delivery pattern (HSD01 `VS`, HSD02 quantity, HSD05 period: `29` remaining, else a total).
 *
 * @example
 * visitCount({ quantity: { qualifier: 'VS', value: 20 }, amountRole: 'total', deliveries: [] }); // { role: 'total', visits: 20 }
 */
export const visitCount = (
  b: Pick<BenefitFact, 'quantity' | 'amountRole' | 'deliveries'>,
): { readonly role: 'total' | 'remaining'; readonly visits: number } | undefined => {
  if (b.quantity?.qualifier === 'VS') {
    if (b.amountRole === 'remaining') return { role: 'remaining', visits: b.quantity.value };
    if (b.amountRole === 'total' || b.amountRole === 'unspecified')
      return { role: 'total', visits: b.quantity.value };
  }
  const hsd = b.deliveries.find((d) => d[0] === 'VS' && d[1] !== undefined && Number.isFinite(Number(d[1])));
  if (!hsd) return undefined;
  return { role: hsd[4] === '29' || hsd[4] === '33' ? 'remaining' : 'total', visits: Number(hsd[1]) };
};
