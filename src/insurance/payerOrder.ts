/**
 * Order of benefit determination (insurance reference §8.1-8.2): NAIC COB Model Regulation
 * (MDL-120) section 6 rules between group plans, Medicare Secondary Payer rules between Medicare
 * and group health plans (working aged 20+, disability 100+, ESRD 30-month coordination),
 * TRICARE after employer coverage, Medicaid last. Every decision names the rule that made it.
 */
import * as z from 'zod/mini';
import { parseWith, type ValidationError } from '../core/errors.js';
import { err, ok, type Either } from '../core/result.js';
import { IsoDateSchema } from '../core/calendar.js';
import type { InsuranceError } from './errors.js';
import { esrdCoordinationPeriod } from './esrdCoordination.js';
import type { Coverage, PlanType } from './model.js';

/**
 * The patient facts payer order needs (a small input, independent of the records module):
 * - `medicare.basis`: why the patient is entitled to Medicare (`age`, `disability`, `esrd`);
 * - `medicare.esrd`: the treatment dates (dialysis start, self-dialysis training start, transplant
 *   admission and transplant) the coordination period is computed from by
 *   {@link esrdCoordinationPeriod};
 * - `medicare.esrdCoordinationStart`: first day of the first month of ESRD-based Medicare
 *   eligibility, when known directly (it takes precedence over `esrd`); the 30-month coordination
 *   period runs from that month;
 * - `medicare.primaryBeforeEsrd`: Medicare was already primary when ESRD eligibility began
 *   (first come, first served: it stays primary);
 * - `parents`: for a dependent child, whether the parents live together, and a court decree of
 *   joint responsibility or custody without assignment.
 *
 * @example
 * PayerOrderPatientSchema.parse({ dateOfBirth: '1958-04-02', medicare: { basis: 'age' } });
 */
export const PayerOrderPatientSchema = /* @__PURE__ */ z.object({
  dateOfBirth: IsoDateSchema,
  medicare: z.optional(
    z.object({
      basis: z.enum(['age', 'disability', 'esrd']),
      esrd: z.optional(
        z.object({
          dialysisStart: z.optional(IsoDateSchema),
          selfDialysisTrainingStart: z.optional(IsoDateSchema),
          transplantAdmission: z.optional(IsoDateSchema),
          transplant: z.optional(IsoDateSchema),
        }),
      ),
      esrdCoordinationStart: z.optional(IsoDateSchema),
      primaryBeforeEsrd: z.optional(z.boolean()),
    }),
  ),
  parents: z.optional(z.object({ livingTogether: z.boolean(), jointDecree: z._default(z.boolean(), false) })),
});
/**
 * The patient facts payer order needs.
 *
 * @example
 * const p: PayerOrderPatient = { dateOfBirth: isoDate('2015-06-01'), parents: { livingTogether: true, jointDecree: false } };
 */
export interface PayerOrderPatient extends z.infer<typeof PayerOrderPatientSchema> {}

/**
 * The patient facts as {@link determinePayerOrder} takes them: dates as plain `YYYY-MM-DD` strings,
 * `parents.jointDecree` optional (default false).
 *
 * @example
 * const p: PayerOrderPatientInput = { dateOfBirth: '2015-06-01', parents: { livingTogether: true } };
 */
export interface PayerOrderPatientInput extends z.input<typeof PayerOrderPatientSchema> {}

/**
 * Parses the patient facts for payer order.
 *
 * @param input - anything
 * @returns `Right(PayerOrderPatient)` or `Left(ValidationError)` naming the fields
 * @example
 * parsePayerOrderPatient({ dateOfBirth: '1958-04-02', medicare: { basis: 'age' } });
 */
export const parsePayerOrderPatient = (input: unknown): Either<ValidationError, PayerOrderPatient> =>
  parseWith('PayerOrderPatient', PayerOrderPatientSchema, input);

/**
 * The claim context: the date of service, and whether the service treats a work injury or an
 * auto accident (workers' compensation and no-fault pay first for related services only).
 *
 * @example
 * const ctx: PayerOrderContext = { dateOfService: '2026-11-23' };
 */
export interface PayerOrderContext {
  /** Calendar date `YYYY-MM-DD`, checked by {@link determinePayerOrder}. */
  readonly dateOfService: string;
  readonly injury?: 'work' | 'auto';
}

const PayerOrderDateSchema = /* @__PURE__ */ z.object({ dateOfService: IsoDateSchema });

/**
 * The rule that decided between two coverages.
 *
 * @example
 * const rule: PayerOrderRule = 'naic.birthday';
 */
export type PayerOrderRule =
  | 'related-injury'
  | 'naic.no-cob-provision'
  | 'naic.non-dependent'
  | 'naic.medicare-reversal'
  | 'naic.birthday'
  | 'naic.court-decree'
  | 'naic.custody'
  | 'naic.active-over-inactive'
  | 'naic.continuation'
  | 'naic.longer-coverage'
  | 'naic.undetermined'
  | 'msp.working-aged'
  | 'msp.working-aged-small-employer'
  | 'msp.disability-large-ghp'
  | 'msp.disability-small-ghp'
  | 'msp.esrd-waiting-period'
  | 'msp.esrd-coordination'
  | 'msp.esrd-after-coordination'
  | 'msp.esrd-first-come'
  | 'msp.no-current-employment'
  | 'msp.employer-size-unknown'
  | 'msp.entitlement-unknown'
  | 'medicare.supplement-after-medicare'
  | 'medicare.same-program'
  | 'tricare.secondary'
  | 'medicaid.last-resort';

/**
 * One decision: `primary` pays before `secondary` because of `rule`. `verify: true` marks a
 * decision made on missing facts (an unknown employer size, a missing birth date) the front desk
 * should confirm.
 *
 * @example
 * const d: PayerOrderDecision = { primary: 'cov-a', secondary: 'cov-b', rule: 'naic.birthday', reason: '...', verify: false };
 */
export interface PayerOrderDecision {
  readonly primary: string;
  readonly secondary: string;
  readonly rule: PayerOrderRule;
  readonly reason: string;
  readonly verify: boolean;
}

/**
 * The payer order: coverages in paying order, the decision between each adjacent pair, and the
 * coverages that do not pay for this service (inactive on the date, unrelated injury coverage).
 *
 * @example
 * const o = determinePayerOrder(coverages, { dateOfBirth: isoDate('1958-04-12') }, { dateOfService: '2026-11-23' });
 * if (isOk(o)) o.right satisfies PayerOrder;
 */
export interface PayerOrder {
  readonly order: readonly Coverage[];
  readonly decisions: readonly PayerOrderDecision[];
  readonly excluded: readonly { readonly coverageId: string; readonly reason: string }[];
}

type Kind = 'medicare' | 'medigap' | 'medicaid' | 'tricare' | 'injury' | 'group';
const KIND: Record<PlanType, Kind> = {
  HMO: 'group',
  PPO: 'group',
  EPO: 'group',
  POS: 'group',
  HDHP: 'group',
  indemnity: 'group',
  other: 'group',
  'medicare-part-a': 'medicare',
  'medicare-part-b': 'medicare',
  'medicare-advantage': 'medicare',
  medigap: 'medigap',
  medicaid: 'medicaid',
  tricare: 'tricare',
  'workers-comp': 'injury',
  auto: 'injury',
};

interface Verdict {
  readonly first: 'a' | 'b';
  readonly rule: PayerOrderRule;
  readonly reason: string;
  readonly verify?: boolean;
}

const pick = (aWins: boolean, rule: PayerOrderRule, reason: string, verify = false): Verdict => ({
  first: aWins ? 'a' : 'b',
  rule,
  reason,
  verify,
});

const ageOn = (dob: string, date: string): number => {
  const years = Number(date.slice(0, 4)) - Number(dob.slice(0, 4));
  return date.slice(5) >= dob.slice(5) ? years : years - 1;
};

/** Months from the month of `from` to the month of `to`. */
const monthsBetween = (from: string, to: string): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));

const since = (c: Coverage): string => c.coveredSince ?? c.effective.start;

/** Medicare (`m`) against a group health plan (`g`): the MSP rules. True when Medicare pays first. */
const medicareVersusGroup = (
  g: Coverage,
  patient: PayerOrderPatient,
  ctx: PayerOrderContext,
): Verdict & { medicareFirst: boolean } => {
  const verdict = (medicareFirst: boolean, rule: PayerOrderRule, reason: string, verify = false) => ({
    ...pick(!medicareFirst, rule, reason, verify),
    medicareFirst,
  });
  const m = patient.medicare;
  if (m?.basis === 'esrd' || m?.esrdCoordinationStart !== undefined) {
    if (m.primaryBeforeEsrd === true)
      return verdict(
        true,
        'msp.esrd-first-come',
        'Medicare was already primary when ESRD eligibility began; it stays primary',
      );
    const computed = m.esrd === undefined ? undefined : esrdCoordinationPeriod(m.esrd);
    const start =
      m.esrdCoordinationStart ?? (computed?._tag === 'Right' ? computed.right.coordinationStart : undefined);
    if (start === undefined)
      return verdict(
        false,
        'msp.esrd-coordination',
        'ESRD without a coordination start date or treatment dates: the group plan is assumed primary',
        true,
      );
    const month = monthsBetween(start, ctx.dateOfService);
    if (month < 0)
      return verdict(
        false,
        'msp.esrd-waiting-period',
        'ESRD-based Medicare has not begun on the date of service (waiting period): the group plan pays first',
      );
    return month < 30
      ? verdict(
          false,
          'msp.esrd-coordination',
          `month ${month + 1} of the 30-month ESRD coordination period: the group plan pays first`,
        )
      : verdict(
          true,
          'msp.esrd-after-coordination',
          'the 30-month ESRD coordination period has ended: Medicare pays first',
        );
  }
  const current = g.subscriber.employment === 'active' && g.continuation === 'none';
  if (!current)
    return verdict(
      true,
      'msp.no-current-employment',
      'the group plan is not based on current employment (retiree, COBRA or none): Medicare pays first',
    );
  const under65 = ageOn(patient.dateOfBirth, ctx.dateOfService) < 65;
  if (m === undefined && under65)
    return verdict(
      false,
      'msp.entitlement-unknown',
      'Medicare entitlement under 65 without a stated basis (disability or ESRD): the group plan is assumed primary',
      true,
    );
  const disabled = m?.basis === 'disability' && under65;
  const threshold = disabled ? 100 : 20;
  const size = g.subscriber.employerSize;
  if (size === undefined)
    return verdict(
      false,
      'msp.employer-size-unknown',
      `employer size unknown (the threshold is ${threshold}): the group plan is assumed primary`,
      true,
    );
  if (disabled)
    return size >= threshold
      ? verdict(
          false,
          'msp.disability-large-ghp',
          'disabled under 65 with a large group health plan (100+ employees): the plan pays first',
        )
      : verdict(
          true,
          'msp.disability-small-ghp',
          'disabled under 65, employer under 100 employees: Medicare pays first',
        );
  return size >= threshold
    ? verdict(
        false,
        'msp.working-aged',
        'age 65+ with coverage from current employment, employer 20+ employees: the plan pays first',
      )
    : verdict(
        true,
        'msp.working-aged-small-employer',
        'age 65+, employer under 20 employees: Medicare pays first',
      );
};

const ROLE_RANK = {
  custodial: 0,
  'custodial-spouse': 1,
  'non-custodial': 2,
  'non-custodial-spouse': 3,
} as const;

const birthdayRule = (a: Coverage, b: Coverage): Verdict | null => {
  const da = a.subscriber.dateOfBirth;
  const db = b.subscriber.dateOfBirth;
  if (da === undefined || db === undefined) return null;
  const ma = da.slice(5);
  const mb = db.slice(5);
  if (ma === mb) return null; // same birthday: longer coverage decides
  return pick(
    ma < mb,
    'naic.birthday',
    'the parent whose birthday (month and day) comes first in the year is primary',
  );
};

/** NAIC MDL-120 §6 between two group plans, first rule that decides. */
const naic = (a: Coverage, b: Coverage, patient: PayerOrderPatient, ctx: PayerOrderContext): Verdict => {
  if (a.cobProvision !== b.cobProvision)
    return pick(
      !a.cobProvision,
      'naic.no-cob-provision',
      'a plan without a coordination-of-benefits provision is primary',
    );
  const aSelf = a.relationship === 'self';
  if (aSelf !== (b.relationship === 'self')) {
    // Medicare exception: Medicare secondary to the dependent plan and primary to the
    // subscriber's (retiree) plan puts the dependent plan first.
    if (patient.medicare !== undefined) {
      const own = medicareVersusGroup(aSelf ? a : b, patient, ctx);
      const dependent = medicareVersusGroup(aSelf ? b : a, patient, ctx);
      if (own.medicareFirst && !dependent.medicareFirst)
        return pick(
          !aSelf,
          'naic.medicare-reversal',
          'Medicare is secondary to the dependent plan and primary to the subscriber plan: the dependent plan pays first',
        );
    }
    return pick(
      aSelf,
      'naic.non-dependent',
      'the plan covering the person as employee or subscriber is primary over dependent coverage',
    );
  }
  let missingBirthday = false;
  if (a.relationship === 'child' && b.relationship === 'child') {
    const together = patient.parents?.livingTogether !== false;
    if (!together && !patient.parents?.jointDecree) {
      if ((a.courtDecreeResponsible ?? false) !== (b.courtDecreeResponsible ?? false))
        return pick(
          a.courtDecreeResponsible === true,
          'naic.court-decree',
          'a court decree makes this parent responsible for health care',
        );
      if (a.parentRole !== undefined && b.parentRole !== undefined && a.parentRole !== b.parentRole)
        return pick(
          ROLE_RANK[a.parentRole] < ROLE_RANK[b.parentRole],
          'naic.custody',
          'custodial parent, then their spouse, then the non-custodial parent, then their spouse',
        );
    } else {
      const birthday = birthdayRule(a, b);
      if (birthday) return birthday;
      missingBirthday = a.subscriber.dateOfBirth === undefined || b.subscriber.dateOfBirth === undefined;
    }
  }
  const aActive = a.subscriber.employment === 'active';
  const bActive = b.subscriber.employment === 'active';
  const inactive = (c: Coverage) =>
    c.subscriber.employment === 'retired' || c.subscriber.employment === 'laid-off';
  if ((aActive && inactive(b)) || (bActive && inactive(a)))
    return pick(
      aActive,
      'naic.active-over-inactive',
      'coverage through active employment is primary over retiree or laid-off coverage',
    );
  const aCont = a.continuation !== 'none';
  if (aCont !== (b.continuation !== 'none'))
    return pick(
      !aCont,
      'naic.continuation',
      'coverage as employee, subscriber or dependent is primary over COBRA or state continuation',
    );
  if (since(a) !== since(b))
    return pick(
      since(a) < since(b),
      'naic.longer-coverage',
      'the plan that has covered the person longer is primary',
      missingBirthday,
    );
  return pick(
    false,
    'naic.undetermined',
    'no rule decides: the plans share allowable expenses equally',
    true,
  );
};

const compare = (a: Coverage, b: Coverage, patient: PayerOrderPatient, ctx: PayerOrderContext): Verdict => {
  const ka = KIND[a.planType];
  const kb = KIND[b.planType];
  if (ka === 'injury' || kb === 'injury')
    return pick(
      ka === 'injury',
      'related-injury',
      'workers\u2019 compensation or no-fault pays first for a related injury',
    );
  if (ka === 'medicaid' || kb === 'medicaid')
    return pick(kb === 'medicaid', 'medicaid.last-resort', 'Medicaid is the payer of last resort');
  if (ka === 'medigap' || kb === 'medigap')
    return pick(
      kb === 'medigap',
      'medicare.supplement-after-medicare',
      'a Medicare supplement pays after Medicare',
    );
  if (ka === 'medicare' && kb === 'medicare')
    return pick(a.planType < b.planType, 'medicare.same-program', 'both are Medicare (the same program)');
  if (ka === 'tricare' || kb === 'tricare')
    return pick(kb === 'tricare', 'tricare.secondary', 'TRICARE pays after employer coverage and Medicare');
  if (ka === 'medicare' || kb === 'medicare') {
    const v = medicareVersusGroup(ka === 'medicare' ? b : a, patient, ctx);
    return pick((ka === 'medicare') === v.medicareFirst, v.rule, v.reason, v.verify);
  }
  return naic(a, b, patient, ctx);
};

const activeOn = (c: Coverage, date: string): boolean =>
  c.effective.start <= date && (c.effective.end === null || date <= c.effective.end);

/**
 * Puts a patient's coverages in paying order for a date of service, with the rule behind each
 * step.
 *
 * Coverages not in force on the date are excluded; workers' compensation and auto coverage pay
 * first for a related injury (`context.injury`) and are excluded otherwise. Between group plans
 * the NAIC rules apply in order (no COB provision; subscriber over dependent; birthday rule for
 * children of parents together, court decree then custody for separated parents; active over
 * retired or laid off; continuation (COBRA) last; longer coverage; else undetermined, shared
 * equally). Between Medicare and a group plan the MSP rules apply (ESRD 30-month coordination,
 * first come first served; working aged with 20+ employees; disability with 100+; retiree and
 * COBRA coverage after Medicare). A Medigap plan follows Medicare, TRICARE follows other
 * coverage, Medicaid is last. Dates are calendar dates; no time zone is involved.
 *
 * @param coverages - the patient's coverages (not mutated)
 * @param patientFacts - date of birth, Medicare entitlement, parents' situation (checked)
 * @param context - date of service and related injury
 * @returns `Right(PayerOrder)`; `Left` `insurance.no-coverage` when no coverage is in force on the
 *   date, `Left(ValidationError)` when the patient facts or the date of service are malformed
 * @example
 * // A child covered by both parents, who live together: mother born 03-14, father 09-02.
 * const parentPlan = (id: string, parentBorn: string) =>
 *   parseCoverage({ id, payerId: `payer-${id}`, planType: 'PPO', memberId: `M-${id}`, relationship: 'child',
 *     subscriber: { dateOfBirth: parentBorn, employment: 'active', employerSize: 300 },
 *     effective: { start: '2020-01-01', end: null } });
 * const father = parentPlan('father', '1981-09-02');
 * const mother = parentPlan('mother', '1984-03-14');
 * if (isOk(father) && isOk(mother))
 *   determinePayerOrder([father.right, mother.right], { dateOfBirth: '2016-05-01' }, { dateOfService: '2026-11-23' });
 * // → order [mother, father], decision rule 'naic.birthday'
 */
export const determinePayerOrder = (
  coverages: readonly Coverage[],
  patientFacts: PayerOrderPatientInput,
  context: PayerOrderContext,
): Either<InsuranceError | ValidationError, PayerOrder> => {
  const facts = parsePayerOrderPatient(patientFacts);
  if (facts._tag === 'Left') return facts;
  const date = parseWith('PayerOrderContext', PayerOrderDateSchema, context);
  if (date._tag === 'Left') return date;
  const patient = facts.right;
  const excluded: { coverageId: string; reason: string }[] = [];
  const inForce: Coverage[] = [];
  for (const c of coverages) {
    if (!activeOn(c, context.dateOfService))
      excluded.push({ coverageId: c.id, reason: 'not in force on the date of service' });
    else if (
      KIND[c.planType] === 'injury' &&
      (context.injury ?? null) !== (c.planType === 'workers-comp' ? 'work' : 'auto')
    )
      excluded.push({ coverageId: c.id, reason: 'pays only for a related injury' });
    else inForce.push(c);
  }
  if (inForce.length === 0)
    return err({ code: 'insurance.no-coverage', message: 'no coverage is in force on the date of service' });
  // Insertion sort: a handful of coverages, and a stable order for ties.
  const order: Coverage[] = [];
  for (const c of inForce) {
    let i = order.length;
    while (i > 0 && compare(c, order[i - 1] as Coverage, patient, context).first === 'a') i--;
    order.splice(i, 0, c);
  }
  const decisions: PayerOrderDecision[] = [];
  for (let i = 1; i < order.length; i++) {
    const a = order[i - 1] as Coverage;
    const b = order[i] as Coverage;
    const v = compare(a, b, patient, context);
    decisions.push({
      primary: a.id,
      secondary: b.id,
      rule: v.rule,
      reason: v.reason,
      verify: v.verify ?? false,
    });
  }
  return ok({ order, decisions, excluded });
};
