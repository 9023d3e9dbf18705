/**
 * Turns a normalized eligibility response into the inputs of the cost-share engine: a BenefitSet
 * for one service type and network (with both networks' deductible and OOP limits) and the
 * member's Accumulators, plus every assumption made where the 271 was silent.
 */
import type { DomainError } from '../core/errors.js';
import type { Cents } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import {
  resolveAccumulatorAmounts,
  type AccumulatorAmounts,
  type KnownAmount,
} from './accumulatorAmounts.js';
import { checkEligibility } from './eligibility.js';
import type { BenefitFact, EligibilityProvenance, EligibilityResponse } from './eligibilityModel.js';
import type { Accumulators, Benefit, BenefitSet, NetworkTier, TierLimits } from './model.js';
import { visitCount } from './x12/values.js';

/** How an assumption names the network tier it is about. */
const NETWORK_WORDS: Readonly<Record<NetworkTier, string>> = { in: 'in network', out: 'out of network' };

/**
 * What to build: the service type (EB03 code), the network tier of the provider, and the date of
 * service (it picks the plan year). `copayTier` picks one of several copay candidates (T7).
 *
 * @example
 * const o: EligibilityBenefitsOptions = { serviceType: '98', network: 'in', dateOfService: '2026-11-23' };
 */
export interface EligibilityBenefitsOptions {
  /** EB03 service type code. */
  readonly serviceType: string;
  /** The provider's network tier for this visit. */
  readonly network: NetworkTier;
  /** Date of service, YYYY-MM-DD. */
  readonly dateOfService: string;
  /** Index into `copayCandidates` when the payer sent several copays told apart only by text. */
  readonly copayTier?: number;
}

/**
 * One copay the payer sent for the service, with its messages and source (T7).
 *
 * @example
 * const c: CopayCandidate = { amount: cents(1000), messages: ["Patient's Primary Care Physician"], provenance: { loop: 'json', segmentIndex: 35, raw: 'benefitsInformation[35]' } };
 */
export interface CopayCandidate {
  readonly amount: Cents;
  readonly messages: readonly string[];
  readonly provenance: EligibilityProvenance;
}

/**
 * The cost-share inputs read from an eligibility response.
 *
 * @example
 * const r = benefitsFromEligibility(response, { serviceType: '98', network: 'in', dateOfService: '2026-11-23' });
 * if (r._tag === 'Right') estimateCostShare(lines, r.right.benefitSet, r.right.accumulators, { order: 'claim' });
 */
export interface EligibilityBenefits {
  /** One benefit for the service type and network, and both networks' limits. */
  readonly benefitSet: BenefitSet;
  /** Met amounts derived from total / remaining / used (T23). */
  readonly accumulators: Accumulators;
  /** Every copay sent for the service and network; the benefit uses `copayTier` or the highest. */
  readonly copayCandidates: readonly CopayCandidate[];
  /**
   * The copay for the service and network: the amount the benefit uses, or `{ unknown }` when the
   * payer sent none for that network and service (the benefit then charges no copay, and
   * `assumptions` says so: never a silent $0).
   */
  readonly copay: KnownAmount;
  /** The reported figures per network and level, as resolved (total, met, remaining, warnings). */
  readonly amounts: Readonly<
    Record<
      NetworkTier,
      {
        readonly deductible: { readonly individual: AccumulatorAmounts; readonly family: AccumulatorAmounts };
        readonly oop: { readonly individual: AccumulatorAmounts; readonly family: AccumulatorAmounts };
      }
    >
  >;
  /** Each place a default was used because the response did not say. */
  readonly assumptions: readonly string[];
}

/**
 * Why no cost-share inputs could be built: the response is a payer rejection, or shows no active
 * coverage.
 *
 * @example
 * const e: EligibilityBenefitsError = { code: 'eligibility.not-active', message: 'the response status is inactive' };
 */
export type EligibilityBenefitsError = DomainError<'eligibility.not-active'>;

const onNetwork = (b: BenefitFact, net: NetworkTier): boolean =>
  b.network === net || b.network === 'both' || b.network === 'unspecified';

/** Lines for the STC (specific ones first, else STC 30 / none), exact network lines preferred unless `anyTier`. */
const linesFor = (
  r: EligibilityResponse,
  kind: BenefitFact['kind'],
  stc: string,
  net: NetworkTier,
  anyTier = false,
): BenefitFact[] => {
  const all = r.benefits.filter((b) => b.kind === kind && onNetwork(b, net));
  const specific = all.filter((b) => b.serviceTypes.includes(stc));
  const pool =
    specific.length > 0
      ? specific
      : all.filter((b) => b.serviceTypes.length === 0 || b.serviceTypes.includes('30'));
  const exact = pool.filter((b) => b.network === net);
  return exact.length > 0 && !anyTier ? exact : pool;
};

const report = (lines: readonly BenefitFact[], scope: 'individual' | 'family') => {
  const mine = lines.filter(
    (b) => b.scope === scope || (scope === 'individual' && b.scope === 'unspecified'),
  );
  const first = (roles: readonly BenefitFact['amountRole'][]) =>
    mine.find((b) => roles.includes(b.amountRole) && b.amount !== undefined)?.amount;
  const total = first(['total', 'unspecified']);
  const remaining = first(['remaining']);
  const used = first(['used']);
  return resolveAccumulatorAmounts({
    ...(total === undefined ? {} : { total }),
    ...(remaining === undefined ? {} : { remaining }),
    ...(used === undefined ? {} : { used }),
  });
};

const known = (a: KnownAmount): Cents | undefined => (typeof a === 'number' ? a : undefined);
const ZERO = 0 as Cents;

/** A limit: the total if known, else the remaining amount with nothing met, else nothing. */
const limitOf = (a: AccumulatorAmounts): { limit?: Cents; met: Cents } => {
  const total = known(a.total);
  const met = known(a.met);
  if (total !== undefined) return { limit: total, met: met ?? ZERO };
  const remaining = known(a.remaining);
  return remaining === undefined ? { met: ZERO } : { limit: remaining, met: ZERO };
};

const planYearStartOf = (
  r: EligibilityResponse,
  date: string,
  assumptions: string[],
): { mmdd: string; start: string } => {
  const deductible = r.benefits.find((b) => b.kind === 'deductible' && b.timePeriod !== undefined);
  const begin = [...(r.member?.dates ?? []), ...r.benefits.flatMap((b) => b.dates)].find(
    (d) => d.qualifier === '346',
  );
  let mmdd = '01-01';
  if (deductible?.timePeriod === '22' && begin) mmdd = begin.start.slice(5);
  else if (deductible?.timePeriod !== '23')
    assumptions.push(
      'the plan year is assumed to be the calendar year (no EB06 23, or 22 without a plan begin date)',
    );
  const year = Number(date.slice(0, 4));
  const start = `${date.slice(5) >= mmdd ? year : year - 1}-${mmdd}`;
  return { mmdd, start };
};

const hasMessage = (lines: readonly BenefitFact[], re: RegExp): boolean =>
  lines.some((b) => b.messages.some((m) => re.test(m)));

/**
 * Builds the cost-share inputs (BenefitSet, Accumulators) for one service type and network from a
 * normalized eligibility response (from {@link read271} or {@link fromClearinghouseEligibility}).
 *
 * - Deductible and OOP: per network (exact EB12 lines first, then W/absent) and level (EB02),
 *   total (EB06 23/22/25/32, or no EB06), remaining (29/33) and used (24) reconciled by
 *   `resolveAccumulatorAmounts` (T23); met = total − remaining. A missing total with a known
 *   remaining becomes a limit of the remaining with nothing met (same arithmetic); nothing known
 *   is a $0 deductible / no OOP cap, listed in `assumptions`.
 * - The benefit: copay candidates (EB*B; several = T7, the highest unless `copayTier` picks one),
 *   coinsurance (EB*A, patient share in basis points), not covered (EB*I), visit limit (EB*F VS),
 *   deductible waived when a message says so or when a copay line has no coinsurance line
 *   (assumption), what counts to OOP from the MSG texts payers use, prior authorization and
 *   referral from {@link checkEligibility} (tri-state, never a guessed false).
 * - Plan year: calendar (EB06 23) or from the plan begin date (EB06 22, DTP 346).
 * Money in integer cents; dates as YYYY-MM-DD; no clock.
 *
 * @param response - the normalized eligibility response
 * @param options - service type, network tier, date of service, optional copay tier
 * @returns `Right(EligibilityBenefits)`, or `Left` `eligibility.not-active` when the response is a
 *   rejection or shows no active coverage
 * @example
 * const r = benefitsFromEligibility(response, { serviceType: '98', network: 'in', dateOfService: '2026-11-23' });
 */
export const benefitsFromEligibility = (
  response: EligibilityResponse,
  options: EligibilityBenefitsOptions,
): Either<EligibilityBenefitsError, EligibilityBenefits> => {
  if (response.status !== 'active')
    return err({
      code: 'eligibility.not-active',
      message: `the response status is ${response.status}, not active`,
    });
  const { serviceType: stc, network } = options;
  const assumptions: string[] = [];
  const amountsOf = (net: NetworkTier) => {
    const ded = linesFor(response, 'deductible', '30', net);
    const oop = linesFor(response, 'out-of-pocket', '30', net);
    return {
      deductible: { individual: report(ded, 'individual'), family: report(ded, 'family') },
      oop: { individual: report(oop, 'individual'), family: report(oop, 'family') },
    };
  };
  const amounts = { in: amountsOf('in'), out: amountsOf('out') };
  const tierOf = (net: NetworkTier) => {
    const a = amounts[net];
    const dInd = limitOf(a.deductible.individual);
    const dFam = limitOf(a.deductible.family);
    const oInd = limitOf(a.oop.individual);
    const oFam = limitOf(a.oop.family);
    if (dInd.limit === undefined)
      assumptions.push(`no individual deductible reported ${NETWORK_WORDS[net]}: treated as $0`);
    for (const [name, x] of [
      ['deductible', a.deductible.individual],
      ['out-of-pocket', a.oop.individual],
    ] as const)
      if (typeof x.total === 'number' && typeof x.met !== 'number')
        assumptions.push(
          `only the ${name} total was reported ${NETWORK_WORDS[net]}: nothing met assumed (the most the patient may owe)`,
        );
    if (oInd.limit === undefined)
      assumptions.push(`no individual out-of-pocket maximum reported ${NETWORK_WORDS[net]}: no cap applied`);
    const tier: TierLimits = {
      deductible: { individual: dInd.limit ?? ZERO, family: dFam.limit ?? null },
      oopMax: { individual: oInd.limit ?? null, family: oFam.limit ?? null },
    };
    const hasFamily = dFam.limit !== undefined || oFam.limit !== undefined;
    return {
      tier,
      ind: { deductible: dInd.met, oop: oInd.met },
      fam: hasFamily ? { deductible: dFam.met, oop: oFam.met } : undefined,
    };
  };
  const tin = tierOf('in');
  const tout = tierOf('out');

  const copayLines = linesFor(response, 'copay', stc, network).filter((b) => b.amount !== undefined);
  const copayCandidates = copayLines.map((b) => ({
    amount: b.amount as Cents,
    messages: b.messages,
    provenance: b.provenance,
  }));
  const picked = options.copayTier === undefined ? undefined : copayCandidates[options.copayTier];
  const copay = picked?.amount ?? copayCandidates.reduce((m, c) => (c.amount > m ? c.amount : m), ZERO);
  if (copayCandidates.length > 1 && picked === undefined)
    assumptions.push(
      `${copayCandidates.length} copays for service type ${stc} differ only by message text: the highest is used`,
    );
  const copayReported: KnownAmount =
    copayCandidates.length > 0
      ? copay
      : { unknown: `no copay was reported for service type ${stc} ${NETWORK_WORDS[network]}` };
  if (copayCandidates.length === 0)
    assumptions.push(
      `no copay reported for service type ${stc} ${NETWORK_WORDS[network]}: copay unknown, none charged in the estimate (it may be understated)`,
    );
  const coinsLines = linesFor(response, 'coinsurance', stc, network).filter((b) => b.percent !== undefined);
  const costLines = [...copayLines, ...coinsLines];
  const waivedByText = hasMessage(costLines, /ded(uctible)?\s+(is\s+)?waived/i);
  const waived = waivedByText || (copayLines.length > 0 && coinsLines.length === 0);
  if (waived && !waivedByText)
    assumptions.push('a copay with no coinsurance line is read as deductible waived');
  const excluded = response.benefits.some(
    (b) => b.kind === 'non-covered' && b.serviceTypes.includes(stc) && onNetwork(b, network),
  );
  const limits = linesFor(response, 'limitation', stc, network, true).flatMap((b) => visitCount(b) ?? []);
  const visitTotal = limits.find((c) => c.role === 'total')?.visits;
  const visitRemaining = limits.find((c) => c.role === 'remaining')?.visits;
  const check = checkEligibility(response, {
    serviceType: stc,
    dateOfService: options.dateOfService,
    providerNetwork: network,
  });
  const id = `${stc}-${network}`;
  const benefit: Benefit = {
    id,
    serviceTypes: [stc],
    network,
    covered: !excluded,
    deductible: waived ? 'waived' : 'applies',
    copay,
    copayTiming: waived ? 'beforeDeductible' : 'withDeductible',
    copayPer: 'line',
    copayCountsTowardDeductible: false,
    coinsurance: coinsLines[0]?.percent ?? (0 as Benefit['coinsurance']),
    coinsuranceBase: 'afterCopay',
    countsTowardOop: {
      deductible: !hasMessage(
        response.benefits.filter((b) => b.kind === 'deductible'),
        /ded\w*\s+(does\s+not\s+apply|not\s+included)/i,
      ),
      copay: !hasMessage(copayLines, /copay\w*\s+(does\s+not\s+apply|not\s+included)/i),
      coinsurance: !hasMessage(coinsLines, /coins\w*\s+(does\s+not\s+apply|not\s+included)/i),
    },
    limit: visitTotal === undefined ? null : { quantity: visitTotal, unit: 'visits' },
    priorAuth: check.priorAuthorization,
    referral: check.referral,
  };
  const { mmdd, start } = planYearStartOf(response, options.dateOfService, assumptions);
  const familyIn = tin.fam;
  const familyOut = tout.fam;
  const accumulators: Accumulators = {
    planYearStart: start as Accumulators['planYearStart'],
    individual: { in: tin.ind, out: tout.ind },
    family:
      familyIn || familyOut
        ? {
            in: familyIn ?? { deductible: ZERO, oop: ZERO },
            out: familyOut ?? { deductible: ZERO, oop: ZERO },
          }
        : null,
    limitsUsed:
      visitTotal !== undefined && visitRemaining !== undefined
        ? { [id]: Math.max(0, visitTotal - visitRemaining) }
        : {},
  };
  const hasFamily = accumulators.family !== null;
  const benefitSet: BenefitSet = {
    planYearStart: mmdd,
    hdhp: false,
    family: { deductible: 'embedded', oop: 'embedded' },
    networkAccumulation: 'separate',
    acaIndividualOopCap: true,
    preventiveZeroInNetwork: true,
    tiers: { in: tin.tier, out: tout.tier },
    benefits: [benefit],
  };
  if (hasFamily) assumptions.push('family deductible and OOP are read as embedded (a 271 does not say)');
  assumptions.push(
    'networks are read as separate accumulators and the plan as not an HDHP (a 271 does not say)',
  );
  return ok({ benefitSet, accumulators, copayCandidates, copay: copayReported, amounts, assumptions });
};
