/**
 * Answers the front desk's question for one visit: is this person covered on this date, for this
 * service, with this provider; and if not, why and what to do next. Reads a normalized 271 (or a
 * stored Coverage record) and never guesses: what the payer did not say comes back `'unknown'`.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import type { Either } from '../core/result.js';
import { IsoDateSchema } from '../core/calendar.js';
import { factWindow, windowContains } from './eligibilityDates.js';
import type { BenefitFact, EligibilityProvenance, EligibilityResponse } from './eligibilityModel.js';
import type { Coverage, Requirement } from './model.js';
import { INSURANCE_TYPE_CODES } from './x12/codes.js';
import { visitCount } from './x12/values.js';

/**
 * The visit to check: service type (X12 EB03 code; `30` for the plan in general), date of service,
 * and whether the rendering provider is in the payer's network (an input: a 271 rarely says).
 *
 * @example
 * parseEligibilityQuery({ serviceType: '98', dateOfService: '2026-11-23', providerNetwork: 'in' });
 */
export const EligibilityQuerySchema = /* @__PURE__ */ z.object({
  serviceType: z.string().check(z.minLength(1), z.maxLength(2)),
  dateOfService: IsoDateSchema,
  providerNetwork: z.enum(['in', 'out', 'unknown']),
  /** Visits of this service type planned in this check (visit limits), default 1. */
  visits: z._default(z.int().check(z.gte(1)), 1),
});

/**
 * A visit to check.
 *
 * @example
 * const q: EligibilityQuery = { serviceType: '98', dateOfService: '2026-11-23', providerNetwork: 'in' };
 */
export interface EligibilityQuery extends z.input<typeof EligibilityQuerySchema> {}

/**
 * Parses a visit query.
 *
 * @param input - anything
 * @returns `Right(EligibilityQuery)` or `Left(ValidationError)` naming the fields
 * @example
 * parseEligibilityQuery({ serviceType: '98', dateOfService: '2026-11-23', providerNetwork: 'out' });
 */
export const parseEligibilityQuery = (
  input: unknown,
): Either<ValidationError, z.output<typeof EligibilityQuerySchema>> =>
  parseWith('EligibilityQuery', EligibilityQuerySchema, input);

/** Why a visit is not plainly eligible. */
export type EligibilityReasonCode =
  | 'eligibility.payer-rejected'
  | 'eligibility.inactive-on-date'
  | 'eligibility.service-not-covered'
  | 'eligibility.out-of-network'
  | 'eligibility.other-payer'
  | 'eligibility.visit-limit-exhausted'
  | 'eligibility.referral-required'
  | 'eligibility.prior-auth-required'
  | 'eligibility.unknown';

/**
 * One reason, what it blocks, and the next step for the front desk.
 *
 * @example
 * const r: EligibilityReason = { code: 'eligibility.out-of-network', effect: 'not-eligible', message: 'the plan (HM) has no out-of-network benefit for service type 98', nextStep: 'refer to an in-network provider or collect self-pay' };
 */
export interface EligibilityReason {
  /** Stable code. */
  readonly code: EligibilityReasonCode;
  /** `not-eligible` blocks the visit under this coverage; `needs-action` needs a step first. */
  readonly effect: 'not-eligible' | 'needs-action';
  /** What the payer said, naming codes and rules (no patient values). */
  readonly message: string;
  /** What to do next. */
  readonly nextStep: string;
  /** The segment that says so, when one does. */
  readonly provenance?: EligibilityProvenance;
}

/**
 * The answer for one visit.
 *
 * @example
 * const c = checkEligibility(response, { serviceType: '98', dateOfService: '2026-11-23', providerNetwork: 'in', visits: 1 });
 * c.outcome; // 'eligible' | 'not-eligible' | 'needs-action'
 */
export interface EligibilityCheck {
  /** The verdict: `not-eligible` if any reason blocks, `needs-action` if any needs a step, else `eligible`. */
  readonly outcome: 'eligible' | 'not-eligible' | 'needs-action';
  /** Every reason found, blocking ones first. */
  readonly reasons: readonly EligibilityReason[];
  /** Coverage on the date of service. */
  readonly coverageStatus: 'active' | 'inactive' | 'error' | 'unknown';
  /** Prior authorization for this service: EB11 on the matching benefits, AAA MA/AE; else unknown. */
  readonly priorAuthorization: Requirement;
  /** Referral: coded nowhere in 5010 EB; read from AAA AE and MSG text, else unknown. */
  readonly referral: Requirement;
  /** Benefit facts for this service type and network (specific STC lines, else the STC 30 lines). */
  readonly benefits: readonly BenefitFact[];
}

const EMERGENCY = new Set(['86', '51', '52']);
const NO_OON = new Set(['HM', 'EP']);

/** The facts of some kinds for the service: lines naming the STC, else the generic (30 or none) lines. */
const forService = (benefits: readonly BenefitFact[], stc: string, kinds: readonly BenefitFact['kind'][]) => {
  const ofKind = benefits.filter((b) => kinds.includes(b.kind));
  const specific = ofKind.filter((b) => b.serviceTypes.includes(stc));
  return specific.length > 0
    ? specific
    : ofKind.filter((b) => b.serviceTypes.length === 0 || b.serviceTypes.includes('30'));
};

const networkMatches = (b: BenefitFact, provider: EligibilityQuery['providerNetwork']): boolean =>
  b.network === 'both' ||
  b.network === 'unspecified' ||
  b.network === 'unknown' ||
  provider === 'unknown' ||
  b.network === provider;

const retryStep: Readonly<Record<string, string>> = {
  'correct-and-resubmit': 'correct the request data named by the reason and resubmit',
  'do-not-resubmit': 'do not resubmit; verify coverage with the payer by phone',
  'resubmit-original': 'resubmit the original request unchanged',
  'may-resubmit': 'resubmit the request',
  'wait-third-party': 'do not resubmit; the payer is asking a third party',
  'wait-30-days': 'wait 30 days and resubmit',
  'wait-10-days': 'wait 10 days and resubmit',
  'wait-for-payer': 'do not resubmit; the payer will respond again shortly',
  unknown: 'contact the payer',
};

/** Status on the date: the status line with the latest start among those in effect wins (T2, T3). */
const statusOn = (r: EligibilityResponse, q: EligibilityQuery) => {
  const lines = forService(r.benefits, q.serviceType, ['active', 'inactive']);
  const dates = r.member?.dates ?? [];
  const inEffect = lines
    .map((b) => ({ b, w: factWindow(b, dates) }))
    .filter((x) => windowContains(x.w, q.dateOfService))
    .sort((x, y) => (y.w.start ?? '').localeCompare(x.w.start ?? '') || (x.b.kind === 'inactive' ? -1 : 1));
  return { lines, winner: inEffect[0]?.b };
};

const hasText = (b: BenefitFact, re: RegExp): boolean => b.messages.some((m) => re.test(m));

const referralOf = (benefits: readonly BenefitFact[]): Requirement => {
  if (benefits.some((b) => b.rejections.some((x) => x.reason === 'AE')))
    return {
      required: true,
      reason: 'the payer answered AAA AE: primary care physician authorization required',
    };
  if (benefits.some((b) => hasText(b, /referral\s+(is\s+)?required/i)))
    return { required: true, reason: 'a benefit message says a referral is required' };
  if (benefits.some((b) => hasText(b, /no\s+referral|referral\s+not\s+required/i)))
    return { required: false, reason: 'a benefit message says no referral is required' };
  return { required: 'unknown', reason: '5010 has no coded referral flag and no message says' };
};

const priorAuthOf = (benefits: readonly BenefitFact[]): Requirement => {
  if (benefits.some((b) => b.rejections.some((x) => x.reason === 'MA')))
    return { required: true, reason: 'the payer answered AAA MA: missing authorization' };
  if (benefits.some((b) => b.authorizationRequired === true))
    return { required: true, reason: 'EB11 is Y on a benefit for this service' };
  const flagged = benefits.filter((b) => b.authorizationRequired === false);
  if (flagged.length > 0 && flagged.length === benefits.length)
    return { required: false, reason: 'EB11 is N on every benefit for this service' };
  // Benefit lines (copay, deductible, ...) carry the payer's answer more often than status lines.
  const why = [...benefits.filter((b) => b.kind !== 'active'), ...benefits].find(
    (b) => b.authorizationReason,
  )?.authorizationReason;
  return { required: 'unknown', reason: why ?? 'no benefit for this service states it' };
};

const fromCoverage = (c: Coverage, q: EligibilityQuery): EligibilityCheck => {
  const active =
    c.effective.start <= q.dateOfService && (c.effective.end === null || q.dateOfService <= c.effective.end);
  const unknown = {
    required: 'unknown' as const,
    reason: 'a stored coverage record does not say; check eligibility (270/271)',
  };
  return {
    outcome: active ? 'eligible' : 'not-eligible',
    reasons: active
      ? []
      : [
          {
            code: 'eligibility.inactive-on-date',
            effect: 'not-eligible',
            message: 'the date of service is outside the coverage effective period',
            nextStep: 'ask for current insurance or collect self-pay',
          },
        ],
    coverageStatus: active ? 'active' : 'inactive',
    priorAuthorization: unknown,
    referral: unknown,
    benefits: [],
  };
};

/** 2120 NM101 entity identifier codes of the 5010 271 (insurance reference §3.10). */
const ENTITY_ROLES: ReadonlySet<string> = /* @__PURE__ */ new Set(
  '13 1I 1P 2B 36 73 FA GP GW I3 IL LR OC P3 P4 P5 PR PRP SEP TTP VER VN VY X3 Y2'.split(' '),
);

/** The entity of an EB*R line: its NM101 when that is a 5010 code, never another element value. */
const entityWords = (role: string | undefined): string =>
  role === undefined
    ? 'no 2120 entity names it'
    : ENTITY_ROLES.has(role)
      ? `entity ${role}`
      : 'named in the 2120 entity loop';

const rejectionReasons = (r: EligibilityResponse): EligibilityReason[] =>
  r.rejections.map((x) => ({
    code: 'eligibility.payer-rejected',
    effect: 'needs-action',
    // Codes are quoted only when they are 5010 codes: anything else in the element is not repeated.
    message: `the payer rejected the inquiry in loop ${x.loop}: ${
      x.standard ? `AAA03 ${x.reason} (${x.reasonName})` : 'an AAA03 reason outside the 5010 list'
    }, follow-up ${x.retry === 'unknown' ? 'not a 5010 code or not sent' : `${x.followUp} (${x.followUpName})`}`,
    nextStep: retryStep[x.retry] ?? 'contact the payer',
    provenance: x.provenance,
  }));

const serviceReasons = (
  r: EligibilityResponse,
  q: EligibilityQuery,
  out: EligibilityReason[],
): BenefitFact[] => {
  const stc = q.serviceType;
  const excluded = r.benefits.filter((b) => b.kind === 'non-covered' && b.serviceTypes.includes(stc));
  for (const b of excluded) {
    const oonOnly = b.network === 'out';
    if (oonOnly && q.providerNetwork !== 'out') continue;
    out.push({
      code: oonOnly ? 'eligibility.out-of-network' : 'eligibility.service-not-covered',
      effect: 'not-eligible',
      message: `EB*I: service type ${stc} is not covered${oonOnly ? ' out of network' : ''}`,
      nextStep: oonOnly
        ? 'refer to an in-network provider or collect self-pay'
        : 'tell the patient before the visit; collect self-pay if they proceed',
      provenance: b.provenance,
    });
  }
  for (const b of r.benefits.filter(
    (x) => x.kind === 'other-payer' && x.serviceTypes.includes(stc) && stc !== '30',
  ))
    out.push({
      code: 'eligibility.other-payer',
      effect: 'not-eligible',
      message: `EB*R: service type ${stc} is handled by another payer (${entityWords(b.entities[0]?.role)})`,
      nextStep: 'bill the payer named in the benefit entity loop (2120), not this one',
      provenance: b.provenance,
    });
  const generalOther = r.benefits.find(
    (b) => b.kind === 'other-payer' && (b.serviceTypes.length === 0 || b.serviceTypes.includes('30')),
  );
  if (generalOther)
    out.push({
      code: 'eligibility.other-payer',
      effect: 'needs-action',
      message: `EB*R: the payer reports other coverage (insurance type ${
        generalOther.insuranceType !== undefined &&
        Object.hasOwn(INSURANCE_TYPE_CODES, generalOther.insuranceType)
          ? generalOther.insuranceType
          : 'not sent or not a 5010 code'
      })`,
      nextStep: 'confirm the order of benefits before billing',
      provenance: generalOther.provenance,
    });
  const costLines = forService(r.benefits, stc, [
    'copay',
    'coinsurance',
    'deductible',
    'out-of-pocket',
    'limitation',
    'active',
  ]);
  const matching = costLines.filter((b) => networkMatches(b, q.providerNetwork));
  if (q.providerNetwork === 'out' && !EMERGENCY.has(stc)) {
    const oonAaa = r.benefits.flatMap((b) => b.rejections).find((x) => x.reason === '35');
    const hmo = r.benefits.find((b) => b.insuranceType !== undefined && NO_OON.has(b.insuranceType));
    const priced = costLines.filter((b) => b.kind !== 'active');
    const onlyIn = priced.length > 0 && priced.every((b) => b.network === 'in');
    if (
      oonAaa ||
      (hmo && onlyIn) ||
      (hmo && !priced.some((b) => b.network === 'out' || b.network === 'both'))
    )
      out.push({
        code: 'eligibility.out-of-network',
        effect: 'not-eligible',
        message: oonAaa
          ? 'the payer answered AAA 35: out of network'
          : `the plan (insurance type ${hmo?.insuranceType ?? ''}) lists no out-of-network benefit for service type ${stc}`,
        nextStep: 'refer to an in-network provider, or collect self-pay with a signed waiver',
        ...(oonAaa ? { provenance: oonAaa.provenance } : hmo ? { provenance: hmo.provenance } : {}),
      });
  }
  for (const b of forService(r.benefits, stc, ['limitation'])) {
    const count = visitCount(b);
    if (count?.role !== 'remaining' || !networkMatches(b, q.providerNetwork)) continue;
    if (count.visits < (q.visits ?? 1))
      out.push({
        code: 'eligibility.visit-limit-exhausted',
        effect: 'not-eligible',
        message: `EB*F: ${count.visits} visit(s) remain for service type ${stc}, ${q.visits ?? 1} planned`,
        nextStep: 'tell the patient the visits past the limit are not covered; ask about an exception',
        provenance: b.provenance,
      });
  }
  return matching;
};

/**
 * Checks one visit against a normalized eligibility response (or a stored Coverage record):
 * eligible, not eligible, or needs action, with coded reasons and the next step for each.
 *
 * Order of reading (insurance.md §4): payer rejections (AAA) first: an error is never inactive
 * coverage; then the status on the date of service (2110 dates override 2100 dates; among the
 * status lines in effect, the one with the latest start wins, so a dated `EB*6` inside an older
 * `EB*1` reads inactive on its dates); then non-covered (`EB*I`), another payer (`EB*R`), network
 * (EB12, AAA 35, HMO/EPO plans without out-of-network lines; emergency STCs 86/51/52 exempt), visit
 * limits (`EB*F` remaining visits), referral and prior authorization (tri-state: absent EB11 is
 * `'unknown'`, never `false`). Dates are calendar dates; no clock is read.
 *
 * @param source - a normalized response (from {@link read271} or a clearinghouse adapter) or a Coverage
 * @param query - service type, date of service (YYYY-MM-DD), provider network status, visits planned
 * @returns the verdict, reasons, coverage status on the date, prior auth and referral requirements,
 *   and the matching benefit facts
 * @example
 * const r = read271(text);
 * if (r._tag === 'Right') checkEligibility(r.right.responses[0]!, { serviceType: '98', dateOfService: '2026-11-23', providerNetwork: 'in', visits: 1 });
 */
export const checkEligibility = (
  source: EligibilityResponse | Coverage,
  query: EligibilityQuery,
): EligibilityCheck => {
  if (!('benefits' in source) || !('rejections' in source)) return fromCoverage(source, query);
  const r = source;
  const reasons: EligibilityReason[] = rejectionReasons(r);
  const { lines, winner } = statusOn(r, query);
  let coverageStatus: EligibilityCheck['coverageStatus'] = r.rejections.length > 0 ? 'error' : 'unknown';
  let benefits: BenefitFact[] = [];
  if (r.rejections.length === 0) {
    if (winner?.kind === 'active') coverageStatus = 'active';
    else if (winner || lines.length > 0) {
      coverageStatus = 'inactive';
      reasons.push({
        code: 'eligibility.inactive-on-date',
        effect: 'not-eligible',
        message: winner
          ? `EB01 ${winner.code}: coverage is inactive on the date of service`
          : 'no coverage line is in effect on the date of service (plan or eligibility dates exclude it)',
        nextStep: 'ask for current insurance, verify dates with the payer, or collect self-pay',
        ...(winner ? { provenance: winner.provenance } : {}),
      });
    } else
      reasons.push({
        code: 'eligibility.unknown',
        effect: 'needs-action',
        message: 'the response has no coverage status line (EB01 1-8) for this service',
        nextStep: 'call the payer to verify coverage',
      });
    if (coverageStatus === 'active') benefits = serviceReasons(r, query, reasons);
  }
  const priorAuthorization = priorAuthOf(benefits);
  const referral = referralOf(benefits);
  if (priorAuthorization.required === true)
    reasons.push({
      code: 'eligibility.prior-auth-required',
      effect: 'needs-action',
      message: priorAuthorization.reason ?? 'prior authorization required',
      nextStep: 'obtain prior authorization before the service',
    });
  if (referral.required === true)
    reasons.push({
      code: 'eligibility.referral-required',
      effect: 'needs-action',
      message: referral.reason ?? 'referral required',
      nextStep: 'obtain a referral from the primary care provider before the visit',
    });
  reasons.sort((a, b) => (a.effect === b.effect ? 0 : a.effect === 'not-eligible' ? -1 : 1));
  const outcome = reasons.some((x) => x.effect === 'not-eligible')
    ? 'not-eligible'
    : reasons.length > 0
      ? 'needs-action'
      : 'eligible';
  return { outcome, reasons, coverageStatus, priorAuthorization, referral, benefits };
};
