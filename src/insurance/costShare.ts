/**
 * Patient cost share for claim lines (insurance reference §7): per line, in an explicit order,
 * not covered → preventive → copay / deductible / copay / coinsurance per the benefit's switches →
 * OOP cap on the components that count → accumulator update. Integer cents throughout; the one
 * rounding step (coinsurance) is half-up to the cent per claim line unless the caller names
 * another mode.
 */
import { applyRate, divideRounded, type Cents, type RoundingMode } from '../core/money.js';
import { err, ok, type Either } from '../core/result.js';
import { ANNUAL_LIMITS } from './annualLimits.js';
import type { InsuranceError } from './errors.js';
import type {
  AccumulatorBucket,
  Accumulators,
  AnnualLimits,
  Benefit,
  BenefitSet,
  ClaimLine,
  NetworkTier,
  TierLimits,
} from './model.js';

/**
 * The order lines are adjudicated in. The deductible goes to whichever line comes first, so
 * totals depend on it: `claim` keeps the order given, `highest-allowed-first` and
 * `lowest-allowed-first` sort by allowed amount (ties keep claim order).
 *
 * @example
 * const order: LineOrder = 'claim';
 */
export type LineOrder = 'claim' | 'highest-allowed-first' | 'lowest-allowed-first';

/**
 * Options of {@link estimateCostShare}.
 *
 * @example
 * const options: CostShareOptions = { order: 'claim' };
 */
export interface CostShareOptions {
  /** Line ordering; always explicit because it changes who absorbs the deductible. */
  readonly order: LineOrder;
  /** Coinsurance rounding per line; default `half-up` (DESIGN.md). */
  readonly rounding?: RoundingMode;
  /** Yearly legal limits (ACA self-only OOP cap); default {@link ANNUAL_LIMITS}. */
  readonly annualLimits?: readonly AnnualLimits[];
}

/**
 * Why a line came out as it did, for the person reading the estimate.
 * - `not-covered`: excluded by the benefit or flagged not covered on the line;
 * - `prior-auth-missing` / `referral-missing`: the benefit requires it and the line says it was not obtained;
 * - `limit-exhausted`: the benefit's visit/unit limit is used up (all or some units);
 * - `preventive-zero`: in-network preventive service at $0;
 * - `hdhp-deductible-first`: an HDHP copay or deductible waiver was set aside until the deductible is met;
 * - `oop-max-reached`: the OOP cap reduced the countable cost share;
 * - `aca-individual-cap`: the ACA self-only maximum capped a member inside family coverage;
 * - `aca-limits-unknown`: no ACA limits on file for the plan year, so that cap was not applied;
 * - `surprise-billing`: priced as in network under the No Surprises Act, no balance billing;
 * - `plan-year-reset`: the line starts a new plan year, accumulators restarted from zero;
 * - `visit-copay-taken`: a per-visit (or per-admission) copay was already charged on an earlier line;
 * - `included-in-visit-copay`: a service the visit's copay covers (a benefit's
 *   `copayCoversServiceTypes`, such as in-office labs under the office-visit copay): $0 to the patient.
 *
 * @example
 * const note: CostShareNote = 'oop-max-reached';
 */
export type CostShareNote =
  | 'not-covered'
  | 'prior-auth-missing'
  | 'referral-missing'
  | 'limit-exhausted'
  | 'preventive-zero'
  | 'hdhp-deductible-first'
  | 'oop-max-reached'
  | 'aca-individual-cap'
  | 'aca-limits-unknown'
  | 'surprise-billing'
  | 'plan-year-reset'
  | 'visit-copay-taken'
  | 'included-in-visit-copay';

/**
 * Money of a line or a total. Identities: `deductible + copay + coinsurance = costShare`;
 * `costShare + planPays + notCovered = allowed`; `patientPays = costShare + notCovered +
 * balanceBill`. `notBillable` is what a No Surprises Act line's provider may not bill
 * (`billed - allowed`), kept for display only.
 *
 * @example
 * const m: CostShareAmounts = estimate.total;
 */
export interface CostShareAmounts {
  readonly allowed: Cents;
  readonly deductible: Cents;
  readonly copay: Cents;
  readonly coinsurance: Cents;
  readonly costShare: Cents;
  readonly planPays: Cents;
  readonly notCovered: Cents;
  readonly balanceBill: Cents;
  readonly notBillable: Cents;
  readonly patientPays: Cents;
}

/**
 * The estimate of one line.
 *
 * @example
 * const l: LineCostShare = estimate.lines[0]!;
 */
export interface LineCostShare extends CostShareAmounts {
  readonly lineId: string;
  /** The id of the benefit applied. */
  readonly benefitId: string;
  /** The accumulator bucket the line counted toward (`in` for No Surprises Act lines). */
  readonly bucket: NetworkTier;
  readonly notes: readonly CostShareNote[];
}

/**
 * What is left of the deductible and the out-of-pocket maximum in one network tier, after
 * cross-accumulation between networks: `individual` (the member's own amount), `family` (`null`
 * without family coverage or a family amount) and `member` (what this member still pays before
 * it is met, after the family mode, a "2 of N" deductible, and in network the ACA self-only cap).
 * An OOP figure of `null` means there is no maximum.
 *
 * @example
 * const r: RemainingAmounts = estimate.remaining.in;
 */
export interface RemainingAmounts {
  readonly deductible: { readonly individual: Cents; readonly family: Cents | null; readonly member: Cents };
  readonly oop: {
    readonly individual: Cents | null;
    readonly family: Cents | null;
    readonly member: Cents | null;
  };
}

/**
 * The estimate of a claim: lines in adjudication order, the totals, the accumulators after, and
 * the deductible and OOP left in each network tier after the lines.
 *
 * @example
 * const e: CostShareEstimate = unwrapOr(estimateCostShare(lines, benefits, accumulators, { order: 'claim' }), undefined)!;
 */
export interface CostShareEstimate {
  readonly lines: readonly LineCostShare[];
  readonly total: CostShareAmounts;
  readonly accumulators: Accumulators;
  /** Deductible and OOP left per tier once these lines are counted. */
  readonly remaining: Readonly<Record<NetworkTier, RemainingAmounts>>;
}

interface Bucket {
  deductible: number;
  oop: number;
  /** Family bucket of a "2 of N" deductible: members who met their individual deductible. */
  membersMet?: number;
}
interface State {
  planYearStart: string;
  /** The first day of the next plan year: dates in [planYearStart, planYearEnd) need no work. */
  planYearEnd: string;
  ind: { in: Bucket; out: Bucket };
  fam: { in: Bucket; out: Bucket } | null;
  /** Quantities used per benefit id (a Map: any id, `__proto__` included, is an ordinary key). */
  limitsUsed: Map<string, number>;
  /** Per-visit copays taken (`c` + key) and visits counted against limits (`v` + key); made on first use. */
  seen: Set<string> | null;
  acaSelf: number | null | undefined;
  /** Scratch for the line being estimated (its values are copied into the result). */
  split: Split;
  remaining: Remaining;
}

const copyBucket = (b: AccumulatorBucket): Bucket =>
  b.membersMet === undefined
    ? { deductible: b.deductible, oop: b.oop }
    : { deductible: b.deductible, oop: b.oop, membersMet: b.membersMet };
const zeroBuckets = () => ({ in: { deductible: 0, oop: 0 }, out: { deductible: 0, oop: 0 } });

/** The same month-day a year later (ISO dates compare as strings). */
const nextYear = (date: string): string => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/** The first day (`YYYY-MM-DD`) of the plan year that contains `date`, for a plan year starting `MM-DD`. */
const planYearOf = (date: string, monthDay: string): string => {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= monthDay ? `${year}-${monthDay}` : `${year - 1}-${monthDay}`;
};

/** Whether amounts in the other bucket also count toward bucket `tier`. */
const sharesWith = (tier: NetworkTier, mode: BenefitSet['networkAccumulation']): boolean =>
  mode === 'crossAccumulating' || (mode === 'oneWay' && tier === 'out');

const remaining = (limit: number | null, met: number): number =>
  limit === null ? Infinity : Math.max(0, limit - met);

interface Remaining {
  deductible: number;
  oop: number;
  acaCapped: boolean;
  /** The member's own amounts left, before the family mode and the ACA cap. */
  indDeductible: number;
  indOop: number;
  /** The family amounts left (Infinity without family coverage or a family amount). */
  famDeductible: number;
  famOop: number;
}

/** Remaining deductible and OOP for a member in bucket `tier`, per the family and network modes. */
const remainingFor = (set: BenefitSet, limits: TierLimits, state: State, tier: NetworkTier): Remaining => {
  const shared = sharesWith(tier, set.networkAccumulation);
  const other: NetworkTier = tier === 'in' ? 'out' : 'in';
  const indDedMet = state.ind[tier].deductible + (shared ? state.ind[other].deductible : 0);
  const indOopMet = state.ind[tier].oop + (shared ? state.ind[other].oop : 0);
  const indDed = remaining(limits.deductible.individual, indDedMet);
  const indOop = remaining(limits.oopMax.individual, indOopMet);
  let deductible = indDed;
  let oop = indOop;
  let famDed = Infinity;
  let famOop = Infinity;
  const fam = state.fam;
  // Embedded: the member stops at their own amount or the family's, whichever comes first.
  // Aggregate: family coverage has only the family amount. Members ("2 of N"): the family is
  // done once enough members have each met their own amount.
  if (fam !== null && set.family.deductible === 'members') {
    const needed = set.family.deductibleMembers ?? Infinity;
    if ((fam[tier].membersMet ?? 0) >= needed) deductible = 0;
  } else if (fam !== null && limits.deductible.family !== null) {
    famDed = remaining(limits.deductible.family, fam[tier].deductible + (shared ? fam[other].deductible : 0));
    deductible = set.family.deductible === 'aggregate' ? famDed : Math.min(indDed, famDed);
  }
  if (fam !== null && limits.oopMax.family !== null) {
    famOop = remaining(limits.oopMax.family, fam[tier].oop + (shared ? fam[other].oop : 0));
    oop = set.family.oop === 'aggregate' ? famOop : Math.min(indOop, famOop);
  }
  // ACA: inside family coverage, each member's in-network cost share stops at the self-only limit.
  let acaCapped = false;
  if (tier === 'in' && fam !== null && set.acaIndividualOopCap && typeof state.acaSelf === 'number') {
    const aca = remaining(state.acaSelf, indOopMet);
    if (aca < oop) {
      oop = aca;
      acaCapped = true;
    }
  }
  const out = state.remaining;
  out.deductible = deductible;
  out.oop = oop;
  out.acaCapped = acaCapped;
  out.indDeductible = indDed;
  out.indOop = indOop;
  out.famDeductible = famDed;
  out.famOop = famOop;
  return out;
};

type Finder = (line: ClaimLine, tier: NetworkTier) => Benefit | undefined;
const finders = new WeakMap<readonly Benefit[], Finder>();

/**
 * The benefit for a line: by id, else by service type (exact tier before `both`), else STC 30.
 * Built once per benefits array (benefit sets are immutable values) and cached.
 */
const benefitFinder = (benefits: readonly Benefit[]): Finder => {
  const cached = finders.get(benefits);
  // Stryker disable next-line ConditionalExpression: a cache; building the finder again gives the same answers
  if (cached) return cached;
  const byTier = { in: new Map<string, Benefit>(), out: new Map<string, Benefit>() };
  const byId = new Map<string, Benefit>();
  // First declared wins; exact-tier benefits go in before `both` so they take precedence.
  for (const pass of ['exact', 'both'] as const) {
    for (const b of benefits) {
      if ((b.network === 'both') !== (pass === 'both')) continue;
      for (const stc of b.serviceTypes)
        for (const t of b.network === 'both' ? (['in', 'out'] as const) : [b.network])
          if (!byTier[t].has(stc)) byTier[t].set(stc, b);
    }
  }
  for (const b of benefits) if (!byId.has(b.id)) byId.set(b.id, b);
  const find: Finder = (line, tier) => {
    if (line.benefitId !== undefined) {
      const b = byId.get(line.benefitId);
      return b && (b.network === 'both' || b.network === tier) ? b : undefined;
    }
    const map = byTier[tier];
    return map.get(line.serviceType) ?? map.get('30');
  };
  finders.set(benefits, find);
  return find;
};

const ordered = (lines: readonly ClaimLine[], order: LineOrder): readonly ClaimLine[] => {
  if (order === 'claim') return lines;
  const sign = order === 'highest-allowed-first' ? -1 : 1;
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => sign * (a.line.allowed - b.line.allowed) || a.index - b.index)
    .map((x) => x.line);
};

const lineError = (line: ClaimLine, message: string): InsuranceError => ({
  code: 'insurance.line-amounts',
  message,
  lineId: line.id,
});

/** Checks what the types cannot: whole, non-negative cents and sensible units. */
const checkLine = (line: ClaimLine): InsuranceError | null => {
  if (!Number.isSafeInteger(line.allowed) || line.allowed < 0)
    return lineError(line, 'allowed must be whole, non-negative cents');
  if (line.billed !== undefined && (!Number.isSafeInteger(line.billed) || line.billed < 0))
    return lineError(line, 'billed must be whole, non-negative cents');
  if (line.units !== undefined && (!Number.isSafeInteger(line.units) || line.units < 1))
    return lineError(line, 'units must be a whole number of at least 1');
  return null;
};

const visitOf = (line: ClaimLine): string => line.visit ?? line.serviceDate;

const visitKeyOf = (benefit: Benefit, line: ClaimLine): string => `${benefit.id}\u0000${visitOf(line)}`;

/** Copays charged once per key (visit or admission) rather than per line or per day. */
const oncePerKey = (benefit: Benefit): boolean =>
  benefit.copayPer === 'visit' || benefit.copayPer === 'admission';

/**
 * Visits (tier + visit key) whose copay covers other services, with the service types it covers
 * and the benefit that covers them: a covered line of a benefit with `copayCoversServiceTypes`.
 * Read before adjudication, so a lab line covered by the visit copay is $0 whatever the order.
 */
type VisitCover = Map<string, { readonly benefit: Benefit; readonly serviceTypes: readonly string[] }>;

const visitCovers = (lines: readonly ClaimLine[], find: Finder): VisitCover | null => {
  let covers: VisitCover | null = null;
  for (const line of lines) {
    if (line.covered === false) continue;
    const tier = pricedTier(line);
    const b = find(line, tier);
    if (!b?.covered || !b.copayCoversServiceTypes?.length) continue;
    const key = `${tier}\u0000${visitOf(line)}`;
    if (!covers?.has(key))
      (covers ??= new Map()).set(key, { benefit: b, serviceTypes: b.copayCoversServiceTypes });
  }
  return covers;
};

/** The tier a line is priced in: a No Surprises Act line on in-network terms. */
const pricedTier = (line: ClaimLine): NetworkTier =>
  line.network === 'out' && line.surpriseBilling === true ? 'in' : line.network;

/** How much of the line the limit still covers, in units (counting the visit once). */
const coveredUnits = (benefit: Benefit, line: ClaimLine, state: State): number => {
  const units = line.units ?? 1;
  const limit = benefit.limit;
  if (limit === null) return units;
  const used = state.limitsUsed.get(benefit.id) ?? 0;
  if (limit.unit === 'units') {
    const left = Math.max(0, limit.quantity - used);
    state.limitsUsed.set(benefit.id, used + Math.min(units, left));
    return Math.min(units, left);
  }
  const visitKey = visitKeyOf(benefit, line);
  if (state.seen?.has(`v${visitKey}`) === true) return units;
  if (used >= limit.quantity) return 0;
  (state.seen ??= new Set()).add(`v${visitKey}`);
  state.limitsUsed.set(benefit.id, used + 1);
  return units;
};

interface Split {
  deductible: number;
  copay: number;
  coinsurance: number;
}

/** Deductible, copay and coinsurance of a covered amount before the OOP cap (§7.1 steps 3-6). */
const splitCostShare = (
  benefit: Benefit,
  amount: number,
  deductibleLeft: number,
  copayDue: number,
  hdhp: boolean,
  rounding: RoundingMode,
  out: Split,
): Split => {
  let timing = benefit.copayTiming;
  let waived = benefit.deductible === 'waived' || timing === 'beforeDeductible';
  if (hdhp) {
    // An HDHP pays nothing before the deductible except preventive care (IRS safe harbor).
    waived = false;
    // Stryker disable next-line ConditionalExpression,StringLiteral: the test only skips a redundant assignment; assigning always gives the same timing
    if (timing !== 'afterDeductible') timing = 'afterDeductible';
  }
  let rest = amount;
  let copay = 0;
  if (timing !== 'afterDeductible') {
    copay = Math.min(copayDue, rest);
    rest -= copay;
  }
  const creditedCopay = benefit.copayCountsTowardDeductible ? Math.min(copay, deductibleLeft) : 0;
  const deductible = waived ? 0 : Math.min(rest, deductibleLeft - creditedCopay);
  rest -= deductible;
  if (timing === 'afterDeductible') {
    copay = Math.min(copayDue, rest);
    rest -= copay;
  }
  const base = benefit.coinsuranceBase === 'allowed' ? amount - deductible : rest;
  const coinsurance = Math.min(rest, applyRate(base as Cents, benefit.coinsurance, rounding));
  out.deductible = deductible;
  out.copay = copay;
  out.coinsurance = coinsurance;
  return out;
};

/** Caps the components that count toward OOP at `oopLeft`, taking back coinsurance, then copay, then deductible. */
const capAtOop = (
  split: Split,
  counts: Benefit['countsTowardOop'],
  oopLeft: number,
): { countable: number; capped: boolean } => {
  const countable =
    (counts.deductible ? split.deductible : 0) +
    (counts.copay ? split.copay : 0) +
    (counts.coinsurance ? split.coinsurance : 0);
  let excess = countable - oopLeft;
  if (excess <= 0) return { countable, capped: false };
  const take = (value: number): number => {
    const cut = Math.min(value, excess);
    excess -= cut;
    return value - cut;
  };
  if (counts.coinsurance) split.coinsurance = take(split.coinsurance);
  if (counts.copay) split.copay = take(split.copay);
  // Stryker disable next-line ConditionalExpression: the deductible is taken back last, and the excess never exceeds the components that count, so a deductible that does not count is never cut
  if (counts.deductible) split.deductible = take(split.deductible);
  return { countable: oopLeft, capped: true };
};

const addTo = (state: State, tier: NetworkTier, deductible: number, oop: number): void => {
  state.ind[tier].deductible += deductible;
  state.ind[tier].oop += oop;
  if (state.fam) {
    state.fam[tier].deductible += deductible;
    state.fam[tier].oop += oop;
  }
};

const NO_NOTES: readonly CostShareNote[] = Object.freeze([]);

interface LineMeta {
  readonly lineId: string;
  readonly benefitId: string;
  readonly bucket: NetworkTier;
  readonly notes: readonly CostShareNote[];
}

/** The line's result in one object literal (a fixed shape keeps the hot loop monomorphic). */
const lineResult = (
  meta: LineMeta,
  allowed: number,
  split: Readonly<Split>,
  notCovered: number,
  balanceBill: number,
  notBillable: number,
): LineCostShare => {
  const costShare = split.deductible + split.copay + split.coinsurance;
  return {
    lineId: meta.lineId,
    benefitId: meta.benefitId,
    bucket: meta.bucket,
    // The notes buffer is reused across lines: copy it, or share one empty list.
    // Stryker disable next-line ConditionalExpression: sharing one empty list is a saving; a copy of an empty buffer is equal
    notes: meta.notes.length === 0 ? NO_NOTES : meta.notes.slice(),
    allowed: allowed as Cents,
    deductible: split.deductible as Cents,
    copay: split.copay as Cents,
    coinsurance: split.coinsurance as Cents,
    costShare: costShare as Cents,
    planPays: (allowed - notCovered - costShare) as Cents,
    notCovered: notCovered as Cents,
    balanceBill: balanceBill as Cents,
    notBillable: notBillable as Cents,
    patientPays: (costShare + notCovered + balanceBill) as Cents,
  };
};

const NO_SPLIT: Readonly<Split> = { deductible: 0, copay: 0, coinsurance: 0 };

/** Moves the state into the line's plan year; false when the line is before the accumulators' year. */
const enterPlanYear = (state: State, set: BenefitSet, line: ClaimLine, notes: CostShareNote[]): boolean => {
  const date = line.serviceDate;
  if (date >= state.planYearStart && date < state.planYearEnd) return true;
  // Stryker disable next-line EqualityOperator: a date equal to planYearStart returned on the line above
  if (date < state.planYearStart) return false;
  const year = planYearOf(date, set.planYearStart);
  state.planYearStart = year;
  state.planYearEnd = nextYear(year);
  state.ind = zeroBuckets();
  if (state.fam) state.fam = zeroBuckets();
  state.limitsUsed = new Map();
  state.seen = null;
  state.acaSelf = undefined;
  notes.push('plan-year-reset');
  return true;
};

const acaSelfFor = (state: State, table: readonly AnnualLimits[]): number | null => {
  // Stryker disable next-line ConditionalExpression: a memo; looking the row up again gives the same value
  if (state.acaSelf === undefined) {
    const year = Number(state.planYearStart.slice(0, 4));
    state.acaSelf = table.find((l) => l.year === year)?.acaOopMax.self ?? null;
  }
  return state.acaSelf;
};

/** Estimates one line against the running state; mutates only the state. */
const estimateLine = (
  line: ClaimLine,
  benefit: Benefit,
  set: BenefitSet,
  state: State,
  tier: NetworkTier,
  options: CostShareOptions,
  notes: CostShareNote[],
  covers: VisitCover | null,
): LineCostShare => {
  const meta: LineMeta = { lineId: line.id, benefitId: benefit.id, bucket: tier, notes };
  const protectedLine = line.network === 'out' && line.surpriseBilling === true;
  const billed = line.billed ?? line.allowed;
  const allowed = Math.min(line.allowed, billed);
  const overBill = Math.max(0, billed - allowed);
  const balanceBill = line.network === 'out' && !protectedLine ? overBill : 0;
  const notBillable = protectedLine ? overBill : 0;
  if (protectedLine) notes.push('surprise-billing');

  const authMissing = benefit.priorAuth.required === true && line.priorAuthObtained === false;
  const referralMissing = benefit.referral.required === true && line.referralObtained === false;
  if (!benefit.covered || line.covered === false || authMissing || referralMissing) {
    notes.push(authMissing ? 'prior-auth-missing' : referralMissing ? 'referral-missing' : 'not-covered');
    return lineResult(meta, allowed, NO_SPLIT, allowed, balanceBill, notBillable);
  }
  const cover = covers?.get(`${tier}\u0000${visitOf(line)}`);
  if (cover && cover.benefit !== benefit && cover.serviceTypes.includes(line.serviceType)) {
    notes.push('included-in-visit-copay');
    return lineResult(meta, allowed, NO_SPLIT, 0, balanceBill, notBillable);
  }
  const units = line.units ?? 1;
  const unitsCovered = coveredUnits(benefit, line, state);
  const coveredAmount =
    // Stryker disable next-line ConditionalExpression: with every unit covered the division is exact, allowed * units / units
    unitsCovered === units ? allowed : divideRounded(allowed * unitsCovered, units, 'half-up');
  if (unitsCovered < units) notes.push('limit-exhausted');
  if (line.preventive === true && tier === 'in' && set.preventiveZeroInNetwork) {
    notes.push('preventive-zero');
    return lineResult(meta, allowed, NO_SPLIT, allowed - coveredAmount, balanceBill, notBillable);
  }

  const limits = set.tiers[tier];
  const perVisit = oncePerKey(benefit) && benefit.copay > 0;
  // Stryker disable next-line StringLiteral: the key is read only for per-visit copays
  const visitKey = perVisit ? visitKeyOf(benefit, line) : '';
  // A per-day copay is due for each covered day (the line's units count days).
  let copayDue: number = benefit.copayPer === 'day' ? benefit.copay * unitsCovered : benefit.copay;
  if (perVisit && state.seen?.has(`c${visitKey}`) === true) {
    copayDue = 0;
    notes.push('visit-copay-taken');
  }
  if (
    tier === 'in' &&
    state.fam !== null &&
    set.acaIndividualOopCap &&
    acaSelfFor(state, options.annualLimits ?? ANNUAL_LIMITS) === null
  )
    notes.push('aca-limits-unknown');
  const left = remainingFor(set, limits, state, tier);
  const hdhpOverride = benefit.copayTiming !== 'afterDeductible' || benefit.deductible === 'waived';
  if (set.hdhp && hdhpOverride && left.deductible > 0) notes.push('hdhp-deductible-first');
  const split = splitCostShare(
    benefit,
    coveredAmount,
    left.deductible,
    copayDue,
    set.hdhp,
    options.rounding ?? 'half-up',
    state.split,
  );
  const cap = capAtOop(split, benefit.countsTowardOop, left.oop);
  if (cap.capped) notes.push(left.acaCapped ? 'aca-individual-cap' : 'oop-max-reached');
  // Stryker disable next-line LogicalOperator: a line without a per-visit copay would record the key `c` alone, which no per-visit key equals
  if (perVisit && split.copay > 0) (state.seen ??= new Set()).add(`c${visitKey}`);
  // What the patient paid toward the deductible after the cap, copays included where they count.
  const credited = benefit.copayCountsTowardDeductible ? split.copay : 0;
  const dedPaid = Math.min(left.deductible, split.deductible + credited);
  addTo(state, tier, dedPaid, cap.countable);
  // "2 of N": this member's own deductible was just met, one more member counts for the family.
  if (
    set.family.deductible === 'members' &&
    state.fam !== null &&
    dedPaid > 0 &&
    dedPaid >= left.indDeductible
  )
    state.fam[tier].membersMet = (state.fam[tier].membersMet ?? 0) + 1;
  return lineResult(meta, allowed, split, allowed - coveredAmount, balanceBill, notBillable);
};

const sumAmounts = (lines: readonly CostShareAmounts[]): CostShareAmounts => {
  const t = {
    allowed: 0,
    deductible: 0,
    copay: 0,
    coinsurance: 0,
    costShare: 0,
    planPays: 0,
    notCovered: 0,
    balanceBill: 0,
    notBillable: 0,
    patientPays: 0,
  };
  for (const l of lines) {
    t.allowed += l.allowed;
    t.deductible += l.deductible;
    t.copay += l.copay;
    t.coinsurance += l.coinsurance;
    t.costShare += l.costShare;
    t.planPays += l.planPays;
    t.notCovered += l.notCovered;
    t.balanceBill += l.balanceBill;
    t.notBillable += l.notBillable;
    t.patientPays += l.patientPays;
  }
  return t as unknown as CostShareAmounts;
};

/** The limits used as a record without a prototype, so an id such as `__proto__` stays a key. */
const usedRecord = (used: ReadonlyMap<string, number>): Record<string, number> => {
  const out = Object.create(null) as Record<string, number>;
  for (const [id, n] of used) out[id] = n;
  return out;
};

const toAccumulators = (state: State, base: Accumulators): Accumulators => ({
  ...base,
  planYearStart: state.planYearStart as Accumulators['planYearStart'],
  individual: state.ind as Accumulators['individual'],
  family: state.fam as Accumulators['family'],
  limitsUsed: usedRecord(state.limitsUsed),
});

const initialState = (benefits: BenefitSet, accumulators: Accumulators): State => ({
  planYearStart: accumulators.planYearStart,
  planYearEnd: nextYear(planYearOf(accumulators.planYearStart, benefits.planYearStart)),
  ind: { in: copyBucket(accumulators.individual.in), out: copyBucket(accumulators.individual.out) },
  fam: accumulators.family
    ? { in: copyBucket(accumulators.family.in), out: copyBucket(accumulators.family.out) }
    : null,
  limitsUsed: new Map(Object.entries(accumulators.limitsUsed)),
  seen: null,
  acaSelf: undefined,
  // Stryker disable next-line ObjectLiteral: scratch, written in full before every read
  split: { deductible: 0, copay: 0, coinsurance: 0 },
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: scratch, written in full before every read
  remaining: {
    deductible: 0,
    oop: 0,
    acaCapped: false,
    indDeductible: 0,
    indOop: 0,
    famDeductible: 0,
    famOop: 0,
  },
});

const finite = (n: number): Cents | null => (n === Infinity ? null : (n as Cents));

/** The deductible and OOP left in both tiers for the state's plan year. */
const remainingOf = (
  set: BenefitSet,
  state: State,
  table: readonly AnnualLimits[],
): Readonly<Record<NetworkTier, RemainingAmounts>> => {
  acaSelfFor(state, table);
  const tierOf = (tier: NetworkTier): RemainingAmounts => {
    const r = remainingFor(set, set.tiers[tier], state, tier);
    return {
      deductible: {
        individual: r.indDeductible as Cents,
        family: finite(r.famDeductible),
        member: r.deductible as Cents,
      },
      oop: { individual: finite(r.indOop), family: finite(r.famOop), member: finite(r.oop) },
    };
  };
  return { in: tierOf('in'), out: tierOf('out') };
};

/**
 * The deductible and out-of-pocket maximum left for a member in each network tier, from the
 * accumulators alone (the same figures {@link estimateCostShare} returns as `remaining` after
 * its lines): per the family mode (embedded, aggregate, "2 of N" members), the network
 * accumulation (separate, cross-accumulating, one way) and in network, inside family coverage, the
 * ACA self-only maximum of the plan year. Money in integer cents; `null` OOP means no maximum.
 *
 * @param benefits - the member's benefit set
 * @param accumulators - what has been met in the plan year (not mutated)
 * @param annualLimits - yearly legal limits (default {@link ANNUAL_LIMITS})
 * @returns the remaining amounts per tier (no Left: every input of the types has an answer)
 * @example
 * // Individual $1,500 deductible, $1,250 met → $250 left in network.
 * remainingAmounts(benefits, accumulators).in.deductible.member; // 25000
 */
export const remainingAmounts = (
  benefits: BenefitSet,
  accumulators: Accumulators,
  annualLimits: readonly AnnualLimits[] = ANNUAL_LIMITS,
): Readonly<Record<NetworkTier, RemainingAmounts>> =>
  remainingOf(benefits, initialState(benefits, accumulators), annualLimits);

/**
 * Estimates what the patient and the plan pay for claim lines, and the accumulators afterwards.
 *
 * Each line, in the order `options.order` gives, is adjudicated against the benefit for its
 * service type (or `benefitId`) on the provider's network tier, falling back to STC `30`:
 * 1. a plan year later than the accumulators' restarts them from zero (plan-year reset);
 * 2. not covered (exclusion, `covered: false`, a required authorization or referral the line says
 *    was not obtained, limit used up) → `notCovered`, nothing accrues;
 * 3. preventive in network (when the benefit set says so) → $0;
 * 4. copay / deductible / coinsurance per the benefit's switches (copay before, with or after the
 *    deductible; coinsurance after the copay or on the post-deductible amount); an HDHP takes the
 *    deductible first whatever the copay switch says;
 * 5. the components that count toward OOP are capped at the remaining OOP (individual and family,
 *    embedded or aggregate, and in network inside family coverage the ACA self-only limit of the
 *    plan year);
 * 6. deductible and OOP accrue to the line's bucket (individual and family); separate,
 *    cross-accumulating or one-way networks decide what counts toward the other bucket.
 * Copays are charged per line, once per visit or admission (the lines' `visit` key), or per day
 * (times the line's units); a benefit whose copay covers other services of the visit
 * (`copayCoversServiceTypes`: in-office labs, X-rays) makes those lines $0 once a covered line of
 * it is in the same visit, in any line order. A "2 of N" family deductible is met once
 * `deductibleMembers` members have each met their own; the result counts this member in.
 * `remaining` gives the deductible and OOP left per tier after the lines ({@link remainingAmounts}).
 * The allowed amount is capped at `billed` when that is lower (lesser of the two).
 * Out-of-network `billed - allowed` is balance billing, outside cost share and the OOP cap; a
 * No Surprises Act line is priced on in-network terms, accrues in network, and its excess is
 * `notBillable`. Money is integer cents; coinsurance is rounded per line (half-up by default).
 *
 * @param lines - the claim lines (not mutated)
 * @param benefits - the member's benefit set
 * @param accumulators - met amounts before these lines (not mutated)
 * @param options - line order (required), rounding, annual-limits table
 * @returns `Right(CostShareEstimate)`; `Left` `insurance.no-benefit` (no benefit for a line's
 *   service type and tier), `insurance.line-before-plan-year` (a line dated before the
 *   accumulators' plan year), `insurance.line-amounts` (fractional or negative cents, units < 1)
 * @example
 * // T10: allowed $500, deductible remaining $300, 20% coinsurance → patient $340, plan $160.
 * const r = estimateCostShare(
 *   [{ id: '1', serviceDate: isoDate('2026-03-02'), serviceType: '98', network: 'in', allowed: cents(50000) }],
 *   benefits, accumulators, { order: 'claim' },
 * );
 */
export const estimateCostShare = (
  lines: readonly ClaimLine[],
  benefits: BenefitSet,
  accumulators: Accumulators,
  options: CostShareOptions,
): Either<InsuranceError, CostShareEstimate> => {
  const find = benefitFinder(benefits.benefits);
  const state = initialState(benefits, accumulators);
  const covers = visitCovers(lines, find);
  const results: LineCostShare[] = [];
  // Stryker disable next-line ArrayDeclaration: emptied before each line
  const notes: CostShareNote[] = [];
  for (const line of ordered(lines, options.order)) {
    const bad = checkLine(line);
    if (bad) return err(bad);
    notes.length = 0;
    if (!enterPlanYear(state, benefits, line, notes))
      return err({
        code: 'insurance.line-before-plan-year',
        message:
          'serviceDate falls before the plan year of the accumulators; order lines by date across plan years',
        lineId: line.id,
      });
    const tier = pricedTier(line);
    const benefit = find(line, tier);
    if (!benefit)
      return err({
        code: 'insurance.no-benefit',
        message: 'no benefit for the line serviceType (nor STC 30) on its network tier',
        lineId: line.id,
        serviceType: line.serviceType,
        network: tier,
      });
    results.push(estimateLine(line, benefit, benefits, state, tier, options, notes, covers));
  }
  return ok({
    lines: results,
    total: sumAmounts(results),
    accumulators: toAccumulators(state, accumulators),
    remaining: remainingOf(benefits, state, options.annualLimits ?? ANNUAL_LIMITS),
  });
};
