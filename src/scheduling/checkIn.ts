/**
 * The check-in desk: one verdict per visit that combines the chart's readiness (records), the
 * coverage for the visit's service (insurance eligibility), the referral's authorization for this
 * visit (referrals) and the amount to collect (insurance cost share), each as coded items.
 */
import type { Cents } from '../core/money.js';
import { toWallClock, type IanaZone } from '../core/time.js';
import { instantToMs, type IsoInstant } from '../core/calendar.js';
import type { Accumulators, BenefitSet, ClaimLine, Coverage } from '../insurance/model.js';
import { estimateCostShare, type CostShareEstimate, type CostShareOptions } from '../insurance/costShare.js';
import { collectAtCheckIn, type CheckInPolicy } from '../insurance/checkInCollection.js';
import { checkEligibility, type EligibilityCheck, type EligibilityQuery } from '../insurance/eligibility.js';
import type { EligibilityResponse } from '../insurance/eligibilityModel.js';
import type { Patient } from '../records/model.js';
import { checkInReadiness, type CheckInContext, type CheckInReadiness } from '../records/readiness.js';
import type { Authorization } from '../referrals/model.js';
import {
  authorizationStatus,
  type AuthorizationStatus,
  type ReferralAppointment,
} from '../referrals/validity.js';
import type { Appointment } from './model.js';

/** The part of the verdict an item belongs to. */
export type CheckInArea = 'appointment' | 'record' | 'eligibility' | 'authorization' | 'payment';

/** Codes of check-in items. */
export type CheckInItemCode =
  | 'checkin.status'
  | 'checkin.after-end'
  | 'checkin.record-ready'
  | 'checkin.record'
  | 'checkin.eligible'
  | 'checkin.self-pay'
  | 'checkin.not-eligible'
  | 'checkin.eligibility-action'
  | 'checkin.eligibility-unchecked'
  | 'checkin.authorization-covers'
  | 'checkin.authorization-not-covering'
  | 'checkin.authorization-inactive'
  | 'checkin.authorization-missing'
  | 'checkin.authorization-unknown'
  | 'checkin.collect'
  | 'checkin.collect-unknown';

/** One line of the verdict: `blocking` stops check-in, `warning` should be looked at, `ok` is done. */
export interface CheckInItem {
  readonly code: CheckInItemCode;
  readonly area: CheckInArea;
  readonly severity: 'ok' | 'warning' | 'blocking';
  /** Names fields and rules, never patient values. */
  readonly message: string;
  /** The code of the source module that caused it (`readiness.consent-missing`, `eligibility.out-of-network`, ...). */
  readonly source?: string;
  readonly nextStep?: string;
}

/** What the front desk knows about the visit, by area; an absent area is reported, not guessed. */
export interface CheckInSources {
  /** The clinic's zone: the visit's local date (readiness, eligibility) is read in it. */
  readonly zone: IanaZone;
  readonly patient: Patient;
  readonly readinessPolicy?: CheckInContext;
  /** A normalized 271 response or a stored Coverage, and the visit's service type and network. */
  readonly eligibility?: {
    readonly source: EligibilityResponse | Coverage;
    readonly serviceType: string;
    readonly providerNetwork: EligibilityQuery['providerNetwork'];
  };
  /** The patient pays themselves: no coverage check is needed. */
  readonly selfPay?: boolean;
  /** The authorization the visit falls under, and the other appointments counted against it. */
  readonly authorization?: {
    readonly authorization: Authorization;
    readonly appointments: readonly ReferralAppointment[];
  };
  /** Set when the practice knows (payer rules, referral); else read from the eligibility answer. */
  readonly authorizationRequired?: boolean;
  /** The visit's expected claim lines, benefits and accumulators, and the office collection policy. */
  readonly costShare?: {
    readonly lines: readonly ClaimLine[];
    readonly benefits: BenefitSet;
    readonly accumulators: Accumulators;
    readonly options: CostShareOptions;
    readonly policy: CheckInPolicy;
  };
}

/** The verdict: ready or not, every item (blocking first), and the amount to collect. */
export interface CheckInVerdict {
  readonly appointment: Appointment['id'];
  /** True when no item is blocking. Pass the verdict to the `check-in` transition. */
  readonly ready: boolean;
  readonly items: readonly CheckInItem[];
  /** Amount to collect now, or `'unknown'` when no estimate could be made (see the items). */
  readonly collectNow: Cents | 'unknown';
  readonly readiness: CheckInReadiness;
  readonly eligibility?: EligibilityCheck;
  readonly authorization?: AuthorizationStatus;
  readonly estimate?: CostShareEstimate;
}

const SEVERITY = { blocking: 0, warning: 1, ok: 2 } as const;

const item = (
  area: CheckInArea,
  code: CheckInItemCode,
  severity: CheckInItem['severity'],
  message: string,
  extra: { source?: string; nextStep?: string } = {},
): CheckInItem => ({ code, area, severity, message, ...extra });

const AUTH_REASONS = new Set(['eligibility.prior-auth-required', 'eligibility.referral-required']);

const eligibilityItems = (
  sources: CheckInSources,
  date: string,
): { items: CheckInItem[]; check?: EligibilityCheck } => {
  if (sources.selfPay === true)
    return {
      items: [item('eligibility', 'checkin.self-pay', 'ok', 'self-pay visit: no coverage check needed')],
    };
  const e = sources.eligibility;
  if (!e)
    return {
      items: [
        item(
          'eligibility',
          'checkin.eligibility-unchecked',
          'blocking',
          'eligibility: no answer from the payer for this visit',
          {
            nextStep:
              'run an eligibility check (270/271) for the date of service, or mark the visit self-pay',
          },
        ),
      ],
    };
  const check = checkEligibility(e.source, {
    serviceType: e.serviceType,
    dateOfService: date,
    providerNetwork: e.providerNetwork,
  });
  const items = check.reasons
    .filter((r) => !AUTH_REASONS.has(r.code))
    .map((r) =>
      item(
        'eligibility',
        r.effect === 'not-eligible' ? 'checkin.not-eligible' : 'checkin.eligibility-action',
        'blocking',
        r.message,
        { source: r.code, nextStep: r.nextStep },
      ),
    );
  if (items.length === 0)
    items.push(
      item(
        'eligibility',
        'checkin.eligible',
        'ok',
        `coverage active for service type ${e.serviceType} on the date of service`,
      ),
    );
  return { items, check };
};

const authorizationItems = (
  appointment: Appointment,
  sources: CheckInSources,
  check: EligibilityCheck | undefined,
  at: IsoInstant,
): { items: CheckInItem[]; status?: AuthorizationStatus } => {
  const required =
    sources.authorizationRequired ??
    (check?.priorAuthorization.required === true || check?.referral.required === true
      ? true
      : check?.priorAuthorization.required === false && check.referral.required === false
        ? false
        : 'unknown');
  const a = sources.authorization;
  if (!a) {
    if (required === true)
      return {
        items: [
          item(
            'authorization',
            'checkin.authorization-missing',
            'blocking',
            'authorization: required for this visit and none is on file',
            {
              nextStep: 'obtain the referral / prior authorization before the visit, or reschedule',
            },
          ),
        ],
      };
    return {
      items:
        required === 'unknown'
          ? [
              item(
                'authorization',
                'checkin.authorization-unknown',
                'warning',
                'authorization: the payer answer does not say whether one is required',
                {
                  nextStep: 'check the payer rules for this service',
                },
              ),
            ]
          : [],
    };
  }
  const self: ReferralAppointment = {
    id: appointment.id,
    start: appointment.start as IsoInstant,
    status: appointment.status,
  };
  const status = authorizationStatus(
    a.authorization,
    [...a.appointments.filter((x) => x.id !== appointment.id), self],
    at,
  );
  if (status._tag === 'Left')
    return {
      items: [
        item('authorization', 'checkin.authorization-inactive', 'blocking', status.left.message, {
          source: status.left.code,
          nextStep: 'follow up with the payer on the authorization decision',
        }),
      ],
    };
  const row = status.right.visits.find((v) => v.appointment === appointment.id);
  const covered = row?.coverage === 'covered';
  return {
    status: status.right,
    items: [
      covered
        ? item(
            'authorization',
            'checkin.authorization-covers',
            'ok',
            `authorization covers this visit (${status.right.used} of ${status.right.granted} visits used so far)`,
          )
        : item(
            'authorization',
            'checkin.authorization-not-covering',
            'blocking',
            `authorization does not cover this visit: ${row?.coverage ?? 'not-listed'}`,
            {
              source: row?.coverage ?? 'not-listed',
              nextStep:
                row?.coverage === 'outside-window'
                  ? 'request an extension of the authorization (UM02 4)'
                  : 'request a renewal with more visits (UM02 R)',
            },
          ),
    ],
  };
};

const amountUnknown = (
  message: string,
  nextStep: string,
  source?: string,
): { items: CheckInItem[]; collectNow: 'unknown' } => ({
  collectNow: 'unknown',
  items: [
    item('payment', 'checkin.collect-unknown', 'warning', message, {
      nextStep,
      ...(source === undefined ? {} : { source }),
    }),
  ],
});

const paymentItems = (
  sources: CheckInSources,
  notEligible: boolean,
): { items: CheckInItem[]; collectNow: Cents | 'unknown'; estimate?: CostShareEstimate } => {
  const c = sources.costShare;
  if (!c)
    return amountUnknown(
      'costShare: no claim lines or benefits given, so no estimate',
      'estimate the visit cost share, or collect per the office policy',
    );
  if (notEligible)
    return amountUnknown(
      'costShare: the coverage is not eligible for this visit, so its benefits do not apply',
      'get current insurance and estimate again, or collect the self-pay rate',
    );
  const estimate = estimateCostShare(c.lines, c.benefits, c.accumulators, c.options);
  if (estimate._tag === 'Left')
    return amountUnknown(
      estimate.left.message,
      'fix the benefit set or claim lines, or collect per the office policy',
      estimate.left.code,
    );
  const collection = collectAtCheckIn(estimate.right, c.policy);
  return {
    collectNow: collection.collectNow,
    estimate: estimate.right,
    items: [item('payment', 'checkin.collect', 'ok', collection.reason)],
  };
};

/**
 * Prepares a visit's check-in: one verdict from the four front-desk checks, each item coded.
 *
 * - appointment: it must be `booked` or `arrived` (blocking); checking in after its end is a
 *   warning;
 * - record: `checkInReadiness` of the chart on the visit's local date (in `sources.zone`); each
 *   readiness item keeps its severity and code (`source`);
 * - eligibility: `checkEligibility` for the visit's service type and date; not-eligible and
 *   needs-action reasons block (prior-auth and referral reasons are judged by the authorization
 *   check instead); no answer blocks unless the visit is self-pay;
 * - authorization: when one is given, `authorizationStatus` with this visit counted in start order
 *   among the others: covered, or blocking with the reason (outside the window: ask for an
 *   extension; no visits left: a renewal); when none is given, blocking if required, a warning if
 *   the payer's answer leaves it `'unknown'`;
 * - payment: `estimateCostShare` then `collectAtCheckIn` under the office policy (integer cents);
 *   without inputs, or when the coverage is not eligible (its benefits do not apply), the amount
 *   is `'unknown'` (warning), never a guessed zero.
 *
 * Items are ordered blocking, then warning, then ok; `ready` is true when no item blocks. Pass
 * the verdict to `transitionAppointment(appointment, { type: 'check-in', clearance: { kind:
 * 'verdict', verdict } }, at)`, or override with a reason.
 *
 * @param appointment - the visit (needs a start)
 * @param sources - zone, chart, eligibility answer, authorization, cost-share inputs
 * @param at - the check-in instant
 * @returns the verdict (never fails: every problem is an item)
 * @example
 * const verdict = prepareCheckIn(appointment, { zone: zone('America/New_York'), patient, eligibility: { source: response, serviceType: '98', providerNetwork: 'in' } }, isoInstant('2026-11-23T13:50:00Z'));
 * verdict.ready; // false
 * verdict.items[0]; // { code: 'checkin.record', area: 'record', severity: 'blocking', source: 'readiness.consent-missing', ... }
 */
export const prepareCheckIn = (
  appointment: Appointment,
  sources: CheckInSources,
  at: IsoInstant,
): CheckInVerdict => {
  const items: CheckInItem[] = [];
  if (appointment.status !== 'booked' && appointment.status !== 'arrived')
    items.push(
      item(
        'appointment',
        'checkin.status',
        'blocking',
        'status: only booked or arrived visits can be checked in',
        {
          source: appointment.status,
        },
      ),
    );
  if (appointment.end !== undefined && instantToMs(at) >= instantToMs(appointment.end))
    items.push(item('appointment', 'checkin.after-end', 'warning', 'at: the visit was due to end already'));
  const date = toWallClock(instantToMs(appointment.start ?? at), sources.zone).date;
  const readiness = checkInReadiness(sources.patient, sources.readinessPolicy ?? {}, date);
  items.push(
    ...(readiness.items.length === 0
      ? [
          item(
            'record',
            'checkin.record-ready',
            'ok',
            'chart: demographics, consents and contacts are in order',
          ),
        ]
      : readiness.items.map((r) =>
          item('record', 'checkin.record', r.severity, r.message, { source: r.code }),
        )),
  );
  const elig = eligibilityItems(sources, date);
  const auth = authorizationItems(appointment, sources, elig.check, at);
  const pay = paymentItems(
    sources,
    elig.items.some((x) => x.code === 'checkin.not-eligible'),
  );
  items.push(...elig.items, ...auth.items, ...pay.items);
  const ordered = items
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITY[a.x.severity] - SEVERITY[b.x.severity] || a.i - b.i)
    .map((e) => e.x);
  return {
    appointment: appointment.id,
    ready: !ordered.some((x) => x.severity === 'blocking'),
    items: ordered,
    collectNow: pay.collectNow,
    readiness,
    ...(elig.check ? { eligibility: elig.check } : {}),
    ...(auth.status ? { authorization: auth.status } : {}),
    ...(pay.estimate ? { estimate: pay.estimate } : {}),
  };
};
